/* fuzz_corpus_line.c - splitting a training-corpus line (label<TAB>text or
 * __label__X text), then training on what it yields. */
#include <plaint.h>
#include <stdint.h>

#include "cli.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *label, *text, *why;
    size_t label_len, text_len;
    if (cli_corpus_line((const char *)data, size, &label, &label_len, &text, &text_len, &why) !=
        0)
        return 0;
    if (label_len > size || text_len > size)
        __builtin_trap(); /* the parts must lie inside the line */
    plaint_trainer *t = NULL;
    plaint_error err;
    plaint_options o;
    plaint_options_default(&o);
    o.calibration_sample = 0;
    if (plaint_trainer_new(&o, &t, &err) != PLAINT_OK)
        return 0;
    plaint_trainer_add(t, label, label_len, text, text_len, PLAINT_LANG_AUTO,
                       PLAINT_TEXT_REPLACE_INVALID, &err);
    plaint_trainer_add(t, "other", 5, "zupełnie inny tekst", 20, PLAINT_LANG_AUTO, 0, &err);
    plaint_model *m = NULL;
    plaint_trainer_finish(t, &m, &err);
    plaint_model_free(m);
    plaint_trainer_free(t);
    return 0;
}
