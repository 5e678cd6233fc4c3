/* script.h - the language of a text from the script of its letters. */
#ifndef PL_SCRIPT_H
#define PL_SCRIPT_H

#include <stddef.h>

#include "plaint.h"

/* Counts letters by script (Latin, Cyrillic, Greek, other; invalid UTF-8 is
 * skipped) and returns the language of the majority script, as documented
 * for plaint_detect_lang. */
plaint_lang pl_script_detect(const char *s, size_t len);

/* The slot (0, 1, 2) of a supported language (pl, bg, el), or -1. */
static inline int pl_lang_slot(plaint_lang lang)
{
    return (lang >= PLAINT_LANG_PL && lang <= PLAINT_LANG_EL) ? (int)lang - 1 : -1;
}

#endif
