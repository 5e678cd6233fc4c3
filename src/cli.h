/* cli.h - shared pieces of the plaint command line: option tables, input
 * lines, output, messages. The CLI uses only the public API (plaint.h). */
#ifndef PLAINT_CLI_H
#define PLAINT_CLI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "plaint.h"

/* Exit codes of every subcommand. */
enum { CLI_OK = 0, CLI_FAILED = 1, CLI_USAGE = 2 };

#define CLI_MAX_OPTS 24

/* One option; the table generates --help, so help cannot drift from code. */
struct cli_opt {
    const char *lng;  /* long name without "--" */
    char shrt;        /* short letter, or 0 */
    const char *arg;  /* name of its argument, or NULL for a flag */
    const char *help; /* one line */
};

struct cli_cmd {
    const char *name;
    const char *args;    /* synopsis after the options, e.g. "[FILE...]" */
    const char *summary; /* one line for `plaint --help` */
    const char *details; /* paragraphs for `plaint CMD --help`, or NULL */
    const struct cli_opt *opts;
    size_t nopts;
    int (*run)(const struct cli_cmd *cmd, int argc, char **argv);
};

struct cli_args {
    const char *val[CLI_MAX_OPTS]; /* argument of option i, or "" for a set flag */
    char **pos;                    /* positional arguments */
    int npos;
};

/* Parses argv[1..argc) of a subcommand. Returns -1 when parsing succeeded
 * and the command should run, otherwise the exit code to return (help was
 * printed: CLI_OK; a usage error was reported: CLI_USAGE). */
int cli_parse(const struct cli_cmd *cmd, int argc, char **argv, struct cli_args *a);

void cli_args_free(struct cli_args *a);

/* Index of option `lng` in cmd's table (it must exist). */
int cli_opt_index(const struct cli_cmd *cmd, const char *lng);

void cli_print_help(const struct cli_cmd *cmd, FILE *out);

/* Prints "plaint: <message>\n" to stderr. */
void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* Reading lines (plain or gzip-compressed, detected by content): "-" is
 * stdin. Lines end at \n; a trailing \r is removed,
 * and so is a UTF-8 byte order mark at the very start of an input. Lines
 * may be of any length and may contain NUL bytes. */
struct cli_input {
    void *gz;         /* gzFile: reads plain and gzip input (all members) alike */
    const char *name; /* as given, "<stdin>" for "-" */
    char *buf;        /* the current line */
    size_t cap;
    char *raw;        /* read-ahead buffer */
    size_t rawlen, rawpos;
    int eof;
    uint64_t line;    /* number of the line last read, 1-based */
};

/* Opens an input; on failure reports it and returns -1. */
int cli_input_open(struct cli_input *in, const char *path);

/* Reads the next line into in->buf (NUL-terminated too) and stores its
 * length. Returns 1 for a line, 0 at the end, -1 on a read error (reported). */
int cli_input_line(struct cli_input *in, size_t *len);

void cli_input_close(struct cli_input *in);

/* Calls fn for every line of every path in order ("-" is stdin; no paths
 * means stdin). Stops at the first input that cannot be opened or read, or
 * when fn returns non-zero. Returns CLI_OK or CLI_FAILED. */
typedef int (*cli_line_fn)(void *state, const struct cli_input *in, const char *line,
                           size_t len);
int cli_each_line(char **paths, int npaths, cli_line_fn fn, void *state);

/* Writes n bytes to stdout; stdout errors are checked once at the end by
 * cli_output_finish. */
void cli_write(const char *s, size_t n);

/* Flushes stdout. Returns CLI_OK, or reports the write error and returns
 * CLI_FAILED. */
int cli_output_finish(void);

/* Parses a language option value ("pl", "bg", "el"); NULL or "auto" gives
 * PLAINT_LANG_AUTO. Reports a usage error and returns -1 on anything else. */
int cli_parse_lang(const char *value, plaint_lang *out);

/* Reports a line with invalid UTF-8 (first bad byte at `offset`) that was
 * processed with U+FFFD replacements: the first few lines one by one, then
 * only a count, given at the end by cli_utf8_summary. */
void cli_utf8_warn(const struct cli_input *in, uint64_t offset, size_t *warned);
void cli_utf8_summary(size_t lines);

int cli_stem(const struct cli_cmd *cmd, int argc, char **argv);
int cli_train(const struct cli_cmd *cmd, int argc, char **argv);
int cli_label(const struct cli_cmd *cmd, int argc, char **argv);
int cli_eval(const struct cli_cmd *cmd, int argc, char **argv);

/* Splits a corpus line into label and text: "label<TAB>text", or fastText's
 * "__label__X text". Returns 0, or -1 with *why set to the problem. */
int cli_corpus_line(const char *line, size_t len, const char **label, size_t *label_len,
                    const char **text, size_t *text_len, const char **why);

/* Parses option `opt` of command `cmd` as a number in [lo, hi]; on
 * failure reports a usage error and returns -1. */
int cli_parse_number(const char *cmd, const char *opt, const char *v, double lo, double hi,
                     double *out);

/* Reads the training options shared by train and cv (algo, alpha,
 * min-count, calibration-sample, no-bigrams, no-negation, idf) into *o,
 * which holds the defaults. Returns 0, or -1 after reporting a usage error. */
int cli_train_options(const struct cli_cmd *cmd, const struct cli_args *a, plaint_options *o);

int cli_cv(const struct cli_cmd *cmd, int argc, char **argv);
int cli_info(const struct cli_cmd *cmd, int argc, char **argv);
int cli_merge(const struct cli_cmd *cmd, int argc, char **argv);

/* Loads the model named by -m, or reports that one is needed. */
int cli_load_model(const char *path, plaint_model **out);
int cli_tokenize(const struct cli_cmd *cmd, int argc, char **argv);

#endif
