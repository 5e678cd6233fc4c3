/* test_alloc_fail.c - every allocation of a train, serialize, save, load,
 * label, merge and update run fails in turn (N = 1, 2, ... until the run needs fewer
 * than N): each failure must come back as PLAINT_E_NOMEM with NULL outputs,
 * leak nothing (LeakSanitizer in the ASan build), and leave the caller's
 * objects usable: retried without the failure, every step must give exactly
 * the result of a run that never failed. Built against the library compiled
 * with PLAINT_ALLOC_TESTING. */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "check.h"
#include "model_io.h"
#include "plaint.h"

static const char *const corpus[][2] = {
    {"fault", "Telefon przyszedł z pękniętym ekranem, proszę o wymianę"},
    {"fault", "Paczka dotarła uszkodzona, produkt nie działa"},
    {"fault", "Пратката пристигна смачкана, екранът е счупен"},
    {"misuse", "Wyprałam sukienkę w 90 stopniach i się skurczyła"},
    {"misuse", "Telefon wpadł mi do wody i teraz nie działa"},
    {"misuse", "Изпрах якето на 90 градуса и се сви"},
    /* enough Polish texts for a calibration (PL_CAL_MIN_DOCS) */
    {"fault", "Pralka przestała działać po tygodniu"},
    {"fault", "Laptop nie włącza się od pierwszego dnia"},
    {"fault", "Dostałem zły rozmiar butów"},
    {"misuse", "Podłączyłem ładowarkę od innego laptopa i się spalił"},
    {"misuse", "Sam rozkręciłem odkurzacz i teraz nie działa"},
    {"misuse", "Przeciążyłem pralkę kocami"},
};
/* texts added to the trained model by plaint_trainer_update */
static const char *const update[][2] = {
    {"misuse", "Zignorowałem instrukcję montażu i szafka się rozpadła"},
    {"dishonesty", "Używałem butów przez miesiąc i chcę zwrotu jako nowych"},
};
static const char *const probes[] = {"ekran pęknięty", "wpadł do wody", "якето се сви",
                                     "den irthe to paketo"};
#define NDOCS (sizeof corpus / sizeof corpus[0])
#define NUPDATE (sizeof update / sizeof update[0])
#define NPROBES (sizeof probes / sizeof probes[0])

struct outcome {
    struct pl_buf image;
    struct pl_buf merged;  /* the model merged with its loaded copy */
    struct pl_buf updated; /* the loaded model updated with `update` */
    size_t label[NPROBES];
    double conf[NPROBES];
    plaint_status st[NPROBES];
};

/* A failure, if it happens here, must be NOMEM; then failures stop and the
 * step is retried. Returns the final status. */
#define STEP(call, out_is_null)                                   \
    do {                                                          \
        st = (call);                                              \
        if (st != PLAINT_OK) {                                    \
            CHECK_EQ_INT(st, PLAINT_E_NOMEM);                     \
            CHECK(out_is_null);                                   \
            pl_alloc_fail_at(0);                                  \
            st = (call);                                          \
        }                                                         \
        CHECK_EQ_INT(st, PLAINT_OK);                              \
    } while (0)

