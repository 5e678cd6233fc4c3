/* api.c - the public entry points: argument checks, then the modules. */
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "default_model.h"
#include "plaint.h"
#include "script.h"
#include "status.h"
#include "stem.h"
#include "featurize.h"
#include "model.h"
#include "model_io.h"
#include "text.h"
#include "translit.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

struct plaint_ctx {
    struct pl_text text;
    const plaint_model *model;
    struct pl_fx fx;
    double *scores, *probs;
    plaint_explain *explain;
    size_t capexplain;
};

int plaint_version_number(void)
{
    return PLAINT_VERSION_NUMBER;
}

const char *plaint_version_string(void)
{
    return PLAINT_VERSION_STRING;
}

const char *plaint_lang_code(plaint_lang lang)
{
    switch (lang) {
    case PLAINT_LANG_AUTO:
        return "auto";
    case PLAINT_LANG_PL:
        return "pl";
    case PLAINT_LANG_BG:
        return "bg";
    case PLAINT_LANG_EL:
        return "el";
    case PLAINT_LANG_NONE:
        return "none";
    case PLAINT_LANG_OTHER:
        return "other";
    }
    return "other";
}

plaint_status plaint_lang_parse(const char *code, plaint_lang *out)
{
    static const struct {
        const char *name;
        plaint_lang lang;
    } names[] = {
        {"pl", PLAINT_LANG_PL},     {"pol", PLAINT_LANG_PL}, {"polish", PLAINT_LANG_PL},
        {"bg", PLAINT_LANG_BG},     {"bul", PLAINT_LANG_BG}, {"bulgarian", PLAINT_LANG_BG},
        {"el", PLAINT_LANG_EL},     {"ell", PLAINT_LANG_EL}, {"gre", PLAINT_LANG_EL},
        {"greek", PLAINT_LANG_EL},
    };
    if (code == NULL || out == NULL)
        return PLAINT_E_ARG;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcasecmp(code, names[i].name) == 0) {
            *out = names[i].lang;
            return PLAINT_OK;
        }
    }
    return PLAINT_E_ARG;
}

plaint_status plaint_detect_lang(const char *utf8, size_t len, plaint_lang *out)
{
    if (out == NULL || (utf8 == NULL && len > 0))
        return PLAINT_E_ARG;
    *out = pl_script_detect(utf8, len);
    if (*out == PLAINT_LANG_PL)
        *out = pl_latin_lang(utf8, len);
    return PLAINT_OK;
}

plaint_status plaint_ctx_new(const plaint_model *model, plaint_ctx **out, plaint_error *err)
{
    if (out == NULL)
        return pl_error_set(err, PLAINT_E_ARG, NULL, 0, 0, "plaint_ctx_new: out is NULL");
    *out = NULL;
    plaint_ctx *const ctx = pl_calloc(1, sizeof *ctx);
    if (ctx == NULL)
        return pl_error_set(err, PLAINT_E_NOMEM, NULL, 0, 0, "out of memory");
    ctx->model = model;
    if (model != NULL) {
        ctx->scores = pl_malloc(model->nlabels * sizeof *ctx->scores);
        ctx->probs = pl_malloc(model->nlabels * sizeof *ctx->probs);
        if (ctx->scores == NULL || ctx->probs == NULL) {
            pl_free(ctx->scores);
            pl_free(ctx->probs);
            pl_free(ctx);
            return pl_error_set(err, PLAINT_E_NOMEM, NULL, 0, 0, "out of memory");
        }
    }
    const plaint_status st = pl_text_init(&ctx->text, NULL);
    if (st != PLAINT_OK) {
        pl_free(ctx->scores);
        pl_free(ctx->probs);
        pl_free(ctx);
        return pl_error_set(err, st, NULL, 0, 0, "%s",
                            st == PLAINT_E_INTERNAL
                                ? "cannot initialise ICU word break or the Greek stemmer"
                                : plaint_strerror(st));
    }
    *out = ctx;
    return PLAINT_OK;
}

void plaint_ctx_free(plaint_ctx *ctx)
{
    if (ctx == NULL)
        return;
    pl_text_free(&ctx->text);
    pl_fx_free(&ctx->fx);
    pl_free(ctx->scores);
    pl_free(ctx->probs);
    pl_free(ctx->explain);
    pl_free(ctx);
}

static int lang_ok(plaint_lang lang)
{
    return lang == PLAINT_LANG_AUTO || lang == PLAINT_LANG_PL || lang == PLAINT_LANG_BG ||
           lang == PLAINT_LANG_EL;
}

