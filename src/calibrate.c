/* calibrate.c - a sub-model's temperature and calibration curve, fitted on
 * its calibration sample scored by approximate leave-one-out
 * (pl_sub_loo_scores). The fit depends only on the counts and the sample,
 * both of which merge, so the trainer and plaint_model_merge compute the
 * same calibration from the same data. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "model.h"

int pl_sample_alloc(struct pl_sample *smp, size_t ndocs, size_t nfeat)
{
    memset(smp, 0, sizeof *smp);
    smp->key = pl_malloc((ndocs ? ndocs : 1) * sizeof *smp->key);
    smp->label = pl_malloc((ndocs ? ndocs : 1) * sizeof *smp->label);
    smp->off = pl_malloc((ndocs + 1) * sizeof *smp->off);
    smp->feat = pl_malloc((nfeat ? nfeat : 1) * sizeof *smp->feat);
    if (smp->key == NULL || smp->label == NULL || smp->off == NULL || smp->feat == NULL) {
        pl_sample_free(smp);
        return -1;
    }
    smp->off[0] = 0;
    return 0;
}

void pl_sample_push(struct pl_sample *smp, uint64_t key, uint32_t label, const uint64_t *feat,
                    size_t nf)
{
    const size_t i = smp->n++;
    smp->key[i] = key;
    smp->label[i] = label;
    if (nf > 0)
        memcpy(smp->feat + smp->off[i], feat, nf * sizeof *feat);
    smp->off[i + 1] = smp->off[i] + nf;
}

int pl_sample_cmp(const struct pl_sample *a, size_t i, const struct pl_sample *b, size_t j)
{
    if (a->key[i] != b->key[j])
        return a->key[i] < b->key[j] ? -1 : 1;
    if (a->label[i] != b->label[j])
        return a->label[i] < b->label[j] ? -1 : 1;
    const size_t na = a->off[i + 1] - a->off[i], nb = b->off[j + 1] - b->off[j];
    const uint64_t *const fa = &a->feat[a->off[i]], *const fb = &b->feat[b->off[j]];
    for (size_t k = 0; k < na && k < nb; k++)
        if (fa[k] != fb[k])
            return fa[k] < fb[k] ? -1 : 1;
    return (na > nb) - (na < nb);
}

/* Negative log-likelihood of the gold labels under softmax(beta * scores). */
static double nll(const double *scores, const uint32_t *gold, size_t n, size_t nl, double beta)
{
    double sum = 0;
    for (size_t d = 0; d < n; d++) {
        const double *const s = &scores[d * nl];
        double mx = s[0];
        for (size_t l = 1; l < nl; l++)
            if (s[l] > mx)
                mx = s[l];
        double z = 0;
        for (size_t l = 0; l < nl; l++)
            z += exp(beta * (s[l] - mx));
        sum += log(z) - beta * (s[gold[d]] - mx);
    }
    return sum;
}

/* The temperature that minimizes the leave-one-out NLL: golden-section search on
 * log(beta), beta = 1/T; the NLL is convex in beta, so unimodal in log. */
static double fit_temperature(const double *scores, const uint32_t *gold, size_t n, size_t nl)
{
    double lo = -14.0, hi = 14.0;
    const double g = (sqrt(5.0) - 1.0) / 2.0;
    double x1 = hi - g * (hi - lo), x2 = lo + g * (hi - lo);
    double f1 = nll(scores, gold, n, nl, exp(x1)), f2 = nll(scores, gold, n, nl, exp(x2));
    for (int it = 0; it < 80; it++) {
        if (f1 <= f2) {
            hi = x2;
            x2 = x1;
            f2 = f1;
            x1 = hi - g * (hi - lo);
            f1 = nll(scores, gold, n, nl, exp(x1));
        } else {
            lo = x1;
            x1 = x2;
            f1 = f2;
            x2 = lo + g * (hi - lo);
            f2 = nll(scores, gold, n, nl, exp(x2));
        }
    }
    return 1.0 / exp((lo + hi) / 2.0);
}

struct calpt {
    double p;   /* the chosen label's probability after the temperature */
    int right;  /* whether the chosen label was the gold one */
    size_t doc; /* a tie-breaker, so the order (and the model) is deterministic */
};

