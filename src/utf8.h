/* utf8.h - strict UTF-8 validation and decoding, with exact byte offsets.
 *
 * Strict means: no overlong forms, no surrogates (U+D800..U+DFFF), nothing
 * above U+10FFFF, no truncated sequences. Invalid input is split into
 * "maximal subparts" (Unicode 15, section 3.9, U+FFFD substitution of
 * maximal subparts), each of which counts as one error and becomes one
 * U+FFFD when replaced, the same policy as ICU, WHATWG and Python. */
#ifndef PL_UTF8_H
#define PL_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "alloc.h"

/* Decodes the code point at s[*i] (with *i < len) and advances *i past it.
 * Returns the code point, or -1 for an invalid sequence, in which case *i
 * advances past its maximal subpart (at least one byte). */
int32_t pl_utf8_next(const unsigned char *s, size_t len, size_t *i);

/* Returns the length of the longest valid prefix of s: len when all of s is
 * valid UTF-8, otherwise the byte offset of the first invalid sequence. */
size_t pl_utf8_valid_prefix(const char *s, size_t len);

/* Encodes cp (<= 0x10FFFF, not a surrogate) into out; returns 1..4. */
size_t pl_utf8_encode(uint32_t cp, char out[4]);

/* Appends s to out with each invalid sequence replaced by U+FFFD; adds the
 * number of replacements to *nreplaced. Returns 0, or -1 when out of
 * memory. */
int pl_utf8_sanitize(const char *s, size_t len, struct pl_buf *out, size_t *nreplaced);

#endif
