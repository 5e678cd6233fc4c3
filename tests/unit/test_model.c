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

static plaint_model *train(int reversed, plaint_error *err)
{
    plaint_options o;
    plaint_options_default(&o);
    o.calibration_folds = 2;
    plaint_trainer *t = NULL;
    CHECK_EQ_INT(plaint_trainer_new(&o, &t, err), PLAINT_OK);
    for (size_t i = 0; i < NDOCS; i++) {
        const size_t k = reversed ? NDOCS - 1 - i : i;
        CHECK_EQ_INT(plaint_trainer_add(t, corpus[k][0], strlen(corpus[k][0]), corpus[k][1],
                                        strlen(corpus[k][1]), PLAINT_LANG_AUTO, 0, err),
                     PLAINT_OK);
    }
    plaint_model *m = NULL;
    CHECK_EQ_INT(plaint_trainer_finish(t, &m, err), PLAINT_OK);
    plaint_trainer_free(t);
    return m;
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

int main(void)
{
    test_calibrate();
    test_curve();
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
