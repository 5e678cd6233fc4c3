/* test_stem_pl.c - unit tests for the Polish stemmer (pl_stem_pl).
 *
 * Usage: test_stem_pl PATH/TO/tests/data/stem_pl.tsv
 *
 * (a) Every `word<TAB>stem` pair of the golden file must stem as listed.
 *     Lines starting with '#' are comments and empty lines are skipped; any
 *     other line without exactly one tab, with an empty side, or longer than
 *     the line buffer is a failure. At least 100 pairs must be read.
 * (b) Edge cases: empty and one-character words, 100 KB words, embedded NUL,
 *     emoji and other scripts, bytes after `len` never touched.
 * (c) A deterministic pseudo-random sweep over valid and invalid UTF-8: the
 *     stem is never longer than the word and valid UTF-8 stays valid. */
#include "check.h"
#include "golden.h"
#include "stem.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SENTINEL 0x5A

/* Stems word[0..len) in a copy followed by sentinel bytes; checks the result
 * against expected[0..explen) and that nothing past len was written. */
static void check_stem_n(const char *word, size_t len, const char *expected, size_t explen)
{
    char *const buf = malloc(len + 8);
    CHECK(buf != NULL);
    if (buf == NULL) {
        return;
    }
    if (len > 0) {
        memcpy(buf, word, len);
    }
    memset(buf + len, SENTINEL, 8);
    const size_t n = pl_stem_pl(buf, len);
    CHECK(n <= len);
    if (memchr(expected, '\0', explen) == NULL) {
        CHECK_EQ_STRN(buf, n, expected); /* prints both strings on failure */
    } else {
        CHECK_EQ_INT(n, explen);
        CHECK(n == explen && memcmp(buf, expected, n) == 0);
    }
    for (size_t i = 0; i < 8; i++) {
        CHECK_EQ_INT((unsigned char)buf[len + i], SENTINEL);
    }
    free(buf);
}

/* Same, for an expected stem without NUL bytes. */
static void check_stem(const char *word, size_t len, const char *expected)
{
    check_stem_n(word, len, expected, strlen(expected));
}

/* (a) One pair of the golden file. */
static void golden_pair(void *state, const char *word, size_t len, const char *stem,
                        const char *where)
{
    (void)state;
    const int before = check_failures;
    check_stem(word, len, stem);
    if (check_failures != before)
        fprintf(stderr, "  (%s)\n", where);
}

/* Builds `count` copies of unit followed by tail in a new buffer. */
static char *repeat(const char *unit, size_t count, const char *tail, size_t *len_out)
{
    const size_t ulen = strlen(unit);
    const size_t tlen = strlen(tail);
    const size_t len = ulen * count + tlen;
    char *const s = malloc(len + 1);
    if (s == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < count; i++) {
        memcpy(s + i * ulen, unit, ulen);
    }
    memcpy(s + ulen * count, tail, tlen);
    s[len] = '\0';
    *len_out = len;
    return s;
}

/* Checks a long word: stem length and the last `keep` bytes of the stem. */
static void check_long(const char *unit, size_t count, const char *tail,
                       size_t expected_len, const char *expected_end)
{
    size_t len = 0;
    char *const s = repeat(unit, count, tail, &len);
    CHECK(s != NULL);
    if (s == NULL) {
        return;
    }
    const size_t n = pl_stem_pl(s, len);
    CHECK_EQ_INT(n, expected_len);
    const size_t k = strlen(expected_end);
    if (n >= k) {
        CHECK_EQ_STRN(s + n - k, k, expected_end);
    }
    free(s);
}

/* (b) Hand-picked edge cases. */
static void check_edges(void)
{
    /* Empty word, with and without a buffer. */
    CHECK_EQ_INT(pl_stem_pl(NULL, 0), 0);
    check_stem("", 0, "");

    /* One byte / one character: never changed. */
    check_stem("a", 1, "a");
    check_stem("y", 1, "y");
    check_stem("'", 1, "'");
    check_stem("\xc4\x87", 2, "\xc4\x87");             /* ć */
    check_stem("\xc5\x84", 2, "\xc5\x84");             /* ń */
    check_stem("\xf0\x9f\x98\xa1", 4, "\xf0\x9f\x98\xa1"); /* 😡 */

    /* Two characters: only step D can apply. */
    check_stem("o\xc5\x9b", 3, "os");                  /* oś */
    check_stem("by", 2, "by");

    /* Embedded NUL bytes are ordinary non-vowel bytes. */
    check_stem_n("kot\0ami", 7, "kot\0", 4);
    check_stem_n("\0\0\0", 3, "\0\0\0", 3);
    {
        char buf[] = "a\0b\0ego";
        const size_t n = pl_stem_pl(buf, sizeof buf - 1);
        CHECK_EQ_INT(n, 4);
        CHECK(memcmp(buf, "a\0b\0", 4) == 0);
    }

    /* Emoji, other scripts and symbols. */
    check_stem("\xf0\x9f\x98\xa1" "ami", 7, "\xf0\x9f\x98\xa1" "am"); /* 😡ami -> 😡am */
    check_stem("\xf0\x9f\x98\xa1\xf0\x9f\x98\xa1", 8, "\xf0\x9f\x98\xa1\xf0\x9f\x98\xa1");
    check_stem("\xd0\xb6\xd0\xb0\xd0\xbb\xd0\xbe\xd0\xb1\xd0\xb0", 12,
               "\xd0\xb6\xd0\xb0\xd0\xbb\xd0\xbe\xd0\xb1\xd0\xb0"); /* жалоба */
    check_stem("\xe2\x82\xac" "100", 6, "\xe2\x82\xac" "100");       /* €100 */

    /* Apostrophes (step C) and the cursor left before a replacement. */
    check_stem("kennedy'ego", 11, "kennedy");
    check_stem("kennedy'", 8, "kennedy'");
    check_stem("bb'sz\xc4\x85", 7, "bbs");             /* bb'szą */
    check_stem("''''", 4, "''''");

    /* 100 KB words. */
    check_long("a", 100000, "ami", 100002, "aam");     /* R1 starts after "a...am" */
    check_long("b", 100000, "ami", 100002, "bam");
    check_long("ab", 50000, "owie", 100002, "abow");
    check_long("\xc4\x85", 50000, "\xc5\x84", 100001, "\xc4\x85n"); /* ą...ń -> ą...n */
    check_long("b", 100000, "", 100000, "bbb");        /* no vowel at all */
    check_long("\xf0\x9f\x98\xa1", 25000, "", 100000, "\xf0\x9f\x98\xa1");
}

