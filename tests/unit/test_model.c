/* test_model.c - training, labeling back, determinism, save/load round
 * trip, and every error path of the model loader. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "check.h"
#include "model.h"
#include "model_io.h"
#include "translit.h"
#include "plaint.h"

#include <zlib.h>

static const char *const corpus[][2] = {
    {"fault", "Telefon przyszedł z pękniętym ekranem, proszę o wymianę"},
    {"fault", "Paczka dotarła uszkodzona, produkt nie działa od początku"},
    {"fault", "Pralka przestała działać po tygodniu normalnego używania"},
    {"fault", "Dostałem zły rozmiar butów, zamawiałem 42 a przyszło 39"},
    {"fault", "Zostałem obciążony dwa razy za to samo zamówienie"},
    {"fault", "Laptop nie włącza się, ekran jest czarny od pierwszego dnia"},
    {"misuse", "Wyprałam sukienkę w 90 stopniach i się skurczyła, chcę zwrotu"},
    {"misuse", "Telefon wpadł mi do wody i teraz nie działa, to wina producenta"},
    {"misuse", "Podłączyłem ładowarkę od innego laptopa i się spalił"},
    {"misuse", "Sam rozkręciłem odkurzacz żeby go naprawić i teraz nie działa"},
    {"misuse", "Zignorowałem instrukcję montażu i szafka się rozpadła"},
    {"misuse", "Przeciążyłem pralkę kocami i łożysko się zepsuło"},
    {"fault", "Телефонът пристигна със счупен екран, искам замяна"},
    {"fault", "Пратката дойде повредена и продуктът не работи"},
    {"fault", "Таксуваха ме два пъти за една и съща поръчка"},
    {"fault", "Пералнята спря да работи след седмица нормална употреба"},
    {"misuse", "Изпрах роклята на 90 градуса и се сви, искам си парите"},
    {"misuse", "Телефонът ми падна във водата и сега не работи"},
    {"misuse", "Сам разглобих прахосмукачката и сега не работи"},
    {"misuse", "Претоварих пералнята с одеяла и лагерът се счупи"},
};
#define NDOCS (sizeof corpus / sizeof corpus[0])

/* Trains on the corpus texts i with use[i] set (all when use is NULL),
 * in reverse order when asked; mergeable or not, with a calibration sample
 * of `sample` texts and smoothing alpha. */
static plaint_model *train_set(const int *use, int reversed, int mergeable, unsigned sample,
                               double alpha, plaint_error *err)
{
    plaint_options o;
    plaint_options_default(&o);
    o.mergeable = mergeable;
    o.calibration_sample = sample;
    o.alpha = alpha;
    plaint_trainer *t = NULL;
    CHECK_EQ_INT(plaint_trainer_new(&o, &t, err), PLAINT_OK);
    for (size_t i = 0; t != NULL && i < NDOCS; i++) {
        const size_t k = reversed ? NDOCS - 1 - i : i;
        if (use != NULL && !use[k])
            continue;
        CHECK_EQ_INT(plaint_trainer_add(t, corpus[k][0], strlen(corpus[k][0]), corpus[k][1],
                                        strlen(corpus[k][1]), PLAINT_LANG_AUTO, 0, err),
                     PLAINT_OK);
    }
    plaint_model *m = NULL;
    CHECK_EQ_INT(plaint_trainer_finish(t, &m, err), PLAINT_OK);
    plaint_trainer_free(t);
    return m;
}

/* Trains on the texts i with i % mod in the bit set `which`. */
static plaint_model *train_part(unsigned mod, unsigned which, unsigned sample, plaint_error *err)
{
    int use[NDOCS];
    for (size_t i = 0; i < NDOCS; i++)
        use[i] = (which >> (i % mod)) & 1u;
    return train_set(use, 0, 1, sample, 0.5, err);
}

static plaint_model *train(int reversed, plaint_error *err)
{
    return train_set(NULL, reversed, 1, 5000, 0.5, err);
}

static void image(const plaint_model *m, struct pl_buf *b)
{
    b->len = 0;
    CHECK(pl_model_serialize(m, b) == 0);
}

/* pl_calibrate on hand-made curves: interpolation, rescaling, and the
 * chosen label kept the most probable. */
