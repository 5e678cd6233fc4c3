/* stem.c - one dispatch table over the per-language stemmers.
 *
 * Polish and Bulgarian are our own C implementations (stem_pl.c,
 * stem_bg.c). Greek is Snowball's `greek` from libstemmer, wrapped here with
 * the input it needs: Snowball's Greek lowercases and strips accents only for
 * precomposed monotonic letters, and maps ϊ/ΐ to η (eta) instead of ι. So we
 * decompose (NFD) and drop every combining mark first: ά -> α, ϊ -> ι,
 * ΐ -> ι, polytonic ἄ -> α. libstemmer returns NULL for some inputs (for
 * example ισαισα in 2.2.0) and on out-of-memory, and an empty stem for some
 * everyday words (ίδια, ίσα, ους: the whole word is a suffix); the unstemmed,
 * unaccented word is kept then, so no token is lost. Marks are stripped
 * from Greek letters only: a Latin "café" in Greek text stays "café". */
#include "stem.h"

#include <string.h>

#include <libstemmer.h>

typedef int (*stem_fn)(struct pl_stemmers *st, struct pl_norm *norm, const char *w, size_t n,
                       struct pl_buf *out);

static int stem_inplace(size_t (*fn)(char *, size_t), const char *w, size_t n,
                        struct pl_buf *out)
{
    if (n == 0)
        return 0;
    if (pl_buf_reserve(out, n) != 0)
        return -1;
    char *const dst = out->data + out->len;
    memcpy(dst, w, n);
    out->len += fn(dst, n);
    return 0;
}

static int stem_pl(struct pl_stemmers *st, struct pl_norm *norm, const char *w, size_t n,
                   struct pl_buf *out)
{
    (void)st;
    (void)norm;
    return stem_inplace(pl_stem_pl, w, n, out);
}

static int stem_bg(struct pl_stemmers *st, struct pl_norm *norm, const char *w, size_t n,
                   struct pl_buf *out)
{
    (void)st;
    (void)norm;
    return stem_inplace(pl_stem_bg, w, n, out);
}

static int stem_el(struct pl_stemmers *st, struct pl_norm *norm, const char *w, size_t n,
                   struct pl_buf *out)
{
    st->scratch.len = 0;
    if (pl_norm_strip_marks(norm, w, n, &st->scratch) != 0)
        return -1;
    const sb_symbol *stem = NULL;
    int stem_len = 0;
    if (st->scratch.len <= (size_t)INT32_MAX) {
        stem = sb_stemmer_stem(st->el, (const sb_symbol *)st->scratch.data,
                               (int)st->scratch.len);
        if (stem != NULL)
            stem_len = sb_stemmer_length(st->el);
    }
    if (stem == NULL || stem_len == 0) /* NULL or empty (ίδια, ίσα): keep the word */
        return pl_buf_append(out, st->scratch.data, st->scratch.len);
    return pl_buf_append(out, stem, (size_t)stem_len);
}

static const struct {
    plaint_lang lang;
    const char *id;
    stem_fn stem;
} modules[] = {
    {PLAINT_LANG_PL, PL_STEM_PL_VERSION, stem_pl},
    {PLAINT_LANG_BG, PL_STEM_BG_VERSION, stem_bg},
    {PLAINT_LANG_EL, PL_STEM_EL_VERSION, stem_el},
};

int pl_stemmers_init(struct pl_stemmers *st)
{
    memset(st, 0, sizeof *st);
    st->el = sb_stemmer_new("greek", "UTF_8");
    return st->el == NULL ? -1 : 0;
}

void pl_stemmers_free(struct pl_stemmers *st)
{
    sb_stemmer_delete(st->el);
    st->el = NULL;
    pl_buf_free(&st->scratch);
}

int pl_stem_word(struct pl_stemmers *st, struct pl_norm *norm, plaint_lang lang,
                 const char *w, size_t n, struct pl_buf *out)
{
    for (size_t i = 0; i < sizeof modules / sizeof modules[0]; i++)
        if (modules[i].lang == lang)
            return modules[i].stem(st, norm, w, n, out);
    return pl_buf_append(out, w, n);
}

const char *pl_stem_id(plaint_lang lang)
{
    for (size_t i = 0; i < sizeof modules / sizeof modules[0]; i++)
        if (modules[i].lang == lang)
            return modules[i].id;
    return NULL;
}
