/* cli_tokenize.c - `plaint tokenize`: one line of tokens per input line. */
#include "cli.h"

struct tok_state {
    plaint_ctx *ctx;
    plaint_lang lang;
    unsigned flags;
    size_t bad_lines;
};

static int tokenize_line(void *state, const struct cli_input *in, const char *line, size_t len)
{
    struct tok_state *const s = state;
    plaint_tokens toks;
    plaint_error err;
    plaint_status st = plaint_tokenize(s->ctx, line, len, s->lang, s->flags, &toks, &err);
    if (st == PLAINT_E_INPUT) {
        cli_utf8_warn(in, err.offset, &s->bad_lines);
        st = plaint_tokenize(s->ctx, line, len, s->lang, s->flags | PLAINT_TEXT_REPLACE_INVALID,
                             &toks, &err);
    }
    if (st != PLAINT_OK) {
        cli_error("%s:%llu: %s", in->name, (unsigned long long)in->line, err.msg);
        return -1;
    }
    for (size_t i = 0; i < toks.count; i++) {
        if (i > 0)
            cli_write(" ", 1);
        cli_write(toks.tokens[i].stem, toks.tokens[i].stem_len);
    }
    cli_write("\n", 1);
    return 0;
}

int cli_tokenize(const struct cli_cmd *cmd, int argc, char **argv)
{
    struct cli_args a;
    int rc = cli_parse(cmd, argc, argv, &a);
    if (rc >= 0) {
        cli_args_free(&a);
        return rc;
    }
    struct tok_state s = {0};
    if (cli_parse_lang(a.val[cli_opt_index(cmd, "lang")], &s.lang) != 0) {
        cli_args_free(&a);
        return CLI_USAGE;
    }
    if (a.val[cli_opt_index(cmd, "stems")] != NULL)
        s.flags |= PLAINT_TEXT_STEMS;
    plaint_error err;
    if (plaint_ctx_new(NULL, &s.ctx, &err) != PLAINT_OK) {
        cli_error("%s", err.msg);
        cli_args_free(&a);
        return CLI_FAILED;
    }
    rc = cli_each_line(a.pos, a.npos, tokenize_line, &s);
    cli_utf8_summary(s.bad_lines);
    const int out_rc = cli_output_finish();
    plaint_ctx_free(s.ctx);
    cli_args_free(&a);
    return rc != CLI_OK ? rc : out_rc;
}
