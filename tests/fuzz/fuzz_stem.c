/* fuzz_stem.c - each stemmer on one arbitrary "word"; the first byte picks
 * the language. */
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
    const char *stem;
    size_t len;
    plaint_stem(ctx, langs[data[0] & 3], (const char *)data + 1, size - 1,
                PLAINT_TEXT_REPLACE_INVALID, &stem, &len, &err);
    return 0;
}
