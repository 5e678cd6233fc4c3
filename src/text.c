/* text.c - one context's text pipeline (see text.h for the data flow). */
#include "text.h"

#include "featurize.h"
#include "translit.h"

#include <string.h>

#include "script.h"
#include "status.h"
#include "tokenize.h"
#include "utf8.h"

enum { SRC_CACHE = 0, SRC_SCRATCH = 1 };

struct pl_tokref {
    size_t text_off, text_len, stem_off, stem_len;
    size_t fold_off, fold_len; /* in foldarena (SRC_CACHE) or scratch */
    uint64_t fold_h;
    unsigned char src; /* SRC_CACHE or SRC_SCRATCH: where the strings live */
    unsigned char kind;
};

plaint_status pl_text_init(struct pl_text *t, const void *template_bi)
{
    memset(t, 0, sizeof *t);
    plaint_status st = PLAINT_E_INTERNAL;
    if (pl_norm_init(&t->norm) != 0)
        goto fail;
    if (pl_stemmers_init(&t->stemmers) != 0)
        goto fail;
    if (template_bi == NULL) {
        t->own_template = pl_tok_template_new();
        if (t->own_template == NULL)
            goto fail;
        template_bi = t->own_template;
    }
    int nomem;
    t->tz = pl_tokzr_new(template_bi, &nomem);
    if (t->tz == NULL) {
        st = nomem ? PLAINT_E_NOMEM : PLAINT_E_INTERNAL;
        goto fail;
    }
    return PLAINT_OK;
fail:
    pl_text_free(t);
    return st;
}

void pl_text_free(struct pl_text *t)
{
    pl_tokzr_free(t->tz);
    pl_tok_template_free(t->own_template);
    pl_norm_free(&t->norm);
    pl_stemmers_free(&t->stemmers);
    pl_cache_free(&t->cache);
    pl_buf_free(&t->clean);
    pl_buf_free(&t->translit);
    pl_buf_free(&t->scratch);
    pl_buf_free(&t->tmp);
    pl_buf_free(&t->word);
    pl_free(t->refs);
    pl_free(t->toks);
    pl_buf_free(&t->foldarena);
    pl_free(t->folds);
    memset(t, 0, sizeof *t);
}

static struct pl_tokref *push_ref(struct pl_text *t)
{
    if (t->nrefs == t->caprefs) {
        const size_t cap = t->caprefs < 256 ? 256 : t->caprefs * 2;
        struct pl_tokref *const r = pl_realloc(t->refs, cap * sizeof *r);
        if (r == NULL)
            return NULL;
        t->refs = r;
        t->caprefs = cap;
    }
    return &t->refs[t->nrefs++];
}

/* Folds the scratch stem of r (already appended) into scratch after it. */
static int fold_scratch(struct pl_text *t, struct pl_tokref *r, plaint_lang lang)
{
    if (pl_buf_reserve(&t->scratch, r->stem_len + 1) != 0)
        return -1;
    r->fold_off = t->scratch.len;
    r->fold_len = pl_fold_stem(lang, t->scratch.data + r->stem_off, r->stem_len,
                               t->scratch.data + t->scratch.len);
    r->fold_h = pl_fnv1a(PL_FNV_INIT, t->scratch.data + r->fold_off, r->fold_len);
    t->scratch.len += r->fold_len;
    return 0;
}

/* Appends a token whose text and stem are the same scratch string. */
static int push_scratch(struct pl_text *t, plaint_token_kind kind, const char *s, size_t n,
                        plaint_lang lang)
{
    struct pl_tokref *const r = push_ref(t);
    if (r == NULL)
        return -1;
    r->src = SRC_SCRATCH;
    r->kind = (unsigned char)kind;
    r->text_off = r->stem_off = t->scratch.len;
    r->text_len = r->stem_len = n;
    if (pl_buf_append(&t->scratch, s, n) != 0)
        return -1;
    return fold_scratch(t, r, lang);
}