static int cmp_calpt(const void *a, const void *b)
{
    const struct calpt *const x = a, *const y = b;
    if (x->p != y->p)
        return x->p < y->p ? -1 : 1;
    return (x->doc > y->doc) - (x->doc < y->doc);
}

/* Fits the top-label calibration curve on leave-one-out scores: the
 * documents are sorted by the chosen label's probability and cut into
 * equal-count bins (at least 40 documents each, at most PL_MAX_CAL); each
 * bin gives a knot (mean probability, share right), and pool-adjacent-
 * violators makes the shares non-decreasing. Fewer than 2 bins: no curve.
 * Returns 0, or -1 when out of memory. */
static int fit_calibration(struct pl_sub *sub, const double *scores, const uint32_t *gold,
                           size_t n, size_t nl)
{
    size_t bins = n / 40;
    if (bins > PL_MAX_CAL)
        bins = PL_MAX_CAL;
    if (bins < 2)
        return 0;
    struct calpt *const pts = pl_malloc(n * sizeof *pts);
    double *const probs = pl_malloc(nl * sizeof *probs);
    double *const x = pl_malloc(bins * sizeof *x), *const y = pl_malloc(bins * sizeof *y);
    double *const w = pl_malloc(bins * sizeof *w);
    /* pool adjacent violators: blocks [start..b] share their weighted mean */
    size_t *const start = pl_malloc(bins * sizeof *start);
    double *const by = pl_malloc(bins * sizeof *by), *const bw = pl_malloc(bins * sizeof *bw);
    const int ok = pts != NULL && probs != NULL && x != NULL && y != NULL && w != NULL &&
                   start != NULL && by != NULL && bw != NULL;
    if (ok) {
        for (size_t d = 0; d < n; d++) {
            const size_t best = pl_softmax(&scores[d * nl], nl, sub->temperature, probs);
            pts[d].p = probs[best];
            pts[d].right = best == gold[d];
            pts[d].doc = d;
        }
        qsort(pts, n, sizeof *pts, cmp_calpt);
        for (size_t b = 0; b < bins; b++) {
            const size_t lo = b * n / bins, hi = (b + 1) * n / bins;
            double sp = 0, sr = 0;
            for (size_t i = lo; i < hi; i++) {
                sp += pts[i].p;
                sr += pts[i].right;
            }
            x[b] = sp / (double)(hi - lo);
            y[b] = sr / (double)(hi - lo);
            w[b] = (double)(hi - lo);
        }
        size_t nb = 0;
        for (size_t b = 0; b < bins; b++) {
            start[nb] = b;
            by[nb] = y[b];
            bw[nb] = w[b];
            nb++;
            while (nb > 1 && by[nb - 2] > by[nb - 1]) {
                by[nb - 2] = (by[nb - 2] * bw[nb - 2] + by[nb - 1] * bw[nb - 1]) /
                             (bw[nb - 2] + bw[nb - 1]);
                bw[nb - 2] += bw[nb - 1];
                nb--;
            }
        }
        for (size_t k = 0; k < nb; k++) {
            const size_t end = k + 1 < nb ? start[k + 1] : bins;
            for (size_t b = start[k]; b < end; b++)
                y[b] = by[k];
        }
    }
    pl_free(by);
    pl_free(bw);
    pl_free(start);
    pl_free(pts);
    pl_free(probs);
    pl_free(w);
    if (!ok) {
        pl_free(x);
        pl_free(y);
        return -1;
    }
    sub->cal_x = x;
    sub->cal_y = y;
    sub->ncal = (uint32_t)bins;
    return 0;
}

int pl_sub_calibrate(struct pl_sub *sub, size_t nl, const struct pl_modelopts *opts)
{
    pl_free(sub->cal_x);
    pl_free(sub->cal_y);
    sub->cal_x = sub->cal_y = NULL;
    sub->ncal = 0;
    sub->temperature = 1.0;
    const size_t n = sub->smp.n;
    if (n < PL_CAL_MIN_DOCS)
        return 0;
    double *const scores = pl_malloc(n * nl * sizeof *scores);
    if (scores == NULL)
        return -1;
    pl_sub_loo_scores(sub, nl, opts, scores);
    sub->temperature = fit_temperature(scores, sub->smp.label, n, nl);
    const int rc = fit_calibration(sub, scores, sub->smp.label, n, nl);
    pl_free(scores);
    if (rc != 0)
        sub->temperature = 1.0;
    return rc;
}
