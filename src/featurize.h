/* featurize.h - turning a document's tokens into naive Bayes features.
 *
 * Feature families (each can be switched off by options):
 *   unigram   the stem of a word, or the text of any other token
 *             (number, emoji, "!!", "<url>" ...);
 *   bigram    two adjacent unigrams joined by one space: "nie dział";
 *   negation  "~" + the unigram, for the words in the scope of a negator
 *             (Polish nie, Bulgarian не, Greek δεν/δε/μην/μη/όχι): the next
 *             `neg_scope` tokens, ending early at a ! or ? run.
 * Stems are folded first (pl_fold_stem: Polish without diacritics, Greek
 * vowels and digraphs that informal spelling confuses, Bulgarian ъ/й), so
 * informal and proper spellings give the same features.
 * Every feature is identified by the 64-bit FNV-1a hash of its string, so a
 * model file stores hashes (and the strings, for explanations), and labeling
 * never has to build a string. A hash of 0 is replaced by 1 (0 marks empty
 * slots in hash tables), in the trainer and at labeling alike. Features are
 * binary: a document either has
 * a feature or not (Wang & Manning 2012; Metsis et al. 2006). */
#ifndef PL_FEATURIZE_H
#define PL_FEATURIZE_H

#include <stddef.h>
#include <stdint.h>

#include "alloc.h"
#include "plaint.h"
#include "text.h"

#define PL_FEAT_HASH_ID "fnv1a64+fold/2"

struct pl_featopts {
    int unigrams;
    int bigrams;
    int negation;
    uint32_t neg_scope;
};

/* The distinct features of one document. With want_strings, strs holds each
 * feature's string: feature i is strs.data[off[i] .. off[i]+len[i]). */
struct pl_fx {
    uint64_t *hash;
    uint32_t *off, *len;
    size_t n, cap;
    struct pl_buf strs;
    /* open-addressing set used to drop duplicates within a document */
    uint32_t *set;
    size_t setmask;
    /* the document's folded stems: token i is fold.data[foff[i] .. +flen[i]) */
    struct pl_buf fold;
    uint32_t *foff, *flen;
    struct pl_folded *folded;
    size_t capf;
};

void pl_fx_free(struct pl_fx *fx);

/* FNV-1a 64 over s[0..n), continuing from h (start with PL_FNV_INIT). */
#define PL_FNV_INIT UINT64_C(0xCBF29CE484222325)
uint64_t pl_fnv1a(uint64_t h, const void *s, size_t n);

/* Extracts the distinct features of a tokenized document (tokens with
 * stems). lang selects the negators. Returns 0, or -1 when out of memory. */
int pl_features(struct pl_fx *fx, const plaint_tokens *toks, plaint_lang lang,
                const struct pl_featopts *opts, int want_strings);

/* As pl_features, from the tokens' folded stems already made (by the text
 * pipeline, which folds each distinct word once): folds[i] belongs to
 * toks->tokens[i]. */
int pl_features_folded(struct pl_fx *fx, const plaint_tokens *toks,
                       const struct pl_folded *folds, plaint_lang lang,
                       const struct pl_featopts *opts, int want_strings);

/* As pl_features, adding to the features already in fx (a feature already
 * there is not repeated). */
int pl_features_add(struct pl_fx *fx, const plaint_tokens *toks, plaint_lang lang,
                    const struct pl_featopts *opts, int want_strings);

#endif
