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
 * calibration curve (pl_calibrate). Both are fitted on the sub-model's
 * calibration sample (struct pl_sample), each sample document scored by the
 * counts without its own (approximate leave-one-out, pl_sub_loo_scores):
 * the sample and the counts merge, so calibration can be recomputed after
 * a merge (pl_sub_calibrate). */
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
    uint32_t cal_sample; /* S: calibration sample size per language (0: no calibration;
                          * also 0 for a file that predates the field) */
};

/* A calibration sample: the documents of a sub-model with the smallest
 * keys (pl_sample_cmp order), at most S of them, kept in that order. The
 * bottom S of a union of corpora is the bottom S of the union of each
 * corpus's bottom S, which is what lets samples (and models) merge. */
struct pl_sample {
    size_t n;
    uint64_t *key;   /* [n] FNV-1a 64 of label TAB text */
    uint32_t *label; /* [n] label index */
    size_t *off;     /* [n + 1] document i's features are feat[off[i] .. off[i+1]) */
    uint64_t *feat;  /* feature hashes, strictly ascending within a document */
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
     * leave-one-out predictions on the sample; ncal 0: no map */
    uint32_t ncal;
    double *cal_x, *cal_y;
    struct pl_sample smp; /* the calibration sample (kept in mergeable models only) */
    /* derived by pl_sub_prepare */
    float *s;         /* [nfeat * nlabels] score weights */
    double *bias;     /* [nlabels] */
    double *wtot;     /* [nlabels] weighted feature totals per label */
    double *wnorm;    /* [nlabels] complement NB: sum_f |w[f][c]|; else 0 */
    size_t vocab;     /* features at or above min_count */
    uint32_t *index;  /* open addressing: feature index + 1, 0 = empty */
    size_t imask;
    /* for scoring: the features at or above min_count only, each slot its
     * hash (0: empty) and its weights side by side, so that a lookup
     * touches one cache line instead of three (index, hash, weights) */
    unsigned char *stab;
    size_t smask, sstride;
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
    int mergeable; /* every sub-model keeps its calibration sample (SMPL sections) */
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

/* Approximate leave-one-out scores of sub's calibration sample: document i
 * is scored (into scores[i * nlabels ..]) by sub's counts with its own
 * removed (its features' counts in its label, its label's documents, the
 * documents, the label's weighted total), keeping the vocabulary size, the
 * IDF values and the complement NB normalizers of the full counts; a
 * feature left in fewer than max(min_count, 1) documents scores nothing.
 * sub must be prepared (pl_sub_prepare) and every sample document counted
 * in it. */
void pl_sub_loo_scores(const struct pl_sub *sub, size_t nlabels, const struct pl_modelopts *opts,
                       double *scores);

/* The order of calibration samples: by key, then label index, then the
 * sorted feature list (lexicographically, a prefix first). Compares
 * document i of a with document j of b. */
int pl_sample_cmp(const struct pl_sample *a, size_t i, const struct pl_sample *b, size_t j);

/* Fits sub's temperature and calibration curve on its sample (replacing
 * any it had): with fewer than PL_CAL_MIN_DOCS sample documents, T = 1 and
 * no curve. sub must be prepared. Returns 0, or -1 when out of memory (sub
 * then has T = 1 and no curve). */
int pl_sub_calibrate(struct pl_sub *sub, size_t nlabels, const struct pl_modelopts *opts);

#define PL_CAL_MIN_DOCS 10

/* Allocates room for ndocs documents with nfeat features in all, and sets
 * n = 0. Returns 0 or -1 (out of memory; smp is left empty). */
int pl_sample_alloc(struct pl_sample *smp, size_t ndocs, size_t nfeat);

/* Appends a document (its features already sorted); the room must have
 * been allocated. */
void pl_sample_push(struct pl_sample *smp, uint64_t key, uint32_t label, const uint64_t *feat,
                    size_t nf);

void pl_sample_free(struct pl_sample *smp);

/* probs = softmax(scores / T); returns the index of the best label (lowest
 * index on ties). */
size_t pl_softmax(const double *scores, size_t nlabels, double temperature, double *probs);

/* Maps probs[best] through sub's calibration curve and rescales the other
 * probabilities so they sum to 1 with it (never above it). */
void pl_calibrate(const struct pl_sub *sub, size_t nlabels, size_t best, double *probs);

#define PL_MAX_CAL 64 /* knots in a calibration curve */

/* Whether two models' options differ (1) or not (0); on a difference, da
 * and db (size bytes each) describe the first one, e.g. "alpha 1" and
 * "alpha 0.5". */
int pl_modelopts_diff(const struct pl_modelopts *a, const struct pl_modelopts *b, char *da,
                      char *db, size_t size);

void pl_sub_free(struct pl_sub *sub);
void pl_model_free(struct plaint_model *m);

/* Sorted uint64_t arrays (feature hashes): a qsort comparator, and the
 * index of h in the ascending a[0..n), which must hold it. */
int pl_cmp_u64(const void *a, const void *b);
size_t pl_find_u64(const uint64_t *a, size_t n, uint64_t h);

#endif
