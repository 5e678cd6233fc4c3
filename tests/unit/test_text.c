/* test_text.c - the whole pipeline through the public API: tokens, kinds,
 * stems, languages, invalid UTF-8, NUL bytes, huge lines, cache limits. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "plaint.h"

static plaint_ctx *ctx;

/* Joins the tokens (stems with PLAINT_TEXT_STEMS) of s with spaces. */
static plaint_status join(const char *s, size_t len, plaint_lang lang, unsigned flags, char *out,
                          size_t cap, plaint_tokens *toks)
{
    plaint_error err;
    const plaint_status st = plaint_tokenize(ctx, s, len, lang, flags, toks, &err);
    out[0] = '\0';
    if (st != PLAINT_OK)
        return st;
    size_t n = 0;
    for (size_t i = 0; i < toks->count && n + toks->tokens[i].stem_len + 2 < cap; i++) {
        if (i > 0)
            out[n++] = ' ';
        memcpy(out + n, toks->tokens[i].stem, toks->tokens[i].stem_len);
        n += toks->tokens[i].stem_len;
    }
    out[n] = '\0';
    return st;
}

static void check_line(const char *s, plaint_lang lang, unsigned flags, const char *expected,
                       plaint_lang expected_lang)
{
    char out[2048];
    plaint_tokens toks;
    CHECK_EQ_INT(join(s, strlen(s), lang, flags, out, sizeof out, &toks), PLAINT_OK);
    CHECK_EQ_STR(out, expected);
    CHECK_EQ_INT(toks.lang, expected_lang);
}

static void check_errors(void)
{
    plaint_error err;
    plaint_tokens toks;
    memset(&err, 0, sizeof err);
    /* strict mode: the byte offset of the first bad byte */
    CHECK_EQ_INT(plaint_tokenize(ctx, "dobry\xC3(", 7, PLAINT_LANG_AUTO, 0, &toks, &err),
                 PLAINT_E_INPUT);
    CHECK_EQ_INT(err.code, PLAINT_E_INPUT);
    CHECK_EQ_INT(err.offset, 5);
    CHECK(strstr(err.msg, "invalid UTF-8") != NULL);
    /* replacement mode: counted, and the text around it survives */
    CHECK_EQ_INT(plaint_tokenize(ctx, "dobry\xC3(zły\xFF\xFEtowar", 17, PLAINT_LANG_AUTO,
                                 PLAINT_TEXT_REPLACE_INVALID, &toks, &err),
                 PLAINT_OK);
    CHECK_EQ_INT(toks.replaced, 3);
    CHECK_EQ_INT(toks.count, 3);
    /* bad arguments */
    CHECK_EQ_INT(plaint_tokenize(NULL, "a", 1, PLAINT_LANG_AUTO, 0, &toks, &err), PLAINT_E_ARG);
    CHECK_EQ_INT(plaint_tokenize(ctx, NULL, 1, PLAINT_LANG_AUTO, 0, &toks, &err), PLAINT_E_ARG);
    CHECK_EQ_INT(plaint_tokenize(ctx, "a", 1, PLAINT_LANG_NONE, 0, &toks, NULL), PLAINT_E_ARG);
    CHECK_EQ_INT(plaint_tokenize(ctx, "a", 1, PLAINT_LANG_AUTO, 0, NULL, NULL), PLAINT_E_ARG);
    CHECK_EQ_INT(plaint_tokenize(ctx, NULL, 0, PLAINT_LANG_AUTO, 0, &toks, NULL), PLAINT_OK);
    CHECK_EQ_INT(toks.count, 0);
    CHECK_EQ_INT(toks.lang, PLAINT_LANG_NONE);
    CHECK_EQ_INT(plaint_ctx_new(NULL, NULL, &err), PLAINT_E_ARG);
    CHECK_EQ_INT(err.code, PLAINT_E_ARG);
    plaint_ctx_free(NULL);
}

static void check_nul_bytes(void)
{
    char out[256];
    plaint_tokens toks;
    CHECK_EQ_INT(join("z\0psuty\0\0telefon", 17, PLAINT_LANG_AUTO, 0, out, sizeof out, &toks),
                 PLAINT_OK);
    CHECK_EQ_STR(out, "z psuty telefon");
}

/* A 10 MB single line: every token comes back, and the stems of a word are
 * the same whether the cache was cold, warm, or past its limit. */
static void check_huge_line(void)
{
    const size_t target = 10u << 20;
    char *const s = malloc(target + 64);
    CHECK(s != NULL);
    if (s == NULL)
        return;
    size_t n = 0, words = 0;
    while (n < target) {
        /* mostly repeated words, plus 300k distinct ones to overflow the cache */
        if (words % 2 == 0)
            n += (size_t)snprintf(s + n, 64, "reklamacja%zu ", words);
        else
            n += (size_t)snprintf(s + n, 64, "uszkodzonych ");
        words++;
    }
    plaint_tokens toks;
    plaint_error err;
    CHECK_EQ_INT(plaint_tokenize(ctx, s, n, PLAINT_LANG_AUTO, PLAINT_TEXT_STEMS, &toks, &err),
                 PLAINT_OK);
    CHECK_EQ_INT(toks.count, words);
    size_t bad = 0;
    for (size_t i = 1; i < toks.count; i += 2)
        bad += !(toks.tokens[i].stem_len == 9 &&
                 memcmp(toks.tokens[i].stem, "uszkodzon", 9) == 0);
    CHECK_EQ_INT(bad, 0);
    CHECK_EQ_STRN(toks.tokens[0].text, toks.tokens[0].len, "reklamacja0");
    free(s);
    /* the next text still works after the cache overflowed */
    check_line("Uszkodzonych reklamacja", PLAINT_LANG_AUTO, PLAINT_TEXT_STEMS,
               "uszkodzon reklamacj", PLAINT_LANG_PL);
}

