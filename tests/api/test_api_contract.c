/* test_api_contract.c - the public contract, through plaint.h alone:
 * _free(NULL) is a no-op, a failed constructor sets *out to NULL, every
 * failure fills the caller's error record (and a NULL record is allowed),
 * status texts, versions. */
#include <plaint.h>
#include <stdio.h>
#include <string.h>

static int failures, checks;
#define CHECK(c)                                                                  \
    do {                                                                          \
        checks++;                                                                 \
        if (!(c)) {                                                               \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #c); \
            failures++;                                                           \
        }                                                                         \
    } while (0)

/* A failure filled the record: its code is the status returned, and it
 * says something. */
static void filled(plaint_status st, const plaint_error *err, plaint_status want)
{
    CHECK(st == want);
    CHECK(err->code == want);
    CHECK(err->msg[0] != '\0');
}

int main(void)
{
    plaint_error err;
    /* freeing nothing */
    plaint_model_free(NULL);
    plaint_ctx_free(NULL);
    plaint_trainer_free(NULL);

    /* failed constructors: *out is NULL and the record says why */
    plaint_model *m = (plaint_model *)&err; /* garbage that must be overwritten */
    memset(&err, 0, sizeof err);
    filled(plaint_model_load("/nonexistent/dir/model.plm", &m, &err), &err, PLAINT_E_IO);
    CHECK(m == NULL);
    CHECK(strstr(err.source, "/nonexistent/dir/model.plm") != NULL);
    m = (plaint_model *)&err;
    filled(plaint_model_load_mem("not a model at all, just text", 29, &m, &err), &err,
           PLAINT_E_FORMAT);
    CHECK(m == NULL);
    m = (plaint_model *)&err;
    filled(plaint_model_load_mem("PLAINTM", 7, &m, &err), &err, PLAINT_E_FORMAT);
    CHECK(m == NULL);
    filled(plaint_model_load(NULL, &m, &err), &err, PLAINT_E_ARG);
    CHECK(plaint_model_load("x", NULL, &err) == PLAINT_E_ARG);
    /* a NULL error record is allowed everywhere */
    m = (plaint_model *)&err;
    CHECK(plaint_model_load("/nonexistent/x", &m, NULL) == PLAINT_E_IO);
    CHECK(m == NULL);

    plaint_options o;
    plaint_options_default(&o);
    o.alpha = 0; /* out of range */
    plaint_trainer *t = (plaint_trainer *)&err;
    filled(plaint_trainer_new(&o, &t, &err), &err, PLAINT_E_ARG);
    CHECK(t == NULL);
    plaint_ctx *ctx = NULL;
    filled(plaint_ctx_new(NULL, NULL, &err), &err, PLAINT_E_ARG);

    /* a trainer with too little to learn from */
    CHECK(plaint_trainer_new(NULL, &t, &err) == PLAINT_OK && t != NULL);
    plaint_model *tm = (plaint_model *)&err;
    filled(plaint_trainer_finish(t, &tm, &err), &err, PLAINT_E_INPUT);
    CHECK(tm == NULL);
    filled(plaint_trainer_add(t, "", 0, "tekst", 5, PLAINT_LANG_AUTO, 0, &err), &err,
           PLAINT_E_INPUT);
    filled(plaint_trainer_add(t, "a", 1, "12345 !!", 8, PLAINT_LANG_AUTO, 0, &err), &err,
           PLAINT_E_UNSUPPORTED);
    filled(plaint_trainer_add(t, "a", 1, "z\xffle", 4, PLAINT_LANG_AUTO, 0, &err), &err,
           PLAINT_E_INPUT);
    CHECK(plaint_trainer_add(t, "a", 1, "zepsute", 7, PLAINT_LANG_AUTO, 0, &err) == PLAINT_OK);
    filled(plaint_trainer_finish(t, &tm, &err), &err, PLAINT_E_INPUT); /* one label */
    CHECK(tm == NULL);
    plaint_trainer_free(t);

    /* the default model, and labeling errors */
    CHECK(plaint_model_load_default(&m, &err) == PLAINT_OK && m != NULL);
    CHECK(plaint_model_label_count(m) == 4);
    CHECK(plaint_ctx_new(m, &ctx, &err) == PLAINT_OK && ctx != NULL);
    plaint_result r;
    filled(plaint_label(ctx, "", 0, 0, 0, &r, &err), &err, PLAINT_E_UNSUPPORTED);
    filled(plaint_label(ctx, "这个产品坏了", strlen("这个产品坏了"), 0, 0, &r, &err), &err,
           PLAINT_E_UNSUPPORTED);
    filled(plaint_label(ctx, "zepsute\xff", 8, 0, 0, &r, &err), &err, PLAINT_E_INPUT);
    CHECK(err.offset == 7);
    CHECK(plaint_label(ctx, "zepsute\xff", 8, PLAINT_TEXT_REPLACE_INVALID, 0, &r, &err) ==
          PLAINT_OK);
    filled(plaint_label(NULL, "x", 1, 0, 0, &r, &err), &err, PLAINT_E_ARG);
    /* a batch gives what one call per text gives, and goes on past a bad text */
    {
        const char *const texts[] = {"Paczka przyszła z pękniętym ekranem", "", "zepsute\xff",
                                     "Το κινητό έπεσε στη θάλασσα"};
        size_t lens[4], idx[4];
        double conf[4];
        plaint_status sts[4];
        for (int i = 0; i < 4; i++)
            lens[i] = strlen(texts[i]);
        CHECK(plaint_label_batch(ctx, texts, lens, 4, 0, idx, conf, sts, &err) == PLAINT_OK);
        CHECK(sts[1] == PLAINT_E_UNSUPPORTED && idx[1] == (size_t)-1 && conf[1] == 0);
        CHECK(sts[2] == PLAINT_E_INPUT && idx[2] == (size_t)-1);
        for (int i = 0; i < 4; i += 3) {
            CHECK(sts[i] == PLAINT_OK);
            CHECK(plaint_label(ctx, texts[i], lens[i], 0, 0, &r, &err) == PLAINT_OK);
            CHECK(idx[i] == r.label_index && conf[i] == r.confidence);
        }
        filled(plaint_label_batch(ctx, NULL, lens, 4, 0, idx, conf, sts, &err), &err,
               PLAINT_E_ARG);
        CHECK(plaint_label_batch(ctx, NULL, NULL, 0, 0, NULL, NULL, NULL, &err) == PLAINT_OK);
    }
    plaint_model_info info;
    CHECK(plaint_model_info_get(m, &info, &err) == PLAINT_OK && info.compatible == 1);
    filled(plaint_model_info_get(NULL, &info, &err), &err, PLAINT_E_ARG);
    /* merging: the default model is not mergeable; *out NULL, the record says which */
    CHECK(info.mergeable == 0 && info.options.mergeable == 0);
    {
        const plaint_model *const two[2] = {m, m};
        plaint_model *mm = (plaint_model *)&err;
        filled(plaint_model_merge(two, 2, &mm, &err), &err, PLAINT_E_ARG);
        CHECK(mm == NULL && err.line == 1);
        mm = (plaint_model *)&err;
        filled(plaint_model_merge(two, 0, &mm, &err), &err, PLAINT_E_ARG);
        CHECK(mm == NULL);
        filled(plaint_model_merge(NULL, 1, &mm, &err), &err, PLAINT_E_ARG);
        filled(plaint_model_merge(two, 1, NULL, &err), &err, PLAINT_E_ARG);
        CHECK(plaint_model_merge(two, 2, &mm, NULL) == PLAINT_E_ARG && mm == NULL);
        CHECK(plaint_trainer_new(NULL, &t, &err) == PLAINT_OK);
        mm = (plaint_model *)&err;
        filled(plaint_trainer_update(t, m, &mm, &err), &err, PLAINT_E_ARG);
        CHECK(mm == NULL);
        filled(plaint_trainer_update(t, NULL, &mm, &err), &err, PLAINT_E_ARG);
        plaint_trainer_free(t);
    }
    plaint_ctx_free(ctx);
    plaint_model_free(m);

    /* status texts and versions */
    for (int s = PLAINT_OK; s <= PLAINT_E_INTERNAL; s++) {
        const char *const text = plaint_strerror((plaint_status)s);
        CHECK(text != NULL && text[0] != '\0');
        for (int u = PLAINT_OK; u < s; u++)
            CHECK(strcmp(text, plaint_strerror((plaint_status)u)) != 0);
    }
    CHECK(plaint_strerror((plaint_status)999) != NULL);
    CHECK(plaint_version_number() == PLAINT_VERSION_NUMBER);
    CHECK(strcmp(plaint_version_string(), PLAINT_VERSION_STRING) == 0);
    fprintf(stderr, "%d checks, %d failed\n", checks, failures);
    return failures != 0;
}
