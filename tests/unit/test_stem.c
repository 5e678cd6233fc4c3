/* test_stem.c - unit tests for the stemmer dispatch table (stem.c) and for
 * plaint_stem, with the Greek golden list.
 *
 * Usage: test_stem path/to/stem_el.tsv
 * (a) every word<TAB>stem pair of the Greek golden list must stem as listed
 *     through the public plaint_stem(ctx, PLAINT_LANG_EL, ...);
 * (b) the dispatch table: pl_stem_id, pl_stem_word, plaint_stemmer_id;
 * (c) PLAINT_LANG_AUTO picks the stemmer by the word's script;
 * (d) invalid UTF-8: PLAINT_E_INPUT with the offset, or U+FFFD on request;
 * (e) edge cases: empty word, embedded NUL, a 1 MB word;
 * (f) argument errors;
 * (g) everything is freed (runs under ASan with leak detection). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "golden.h"
#include "plaint.h"
#include "stem.h"


/* Stems word[0..len) with lang and checks the status and the stem. `what`
 * names the case in the failure message. */
static void check_stem(plaint_ctx *ctx, plaint_lang lang, const char *word, size_t len,
                       unsigned flags, const char *expected, const char *what)
{
    const char *stem = NULL;
    size_t stem_len = 0;
    plaint_error err;
    memset(&err, 0, sizeof err);
    const plaint_status st = plaint_stem(ctx, lang, word, len, flags, &stem, &stem_len, &err);
    const int same = st == PLAINT_OK && stem != NULL && stem_len == strlen(expected) &&
                     memcmp(stem, expected, stem_len) == 0;
    if (!same)
        fprintf(stderr, "  (case: %s; status %d, %s)\n", what, (int)st,
                st == PLAINT_OK ? "ok" : err.msg);
    CHECK_EQ_INT(st, PLAINT_OK);
    CHECK(stem != NULL);
    if (st == PLAINT_OK && stem != NULL)
        CHECK_EQ_STRN(stem, stem_len, expected);
}

/* (a) One pair of the golden file, through the public plaint_stem. */
static void golden_pair(void *state, const char *word, size_t len, const char *stem,
                        const char *where)
{
    check_stem(state, PLAINT_LANG_EL, word, len, 0, stem, where);
}

