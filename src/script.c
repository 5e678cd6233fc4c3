/* script.c - language by majority script of the letters. */
#include "script.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "utf8.h"

plaint_lang pl_script_detect(const char *s, size_t len)
{
    const unsigned char *const u = (const unsigned char *)s;
    size_t latin = 0, cyrillic = 0, greek = 0, other = 0;
    size_t i = 0;
    while (i < len) {
        const unsigned char b = u[i];
        if (b < 0x80) {
            latin += (size_t)(((b | 0x20) >= 'a') & ((b | 0x20) <= 'z'));
            i++;
            continue;
        }
        const int32_t cp = pl_utf8_next(u, len, &i);
        if (cp < 0 || !u_isalpha(cp))
            continue;
        UErrorCode st = U_ZERO_ERROR;
        switch (uscript_getScript(cp, &st)) {
        case USCRIPT_LATIN:
            latin++;
            break;
        case USCRIPT_CYRILLIC:
            cyrillic++;
            break;
        case USCRIPT_GREEK:
            greek++;
            break;
        default:
            other++;
            break;
        }
    }
    size_t best = latin;
    plaint_lang lang = PLAINT_LANG_PL;
    if (cyrillic > best) {
        best = cyrillic;
        lang = PLAINT_LANG_BG;
    }
    if (greek > best) {
        best = greek;
        lang = PLAINT_LANG_EL;
    }
    if (best == 0)
        return other == 0 ? PLAINT_LANG_NONE : PLAINT_LANG_OTHER;
    return other > best ? PLAINT_LANG_OTHER : lang;
}
