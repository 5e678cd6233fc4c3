/* featurize.c - unigrams, bigrams and negation scope as hashed features. */
#include "featurize.h"

#include "translit.h"

#include <string.h>

uint64_t pl_fnv1a(uint64_t h, const void *s, size_t n)
{
    const unsigned char *const p = s;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= UINT64_C(0x100000001B3);
    }
    return h;
}

void pl_fx_free(struct pl_fx *fx)
{
    pl_free(fx->hash);
    pl_free(fx->off);
    pl_free(fx->len);
    pl_free(fx->set);
    pl_buf_free(&fx->strs);
    pl_buf_free(&fx->fold);
    pl_free(fx->foff);
    pl_free(fx->flen);
    pl_free(fx->folded);
    memset(fx, 0, sizeof *fx);
}

static int is_negator(plaint_lang lang, const plaint_token *t)
{
    static const char *const pl[] = {"nie", NULL};
    static const char *const bg[] = {"не", NULL};
    static const char *const el[] = {"δεν", "δε", "μην", "μη", "όχι", "οχι", NULL};
    const char *const *list = lang == PLAINT_LANG_PL   ? pl
                              : lang == PLAINT_LANG_BG ? bg
                              : lang == PLAINT_LANG_EL ? el
                                                       : NULL;
    if (list == NULL || t->kind != PLAINT_TOKEN_WORD)
        return 0;
    for (; *list != NULL; list++)
        if (strlen(*list) == t->len && memcmp(*list, t->text, t->len) == 0)
            return 1;
    return 0;
}

/* Doubles the capacity. On failure fx is unchanged (some arrays may have
 * grown, which is harmless: cap only moves when all of them did). */
static int grow(struct pl_fx *fx)
{
    const size_t cap = fx->cap < 64 ? 64 : fx->cap * 2;
    uint64_t *const h = pl_realloc(fx->hash, cap * sizeof *h);
    if (h == NULL)
        return -1;
    fx->hash = h;
    uint32_t *const o = pl_realloc(fx->off, cap * sizeof *o);
    if (o == NULL)
        return -1;
    fx->off = o;
    uint32_t *const l = pl_realloc(fx->len, cap * sizeof *l);
    if (l == NULL)
        return -1;
    fx->len = l;
    /* the duplicate set: at most half full */
    uint32_t *const set = pl_malloc(cap * 2 * sizeof *set);
    if (set == NULL)
        return -1;
    pl_free(fx->set);
    fx->set = set;
    fx->setmask = cap * 2 - 1;
    fx->cap = cap;
    memset(fx->set, 0xFF, cap * 2 * sizeof *fx->set);
    for (size_t i = 0; i < fx->n; i++) {
        size_t j = (size_t)fx->hash[i] & fx->setmask;
        while (fx->set[j] != UINT32_MAX)
            j = (j + 1) & fx->setmask;
        fx->set[j] = (uint32_t)i;
    }
    return 0;
}

/* Adds a feature whose string is prefix + a + sep + b (sep and b optional). */
static int add(struct pl_fx *fx, uint64_t h, int want_strings, const char *prefix,
               const char *a, size_t alen, const char *b, size_t blen)
{
    if (h == 0)
        h = 1; /* 0 marks an empty slot in the trainer's and the model's tables */
    if (fx->n == fx->cap && grow(fx) != 0)
        return -1;
    size_t j = (size_t)h & fx->setmask;
    for (; fx->set[j] != UINT32_MAX; j = (j + 1) & fx->setmask)
        if (fx->hash[fx->set[j]] == h)
            return 0; /* already in this document */
    fx->set[j] = (uint32_t)fx->n;
    fx->hash[fx->n] = h;
    if (want_strings) {
        const size_t start = fx->strs.len;
        if (pl_buf_append(&fx->strs, prefix, strlen(prefix)) != 0 ||
            pl_buf_append(&fx->strs, a, alen) != 0 ||
            (b != NULL && (pl_buf_append(&fx->strs, " ", 1) != 0 ||
                           pl_buf_append(&fx->strs, b, blen) != 0))) {
            fx->set[j] = UINT32_MAX; /* the set holds exactly features 0..n-1 */
            fx->strs.len = start;
            return -1;
        }
        fx->off[fx->n] = (uint32_t)start;
        fx->len[fx->n] = (uint32_t)(fx->strs.len - start);
    }
    fx->n++;
    return 0;
}

