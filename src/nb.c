/* nb.c - naive Bayes weights from counts, scoring, softmax (see model.h). */
#include <math.h>
#include <string.h>

#include "alloc.h"
#include "model.h"

long pl_sub_find(const struct pl_sub *sub, uint64_t h)
{
    if (sub->index == NULL)
        return -1;
    for (size_t j = (size_t)(h ^ (h >> 31)) & sub->imask;; j = (j + 1) & sub->imask) {
        const uint32_t v = sub->index[j];
        if (v == 0)
            return -1;
        if (sub->hash[v - 1] == h)
            return (long)v - 1;
    }
}

/* The IDF factor of a feature in df of ndocs documents (1 without IDF). */
static inline double feat_idf(const struct pl_modelopts *opts, double ndocs, uint64_t df)
{
    return opts->idf ? log(ndocs / (double)df) + 1.0 : 1.0;
}

/* The weight of a feature for one label, before complement NB's
 * normalization: n = its weighted count in the label, sum = its weighted
 * count in all labels, tot = the label's weighted total, all = the total of
 * all labels, av = alpha * vocabulary. Shared by pl_sub_prepare and
 * pl_sub_loo_scores, so the two cannot drift apart. */
static inline double nb_weight(const struct pl_modelopts *opts, double n, double sum, double tot,
                               double all, double av)
{
    const double a = opts->alpha;
    if (opts->algo == PL_ALGO_CNB)
        return log((sum - n + a) / (all - tot + av));
    return log((n + a) / (tot + av));
}

/* The label prior: log((docs + 1) / (ndocs + nlabels)); 0 for complement NB. */
static inline double nb_bias(const struct pl_modelopts *opts, double docs, double ndocs,
                             size_t nlabels)
{
    if (opts->algo == PL_ALGO_CNB)
        return 0.0;
    return log((docs + 1.0) / (ndocs + (double)nlabels));
}

/* The scoring table (see struct pl_sub): a feature below min_count weighs
 * 0 and is left out, which changes no score. */
static int build_stab(struct pl_sub *sub, size_t nlabels, const struct pl_modelopts *opts)
{
    pl_free(sub->stab);
    sub->stab = NULL;
    size_t active = 0;
    for (size_t f = 0; f < sub->nfeat; f++) {
        uint64_t df = 0;
        for (size_t l = 0; l < nlabels; l++)
            df += sub->counts[f * nlabels + l];
        active += df >= opts->min_count;
    }
    size_t slots = 16;
    while (slots < active * 2)
        slots *= 2;
    const size_t stride = (sizeof(uint64_t) + nlabels * sizeof(float) + 7) & ~(size_t)7;
    sub->stab = pl_calloc(slots, stride);
    if (sub->stab == NULL)
        return -1;
    sub->smask = slots - 1;
    sub->sstride = stride;
    for (size_t f = 0; f < sub->nfeat; f++) {
        uint64_t df = 0;
        for (size_t l = 0; l < nlabels; l++)
            df += sub->counts[f * nlabels + l];
        if (df < opts->min_count)
            continue;
        const uint64_t h = sub->hash[f]; /* never 0 */
        size_t j = (size_t)(h ^ (h >> 31)) & sub->smask;
        for (;; j = (j + 1) & sub->smask) {
            uint64_t v;
            memcpy(&v, sub->stab + j * stride, sizeof v);
            if (v == 0)
                break;
        }
        unsigned char *const slot = sub->stab + j * stride;
        memcpy(slot, &h, sizeof h);
        memcpy(slot + sizeof h, &sub->s[f * nlabels], nlabels * sizeof(float));
    }
    return 0;
}