plaint_status plaint_tokenize(plaint_ctx *ctx, const char *utf8, size_t len, plaint_lang lang,
                              unsigned flags, plaint_tokens *out, plaint_error *err)
{
    if (ctx == NULL || out == NULL || (utf8 == NULL && len > 0) || !lang_ok(lang))
        return pl_error_set(err, PLAINT_E_ARG, NULL, 0, 0, "plaint_tokenize: invalid argument");
    return pl_text_tokenize(&ctx->text, utf8 != NULL ? utf8 : "", len, lang, flags, out, err);
}

plaint_status plaint_stem(plaint_ctx *ctx, plaint_lang lang, const char *word, size_t len,
                          unsigned flags, const char **stem, size_t *stem_len,
                          plaint_error *err)
{
    if (ctx == NULL || stem == NULL || stem_len == NULL || (word == NULL && len > 0) ||
        !lang_ok(lang))
        return pl_error_set(err, PLAINT_E_ARG, NULL, 0, 0, "plaint_stem: invalid argument");
    return pl_text_stem(&ctx->text, lang, word != NULL ? word : "", len, flags, stem,
                        stem_len, err);
}

const char *plaint_stemmer_id(plaint_lang lang)
{
    return pl_stem_id(lang);
}

/* ---- models ------------------------------------------------------------ */

plaint_status plaint_model_load_mem(const void *data, size_t size, plaint_model **out,
                                    plaint_error *err)
{
    if (out == NULL || (data == NULL && size > 0))
        return pl_error_set(err, PLAINT_E_ARG, NULL, 0, 0, "plaint_model_load_mem: bad argument");
    return pl_model_parse(data, size, "<memory>", out, err);
}

plaint_status plaint_model_load_default(plaint_model **out, plaint_error *err)
{
    if (out == NULL)
        return pl_error_set(err, PLAINT_E_ARG, NULL, 0, 0,
                            "plaint_model_load_default: out is NULL");
    *out = NULL;
    if (pl_default_model_size == 0)
        return pl_error_set(err, PLAINT_E_UNSUPPORTED, NULL, 0, 0,
                            "this build of plaint has no default model");
    return pl_model_parse(pl_default_model, pl_default_model_size, "<default model>", out, err);
}

plaint_status plaint_model_load(const char *path, plaint_model **out, plaint_error *err)
{
    if (out == NULL || path == NULL)
        return pl_error_set(err, PLAINT_E_ARG, NULL, 0, 0, "plaint_model_load: bad argument");
    *out = NULL;
    FILE *const f = fopen(path, "rb");
    if (f == NULL)
        return pl_error_set(err, PLAINT_E_IO, path, 0, 0, "cannot open: %s", strerror(errno));
    struct pl_buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (pl_buf_append(&b, chunk, n) != 0) {
            fclose(f);
            pl_buf_free(&b);
            return pl_error_set(err, PLAINT_E_NOMEM, path, 0, 0, "out of memory");
        }
    }
    const int bad = ferror(f);
    fclose(f);
    if (bad) {
        pl_buf_free(&b);
        return pl_error_set(err, PLAINT_E_IO, path, 0, 0, "read error");
    }
    const plaint_status st =
        pl_model_parse((const unsigned char *)(b.data ? b.data : ""), b.len, path, out, err);
    pl_buf_free(&b);
    return st;
}

plaint_status plaint_model_save(const plaint_model *model, const char *path, plaint_error *err)
{
    if (model == NULL || path == NULL)
        return pl_error_set(err, PLAINT_E_ARG, NULL, 0, 0, "plaint_model_save: bad argument");
    struct pl_buf b = {0};
    if (pl_model_serialize(model, &b) != 0) {
        pl_buf_free(&b);
        return pl_error_set(err, PLAINT_E_NOMEM, path, 0, 0, "out of memory");
    }
    struct pl_buf tmp = {0};
    plaint_status st = PLAINT_OK;
    if (pl_buf_append(&tmp, path, strlen(path)) != 0 ||
        pl_buf_append(&tmp, ".tmp", 5) != 0) {
        st = pl_error_set(err, PLAINT_E_NOMEM, path, 0, 0, "out of memory");
        goto done;
    }
    FILE *const f = fopen(tmp.data, "wb");
    if (f == NULL) {
        st = pl_error_set(err, PLAINT_E_IO, path, 0, 0, "cannot create %s: %s", tmp.data,
                          strerror(errno));
        goto done;
    }
    const int wrote = fwrite(b.data, 1, b.len, f) == b.len;
    const int closed = fclose(f) == 0;
    if (!wrote || !closed) {
        st = pl_error_set(err, PLAINT_E_IO, path, 0, 0, "write error: %s", strerror(errno));
        remove(tmp.data);
        goto done;
    }
    if (rename(tmp.data, path) != 0) {
        st = pl_error_set(err, PLAINT_E_IO, path, 0, 0, "cannot rename %s: %s", tmp.data,
                          strerror(errno));
        remove(tmp.data);
    }
done:
    pl_buf_free(&tmp);
    pl_buf_free(&b);
    return st;
}

