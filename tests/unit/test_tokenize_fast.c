/* test_tokenize_fast.c - the fast segmentation path gives exactly the
 * tokens ICU's word-break iterator gives: on edge cases written for it, and
 * on every line of the files named on the command line (our corpora, and
 * ../shared/data when present). Prints how many lines took the fast path. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "tokenize.h"
#include "utf8.h"

static struct pl_tokzr *fast, *icu;
static size_t lines, fast_lines, diffs;

static void compare(const char *s, size_t len, const char *where)
{
    if (pl_utf8_valid_prefix(s, len) != len || len > PL_TOK_MAX_TEXT)
        return;
    CHECK(pl_tokzr_set_text(fast, s, len) == 0);
    CHECK(pl_tokzr_set_text(icu, s, len) == 0);
    lines++;
    fast_lines += pl_tokzr_is_fast(fast) != 0;
    CHECK(!pl_tokzr_is_fast(icu));
    struct pl_rawtok a, b;
    for (;;) {
        const int ga = pl_tokzr_next(fast, &a), gb = pl_tokzr_next(icu, &b);
        if (ga != gb || (ga && (a.start != b.start || a.end != b.end || a.kind != b.kind ||
                                a.marks != b.marks))) {
            if (diffs++ < 10)
                fprintf(stderr, "%s: fast %d [%zu,%zu) kind %d, ICU %d [%zu,%zu) kind %d in: %.*s\n",
                        where, ga, a.start, a.end, (int)a.kind, gb, b.start, b.end,
                        (int)b.kind, (int)(len < 300 ? len : 300), s);
            break;
        }
        if (!ga)
            break;
    }
}

int main(int argc, char **argv)
{
    void *const tmpl = pl_tok_template_new();
    CHECK(tmpl != NULL);
    int nomem;
    fast = pl_tokzr_new(tmpl, &nomem);
    icu = pl_tokzr_new(tmpl, &nomem);
    CHECK(fast != NULL && icu != NULL);
    if (fast == NULL || icu == NULL)
        return CHECK_DONE();
    pl_tokzr_force_icu(icu, 1);
    static const char *const cases[] = {
        "a.b", "1.5", "3,5", "a'b", "l'été", "12abc", "abc12", "a1.2", "1.a", "a:b", "x·y",
        "ab;cd", "1;2", "Ά.Β", "e.g.", "...", "a..b", "U.S.A.", "a'", "'a", "1,000,000.50",
        "т.е.", "200zł", "5km/h", "!!!a?!", "a!b", "a ! ? b", "1:2", "a’b", "a‘b", "x,y",
        "ε·α", "τι;", "1;", "δεν ήρθε;;", "  spaces   here  ", "tab\there", "«Цитат»", "„cytat”",
        "10 €", "20°C", "a—b–c", "wow…", "ab.12", "12.ab", "a1b2.c3", "5.5.5", "5..5", "a:1",
        "1:a", "1'000", "Π.Χ.", "ΑΒΓ;", "Ѐ ѝ", "ß-ÿ", "Łódź,Kraków", "!?!?", "?", "!", "",
        "  ", "a", "1", ".", "'", "a.", ".a", "1.", ".1", "a'b'c", "1.2.3.4", "a.b.c.d",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        compare(cases[i], strlen(cases[i]), "case");
    CHECK(fast_lines > 60); /* the cases above are all fast-path texts but "" */
    char *line = NULL;
    size_t cap = 0;
    for (int f = 1; f < argc; f++) {
        FILE *const in = fopen(argv[f], "rb");
        if (in == NULL) {
            fprintf(stderr, "test_tokenize_fast: cannot open %s\n", argv[f]);
            CHECK(0);
            continue;
        }
        ssize_t n;
        while ((n = getline(&line, &cap, in)) > 0) {
            while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
                n--;
            compare(line, (size_t)n, argv[f]);
        }
        fclose(in);
    }
    free(line);
    printf("test_tokenize_fast: %zu texts, %zu (%.1f%%) on the fast path, %zu differ\n", lines,
           fast_lines, lines ? 100.0 * (double)fast_lines / (double)lines : 0.0, diffs);
    CHECK(diffs == 0);
    pl_tokzr_free(fast);
    pl_tokzr_free(icu);
    pl_tok_template_free(tmpl);
    return CHECK_DONE();
}