int pl_sub_prepare(struct pl_sub *sub, size_t nlabels, const struct pl_modelopts *opts)
{
    const size_t nf = sub->nfeat;
    pl_free(sub->s);
    pl_free(sub->bias);
    pl_free(sub->wtot);
    pl_free(sub->wnorm);
    pl_free(sub->index);
    sub->s = pl_malloc((nf ? nf : 1) * nlabels * sizeof *sub->s);
    sub->bias = pl_calloc(nlabels, sizeof *sub->bias);
    sub->wtot = pl_calloc(nlabels, sizeof *sub->wtot);
    sub->wnorm = pl_calloc(nlabels, sizeof *sub->wnorm);
    double *const row = pl_malloc(nlabels * sizeof *row);
    size_t islots = 16;
    while (islots < nf * 2)
        islots *= 2;
    sub->index = pl_calloc(islots, sizeof *sub->index);
    sub->imask = islots - 1;
    if (sub->s == NULL || sub->bias == NULL || sub->wtot == NULL || sub->wnorm == NULL ||
        row == NULL || sub->index == NULL) {
        pl_free(row);
        return -1;
    }
    double *const tot = sub->wtot, *const norm = sub->wnorm;
    const double ndocs = (double)(sub->ndocs ? sub->ndocs : 1);
    size_t vocab = 0;
    /* pass 1: per-feature weight (IDF) and the totals per label */
    for (size_t f = 0; f < nf; f++) {
        const uint32_t *const c = &sub->counts[f * nlabels];
        uint64_t df = 0;
        for (size_t l = 0; l < nlabels; l++)
            df += c[l];
        if (df < opts->min_count)
            continue;
        vocab++;
        const double idf = feat_idf(opts, ndocs, df);
        for (size_t l = 0; l < nlabels; l++)
            tot[l] += (double)c[l] * idf;
    }
    sub->vocab = vocab;
    double all = 0;
    for (size_t l = 0; l < nlabels; l++)
        all += tot[l];
    const double av = opts->alpha * (double)(vocab ? vocab : 1);
    /* pass 2: weights */
    for (size_t f = 0; f < nf; f++) {
        const uint32_t *const c = &sub->counts[f * nlabels];
        float *const s = &sub->s[f * nlabels];
        uint64_t df = 0;
        for (size_t l = 0; l < nlabels; l++)
            df += c[l];
        if (df < opts->min_count) {
            memset(s, 0, nlabels * sizeof *s);
            continue;
        }
        const double idf = feat_idf(opts, ndocs, df);
        double sum = 0;
        for (size_t l = 0; l < nlabels; l++)
            sum += (double)c[l] * idf;
        for (size_t l = 0; l < nlabels; l++) {
            row[l] = nb_weight(opts, (double)c[l] * idf, sum, tot[l], all, av);
            if (opts->algo == PL_ALGO_CNB)
                norm[l] += fabs(row[l]);
            s[l] = (float)row[l];
        }
    }
    if (opts->algo == PL_ALGO_CNB) {
        for (size_t f = 0; f < nf; f++)
            for (size_t l = 0; l < nlabels; l++)
                sub->s[f * nlabels + l] =
                    norm[l] > 0 ? (float)(-(double)sub->s[f * nlabels + l] / norm[l]) : 0.0f;
    }
    for (size_t l = 0; l < nlabels; l++)
        sub->bias[l] = nb_bias(opts, (double)sub->docs[l], ndocs, nlabels);
    for (size_t f = 0; f < nf; f++) {
        const uint64_t h = sub->hash[f];
        size_t j = (size_t)(h ^ (h >> 31)) & sub->imask;
        while (sub->index[j] != 0)
            j = (j + 1) & sub->imask;
        sub->index[j] = (uint32_t)(f + 1);
    }
    pl_free(row);
    return build_stab(sub, nlabels, opts);
}

void pl_sub_loo_scores(const struct pl_sub *sub, size_t nlabels, const struct pl_modelopts *opts,
                       double *scores)
{
    const struct pl_sample *const smp = &sub->smp;
    /* kept from the full counts: IDF (by its ndocs), vocabulary, normalizers */
    const double ndocs = (double)(sub->ndocs ? sub->ndocs : 1);
    const double av = opts->alpha * (double)(sub->vocab ? sub->vocab : 1);
    const uint64_t keep = opts->min_count > 1 ? opts->min_count : 1;
    double all = 0;
    for (size_t l = 0; l < nlabels; l++)
        all += sub->wtot[l];
    for (size_t i = 0; i < smp->n; i++) {
        const size_t g = smp->label[i];
        const uint64_t *const feat = &smp->feat[smp->off[i]];
        const size_t nf = smp->off[i + 1] - smp->off[i];
        double *const sc = &scores[i * nlabels];
        /* the document's own part of its label's weighted total */
        double own = 0;
        for (size_t k = 0; k < nf; k++) {
            const long f = pl_sub_find(sub, feat[k]);
            if (f < 0)
                continue; /* not counted: cannot happen (the loader checks) */
            const uint32_t *const c = &sub->counts[(size_t)f * nlabels];
            uint64_t df = 0;
            for (size_t l = 0; l < nlabels; l++)
                df += c[l];
            if (df >= opts->min_count)
                own += feat_idf(opts, ndocs, df);
        }
        /* the priors without the document (none for complement NB) */
        const double ndocs1 = (double)sub->ndocs - 1.0;
        for (size_t l = 0; l < nlabels; l++)
            sc[l] = nb_bias(opts, (double)sub->docs[l] - (l == g ? 1.0 : 0.0), ndocs1, nlabels);
        for (size_t k = 0; k < nf; k++) {
            const long f = pl_sub_find(sub, feat[k]);
            if (f < 0)
                continue;
            const uint32_t *const c = &sub->counts[(size_t)f * nlabels];
            uint64_t df = 0;
            for (size_t l = 0; l < nlabels; l++)
                df += c[l];
            if (df < opts->min_count || df - 1 < keep)
                continue; /* no weight, or none once the document is left out */
            const double idf = feat_idf(opts, ndocs, df);
            double sum = 0;
            for (size_t l = 0; l < nlabels; l++)
                sum += (double)c[l] * idf;
            sum -= idf;
            for (size_t l = 0; l < nlabels; l++) {
                const double n = ((double)c[l] - (l == g ? 1.0 : 0.0)) * idf;
                const double tot = sub->wtot[l] - (l == g ? own : 0.0);
                const double w = nb_weight(opts, n, sum, tot, all - own, av);
                /* rounded as pl_sub_prepare rounds the stored weights */
                float s = (float)w;
                if (opts->algo == PL_ALGO_CNB)
                    s = sub->wnorm[l] > 0 ? (float)(-(double)s / sub->wnorm[l]) : 0.0f;
                sc[l] += s;
            }
        }
    }
}

