/* trainer.c - counting labeled texts into a model.
 *
 * add: tokenize + stem, extract the document's distinct features, keep
 * (document key, label, language, feature hashes) and remember each
 * feature's string. finish: sort the documents by key (a hash of label and
 * text), so nothing depends on the order they were added in; count per
 * language; take each language's calibration sample (the documents with
 * the smallest keys) and fit the calibration on it (calibrate.c). */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "featurize.h"
#include "model.h"
#include "status.h"
#include "text.h"
#include "translit.h"
#include "utf8.h"

struct tdoc {
    uint64_t key;
    uint32_t label; /* index in order of first appearance */
    uint32_t lang;  /* slot 0..2 */
    size_t foff;    /* first feature in feats */
    uint32_t nf;
};

/* Feature strings of one language: hash -> string (the smallest string on a
 * 64-bit collision, so the result does not depend on input order). */
struct vocab {
    uint64_t *hash;
    uint32_t *off, *len;
    size_t n, mask;
    struct pl_buf strs;
};

struct plaint_trainer {
    struct pl_modelopts opts;
    int mergeable; /* keep the calibration samples in the model */
    struct pl_text text;
    struct pl_fx fx;
    char **labels;
    size_t nlabels, caplabels;
    struct tdoc *docs;
    size_t ndocs, capdocs;
    uint64_t *feats;
    size_t nfeats, capfeats;
    struct vocab vocab[PL_MAX_SUBS];
    uint64_t rejected; /* texts refused as unsupported (STAT section) */
    struct pl_buf plain; /* a Polish text without its diacritics */
};

void plaint_options_default(plaint_options *o)
{
    if (o == NULL)
        return;
    o->algorithm = PLAINT_ALGO_COMPLEMENT;
    o->alpha = 0.5;
    o->idf = 0;
    o->min_count = 1;
    o->bigrams = 1;
    o->negation = 1;
    o->negation_scope = 3;
    o->calibration_sample = 5000;
    o->mergeable = 0;
}

static int pl_modelopts_from(const plaint_options *o, struct pl_modelopts *m)
{
    if (!(o->alpha > 0 && o->alpha <= 1e6) ||
        (o->algorithm != PLAINT_ALGO_MULTINOMIAL && o->algorithm != PLAINT_ALGO_COMPLEMENT) ||
        o->negation_scope > 1000)
        return -1;
    memset(m, 0, sizeof *m);
    m->algo = o->algorithm == PLAINT_ALGO_COMPLEMENT ? PL_ALGO_CNB : PL_ALGO_MNB;
    m->alpha = o->alpha;
    m->idf = o->idf != 0;
    m->min_count = o->min_count;
    m->feat.unigrams = 1;
    m->feat.bigrams = o->bigrams != 0;
    m->feat.negation = o->negation != 0;
    m->feat.neg_scope = o->negation_scope;
    m->cal_sample = (uint32_t)o->calibration_sample;
    return 0;
}

plaint_status plaint_trainer_new(const plaint_options *opts, plaint_trainer **out,
                                 plaint_error *err)
{
    if (out == NULL)
        return pl_error_set(err, PLAINT_E_ARG, NULL, 0, 0, "plaint_trainer_new: out is NULL");
    *out = NULL;
    plaint_options def;
    plaint_options_default(&def);
    if (opts == NULL)
        opts = &def;
    plaint_trainer *const t = pl_calloc(1, sizeof *t);
    if (t == NULL)
        return pl_error_set(err, PLAINT_E_NOMEM, NULL, 0, 0, "out of memory");
    if (pl_modelopts_from(opts, &t->opts) != 0) {
        pl_free(t);
        return pl_error_set(err, PLAINT_E_ARG, NULL, 0, 0, "invalid training options");
    }
    t->mergeable = opts->mergeable != 0;
    const plaint_status st = pl_text_init(&t->text, NULL);
    if (st != PLAINT_OK) {
        pl_free(t);
        return pl_error_set(err, st, NULL, 0, 0, "cannot initialise the text pipeline");
    }
    *out = t;
    return PLAINT_OK;
}

void plaint_trainer_free(plaint_trainer *t)
{
    if (t == NULL)
        return;
    pl_text_free(&t->text);
    pl_fx_free(&t->fx);
    pl_buf_free(&t->plain);
    for (size_t i = 0; i < t->nlabels; i++)
        pl_free(t->labels[i]);
    pl_free(t->labels);
    pl_free(t->docs);
    pl_free(t->feats);
    for (int i = 0; i < PL_MAX_SUBS; i++) {
        pl_free(t->vocab[i].hash);
        pl_free(t->vocab[i].off);
        pl_free(t->vocab[i].len);
        pl_buf_free(&t->vocab[i].strs);
    }
    pl_free(t);
}