int main(void)
{
    plaint_error err;
    CHECK_EQ_INT(plaint_ctx_new(NULL, &ctx, &err), PLAINT_OK);
    if (ctx == NULL)
        return CHECK_DONE();
    check_line("", PLAINT_LANG_AUTO, 0, "", PLAINT_LANG_NONE);
    check_line("  ...  ", PLAINT_LANG_AUTO, 0, "", PLAINT_LANG_NONE);
    check_line("Telefon przyszedł USZKODZONY!!! 😡", PLAINT_LANG_AUTO, 0,
               "telefon przyszedł uszkodzony !! 😡", PLAINT_LANG_PL);
    check_line("Telefon przyszedł USZKODZONY!!! 😡", PLAINT_LANG_AUTO, PLAINT_TEXT_STEMS,
               "telefon przyszedł uszkodzon !! 😡", PLAINT_LANG_PL);
    check_line("Поръчката пристигна счупена?", PLAINT_LANG_AUTO, PLAINT_TEXT_STEMS,
               "поръчк пристигн счупн ?", PLAINT_LANG_BG);
    check_line("ΤΟ ΠΡΟΪΌΝ ΈΦΤΑΣΕ ΣΠΑΣΜΈΝΟ", PLAINT_LANG_AUTO, PLAINT_TEXT_STEMS,
               "το προιον εφτασ σπασμεν", PLAINT_LANG_EL);
    check_line("Pisz na jan@x.pl lub www.x.pl", PLAINT_LANG_AUTO, 0, "pisz na <email> lub <url>",
               PLAINT_LANG_PL);
    check_line("👍🏻 👍", PLAINT_LANG_AUTO, 0, "👍 👍", PLAINT_LANG_NONE);
    check_line("12 !? 3", PLAINT_LANG_AUTO, 0, "12 ?! 3", PLAINT_LANG_NONE);
    check_line("这个产品坏了", PLAINT_LANG_AUTO, PLAINT_TEXT_STEMS, "这个 产品 坏 了",
               PLAINT_LANG_OTHER);
    /* an explicit language overrides detection, for stemming too */
    check_line("produktów", PLAINT_LANG_BG, PLAINT_TEXT_STEMS, "produktów", PLAINT_LANG_BG);
    check_line("produktów", PLAINT_LANG_PL, PLAINT_TEXT_STEMS, "produkt", PLAINT_LANG_PL);
    /* the same text twice (cache cold, then warm) gives the same tokens */
    check_line("Zwrot pieniędzy za zwrot", PLAINT_LANG_AUTO, PLAINT_TEXT_STEMS,
               "zwrot pieniędz za zwrot", PLAINT_LANG_PL);
    check_line("Zwrot pieniędzy za zwrot", PLAINT_LANG_AUTO, PLAINT_TEXT_STEMS,
               "zwrot pieniędz za zwrot", PLAINT_LANG_PL);
    /* token kinds */
    plaint_tokens toks;
    const char *const kinds = "a 1 😡 ! http://x y@z.pl";
    CHECK_EQ_INT(plaint_tokenize(ctx, kinds, strlen(kinds), PLAINT_LANG_AUTO, 0, &toks, &err),
                 PLAINT_OK);
    CHECK_EQ_INT(toks.count, 6);
    if (toks.count == 6) {
        CHECK_EQ_INT(toks.tokens[0].kind, PLAINT_TOKEN_WORD);
        CHECK_EQ_INT(toks.tokens[1].kind, PLAINT_TOKEN_NUMBER);
        CHECK_EQ_INT(toks.tokens[2].kind, PLAINT_TOKEN_EMOJI);
        CHECK_EQ_INT(toks.tokens[3].kind, PLAINT_TOKEN_MARK);
        CHECK_EQ_INT(toks.tokens[4].kind, PLAINT_TOKEN_URL);
        CHECK_EQ_INT(toks.tokens[5].kind, PLAINT_TOKEN_EMAIL);
    }
    check_errors();
    check_nul_bytes();
    check_huge_line();

    /* status texts: all distinct, unknown values handled */
    const char *texts[9];
    for (int i = 0; i < 9; i++)
        texts[i] = plaint_strerror((plaint_status)i);
    for (int i = 0; i < 9; i++)
        for (int j = i + 1; j < 9; j++)
            CHECK(strcmp(texts[i], texts[j]) != 0);
    CHECK_EQ_STR(plaint_strerror((plaint_status)999), "unknown status");
    CHECK_EQ_INT(plaint_version_number(), PLAINT_VERSION_NUMBER);
    CHECK_EQ_STR(plaint_version_string(), PLAINT_VERSION_STRING);
    plaint_lang l = PLAINT_LANG_AUTO;
    CHECK_EQ_INT(plaint_lang_parse("EL", &l), PLAINT_OK);
    CHECK_EQ_INT(l, PLAINT_LANG_EL);
    CHECK_EQ_INT(plaint_lang_parse("de", &l), PLAINT_E_ARG);
    CHECK_EQ_INT(l, PLAINT_LANG_EL);
    CHECK_EQ_STR(plaint_lang_code(PLAINT_LANG_BG), "bg");
    plaint_ctx_free(ctx);
    return CHECK_DONE();
}
