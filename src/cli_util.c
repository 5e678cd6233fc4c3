/* cli_util.c - option parsing, help, input lines and output for the CLI. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include <zlib.h>

#include "cli.h"

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("plaint: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_opt_index(const struct cli_cmd *cmd, const char *lng)
{
    for (size_t i = 0; i < cmd->nopts; i++)
        if (strcmp(cmd->opts[i].lng, lng) == 0)
            return (int)i;
    return -1;
}

void cli_print_help(const struct cli_cmd *cmd, FILE *out)
{
    fprintf(out, "Usage: plaint %s [OPTIONS] %s\n\n%s\n", cmd->name, cmd->args, cmd->summary);
    if (cmd->details != NULL)
        fprintf(out, "\n%s\n", cmd->details);
    fputs("\nOptions:\n", out);
    int width = 24; /* the left column: wide enough for the longest option */
    for (size_t i = 0; i < cmd->nopts; i++) {
        const struct cli_opt *const o = &cmd->opts[i];
        const int w = 6 + (int)strlen(o->lng) + (o->arg ? 1 + (int)strlen(o->arg) : 0);
        if (w > width)
            width = w;
    }
    for (size_t i = 0; i < cmd->nopts; i++) {
        const struct cli_opt *const o = &cmd->opts[i];
        char lhs[64];
        if (o->shrt != 0)
            snprintf(lhs, sizeof lhs, "-%c, --%s%s%s", o->shrt, o->lng, o->arg ? " " : "",
                     o->arg ? o->arg : "");
        else
            snprintf(lhs, sizeof lhs, "    --%s%s%s", o->lng, o->arg ? " " : "",
                     o->arg ? o->arg : "");
        fprintf(out, "  %-*s %s\n", width, lhs, o->help);
    }
    if (cmd->details == NULL || strstr(cmd->details, "Exit status:") == NULL)
        fputs("\nExit status: 0 success, 1 the job failed, 2 usage error.\n", out);
}

static const struct cli_opt *find_opt(const struct cli_cmd *cmd, const char *lng, size_t lnglen,
                                      char shrt, int *index)
{
    for (size_t i = 0; i < cmd->nopts; i++) {
        const struct cli_opt *const o = &cmd->opts[i];
        if ((shrt != 0 && o->shrt == shrt) ||
            (lng != NULL && strlen(o->lng) == lnglen && strncmp(o->lng, lng, lnglen) == 0)) {
            *index = (int)i;
            return o;
        }
    }
    return NULL;
}

int cli_parse(const struct cli_cmd *cmd, int argc, char **argv, struct cli_args *a)
{
    memset(a, 0, sizeof *a);
    a->pos = calloc((size_t)argc + 1, sizeof *a->pos);
    if (a->pos == NULL) {
        cli_error("out of memory");
        return CLI_FAILED;
    }
    int only_pos = 0;
    for (int i = 1; i < argc; i++) {
        const char *const arg = argv[i];
        if (only_pos || arg[0] != '-' || arg[1] == '\0') {
            a->pos[a->npos++] = argv[i];
            continue;
        }
        if (strcmp(arg, "--") == 0) {
            only_pos = 1;
            continue;
        }
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            cli_print_help(cmd, stdout);
            return cli_output_finish();
        }
        int idx = -1;
        const struct cli_opt *o;
        const char *inline_val = NULL;
        if (arg[1] == '-') {
            const char *const eq = strchr(arg + 2, '=');
            const size_t n = eq != NULL ? (size_t)(eq - (arg + 2)) : strlen(arg + 2);
            o = find_opt(cmd, arg + 2, n, 0, &idx);
            if (eq != NULL)
                inline_val = eq + 1;
        } else {
            o = find_opt(cmd, NULL, 0, arg[1], &idx);
            if (arg[2] != '\0')
                inline_val = arg + 2;
        }
        if (o == NULL || (o->arg == NULL && inline_val != NULL)) {
            cli_error("%s: unknown option '%s' (see 'plaint %s --help')", cmd->name, arg,
                      cmd->name);
            return CLI_USAGE;
        }
        if (o->arg == NULL) {
            a->val[idx] = "";
        } else if (inline_val != NULL) {
            a->val[idx] = inline_val;
        } else if (i + 1 < argc) {
            a->val[idx] = argv[++i];
        } else {
            cli_error("%s: option '%s' needs an argument %s", cmd->name, arg, o->arg);
            return CLI_USAGE;
        }
    }
    return -1;
}