static int vocab_grow(struct vocab *v)
{
    const size_t nslots = v->hash == NULL ? 1024 : (v->mask + 1) * 2;
    uint64_t *const h = pl_calloc(nslots, sizeof *h);
    uint32_t *const o = pl_malloc(nslots * sizeof *o);
    uint32_t *const l = pl_malloc(nslots * sizeof *l);
    if (h == NULL || o == NULL || l == NULL) {
        pl_free(h);
        pl_free(o);
        pl_free(l);
        return -1;
    }
    for (size_t i = 0; v->hash != NULL && i <= v->mask; i++) {
        if (v->hash[i] == 0)
            continue;
        size_t j = (size_t)v->hash[i] & (nslots - 1);
        while (h[j] != 0)
            j = (j + 1) & (nslots - 1);
        h[j] = v->hash[i];
        o[j] = v->off[i];
        l[j] = v->len[i];
    }
    pl_free(v->hash);
    pl_free(v->off);
    pl_free(v->len);
    v->hash = h;
    v->off = o;
    v->len = l;
    v->mask = nslots - 1;
    return 0;
}

static int vocab_put(struct vocab *v, uint64_t h, const char *s, size_t n)
{
    if ((v->hash == NULL || (v->n + 1) * 2 > v->mask + 1) && vocab_grow(v) != 0)
        return -1;
    size_t j = (size_t)h & v->mask;
    for (; v->hash[j] != 0; j = (j + 1) & v->mask) {
        if (v->hash[j] != h)
            continue;
        const char *const old = v->strs.data + v->off[j];
        const size_t on = v->len[j];
        const int cmp = memcmp(s, old, n < on ? n : on);
        if (cmp < 0 || (cmp == 0 && n < on)) { /* keep the smallest string */
            const size_t at = v->strs.len;
            if (at + n > UINT32_MAX || pl_buf_append(&v->strs, s, n) != 0)
                return -1;
            v->off[j] = (uint32_t)at;
            v->len[j] = (uint32_t)n;
        }
        return 0;
    }
    /* the string first: a failure leaves the vocabulary as it was */
    const size_t at = v->strs.len;
    if (at + n > UINT32_MAX || pl_buf_append(&v->strs, s, n) != 0)
        return -1;
    v->hash[j] = h;
    v->off[j] = (uint32_t)at;
    v->len[j] = (uint32_t)n;
    v->n++;
    return 0;
}

static long vocab_get(const struct vocab *v, uint64_t h)
{
    if (v->hash == NULL)
        return -1;
    for (size_t j = (size_t)h & v->mask; v->hash[j] != 0; j = (j + 1) & v->mask)
        if (v->hash[j] == h)
            return (long)j;
    return -1;
}

static long label_index(plaint_trainer *t, const char *label, size_t n)
{
    for (size_t i = 0; i < t->nlabels; i++)
        if (strlen(t->labels[i]) == n && memcmp(t->labels[i], label, n) == 0)
            return (long)i;
    if (t->nlabels == t->caplabels) {
        const size_t cap = t->caplabels ? t->caplabels * 2 : 8;
        char **const l = pl_realloc(t->labels, cap * sizeof *l);
        if (l == NULL)
            return -1;
        t->labels = l;
        t->caplabels = cap;
    }
    char *const copy = pl_malloc(n + 1);
    if (copy == NULL)
        return -1;
    memcpy(copy, label, n);
    copy[n] = '\0';
    t->labels[t->nlabels] = copy;
    return (long)t->nlabels++;
}

