/* bench_pipeline.c - tokenize+stem throughput against bare ICU word break.
 *
 * Usage: bench_pipeline FILE.tsv [SECONDS]
 * Reads the text column of a label<TAB>text file (or whole lines when there
 * is no tab), then measures, on the same documents (one per line):
 *   icu:      utext_openUTF8 + ubrk_setUText + ubrk_next/getRuleStatus,
 *             counting letter and number segments (the dependency's floor);
 *   pipeline: plaint_tokenize with stems (UTF-8 check, script detection,
 *             word break, normalization, stemming, stem cache).
 * Each is repeated for about SECONDS (default 2) after one warm-up pass;
 * prints MB/s for both and the ratio pipeline/icu. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "plaint.h"

struct doc {
    size_t off, len;
};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static char *text;
static struct doc *docs;
static size_t ndocs, nbytes;

static int load(const char *path)
{
    FILE *const f = fopen(path, "rb");
    if (f == NULL) {
        perror(path);
        return -1;
    }
    fseek(f, 0, SEEK_END);
    const long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    text = malloc((size_t)size + 1);
    docs = malloc(((size_t)size + 1) * sizeof *docs);
    if (text == NULL || docs == NULL || fread(text, 1, (size_t)size, f) != (size_t)size) {
        fclose(f);
        return -1;
    }
    fclose(f);
    size_t i = 0;
    while (i < (size_t)size) {
        char *const nl = memchr(text + i, '\n', (size_t)size - i);
        const size_t end = nl ? (size_t)(nl - text) : (size_t)size;
        const char *const tab = memchr(text + i, '\t', end - i);
        const size_t start = tab ? (size_t)(tab - text) + 1 : i;
        docs[ndocs].off = start;
        docs[ndocs].len = end - start;
        nbytes += end - start;
        ndocs++;
        i = end + 1;
    }
    return 0;
}

static size_t run_icu(UBreakIterator *bi)
{
    size_t words = 0;
    UText ut = UTEXT_INITIALIZER;
    for (size_t d = 0; d < ndocs; d++) {
        UErrorCode st = U_ZERO_ERROR;
        utext_openUTF8(&ut, text + docs[d].off, (int64_t)docs[d].len, &st);
        ubrk_setUText(bi, &ut, &st);
        while (ubrk_next(bi) != UBRK_DONE) {
            const int32_t r = ubrk_getRuleStatus(bi);
            words += (r >= UBRK_WORD_NUMBER && r < UBRK_WORD_LETTER_LIMIT);
        }
    }
    utext_close(&ut);
    return words;
}

static size_t run_pipeline(plaint_ctx *ctx)
{
    size_t words = 0;
    for (size_t d = 0; d < ndocs; d++) {
        plaint_tokens toks;
        if (plaint_tokenize(ctx, text + docs[d].off, docs[d].len, PLAINT_LANG_AUTO,
                            PLAINT_TEXT_STEMS | PLAINT_TEXT_REPLACE_INVALID, &toks,
                            NULL) == PLAINT_OK)
            words += toks.count;
    }
    return words;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_pipeline FILE.tsv [SECONDS]\n");
        return 2;
    }
    const double secs = argc > 2 ? atof(argv[2]) : 2.0;
    if (load(argv[1]) != 0)
        return 1;
    UErrorCode st = U_ZERO_ERROR;
    UBreakIterator *const bi = ubrk_open(UBRK_WORD, "", NULL, 0, &st);
    plaint_ctx *ctx = NULL;
    if (U_FAILURE(st) || plaint_ctx_new(NULL, &ctx, NULL) != PLAINT_OK) {
        fprintf(stderr, "cannot initialise\n");
        return 1;
    }
    size_t icu_words = run_icu(bi), pipe_words = run_pipeline(ctx); /* warm-up */
    double t0 = now(), t;
    size_t reps = 0;
    do {
        icu_words = run_icu(bi);
        reps++;
    } while ((t = now() - t0) < secs);
    const double icu_mbs = (double)nbytes * (double)reps / t / 1e6;
    t0 = now();
    reps = 0;
    do {
        pipe_words = run_pipeline(ctx);
        reps++;
    } while ((t = now() - t0) < secs);
    const double pipe_mbs = (double)nbytes * (double)reps / t / 1e6;
    printf("%-40s docs %7zu  MB %6.2f  icu %7.1f MB/s (%zu words)  pipeline %7.1f MB/s "
           "(%zu tokens)  ratio %.2f\n",
           argv[1], ndocs, (double)nbytes / 1e6, icu_mbs, icu_words, pipe_mbs, pipe_words,
           pipe_mbs / icu_mbs);
    plaint_ctx_free(ctx);
    ubrk_close(bi);
    free(text);
    free(docs);
    return 0;
}