void cli_args_free(struct cli_args *a)
{
    free(a->pos);
    a->pos = NULL;
}

int cli_each_line(char **paths, int npaths, cli_line_fn fn, void *state)
{
    static char *const stdin_only[] = {"-"};
    if (npaths == 0) {
        paths = (char **)stdin_only;
        npaths = 1;
    }
    for (int i = 0; i < npaths; i++) {
        struct cli_input in;
        if (cli_input_open(&in, paths[i]) != 0)
            return CLI_FAILED;
        size_t len;
        int rc;
        while ((rc = cli_input_line(&in, &len)) == 1) {
            if (fn(state, &in, in.buf, len) != 0) {
                rc = -1;
                break;
            }
        }
        cli_input_close(&in);
        if (rc < 0)
            return CLI_FAILED;
    }
    return CLI_OK;
}

int cli_parse_lang(const char *value, plaint_lang *out)
{
    if (value == NULL || strcmp(value, "auto") == 0) {
        *out = PLAINT_LANG_AUTO;
        return 0;
    }
    if (plaint_lang_parse(value, out) != PLAINT_OK) {
        cli_error("unknown language '%s' (expected pl, bg, el or auto)", value);
        return -1;
    }
    return 0;
}

int cli_input_open(struct cli_input *in, const char *path)
{
    memset(in, 0, sizeof *in);
    if (strcmp(path, "-") == 0) {
        in->name = "<stdin>";
        in->gz = gzdopen(dup(STDIN_FILENO), "rb");
    } else {
        in->name = path;
        in->gz = gzopen(path, "rb");
    }
    if (in->gz == NULL) {
        cli_error("cannot open %s: %s", in->name, errno ? strerror(errno) : "out of memory");
        return -1;
    }
    gzbuffer(in->gz, 1 << 17);
    return 0;
}

#define CLI_RAW_SIZE (1u << 17)

int cli_input_line(struct cli_input *in, size_t *len)
{
    if (in->raw == NULL) {
        in->raw = malloc(CLI_RAW_SIZE);
        if (in->raw == NULL) {
            cli_error("out of memory");
            return -1;
        }
    }
    size_t m = 0;
    int got = 0;
    for (;;) {
        if (in->rawpos == in->rawlen) {
            if (in->eof)
                break;
            const int n = gzread(in->gz, in->raw, CLI_RAW_SIZE);
            if (n < 0) {
                int zerr;
                const char *const msg = gzerror(in->gz, &zerr);
                cli_error("%s: read error after line %llu: %s", in->name,
                          (unsigned long long)in->line,
                          zerr == Z_ERRNO ? strerror(errno) : msg);
                return -1;
            }
            if (n == 0) {
                int zerr;
                const char *const msg = gzerror(in->gz, &zerr);
                if (zerr != Z_OK && zerr != Z_BUF_ERROR) {
                    cli_error("%s: read error after line %llu: %s", in->name,
                              (unsigned long long)in->line, msg);
                    return -1;
                }
                if (zerr == Z_BUF_ERROR) {
                    cli_error("%s: truncated gzip data after line %llu", in->name,
                              (unsigned long long)in->line);
                    return -1;
                }
                in->eof = 1;
                break;
            }
            in->rawlen = (size_t)n;
            in->rawpos = 0;
        }
        got = 1;
        const char *const start = in->raw + in->rawpos;
        const size_t avail = in->rawlen - in->rawpos;
        const char *const nl = memchr(start, '\n', avail);
        const size_t take = nl ? (size_t)(nl - start) : avail;
        if (m + take + 1 > in->cap) {
            size_t cap = in->cap ? in->cap : 256;
            while (cap < m + take + 1)
                cap *= 2;
            char *const b = realloc(in->buf, cap);
            if (b == NULL) {
                cli_error("%s: line %llu: out of memory", in->name,
                          (unsigned long long)in->line + 1);
                return -1;
            }
            in->buf = b;
            in->cap = cap;
        }
        memcpy(in->buf + m, start, take);
        m += take;
        in->rawpos += take + (nl ? 1 : 0);
        if (nl)
            break;
    }
    if (!got)
        return 0;
    char *const s = in->buf;
    if (m > 0 && s[m - 1] == '\r')
        m--;
    if (in->line == 0 && m >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        memmove(s, s + 3, m - 3);
        m -= 3;
    }
    s[m] = '\0';
    in->line++;
    *len = m;
    return 1;
}

