/* test_stem_bg.c - unit tests for pl_stem_bg (Bulgarian light stemmer).
 *
 * Usage: test_stem_bg path/to/stem_bg.tsv
 * (a) every word<TAB>stem pair of the golden list must stem as listed;
 * (b) edge cases: empty word, a 100 KB word, Latin/emoji/invalid UTF-8 input,
 *     output never longer than the input, nothing written past len. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "golden.h"
#include "stem.h"

#define MAX_LINE 4096

/* Stems a copy of word[0..len) in a buffer with guard bytes after len and
 * checks the result against expected (NUL-terminated). */
static void check_stem(const char *word, size_t len, const char *expected)
{
    char buf[MAX_LINE + 8];
    CHECK(len <= MAX_LINE);
    if (len > MAX_LINE)
        return;
    memcpy(buf, word, len);
    memset(buf + len, 0x5A, 8);
    const size_t out = pl_stem_bg(buf, len);
    CHECK(out <= len);
    CHECK(memcmp(buf + len, "ZZZZZZZZ", 8) == 0);
    if (out <= len)
        CHECK_EQ_STRN(buf, out, expected);
}

static void golden_pair(void *state, const char *word, size_t len, const char *stem,
                        const char *where)
{
    (void)state;
    const int before = check_failures;
    check_stem(word, len, stem);
    if (check_failures != before)
        fprintf(stderr, "  (%s)\n", where);
}

static void check_edges(void)
{
    /* Empty and tiny inputs; a NULL word with length 0 is tolerated. */
    char empty[1] = {'\0'};
    CHECK_EQ_INT(pl_stem_bg(empty, 0), 0);
    CHECK_EQ_INT(pl_stem_bg(NULL, 0), 0);
    check_stem("", 0, "");
    check_stem("\xD0\xB0", 2, "\xD0\xB0");             /* а */
    check_stem("abc", 3, "abc");

    /* Non-Cyrillic words are returned unchanged. */
    static const char *const same[] = {
        "complaint", "refund2024", "12345678", "\xF0\x9F\x98\xA1",             /* 😡 */
        "\xF0\x9F\x98\xA1\xF0\x9F\x98\xA1\xF0\x9F\x98\xA1", "na\xC3\xAFve",   /* naïve */
        "\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC",         /* €€€€€ */
        "\xCE\xB1\xCE\xB2\xCE\xB3\xCE\xB4\xCE\xB5\xCE\xB9",                     /* αβγδει */
    };
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++)
        check_stem(same[i], strlen(same[i]), same[i]);

    /* A very long word: 100,000 bytes of 'а' then "ите" (article, then -и). */
    const size_t body = 100000;
    static const char ite[] = "\xD0\xB8\xD1\x82\xD0\xB5";
    char *const big = malloc(body + sizeof ite);
    CHECK(big != NULL);
    if (big != NULL) {
        for (size_t i = 0; i < body; i += 2) {
            big[i] = '\xD0';
            big[i + 1] = '\xB0';
        }
        memcpy(big + body, ite, sizeof ite - 1);
        const size_t out = pl_stem_bg(big, body + sizeof ite - 1);
        /* -те (article), -и (plural); the last 'а' is then dropped too. */
        CHECK_EQ_INT(out, body - 2);
        CHECK(out >= 2 && big[out - 2] == '\xD0' && big[out - 1] == '\xB0');
        free(big);
    }

    /* A long Latin word is untouched and the stemmer does not scan it all. */
    char *const latin = malloc(100000);
    CHECK(latin != NULL);
    if (latin != NULL) {
        memset(latin, 'x', 100000);
        CHECK_EQ_INT(pl_stem_bg(latin, 100000), 100000);
        free(latin);
    }

    /* ъ followed by a 3-byte character: the move shortens the word. */
    check_stem("\xD0\xB0\xD0\xB1\xD0\xB2\xD0\xB3\xD1\x8A\xE2\x82\xAC", 13,
               "\xD0\xB0\xD0\xB1\xD0\xB2\xD0\xB3\xE2\x82\xAC");     /* абвгъ€ -> абвг€ */

    /* Invalid UTF-8 (outside the contract): no crash, no growth, and stray
     * bytes are kept as they are. */
    static const char *const bad[] = {
        "\xFF\xFF\xFF\xFF\xFF", "\x8A\x8A\x8A\x8A\x8A\x8A", "\xD1\xD1\xD1\xD1\xD1\xD1\xD1",
        "\xC0\xB8\xC0\xB8\xC0\xB8\xC0\xB8", "\xED\xA0\x80\xED\xA0\x80\xD0\xB8",
        "\xD0\xB0\xD0\xB0\xD0\xB0\xD0\xB0\xD0", "\xB0\xD0\xB0\xD0\xB0\xD0\xB0\xD0\xB8",
        "\xF4\x90\x80\x80\xD1\x8A\xD1\x8A\xD1\x8A\xD1\x8A",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char buf[64];
        const size_t n = strlen(bad[i]);
        memcpy(buf, bad[i], n);
        CHECK(pl_stem_bg(buf, n) <= n);
    }
    /* Three invalid bytes then "ите": 6 chars, so the article -те goes. */
    check_stem("\xFF\xFF\xFF\xD0\xB8\xD1\x82\xD0\xB5", 9, "\xFF\xFF\xFF\xD0\xB8");

    /* Every prefix of a long Cyrillic word stems without growing. */
    static const char word[] = "\xD1\x81\xD0\xBE\xD0\xB1\xD1\x81\xD1\x82\xD0\xB2\xD0\xB5"
                               "\xD0\xBD\xD0\xB8\xD1\x86\xD0\xB8\xD1\x82\xD0\xB5";
    for (size_t n = 0; n <= sizeof word - 1; n++) {
        char buf[sizeof word];
        memcpy(buf, word, n);
        CHECK(pl_stem_bg(buf, n) <= n);
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s stem_bg.tsv\n", argv[0]);
        return 2;
    }
    const long pairs = golden_each(argv[1], golden_pair, NULL);
    CHECK(pairs >= 60);
    check_edges();
    return CHECK_DONE();
}
