/* fuzz_model.c - loading a model from arbitrary bytes; a model that loads
 * must label and serialize without trouble. */
#include <plaint.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    plaint_model *m = NULL;
    plaint_error err;
    if (plaint_model_load_mem(data, size, &m, &err) != PLAINT_OK)
        return 0;
    plaint_ctx *ctx = NULL;
    if (plaint_ctx_new(m, &ctx, &err) == PLAINT_OK) {
        static const char *const texts[] = {"Paczka przyszła uszkodzona", "Пратката е счупена",
                                            "Το δέμα ήρθε σπασμένο", "den irthe"};
        for (size_t i = 0; i < 4; i++) {
            plaint_result r;
            plaint_label(ctx, texts[i], strlen(texts[i]), 0, 5, &r, &err);
        }
    }
    plaint_model_info info;
    plaint_model_info_get(m, &info, &err);
    plaint_ctx_free(ctx);
    plaint_model_free(m);
    return 0;
}