/* (b) The dispatch table through the internal API. */
static void check_dispatch(void)
{
    const char *const pl = pl_stem_id(PLAINT_LANG_PL);
    const char *const bg = pl_stem_id(PLAINT_LANG_BG);
    const char *const el = pl_stem_id(PLAINT_LANG_EL);
    CHECK(pl != NULL);
    CHECK(bg != NULL);
    CHECK(el != NULL);
    if (pl != NULL && bg != NULL && el != NULL) {
        CHECK(strcmp(pl, bg) != 0);
        CHECK(strcmp(pl, el) != 0);
        CHECK(strcmp(bg, el) != 0);
        CHECK_EQ_STR(pl, PL_STEM_PL_VERSION);
        CHECK_EQ_STR(bg, PL_STEM_BG_VERSION);
        CHECK_EQ_STR(el, PL_STEM_EL_VERSION);
    }
    CHECK(pl_stem_id(PLAINT_LANG_NONE) == NULL);
    CHECK(pl_stem_id(PLAINT_LANG_OTHER) == NULL);

    /* The public identity agrees with the table for every language value. */
    static const plaint_lang all[] = {PLAINT_LANG_AUTO, PLAINT_LANG_PL,   PLAINT_LANG_BG,
                                      PLAINT_LANG_EL,   PLAINT_LANG_NONE, PLAINT_LANG_OTHER};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        const char *const pub = plaint_stemmer_id(all[i]);
        const char *const internal = pl_stem_id(all[i]);
        CHECK((pub == NULL) == (internal == NULL));
        if (pub != NULL && internal != NULL)
            CHECK_EQ_STR(pub, internal);
    }

    /* pl_stem_word appends to what out already holds. */
    struct pl_stemmers st;
    struct pl_norm norm;
    struct pl_buf out = {0};
    memset(&norm, 0, sizeof norm);
    const int st_ok = pl_stemmers_init(&st) == 0;
    const int norm_ok = pl_norm_init(&norm) == 0;
    CHECK(st_ok);
    CHECK(norm_ok);
    if (st_ok && norm_ok) {
        static const char prefix[] = "x|";
        /* Not normalized, with a NUL inside: NONE and OTHER copy it as is. */
        static const char word[] = "\xCE\xA0\xCF\x81\xCE\xBF\xCE\xAA\xCF\x8C\xCE\xBD"  /* ΠροΪόν */
                                   "\0AB\xE2\x80\x99s";
        const size_t wn = sizeof word - 1;
        static const plaint_lang plain[] = {PLAINT_LANG_NONE, PLAINT_LANG_OTHER};
        for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
            out.len = 0;
            CHECK_EQ_INT(pl_buf_append(&out, prefix, 2), 0);
            CHECK_EQ_INT(pl_stem_word(&st, &norm, plain[i], word, wn, &out), 0);
            CHECK_EQ_INT(out.len, 2 + wn);
            if (out.len == 2 + wn) {
                CHECK(memcmp(out.data, prefix, 2) == 0);
                CHECK(memcmp(out.data + 2, word, wn) == 0);
            }
        }
        /* Each stemmer, on normalized words, appends after the prefix. */
        static const struct {
            plaint_lang lang;
            const char *word, *stem;
        } cases[] = {
            {PLAINT_LANG_EL, "\xCF\x80\xCF\x81\xCE\xBF\xCF\x8A\xCF\x8C\xCE\xBD\xCF\x84\xCE\xB1",
             "\xCF\x80\xCF\x81\xCE\xBF\xCE\xB9\xCE\xBF\xCE\xBD\xCF\x84"}, /* προϊόντα -> προιοντ */
            {PLAINT_LANG_BG, "\xD1\x82\xD0\xB5\xD0\xBB\xD0\xB5\xD1\x84\xD0\xBE\xD0\xBD\xD1\x8A\xD1\x82",
             "\xD1\x82\xD0\xB5\xD0\xBB\xD0\xB5\xD1\x84\xD0\xBE\xD0\xBD"}, /* телефонът -> телефон */
            {PLAINT_LANG_PL, "reklamacj\xC4\x99", "reklamacj"},          /* reklamację */
        };
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
            out.len = 0;
            CHECK_EQ_INT(pl_buf_append(&out, prefix, 2), 0);
            CHECK_EQ_INT(pl_stem_word(&st, &norm, cases[i].lang, cases[i].word,
                                      strlen(cases[i].word), &out),
                         0);
            CHECK(out.len >= 2 && memcmp(out.data, prefix, 2) == 0);
            if (out.len >= 2)
                CHECK_EQ_STRN(out.data + 2, out.len - 2, cases[i].stem);
        }
    }
    pl_buf_free(&out);
    pl_norm_free(&norm);
    pl_stemmers_free(&st);
}