static void test_calibrate(void)
{
    double x[2] = {0.4, 0.8}, y[2] = {0.6, 0.7};
    struct pl_sub sub;
    memset(&sub, 0, sizeof sub);
    sub.ncal = 2;
    sub.cal_x = x;
    sub.cal_y = y;
    double p[3] = {0.5, 0.3, 0.2};
    pl_calibrate(&sub, 3, 0, p);
    CHECK(p[0] > 0.6249 && p[0] < 0.6251); /* 0.6 + 0.1 * (0.1 / 0.4) */
    CHECK(p[1] > 0.2249 && p[1] < 0.2251); /* 0.3 * 0.375 / 0.5 */
    CHECK(p[2] > 0.1499 && p[2] < 0.1501);
    double q[3] = {0.1, 0.05, 0.85}; /* beyond the last knot: its value */
    pl_calibrate(&sub, 3, 2, q);
    CHECK(q[2] > 0.6999 && q[2] < 0.7001);
    CHECK(q[0] + q[1] + q[2] > 0.9999 && q[0] + q[1] + q[2] < 1.0001);
    /* an overconfident curve cannot demote the chosen label */
    double x2[2] = {0.5, 0.9}, y2[2] = {0.3, 0.5};
    sub.cal_x = x2;
    sub.cal_y = y2;
    double r[3] = {0.45, 0.44, 0.11};
    pl_calibrate(&sub, 3, 0, r);
    CHECK(r[0] >= r[1] && r[0] >= r[2]);
    CHECK(r[0] + r[1] + r[2] > 0.9999 && r[0] + r[1] + r[2] < 1.0001);
    sub.ncal = 0; /* no curve: unchanged */
    double u[2] = {0.7, 0.3};
    pl_calibrate(&sub, 2, 0, u);
    CHECK(u[0] == 0.7 && u[1] == 0.3);
}

/* A corpus big enough for a calibration curve: 300 Polish texts made of
 * label words and shared words, a quarter of them with their label's words
 * swapped for the other label's (so cross-validation is not perfect). */
static void test_curve(void)
{
    static const char *const wa[] = {"ekran", "pęknięty", "wymiana", "uszkodzony", "reklamacja"};
    static const char *const wb[] = {"woda", "pralka", "instrukcja", "sam", "naprawiałem"};
    static const char *const common[] = {"telefon", "sklep", "proszę", "dzień", "zamówienie",
                                         "kurier", "cena", "szybko"};
    plaint_options o;
    plaint_options_default(&o);
    plaint_trainer *t = NULL;
    plaint_error err;
    CHECK_EQ_INT(plaint_trainer_new(&o, &t, &err), PLAINT_OK);
    unsigned seed = 12345;
    char text[256];
    for (int i = 0; i < 300; i++) {
        const int label = i % 2, noisy = (i % 8) < 2;
        const char *const *words = (label ^ noisy) ? wb : wa;
        size_t n = 0;
        text[0] = '\0';
        for (int w = 0; w < 6; w++) {
            seed = seed * 1103515245u + 12345u;
            const char *const word =
                (w % 2) ? common[(seed >> 16) % 8] : words[(seed >> 16) % 5];
            n += (size_t)snprintf(text + n, sizeof text - n, "%s%s", w ? " " : "", word);
        }
        const char *const name = label ? "b" : "a";
        CHECK_EQ_INT(plaint_trainer_add(t, name, 1, text, n, PLAINT_LANG_AUTO, 0, &err),
                     PLAINT_OK);
    }
    plaint_model *m = NULL;
    CHECK_EQ_INT(plaint_trainer_finish(t, &m, &err), PLAINT_OK);
    plaint_trainer_free(t);
    if (m == NULL)
        return;
    plaint_lang_info li;
    CHECK_EQ_INT(plaint_model_lang_info(m, PLAINT_LANG_PL, &li, &err), PLAINT_OK);
    CHECK(li.calibration_knots >= 2); /* 300 texts: 7 bins of 40 */
    /* the curve survives a round trip byte for byte */
    struct pl_buf a = {0}, b = {0};
    CHECK(pl_model_serialize(m, &a) == 0);
    plaint_model *m2 = NULL;
    CHECK_EQ_INT(plaint_model_load_mem(a.data, a.len, &m2, &err), PLAINT_OK);
    if (m2 != NULL) {
        CHECK(pl_model_serialize(m2, &b) == 0);
        CHECK(a.len == b.len && memcmp(a.data, b.data, a.len) == 0);
        CHECK_EQ_INT(plaint_model_lang_info(m2, PLAINT_LANG_PL, &li, &err), PLAINT_OK);
        CHECK(li.calibration_knots >= 2);
    }
    /* calibrated results stay probabilities with the chosen label on top */
    plaint_ctx *ctx = NULL;
    CHECK_EQ_INT(plaint_ctx_new(m2 != NULL ? m2 : m, &ctx, &err), PLAINT_OK);
    plaint_result r;
    const char *const probe[] = {"ekran pęknięty telefon", "woda pralka sklep",
                                 "telefon sklep proszę", "ekran woda"};
    for (size_t i = 0; ctx != NULL && i < 4; i++) {
        CHECK_EQ_INT(plaint_label(ctx, probe[i], strlen(probe[i]), 0, 0, &r, &err), PLAINT_OK);
        CHECK(r.confidence >= 0.5 && r.confidence <= 1.0);
        CHECK(r.probs[r.label_index] >= r.probs[1 - r.label_index]);
        CHECK(r.probs[0] + r.probs[1] > 0.9999 && r.probs[0] + r.probs[1] < 1.0001);
    }
    plaint_ctx_free(ctx);
    plaint_model_free(m2);
    plaint_model_free(m);
    pl_buf_free(&a);
    pl_buf_free(&b);
}

