/* merge.c - plaint_model_merge: models of parts of a corpus summed into the
 * model of the whole.
 *
 * Naive Bayes counts add up: the merged sub-model of a language has the
 * union of the features, each count the sum of the inputs' counts, and the
 * documents per label summed. The calibration sample is the bottom S (by
 * pl_sample_cmp) of the union of the inputs' samples, which is the bottom S
 * of all their documents; calibration is then refitted on it exactly as the
 * trainer fits it (pl_sub_calibrate). Labels are the sorted union, so each
 * input's label indices are remapped (monotonically: the order of samples
 * is kept). Everything is a function of the inputs' counts and samples, so
 * the merge of models trained on A, B, C is the model trained on A+B+C. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "model.h"
#include "status.h"

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Index of label s in the sorted union, which holds it. */
static size_t find_label(char *const *labels, size_t n, const char *s)
{
    size_t lo = 0, hi = n;
    while (hi - lo > 1) {
        const size_t mid = lo + (hi - lo) / 2;
        if (strcmp(labels[mid], s) <= 0)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* Byte-wise order of two feature strings (a prefix first). */
static int cmp_bytes(const char *a, size_t an, const char *b, size_t bn)
{
    const int c = memcmp(a, b, an < bn ? an : bn);
    return c != 0 ? c : (an > bn) - (an < bn);
}

static const char *on_off(uint64_t v)
{
    return v ? "on" : "off";
}

int pl_modelopts_diff(const struct pl_modelopts *a, const struct pl_modelopts *b, char *da,
                      char *db, size_t size)
{
#define DIFF(fmt, x, y)                  \
    do {                                 \
        snprintf(da, size, fmt, x);      \
        snprintf(db, size, fmt, y);      \
        return 1;                        \
    } while (0)
    if (a->algo != b->algo)
        DIFF("algorithm %s", a->algo == PL_ALGO_CNB ? "cnb" : "mnb",
             b->algo == PL_ALGO_CNB ? "cnb" : "mnb");
    if (memcmp(&a->alpha, &b->alpha, sizeof a->alpha) != 0)
        DIFF("alpha %.17g", a->alpha, b->alpha);
    if (a->idf != b->idf)
        DIFF("idf %s", on_off(a->idf), on_off(b->idf));
    if (a->min_count != b->min_count)
        DIFF("min-count %u", (unsigned)a->min_count, (unsigned)b->min_count);
    if (a->feat.unigrams != b->feat.unigrams)
        DIFF("unigrams %s", on_off((uint64_t)a->feat.unigrams),
             on_off((uint64_t)b->feat.unigrams));
    if (a->feat.bigrams != b->feat.bigrams)
        DIFF("bigrams %s", on_off((uint64_t)a->feat.bigrams), on_off((uint64_t)b->feat.bigrams));
    if (a->feat.negation != b->feat.negation)
        DIFF("negation %s", on_off((uint64_t)a->feat.negation),
             on_off((uint64_t)b->feat.negation));
    if (a->feat.neg_scope != b->feat.neg_scope)
        DIFF("negation scope %u", (unsigned)a->feat.neg_scope, (unsigned)b->feat.neg_scope);
    if (a->cal_sample != b->cal_sample)
        DIFF("calibration sample %u", (unsigned)a->cal_sample, (unsigned)b->cal_sample);
#undef DIFF
    return 0;
}

/* Checks that model i can be merged with model 0; fills err otherwise. */
static plaint_status check_input(const struct plaint_model *const *models, size_t i,
                                 plaint_error *err)
{
    static const char *const ident_name[PL_NIDENT] = {
        "Polish stemmer", "Bulgarian stemmer", "Greek stemmer", "tokenizer", "feature hashing"};
    const struct plaint_model *const m = models[i], *const m0 = models[0];
    const uint64_t line = (uint64_t)i + 1;
    if (!m->mergeable)
        return pl_error_set(err, PLAINT_E_ARG, NULL, line, 0,
                            "trained without --mergeable (it keeps no calibration samples), so "
                            "it cannot be merged");
    char da[64], db[64];
    if (pl_modelopts_diff(&m->opts, &m0->opts, da, db, sizeof da))
        return pl_error_set(err, PLAINT_E_ARG, NULL, line, 0,
                            "trained with %s, but the first model with %s", da, db);
    for (int k = 0; k < PL_NIDENT; k++) {
        const char *const x = pl_model_ident(m, k), *const y = pl_model_ident(m0, k);
        if (strcmp(x, y) != 0)
            return pl_error_set(err, PLAINT_E_ARG, NULL, line, 0,
                                "trained with %s %s, but the first model with %s", ident_name[k],
                                x, y);
    }
    return PLAINT_OK;
}

/* What merge_sub needs to know about the inputs. */
struct inputs {
    const struct plaint_model *const *models;
    size_t n;
    size_t **map; /* [n][model's labels] -> index in the union */
    size_t nl;    /* labels in the union */
    const struct pl_modelopts *opts;
};

#define OVERFLOW(what) \
    pl_error_set(err, PLAINT_E_INPUT, NULL, 0, 0, "the merged %s would overflow", what)
#define NOMEM() pl_error_set(err, PLAINT_E_NOMEM, NULL, 0, 0, "out of memory")

/* The union of the inputs' features of one language, into sub->hash. */
static plaint_status merge_features(const struct inputs *in, int slot, struct pl_sub *sub,
                                    plaint_error *err)
{
    size_t total = 0;
    for (size_t i = 0; i < in->n; i++)
        if (in->models[i]->sub[slot] != NULL)
            total += in->models[i]->sub[slot]->nfeat;
    uint64_t *const all = pl_malloc((total ? total : 1) * sizeof *all);
    if (all == NULL)
        return NOMEM();
    size_t k = 0;
    for (size_t i = 0; i < in->n; i++) {
        const struct pl_sub *const s = in->models[i]->sub[slot];
        if (s == NULL)
            continue;
        memcpy(all + k, s->hash, s->nfeat * sizeof *all);
        k += s->nfeat;
    }
    qsort(all, total, sizeof *all, pl_cmp_u64);
    size_t nf = 0;
    for (size_t j = 0; j < total; j++)
        if (nf == 0 || all[j] != all[nf - 1])
            all[nf++] = all[j];
    sub->hash = all;
    sub->nfeat = nf;
    return PLAINT_OK;
}

/* Counts, documents and the feature strings (the byte-wise smallest of a
 * hash's strings) of one language. */
static plaint_status merge_counts(const struct inputs *in, int slot, struct pl_sub *sub,
                                  plaint_error *err)
{
    const size_t nl = in->nl, nf = sub->nfeat;
    plaint_status st = PLAINT_OK;
    uint64_t *const sum = pl_calloc((nf ? nf : 1) * nl, sizeof *sum);
    const char **const str = pl_calloc(nf ? nf : 1, sizeof *str);
    sub->docs = pl_calloc(nl, sizeof *sub->docs);
    sub->counts = pl_malloc((nf ? nf : 1) * nl * sizeof *sub->counts);
    sub->str_off = pl_malloc((nf ? nf : 1) * sizeof *sub->str_off);
    sub->str_len = pl_calloc(nf ? nf : 1, sizeof *sub->str_len);
    if (sum == NULL || str == NULL || sub->docs == NULL || sub->counts == NULL ||
        sub->str_off == NULL || sub->str_len == NULL) {
        st = NOMEM();
        goto done;
    }
    for (size_t i = 0; i < in->n; i++) {
        const struct pl_sub *const s = in->models[i]->sub[slot];
        if (s == NULL)
            continue;
        const size_t inl = in->models[i]->nlabels;
        const size_t *const map = in->map[i];
        if (s->ndocs > UINT64_MAX - sub->ndocs) {
            st = OVERFLOW("document count");
            goto done;
        }
        sub->ndocs += s->ndocs;
        for (size_t l = 0; l < inl; l++)
            sub->docs[map[l]] += s->docs[l]; /* at most ndocs: no overflow */
        for (size_t f = 0; f < s->nfeat; f++) {
            const size_t u = pl_find_u64(sub->hash, nf, s->hash[f]);
            for (size_t l = 0; l < inl; l++)
                sum[u * nl + map[l]] += s->counts[f * inl + l];
            const char *const x = s->strs + s->str_off[f];
            if (str[u] == NULL || cmp_bytes(x, s->str_len[f], str[u], sub->str_len[u]) < 0) {
                str[u] = x;
                sub->str_len[u] = s->str_len[f];
            }
        }
    }
    for (size_t j = 0; j < nf * nl; j++) {
        if (sum[j] > UINT32_MAX) {
            st = OVERFLOW("feature count");
            goto done;
        }
        sub->counts[j] = (uint32_t)sum[j];
    }
    size_t bytes = 0;
    for (size_t f = 0; f < nf; f++) {
        if (sub->str_len[f] > UINT32_MAX - bytes) {
            st = OVERFLOW("feature strings");
            goto done;
        }
        sub->str_off[f] = (uint32_t)bytes;
        bytes += sub->str_len[f];
    }
    sub->strs = pl_malloc(bytes ? bytes : 1);
    if (sub->strs == NULL) {
        st = NOMEM();
        goto done;
    }
    for (size_t f = 0; f < nf; f++)
        if (sub->str_len[f] > 0)
            memcpy(sub->strs + sub->str_off[f], str[f], sub->str_len[f]);
    sub->strs_len = bytes;
done:
    pl_free(sum);
    pl_free((void *)str);
    return st;
}

/* The merged calibration sample of one language: the bottom S of the union
 * of the inputs' samples, labels remapped. */
static plaint_status merge_samples(const struct inputs *in, int slot, struct pl_sub *sub,
                                   plaint_error *err)
{
    const size_t n = in->n;
    plaint_status st = PLAINT_OK;
    /* the inputs' samples with their labels remapped, so they compare */
    struct pl_sample *const view = pl_calloc(n, sizeof *view);
    uint32_t **const labels = pl_calloc(n, sizeof *labels);
    size_t *const pos = pl_calloc(n, sizeof *pos);
    if (view == NULL || labels == NULL || pos == NULL) {
        st = NOMEM();
        goto done;
    }
    size_t avail = 0, feats = 0;
    for (size_t i = 0; i < n; i++) {
        const struct pl_sub *const s = in->models[i]->sub[slot];
        if (s == NULL)
            continue;
        view[i] = s->smp;
        labels[i] = pl_malloc((s->smp.n ? s->smp.n : 1) * sizeof *labels[i]);
        if (labels[i] == NULL) {
            st = NOMEM();
            goto done;
        }
        for (size_t d = 0; d < s->smp.n; d++)
            labels[i][d] = (uint32_t)in->map[i][s->smp.label[d]];
        view[i].label = labels[i];
        avail += s->smp.n;
        feats += s->smp.n ? s->smp.off[s->smp.n] : 0;
    }
    size_t want = in->opts->cal_sample;
    if (want > sub->ndocs)
        want = (size_t)sub->ndocs;
    if (want > avail)
        want = avail; /* only with inconsistent inputs: the loader checks sizes */
    if (pl_sample_alloc(&sub->smp, want, feats) != 0) {
        st = NOMEM();
        goto done;
    }
    for (size_t k = 0; k < want; k++) {
        size_t best = n;
        for (size_t i = 0; i < n; i++)
            if (pos[i] < view[i].n &&
                (best == n || pl_sample_cmp(&view[i], pos[i], &view[best], pos[best]) < 0))
                best = i;
        const struct pl_sample *const v = &view[best];
        const size_t d = pos[best]++;
        pl_sample_push(&sub->smp, v->key[d], v->label[d], v->feat + v->off[d],
                       v->off[d + 1] - v->off[d]);
    }
done:
    for (size_t i = 0; labels != NULL && i < n; i++)
        pl_free(labels[i]);
    pl_free(labels);
    pl_free(view);
    pl_free(pos);
    return st;
}

static plaint_status merge_sub(const struct inputs *in, int slot, struct pl_sub **out,
                               plaint_error *err)
{
    *out = NULL;
    const struct pl_sub *first = NULL;
    for (size_t i = 0; i < in->n && first == NULL; i++)
        first = in->models[i]->sub[slot];
    if (first == NULL)
        return PLAINT_OK; /* no input has this language */
    struct pl_sub *const sub = pl_calloc(1, sizeof *sub);
    if (sub == NULL)
        return NOMEM();
    sub->lang = first->lang;
    sub->temperature = 1.0;
    plaint_status st = merge_features(in, slot, sub, err);
    if (st == PLAINT_OK)
        st = merge_counts(in, slot, sub, err);
    if (st == PLAINT_OK && pl_sub_prepare(sub, in->nl, in->opts) != 0)
        st = NOMEM();
    if (st == PLAINT_OK)
        st = merge_samples(in, slot, sub, err);
    if (st == PLAINT_OK && pl_sub_calibrate(sub, in->nl, in->opts) != 0)
        st = NOMEM();
    if (st != PLAINT_OK) {
        pl_sub_free(sub);
        return st;
    }
    *out = sub;
    return PLAINT_OK;
}

plaint_status plaint_model_merge(const plaint_model *const *models, size_t n, plaint_model **out,
                                 plaint_error *err)
{
    if (out != NULL)
        *out = NULL;
    if (out == NULL || models == NULL || n == 0)
        return pl_error_set(err, PLAINT_E_ARG, NULL, 0, 0, "plaint_model_merge: %s",
                            out == NULL ? "out is NULL" : "no models to merge");
    for (size_t i = 0; i < n; i++)
        if (models[i] == NULL)
            return pl_error_set(err, PLAINT_E_ARG, NULL, (uint64_t)i + 1, 0,
                                "plaint_model_merge: model %zu is NULL", i + 1);
    for (size_t i = 0; i < n; i++) {
        const plaint_status st = check_input(models, i, err);
        if (st != PLAINT_OK)
            return st;
    }
    plaint_status st = PLAINT_OK;
    struct inputs in = {models, n, NULL, 0, &models[0]->opts};
    struct plaint_model *const m = pl_calloc(1, sizeof *m);
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += models[i]->nlabels;
    char **const names = pl_malloc(total * sizeof *names);
    in.map = pl_calloc(n, sizeof *in.map);
    if (m == NULL || names == NULL || in.map == NULL)
        goto nomem;
    /* labels: the sorted union */
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t l = 0; l < models[i]->nlabels; l++)
            names[k++] = models[i]->labels[l];
    qsort(names, total, sizeof *names, cmp_str);
    size_t nl = 0;
    for (size_t j = 0; j < total; j++)
        if (nl == 0 || strcmp(names[j], names[nl - 1]) != 0)
            names[nl++] = names[j];
    if (nl < 2) {
        st = pl_error_set(err, PLAINT_E_INPUT, NULL, 0, 0,
                          "the merged model would have fewer than 2 labels");
        goto fail;
    }
    m->labels = pl_calloc(nl, sizeof *m->labels);
    if (m->labels == NULL)
        goto nomem;
    m->nlabels = nl;
    for (size_t l = 0; l < nl; l++) {
        const size_t len = strlen(names[l]);
        if ((m->labels[l] = pl_malloc(len + 1)) == NULL)
            goto nomem;
        memcpy(m->labels[l], names[l], len + 1);
    }
    for (size_t i = 0; i < n; i++) {
        const size_t inl = models[i]->nlabels;
        if ((in.map[i] = pl_malloc((inl ? inl : 1) * sizeof *in.map[i])) == NULL)
            goto nomem;
        for (size_t l = 0; l < inl; l++)
            in.map[i][l] = find_label(m->labels, nl, models[i]->labels[l]);
    }
    in.nl = nl;
    m->opts = models[0]->opts;
    m->mergeable = 1;
    for (int j = 0; j < PL_NIDENT; j++) {
        const char *const id = models[0]->ident[j];
        if (id == NULL)
            continue;
        const size_t len = strlen(id);
        if ((m->ident[j] = pl_malloc(len + 1)) == NULL)
            goto nomem;
        memcpy(m->ident[j], id, len + 1);
    }
    for (size_t i = 0; i < n; i++) {
        if (models[i]->stat_lines > UINT64_MAX - m->stat_lines ||
            models[i]->stat_skipped > UINT64_MAX - m->stat_skipped) {
            st = OVERFLOW("statistics");
            goto fail;
        }
        m->stat_lines += models[i]->stat_lines;
        m->stat_skipped += models[i]->stat_skipped;
    }
    for (int slot = 0; slot < PL_MAX_SUBS; slot++)
        if ((st = merge_sub(&in, slot, &m->sub[slot], err)) != PLAINT_OK)
            goto fail;
    for (size_t i = 0; i < n; i++)
        pl_free(in.map[i]);
    pl_free(in.map);
    pl_free(names);
    *out = m;
    return PLAINT_OK;
nomem:
    st = NOMEM();
fail:
    for (size_t i = 0; in.map != NULL && i < n; i++)
        pl_free(in.map[i]);
    pl_free(in.map);
    pl_free(names);
    pl_model_free(m);
    return st;
}