/* (c) PLAINT_LANG_AUTO: the stemmer follows the word's script. */
static void check_auto(plaint_ctx *ctx)
{
    static const struct {
        const char *word, *stem;
    } cases[] = {
        /* Προϊόντα -> προιοντ (Greek) */
        {"\xCE\xA0\xCF\x81\xCE\xBF\xCF\x8A\xCF\x8C\xCE\xBD\xCF\x84\xCE\xB1",
         "\xCF\x80\xCF\x81\xCE\xBF\xCE\xB9\xCE\xBF\xCE\xBD\xCF\x84"},
        /* ΣΠΊΤΙΑ -> σπιτ (Greek, capitals) */
        {"\xCE\xA3\xCE\xA0\xCE\x8A\xCE\xA4\xCE\x99\xCE\x91", "\xCF\x83\xCF\x80\xCE\xB9\xCF\x84"},
        /* телефонът -> телефон (Cyrillic: Bulgarian) */
        {"\xD1\x82\xD0\xB5\xD0\xBB\xD0\xB5\xD1\x84\xD0\xBE\xD0\xBD\xD1\x8A\xD1\x82",
         "\xD1\x82\xD0\xB5\xD0\xBB\xD0\xB5\xD1\x84\xD0\xBE\xD0\xBD"},
        /* reklamację -> reklamacj (Latin: Polish) */
        {"reklamacj\xC4\x99", "reklamacj"},
        /* No letters: normalized, not stemmed. */
        {"12345", "12345"},
        {"2024", "2024"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_stem(ctx, PLAINT_LANG_AUTO, cases[i].word, strlen(cases[i].word), 0,
                   cases[i].stem, "auto");
}

/* (d) Invalid UTF-8. */
static void check_invalid(plaint_ctx *ctx)
{
    static const struct {
        const char *word;
        size_t len;
        size_t offset;      /* of the first bad byte */
        const char *el_rep; /* Greek stem with PLAINT_TEXT_REPLACE_INVALID */
    } cases[] = {
        {"\xCE", 1, 0, "\xEF\xBF\xBD"},
        {"ab\xFF", 3, 2, "ab\xEF\xBF\xBD"},
        /* σπίτια + a truncated 2-byte sequence: the Greek ending stays. */
        {"\xCF\x83\xCF\x80\xCE\xAF\xCF\x84\xCE\xB9\xCE\xB1\xCE", 13, 12,
         "\xCF\x83\xCF\x80\xCE\xB9\xCF\x84\xCE\xB9\xCE\xB1\xEF\xBF\xBD"},
        /* προ <bad> ϊόντα: U+FFFD stays in the middle, -α is removed. */
        {"\xCF\x80\xCF\x81\xCE\xBF\xFF\xCF\x8A\xCF\x8C\xCE\xBD\xCF\x84\xCE\xB1", 17, 6,
         "\xCF\x80\xCF\x81\xCE\xBF\xEF\xBF\xBD\xCE\xB9\xCE\xBF\xCE\xBD\xCF\x84"},
    };
    static const plaint_lang langs[] = {PLAINT_LANG_EL, PLAINT_LANG_AUTO};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        for (size_t j = 0; j < sizeof langs / sizeof langs[0]; j++) {
            const char *stem = NULL;
            size_t stem_len = 0;
            plaint_error err;
            memset(&err, 0, sizeof err);
            plaint_status st = plaint_stem(ctx, langs[j], cases[i].word, cases[i].len, 0, &stem,
                                           &stem_len, &err);
            CHECK_EQ_INT(st, PLAINT_E_INPUT);
            CHECK_EQ_INT(err.code, PLAINT_E_INPUT);
            CHECK_EQ_INT(err.offset, cases[i].offset);
            CHECK(err.msg[0] != '\0');
            /* Without an error record the call fails the same way. */
            st = plaint_stem(ctx, langs[j], cases[i].word, cases[i].len, 0, &stem, &stem_len,
                             NULL);
            CHECK_EQ_INT(st, PLAINT_E_INPUT);

            stem = NULL;
            stem_len = 0;
            st = plaint_stem(ctx, langs[j], cases[i].word, cases[i].len,
                             PLAINT_TEXT_REPLACE_INVALID, &stem, &stem_len, &err);
            CHECK_EQ_INT(st, PLAINT_OK);
            CHECK(stem != NULL && stem_len > 0);
            if (st == PLAINT_OK && stem != NULL && langs[j] == PLAINT_LANG_EL)
                CHECK_EQ_STRN(stem, stem_len, cases[i].el_rep);
        }
    }
}

/* (e) Empty word, embedded NUL, a 1 MB word. */
static void check_edges(plaint_ctx *ctx)
{
    static const plaint_lang langs[] = {PLAINT_LANG_EL, PLAINT_LANG_AUTO, PLAINT_LANG_PL,
                                        PLAINT_LANG_BG};
    for (size_t j = 0; j < sizeof langs / sizeof langs[0]; j++) {
        const char *stem = NULL;
        size_t stem_len = 99;
        CHECK_EQ_INT(plaint_stem(ctx, langs[j], "", 0, 0, &stem, &stem_len, NULL), PLAINT_OK);
        CHECK(stem != NULL);
        CHECK_EQ_INT(stem_len, 0);
        /* A NULL word with length 0 is the empty word. */
        stem = NULL;
        stem_len = 99;
        CHECK_EQ_INT(plaint_stem(ctx, langs[j], NULL, 0, 0, &stem, &stem_len, NULL), PLAINT_OK);
        CHECK(stem != NULL);
        CHECK_EQ_INT(stem_len, 0);
    }

    /* Embedded NUL bytes: allowed input, no crash, something comes back. */
    static const char nul1[] = "\xCF\x80\xCF\x81\xCE\xBF\0\xCF\x8A\xCF\x8C\xCE\xBD\xCF\x84\xCE\xB1";
    static const char nul2[] = "\0\0\0";
    static const char nul3[] = "\xCE\xB1\xCE\xB2\0\xCE\xBF\xCF\x82"; /* αβ NUL ος */
    const struct {
        const char *w;
        size_t n;
    } nuls[] = {{nul1, sizeof nul1 - 1}, {nul2, sizeof nul2 - 1}, {nul3, sizeof nul3 - 1}};
    for (size_t i = 0; i < sizeof nuls / sizeof nuls[0]; i++) {
        for (size_t j = 0; j < sizeof langs / sizeof langs[0]; j++) {
            const char *stem = NULL;
            size_t stem_len = 0;
            const plaint_status st =
                plaint_stem(ctx, langs[j], nuls[i].w, nuls[i].n, 0, &stem, &stem_len, NULL);
            CHECK_EQ_INT(st, PLAINT_OK);
            CHECK(stem != NULL && stem_len > 0 && stem_len <= 4 * nuls[i].n);
        }
    }

    /* A 1 MB Greek word: "ά" repeated, then "ος". Step_6 removes -ος and
     * the accents go, so the stem is "α" repeated. */
    const size_t big_len = (size_t)1 << 20;
    char *const big = malloc(big_len);
    CHECK(big != NULL);
    if (big != NULL) {
        const size_t body = big_len - 4;
        for (size_t i = 0; i < body; i += 2) {
            big[i] = '\xCE';
            big[i + 1] = '\xAC'; /* ά */
        }
        memcpy(big + body, "\xCE\xBF\xCF\x82", 4); /* ος */
        for (size_t j = 0; j < 2; j++) {
            const plaint_lang lang = j == 0 ? PLAINT_LANG_EL : PLAINT_LANG_AUTO;
            const char *stem = NULL;
            size_t stem_len = 0;
            const plaint_status st =
                plaint_stem(ctx, lang, big, big_len, 0, &stem, &stem_len, NULL);
            CHECK_EQ_INT(st, PLAINT_OK);
            CHECK(stem != NULL && stem_len > 0);
            CHECK_EQ_INT(stem_len, body);
            if (st == PLAINT_OK && stem != NULL && stem_len == body) {
                size_t bad = 0;
                for (size_t i = 0; i < body; i += 2)
                    bad += stem[i] != '\xCE' || stem[i + 1] != '\xB1'; /* α */
                CHECK_EQ_INT(bad, 0);
            }
        }
        /* The same bytes cut short inside "ο": invalid, reported at the cut. */
        plaint_error err;
        memset(&err, 0, sizeof err);
        const char *stem = NULL;
        size_t stem_len = 0;
        CHECK_EQ_INT(plaint_stem(ctx, PLAINT_LANG_EL, big, body + 1, 0, &stem, &stem_len, &err),
                     PLAINT_E_INPUT);
        CHECK_EQ_INT(err.offset, body);
        free(big);
    }

    /* A success leaves the error record untouched. */
    plaint_error err;
    memset(&err, 0x5A, sizeof err);
    plaint_error before;
    memcpy(&before, &err, sizeof err);
    const char *stem = NULL;
    size_t stem_len = 0;
    CHECK_EQ_INT(plaint_stem(ctx, PLAINT_LANG_EL, "\xCE\xBF\xCE\xB4\xCF\x8C\xCF\x82", 8, 0,
                             &stem, &stem_len, &err),
                 PLAINT_OK);
    CHECK(memcmp(&err, &before, sizeof err) == 0);
    if (stem != NULL)
        CHECK_EQ_STRN(stem, stem_len, "\xCE\xBF\xCE\xB4"); /* οδός -> οδ */
}

/* (f) Argument errors. */
static void check_args(plaint_ctx *ctx)
{
    const char *stem = NULL;
    size_t stem_len = 0;
    plaint_error err;

    memset(&err, 0, sizeof err);
    CHECK_EQ_INT(plaint_stem(NULL, PLAINT_LANG_EL, "ab", 2, 0, &stem, &stem_len, &err),
                 PLAINT_E_ARG);
    CHECK_EQ_INT(err.code, PLAINT_E_ARG);
    CHECK_EQ_INT(plaint_stem(NULL, PLAINT_LANG_EL, "ab", 2, 0, &stem, &stem_len, NULL),
                 PLAINT_E_ARG);

    memset(&err, 0, sizeof err);
    CHECK_EQ_INT(plaint_stem(ctx, PLAINT_LANG_EL, "ab", 2, 0, NULL, &stem_len, &err),
                 PLAINT_E_ARG);
    CHECK_EQ_INT(err.code, PLAINT_E_ARG);

    memset(&err, 0, sizeof err);
    CHECK_EQ_INT(plaint_stem(ctx, PLAINT_LANG_EL, "ab", 2, 0, &stem, NULL, &err), PLAINT_E_ARG);
    CHECK_EQ_INT(err.code, PLAINT_E_ARG);

    CHECK_EQ_INT(plaint_stem(ctx, PLAINT_LANG_EL, "ab", 2, 0, NULL, NULL, NULL), PLAINT_E_ARG);

    memset(&err, 0, sizeof err);
    CHECK_EQ_INT(plaint_stem(ctx, PLAINT_LANG_EL, NULL, 2, 0, &stem, &stem_len, &err),
                 PLAINT_E_ARG);
    CHECK_EQ_INT(err.code, PLAINT_E_ARG);

    memset(&err, 0, sizeof err);
    CHECK_EQ_INT(plaint_stem(ctx, (plaint_lang)99, "ab", 2, 0, &stem, &stem_len, &err),
                 PLAINT_E_ARG);
    CHECK_EQ_INT(err.code, PLAINT_E_ARG);

    /* The ctx still works after the failures. */
    check_stem(ctx, PLAINT_LANG_EL, "\xCE\xA3\xCE\xA0\xCE\x8A\xCE\xA4\xCE\x99\xCE\x91", 12, 0,
               "\xCF\x83\xCF\x80\xCE\xB9\xCF\x84", "after errors"); /* ΣΠΊΤΙΑ -> σπιτ */
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s path/to/stem_el.tsv\n", argc > 0 ? argv[0] : "test_stem");
        return 2;
    }
    plaint_ctx *ctx = NULL;
    plaint_error err;
    memset(&err, 0, sizeof err);
    const plaint_status st = plaint_ctx_new(NULL, &ctx, &err);
    CHECK_EQ_INT(st, PLAINT_OK);
    if (st != PLAINT_OK || ctx == NULL) {
        fprintf(stderr, "plaint_ctx_new: %s\n", err.msg);
        return CHECK_DONE();
    }

    const long pairs = golden_each(argv[1], golden_pair, ctx);
    fprintf(stderr, "%ld golden pairs\n", pairs);
    CHECK(pairs >= 100);

    check_dispatch();
    check_auto(ctx);
    check_invalid(ctx);
    check_edges(ctx);
    check_args(ctx);

    plaint_ctx_free(ctx);
    plaint_ctx_free(NULL);
    return CHECK_DONE();
}
