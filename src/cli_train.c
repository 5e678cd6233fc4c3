/* cli_train.c - `plaint train -o MODEL [options] CORPUS...`. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

struct train_state {
    plaint_trainer *t;
    int fatal;            /* --strict: the first bad line ends the job */
    uint64_t added, skipped, replaced;
};

static int train_line(void *state, const struct cli_input *in, const char *line, size_t len)
{
    struct train_state *const s = state;
    if (len == 0) {
        s->skipped++;
        fprintf(stderr, "plaint: %s:%llu: empty line (skipped)\n", in->name,
                (unsigned long long)in->line);
        return s->fatal ? -1 : 0;
    }
    const char *label, *text, *why = NULL;
    size_t label_len, text_len;
    plaint_error err;
    plaint_status st = PLAINT_E_INPUT;
    if (cli_corpus_line(line, len, &label, &label_len, &text, &text_len, &why) == 0) {
        st = plaint_trainer_add(s->t, label, label_len, text, text_len, PLAINT_LANG_AUTO, 0,
                                &err);
        if (st == PLAINT_E_INPUT && strstr(err.msg, "UTF-8") != NULL) {
            fprintf(stderr, "plaint: %s:%llu: invalid UTF-8 at byte %llu of the text, "
                            "replaced with U+FFFD\n",
                    in->name, (unsigned long long)in->line,
                    (unsigned long long)(err.offset + (size_t)(text - line)));
            s->replaced++;
            st = plaint_trainer_add(s->t, label, label_len, text, text_len, PLAINT_LANG_AUTO,
                                    PLAINT_TEXT_REPLACE_INVALID, &err);
        }
        why = err.msg;
    }
    if (st == PLAINT_OK) {
        s->added++;
        return 0;
    }
    if (st == PLAINT_E_NOMEM) {
        cli_error("%s:%llu: out of memory", in->name, (unsigned long long)in->line);
        return -1;
    }
    s->skipped++;
    fprintf(stderr, "plaint: %s:%llu: %s%s\n", in->name, (unsigned long long)in->line, why,
            s->fatal ? "" : " (skipped)");
    return s->fatal ? -1 : 0;
}

int cli_parse_number(const char *cmd, const char *opt, const char *v, double lo, double hi,
                     double *out)
{
    char *end;
    const double d = strtod(v, &end);
    if (end == v || *end != '\0' || !(d >= lo && d <= hi)) {
        cli_error("%s: %s must be a number in [%g, %g], got '%s'", cmd, opt, lo, hi, v);
        return -1;
    }
    *out = d;
    return 0;
}

/* Reads the training options shared by train and cv into *o (which holds
 * the defaults). Returns 0, or -1 after reporting a usage error. */
int cli_train_options(const struct cli_cmd *cmd, const struct cli_args *a, plaint_options *o)
{
    const char *v;
    double d;
    if ((v = a->val[cli_opt_index(cmd, "algo")]) != NULL) {
        if (strcmp(v, "cnb") == 0 || strcmp(v, "complement") == 0)
            o->algorithm = PLAINT_ALGO_COMPLEMENT;
        else if (strcmp(v, "mnb") == 0 || strcmp(v, "multinomial") == 0)
            o->algorithm = PLAINT_ALGO_MULTINOMIAL;
        else {
            cli_error("%s: --algo must be cnb or mnb, got '%s'", cmd->name, v);
            return -1;
        }
    }
    if ((v = a->val[cli_opt_index(cmd, "alpha")]) != NULL) {
        if (cli_parse_number(cmd->name, "--alpha", v, 1e-9, 1e6, &d) != 0)
            return -1;
        o->alpha = d;
    }
    if ((v = a->val[cli_opt_index(cmd, "min-count")]) != NULL) {
        if (cli_parse_number(cmd->name, "--min-count", v, 0, 1e9, &d) != 0)
            return -1;
        o->min_count = (unsigned)d;
    }
    if ((v = a->val[cli_opt_index(cmd, "folds")]) != NULL) {
        if (cli_parse_number(cmd->name, "--folds", v, 0, 100, &d) != 0)
            return -1;
        o->calibration_folds = (unsigned)d;
    }
    if (a->val[cli_opt_index(cmd, "no-bigrams")] != NULL)
        o->bigrams = 0;
    if (a->val[cli_opt_index(cmd, "no-negation")] != NULL)
        o->negation = 0;
    if (a->val[cli_opt_index(cmd, "idf")] != NULL)
        o->idf = 1;
    return 0;
}

int cli_train(const struct cli_cmd *cmd, int argc, char **argv)
{
    struct cli_args a;
    int rc = cli_parse(cmd, argc, argv, &a);
    if (rc >= 0) {
        cli_args_free(&a);
        return rc;
    }
    const char *const outpath = a.val[cli_opt_index(cmd, "output")];
    plaint_options o;
    plaint_options_default(&o);
    rc = CLI_USAGE;
    if (outpath == NULL) {
        cli_error("train: -o MODEL is required");
        goto done;
    }
    if (a.npos == 0) {
        cli_error("train: give at least one CORPUS file ('-' for stdin)");
        goto done;
    }
    if (cli_train_options(cmd, &a, &o) != 0)
        goto done;
    struct train_state s = {0};
    s.fatal = a.val[cli_opt_index(cmd, "strict")] != NULL;
    plaint_error err;
    rc = CLI_FAILED;
    if (plaint_trainer_new(&o, &s.t, &err) != PLAINT_OK) {
        cli_error("train: %s", err.msg);
        goto done;
    }
    if (cli_each_line(a.pos, a.npos, train_line, &s) != CLI_OK) {
        plaint_trainer_free(s.t);
        goto done;
    }
    plaint_model *m = NULL;
    if (plaint_trainer_finish(s.t, &m, &err) != PLAINT_OK) {
        cli_error("train: %s", err.msg);
        plaint_trainer_free(s.t);
        goto done;
    }
    plaint_trainer_free(s.t);
    if (plaint_model_save(m, outpath, &err) != PLAINT_OK) {
        cli_error("%s: %s", outpath, err.msg);
        plaint_model_free(m);
        goto done;
    }
    fprintf(stderr, "plaint: trained on %llu texts (%llu lines skipped) -> %s\n",
            (unsigned long long)s.added, (unsigned long long)s.skipped, outpath);
    plaint_model_free(m);
    rc = CLI_OK;
done:
    cli_args_free(&a);
    return rc;
}