void cli_input_close(struct cli_input *in)
{
    if (in->gz != NULL)
        gzclose(in->gz);
    free(in->buf);
    free(in->raw);
    memset(in, 0, sizeof *in);
}

int cli_corpus_line(const char *line, size_t len, const char **label, size_t *label_len,
                    const char **text, size_t *text_len, const char **why)
{
    if (len >= 9 && memcmp(line, "__label__", 9) == 0) {
        const char *const sp = memchr(line, ' ', len);
        const char *const tab = memchr(line, '\t', len);
        const char *cut = sp;
        if (tab != NULL && (cut == NULL || tab < cut))
            cut = tab;
        *label = line + 9;
        *label_len = (size_t)((cut ? cut : line + len) - *label);
        *text = cut ? cut + 1 : line + len;
        *text_len = (size_t)(line + len - *text);
    } else {
        const char *const tab = memchr(line, '\t', len);
        if (tab == NULL) {
            *why = "no tab between label and text (expected label<TAB>text)";
            return -1;
        }
        *label = line;
        *label_len = (size_t)(tab - line);
        *text = tab + 1;
        *text_len = (size_t)(line + len - *text);
    }
    if (*label_len == 0) {
        *why = "empty label";
        return -1;
    }
    return 0;
}

int cli_load_model(const char *path, plaint_model **out)
{
    plaint_error err;
    if (path == NULL) {
        const plaint_status st = plaint_model_load_default(out, &err);
        if (st == PLAINT_E_UNSUPPORTED) {
            cli_error("no model given and this build has no default model: use -m MODEL "
                      "(a model file made by 'plaint train')");
            return CLI_USAGE;
        }
        if (st != PLAINT_OK) {
            cli_error("default model: %s (%s)", err.msg, plaint_strerror(err.code));
            return CLI_FAILED;
        }
        return CLI_OK;
    }
    if (plaint_model_load(path, out, &err) != PLAINT_OK) {
        cli_error("%s: %s (%s)", path, err.msg, plaint_strerror(err.code));
        return CLI_FAILED;
    }
    return CLI_OK;
}

void cli_write(const char *s, size_t n)
{
    if (n > 0)
        fwrite(s, 1, n, stdout);
}

int cli_output_finish(void)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        cli_error("error writing output: %s", strerror(errno ? errno : EIO));
        return CLI_FAILED;
    }
    return CLI_OK;
}

#define CLI_UTF8_WARN_MAX 10

void cli_utf8_warn(const struct cli_input *in, uint64_t offset, size_t *warned)
{
    if (*warned < CLI_UTF8_WARN_MAX)
        fprintf(stderr, "plaint: %s:%llu: invalid UTF-8 at byte %llu, replaced with U+FFFD\n",
                in->name, (unsigned long long)in->line, (unsigned long long)offset);
    (*warned)++;
}

void cli_utf8_summary(size_t lines)
{
    if (lines > CLI_UTF8_WARN_MAX)
        fprintf(stderr,
                "plaint: %zu lines had invalid UTF-8 (replaced with U+FFFD); only the first %d "
                "were listed\n",
                lines, CLI_UTF8_WARN_MAX);
}