plaint_status plaint_trainer_add(plaint_trainer *t, const char *label, size_t label_len,
                                 const char *text, size_t len, plaint_lang lang, unsigned flags,
                                 plaint_error *err)
{
    if (t == NULL || label == NULL || (text == NULL && len > 0) ||
        (lang != PLAINT_LANG_AUTO && pl_lang_slot(lang) < 0))
        return pl_error_set(err, PLAINT_E_ARG, NULL, 0, 0, "plaint_trainer_add: bad argument");
    if (label_len == 0 || memchr(label, '\t', label_len) != NULL ||
        memchr(label, '\n', label_len) != NULL || memchr(label, '\0', label_len) != NULL ||
        pl_utf8_valid_prefix(label, label_len) != label_len)
        return pl_error_set(err, PLAINT_E_INPUT, "<label>", 0, 0,
                            "a label must be non-empty UTF-8 without tab, newline or NUL");
    plaint_tokens toks;
    int slot;
    const plaint_status st = pl_text_document(&t->text, text != NULL ? text : "", len, lang,
                                              flags, &toks, &slot, err);
    if (st == PLAINT_E_UNSUPPORTED)
        t->rejected++;
    if (st != PLAINT_OK)
        return st;
    if (pl_features(&t->fx, &toks, toks.lang, &t->opts.feat, 1) != 0)
        goto nomem;
    /* Polish is often typed without diacritics: a text with them also
     * teaches the features of its plain spelling */
    if (toks.lang == PLAINT_LANG_PL) {
        t->plain.len = 0;
        const int changed = pl_strip_polish(text != NULL ? text : "", len, &t->plain);
        if (changed < 0)
            goto nomem;
        int slot2;
        if (changed > 0) {
            /* its only possible failure is memory: the plain spelling of a
             * Polish text is a Polish text */
            const plaint_status st2 = pl_text_document(&t->text, t->plain.data, t->plain.len,
                                                       PLAINT_LANG_PL, flags, &toks, &slot2, err);
            if (st2 == PLAINT_E_NOMEM)
                goto nomem;
            if (st2 == PLAINT_OK &&
                pl_features_add(&t->fx, &toks, PLAINT_LANG_PL, &t->opts.feat, 1) != 0)
                goto nomem;
        }
    }
    if (t->ndocs == t->capdocs) {
        const size_t cap = t->capdocs ? t->capdocs * 2 : 1024;
        struct tdoc *const d = pl_realloc(t->docs, cap * sizeof *d);
        if (d == NULL)
            goto nomem;
        t->docs = d;
        t->capdocs = cap;
    }
    if (t->nfeats + t->fx.n > t->capfeats) {
        size_t cap = t->capfeats ? t->capfeats : 4096;
        while (cap < t->nfeats + t->fx.n)
            cap *= 2;
        uint64_t *const f = pl_realloc(t->feats, cap * sizeof *f);
        if (f == NULL)
            goto nomem;
        t->feats = f;
        t->capfeats = cap;
    }
    for (size_t i = 0; i < t->fx.n; i++)
        if (vocab_put(&t->vocab[slot], t->fx.hash[i], t->fx.strs.data + t->fx.off[i],
                      t->fx.len[i]) != 0)
            goto nomem;
    const long li = label_index(t, label, label_len);
    if (li < 0)
        goto nomem;
    struct tdoc *const d = &t->docs[t->ndocs++];
    uint64_t key = pl_fnv1a(PL_FNV_INIT, label, label_len);
    key = pl_fnv1a(pl_fnv1a(key, "\t", 1), text, len);
    d->key = key;
    d->label = (uint32_t)li;
    d->lang = (uint32_t)slot;
    d->foff = t->nfeats;
    d->nf = (uint32_t)t->fx.n;
    for (size_t i = 0; i < t->fx.n; i++)
        t->feats[t->nfeats++] = t->fx.hash[i];
    return PLAINT_OK;
nomem:
    return pl_error_set(err, PLAINT_E_NOMEM, NULL, 0, 0, "out of memory");
}

