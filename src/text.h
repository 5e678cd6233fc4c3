/* text.h - the text pipeline of one context: UTF-8 check, language by
 * script, word break, normalization, stemming, with the stem cache.
 *
 * Data flow for one text:
 *   bytes --(utf8: validate, or replace with U+FFFD)--> valid UTF-8
 *         --(script: majority script, unless a language is given; Latin
 *            text: pl_latin_lang)--> lang
 *         --(Latin-typed Greek or Bulgarian: pl_translit)--> native script
 *         --(tokenize: ICU word break + our token rules)--> raw tokens
 *         --(stemcache hit, or normalize + stem on a miss)--> plaint_token[]
 * The token strings live in the cache arena or a per-text scratch buffer,
 * referred to by offset while the text is processed and turned into
 * pointers at the end, so buffers may grow in between. */
#ifndef PL_TEXT_H
#define PL_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "alloc.h"
#include "normalize.h"
#include "plaint.h"
#include "stem.h"
#include "stemcache.h"

struct pl_tokref;

/* A token's folded stem (pl_fold_stem) and its FNV-1a hash from
 * PL_FNV_INIT: what the features are made of. */
struct pl_folded {
    const char *s;
    size_t len;
    uint64_t h;
};


struct pl_text {
    void *own_template; /* the break-iterator template, when not shared */
    struct pl_tokzr *tz;
    struct pl_norm norm;
    struct pl_stemmers stemmers;
    struct pl_cache cache;
    struct pl_buf clean;   /* the text after U+FFFD replacement */
    struct pl_buf translit; /* a Latin-typed Greek/Bulgarian text, transliterated */
    struct pl_buf scratch; /* token strings not in the cache */
    struct pl_buf word;    /* a normalized word before caching */
    struct pl_buf tmp;     /* its stem before caching */
    struct pl_tokref *refs;
    size_t nrefs, caprefs;
    plaint_token *toks;
    size_t captoks;
    struct pl_buf foldarena;  /* folded stems of cache entries */
    struct pl_folded *folds;  /* per token of the last text */
    size_t capfolds;
};

/* Sets up *t. template_bi is a shared break-iterator template (from
 * pl_tok_template_new) or NULL to open one of its own. Returns PLAINT_OK,
 * PLAINT_E_NOMEM or PLAINT_E_INTERNAL (ICU/libstemmer); on failure *t is
 * left freed. */
plaint_status pl_text_init(struct pl_text *t, const void *template_bi);
void pl_text_free(struct pl_text *t);

/* The pipeline for one text; see plaint_tokenize. */
plaint_status pl_text_tokenize(struct pl_text *t, const char *s, size_t len, plaint_lang lang,
                               unsigned flags, plaint_tokens *out, plaint_error *err);

/* The folded stems of the tokens of the last pl_text_document (one per
 * token, in order), valid until the next call on t. */
const struct pl_folded *pl_text_folds(const struct pl_text *t);

/* Tokenizes (with stems) a document that must be in a supported language:
 * a text without letters, or of another script, fails with
 * PLAINT_E_UNSUPPORTED and a message saying which. On success *slot is the
 * language's slot (0..2, see pl_lang_slot). */
plaint_status pl_text_document(struct pl_text *t, const char *s, size_t len, plaint_lang lang,
                               unsigned flags, plaint_tokens *toks, int *slot,
                               plaint_error *err);

/* Normalize and stem one word; see plaint_stem. */
plaint_status pl_text_stem(struct pl_text *t, plaint_lang lang, const char *s, size_t len,
                           unsigned flags, const char **stem, size_t *stem_len,
                           plaint_error *err);

#endif
