/* model.h - what a trained model holds, and the naive Bayes math over it.
 *
 * A model stores counts, not weights: for each language sub-model, the
 * number of training documents per label and, for each feature, the number
 * of documents of each label that contain it (binary features). Counts are
 * exact integers, so models add up (merge, update) and the file is
 * deterministic. Weights are derived from the counts when a model is built
 * or loaded (pl_sub_prepare):
 *   multinomial NB  s[f][c] = log((n_fc + a) / (N_c + a V))
 *   complement NB   w[f][c] = log((sum_{c'!=c} n_fc' + a) / (sum_{c'!=c} N_c' + a V)),
 *                   s[f][c] = -w[f][c] / sum_f |w[f][c]|   (Rennie et al. 2003)
 * with optional IDF weighting of the counts (n_fc * log(D / df_f)), and the
 * score of label c for a document with features F is b[c] + sum_{f in F}
 * s[f][c], b[c] = log prior (multinomial) or 0 (complement). Probabilities
 * are softmax(score / T) with the temperature T fitted at training time,
 * and the chosen label's probability is then mapped through a monotone
 * calibration curve fitted on cross-validated predictions (pl_calibrate). */
#ifndef PL_MODEL_H
#define PL_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "featurize.h"
#include "plaint.h"
#include "script.h"

enum { PL_ALGO_MNB = 0, PL_ALGO_CNB = 1 };

struct pl_modelopts {
    uint32_t algo;
    double alpha;
    uint32_t idf;
    uint32_t min_count; /* features seen in fewer documents are ignored when scoring */
    struct pl_featopts feat;
};

struct pl_sub {
    plaint_lang lang;
    uint64_t ndocs;
    uint64_t *docs;   /* [nlabels] documents per label */
    size_t nfeat;
    uint64_t *hash;   /* [nfeat] strictly ascending */
    uint32_t *counts; /* [nfeat * nlabels] documents of label c containing feature f */
    uint32_t *str_off, *str_len; /* [nfeat] each feature's string in strs */
    char *strs;
    size_t strs_len;
    double temperature;
    /* top-label calibration: the confidence of the chosen label is mapped
     * through the piecewise-linear curve (cal_x[i], cal_y[i]), fitted on
     * cross-validated predictions; ncal 0: no map */
    uint32_t ncal;
    double *cal_x, *cal_y;
    /* derived by pl_sub_prepare */
    float *s;         /* [nfeat * nlabels] score weights */
    double *bias;     /* [nlabels] */
    uint32_t *index;  /* open addressing: feature index + 1, 0 = empty */
    size_t imask;
};

#define PL_MAX_SUBS 3

/* The identities a model records (IDNT section): stemmers pl, bg, el, the
 * tokenizer, the feature hash. */
enum { PL_IDENT_STEM_PL, PL_IDENT_STEM_BG, PL_IDENT_STEM_EL, PL_IDENT_TOKENIZER,
       PL_IDENT_FEATURES, PL_NIDENT };

struct plaint_model {
    size_t nlabels;
    char **labels; /* sorted by bytes, NUL-terminated */
    struct pl_modelopts opts;
    struct pl_sub *sub[PL_MAX_SUBS]; /* by language: PL, BG, EL (NULL: none) */
    uint64_t stat_lines, stat_skipped;
    char *ident[PL_NIDENT]; /* as read from a file; NULL: this library's own */
    uint32_t format_version; /* of the file it was read from; 0: built here */
};

/* The identity i a model was trained with (this library's own when the
 * model was built here or its file did not record it). */
const char *pl_model_ident(const struct plaint_model *m, int i);

/* This library's identity i. */
const char *pl_ident_current(int i);

/* Derives s, bias and the feature index from the counts. Returns 0 or -1
 * (out of memory). */
int pl_sub_prepare(struct pl_sub *sub, size_t nlabels, const struct pl_modelopts *opts);

/* The index of a feature hash in sub, or -1. */
long pl_sub_find(const struct pl_sub *sub, uint64_t h);

/* Raw scores (before temperature) of a document's features for every label. */
void pl_sub_score(const struct pl_sub *sub, size_t nlabels, const uint64_t *hashes, size_t n,
                  double *scores);

/* probs = softmax(scores / T); returns the index of the best label (lowest
 * index on ties). */
size_t pl_softmax(const double *scores, size_t nlabels, double temperature, double *probs);

/* Maps probs[best] through sub's calibration curve and rescales the other
 * probabilities so they sum to 1 with it (never above it). */
void pl_calibrate(const struct pl_sub *sub, size_t nlabels, size_t best, double *probs);

#define PL_MAX_CAL 64 /* knots in a calibration curve */

void pl_sub_free(struct pl_sub *sub);
void pl_model_free(struct plaint_model *m);

#endif
