/* test_translit.c - Latin-typed Greek and Bulgarian, stem folding, and the
 * language decision for text in Latin letters. */
#include <string.h>

#include "check.h"
#include "plaint.h"
#include "translit.h"

static char out[4096];

static const char *translit(plaint_lang lang, const char *s)
{
    struct pl_buf b = {0};
    if (pl_translit(lang, s, strlen(s), &b) != 0 || b.len >= sizeof out) {
        pl_buf_free(&b);
        return "(failed)";
    }
    if (b.len > 0)
        memcpy(out, b.data, b.len);
    out[b.len] = '\0';
    pl_buf_free(&b);
    return out;
}

static const char *fold(plaint_lang lang, const char *s)
{
    const size_t n = pl_fold_stem(lang, s, strlen(s), out);
    CHECK(n <= strlen(s)); /* folding never lengthens */
    out[n] = '\0';
    return out;
}

static plaint_lang latin(const char *s)
{
    return pl_latin_lang(s, strlen(s));
}

int main(void)
{
    /* Greeklish: digraphs, digits inside words, context rules */
    CHECK_EQ_STR(translit(PLAINT_LANG_EL, "kalispera"), "καλισπερα");
    CHECK_EQ_STR(translit(PLAINT_LANG_EL, "den exei er8ei"), "δεν εχει ερθει");
    CHECK_EQ_STR(translit(PLAINT_LANG_EL, "thelw psomi"), "θελω ψομι");
    CHECK_EQ_STR(translit(PLAINT_LANG_EL, "euxaristw poly"), "ευχαριστω πολυ");
    CHECK_EQ_STR(translit(PLAINT_LANG_EL, "eho 3ero"), "εχο ξερο");
    CHECK_EQ_STR(translit(PLAINT_LANG_EL, "Mporei"), "μπορει");
    /* a digit that is a number stays a number; other characters are kept */
    CHECK_EQ_STR(translit(PLAINT_LANG_EL, "se 8 meres, 30€!"), "σε 8 μερεσ, 30€!");
    CHECK_EQ_STR(translit(PLAINT_LANG_EL, "το iphone"), "το ιπηονε");
    /* Latin-script Bulgarian */
    CHECK_EQ_STR(translit(PLAINT_LANG_BG, "poru4ah telefon"), "поручах телефон");
    CHECK_EQ_STR(translit(PLAINT_LANG_BG, "oshte ne e doshal"), "още не е дошал");
    CHECK_EQ_STR(translit(PLAINT_LANG_BG, "o6te sht 6t"), "още щ щ");
    CHECK_EQ_STR(translit(PLAINT_LANG_BG, "blagodarya, moy"), "благодаря, мой");
    CHECK_EQ_STR(translit(PLAINT_LANG_BG, "zhelaq da q varna"), "желая да я варна");
    CHECK_EQ_STR(translit(PLAINT_LANG_BG, "s`m"), "съм");
    CHECK_EQ_STR(translit(PLAINT_LANG_BG, ""), "");

    /* folding: proper and informal spellings meet */
    CHECK_EQ_STR(fold(PLAINT_LANG_PL, "zamówiłem"), "zamowilem");
    CHECK_EQ_STR(fold(PLAINT_LANG_PL, "źle żółć ąę ńś"), "zle zolc ae ns");
    CHECK_EQ_STR(fold(PLAINT_LANG_PL, "ascii"), "ascii");
    CHECK_EQ_STR(fold(PLAINT_LANG_EL, "καλησπερ"), fold(PLAINT_LANG_EL, "καλισπερ"));
    CHECK_EQ_STR(fold(PLAINT_LANG_EL, "ειχ"), "ιχ");
    CHECK_EQ_STR(fold(PLAINT_LANG_EL, "οικογενει"), "ικογενι");
    CHECK_EQ_STR(fold(PLAINT_LANG_EL, "πρωτον"), "προτον");
    CHECK_EQ_STR(fold(PLAINT_LANG_EL, "και"), "κε");
    CHECK_EQ_STR(fold(PLAINT_LANG_EL, "πουλ"), "πουλ"); /* ου stays */
    CHECK_EQ_STR(fold(PLAINT_LANG_EL, "ευρ"), "ευρ");
    CHECK_EQ_STR(fold(PLAINT_LANG_EL, "θαλασσ"), "θαλασ");
    CHECK_EQ_STR(fold(PLAINT_LANG_EL, "μπορ"), "βορ");
    CHECK_EQ_STR(fold(PLAINT_LANG_EL, "ντουλαπ"), "δουλαπ");
    CHECK_EQ_STR(fold(PLAINT_LANG_EL, "γκαραζ"), "γαραζ");
    CHECK_EQ_STR(fold(PLAINT_LANG_EL, "υπαλληλ"), "ιπαλιλ");
    CHECK_EQ_STR(fold(PLAINT_LANG_BG, "съм"), "сам");
    CHECK_EQ_STR(fold(PLAINT_LANG_BG, "мой"), "мои");
    CHECK_EQ_STR(fold(PLAINT_LANG_BG, "шофьор"), "шофор");
    CHECK_EQ_STR(fold(PLAINT_LANG_NONE, "ąę"), "ąę");

    /* Polish diacritics removed, case kept */
    {
        struct pl_buf b = {0};
        const char *const t = "Żółć ĄĆĘŁŃÓŚŹŻ ąćęłńóśźż x";
        CHECK_EQ_INT(pl_strip_polish(t, strlen(t), &b), 1);
        CHECK_EQ_STRN(b.data, b.len, "Zolc ACELNOSZZ acelnoszz x");
        b.len = 0;
        CHECK_EQ_INT(pl_strip_polish("abc", 3, &b), 0);
        CHECK_EQ_STRN(b.data, b.len, "abc");
        pl_buf_free(&b);
    }

    /* the language of Latin text: Polish diacritics decide at once */
    CHECK_EQ_INT(latin("Zamówiłem telefon"), PLAINT_LANG_PL);
    CHECK_EQ_INT(latin("ZAMÓWIŁEM"), PLAINT_LANG_PL);
    CHECK_EQ_INT(latin("zamowilem telefon dwa tygodnie temu i nadal nie doszedl"),
                 PLAINT_LANG_PL);
    CHECK_EQ_INT(latin("prosze o zwrot pieniedzy, paczka przyszla uszkodzona"),
                 PLAINT_LANG_PL);
    CHECK_EQ_INT(latin("kalispera, parhggeila ena kinhto kai akoma den exei er8ei"),
                 PLAINT_LANG_EL);
    CHECK_EQ_INT(latin("to paketo den irthe pote, thelw ta xrhmata mou pisw"),
                 PLAINT_LANG_EL);
    CHECK_EQ_INT(latin("Zdraveite, poru4ah telefon predi 2 sedmici i oshte ne e doshal"),
                 PLAINT_LANG_BG);
    CHECK_EQ_INT(latin("iskam si parite obratno vednaga, tova e bezobrazie"), PLAINT_LANG_BG);
    /* English is not passed off as one of ours */
    CHECK_EQ_INT(latin("Hello, my order has not arrived yet"), PLAINT_LANG_OTHER);
    CHECK_EQ_INT(latin("The parcel was damaged and I want a refund"), PLAINT_LANG_OTHER);
    CHECK_EQ_INT(latin("I didn't receive it, please help"), PLAINT_LANG_OTHER);
    CHECK_EQ_INT(latin("Zamowienie nie doszlo, thank you very much za nic"), PLAINT_LANG_PL);
    /* no letters, or too little evidence: Polish */
    CHECK_EQ_INT(latin(""), PLAINT_LANG_PL);
    CHECK_EQ_INT(latin("123 !!!"), PLAINT_LANG_PL);
    /* the public detector agrees */
    plaint_lang l = PLAINT_LANG_AUTO;
    const char *const g = "den douleyei to kinito, to phra xthes";
    CHECK_EQ_INT(plaint_detect_lang(g, strlen(g), &l), PLAINT_OK);
    CHECK_EQ_INT(l, PLAINT_LANG_EL);
    return CHECK_DONE();
}