void plaint_model_free(plaint_model *model)
{
    pl_model_free(model);
}

size_t plaint_model_label_count(const plaint_model *model)
{
    return model != NULL ? model->nlabels : 0;
}

const char *plaint_model_label(const plaint_model *model, size_t i)
{
    return (model != NULL && i < model->nlabels) ? model->labels[i] : NULL;
}

int plaint_model_has_lang(const plaint_model *model, plaint_lang lang)
{
    const int slot = pl_lang_slot(lang);
    return model != NULL && slot >= 0 && model->sub[slot] != NULL;
}

plaint_status plaint_model_info_get(const plaint_model *model, plaint_model_info *out,
                                    plaint_error *err)
{
    if (model == NULL || out == NULL)
        return pl_error_set(err, PLAINT_E_ARG, NULL, 0, 0, "plaint_model_info_get: NULL argument");
    memset(out, 0, sizeof *out);
    out->format_version = model->format_version;
    const struct pl_modelopts *const o = &model->opts;
    out->options.algorithm =
        o->algo == PL_ALGO_CNB ? PLAINT_ALGO_COMPLEMENT : PLAINT_ALGO_MULTINOMIAL;
    out->options.alpha = o->alpha;
    out->options.idf = (int)o->idf;
    out->options.min_count = o->min_count;
    out->options.bigrams = o->feat.bigrams;
    out->options.negation = o->feat.negation;
    out->options.negation_scope = o->feat.neg_scope;
    out->options.calibration_sample = o->cal_sample;
    out->options.mergeable = model->mergeable;
    out->mergeable = model->mergeable;
    out->texts = model->stat_lines;
    out->skipped = model->stat_skipped;
    out->stemmer_id[0] = pl_model_ident(model, PL_IDENT_STEM_PL);
    out->stemmer_id[1] = pl_model_ident(model, PL_IDENT_STEM_BG);
    out->stemmer_id[2] = pl_model_ident(model, PL_IDENT_STEM_EL);
    out->tokenizer_id = pl_model_ident(model, PL_IDENT_TOKENIZER);
    out->features_id = pl_model_ident(model, PL_IDENT_FEATURES);
    out->compatible = 1;
    for (int i = 0; i < PL_NIDENT; i++)
        if (strcmp(pl_model_ident(model, i), pl_ident_current(i)) != 0)
            out->compatible = 0;
    return PLAINT_OK;
}

plaint_status plaint_model_lang_info(const plaint_model *model, plaint_lang lang,
                                     plaint_lang_info *out, plaint_error *err)
{
    if (model == NULL || out == NULL)
        return pl_error_set(err, PLAINT_E_ARG, NULL, 0, 0,
                            "plaint_model_lang_info: NULL argument");
    const int slot = pl_lang_slot(lang);
    if (slot < 0 || model->sub[slot] == NULL)
        return pl_error_set(err, PLAINT_E_ARG, NULL, 0, 0, "the model has no sub-model for %s",
                            plaint_lang_code(lang));
    const struct pl_sub *const s = model->sub[slot];
    out->documents = s->ndocs;
    out->label_documents = s->docs;
    out->features = s->nfeat;
    out->temperature = s->temperature;
    out->calibration_knots = s->ncal;
    return PLAINT_OK;
}

/* ---- labeling ---------------------------------------------------------- */

static int cmp_explain(const void *a, const void *b)
{
    const plaint_explain *const x = a, *const y = b;
    if (x->weight != y->weight)
        return x->weight < y->weight ? 1 : -1;
    const size_t n = x->len < y->len ? x->len : y->len;
    const int c = memcmp(x->feature, y->feature, n);
    return c != 0 ? c : (x->len > y->len) - (x->len < y->len);
}

