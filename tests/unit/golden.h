/* golden.h - the one reader of golden stem lists (tests/data/stem_*.tsv).
 *
 * Format: word<TAB>stem per line; '#' lines and empty lines are comments; a
 * trailing \r is ignored. A malformed line is a failed check (with its
 * file:line): no tab, an empty word or stem, a second tab, a NUL byte, a
 * line over GOLDEN_MAX_LINE bytes; so is a read error. */
#ifndef PLAINT_GOLDEN_H
#define PLAINT_GOLDEN_H

#include <stdio.h>
#include <string.h>

#include "check.h"

#define GOLDEN_MAX_LINE 1024

/* Called for each pair; where is "file:line: word" for failure messages. */
typedef void (*golden_fn)(void *state, const char *word, size_t word_len, const char *stem,
                          const char *where);

/* Calls fn for every pair of the file. Returns the number of pairs, or -1
 * when the file cannot be opened. */
static long golden_each(const char *path, golden_fn fn, void *state)
{
    FILE *const f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "cannot open %s\n", path);
        return -1;
    }
    char line[GOLDEN_MAX_LINE + 2];
    char where[GOLDEN_MAX_LINE + 300];
    long pairs = 0, lineno = 0;
    while (fgets(line, sizeof line, f) != NULL) {
        lineno++;
        size_t n = strlen(line);
        const int complete = n > 0 && line[n - 1] == '\n';
        if (!complete && !feof(f)) {
            fprintf(stderr, "%s:%ld: malformed line (too long)\n", path, lineno);
            CHECK(!"malformed golden line");
            int c;
            while ((c = fgetc(f)) != EOF && c != '\n')
                ;
            continue;
        }
        if (complete)
            line[--n] = '\0';
        if (n > 0 && line[n - 1] == '\r')
            line[--n] = '\0';
        if (n == 0 || line[0] == '#')
            continue;
        char *const tab = memchr(line, '\t', n);
        const size_t rest = tab != NULL ? n - (size_t)(tab + 1 - line) : 0;
        if (tab == NULL || tab == line || rest == 0 || memchr(tab + 1, '\t', rest) != NULL ||
            memchr(line, '\0', n) != NULL) {
            fprintf(stderr, "%s:%ld: malformed line\n", path, lineno);
            CHECK(!"malformed golden line");
            continue;
        }
        *tab = '\0';
        snprintf(where, sizeof where, "%s:%ld: %s", path, lineno, line);
        fn(state, line, (size_t)(tab - line), tab + 1, where);
        pairs++;
    }
    if (ferror(f)) {
        fprintf(stderr, "%s: read error\n", path);
        CHECK(!"golden file read error");
    }
    fclose(f);
    return pairs;
}

#endif