static int same_image(const plaint_model *x, const plaint_model *y)
{
    struct pl_buf a = {0}, b = {0};
    if (x == NULL || y == NULL)
        return 0;
    image(x, &a);
    image(y, &b);
    const int same = a.len == b.len && memcmp(a.data, b.data, a.len) == 0;
    pl_buf_free(&a);
    pl_buf_free(&b);
    return same;
}

static plaint_model *merge(const plaint_model *a, const plaint_model *b, const plaint_model *c,
                           plaint_error *err)
{
    const plaint_model *const in[3] = {a, b, c};
    const size_t n = c != NULL ? 3 : b != NULL ? 2 : 1;
    plaint_model *m = NULL;
    CHECK_EQ_INT(plaint_model_merge(in, n, &m, err), PLAINT_OK);
    return m;
}

/* Merging models of parts gives the model of the whole, byte for byte;
 * updating gives the model trained at once; what cannot merge is refused. */
static void test_merge(void)
{
    plaint_error err;
    /* sample 10: Polish (12 texts) is calibrated on the bottom 10 of them */
    plaint_model *const whole = train_set(NULL, 0, 1, 10, 0.5, &err);
    plaint_model *const even = train_part(2, 1, 10, &err), *const odd = train_part(2, 2, 10, &err);
    plaint_model *const p0 = train_part(3, 1, 10, &err), *const p1 = train_part(3, 2, 10, &err),
                        *const p2 = train_part(3, 4, 10, &err);
    plaint_lang_info li;
    CHECK(plaint_model_lang_info(whole, PLAINT_LANG_PL, &li, &err) == PLAINT_OK &&
          li.temperature != 1.0);
    plaint_model *m = merge(even, odd, NULL, &err);
    CHECK(same_image(m, whole));
    plaint_model_free(m);
    m = merge(odd, even, NULL, &err);
    CHECK(same_image(m, whole));
    plaint_model_free(m);
    m = merge(p2, p0, p1, &err);
    CHECK(same_image(m, whole));
    plaint_model_free(m);
    m = merge(whole, NULL, NULL, &err);
    CHECK(same_image(m, whole));
    plaint_model_info info;
    CHECK(m != NULL && plaint_model_info_get(m, &info, &err) == PLAINT_OK && info.mergeable &&
          info.options.mergeable && info.options.calibration_sample == 10);
    plaint_model_free(m);
    /* a merged model merges again */
    plaint_model *const p01 = merge(p0, p1, NULL, &err);
    m = merge(p2, p01, NULL, &err);
    CHECK(same_image(m, whole));
    plaint_model_free(m);
    plaint_model_free(p01);

    /* update: parts 0 and 1 of 3 plus part 2; then texts of a single label */
    plaint_options o;
    plaint_options_default(&o);
    o.calibration_sample = 10;
    plaint_trainer *t = NULL;
    CHECK_EQ_INT(plaint_trainer_new(&o, &t, &err), PLAINT_OK);
    int use[NDOCS];
    for (size_t i = 0; i < NDOCS; i++) {
        use[i] = i % 3 != 2 || strcmp(corpus[i][0], "misuse") == 0;
        if (i % 3 == 2)
            CHECK_EQ_INT(plaint_trainer_add(t, corpus[i][0], strlen(corpus[i][0]), corpus[i][1],
                                            strlen(corpus[i][1]), PLAINT_LANG_AUTO, 0, &err),
                         PLAINT_OK);
    }
    plaint_model *const base = merge(p0, p1, NULL, &err);
    CHECK_EQ_INT(plaint_trainer_update(t, base, &m, &err), PLAINT_OK);
    CHECK(same_image(m, whole));
    plaint_model_free(m);
    plaint_trainer_free(t);
    CHECK_EQ_INT(plaint_trainer_new(&o, &t, &err), PLAINT_OK);
    for (size_t i = 2; i < NDOCS; i += 3)
        if (strcmp(corpus[i][0], "misuse") == 0)
            CHECK_EQ_INT(plaint_trainer_add(t, corpus[i][0], strlen(corpus[i][0]), corpus[i][1],
                                            strlen(corpus[i][1]), PLAINT_LANG_AUTO, 0, &err),
                         PLAINT_OK);
    plaint_model *const want = train_set(use, 0, 1, 10, 0.5, &err);
    CHECK_EQ_INT(plaint_trainer_update(t, base, &m, &err), PLAINT_OK);
    CHECK(same_image(m, want));
    plaint_model_free(m);
    plaint_model_free(want);
    plaint_trainer_free(t);
    CHECK_EQ_INT(plaint_trainer_new(&o, &t, &err), PLAINT_OK); /* nothing added: base */
    CHECK_EQ_INT(plaint_trainer_update(t, base, &m, &err), PLAINT_OK);
    CHECK(same_image(m, base));
    plaint_model_free(m);

    /* a model trained without mergeable is the mergeable one without samples */
    plaint_model *const plain = train_set(NULL, 0, 0, 10, 0.5, &err);
    whole->mergeable = 0;
    CHECK(same_image(plain, whole));
    whole->mergeable = 1;

    /* refusals: not mergeable, other options; *out NULL, err->line the model */
    plaint_model *const alpha1 = train_set(NULL, 0, 1, 10, 1.0, &err);
    plaint_model *const s20 = train_set(NULL, 0, 1, 20, 0.5, &err);
    const plaint_model *in[2] = {whole, plain};
    m = (plaint_model *)&err;
    CHECK_EQ_INT(plaint_model_merge(in, 2, &m, &err), PLAINT_E_ARG);
    CHECK(m == NULL && err.line == 2 && strstr(err.msg, "without --mergeable") != NULL);
    in[0] = plain;
    in[1] = whole;
    CHECK_EQ_INT(plaint_model_merge(in, 2, &m, &err), PLAINT_E_ARG);
    CHECK(err.line == 1);
    in[0] = whole;
    in[1] = alpha1;
    CHECK_EQ_INT(plaint_model_merge(in, 2, &m, &err), PLAINT_E_ARG);
    CHECK(err.line == 2 && strstr(err.msg, "alpha 1,") != NULL);
    in[1] = s20;
    CHECK_EQ_INT(plaint_model_merge(in, 2, &m, &err), PLAINT_E_ARG);
    CHECK(strstr(err.msg, "calibration sample 20") != NULL);
    in[1] = NULL;
    CHECK_EQ_INT(plaint_model_merge(in, 2, &m, &err), PLAINT_E_ARG);
    CHECK_EQ_INT(plaint_model_merge(in, 0, &m, &err), PLAINT_E_ARG);
    CHECK_EQ_INT(plaint_model_merge(NULL, 1, &m, &err), PLAINT_E_ARG);
    CHECK_EQ_INT(plaint_model_merge(in, 1, NULL, &err), PLAINT_E_ARG);
    CHECK_EQ_INT(plaint_trainer_update(t, plain, &m, &err), PLAINT_E_ARG);
    CHECK(m == NULL && strstr(err.msg, "without --mergeable") != NULL);
    CHECK_EQ_INT(plaint_trainer_update(t, alpha1, &m, &err), PLAINT_E_ARG);
    CHECK(m == NULL && strstr(err.msg, "alpha") != NULL);
    CHECK_EQ_INT(plaint_trainer_update(NULL, base, &m, &err), PLAINT_E_ARG);
    plaint_trainer_free(t);
    plaint_model_free(alpha1);
    plaint_model_free(s20);
    plaint_model_free(plain);
    plaint_model_free(base);
    plaint_model_free(whole);
    plaint_model_free(even);
    plaint_model_free(odd);
    plaint_model_free(p0);
    plaint_model_free(p1);
    plaint_model_free(p2);
}