/* xorshift32: a small deterministic generator for the sweep. */
static uint32_t next_random(uint32_t *state)
{
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *state = x;
    return x;
}

/* Whether s[0..len) is well-formed UTF-8 (shortest forms, no surrogates). */
static int valid_utf8(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        const unsigned char b = s[i];
        size_t n;
        uint32_t cp;
        if (b < 0x80) {
            i++;
            continue;
        } else if ((b & 0xE0) == 0xC0) {
            n = 1;
            cp = b & 0x1Fu;
        } else if ((b & 0xF0) == 0xE0) {
            n = 2;
            cp = b & 0x0Fu;
        } else if ((b & 0xF8) == 0xF0) {
            n = 3;
            cp = b & 0x07u;
        } else {
            return 0;
        }
        if (n >= len - i) {
            return 0; /* truncated sequence */
        }
        for (size_t k = 1; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80) {
                return 0;
            }
            cp = (cp << 6) | (s[i + k] & 0x3Fu);
        }
        if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return 0;
        }
        i += n + 1;
    }
    return 1;
}

/* (c) Pseudo-random words built from Polish letters, endings and other
 * scripts, then the same with random bytes flipped (possibly invalid). */
static void check_sweep(void)
{
    static const char *const pieces[] = {
        "a", "e", "i", "o", "u", "y", "\xc3\xb3", "\xc4\x85", "\xc4\x99", "b", "c", "d",
        "k", "l", "m", "n", "p", "r", "s", "t", "w", "z", "sz", "cz", "\xc5\x82",
        "\xc4\x87", "\xc5\x84", "\xc5\x9b", "\xc5\xba", "\xc5\xbc", "'", "1", "\0",
        "\xf0\x9f\x98\xa1", "\xd0\xb6", "\xce\xb1", "by", "bym", "by\xc5\x9bmy", "ami",
        "ego", "ych", "a\xc5\x82" "em", "li\xc5\x9b" "cie", "sz\xc4\x85", "sz\xc4\x99",
        "aj\xc4\x85" "c", "iejsz", "owi", "\xc3\xb3w", "ie", "iach",
    };
    const size_t npieces = sizeof pieces / sizeof pieces[0];
    uint32_t state = 0x9E3779B9u;
    unsigned char word[256];
    unsigned char copy[256];
    int too_long = 0;
    int broke_utf8 = 0;
    for (int iter = 0; iter < 200000; iter++) {
        size_t len = 0;
        const uint32_t count = next_random(&state) % 8;
        for (uint32_t k = 0; k < count; k++) {
            const char *const p = pieces[next_random(&state) % npieces];
            const size_t plen = p[0] == '\0' ? 1 : strlen(p);
            if (len + plen > sizeof word) {
                break;
            }
            memcpy(word + len, p, plen);
            len += plen;
        }
        const int mutate = iter % 4 == 3 && len > 0;
        if (mutate) {
            word[next_random(&state) % len] = (unsigned char)next_random(&state);
        }
        const int was_valid = valid_utf8(word, len);
        memcpy(copy, word, len);
        const size_t n = pl_stem_pl((char *)copy, len);
        too_long += n > len;
        broke_utf8 += was_valid && !valid_utf8(copy, n);
    }
    CHECK_EQ_INT(too_long, 0);
    CHECK_EQ_INT(broke_utf8, 0);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s tests/data/stem_pl.tsv\n", argv[0]);
        return 2;
    }
    const long pairs = golden_each(argv[1], golden_pair, NULL);
    fprintf(stderr, "%ld golden pairs\n", pairs);
    CHECK(pairs >= 100);
    check_edges();
    check_sweep();
    return CHECK_DONE();
}