/* Gives cache entry e its folded stem, on its first use. Returns 0 or -1. */
static int entry_fold(struct pl_text *t, struct pl_cache_entry *e, plaint_lang lang)
{
    if (e->fold_len != UINT32_MAX)
        return 0;
    if (pl_buf_reserve(&t->foldarena, e->stem_len + 1) != 0)
        return -1;
    char *const out = t->foldarena.data + t->foldarena.len;
    const size_t n = pl_fold_stem(lang, t->cache.arena.data + e->stem_off, e->stem_len, out);
    e->fold_off = (uint32_t)t->foldarena.len;
    e->fold_len = (uint32_t)n;
    e->fold_h = pl_fnv1a(PL_FNV_INIT, out, n);
    t->foldarena.len += n;
    return 0;
}

/* Empties the cache and what is remembered per entry. */
static void cache_clear(struct pl_text *t)
{
    pl_cache_clear(&t->cache);
    t->foldarena.len = 0;
}

static const char *mark_text(unsigned bits)
{
    if ((bits & 3) == 3)
        return "?!";
    if (bits & 1)
        return (bits & 4) ? "!!" : "!";
    return (bits & 4) ? "??" : "?";
}

/* Normalizes (and for words, stems) a word or number token, through the
 * cache. */
static int push_word(struct pl_text *t, const char *s, const struct pl_rawtok *rt,
                     plaint_lang lang)
{
    const char *const key = s + rt->start;
    const size_t n = rt->end - rt->start;
    const unsigned ckey = (unsigned)lang * 8u + (unsigned)rt->kind;
    const uint64_t h = pl_cache_hash(ckey, key, n);
    struct pl_cache_entry *e = pl_cache_find(&t->cache, h, ckey, key, n);
    struct pl_tokref *const r = push_ref(t);
    if (r == NULL)
        return -1;
    r->kind = (unsigned char)rt->kind;
    if (e == NULL) {
        t->word.len = 0;
        t->tmp.len = 0;
        if (pl_norm_fold(&t->norm, key, n, &t->word) != 0)
            return -1;
        const struct pl_buf *stem = &t->word;
        if (rt->kind == PLAINT_TOKEN_WORD) {
            if (pl_stem_word(&t->stemmers, &t->norm, lang, t->word.data, t->word.len,
                             &t->tmp) != 0)
                return -1;
            stem = &t->tmp;
        }
        e = pl_cache_insert(&t->cache, h, ckey, key, n, t->word.data, t->word.len, stem->data,
                            stem->len);
        if (e == NULL) { /* cache at its limit (or no memory): keep the strings per text */
            r->src = SRC_SCRATCH;
            r->text_off = t->scratch.len;
            r->text_len = t->word.len;
            if (pl_buf_append(&t->scratch, t->word.data, t->word.len) != 0)
                return -1;
            r->stem_off = t->scratch.len;
            r->stem_len = stem->len;
            if (pl_buf_append(&t->scratch, stem->data, stem->len) != 0)
                return -1;
            return fold_scratch(t, r, lang);
        }
    }
    if (entry_fold(t, e, lang) != 0)
        return -1;
    r->src = SRC_CACHE;
    r->text_off = e->norm_off;
    r->text_len = e->norm_len;
    r->stem_off = e->stem_off;
    r->stem_len = e->stem_len;
    r->fold_off = e->fold_off;
    r->fold_len = e->fold_len;
    r->fold_h = e->fold_h;
    return 0;
}

/* The emoji code points of a segment, without selectors and modifiers. */
static int push_emoji(struct pl_text *t, const char *s, const struct pl_rawtok *rt,
                      plaint_lang lang)
{
    t->tmp.len = 0;
    size_t i = rt->start;
    while (i < rt->end) {
        const int32_t cp = pl_utf8_next((const unsigned char *)s, rt->end, &i);
        if (cp >= 0 && pl_tok_is_emoji(cp)) {
            char enc[4];
            if (pl_buf_append(&t->tmp, enc, pl_utf8_encode((uint32_t)cp, enc)) != 0)
                return -1;
        }
    }
    return push_scratch(t, PLAINT_TOKEN_EMOJI, t->tmp.data, t->tmp.len, lang);
}