/* ---- the calibration sample section, damaged ---------------------------- */

static uint64_t rd_le(const unsigned char *p, int bytes)
{
    uint64_t x = 0;
    for (int i = 0; i < bytes; i++)
        x |= (uint64_t)p[i] << (8 * i);
    return x;
}

static void wr_le(unsigned char *p, uint64_t v, int bytes)
{
    for (int i = 0; i < bytes; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

struct section {
    uint32_t tag;
    size_t at, len; /* the contents: payload[at .. at + len) */
};

#define TAG(a, b, c, d) \
    ((uint32_t)(a) | (uint32_t)(b) << 8 | (uint32_t)(c) << 16 | (uint32_t)(d) << 24)

/* Rebuilds a payload from its sections: section `which` gets `content`
 * (mode 0), is left out (1) or appears twice (2). Parses the result. */
static plaint_status reparse(const unsigned char *payload, const struct section *sec, size_t ns,
                             size_t which, const unsigned char *content, size_t clen, int mode,
                             plaint_error *err)
{
    struct pl_buf b = {0};
    for (size_t i = 0; i < ns; i++) {
        const unsigned char *data = payload + sec[i].at;
        size_t len = sec[i].len;
        int times = 1;
        if (i == which) {
            if (mode == 0) {
                data = content;
                len = clen;
            }
            times = mode == 1 ? 0 : mode == 2 ? 2 : 1;
        }
        for (int k = 0; k < times; k++) {
            unsigned char h[12];
            wr_le(h, sec[i].tag, 4);
            wr_le(h + 4, len, 8);
            CHECK(pl_buf_append(&b, h, 12) == 0 && pl_buf_append(&b, data, len) == 0);
        }
    }
    plaint_model *m = NULL;
    const plaint_status st =
        pl_model_parse_payload((const unsigned char *)b.data, b.len, "<test>", &m, err);
    CHECK(st == PLAINT_OK || m == NULL);
    plaint_model_free(m);
    pl_buf_free(&b);
    return st;
}

static void expect_bad(plaint_status st, const plaint_error *err, const char *what)
{
    CHECK_EQ_INT(st, PLAINT_E_FORMAT);
    if (st == PLAINT_E_FORMAT && strstr(err->msg, what) == NULL) {
        fprintf(stderr, "expected a message with '%s', got '%s'\n", what, err->msg);
        CHECK(0);
    }
}

static void test_sample_section(void)
{
    plaint_error err;
    plaint_model *const m = train_set(NULL, 0, 1, 10, 0.5, &err);
    struct pl_buf file = {0};
    image(m, &file);
    plaint_model_free(m);
    const unsigned char *const h = (const unsigned char *)file.data;
    uLongf plen = (uLongf)rd_le(h + 16, 8);
    unsigned char *const payload = malloc(plen);
    CHECK(uncompress(payload, &plen, h + 40, (uLong)(file.len - 40)) == Z_OK);
    struct section sec[32];
    size_t ns = 0, smpl = 0, opts = 0, nsmpl = 0;
    for (size_t pos = 0; pos + 12 <= plen && ns < 32; ns++) {
        sec[ns].tag = (uint32_t)rd_le(payload + pos, 4);
        sec[ns].len = (size_t)rd_le(payload + pos + 4, 8);
        sec[ns].at = pos + 12;
        pos += 12 + sec[ns].len;
        if (sec[ns].tag == TAG('S', 'M', 'P', 'L') && nsmpl++ == 0)
            smpl = ns;
        if (sec[ns].tag == TAG('O', 'P', 'T', 'S'))
            opts = ns;
    }
    CHECK_EQ_INT(nsmpl, 2); /* pl and bg */
    CHECK_EQ_INT(reparse(payload, sec, ns, ns, NULL, 0, 0, &err), PLAINT_OK);
    /* the Polish sample: lang, 10 documents, the first with >= 2 features */
    const unsigned char *const orig = payload + sec[smpl].at;
    const size_t clen = sec[smpl].len;
    CHECK_EQ_INT(rd_le(orig, 4), 1);
    CHECK_EQ_INT(rd_le(orig + 4, 4), 10);
    const size_t nf0 = (size_t)rd_le(orig + 20, 4);
    CHECK(nf0 >= 2);
    unsigned char *const c = malloc(clen + 8);
    /* every truncation is refused */
    size_t accepted = 0;
    for (size_t n = 0; n < clen; n++)
        accepted += reparse(payload, sec, ns, smpl, orig, n, 0, &err) != PLAINT_E_FORMAT;
    CHECK_EQ_INT(accepted, 0);
    memcpy(c, orig, clen);
    wr_le(c + 4, 11, 4);
    expect_bad(reparse(payload, sec, ns, smpl, c, clen, 0, &err), &err, "expected 10");
    memcpy(c, orig, clen);
    wr_le(c + 4, 9, 4);
    expect_bad(reparse(payload, sec, ns, smpl, c, clen, 0, &err), &err, "expected 10");
    memcpy(c, orig, clen);
    wr_le(c + 16, 2, 4); /* label 2 of 2 */
    expect_bad(reparse(payload, sec, ns, smpl, c, clen, 0, &err), &err, "label without");
    memcpy(c, orig, clen);
    wr_le(c + 20, 0xFFFFFFFFu, 4); /* feature count */
    expect_bad(reparse(payload, sec, ns, smpl, c, clen, 0, &err), &err, "truncated");
    memcpy(c, orig, clen);
    memcpy(c + 24, orig + 32, 8); /* features 0 and 1 swapped */
    memcpy(c + 32, orig + 24, 8);
    expect_bad(reparse(payload, sec, ns, smpl, c, clen, 0, &err), &err, "ascending");
    memcpy(c, orig, clen);
    wr_le(c + 24 + 8 * (nf0 - 1), UINT64_MAX, 8); /* a feature the model lacks */
    expect_bad(reparse(payload, sec, ns, smpl, c, clen, 0, &err), &err, "never counted");
    memcpy(c, orig, clen);
    wr_le(c + 8, UINT64_MAX, 8); /* the first key the largest */
    expect_bad(reparse(payload, sec, ns, smpl, c, clen, 0, &err), &err, "not in order");
    memcpy(c, orig, clen);
    memset(c + clen, 0, 4);
    expect_bad(reparse(payload, sec, ns, smpl, c, clen + 4, 0, &err), &err, "unexpected bytes");
    memcpy(c, orig, clen);
    wr_le(c, 3, 4); /* Greek: no such sub-model */
    expect_bad(reparse(payload, sec, ns, smpl, c, clen, 0, &err), &err, "missing or repeated");
    expect_bad(reparse(payload, sec, ns, smpl, NULL, 0, 2, &err), &err, "missing or repeated");
    expect_bad(reparse(payload, sec, ns, smpl, NULL, 0, 1, &err), &err, "only some");
    /* options without the sample size (an older file): a sample is refused,
     * and without samples the model loads, not mergeable */
    expect_bad(reparse(payload, sec, ns, opts, payload + sec[opts].at, sec[opts].len - 4, 0,
                       &err),
               &err, "lack its size");
    struct section old[32];
    size_t nold = 0;
    for (size_t i = 0; i < ns; i++)
        if (sec[i].tag != TAG('S', 'M', 'P', 'L'))
            old[nold++] = sec[i];
    for (size_t i = 0; i < nold; i++) {
        if (old[i].tag != TAG('O', 'P', 'T', 'S'))
            continue;
        CHECK_EQ_INT(reparse(payload, old, nold, i, payload + old[i].at, old[i].len - 4, 0, &err),
                     PLAINT_OK);
        expect_bad(reparse(payload, old, nold, i, NULL, 0, 2, &err), &err, "repeated");
    }
    free(c);
    free(payload);
    pl_buf_free(&file);
}

int main(void)
{
    test_calibrate();
    test_curve();
    test_merge();
    test_sample_section();
    plaint_error err;
    plaint_model *const m = train(0, &err);
    CHECK(m != NULL);
    if (m == NULL)
        return CHECK_DONE();
    CHECK_EQ_INT(plaint_model_label_count(m), 2);
    CHECK_EQ_STR(plaint_model_label(m, 0), "fault");
    CHECK_EQ_STR(plaint_model_label(m, 1), "misuse");
    CHECK(plaint_model_label(m, 2) == NULL);
    CHECK(plaint_model_has_lang(m, PLAINT_LANG_PL));
    CHECK(plaint_model_has_lang(m, PLAINT_LANG_BG));
    CHECK(!plaint_model_has_lang(m, PLAINT_LANG_EL));

    /* labeling the training texts back */
    plaint_ctx *ctx = NULL;
    CHECK_EQ_INT(plaint_ctx_new(m, &ctx, &err), PLAINT_OK);
    size_t right = 0;
    for (size_t i = 0; i < NDOCS; i++) {
        plaint_result r;
        CHECK_EQ_INT(plaint_label(ctx, corpus[i][1], strlen(corpus[i][1]), 0, 3, &r, &err),
                     PLAINT_OK);
        right += strcmp(r.label, corpus[i][0]) == 0;
        CHECK(r.confidence >= 0.5 && r.confidence <= 1.0);
        CHECK(r.nexplain <= 3);
        double sum = 0;
        for (size_t l = 0; l < r.nlabels; l++)
            sum += r.probs[l];
        CHECK(sum > 0.999 && sum < 1.001);
    }
    CHECK(right >= NDOCS - 1);
    /* the Polish texts typed without diacritics are labeled alike: the
     * trainer learned their plain spelling too */
    size_t plain_right = 0, polish = 0;
    for (size_t i = 0; i < NDOCS; i++) {
        struct pl_buf plain = {0};
        const int changed = pl_strip_polish(corpus[i][1], strlen(corpus[i][1]), &plain);
        CHECK(changed >= 0);
        if (changed > 0) {
            plaint_result rp;
            polish++;
            CHECK_EQ_INT(plaint_label(ctx, plain.data, plain.len, 0, 0, &rp, &err), PLAINT_OK);
            plain_right += strcmp(rp.label, corpus[i][0]) == 0;
        }
        pl_buf_free(&plain);
    }
    CHECK(polish >= 10);
    CHECK(plain_right >= polish - 1);
    /* unsupported texts are per-document errors, not guesses */
    plaint_result r;
    CHECK_EQ_INT(plaint_label(ctx, "Το προϊόν έσπασε", strlen("Το προϊόν έσπασε"), 0, 0, &r,
                              &err),
                 PLAINT_E_UNSUPPORTED);
    CHECK(strstr(err.msg, "el") != NULL);
    CHECK_EQ_INT(plaint_label(ctx, "", 0, 0, 0, &r, &err), PLAINT_E_UNSUPPORTED);
    CHECK_EQ_INT(plaint_label(ctx, "123 !!!", 7, 0, 0, &r, &err), PLAINT_E_UNSUPPORTED);
    CHECK_EQ_INT(plaint_label(ctx, "zły\xff", 5, 0, 0, &r, &err), PLAINT_E_INPUT);
    plaint_ctx_free(ctx);

    /* determinism: another input order gives a byte-identical file */
    plaint_model *const m2 = train(1, &err);
    struct pl_buf a = {0}, b = {0};
    image(m, &a);
    image(m2, &b);
    CHECK(a.len == b.len && memcmp(a.data, b.data, a.len) == 0);
    plaint_model_free(m2);

    /* round trip through the file format */
    plaint_model *m3 = NULL;
    CHECK_EQ_INT(plaint_model_load_mem(a.data, a.len, &m3, &err), PLAINT_OK);
    image(m3, &b);
    CHECK(a.len == b.len && memcmp(a.data, b.data, a.len) == 0);
    plaint_model_free(m3);
    CHECK_EQ_INT(plaint_model_save(m, "test_model.tmp.model", &err), PLAINT_OK);
    CHECK_EQ_INT(plaint_model_load("test_model.tmp.model", &m3, &err), PLAINT_OK);
    plaint_model_free(m3);
    remove("test_model.tmp.model");
    CHECK_EQ_INT(plaint_model_load("no/such/dir/x.model", &m3, &err), PLAINT_E_IO);
    CHECK(m3 == NULL);

    /* every truncation is rejected */
    size_t accepted = 0;
    for (size_t n = 0; n < a.len; n++) {
        plaint_model *t = (plaint_model *)&err;
        const plaint_status st = plaint_model_load_mem(a.data, n, &t, &err);
        accepted += st == PLAINT_OK;
        CHECK(t == NULL || st == PLAINT_OK);
        plaint_model_free(st == PLAINT_OK ? t : NULL);
    }
    CHECK_EQ_INT(accepted, 0);
    /* every flipped byte is rejected (header CRC, payload CRC, zlib) */
    unsigned char *const copy = malloc(a.len);
    size_t flips_accepted = 0;
    for (size_t i = 0; i < a.len; i++) {
        memcpy(copy, a.data, a.len);
        copy[i] ^= 0x20;
        plaint_model *t = NULL;
        const plaint_status st = plaint_model_load_mem(copy, a.len, &t, &err);
        flips_accepted += st == PLAINT_OK;
        CHECK(st == PLAINT_OK || st == PLAINT_E_FORMAT || st == PLAINT_E_VERSION);
        plaint_model_free(t);
    }
    CHECK_EQ_INT(flips_accepted, 0);
    /* bad magic; newer version (with a valid header checksum) */
    memcpy(copy, a.data, a.len);
    copy[0] = 'X';
    plaint_model *t = NULL;
    CHECK_EQ_INT(plaint_model_load_mem(copy, a.len, &t, &err), PLAINT_E_FORMAT);
    CHECK(strstr(err.msg, "magic") != NULL);
    memcpy(copy, a.data, a.len);
    copy[8] = 99;
    const uint32_t crc = (uint32_t)crc32(0L, copy, 36);
    for (int i = 0; i < 4; i++)
        copy[36 + i] = (unsigned char)(crc >> (8 * i));
    CHECK_EQ_INT(plaint_model_load_mem(copy, a.len, &t, &err), PLAINT_E_VERSION);
    CHECK(strstr(err.msg, "newer") != NULL);
    free(copy);
    pl_buf_free(&a);
    pl_buf_free(&b);

    /* trainer errors */
    plaint_trainer *tr = NULL;
    CHECK_EQ_INT(plaint_trainer_new(NULL, &tr, &err), PLAINT_OK);
    plaint_model *none = (plaint_model *)&err;
    CHECK_EQ_INT(plaint_trainer_finish(tr, &none, &err), PLAINT_E_INPUT);
    CHECK(none == NULL);
    CHECK_EQ_INT(plaint_trainer_add(tr, "a\tb", 3, "tekst", 5, PLAINT_LANG_AUTO, 0, &err),
                 PLAINT_E_INPUT);
    CHECK_EQ_INT(plaint_trainer_add(tr, "x", 1, "!!! 123", 7, PLAINT_LANG_AUTO, 0, &err),
                 PLAINT_E_UNSUPPORTED);
    plaint_trainer_free(tr);
    plaint_trainer_free(NULL);
    plaint_model_free(NULL);
    plaint_options bad;
    plaint_options_default(&bad);
    bad.alpha = 0;
    CHECK_EQ_INT(plaint_trainer_new(&bad, &tr, &err), PLAINT_E_ARG);
    CHECK(tr == NULL);
    plaint_model_free(m);
    return CHECK_DONE();
}
