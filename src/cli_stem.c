/* cli_stem.c - `plaint stem`: one word per line in, one stem per line out. */
#include <string.h>

#include "cli.h"

struct stem_state {
    plaint_ctx *ctx;
    plaint_lang lang;
    size_t bad_lines;
};

static int stem_line(void *state, const struct cli_input *in, const char *line, size_t len)
{
    struct stem_state *const s = state;
    const char *stem;
    size_t stem_len;
    plaint_error err;
    plaint_status st = plaint_stem(s->ctx, s->lang, line, len, 0, &stem, &stem_len, &err);
    if (st == PLAINT_E_INPUT) {
        cli_utf8_warn(in, err.offset, &s->bad_lines);
        st = plaint_stem(s->ctx, s->lang, line, len, PLAINT_TEXT_REPLACE_INVALID, &stem,
                         &stem_len, &err);
    }
    if (st != PLAINT_OK) {
        cli_error("%s:%llu: %s", in->name, (unsigned long long)in->line, err.msg);
        return -1;
    }
    cli_write(stem, stem_len);
    cli_write("\n", 1);
    return 0;
}

int cli_stem(const struct cli_cmd *cmd, int argc, char **argv)
{
    struct cli_args a;
    int rc = cli_parse(cmd, argc, argv, &a);
    if (rc >= 0) {
        cli_args_free(&a);
        return rc;
    }
    struct stem_state s = {0};
    if (cli_parse_lang(a.val[cli_opt_index(cmd, "lang")], &s.lang) != 0) {
        cli_args_free(&a);
        return CLI_USAGE;
    }
    plaint_error err;
    if (plaint_ctx_new(NULL, &s.ctx, &err) != PLAINT_OK) {
        cli_error("%s", err.msg);
        cli_args_free(&a);
        return CLI_FAILED;
    }
    rc = cli_each_line(a.pos, a.npos, stem_line, &s);
    cli_utf8_summary(s.bad_lines);
    const int out_rc = cli_output_finish();
    plaint_ctx_free(s.ctx);
    cli_args_free(&a);
    return rc != CLI_OK ? rc : out_rc;
}