static int tokenize_chunk(struct pl_text *t, const char *s, size_t len, plaint_lang lang)
{
    if (pl_tokzr_set_text(t->tz, s, len) != 0)
        return -2;
    struct pl_rawtok rt;
    while (pl_tokzr_next(t->tz, &rt)) {
        int rc;
        switch (rt.kind) {
        case PLAINT_TOKEN_WORD:
        case PLAINT_TOKEN_NUMBER:
            rc = push_word(t, s, &rt, lang);
            break;
        case PLAINT_TOKEN_EMOJI:
            rc = push_emoji(t, s, &rt, lang);
            break;
        case PLAINT_TOKEN_MARK: {
            const char *const m = mark_text(rt.marks);
            rc = push_scratch(t, PLAINT_TOKEN_MARK, m, strlen(m), lang);
            break;
        }
        case PLAINT_TOKEN_URL:
            rc = push_scratch(t, PLAINT_TOKEN_URL, "<url>", 5, lang);
            break;
        default:
            rc = push_scratch(t, PLAINT_TOKEN_EMAIL, "<email>", 7, lang);
            break;
        }
        if (rc != 0)
            return -1;
    }
    return 0;
}

/* Where to cut a text longer than one tokenizer pass: after the last ASCII
 * whitespace before the limit, or else at a code point boundary. */
static size_t chunk_len(const char *s, size_t len)
{
    if (len <= PL_TOK_MAX_TEXT)
        return len;
    size_t cut = PL_TOK_MAX_TEXT;
    while (cut > PL_TOK_MAX_TEXT / 2 && (unsigned char)s[cut - 1] > ' ')
        cut--;
    if (cut == PL_TOK_MAX_TEXT / 2) {
        cut = PL_TOK_MAX_TEXT;
        while ((s[cut] & 0xC0) == 0x80)
            cut--;
    }
    return cut;
}

/* Makes s valid UTF-8: either checks it (strict) or copies it with U+FFFD
 * replacements into t->clean. */
static plaint_status make_valid(struct pl_text *t, const char **s, size_t *len, unsigned flags,
                                size_t *replaced, plaint_error *err)
{
    *replaced = 0;
    const size_t good = pl_utf8_valid_prefix(*s, *len);
    if (good == *len)
        return PLAINT_OK;
    if (!(flags & PLAINT_TEXT_REPLACE_INVALID))
        return pl_error_set(err, PLAINT_E_INPUT, "<text>", 0, good,
                            "invalid UTF-8 at byte %zu", good);
    t->clean.len = 0;
    if (pl_utf8_sanitize(*s, *len, &t->clean, replaced) != 0)
        return pl_error_set(err, PLAINT_E_NOMEM, "<text>", 0, 0, "out of memory");
    *s = t->clean.data;
    *len = t->clean.len;
    return PLAINT_OK;
}

