/* test_script.c - language by majority script. */
#include <string.h>

#include "check.h"
#include "plaint.h"
#include "script.h"

static plaint_lang detect(const char *s)
{
    return pl_script_detect(s, strlen(s));
}

int main(void)
{
    CHECK_EQ_INT(detect("Zamówiłem telefon"), PLAINT_LANG_PL);
    CHECK_EQ_INT(detect("Zamowilem telefon"), PLAINT_LANG_PL);
    CHECK_EQ_INT(detect("Поръчах телефон"), PLAINT_LANG_BG);
    CHECK_EQ_INT(detect("Παρήγγειλα ένα τηλέφωνο"), PLAINT_LANG_EL);
    CHECK_EQ_INT(detect("ἄνθρωπος"), PLAINT_LANG_EL);
    CHECK_EQ_INT(detect(""), PLAINT_LANG_NONE);
    CHECK_EQ_INT(detect("123 !!! 😡 ..."), PLAINT_LANG_NONE);
    CHECK_EQ_INT(detect("这个产品坏了"), PLAINT_LANG_OTHER);
    CHECK_EQ_INT(detect("מוצר פגום"), PLAINT_LANG_OTHER);
    /* majority wins: a Greek text with a Latin brand name */
    CHECK_EQ_INT(detect("Το iPhone μου χάλασε μετά από δύο μέρες"), PLAINT_LANG_EL);
    CHECK_EQ_INT(detect("Telefon Samsung Galaxy, а не Xiaomi"), PLAINT_LANG_PL);
    /* a few Latin letters do not beat a Chinese majority */
    CHECK_EQ_INT(detect("OK 这个产品坏了很多"), PLAINT_LANG_OTHER);
    /* ties go pl, then bg, then el */
    CHECK_EQ_INT(detect("ab аб"), PLAINT_LANG_PL);
    CHECK_EQ_INT(detect("аб αβ"), PLAINT_LANG_BG);
    /* invalid UTF-8 is skipped, not counted, never crashes */
    CHECK_EQ_INT(pl_script_detect("\xff\xfe\xce", 3), PLAINT_LANG_NONE);
    CHECK_EQ_INT(pl_script_detect("\xce\xb1\xff", 3), PLAINT_LANG_EL);
    /* the public wrapper */
    plaint_lang l = PLAINT_LANG_AUTO;
    CHECK_EQ_INT(plaint_detect_lang("Δεν", 6, &l), PLAINT_OK);
    CHECK_EQ_INT(l, PLAINT_LANG_EL);
    CHECK_EQ_INT(plaint_detect_lang(NULL, 3, &l), PLAINT_E_ARG);
    CHECK_EQ_INT(plaint_detect_lang("x", 1, NULL), PLAINT_E_ARG);
    CHECK_EQ_INT(plaint_detect_lang(NULL, 0, &l), PLAINT_OK);
    CHECK_EQ_INT(l, PLAINT_LANG_NONE);
    return CHECK_DONE();
}
