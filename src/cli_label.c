/* cli_label.c - `plaint label [-m MODEL] [INPUT...]`: one line out per line in. */
#include <stdlib.h>

#include "cli.h"

struct label_state {
    plaint_ctx *ctx;
    size_t explain;
    uint64_t lines, labeled, empty, unsupported, invalid;
};

static int label_line(void *state, const struct cli_input *in, const char *line, size_t len)
{
    struct label_state *const s = state;
    plaint_result r;
    plaint_error err;
    s->lines++;
    plaint_status st = plaint_label(s->ctx, line, len, 0, s->explain, &r, &err);
    if (st == PLAINT_E_INPUT) {
        s->invalid++;
        fprintf(stderr, "plaint: %s:%llu: invalid UTF-8 at byte %llu, replaced with U+FFFD\n",
                in->name, (unsigned long long)in->line, (unsigned long long)err.offset);
        st = plaint_label(s->ctx, line, len, PLAINT_TEXT_REPLACE_INVALID, s->explain, &r, &err);
    }
    if (st == PLAINT_E_UNSUPPORTED) {
        if (len == 0)
            s->empty++;
        else
            s->unsupported++;
        fputs("\t0.0000\n", stdout);
        return 0;
    }
    if (st != PLAINT_OK) {
        cli_error("%s:%llu: %s", in->name, (unsigned long long)in->line, err.msg);
        return -1;
    }
    s->labeled++;
    printf("%s\t%.4f", r.label, r.confidence);
    if (s->explain > 0) {
        fputc('\t', stdout);
        for (size_t i = 0; i < r.nexplain; i++)
            printf("%s%.*s=%.3f", i ? "; " : "", (int)r.explain[i].len, r.explain[i].feature,
                   r.explain[i].weight);
    }
    fputc('\n', stdout);
    return 0;
}

int cli_label(const struct cli_cmd *cmd, int argc, char **argv)
{
    struct cli_args a;
    int rc = cli_parse(cmd, argc, argv, &a);
    if (rc >= 0) {
        cli_args_free(&a);
        return rc;
    }
    struct label_state s = {0};
    const char *const k = a.val[cli_opt_index(cmd, "explain")];
    if (k != NULL) {
        char *end;
        const long n = strtol(k, &end, 10);
        if (end == k || *end != '\0' || n < 0 || n > 1000) {
            cli_error("label: --explain takes a number of features from 0 to 1000");
            cli_args_free(&a);
            return CLI_USAGE;
        }
        s.explain = (size_t)n;
    }
    plaint_model *m = NULL;
    rc = cli_load_model(a.val[cli_opt_index(cmd, "model")], &m);
    if (rc != CLI_OK) {
        cli_args_free(&a);
        return rc;
    }
    plaint_error err;
    if (plaint_ctx_new(m, &s.ctx, &err) != PLAINT_OK) {
        cli_error("%s", err.msg);
        plaint_model_free(m);
        cli_args_free(&a);
        return CLI_FAILED;
    }
    rc = cli_each_line(a.pos, a.npos, label_line, &s);
    const uint64_t failed = s.empty + s.unsupported;
    if (failed > 0 || s.invalid > 0)
        fprintf(stderr,
                "plaint: %llu lines: %llu labeled, %llu not labeled (%llu empty or without "
                "letters, %llu in an unsupported script or language), %llu with invalid UTF-8\n",
                (unsigned long long)s.lines, (unsigned long long)s.labeled,
                (unsigned long long)failed, (unsigned long long)s.empty,
                (unsigned long long)s.unsupported, (unsigned long long)s.invalid);
    const int out_rc = cli_output_finish();
    plaint_ctx_free(s.ctx);
    plaint_model_free(m);
    cli_args_free(&a);
    return rc != CLI_OK ? rc : out_rc;
}
