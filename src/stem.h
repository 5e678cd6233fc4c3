/* stem.h - per-language stemmers behind one dispatch table.
 *
 * Every stemmer takes a word that the pipeline has already normalized:
 * valid UTF-8, NFKC_Casefold (so lowercase, final sigma folded), with no
 * whitespace. The hand-written stemmers (Polish, Bulgarian) only shorten or
 * replace suffixes, so they work in place and return the new length, which
 * is never larger than the input length. They are pure functions: no state,
 * no allocation, safe from any number of threads. */
#ifndef PL_STEM_H
#define PL_STEM_H

#include <stddef.h>

/* Identity of each algorithm as stored in model files: change the string
 * whenever the output of the stemmer changes for any word. */
#define PL_STEM_PL_VERSION "pl:snowball-polish-3.1/1"
#define PL_STEM_BG_VERSION "bg:savoy-light-lucene/1"

/* Polish: the Snowball `polish` algorithm (snowballstem/snowball
 * algorithms/polish.sbl, Snowball 3.1.0), reimplemented in C.
 * word[0..len) is rewritten in place; returns the new length (<= len). */
size_t pl_stem_pl(char *word, size_t len);

/* Bulgarian: Savoy's light stemmer as shipped by Lucene (BulgarianStemmer).
 * word[0..len) is rewritten in place; returns the new length (<= len). */
size_t pl_stem_bg(char *word, size_t len);

/* ---- the dispatch table ------------------------------------------------ */

#include "alloc.h"
#include "normalize.h"
#include "plaint.h"

#define PL_STEM_EL_VERSION "el:libstemmer-greek+strip-marks/1"

/* Per-context stemming state: the Greek libstemmer object (not shareable
 * between threads) and scratch space. */
struct pl_stemmers {
    struct sb_stemmer *el;
    struct pl_buf scratch;
};

/* Returns 0, or -1 when libstemmer's Greek stemmer cannot be created. */
int pl_stemmers_init(struct pl_stemmers *st);
void pl_stemmers_free(struct pl_stemmers *st);

/* Appends to out the stem of the normalized word w[0..n) (NFKC_Casefold,
 * valid UTF-8) in language lang (PL, BG or EL; other values append the word
 * unchanged). Returns 0, or -1 when out of memory or ICU fails. */
int pl_stem_word(struct pl_stemmers *st, struct pl_norm *norm, plaint_lang lang,
                 const char *w, size_t n, struct pl_buf *out);

/* The identity string of lang's stemmer, or NULL. */
const char *pl_stem_id(plaint_lang lang);

#endif