/* Folds every token's stem into fx->fold. Returns 0 or -1 (no memory). */
static int fold_stems(struct pl_fx *fx, const plaint_tokens *toks, plaint_lang lang)
{
    if (toks->count > fx->capf) {
        uint32_t *const o = pl_realloc(fx->foff, toks->count * sizeof *o);
        if (o == NULL)
            return -1;
        fx->foff = o;
        uint32_t *const l = pl_realloc(fx->flen, toks->count * sizeof *l);
        if (l == NULL)
            return -1;
        fx->flen = l;
        struct pl_folded *const f = pl_realloc(fx->folded, toks->count * sizeof *f);
        if (f == NULL)
            return -1;
        fx->folded = f;
        fx->capf = toks->count;
    }
    size_t total = 0;
    for (size_t i = 0; i < toks->count; i++)
        total += toks->tokens[i].stem_len;
    fx->fold.len = 0;
    if (pl_buf_reserve(&fx->fold, total + 1) != 0)
        return -1;
    for (size_t i = 0; i < toks->count; i++) {
        const plaint_token *const t = &toks->tokens[i];
        fx->foff[i] = (uint32_t)fx->fold.len;
        fx->flen[i] = (uint32_t)pl_fold_stem(lang, t->stem, t->stem_len,
                                             fx->fold.data + fx->fold.len);
        fx->fold.len += fx->flen[i];
    }
    for (size_t i = 0; i < toks->count; i++) {
        fx->folded[i].s = fx->fold.data + fx->foff[i];
        fx->folded[i].len = fx->flen[i];
        fx->folded[i].h = pl_fnv1a(PL_FNV_INIT, fx->folded[i].s, fx->folded[i].len);
    }
    return 0;
}

/* Empties fx for a new document. */
static void fx_reset(struct pl_fx *fx)
{
    /* empty the duplicate set by clearing only the slots the last document
     * used: after one very long document the set stays large, and clearing
     * all of it for every short document after that would dominate */
    if (fx->set != NULL) {
        if (fx->n * 8 >= fx->setmask + 1) {
            memset(fx->set, 0xFF, (fx->setmask + 1) * sizeof *fx->set);
        } else {
            for (size_t i = 0; i < fx->n; i++) {
                size_t j = (size_t)fx->hash[i] & fx->setmask;
                while (fx->set[j] != (uint32_t)i)
                    j = (j + 1) & fx->setmask;
                fx->set[j] = UINT32_MAX;
            }
        }
    }
    fx->n = 0;
    fx->strs.len = 0;
}

int pl_features(struct pl_fx *fx, const plaint_tokens *toks, plaint_lang lang,
                const struct pl_featopts *opts, int want_strings)
{
    fx_reset(fx);
    return pl_features_add(fx, toks, lang, opts, want_strings);
}

/* The features of tokens whose folded stems are folds[i]. */
static int features_core(struct pl_fx *fx, const plaint_tokens *toks,
                         const struct pl_folded *folds, plaint_lang lang,
                         const struct pl_featopts *opts, int want_strings)
{
    uint32_t scope = 0;
    size_t prev = SIZE_MAX; /* the last token with a non-empty folded stem */
    for (size_t i = 0; i < toks->count; i++) {
        const plaint_token *const t = &toks->tokens[i];
        const char *const stem = folds[i].s;
        const size_t stem_len = folds[i].len;
        if (stem_len == 0)
            continue; /* folding emptied it (a lone Bulgarian ь): no feature */
        const uint64_t h = folds[i].h;
        if (opts->unigrams && add(fx, h, want_strings, "", stem, stem_len, NULL, 0) != 0)
            return -1;
        const size_t p = prev;
        prev = i;
        if (opts->bigrams && p != SIZE_MAX) {
            const char *const pstem = folds[p].s;
            const size_t plen = folds[p].len;
            /* FNV-1a of "pstem stem", continuing from the hash of pstem */
            const uint64_t hb = pl_fnv1a(pl_fnv1a(folds[p].h, " ", 1), stem, stem_len);
            if (add(fx, hb, want_strings, "", pstem, plen, stem, stem_len) != 0)
                return -1;
        }
        if (opts->negation) {
            if (t->kind == PLAINT_TOKEN_MARK) {
                scope = 0;
            } else if (scope > 0) {
                scope--;
                const uint64_t hn = pl_fnv1a(pl_fnv1a(PL_FNV_INIT, "~", 1), stem, stem_len);
                if (add(fx, hn, want_strings, "~", stem, stem_len, NULL, 0) != 0)
                    return -1;
            }
            if (is_negator(lang, t))
                scope = opts->neg_scope;
        }
    }
    return 0;
}

int pl_features_add(struct pl_fx *fx, const plaint_tokens *toks, plaint_lang lang,
                    const struct pl_featopts *opts, int want_strings)
{
    if (fold_stems(fx, toks, lang) != 0)
        return -1;
    return features_core(fx, toks, fx->folded, lang, opts, want_strings);
}

int pl_features_folded(struct pl_fx *fx, const plaint_tokens *toks,
                       const struct pl_folded *folds, plaint_lang lang,
                       const struct pl_featopts *opts, int want_strings)
{
    fx_reset(fx);
    return features_core(fx, toks, folds, lang, opts, want_strings);
}
