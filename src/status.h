/* status.h - filling plaint_error records, used by every module. */
#ifndef PL_STATUS_H
#define PL_STATUS_H

#include <stdint.h>

#include "plaint.h"

/* Fills *err (when err is not NULL) and returns code, so a failing function
 * can `return pl_error_set(err, PLAINT_E_INPUT, ...)`. source may be NULL
 * (stored as ""); the message is printf-formatted and truncated to fit. */
plaint_status pl_error_set(plaint_error *err, plaint_status code, const char *source,
                           uint64_t line, uint64_t offset, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

#endif