static void run(struct outcome *o, const char *path)
{
    plaint_error err;
    plaint_status st;
    plaint_options opts;
    plaint_options_default(&opts);
    opts.mergeable = 1;
    plaint_trainer *t = NULL;
    plaint_model *m = NULL, *m2 = NULL;
    plaint_ctx *ctx = NULL;
    STEP(plaint_trainer_new(&opts, &t, &err), t == NULL);
    for (size_t i = 0; t != NULL && i < NDOCS; i++) {
        st = plaint_trainer_add(t, corpus[i][0], strlen(corpus[i][0]), corpus[i][1],
                                strlen(corpus[i][1]), PLAINT_LANG_AUTO, 0, &err);
        if (st != PLAINT_OK) {
            CHECK_EQ_INT(st, PLAINT_E_NOMEM);
            pl_alloc_fail_at(0);
            i--; /* the trainer is as it was: add the text again */
        }
    }
    STEP(plaint_trainer_finish(t, &m, &err), m == NULL);
    plaint_trainer_free(t);
    o->image.len = 0;
    if (m != NULL && pl_model_serialize(m, &o->image) != 0) {
        pl_alloc_fail_at(0);
        o->image.len = 0;
        CHECK(pl_model_serialize(m, &o->image) == 0);
    }
    STEP(plaint_model_save(m, path, &err), 1);
    STEP(plaint_model_load(path, &m2, &err), m2 == NULL);
    /* merge the model with its loaded copy, and update the copy */
    plaint_model *mm = NULL, *mu = NULL;
    const plaint_model *const two[2] = {m, m2};
    STEP(plaint_model_merge(two, 2, &mm, &err), mm == NULL);
    o->merged.len = 0;
    if (mm != NULL && pl_model_serialize(mm, &o->merged) != 0) {
        pl_alloc_fail_at(0);
        o->merged.len = 0;
        CHECK(pl_model_serialize(mm, &o->merged) == 0);
    }
    plaint_model_free(mm);
    STEP(plaint_trainer_new(&opts, &t, &err), t == NULL);
    for (size_t i = 0; t != NULL && i < NUPDATE; i++) {
        st = plaint_trainer_add(t, update[i][0], strlen(update[i][0]), update[i][1],
                                strlen(update[i][1]), PLAINT_LANG_AUTO, 0, &err);
        if (st != PLAINT_OK) {
            CHECK_EQ_INT(st, PLAINT_E_NOMEM);
            pl_alloc_fail_at(0);
            i--;
        }
    }
    STEP(plaint_trainer_update(t, m2, &mu, &err), mu == NULL);
    plaint_trainer_free(t);
    o->updated.len = 0;
    if (mu != NULL && pl_model_serialize(mu, &o->updated) != 0) {
        pl_alloc_fail_at(0);
        o->updated.len = 0;
        CHECK(pl_model_serialize(mu, &o->updated) == 0);
    }
    plaint_model_free(mu);
    STEP(plaint_ctx_new(m2, &ctx, &err), ctx == NULL);
    for (size_t i = 0; ctx != NULL && i < NPROBES; i++) {
        plaint_result r;
        st = plaint_label(ctx, probes[i], strlen(probes[i]), 0, 2, &r, &err);
        if (st == PLAINT_E_NOMEM) { /* the ctx stays usable */
            pl_alloc_fail_at(0);
            st = plaint_label(ctx, probes[i], strlen(probes[i]), 0, 2, &r, &err);
        }
        o->st[i] = st;
        o->label[i] = st == PLAINT_OK ? r.label_index : 99;
        o->conf[i] = st == PLAINT_OK ? r.confidence : -1;
    }
    plaint_ctx_free(ctx);
    plaint_model_free(m2);
    plaint_model_free(m);
    remove(path);
}

int main(void)
{
    static struct outcome ref, got;
    const char *const path = "test_alloc_fail.tmp.plm";
    run(&ref, path); /* no failures: the reference */
    CHECK(ref.image.len > 0 && ref.merged.len > 0 && ref.updated.len > 0);
    { /* the Polish sub-model was calibrated: the failures reach pl_sub_calibrate */
        plaint_model *m = NULL;
        plaint_error err;
        plaint_lang_info li;
        CHECK_EQ_INT(plaint_model_load_mem(ref.image.data, ref.image.len, &m, &err), PLAINT_OK);
        CHECK(m != NULL && plaint_model_lang_info(m, PLAINT_LANG_PL, &li, &err) == PLAINT_OK &&
              li.temperature != 1.0);
        plaint_model_free(m);
    }
    long n = 1;
    for (;; n++) {
        pl_alloc_fail_at(n);
        run(&got, path);
        const int hit = pl_alloc_fail_pending() == 0;
        pl_alloc_fail_at(0);
        CHECK(got.image.len == ref.image.len &&
              memcmp(got.image.data, ref.image.data, ref.image.len) == 0);
        CHECK(got.merged.len == ref.merged.len &&
              memcmp(got.merged.data, ref.merged.data, ref.merged.len) == 0);
        CHECK(got.updated.len == ref.updated.len &&
              memcmp(got.updated.data, ref.updated.data, ref.updated.len) == 0);
        CHECK(memcmp(got.st, ref.st, sizeof ref.st) == 0);
        CHECK(memcmp(got.label, ref.label, sizeof ref.label) == 0);
        CHECK(memcmp(got.conf, ref.conf, sizeof ref.conf) == 0);
        if (!hit || check_failures > 20)
            break;
    }
    fprintf(stderr, "failed each of %ld allocations in turn\n", n - 1);
    CHECK(n > 100);
    pl_buf_free(&ref.image);
    pl_buf_free(&got.image);
    pl_buf_free(&ref.merged);
    pl_buf_free(&got.merged);
    pl_buf_free(&ref.updated);
    pl_buf_free(&got.updated);
    return CHECK_DONE();
}
