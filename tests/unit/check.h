/* check.h - minimal assertion macros for plaint unit tests (no framework).
 *
 * Each CHECK prints file:line and the failed expression, counts the failure
 * and carries on, so one run shows every failure. CHECK_DONE() returns the
 * process exit status: 0 when nothing failed. */
#ifndef PLAINT_CHECK_H
#define PLAINT_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures = 0;
static int check_count = 0;

#define CHECK(cond)                                                              \
    do {                                                                         \
        check_count++;                                                           \
        if (!(cond)) {                                                           \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
            check_failures++;                                                    \
        }                                                                        \
    } while (0)

#define CHECK_EQ_INT(a, b)                                                       \
    do {                                                                         \
        const long long check_a_ = (long long)(a), check_b_ = (long long)(b);    \
        check_count++;                                                           \
        if (check_a_ != check_b_) {                                              \
            fprintf(stderr, "%s:%d: CHECK_EQ_INT failed: %s == %lld, expected %s == %lld\n", \
                    __FILE__, __LINE__, #a, check_a_, #b, check_b_);             \
            check_failures++;                                                    \
        }                                                                        \
    } while (0)

/* Compares a (pointer, length) string with a NUL-terminated expected string. */
#define CHECK_EQ_STRN(p, n, expected)                                            \
    do {                                                                         \
        const char *check_e_ = (expected);                                       \
        const size_t check_n_ = (size_t)(n);                                     \
        check_count++;                                                           \
        if (check_n_ != strlen(check_e_) || memcmp((p), check_e_, check_n_) != 0) { \
            fprintf(stderr, "%s:%d: CHECK_EQ_STRN failed: got \"%.*s\", expected \"%s\"\n", \
                    __FILE__, __LINE__, (int)check_n_, (const char *)(p), check_e_); \
            check_failures++;                                                    \
        }                                                                        \
    } while (0)

#define CHECK_EQ_STR(a, b) CHECK_EQ_STRN((a), strlen(a), (b))

#define CHECK_DONE()                                                             \
    (fprintf(stderr, "%d checks, %d failed\n", check_count, check_failures),     \
     check_failures == 0 ? 0 : 1)

#endif
