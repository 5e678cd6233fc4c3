/* normalize.h - token normalization with ICU: NFKC_Casefold.
 *
 * NFKC_Casefold folds case (Greek final sigma to sigma, German sharp s to
 * ss), applies compatibility mappings (fullwidth forms, ligatures) and drops
 * default-ignorable code points (soft hyphen, zero-width joiners, variation
 * selectors). After it, the typographic apostrophes U+2019 and U+02BC become
 * an ASCII apostrophe, so "Kennedy’ego" and "Kennedy'ego" are one word.
 * Pure-ASCII input takes a fast path (ASCII lowercase, same result). */
#ifndef PL_NORMALIZE_H
#define PL_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

#include "alloc.h"

/* Scratch state for normalization: UTF-16 buffers. One per context. */
struct pl_norm {
    const void *nfkc_cf; /* const UNormalizer2 *, an ICU singleton */
    const void *nfd;     /* const UNormalizer2 *, an ICU singleton */
    uint16_t *u16a;
    uint16_t *u16b;
    size_t u16cap;
};

/* Returns 0, or -1 when ICU's normalization data cannot be loaded. */
int pl_norm_init(struct pl_norm *n);
void pl_norm_free(struct pl_norm *n);

/* Appends the NFKC_Casefold form of the valid UTF-8 s[0..len) to out.
 * Returns 0, or -1 when out of memory or ICU fails. */
int pl_norm_fold(struct pl_norm *n, const char *s, size_t len, struct pl_buf *out);

/* Appends s[0..len) (valid UTF-8) to out with the combining marks of Greek
 * letters removed after canonical decomposition (ά -> α, ϊ -> ι, ΐ -> ι,
 * ἄ -> α); marks on other letters stay (é, й).
 * Returns 0, or -1 when out of memory or ICU fails. */
int pl_norm_strip_marks(struct pl_norm *n, const char *s, size_t len, struct pl_buf *out);

#endif
