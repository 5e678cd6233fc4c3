/* fuzz_label.c - labeling arbitrary bytes with the built-in default model. */
#include <plaint.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static plaint_model *model;
    static plaint_ctx *ctx;
    plaint_error err;
    if (model == NULL && (plaint_model_load_default(&model, &err) != PLAINT_OK ||
                          plaint_ctx_new(model, &ctx, &err) != PLAINT_OK))
        return 0;
    plaint_result r;
    plaint_label(ctx, (const char *)data, size, 0, 3, &r, &err);
    plaint_label(ctx, (const char *)data, size, PLAINT_TEXT_REPLACE_INVALID, 3, &r, &err);
    return 0;
}