static int explain(plaint_ctx *ctx, const struct pl_sub *sub, size_t best, size_t k,
                   plaint_result *out)
{
    const size_t nl = ctx->model->nlabels;
    if (ctx->fx.n > ctx->capexplain) {
        plaint_explain *const e = pl_realloc(ctx->explain, ctx->fx.n * sizeof *e);
        if (e == NULL)
            return -1;
        ctx->explain = e;
        ctx->capexplain = ctx->fx.n;
    }
    size_t n = 0;
    for (size_t i = 0; i < ctx->fx.n; i++) {
        const long f = pl_sub_find(sub, ctx->fx.hash[i]);
        if (f < 0)
            continue;
        const float *const s = &sub->s[(size_t)f * nl];
        double others = 0;
        for (size_t l = 0; l < nl; l++)
            if (l != best)
                others += s[l];
        const double mean_others = nl > 1 ? others / (double)(nl - 1) : 0.0;
        const double w = (s[best] - mean_others) / sub->temperature;
        if (!(w > 0))
            continue;
        ctx->explain[n].feature = sub->strs + sub->str_off[f];
        ctx->explain[n].len = sub->str_len[f];
        ctx->explain[n].weight = w;
        n++;
    }
    if (n > 1) /* ctx->explain is NULL while no text has had a feature */
        qsort(ctx->explain, n, sizeof *ctx->explain, cmp_explain);
    out->explain = ctx->explain;
    out->nexplain = n < k ? n : k;
    return 0;
}

plaint_status plaint_label(plaint_ctx *ctx, const char *text, size_t len, unsigned flags,
                           size_t explain_k, plaint_result *out, plaint_error *err)
{
    if (ctx == NULL || out == NULL || (text == NULL && len > 0))
        return pl_error_set(err, PLAINT_E_ARG, NULL, 0, 0, "plaint_label: bad argument");
    if (ctx->model == NULL)
        return pl_error_set(err, PLAINT_E_ARG, NULL, 0, 0,
                            "plaint_label: the context was created without a model");
    const plaint_model *const m = ctx->model;
    plaint_tokens toks;
    int slot;
    const plaint_status st = pl_text_document(&ctx->text, text != NULL ? text : "", len,
                                              PLAINT_LANG_AUTO, flags, &toks, &slot, err);
    if (st != PLAINT_OK)
        return st;
    const struct pl_sub *const sub = m->sub[slot];
    if (sub == NULL)
        return pl_error_set(err, PLAINT_E_UNSUPPORTED, "<text>", 0, 0,
                            "the model has no sub-model for language %s",
                            plaint_lang_code(toks.lang));
    if (pl_features_folded(&ctx->fx, &toks, pl_text_folds(&ctx->text), toks.lang,
                           &m->opts.feat, 0) != 0)
        return pl_error_set(err, PLAINT_E_NOMEM, NULL, 0, 0, "out of memory");
    pl_sub_score(sub, m->nlabels, ctx->fx.hash, ctx->fx.n, ctx->scores);
    const size_t best = pl_softmax(ctx->scores, m->nlabels, sub->temperature, ctx->probs);
    pl_calibrate(sub, m->nlabels, best, ctx->probs);
    out->label = m->labels[best];
    out->label_index = best;
    out->confidence = ctx->probs[best];
    out->lang = toks.lang;
    out->probs = ctx->probs;
    out->nlabels = m->nlabels;
    out->explain = NULL;
    out->nexplain = 0;
    if (explain_k > 0 && explain(ctx, sub, best, explain_k, out) != 0)
        return pl_error_set(err, PLAINT_E_NOMEM, NULL, 0, 0, "out of memory");
    return PLAINT_OK;
}

plaint_status plaint_label_batch(plaint_ctx *ctx, const char *const *texts, const size_t *lens,
                                 size_t n, unsigned flags, size_t *label_index,
                                 double *confidence, plaint_status *status, plaint_error *err)
{
    if (ctx == NULL || ctx->model == NULL || (n > 0 && (texts == NULL || lens == NULL ||
                                                         label_index == NULL ||
                                                         confidence == NULL || status == NULL)))
        return pl_error_set(err, PLAINT_E_ARG, NULL, 0, 0, "plaint_label_batch: bad argument");
    for (size_t i = 0; i < n; i++) {
        plaint_result r = {0};
        plaint_error one;
        const plaint_status st = plaint_label(ctx, texts[i], lens[i], flags, 0, &r, &one);
        status[i] = st;
        if (st == PLAINT_OK) {
            label_index[i] = r.label_index;
            confidence[i] = r.confidence;
            continue;
        }
        label_index[i] = SIZE_MAX;
        confidence[i] = 0;
        if (st != PLAINT_E_INPUT && st != PLAINT_E_UNSUPPORTED) {
            if (err != NULL)
                *err = one;
            return st;
        }
    }
    return PLAINT_OK;
}
