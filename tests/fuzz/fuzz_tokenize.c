/* fuzz_tokenize.c - the text pipeline (and stemmers) on arbitrary bytes; the
 * first byte picks the language (auto, pl, bg, el) and the flags. */
#include <plaint.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static plaint_ctx *ctx;
    plaint_error err;
    if (ctx == NULL && plaint_ctx_new(NULL, &ctx, &err) != PLAINT_OK)
        return 0;
    if (size == 0)
        return 0;
    static const plaint_lang langs[4] = {PLAINT_LANG_AUTO, PLAINT_LANG_PL, PLAINT_LANG_BG,
                                         PLAINT_LANG_EL};
    const plaint_lang lang = langs[data[0] & 3];
    const unsigned flags = (data[0] >> 2) & 3;
    plaint_tokens toks;
    plaint_tokenize(ctx, (const char *)data + 1, size - 1, lang, flags, &toks, &err);
    return 0;
}
