/* cli_train.c - `plaint train -o MODEL [options] CORPUS...`, and with
 * --update MODEL0: CORPUS added to MODEL0 (plaint_trainer_update). */
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
    if ((v = a->val[cli_opt_index(cmd, "calibration-sample")]) != NULL) {
        if (cli_parse_number(cmd->name, "--calibration-sample", v, 0, 1e9, &d) != 0)
            return -1;
        if (d != (double)(unsigned)d) {
            cli_error("%s: --calibration-sample must be a whole number, got '%s'", cmd->name, v);
            return -1;
        }
        o->calibration_sample = (unsigned)d;
    }
    if (a->val[cli_opt_index(cmd, "no-bigrams")] != NULL)
        o->bigrams = 0;
    if (a->val[cli_opt_index(cmd, "no-negation")] != NULL)
        o->negation = 0;
    if (a->val[cli_opt_index(cmd, "idf")] != NULL)
        o->idf = 1;
    return 0;
}

static void conflict(const char *mine, const char *path, const char *theirs, int *n)
{
    cli_error("train: %s conflicts with %s, trained with %s (--update trains with the "
              "model's own options)",
              mine, path, theirs);
    (*n)++;
}

/* --update: every training option given on the command line must be what
 * the model was trained with. Reports each one that is not; returns their
 * number. */
static int update_conflicts(const struct cli_cmd *cmd, const struct cli_args *a,
                            const plaint_options *got, const plaint_options *model,
                            const char *path)
{
    int n = 0;
    char mine[64], theirs[64];
    if (a->val[cli_opt_index(cmd, "algo")] != NULL && got->algorithm != model->algorithm)
        conflict(got->algorithm == PLAINT_ALGO_COMPLEMENT ? "--algo cnb" : "--algo mnb", path,
                 model->algorithm == PLAINT_ALGO_COMPLEMENT ? "--algo cnb" : "--algo mnb", &n);
    if (a->val[cli_opt_index(cmd, "alpha")] != NULL && got->alpha != model->alpha) {
        snprintf(mine, sizeof mine, "--alpha %.17g", got->alpha);
        snprintf(theirs, sizeof theirs, "--alpha %.17g", model->alpha);
        conflict(mine, path, theirs, &n);
    }
    if (a->val[cli_opt_index(cmd, "min-count")] != NULL && got->min_count != model->min_count) {
        snprintf(mine, sizeof mine, "--min-count %u", got->min_count);
        snprintf(theirs, sizeof theirs, "--min-count %u", model->min_count);
        conflict(mine, path, theirs, &n);
    }
    if (a->val[cli_opt_index(cmd, "calibration-sample")] != NULL &&
        got->calibration_sample != model->calibration_sample) {
        snprintf(mine, sizeof mine, "--calibration-sample %u", got->calibration_sample);
        snprintf(theirs, sizeof theirs, "--calibration-sample %u", model->calibration_sample);
        conflict(mine, path, theirs, &n);
    }
    if (a->val[cli_opt_index(cmd, "no-bigrams")] != NULL && model->bigrams)
        conflict("--no-bigrams", path, "bigrams", &n);
    if (a->val[cli_opt_index(cmd, "no-negation")] != NULL && model->negation)
        conflict("--no-negation", path, "negation", &n);
    if (a->val[cli_opt_index(cmd, "idf")] != NULL && !model->idf)
        conflict("--idf", path, "no idf", &n);
    return n;
}

/* --update: loads the model to update and takes its options into *o.
 * Returns CLI_OK, or the exit code after reporting why not. */
static int update_base(const struct cli_cmd *cmd, const struct cli_args *a, const char *path,
                       plaint_options *o, plaint_model **base)
{
    *base = NULL;
    int rc = cli_load_model(path, base);
    if (rc != CLI_OK)
        return rc;
    plaint_model_info info;
    plaint_error err;
    rc = CLI_FAILED;
    if (plaint_model_info_get(*base, &info, &err) != PLAINT_OK)
        cli_error("train: %s: %s", path, err.msg);
    else if (!info.mergeable)
        cli_error("train: %s was trained without --mergeable; it cannot be updated (train it "
                  "again with --mergeable, then --update works)",
                  path);
    else if (!info.compatible)
        cli_error("train: %s was trained by a different text pipeline (stemmer, tokenizer or "
                  "feature identities: see 'plaint info'); train it again",
                  path);
    else if (update_conflicts(cmd, a, o, &info.options, path) != 0)
        rc = CLI_USAGE;
    else
        rc = CLI_OK;
    if (rc != CLI_OK) {
        plaint_model_free(*base);
        *base = NULL;
        return rc;
    }
    *o = info.options;
    o->mergeable = 1;
    return CLI_OK;
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
    const char *const basepath = a.val[cli_opt_index(cmd, "update")];
    plaint_model *base = NULL;
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
    if (a.val[cli_opt_index(cmd, "mergeable")] != NULL)
        o.mergeable = 1;
    if (basepath != NULL && (rc = update_base(cmd, &a, basepath, &o, &base)) != CLI_OK)
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
    const plaint_status st = base != NULL ? plaint_trainer_update(s.t, base, &m, &err)
                                          : plaint_trainer_finish(s.t, &m, &err);
    plaint_trainer_free(s.t);
    if (st != PLAINT_OK) {
        if (base != NULL)
            cli_error("train: updating %s: %s", basepath, err.msg);
        else
            cli_error("train: %s", err.msg);
        goto done;
    }
    if (plaint_model_save(m, outpath, &err) != PLAINT_OK) {
        cli_error("%s: %s", outpath, err.msg);
        plaint_model_free(m);
        goto done;
    }
    if (base != NULL)
        fprintf(stderr, "plaint: added %llu texts (%llu lines skipped) to %s -> %s\n",
                (unsigned long long)s.added, (unsigned long long)s.skipped, basepath, outpath);
    else
        fprintf(stderr, "plaint: trained on %llu texts (%llu lines skipped) -> %s\n",
                (unsigned long long)s.added, (unsigned long long)s.skipped, outpath);
    plaint_model_free(m);
    rc = CLI_OK;
done:
    plaint_model_free(base);
    cli_args_free(&a);
    return rc;
}
