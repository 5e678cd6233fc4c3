/* default_model.h - the default model, built in: models/default.plm as it
 * was when the library was built (scripts/embed_model.cmake). A size of 0
 * means the build had no default model. */
#ifndef PL_DEFAULT_MODEL_H
#define PL_DEFAULT_MODEL_H

#include <stddef.h>

extern const unsigned char *const pl_default_model;
extern const size_t pl_default_model_size;

#endif
