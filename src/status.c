/* status.c - status texts (one X-macro list in plaint.h) and error records. */
#include "status.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *plaint_strerror(plaint_status status)
{
    switch (status) {
#define PL_STATUS_CASE_(name, value, text) \
    case name:                             \
        return text;
        PLAINT_STATUS_LIST(PL_STATUS_CASE_)
#undef PL_STATUS_CASE_
    }
    return "unknown status";
}

plaint_status pl_error_set(plaint_error *err, plaint_status code, const char *source,
                           uint64_t line, uint64_t offset, const char *fmt, ...)
{
    if (err == NULL)
        return code;
    err->code = code;
    err->line = line;
    err->offset = offset;
    snprintf(err->source, sizeof err->source, "%s", source != NULL ? source : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return code;
}
