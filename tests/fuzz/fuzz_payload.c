/* fuzz_payload.c - the model's section parser on arbitrary bytes, past the
 * header checksums and zlib (which stop almost every mutation of a whole
 * file, so fuzz_model alone cannot reach the parser). A payload that parses
 * must label and serialize without trouble, and, when it is mergeable
 * (calibration sample sections), merge with itself. */
#include <plaint.h>
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "model_io.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    plaint_model *m = NULL;
    plaint_error err;
    if (pl_model_parse_payload(data, size, "<fuzz>", &m, &err) != PLAINT_OK)
        return 0;
    plaint_ctx *ctx = NULL;
    if (plaint_ctx_new(m, &ctx, &err) == PLAINT_OK) {
        static const char *const texts[] = {"Paczka przyszła uszkodzona", "Пратката е счупена",
                                            "Το δέμα ήρθε σπασμένο"};
        for (size_t i = 0; i < 3; i++) {
            plaint_result r;
            plaint_label(ctx, texts[i], strlen(texts[i]), 0, 5, &r, &err);
        }
    }
    struct pl_buf b = {0};
    pl_model_serialize(m, &b);
    plaint_model_info info;
    if (plaint_model_info_get(m, &info, &err) == PLAINT_OK && info.mergeable) {
        const plaint_model *const two[2] = {m, m};
        for (size_t n = 1; n <= 2; n++) {
            plaint_model *merged = NULL;
            if (plaint_model_merge(two, n, &merged, &err) == PLAINT_OK)
                pl_model_serialize(merged, &b);
            plaint_model_free(merged);
        }
    }
    pl_buf_free(&b);
    plaint_ctx_free(ctx);
    plaint_model_free(m);
    return 0;
}
