/* alloc.h - the only way plaint touches the heap, plus a growable buffer.
 *
 * Keeping every allocation behind pl_malloc/pl_realloc/pl_free lets a test
 * build fail the N-th allocation. pl_buf is a byte buffer that grows
 * geometrically; it never shrinks until freed. */
#ifndef PL_ALLOC_H
#define PL_ALLOC_H

#include <stddef.h>

void *pl_malloc(size_t size);
void *pl_calloc(size_t count, size_t size);
void *pl_realloc(void *ptr, size_t size);
void pl_free(void *ptr);

#ifdef PLAINT_ALLOC_TESTING
/* Makes the n-th allocation from now (on this thread) fail; 0: none.
 * pl_alloc_fail_pending: how many allocations remain until then (0: the
 * failure happened, or none was asked for). */
void pl_alloc_fail_at(long n);
long pl_alloc_fail_pending(void);
#endif

/* Growable byte buffer. Zero-initialise ({0}) before use. */
struct pl_buf {
    char *data;
    size_t len;
    size_t cap;
};

/* Makes room for at least `extra` more bytes after len. Returns 0 on
 * success, -1 on allocation failure or size overflow (buffer unchanged). */
int pl_buf_reserve(struct pl_buf *b, size_t extra);

/* Appends n bytes. Returns 0 or -1 as pl_buf_reserve. */
int pl_buf_append(struct pl_buf *b, const void *data, size_t n);

void pl_buf_free(struct pl_buf *b);

#endif
