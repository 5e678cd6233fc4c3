/* script.h - the language of a text from the script of its letters. */
#ifndef PL_SCRIPT_H
#define PL_SCRIPT_H

#include <stddef.h>

#include "plaint.h"

/* Counts letters by script (Latin, Cyrillic, Greek, other; invalid UTF-8 is
 * skipped) and returns the language of the majority script, as documented
 * for plaint_detect_lang. */
plaint_lang pl_script_detect(const char *s, size_t len);

#endif