static int cmp_doc(const void *a, const void *b)
{
    const struct tdoc *const x = a, *const y = b;
    if (x->key != y->key)
        return (x->key > y->key) - (x->key < y->key);
    if (x->label != y->label) /* by then, label holds the sorted rank */
        return (x->label > y->label) - (x->label < y->label);
    return (x->lang > y->lang) - (x->lang < y->lang);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The calibration sample of docs[0..n) (sorted by key and label): the
 * first min(S, n) in pl_sample_cmp order. Documents tied on key and label
 * with the last one taken are candidates too, ordered by their features.
 * Returns 0 or -1 (out of memory). */
static int build_sample(const plaint_trainer *t, const struct tdoc *docs, size_t n,
                        struct pl_sample *smp)
{
    const size_t want = n < t->opts.cal_sample ? n : t->opts.cal_sample;
    size_t m = want;
    while (m > 0 && m < n && docs[m].key == docs[m - 1].key && docs[m].label == docs[m - 1].label)
        m++;
    size_t total = 0;
    for (size_t d = 0; d < m; d++)
        total += docs[d].nf;
    struct pl_sample cand = {0};
    size_t *const ord = pl_malloc((m ? m : 1) * sizeof *ord);
    if (ord == NULL || pl_sample_alloc(&cand, m, total) != 0 ||
        pl_sample_alloc(smp, want, total) != 0) {
        pl_free(ord);
        pl_sample_free(&cand);
        return -1;
    }
    for (size_t d = 0; d < m; d++) {
        const size_t at = cand.off[cand.n];
        pl_sample_push(&cand, docs[d].key, docs[d].label, t->feats + docs[d].foff, docs[d].nf);
        qsort(cand.feat + at, docs[d].nf, sizeof *cand.feat, pl_cmp_u64);
    }
    /* insertion sort: the candidates are in order but for ties on key and label */
    for (size_t i = 0; i < m; i++) {
        size_t j = i;
        while (j > 0 && pl_sample_cmp(&cand, ord[j - 1], &cand, i) > 0) {
            ord[j] = ord[j - 1];
            j--;
        }
        ord[j] = i;
    }
    for (size_t i = 0; i < want; i++) {
        const size_t d = ord[i];
        pl_sample_push(smp, cand.key[d], cand.label[d], cand.feat + cand.off[d],
                       cand.off[d + 1] - cand.off[d]);
    }
    pl_free(ord);
    pl_sample_free(&cand);
    return 0;
}

/* Builds the sub-model of one language slot from docs[0..n) (sorted),
 * keeping its calibration sample when keep_sample is set. */
static struct pl_sub *build_sub(const plaint_trainer *t, const struct tdoc *docs, size_t n,
                                int slot, size_t nl, int keep_sample)
{
    struct pl_sub *const sub = pl_calloc(1, sizeof *sub);
    uint64_t *all = NULL;
    if (sub == NULL)
        return NULL;
    sub->lang = (plaint_lang)(slot + 1);
    sub->ndocs = n;
    sub->temperature = 1.0;
    size_t total = 0;
    for (size_t d = 0; d < n; d++)
        total += docs[d].nf;
    all = pl_malloc((total ? total : 1) * sizeof *all);
    sub->docs = pl_calloc(nl, sizeof *sub->docs);
    if (all == NULL || sub->docs == NULL)
        goto fail;
    size_t k = 0;
    for (size_t d = 0; d < n; d++) {
        memcpy(all + k, t->feats + docs[d].foff, docs[d].nf * sizeof *all);
        k += docs[d].nf;
        sub->docs[docs[d].label]++;
    }
    qsort(all, total, sizeof *all, pl_cmp_u64);
    size_t nf = 0;
    for (size_t i = 0; i < total; i++)
        if (nf == 0 || all[i] != all[nf - 1])
            all[nf++] = all[i];
    sub->nfeat = nf;
    sub->hash = all;
    all = NULL;
    sub->counts = pl_calloc((nf ? nf : 1) * nl, sizeof *sub->counts);
    sub->str_off = pl_malloc((nf ? nf : 1) * sizeof *sub->str_off);
    sub->str_len = pl_malloc((nf ? nf : 1) * sizeof *sub->str_len);
    if (sub->counts == NULL || sub->str_off == NULL || sub->str_len == NULL)
        goto fail;
    for (size_t d = 0; d < n; d++) {
        for (uint32_t i = 0; i < docs[d].nf; i++) {
            const size_t f = pl_find_u64(sub->hash, nf, t->feats[docs[d].foff + i]);
            sub->counts[f * nl + docs[d].label]++;
        }
    }
    /* strings */
    struct pl_buf strs = {0};
    const struct vocab *const v = &t->vocab[slot];
    for (size_t f = 0; f < nf; f++) {
        const long j = vocab_get(v, sub->hash[f]);
        sub->str_off[f] = (uint32_t)strs.len;
        sub->str_len[f] = j < 0 ? 0 : v->len[j];
        if (j >= 0 && pl_buf_append(&strs, v->strs.data + v->off[j], v->len[j]) != 0) {
            pl_buf_free(&strs);
            goto fail;
        }
    }
    sub->strs = strs.data;
    sub->strs_len = strs.len;
    if (pl_sub_prepare(sub, nl, &t->opts) != 0 || build_sample(t, docs, n, &sub->smp) != 0 ||
        pl_sub_calibrate(sub, nl, &t->opts) != 0)
        goto fail;
    if (!keep_sample)
        pl_sample_free(&sub->smp);
    return sub;
fail:
    pl_free(all);
    pl_sub_free(sub);
    return NULL;
}

/* plaint_trainer_finish; with one_label, the texts may be of a single label
 * (a model only plaint_trainer_update merges), and the model keeps its
 * calibration samples when mergeable is set. */
static plaint_status finish(plaint_trainer *t, int one_label, int mergeable, plaint_model **out,
                            plaint_error *err)
{
    *out = NULL;
    if (t->ndocs == 0 || (t->nlabels < 2 && !one_label))
        return pl_error_set(err, PLAINT_E_INPUT, NULL, 0, 0,
                            "training needs texts of at least 2 labels (got %zu text%s of %zu "
                            "label%s)",
                            t->ndocs, t->ndocs == 1 ? "" : "s", t->nlabels,
                            t->nlabels == 1 ? "" : "s");
    const size_t nl = t->nlabels;
    struct plaint_model *const m = pl_calloc(1, sizeof *m);
    size_t *const rank = pl_malloc(nl * sizeof *rank);
    struct tdoc *const docs = pl_malloc(t->ndocs * sizeof *docs);
    if (m == NULL || rank == NULL || docs == NULL)
        goto nomem;
    m->opts = t->opts;
    m->labels = pl_calloc(nl, sizeof *m->labels);
    if (m->labels == NULL)
        goto nomem;
    m->nlabels = nl; /* only now: pl_model_free frees nlabels labels */
    for (size_t i = 0; i < nl; i++) {
        const size_t n = strlen(t->labels[i]);
        m->labels[i] = pl_malloc(n + 1);
        if (m->labels[i] == NULL)
            goto nomem;
        memcpy(m->labels[i], t->labels[i], n + 1);
    }
    qsort(m->labels, nl, sizeof *m->labels, cmp_str);
    for (size_t i = 0; i < nl; i++)
        for (size_t j = 0; j < nl; j++)
            if (strcmp(t->labels[i], m->labels[j]) == 0)
                rank[i] = j;
    memcpy(docs, t->docs, t->ndocs * sizeof *docs);
    for (size_t d = 0; d < t->ndocs; d++)
        docs[d].label = (uint32_t)rank[docs[d].label];
    qsort(docs, t->ndocs, sizeof *docs, cmp_doc);
    /* documents grouped by language, keeping the sorted order */
    struct tdoc *const bylang = pl_malloc(t->ndocs * sizeof *bylang);
    if (bylang == NULL)
        goto nomem;
    for (int slot = 0; slot < PL_MAX_SUBS; slot++) {
        size_t n = 0;
        for (size_t d = 0; d < t->ndocs; d++)
            if ((int)docs[d].lang == slot)
                bylang[n++] = docs[d];
        if (n == 0)
            continue;
        m->sub[slot] = build_sub(t, bylang, n, slot, nl, mergeable);
        if (m->sub[slot] == NULL) {
            pl_free(bylang);
            goto nomem;
        }
    }
    pl_free(bylang);
    m->stat_lines = t->ndocs;
    m->stat_skipped = t->rejected;
    m->mergeable = mergeable;
    pl_free(rank);
    pl_free(docs);
    *out = m;
    return PLAINT_OK;
nomem:
    pl_free(rank);
    pl_free(docs);
    pl_model_free(m);
    return pl_error_set(err, PLAINT_E_NOMEM, NULL, 0, 0, "out of memory");
}

plaint_status plaint_trainer_finish(plaint_trainer *t, plaint_model **out, plaint_error *err)
{
    if (t == NULL || out == NULL)
        return pl_error_set(err, PLAINT_E_ARG, NULL, 0, 0, "plaint_trainer_finish: bad argument");
    return finish(t, 0, t->mergeable, out, err);
}

plaint_status plaint_trainer_update(plaint_trainer *t, const plaint_model *base,
                                    plaint_model **out, plaint_error *err)
{
    if (out != NULL)
        *out = NULL;
    if (t == NULL || base == NULL || out == NULL)
        return pl_error_set(err, PLAINT_E_ARG, NULL, 0, 0, "plaint_trainer_update: bad argument");
    if (!base->mergeable)
        return pl_error_set(err, PLAINT_E_ARG, NULL, 0, 0,
                            "the model to update was trained without --mergeable "
                            "(plaint_options.mergeable)");
    char da[64], db[64];
    if (pl_modelopts_diff(&t->opts, &base->opts, da, db, sizeof da))
        return pl_error_set(err, PLAINT_E_ARG, NULL, 0, 0,
                            "the trainer has %s, but the model to update %s (train with the "
                            "model's options)",
                            da, db);
    if (t->ndocs == 0)
        return plaint_model_merge(&base, 1, out, err);
    plaint_model *fresh = NULL;
    plaint_status st = finish(t, 1, 1, &fresh, err);
    if (st != PLAINT_OK)
        return st;
    const plaint_model *const both[2] = {base, fresh};
    st = plaint_model_merge(both, 2, out, err);
    pl_model_free(fresh);
    return st;
}
