/* cli_eval.c - `plaint eval [-m MODEL] [--json] TEST...`. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_metrics.h"

struct eval_state {
    plaint_ctx *ctx;
    const plaint_model *m;
    struct cli_metrics *metrics;
    uint64_t skipped;
};

static int eval_line(void *state, const struct cli_input *in, const char *line, size_t len)
{
    struct eval_state *const s = state;
    const char *label, *text, *why;
    size_t label_len, text_len;
    if (len == 0 || cli_corpus_line(line, len, &label, &label_len, &text, &text_len, &why) != 0) {
        s->skipped++;
        fprintf(stderr, "plaint: %s:%llu: %s (skipped)\n", in->name,
                (unsigned long long)in->line, len == 0 ? "empty line" : why);
        return 0;
    }
    size_t gold = SIZE_MAX;
    const size_t nl = plaint_model_label_count(s->m);
    for (size_t i = 0; i < nl; i++) {
        const char *const name = plaint_model_label(s->m, i);
        if (strlen(name) == label_len && memcmp(name, label, label_len) == 0)
            gold = i;
    }
    if (gold == SIZE_MAX) {
        s->skipped++;
        fprintf(stderr, "plaint: %s:%llu: label '%.*s' is not one of the model's (skipped)\n",
                in->name, (unsigned long long)in->line, (int)label_len, label);
        return 0;
    }
    plaint_result r;
    plaint_error err;
    const plaint_status st =
        plaint_label(s->ctx, text, text_len, PLAINT_TEXT_REPLACE_INVALID, 0, &r, &err);
    if (st == PLAINT_OK) {
        cli_metrics_add(s->metrics, gold, r.label_index, r.confidence, r.probs);
        return 0;
    }
    if (st == PLAINT_E_UNSUPPORTED || st == PLAINT_E_INPUT) {
        cli_metrics_add_unlabeled(s->metrics, gold);
        return 0;
    }
    cli_error("%s:%llu: %s", in->name, (unsigned long long)in->line, err.msg);
    return -1;
}

int cli_eval(const struct cli_cmd *cmd, int argc, char **argv)
{
    struct cli_args a;
    int rc = cli_parse(cmd, argc, argv, &a);
    if (rc >= 0) {
        cli_args_free(&a);
        return rc;
    }
    if (a.npos == 0) {
        cli_error("eval: give at least one TEST file ('-' for stdin)");
        cli_args_free(&a);
        return CLI_USAGE;
    }
    plaint_model *m = NULL;
    rc = cli_load_model(a.val[cli_opt_index(cmd, "model")], &m);
    if (rc != CLI_OK) {
        cli_args_free(&a);
        return rc;
    }
    struct eval_state s = {0};
    s.m = m;
    const size_t nl = plaint_model_label_count(m);
    const char **const names = malloc(nl * sizeof *names);
    plaint_error err;
    rc = CLI_FAILED;
    if (names == NULL || plaint_ctx_new(m, &s.ctx, &err) != PLAINT_OK) {
        cli_error("out of memory");
        goto done;
    }
    for (size_t i = 0; i < nl; i++)
        names[i] = plaint_model_label(m, i);
    s.metrics = cli_metrics_new(nl, names);
    if (s.metrics == NULL) {
        cli_error("out of memory");
        goto done;
    }
    rc = cli_each_line(a.pos, a.npos, eval_line, &s);
    if (rc == CLI_OK) {
        if (a.val[cli_opt_index(cmd, "json")] != NULL)
            cli_metrics_print_json(s.metrics, stdout);
        else
            cli_metrics_print(s.metrics, stdout);
        if (s.skipped > 0)
            fprintf(stderr, "plaint: %llu lines skipped\n", (unsigned long long)s.skipped);
        rc = cli_output_finish();
    }
done:
    cli_metrics_free(s.metrics);
    plaint_ctx_free(s.ctx);
    free(names);
    plaint_model_free(m);
    cli_args_free(&a);
    return rc;
}
