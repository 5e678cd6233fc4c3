/* cli_cv.c - `plaint cv [-k K] [--json] [train options] CORPUS...`:
 * stratified k-fold cross-validation with the same report as eval.
 *
 * The corpus is read once into memory. Within each label, texts are
 * ordered by a hash of their content and dealt to folds in turn, so each
 * fold holds the same share of every label and the split does not depend on
 * the order of the input lines or files. Fold f trains a model on the other
 * folds (with the given training options) and labels the texts of fold f. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_metrics.h"

struct cv_doc {
    size_t label; /* index into cv_state.labels (after sorting) */
    char *text;
    size_t len;
    uint64_t hash;
    unsigned fold;
    unsigned flags; /* PLAINT_TEXT_REPLACE_INVALID for texts with bad bytes */
};

struct cv_state {
    plaint_ctx *probe; /* a model-less ctx: checks each text is usable */
    int fatal;
    struct cv_doc *docs;
    size_t ndocs, cap;
    char **labels;
    size_t nlabels, caplabels;
    uint64_t skipped;
    size_t bad_utf8;
};

static uint64_t fnv1a(const char *s, size_t n)
{
    uint64_t h = 14695981039346656037ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static char *dup_mem(const char *s, size_t n)
{
    char *const d = malloc(n + 1);
    if (d != NULL) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

/* The index of a label, adding it when new; SIZE_MAX when out of memory. */
static size_t intern_label(struct cv_state *s, const char *label, size_t len)
{
    for (size_t i = 0; i < s->nlabels; i++)
        if (strlen(s->labels[i]) == len && memcmp(s->labels[i], label, len) == 0)
            return i;
    if (s->nlabels == s->caplabels) {
        const size_t cap = s->caplabels ? 2 * s->caplabels : 8;
        char **const l = realloc(s->labels, cap * sizeof *l);
        if (l == NULL)
            return SIZE_MAX;
        s->labels = l;
        s->caplabels = cap;
    }
    if ((s->labels[s->nlabels] = dup_mem(label, len)) == NULL)
        return SIZE_MAX;
    return s->nlabels++;
}

static int skip_line(struct cv_state *s, const struct cli_input *in, const char *why)
{
    s->skipped++;
    fprintf(stderr, "plaint: %s:%llu: %s%s\n", in->name, (unsigned long long)in->line, why,
            s->fatal ? "" : " (skipped)");
    return s->fatal ? -1 : 0;
}

static int read_line(void *state, const struct cli_input *in, const char *line, size_t len)
{
    struct cv_state *const s = state;
    const char *label, *text, *why;
    size_t label_len, text_len;
    if (len == 0)
        return skip_line(s, in, "empty line");
    if (cli_corpus_line(line, len, &label, &label_len, &text, &text_len, &why) != 0)
        return skip_line(s, in, why);
    if (memchr(label, '\0', label_len) != NULL)
        return skip_line(s, in, "NUL byte in the label");
    plaint_tokens toks;
    plaint_error err;
    unsigned flags = 0;
    plaint_status st = plaint_tokenize(s->probe, text, text_len, PLAINT_LANG_AUTO, 0, &toks,
                                       &err);
    if (st == PLAINT_E_INPUT) {
        cli_utf8_warn(in, err.offset + (uint64_t)(text - line), &s->bad_utf8);
        flags = PLAINT_TEXT_REPLACE_INVALID;
        st = plaint_tokenize(s->probe, text, text_len, PLAINT_LANG_AUTO, flags, &toks, &err);
    }
    if (st == PLAINT_E_NOMEM) {
        cli_error("%s:%llu: out of memory", in->name, (unsigned long long)in->line);
        return -1;
    }
    if (st != PLAINT_OK)
        return skip_line(s, in, err.msg);
    if (toks.lang == PLAINT_LANG_NONE)
        return skip_line(s, in, "the text has no letters");
    if (toks.lang == PLAINT_LANG_OTHER)
        return skip_line(s, in, "the text is not in Polish, Bulgarian or Greek script");
    if (s->ndocs == s->cap) {
        const size_t cap = s->cap ? 2 * s->cap : 1024;
        struct cv_doc *const d = realloc(s->docs, cap * sizeof *d);
        if (d == NULL) {
            cli_error("out of memory");
            return -1;
        }
        s->docs = d;
        s->cap = cap;
    }
    struct cv_doc *const d = &s->docs[s->ndocs];
    d->label = intern_label(s, label, label_len);
    d->text = dup_mem(text, text_len);
    if (d->label == SIZE_MAX || d->text == NULL) {
        free(d->text);
        cli_error("out of memory");
        return -1;
    }
    d->len = text_len;
    d->hash = fnv1a(text, text_len);
    d->flags = flags;
    s->ndocs++;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Orders documents by label, then content: the deal order of the folds. */
static int cmp_doc(const void *a, const void *b)
{
    const struct cv_doc *const x = a, *const y = b;
    if (x->label != y->label)
        return x->label < y->label ? -1 : 1;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    const size_t n = x->len < y->len ? x->len : y->len;
    const int c = memcmp(x->text, y->text, n);
    if (c != 0)
        return c;
    return (x->len > y->len) - (x->len < y->len);
}

/* Sorts the labels by bytes (the order a model lists them in) and deals
 * the documents to k folds, label by label. */
static void assign_folds(struct cv_state *s, unsigned k)
{
    size_t *const rank = malloc(s->nlabels * sizeof *rank);
    char **const old = malloc(s->nlabels * sizeof *old);
    if (rank != NULL && old != NULL) {
        memcpy(old, s->labels, s->nlabels * sizeof *old);
        qsort(s->labels, s->nlabels, sizeof *s->labels, cmp_str);
        for (size_t i = 0; i < s->nlabels; i++)
            for (size_t j = 0; j < s->nlabels; j++)
                if (old[i] == s->labels[j])
                    rank[i] = j;
        for (size_t i = 0; i < s->ndocs; i++)
            s->docs[i].label = rank[s->docs[i].label];
    }
    free(rank);
    free(old);
    qsort(s->docs, s->ndocs, sizeof *s->docs, cmp_doc);
    size_t start = 0;
    for (size_t i = 0; i < s->ndocs; i++) {
        if (i > 0 && s->docs[i].label != s->docs[i - 1].label)
            start = i;
        s->docs[i].fold = (unsigned)((i - start) % k);
    }
}

/* Trains on every fold but f and labels fold f into metrics. */
static int run_fold(struct cv_state *s, const plaint_options *o, unsigned f,
                    struct cli_metrics *metrics)
{
    plaint_error err;
    plaint_trainer *t = NULL;
    plaint_model *m = NULL;
    plaint_ctx *ctx = NULL;
    size_t *map = NULL;
    int rc = -1;
    if (plaint_trainer_new(o, &t, &err) != PLAINT_OK)
        goto fail;
    for (size_t i = 0; i < s->ndocs; i++) {
        const struct cv_doc *const d = &s->docs[i];
        if (d->fold == f)
            continue;
        const char *const label = s->labels[d->label];
        if (plaint_trainer_add(t, label, strlen(label), d->text, d->len, PLAINT_LANG_AUTO,
                               d->flags, &err) != PLAINT_OK)
            goto fail;
    }
    if (plaint_trainer_finish(t, &m, &err) != PLAINT_OK ||
        plaint_ctx_new(m, &ctx, &err) != PLAINT_OK)
        goto fail;
    /* the fold's model has the labels of its training part, in byte order */
    const size_t nl = plaint_model_label_count(m);
    if ((map = malloc(nl * sizeof *map)) == NULL) {
        snprintf(err.msg, sizeof err.msg, "out of memory");
        goto fail;
    }
    for (size_t i = 0; i < nl; i++)
        for (size_t j = 0; j < s->nlabels; j++)
            if (strcmp(plaint_model_label(m, i), s->labels[j]) == 0)
                map[i] = j;
    for (size_t i = 0; i < s->ndocs; i++) {
        const struct cv_doc *const d = &s->docs[i];
        if (d->fold != f)
            continue;
        plaint_result r;
        const plaint_status st = plaint_label(ctx, d->text, d->len, d->flags, 0, &r, &err);
        if (st == PLAINT_OK) {
            /* probs are in the fold model's label order: widen to all labels */
            double probs[64], *p = probs;
            if (s->nlabels > 64 && (p = calloc(s->nlabels, sizeof *p)) == NULL) {
                snprintf(err.msg, sizeof err.msg, "out of memory");
                goto fail;
            }
            memset(p, 0, s->nlabels * sizeof *p);
            for (size_t j = 0; j < nl; j++)
                p[map[j]] = r.probs[j];
            cli_metrics_add(metrics, d->label, map[r.label_index], r.confidence, p);
            if (p != probs)
                free(p);
        } else if (st == PLAINT_E_UNSUPPORTED) {
            cli_metrics_add_unlabeled(metrics, d->label); /* e.g. its language was only here */
        } else {
            goto fail;
        }
    }
    rc = 0;
fail:
    if (rc != 0)
        cli_error("cv: fold %u: %s", f + 1, err.msg);
    free(map);
    plaint_ctx_free(ctx);
    plaint_model_free(m);
    plaint_trainer_free(t);
    return rc;
}

int cli_cv(const struct cli_cmd *cmd, int argc, char **argv)
{
    struct cli_args a;
    int rc = cli_parse(cmd, argc, argv, &a);
    if (rc >= 0) {
        cli_args_free(&a);
        return rc;
    }
    plaint_options o;
    plaint_options_default(&o);
    struct cv_state s = {0};
    struct cli_metrics *metrics = NULL;
    unsigned k = 10;
    const char *v;
    double d;
    rc = CLI_USAGE;
    if (a.npos == 0) {
        cli_error("cv: give at least one CORPUS file ('-' for stdin)");
        goto done;
    }
    if ((v = a.val[cli_opt_index(cmd, "folds-cv")]) != NULL) {
        if (cli_parse_number(cmd->name, "-k", v, 2, 100, &d) != 0)
            goto done;
        if (d != (unsigned)d) {
            cli_error("cv: -k must be a whole number, got '%s'", v);
            goto done;
        }
        k = (unsigned)d;
    }
    if (cli_train_options(cmd, &a, &o) != 0)
        goto done;
    s.fatal = a.val[cli_opt_index(cmd, "strict")] != NULL;
    rc = CLI_FAILED;
    plaint_error err;
    if (plaint_ctx_new(NULL, &s.probe, &err) != PLAINT_OK) {
        cli_error("cv: %s", err.msg);
        goto done;
    }
    if (cli_each_line(a.pos, a.npos, read_line, &s) != CLI_OK)
        goto done;
    cli_utf8_summary(s.bad_utf8);
    if (s.nlabels < 2) {
        cli_error("cv: the corpus has %zu label%s; cross-validation needs at least 2",
                  s.nlabels, s.nlabels == 1 ? "" : "s");
        goto done;
    }
    assign_folds(&s, k);
    for (size_t l = 0, i = 0; l < s.nlabels; l++) {
        size_t n = 0;
        while (i < s.ndocs && s.docs[i].label == l)
            i++, n++;
        if (n < k)
            fprintf(stderr, "plaint: cv: label '%s' has %zu texts, fewer than the %u folds\n",
                    s.labels[l], n, k);
    }
    metrics = cli_metrics_new(s.nlabels, (const char *const *)s.labels);
    if (metrics == NULL) {
        cli_error("out of memory");
        goto done;
    }
    for (unsigned f = 0; f < k; f++)
        if (run_fold(&s, &o, f, metrics) != 0)
            goto done;
    if (a.val[cli_opt_index(cmd, "json")] != NULL)
        cli_metrics_print_json(metrics, stdout);
    else
        cli_metrics_print(metrics, stdout);
    fprintf(stderr, "plaint: %u-fold cross-validation over %zu texts (%llu lines skipped)\n", k,
            s.ndocs, (unsigned long long)s.skipped);
    rc = cli_output_finish();
done:
    cli_metrics_free(metrics);
    for (size_t i = 0; i < s.ndocs; i++)
        free(s.docs[i].text);
    free(s.docs);
    for (size_t i = 0; i < s.nlabels; i++)
        free(s.labels[i]);
    free(s.labels);
    plaint_ctx_free(s.probe);
    cli_args_free(&a);
    return rc;
}
