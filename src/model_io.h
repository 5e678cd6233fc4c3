/* model_io.h - the only serializer of models (format: model_format.md). */
#ifndef PL_MODEL_IO_H
#define PL_MODEL_IO_H

#include <stddef.h>

#include "alloc.h"
#include "model.h"

#define PL_MODEL_FORMAT_VERSION 1u

/* Appends the complete file image of m to out. Returns 0 or -1 (no memory
 * or zlib failure). */
int pl_model_serialize(const struct plaint_model *m, struct pl_buf *out);

/* Parses and validates a file image; see plaint_model_load_mem. */
/* Parses the decompressed payload (the tagged sections) alone: what
 * pl_model_parse does after the header, checksums and zlib. */
plaint_status pl_model_parse_payload(const unsigned char *payload, size_t size,
                                     const char *source, struct plaint_model **out,
                                     plaint_error *err);

plaint_status pl_model_parse(const unsigned char *data, size_t size, const char *source,
                             struct plaint_model **out, plaint_error *err);

#endif
