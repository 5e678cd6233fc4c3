/* alloc.c - heap wrappers and the growable byte buffer. */
#include "alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifdef PLAINT_ALLOC_TESTING
/* Test builds only (tests/unit/test_alloc_fail.c): the N-th allocation of
 * this thread fails. Thread-local, and absent from the real library, which
 * keeps no mutable global state. */
static _Thread_local long fail_countdown; /* 0: never fail */

void pl_alloc_fail_at(long n)
{
    fail_countdown = n;
}

long pl_alloc_fail_pending(void)
{
    return fail_countdown;
}

static int should_fail(void)
{
    return fail_countdown > 0 && --fail_countdown == 0;
}
#else
static int should_fail(void)
{
    return 0;
}
#endif

void *pl_malloc(size_t size)
{
    return should_fail() ? NULL : malloc(size == 0 ? 1 : size);
}

void *pl_calloc(size_t count, size_t size)
{
    return should_fail() ? NULL : calloc(count == 0 ? 1 : count, size == 0 ? 1 : size);
}

void *pl_realloc(void *ptr, size_t size)
{
    return should_fail() ? NULL : realloc(ptr, size == 0 ? 1 : size);
}

void pl_free(void *ptr)
{
    free(ptr);
}

int pl_buf_reserve(struct pl_buf *b, size_t extra)
{
    if (extra <= b->cap - b->len)
        return 0;
    if (extra > SIZE_MAX / 2 - b->len)
        return -1;
    size_t cap = b->cap < 64 ? 64 : b->cap;
    while (cap - b->len < extra)
        cap *= 2;
    char *const p = pl_realloc(b->data, cap);
    if (p == NULL)
        return -1;
    b->data = p;
    b->cap = cap;
    return 0;
}

int pl_buf_append(struct pl_buf *b, const void *data, size_t n)
{
    if (pl_buf_reserve(b, n) != 0)
        return -1;
    if (n > 0)
        memcpy(b->data + b->len, data, n);
    b->len += n;
    return 0;
}

void pl_buf_free(struct pl_buf *b)
{
    pl_free(b->data);
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}
