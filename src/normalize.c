/* normalize.c - NFKC_Casefold and mark stripping over ICU's UTF-16 API. */
#include "normalize.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "utf8.h"

#include <string.h>

int pl_norm_init(struct pl_norm *n)
{
    UErrorCode st = U_ZERO_ERROR;
    n->nfkc_cf = unorm2_getNFKCCasefoldInstance(&st);
    if (U_FAILURE(st))
        return -1;
    n->nfd = unorm2_getNFDInstance(&st);
    if (U_FAILURE(st))
        return -1;
    n->u16a = NULL;
    n->u16b = NULL;
    n->u16cap = 0;
    return 0;
}

void pl_norm_free(struct pl_norm *n)
{
    pl_free(n->u16a);
    pl_free(n->u16b);
    n->u16a = NULL;
    n->u16b = NULL;
    n->u16cap = 0;
}

/* Makes both UTF-16 buffers hold at least `units` code units. */
static int reserve16(struct pl_norm *n, size_t units)
{
    if (units <= n->u16cap)
        return 0;
    if (units > (size_t)INT32_MAX / 2)
        return -1;
    size_t cap = n->u16cap < 256 ? 256 : n->u16cap;
    while (cap < units)
        cap *= 2;
    uint16_t *const a = pl_realloc(n->u16a, cap * sizeof *a);
    if (a == NULL)
        return -1;
    n->u16a = a;
    uint16_t *const b = pl_realloc(n->u16b, cap * sizeof *b);
    if (b == NULL)
        return -1;
    n->u16b = b;
    n->u16cap = cap;
    return 0;
}

/* UTF-8 -> u16a; returns the length in code units, or -1. */
static int32_t to16(struct pl_norm *n, const char *s, size_t len)
{
    if (len > (size_t)INT32_MAX / 4 || reserve16(n, len + 1) != 0)
        return -1;
    UErrorCode st = U_ZERO_ERROR;
    int32_t n16 = 0;
    u_strFromUTF8((UChar *)n->u16a, (int32_t)n->u16cap, &n16, s, (int32_t)len, &st);
    return U_FAILURE(st) ? -1 : n16;
}

/* Normalizes u16a[0..n16) into u16b with the given normalizer, growing the
 * buffers when the result is longer. Returns the result length, or -1. */
static int32_t normalize16(struct pl_norm *n, const void *norm, int32_t n16)
{
    for (;;) {
        UErrorCode st = U_ZERO_ERROR;
        const int32_t m = unorm2_normalize((const UNormalizer2 *)norm, (const UChar *)n->u16a,
                                           n16, (UChar *)n->u16b, (int32_t)n->u16cap, &st);
        if (st == U_BUFFER_OVERFLOW_ERROR) {
            if (reserve16(n, (size_t)m + 1) != 0)
                return -1;
            continue;
        }
        return U_FAILURE(st) ? -1 : m;
    }
}

/* Appends UTF-16 u[0..m) to out as UTF-8, mapping typographic apostrophes
 * to '. */
static int append16(const uint16_t *u, int32_t m, struct pl_buf *out)
{
    if (pl_buf_reserve(out, (size_t)m * 3) != 0)
        return -1;
    int32_t i = 0;
    while (i < m) {
        UChar32 c;
        U16_NEXT(u, i, m, c);
        if (c == 0x2019 || c == 0x02BC)
            c = '\'';
        if (U_IS_SURROGATE(c))
            c = 0xFFFD; /* unpaired surrogate cannot come from valid UTF-8 */
        out->len += pl_utf8_encode((uint32_t)c, out->data + out->len);
    }
    return 0;
}

int pl_norm_fold(struct pl_norm *n, const char *s, size_t len, struct pl_buf *out)
{
    size_t i = 0;
    while (i < len && (unsigned char)s[i] < 0x80)
        i++;
    if (i == len) { /* ASCII: NFKC_Casefold is plain lowercase (no ignorables) */
        if (pl_buf_reserve(out, len) != 0)
            return -1;
        for (i = 0; i < len; i++) {
            const char c = s[i];
            out->data[out->len++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
        }
        return 0;
    }
    const int32_t n16 = to16(n, s, len);
    if (n16 < 0)
        return -1;
    const int32_t m = normalize16(n, n->nfkc_cf, n16);
    return m < 0 ? -1 : append16(n->u16b, m, out);
}

static int is_greek(int32_t c)
{
    return (c >= 0x0370 && c <= 0x03FF) || (c >= 0x1F00 && c <= 0x1FFF);
}

int pl_norm_strip_marks(struct pl_norm *n, const char *s, size_t len, struct pl_buf *out)
{
    if (pl_buf_reserve(out, len) != 0) /* the result is never longer than s */
        return -1;
    const unsigned char *const u = (const unsigned char *)s;
    int greek_base = 0;
    size_t i = 0;
    while (i < len) {
        const size_t start = i;
        const int32_t c = pl_utf8_next(u, len, &i);
        if (c < 0 || !(is_greek(c) || (greek_base && u_charType(c) == U_NON_SPACING_MARK))) {
            greek_base = 0;
            memcpy(out->data + out->len, s + start, i - start);
            out->len += i - start;
            continue;
        }
        if (!is_greek(c))
            continue; /* a mark after a Greek letter */
        greek_base = 1;
        UChar dec[16];
        UErrorCode st = U_ZERO_ERROR;
        const int32_t m = unorm2_getDecomposition((const UNormalizer2 *)n->nfd, c, dec, 16, &st);
        int32_t base = c;
        if (U_SUCCESS(st) && m > 0) {
            int32_t k = 0;
            U16_NEXT(dec, k, m, base); /* the first code point of a decomposition is the base */
        }
        char enc[4];
        const size_t el = pl_utf8_encode((uint32_t)base, enc);
        if (el > i - start && pl_buf_reserve(out, el + (len - i)) != 0)
            return -1;
        memcpy(out->data + out->len, enc, el);
        out->len += el;
    }
    return 0;
}
