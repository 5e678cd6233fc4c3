/* api.c - the public entry points: argument checks, then the modules. */
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "plaint.h"
#include "script.h"
#include "status.h"
#include "stem.h"
#include "text.h"

struct plaint_ctx {
    struct pl_text text;
};

int plaint_version_number(void)
{
    return PLAINT_VERSION_NUMBER;
}

const char *plaint_version_string(void)
{
    return PLAINT_VERSION_STRING;
}

const char *plaint_lang_code(plaint_lang lang)
{
    switch (lang) {
    case PLAINT_LANG_AUTO:
        return "auto";
    case PLAINT_LANG_PL:
        return "pl";
    case PLAINT_LANG_BG:
        return "bg";
    case PLAINT_LANG_EL:
        return "el";
    case PLAINT_LANG_NONE:
        return "none";
    case PLAINT_LANG_OTHER:
        return "other";
    }
    return "other";
}

plaint_status plaint_lang_parse(const char *code, plaint_lang *out)
{
    static const struct {
        const char *name;
        plaint_lang lang;
    } names[] = {
        {"pl", PLAINT_LANG_PL},     {"pol", PLAINT_LANG_PL}, {"polish", PLAINT_LANG_PL},
        {"bg", PLAINT_LANG_BG},     {"bul", PLAINT_LANG_BG}, {"bulgarian", PLAINT_LANG_BG},
        {"el", PLAINT_LANG_EL},     {"ell", PLAINT_LANG_EL}, {"gre", PLAINT_LANG_EL},
        {"greek", PLAINT_LANG_EL},
    };
    if (code == NULL || out == NULL)
        return PLAINT_E_ARG;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcasecmp(code, names[i].name) == 0) {
            *out = names[i].lang;
            return PLAINT_OK;
        }
    }
    return PLAINT_E_ARG;
}

plaint_status plaint_detect_lang(const char *utf8, size_t len, plaint_lang *out)
{
    if (out == NULL || (utf8 == NULL && len > 0))
        return PLAINT_E_ARG;
    *out = pl_script_detect(utf8, len);
    return PLAINT_OK;
}

plaint_status plaint_ctx_new(const plaint_model *model, plaint_ctx **out, plaint_error *err)
{
    (void)model; /* models arrive with the classifier */
    if (out == NULL)
        return pl_error_set(err, PLAINT_E_ARG, NULL, 0, 0, "plaint_ctx_new: out is NULL");
    *out = NULL;
    plaint_ctx *const ctx = pl_malloc(sizeof *ctx);
    if (ctx == NULL)
        return pl_error_set(err, PLAINT_E_NOMEM, NULL, 0, 0, "out of memory");
    const plaint_status st = pl_text_init(&ctx->text, NULL);
    if (st != PLAINT_OK) {
        pl_free(ctx);
        return pl_error_set(err, st, NULL, 0, 0, "%s",
                            st == PLAINT_E_INTERNAL
                                ? "cannot initialise ICU word break or the Greek stemmer"
                                : plaint_strerror(st));
    }
    *out = ctx;
    return PLAINT_OK;
}

void plaint_ctx_free(plaint_ctx *ctx)
{
    if (ctx == NULL)
        return;
    pl_text_free(&ctx->text);
    pl_free(ctx);
}

static int lang_ok(plaint_lang lang)
{
    return lang == PLAINT_LANG_AUTO || lang == PLAINT_LANG_PL || lang == PLAINT_LANG_BG ||
           lang == PLAINT_LANG_EL;
}

plaint_status plaint_tokenize(plaint_ctx *ctx, const char *utf8, size_t len, plaint_lang lang,
                              unsigned flags, plaint_tokens *out, plaint_error *err)
{
    if (ctx == NULL || out == NULL || (utf8 == NULL && len > 0) || !lang_ok(lang))
        return pl_error_set(err, PLAINT_E_ARG, NULL, 0, 0, "plaint_tokenize: invalid argument");
    return pl_text_tokenize(&ctx->text, utf8 != NULL ? utf8 : "", len, lang, flags, out, err);
}

plaint_status plaint_stem(plaint_ctx *ctx, plaint_lang lang, const char *word, size_t len,
                          unsigned flags, const char **stem, size_t *stem_len,
                          plaint_error *err)
{
    if (ctx == NULL || stem == NULL || stem_len == NULL || (word == NULL && len > 0) ||
        !lang_ok(lang))
        return pl_error_set(err, PLAINT_E_ARG, NULL, 0, 0, "plaint_stem: invalid argument");
    return pl_text_stem(&ctx->text, lang, word != NULL ? word : "", len, flags, stem,
                        stem_len, err);
}

const char *plaint_stemmer_id(plaint_lang lang)
{
    return pl_stem_id(lang);
}
