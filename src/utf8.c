/* utf8.c - strict UTF-8 decoding (see utf8.h for the policy). */
#include "utf8.h"

#include <string.h>

/* Second-byte range for each lead byte, per the Unicode table of well-formed
 * byte sequences; later bytes are always 0x80..0xBF. */
static int lead_info(unsigned char b, unsigned char *lo, unsigned char *hi, int *need)
{
    *lo = 0x80;
    *hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
        *need = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
        *need = 2;
        if (b == 0xE0)
            *lo = 0xA0;
        else if (b == 0xED)
            *hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        *need = 3;
        if (b == 0xF0)
            *lo = 0x90;
        else if (b == 0xF4)
            *hi = 0x8F;
    } else {
        return -1;
    }
    return 0;
}

int32_t pl_utf8_next(const unsigned char *s, size_t len, size_t *i)
{
    const unsigned char b = s[*i];
    if (b < 0x80) {
        (*i)++;
        return b;
    }
    unsigned char lo, hi;
    int need;
    if (lead_info(b, &lo, &hi, &need) != 0) {
        (*i)++;
        return -1;
    }
    int32_t cp = b & (0x3F >> need);
    size_t j = *i + 1;
    for (int k = 0; k < need; k++, j++) {
        if (j >= len)
            goto bad;
        const unsigned char c = s[j];
        if (k == 0 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF))
            goto bad;
        cp = (cp << 6) | (c & 0x3F);
    }
    *i = j;
    return cp;
bad:
    *i = j; /* the maximal subpart: lead byte plus the valid continuation bytes */
    return -1;
}

size_t pl_utf8_valid_prefix(const char *s, size_t len)
{
    const unsigned char *const u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        /* ASCII fast path, eight bytes at a time where possible */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, u + i, 8);
            if (w & UINT64_C(0x8080808080808080))
                break;
            i += 8;
        }
        if (i >= len)
            break;
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        const size_t start = i;
        if (pl_utf8_next(u, len, &i) < 0)
            return start;
    }
    return len;
}

size_t pl_utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

int pl_utf8_sanitize(const char *s, size_t len, struct pl_buf *out, size_t *nreplaced)
{
    static const char fffd[3] = {(char)0xEF, (char)0xBF, (char)0xBD};
    const unsigned char *const u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        const size_t good = pl_utf8_valid_prefix(s + i, len - i);
        if (pl_buf_append(out, s + i, good) != 0)
            return -1;
        i += good;
        if (i >= len)
            break;
        (void)pl_utf8_next(u, len, &i); /* skip the invalid maximal subpart */
        if (pl_buf_append(out, fffd, sizeof fffd) != 0)
            return -1;
        (*nreplaced)++;
    }
    return 0;
}