plaint_status pl_text_tokenize(struct pl_text *t, const char *s, size_t len, plaint_lang lang,
                               unsigned flags, plaint_tokens *out, plaint_error *err)
{
    size_t replaced = 0;
    plaint_status st = make_valid(t, &s, &len, flags, &replaced, err);
    if (st != PLAINT_OK)
        return st;
    /* the language: by script, and for Latin letters by pl_latin_lang; a
     * Greek or Bulgarian text typed in Latin letters is transliterated (a
     * language given by the caller is used as it is) */
    if (lang == PLAINT_LANG_AUTO) {
        lang = pl_script_detect(s, len);
        if (lang == PLAINT_LANG_PL && (lang = pl_latin_lang(s, len)) != PLAINT_LANG_PL) {
            t->translit.len = 0;
            if (pl_translit(lang, s, len, &t->translit) != 0)
                return pl_error_set(err, PLAINT_E_NOMEM, "<text>", 0, 0, "out of memory");
            s = t->translit.data;
            len = t->translit.len;
        }
    }
    if (pl_cache_full(&t->cache))
        cache_clear(t);
    t->nrefs = 0;
    t->scratch.len = 0;
    while (len > 0) {
        const size_t n = chunk_len(s, len);
        const int rc = tokenize_chunk(t, s, n, lang);
        if (rc == -2)
            return pl_error_set(err, PLAINT_E_INTERNAL, "<text>", 0, 0,
                                "ICU word break failed");
        if (rc != 0)
            return pl_error_set(err, PLAINT_E_NOMEM, "<text>", 0, 0, "out of memory");
        s += n;
        len -= n;
    }
    if (t->nrefs > t->captoks) {
        plaint_token *const toks = pl_realloc(t->toks, t->nrefs * sizeof *toks);
        if (toks == NULL)
            return pl_error_set(err, PLAINT_E_NOMEM, "<text>", 0, 0, "out of memory");
        t->toks = toks;
        t->captoks = t->nrefs;
    }
    if (t->nrefs > t->capfolds) {
        struct pl_folded *const f = pl_realloc(t->folds, t->nrefs * sizeof *f);
        if (f == NULL)
            return pl_error_set(err, PLAINT_E_NOMEM, "<text>", 0, 0, "out of memory");
        t->folds = f;
        t->capfolds = t->nrefs;
    }
    for (size_t i = 0; i < t->nrefs; i++) {
        const struct pl_tokref *const r = &t->refs[i];
        const char *const base = r->src == SRC_CACHE ? t->cache.arena.data : t->scratch.data;
        plaint_token *const tok = &t->toks[i];
        tok->text = base + r->text_off;
        tok->len = r->text_len;
        tok->stem = (flags & PLAINT_TEXT_STEMS) ? base + r->stem_off : tok->text;
        tok->stem_len = (flags & PLAINT_TEXT_STEMS) ? r->stem_len : tok->len;
        tok->kind = (plaint_token_kind)r->kind;
        t->folds[i].s = (r->src == SRC_CACHE ? t->foldarena.data : t->scratch.data) + r->fold_off;
        t->folds[i].len = r->fold_len;
        t->folds[i].h = r->fold_h;
    }
    out->tokens = t->toks;
    out->count = t->nrefs;
    out->lang = lang;
    out->replaced = replaced;
    return PLAINT_OK;
}

const struct pl_folded *pl_text_folds(const struct pl_text *t)
{
    return t->folds;
}

plaint_status pl_text_document(struct pl_text *t, const char *s, size_t len, plaint_lang lang,
                               unsigned flags, plaint_tokens *toks, int *slot,
                               plaint_error *err)
{
    const plaint_status st =
        pl_text_tokenize(t, s, len, lang, flags | PLAINT_TEXT_STEMS, toks, err);
    if (st != PLAINT_OK)
        return st;
    *slot = pl_lang_slot(toks->lang);
    if (*slot < 0)
        return pl_error_set(err, PLAINT_E_UNSUPPORTED, "<text>", 0, 0, "%s",
                            toks->lang == PLAINT_LANG_NONE
                                ? "the text has no letters"
                                : "the text is not in Polish, Bulgarian or Greek script");
    return PLAINT_OK;
}

plaint_status pl_text_stem(struct pl_text *t, plaint_lang lang, const char *s, size_t len,
                           unsigned flags, const char **stem, size_t *stem_len,
                           plaint_error *err)
{
    size_t replaced = 0;
    plaint_status st = make_valid(t, &s, &len, flags, &replaced, err);
    if (st != PLAINT_OK)
        return st;
    t->scratch.len = 0;
    if (pl_norm_fold(&t->norm, s, len, &t->scratch) != 0)
        return pl_error_set(err, PLAINT_E_NOMEM, "<text>", 0, 0, "out of memory");
    if (lang == PLAINT_LANG_AUTO)
        lang = pl_script_detect(t->scratch.data, t->scratch.len);
    t->tmp.len = 0;
    if (pl_stem_word(&t->stemmers, &t->norm, lang, t->scratch.data, t->scratch.len,
                     &t->tmp) != 0)
        return pl_error_set(err, PLAINT_E_NOMEM, "<text>", 0, 0, "out of memory");
    *stem = t->tmp.data != NULL ? t->tmp.data : "";
    *stem_len = t->tmp.len;
    return PLAINT_OK;
}
