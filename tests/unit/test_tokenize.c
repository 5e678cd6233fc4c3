/* test_tokenize.c - raw segmentation: kinds and byte ranges. */
#include <string.h>

#include "check.h"
#include "tokenize.h"

static void *tmpl;

/* Tokenizes s and renders "kind:text|kind:text|..." into out. */
static void render(const char *s, char *out, size_t cap)
{
    static const char kinds[] = "?WNEMUA";
    int nomem;
    struct pl_tokzr *const t = pl_tokzr_new(tmpl, &nomem);
    CHECK(t != NULL);
    size_t n = 0;
    out[0] = '\0';
    if (t == NULL)
        return;
    CHECK(pl_tokzr_set_text(t, s, strlen(s)) == 0);
    struct pl_rawtok rt;
    while (pl_tokzr_next(t, &rt)) {
        CHECK(rt.start < rt.end && rt.end <= strlen(s));
        const int w = snprintf(out + n, cap - n, "%s%c:%.*s", n ? "|" : "", kinds[rt.kind],
                               (int)(rt.end - rt.start), s + rt.start);
        if (w < 0 || (size_t)w >= cap - n)
            break;
        n += (size_t)w;
    }
    pl_tokzr_free(t);
}

static void check_tok(const char *s, const char *expected)
{
    char out[1024];
    render(s, out, sizeof out);
    CHECK_EQ_STR(out, expected);
}

int main(void)
{
    tmpl = pl_tok_template_new();
    CHECK(tmpl != NULL);
    check_tok("", "");
    check_tok("   ,.;  ", "");
    check_tok("Ala ma kota.", "W:Ala|W:ma|W:kota");
    check_tok("biało-czerwony", "W:biało|W:czerwony");
    check_tok("12,5 zł i 99,90€", "N:12,5|W:zł|W:i|N:99,90");
    check_tok("Kennedy'ego don't", "W:Kennedy'ego|W:don't");
    check_tok("Nie działa!!!", "W:Nie|W:działa|M:!!!");
    check_tok("Serio?! Co?", "W:Serio|M:?!|W:Co|M:?");
    check_tok("Co ‼ ⁉", "W:Co|M:‼|M:⁉");
    check_tok("Okropne 😡😡 👍🏻", "W:Okropne|E:😡|E:😡|E:👍🏻");
    check_tok("zob. https://sklep.pl/a?b=1, dzięki", "W:zob|U:https://sklep.pl/a?b=1|W:dzięki");
    check_tok("(http://x.pl/y).", "U:http://x.pl/y");
    check_tok("www.allegro.pl/oferta ok", "U:www.allegro.pl/oferta|W:ok");
    check_tok("http", "W:http");
    check_tok("napisz: jan.kowalski@firma.pl", "W:napisz|A:jan.kowalski@firma.pl");
    check_tok("@support", "W:@support");
    check_tok("Τηλέφωνο Samsung A52", "W:Τηλέφωνο|W:Samsung|N:A52");
    check_tok("Телефонът е счупен", "W:Телефонът|W:е|W:счупен");
    check_tok("a\0b", "W:a");  /* strlen stops at NUL: tested with lengths below */
    check_tok("© ®", "");

    /* NUL bytes inside the text are separators, never part of a token */
    int nomem;
    struct pl_tokzr *const t = pl_tokzr_new(tmpl, &nomem);
    CHECK(t != NULL);
    CHECK(pl_tokzr_set_text(t, "ab\0cd", 5) == 0);
    struct pl_rawtok rt;
    int count = 0;
    while (pl_tokzr_next(t, &rt)) {
        CHECK(memchr("ab\0cd" + rt.start, '\0', rt.end - rt.start) == NULL);
        count++;
    }
    CHECK_EQ_INT(count, 2);
    CHECK(pl_tokzr_set_text(t, "x", PL_TOK_MAX_TEXT + 1) != 0);
    pl_tokzr_free(t);
    pl_tokzr_free(NULL);
    pl_tok_template_free(tmpl);
    return CHECK_DONE();
}