void pl_sub_score(const struct pl_sub *sub, size_t nlabels, const uint64_t *hashes, size_t n,
                  double *scores)
{
    for (size_t l = 0; l < nlabels; l++)
        scores[l] = sub->bias[l];
    if (sub->stab == NULL)
        return;
    const size_t stride = sub->sstride;
    for (size_t i = 0; i < n; i++) {
        const uint64_t h = hashes[i];
        for (size_t j = (size_t)(h ^ (h >> 31)) & sub->smask;; j = (j + 1) & sub->smask) {
            const unsigned char *const slot = sub->stab + j * stride;
            uint64_t v;
            memcpy(&v, slot, sizeof v);
            if (v == h) { /* the weights follow the hash, 4-byte aligned */
                const float *const w = (const float *)(const void *)(slot + sizeof v);
                for (size_t l = 0; l < nlabels; l++)
                    scores[l] += w[l];
                break;
            }
            if (v == 0)
                break;
        }
    }
}

size_t pl_softmax(const double *scores, size_t nlabels, double temperature, double *probs)
{
    size_t best = 0;
    for (size_t l = 1; l < nlabels; l++)
        if (scores[l] > scores[best])
            best = l;
    const double t = temperature > 0 ? temperature : 1.0;
    double sum = 0;
    for (size_t l = 0; l < nlabels; l++) {
        probs[l] = exp((scores[l] - scores[best]) / t);
        sum += probs[l];
    }
    for (size_t l = 0; l < nlabels; l++)
        probs[l] /= sum;
    return best;
}

void pl_calibrate(const struct pl_sub *sub, size_t nlabels, size_t best, double *probs)
{
    if (sub->ncal == 0 || nlabels < 2)
        return;
    const double p = probs[best];
    const double *const x = sub->cal_x, *const y = sub->cal_y;
    const size_t k = sub->ncal;
    double c;
    if (p <= x[0]) {
        c = y[0];
    } else if (p >= x[k - 1]) {
        c = y[k - 1];
    } else {
        size_t i = 1;
        while (x[i] < p)
            i++;
        const double dx = x[i] - x[i - 1];
        c = dx > 0 ? y[i - 1] + (y[i] - y[i - 1]) * (p - x[i - 1]) / dx : y[i];
    }
    /* the chosen label stays the most probable: c >= every other rescaled
     * probability, i.e. c >= q / (1 - p + q) for the runner-up q */
    double q = 0;
    for (size_t l = 0; l < nlabels; l++)
        if (l != best && probs[l] > q)
            q = probs[l];
    const double floor_c = q / (1.0 - p + q);
    if (c < floor_c)
        c = floor_c;
    if (c > 1.0)
        c = 1.0;
    const double rest = 1.0 - p;
    for (size_t l = 0; l < nlabels; l++) {
        if (l == best)
            probs[l] = c;
        else
            probs[l] = rest > 0 ? probs[l] * (1.0 - c) / rest : (1.0 - c) / (double)(nlabels - 1);
    }
}

void pl_sample_free(struct pl_sample *smp)
{
    pl_free(smp->key);
    pl_free(smp->label);
    pl_free(smp->off);
    pl_free(smp->feat);
    memset(smp, 0, sizeof *smp);
}

void pl_sub_free(struct pl_sub *sub)
{
    if (sub == NULL)
        return;
    pl_free(sub->docs);
    pl_free(sub->hash);
    pl_free(sub->counts);
    pl_free(sub->str_off);
    pl_free(sub->str_len);
    pl_free(sub->strs);
    pl_free(sub->s);
    pl_free(sub->bias);
    pl_free(sub->wtot);
    pl_free(sub->wnorm);
    pl_free(sub->index);
    pl_free(sub->stab);
    pl_free(sub->cal_x);
    pl_free(sub->cal_y);
    pl_sample_free(&sub->smp);
    pl_free(sub);
}

void pl_model_free(struct plaint_model *m)
{
    if (m == NULL)
        return;
    for (size_t i = 0; i < m->nlabels; i++)
        pl_free(m->labels[i]);
    pl_free(m->labels);
    for (int i = 0; i < PL_MAX_SUBS; i++)
        pl_sub_free(m->sub[i]);
    for (int i = 0; i < PL_NIDENT; i++)
        pl_free(m->ident[i]);
    pl_free(m);
}

int pl_cmp_u64(const void *a, const void *b)
{
    const uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

size_t pl_find_u64(const uint64_t *a, size_t n, uint64_t h)
{
    size_t lo = 0, hi = n;
    while (hi - lo > 1) {
        const size_t mid = lo + (hi - lo) / 2;
        if (a[mid] <= h)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}
