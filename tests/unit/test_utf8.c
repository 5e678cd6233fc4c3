/* test_utf8.c - strict decoding, maximal subparts, offsets, replacement. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "utf8.h"

static size_t prefix(const char *s)
{
    return pl_utf8_valid_prefix(s, strlen(s));
}

static size_t sanitize_count(const char *s, size_t n, char *out, size_t outcap)
{
    struct pl_buf b = {0};
    size_t replaced = 0;
    CHECK(pl_utf8_sanitize(s, n, &b, &replaced) == 0);
    CHECK(pl_utf8_valid_prefix(b.data, b.len) == b.len);
    if (out != NULL) {
        CHECK(b.len < outcap);
        memcpy(out, b.data, b.len < outcap ? b.len : 0);
        out[b.len < outcap ? b.len : 0] = '\0';
    }
    pl_buf_free(&b);
    return replaced;
}

int main(void)
{
    /* valid text of every sequence length */
    CHECK_EQ_INT(prefix(""), 0);
    CHECK_EQ_INT(prefix("abc"), 3);
    CHECK_EQ_INT(prefix("zażółć"), strlen("zażółć"));
    CHECK_EQ_INT(prefix("προϊόν €😡"), strlen("προϊόν €😡"));
    CHECK_EQ_INT(pl_utf8_valid_prefix("a\0b", 3), 3); /* NUL is valid UTF-8 */

    /* invalid: lone continuation, bad lead bytes, overlongs, surrogates,
     * above U+10FFFF, truncated sequences; offset is the first bad byte */
    CHECK_EQ_INT(prefix("ab\x80"), 2);
    CHECK_EQ_INT(prefix("\xC0\xAF"), 0);         /* overlong '/' */
    CHECK_EQ_INT(prefix("\xC1\xBF"), 0);         /* overlong */
    CHECK_EQ_INT(prefix("x\xE0\x80\xAF"), 1);    /* overlong 3-byte */
    CHECK_EQ_INT(prefix("xy\xF0\x80\x80\xAF"), 2); /* overlong 4-byte */
    CHECK_EQ_INT(prefix("\xED\xA0\x80"), 0);     /* surrogate U+D800 */
    CHECK_EQ_INT(prefix("\xED\xBF\xBF"), 0);     /* surrogate U+DFFF */
    CHECK_EQ_INT(prefix("\xF4\x90\x80\x80"), 0); /* U+110000 */
    CHECK_EQ_INT(prefix("\xF5\x80\x80\x80"), 0);
    CHECK_EQ_INT(prefix("\xFF"), 0);
    CHECK_EQ_INT(prefix("ok\xC3"), 2);           /* truncated at end */
    CHECK_EQ_INT(prefix("ok\xE2\x82"), 2);
    CHECK_EQ_INT(prefix("ok\xE2\x82x"), 2);
    CHECK_EQ_INT(prefix("\xEF\xBF\xBF"), 3);     /* U+FFFF is valid */
    CHECK_EQ_INT(prefix("\xF4\x8F\xBF\xBF"), 4); /* U+10FFFF is valid */

    /* decoding values and maximal subparts */
    const unsigned char s1[] = "\xC5\xBC\xF0\x9F\x98\xA1";
    size_t i = 0;
    CHECK_EQ_INT(pl_utf8_next(s1, 6, &i), 0x17C);
    CHECK_EQ_INT(i, 2);
    CHECK_EQ_INT(pl_utf8_next(s1, 6, &i), 0x1F621);
    CHECK_EQ_INT(i, 6);
    const unsigned char s2[] = "\xE2\x82x";
    i = 0;
    CHECK_EQ_INT(pl_utf8_next(s2, 3, &i), -1);
    CHECK_EQ_INT(i, 2); /* E2 82 is one maximal subpart */
    const unsigned char s3[] = "\xF0\x80";
    i = 0;
    CHECK_EQ_INT(pl_utf8_next(s3, 2, &i), -1);
    CHECK_EQ_INT(i, 1); /* F0 80: 80 is not a valid second byte for F0 */

    /* replacement: one U+FFFD per maximal subpart (Unicode 3.9 example) */
    char out[64];
    CHECK_EQ_INT(sanitize_count("a\x80" "b", 3, out, sizeof out), 1);
    CHECK_EQ_STR(out, "a\xEF\xBF\xBD" "b");
    CHECK_EQ_INT(sanitize_count("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64", 13, out,
                                sizeof out),
                 6);
    CHECK_EQ_INT(sanitize_count("ok", 2, out, sizeof out), 0);
    CHECK_EQ_STR(out, "ok");
    CHECK_EQ_INT(sanitize_count("", 0, NULL, 0), 0);

    /* encoding round trip over all scalar values */
    int bad = 0;
    for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        char enc[4];
        const size_t n = pl_utf8_encode(cp, enc);
        size_t j = 0;
        if (pl_utf8_next((const unsigned char *)enc, n, &j) != (int32_t)cp || j != n)
            bad++;
    }
    CHECK_EQ_INT(bad, 0);

    /* random bytes: never reads past the end, result always valid */
    unsigned seed = 12345;
    for (int round = 0; round < 2000; round++) {
        char buf[32];
        const size_t n = (size_t)(round % 32);
        for (size_t k = 0; k < n; k++) {
            seed = seed * 1103515245u + 12345u;
            buf[k] = (char)(seed >> 16);
        }
        char *const exact = malloc(n ? n : 1); /* exact size so ASan sees overreads */
        memcpy(exact, buf, n);
        const size_t p = pl_utf8_valid_prefix(exact, n);
        CHECK(p <= n);
        (void)sanitize_count(exact, n, NULL, 0);
        free(exact);
    }
    return CHECK_DONE();
}
