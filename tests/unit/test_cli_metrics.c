/* test_cli_metrics.c - evaluation metrics against hand-computed examples:
 * accuracy, per-label P/R/F1, macro-F1, ECE, Brier, unlabeled records,
 * merging folds, the text report and exact JSON, and the edge cases. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cli_metrics.h"

static int near(const double a, const double b)
{
    return fabs(a - b) < 1e-9;
}

/* Reads back everything written to f (a tmpfile) into buf, NUL-terminated. */
static size_t slurp(FILE *f, char *buf, const size_t cap)
{
    fflush(f);
    rewind(f);
    const size_t n = fread(buf, 1, cap - 1, f);
    buf[n] = '\0';
    return n;
}

static void check_label(const struct cli_metrics *m, const size_t label, const double p,
                        const double r, const double f1, const unsigned long long support)
{
    double gp, gr, gf;
    unsigned long long gs;
    cli_metrics_label(m, label, &gp, &gr, &gf, &gs);
    CHECK(near(gp, p));
    CHECK(near(gr, r));
    CHECK(near(gf, f1));
    CHECK_EQ_INT(gs, support);
}

/* The main example: 3 labels, 12 labeled records, confidences only.
 *
 *   gold \ pred   spam  ham  eggs | support
 *   spam             3    1     0 |   4
 *   ham              1    2     1 |   4
 *   eggs             0    2     2 |   4
 *   predicted        4    5     3 |  12, correct 7
 *
 * Confidences (bins of width 1/15; bin b = (b/15, (b+1)/15]):
 *   0.9 (bin 13): spam->spam x3, spam->ham        3 of 4 right
 *   0.5 (bin  7): ham->ham x2, ham->spam, ham->eggs 2 of 4 right
 *   0.3 (bin  4): eggs->eggs x2, eggs->ham x2     2 of 4 right */
static const char *const names3[] = {"spam", "ham", "eggs"};

struct rec {
    size_t gold, pred;
    double conf;
};

static const struct rec recs[] = {
    {0, 0, 0.9}, {0, 0, 0.9}, {0, 0, 0.9}, {0, 1, 0.9},
    {1, 1, 0.5}, {1, 1, 0.5}, {1, 0, 0.5}, {1, 2, 0.5},
    {2, 2, 0.3}, {2, 2, 0.3}, {2, 1, 0.3}, {2, 1, 0.3},
};
#define NRECS (sizeof recs / sizeof recs[0])

static void add_recs(struct cli_metrics *m, const size_t from, const size_t to)
{
    for (size_t i = from; i < to; i++)
        cli_metrics_add(m, recs[i].gold, recs[i].pred, recs[i].conf, NULL);
}

static void test_example(void)
{
    struct cli_metrics *const m = cli_metrics_new(3, names3);
    CHECK(m != NULL);
    add_recs(m, 0, NRECS);
    CHECK_EQ_INT(cli_metrics_count(m), 12);
    CHECK_EQ_INT(cli_metrics_unlabeled(m), 0);
    CHECK(near(cli_metrics_accuracy(m), 7.0 / 12.0));

    /* spam: P 3/4, R 3/4, F1 3/4.
     * ham:  P 2/5, R 2/4, F1 2*(0.4*0.5)/0.9 = 4/9.
     * eggs: P 2/3, R 2/4, F1 2*(1/3)/(7/6) = 4/7. */
    check_label(m, 0, 0.75, 0.75, 0.75, 4);
    check_label(m, 1, 0.4, 0.5, 4.0 / 9.0, 4);
    check_label(m, 2, 2.0 / 3.0, 0.5, 4.0 / 7.0, 4);
    CHECK(near(cli_metrics_macro_f1(m), (0.75 + 4.0 / 9.0 + 4.0 / 7.0) / 3.0));

    /* ECE = 4/12*|0.75-0.9| + 4/12*|0.5-0.5| + 4/12*|0.5-0.3| = (0.6 + 0.8)/12. */
    CHECK(near(cli_metrics_ece(m), 1.4 / 12.0));

    /* Brier with probs unknown, K = 3: c on pred, (1-c)/2 on the two others.
     *   right: (1-c)^2 + 2*((1-c)/2)^2 = 1.5*(1-c)^2
     *   wrong: c^2 + ((1-c)/2 - 1)^2 + ((1-c)/2)^2
     *   c=0.9: right 0.015, wrong 0.81+0.9025+0.0025 = 1.715
     *   c=0.5: right 0.375, wrong 0.25+0.5625+0.0625 = 0.875
     *   c=0.3: right 0.735, wrong 0.09+0.4225+0.1225 = 0.635
     *   sum = 3*0.015+1.715 + 2*0.375+2*0.875 + 2*0.735+2*0.635 = 1.76+2.5+2.74 = 7 */
    CHECK(near(cli_metrics_brier(m), 7.0 / 12.0));

    /* One record the classifier could not label, gold eggs: n 13, accuracy
     * 7/13, eggs support 5, recall 2/5, precision still 2/3, F1
     * 2*(4/15)/(16/15) = 1/2. ECE and Brier cover labeled records only. */
    cli_metrics_add_unlabeled(m, 2);
    CHECK_EQ_INT(cli_metrics_count(m), 13);
    CHECK_EQ_INT(cli_metrics_unlabeled(m), 1);
    CHECK(near(cli_metrics_accuracy(m), 7.0 / 13.0));
    check_label(m, 2, 2.0 / 3.0, 0.4, 0.5, 5);
    check_label(m, 0, 0.75, 0.75, 0.75, 4);
    CHECK(near(cli_metrics_macro_f1(m), (0.75 + 4.0 / 9.0 + 0.5) / 3.0));
    CHECK(near(cli_metrics_ece(m), 1.4 / 12.0));
    CHECK(near(cli_metrics_brier(m), 7.0 / 12.0));

    /* The report names every label and shows the unlabeled column. */
    FILE *const f = tmpfile();
    CHECK(f != NULL);
    if (f != NULL) {
        char buf[4096];
        cli_metrics_print(m, f);
        CHECK(!ferror(f));
        CHECK(slurp(f, buf, sizeof buf) > 0);
        CHECK(strstr(buf, "spam") != NULL);
        CHECK(strstr(buf, "ham") != NULL);
        CHECK(strstr(buf, "eggs") != NULL);
        CHECK(strstr(buf, "accuracy   0.538462\n") != NULL);
        CHECK(strstr(buf, "unlabeled  1\n") != NULL);
        CHECK(strstr(buf, "confusion matrix") != NULL);
        /* the eggs row: 0 2 2, then 1 unlabeled */
        CHECK(strstr(buf, "\neggs          0    2     2          1\n") != NULL);
        fclose(f);
    }
    cli_metrics_free(m);
}

/* Explicit probabilities: Brier of (gold 0, p .7 .2 .1) = .09+.04+.01 = .14
 * and (gold 2, p .5 .3 .2) = .25+.09+.64 = .98; mean .56. With probs NULL,
 * c .6 on pred and .2 on the others is the same as passing them. */
static void test_brier_probs(void)
{
    struct cli_metrics *const m = cli_metrics_new(3, names3);
    const double p1[] = {0.7, 0.2, 0.1}, p2[] = {0.5, 0.3, 0.2};
    cli_metrics_add(m, 0, 0, 0.7, p1);
    cli_metrics_add(m, 2, 0, 0.5, p2);
    CHECK(near(cli_metrics_brier(m), 0.56));
    cli_metrics_free(m);

    struct cli_metrics *const a = cli_metrics_new(3, names3);
    struct cli_metrics *const b = cli_metrics_new(3, names3);
    const double p3[] = {0.2, 0.6, 0.2};
    cli_metrics_add(a, 0, 1, 0.6, NULL);
    cli_metrics_add(b, 0, 1, 0.6, p3);
    CHECK(near(cli_metrics_brier(a), cli_metrics_brier(b)));
    CHECK(near(cli_metrics_brier(a), 0.64 + 0.36 + 0.04));
    cli_metrics_free(a);
    cli_metrics_free(b);

    /* One label: Brier is (c - 1)^2. */
    const char *const one[] = {"only"};
    struct cli_metrics *const c = cli_metrics_new(1, one);
    cli_metrics_add(c, 0, 0, 0.75, NULL);
    CHECK(near(cli_metrics_brier(c), 0.0625));
    CHECK(near(cli_metrics_accuracy(c), 1.0));
    CHECK(near(cli_metrics_ece(c), 0.25));
    cli_metrics_free(c);
}

/* ECE bins are (b/15, (b+1)/15]: 1.0 is in the last bin, 0 in the first. */
static void test_ece_bins(void)
{
    const char *const two[] = {"a", "b"};
    struct cli_metrics *const m = cli_metrics_new(2, two);
    cli_metrics_add(m, 0, 0, 1.0, NULL);  /* bin 14: acc 1, conf 1 */
    cli_metrics_add(m, 0, 1, 0.0, NULL);  /* bin 0: acc 0, conf 0 */
    CHECK(near(cli_metrics_ece(m), 0.0));
    /* 0.95 and 0.99 share bin 14 with 1.0: acc 1/3, mean conf 2.94/3, gap
     * |1 - 2.94|/3; weighted by 3/4 -> 1.94/4. Bin 0 gap stays 0. */
    cli_metrics_add(m, 1, 0, 0.95, NULL);
    cli_metrics_add(m, 1, 0, 0.99, NULL);
    CHECK(near(cli_metrics_ece(m), 1.94 / 4.0));
    /* Out-of-range and NaN confidences are clamped: still finite. */
    cli_metrics_add(m, 1, 1, NAN, NULL);
    cli_metrics_add(m, 1, 1, 7.0, NULL);
    CHECK(isfinite(cli_metrics_ece(m)));
    CHECK(isfinite(cli_metrics_brier(m)));
    /* Bad indexes are ignored. */
    cli_metrics_add(m, 2, 0, 0.5, NULL);
    cli_metrics_add(m, 0, 9, 0.5, NULL);
    cli_metrics_add_unlabeled(m, 5);
    CHECK_EQ_INT(cli_metrics_count(m), 6);
    cli_metrics_free(m);
}

/* Splitting the records into two folds and merging gives the same result. */
static void test_merge(void)
{
    struct cli_metrics *const all = cli_metrics_new(3, names3);
    struct cli_metrics *const a = cli_metrics_new(3, names3);
    struct cli_metrics *const b = cli_metrics_new(3, names3);
    add_recs(all, 0, NRECS);
    cli_metrics_add_unlabeled(all, 1);
    cli_metrics_add_unlabeled(all, 2);
    add_recs(a, 0, 5);
    cli_metrics_add_unlabeled(a, 1);
    add_recs(b, 5, NRECS);
    cli_metrics_add_unlabeled(b, 2);
    cli_metrics_merge(a, b);

    CHECK_EQ_INT(cli_metrics_count(a), cli_metrics_count(all));
    CHECK_EQ_INT(cli_metrics_unlabeled(a), 2);
    CHECK(near(cli_metrics_accuracy(a), cli_metrics_accuracy(all)));
    CHECK(near(cli_metrics_macro_f1(a), cli_metrics_macro_f1(all)));
    CHECK(near(cli_metrics_ece(a), cli_metrics_ece(all)));
    CHECK(near(cli_metrics_brier(a), cli_metrics_brier(all)));
    for (size_t i = 0; i < 3; i++) {
        double p, r, f1;
        unsigned long long s;
        cli_metrics_label(all, i, &p, &r, &f1, &s);
        check_label(a, i, p, r, f1, s);
    }
    FILE *const fa = tmpfile(), *const fall = tmpfile();
    CHECK(fa != NULL && fall != NULL);
    if (fa != NULL && fall != NULL) {
        char ba[2048], ball[2048];
        cli_metrics_print_json(a, fa);
        cli_metrics_print_json(all, fall);
        slurp(fa, ba, sizeof ba);
        slurp(fall, ball, sizeof ball);
        CHECK_EQ_STR(ba, ball);
    }
    if (fa != NULL)
        fclose(fa);
    if (fall != NULL)
        fclose(fall);

    /* Different label counts: a is left as it was. */
    const char *const two[] = {"x", "y"};
    struct cli_metrics *const c = cli_metrics_new(2, two);
    cli_metrics_add(c, 0, 0, 1.0, NULL);
    cli_metrics_merge(a, c);
    CHECK_EQ_INT(cli_metrics_count(a), 14);
    cli_metrics_free(c);
    cli_metrics_free(a);
    cli_metrics_free(b);
    cli_metrics_free(all);
}

/* Exact JSON for a tiny case. Label 0 is: say "hi"<TAB>été<U+0001>, label 1 is ok\.
 * Records: (0 -> 0, c 1.0), (1 -> 0, probs .5 .5), unlabeled gold 0.
 *   confusion [[1,0],[1,0]]; n 3, accuracy 1/3
 *   label 0: tp 1, predicted 2, support 2: P .5, R .5, F1 .5
 *   label 1: tp 0, predicted 0, support 1: all 0; macro-F1 .25
 *   ECE: bin 14 gap |1-1| = 0, bin 7 gap |0-.5| = .5; /2 labeled = .25
 *   Brier: 0 and .25+.25 = .5; /2 = .25 */
static void test_json(void)
{
    const char *const names[] = {"say \"hi\"\t\xc3\xa9t\xc3\xa9\x01", "ok\\"};
    struct cli_metrics *const m = cli_metrics_new(2, names);
    const double p[] = {0.5, 0.5};
    cli_metrics_add(m, 0, 0, 1.0, NULL);
    cli_metrics_add(m, 1, 0, 0.5, p);
    cli_metrics_add_unlabeled(m, 0);
    FILE *const f = tmpfile();
    CHECK(f != NULL);
    if (f != NULL) {
        char buf[2048];
        cli_metrics_print_json(m, f);
        slurp(f, buf, sizeof buf);
        CHECK_EQ_STR(buf,
                     "{\"n\":3,\"unlabeled\":1,\"accuracy\":0.333333,\"macro_f1\":0.250000,"
                     "\"ece\":0.250000,\"brier\":0.250000,\"per_label\":{"
                     "\"say \\\"hi\\\"\\u0009\xc3\xa9t\xc3\xa9\\u0001\":{\"precision\":0.500000,"
                     "\"recall\":0.500000,\"f1\":0.500000,\"support\":2},"
                     "\"ok\\\\\":{\"precision\":0.000000,\"recall\":0.000000,\"f1\":0.000000,"
                     "\"support\":1}},\"confusion\":{\"labels\":["
                     "\"say \\\"hi\\\"\\u0009\xc3\xa9t\xc3\xa9\\u0001\",\"ok\\\\\"],"
                     "\"matrix\":[[1,0],[1,0]]}}\n");
        fclose(f);
    }
    cli_metrics_free(m);

    /* Invalid UTF-8 (stray byte, truncated sequence, overlong, surrogate)
     * becomes \ufffd per bad byte; a 4-byte sequence passes through. */
    const char *const bad[] = {"x\xffy\xc3", "\xc0\xaf\xed\xa0\x80\xf0\x9f\x98\x80"};
    struct cli_metrics *const b = cli_metrics_new(2, bad);
    FILE *const g = tmpfile();
    CHECK(g != NULL);
    if (g != NULL) {
        char buf[2048];
        cli_metrics_print_json(b, g);
        slurp(g, buf, sizeof buf);
        CHECK(strstr(buf, "\"labels\":[\"x\\ufffdy\\ufffd\","
                          "\"\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\xf0\x9f\x98\x80\"]") != NULL);
        fclose(g);
    }
    cli_metrics_free(b);
}

/* No records: every metric is 0 and the outputs have no nan/inf. */
static void test_empty(void)
{
    struct cli_metrics *const m = cli_metrics_new(3, names3);
    CHECK_EQ_INT(cli_metrics_count(m), 0);
    CHECK(cli_metrics_accuracy(m) == 0.0);
    CHECK(cli_metrics_macro_f1(m) == 0.0);
    CHECK(cli_metrics_ece(m) == 0.0);
    CHECK(cli_metrics_brier(m) == 0.0);
    check_label(m, 1, 0.0, 0.0, 0.0, 0);
    check_label(m, 99, 0.0, 0.0, 0.0, 0);
    FILE *const f = tmpfile();
    CHECK(f != NULL);
    if (f != NULL) {
        char buf[4096];
        cli_metrics_print_json(m, f);
        cli_metrics_print(m, f);
        slurp(f, buf, sizeof buf);
        const char *const head =
            "{\"n\":0,\"unlabeled\":0,\"accuracy\":0.000000,\"macro_f1\":0.000000,"
            "\"ece\":0.000000,\"brier\":0.000000,\"per_label\":{\"spam\":"
            "{\"precision\":0.000000,\"recall\":0.000000,\"f1\":0.000000,\"support\":0},";
        CHECK(strncmp(buf, head, strlen(head)) == 0);
        CHECK(strstr(buf, "\"matrix\":[[0,0,0],[0,0,0],[0,0,0]]}}\n") != NULL);
        CHECK(strstr(buf, "nan") == NULL && strstr(buf, "inf") == NULL);
        CHECK(strstr(buf, "NAN") == NULL && strstr(buf, "INF") == NULL);
        fclose(f);
    }
    cli_metrics_free(m);

    /* Only unlabeled records: accuracy 0, ECE and Brier 0 (no labeled ones). */
    struct cli_metrics *const u = cli_metrics_new(3, names3);
    cli_metrics_add_unlabeled(u, 0);
    CHECK(cli_metrics_accuracy(u) == 0.0);
    CHECK(cli_metrics_ece(u) == 0.0);
    CHECK(cli_metrics_brier(u) == 0.0);
    CHECK(cli_metrics_macro_f1(u) == 0.0);
    check_label(u, 0, 0.0, 0.0, 0.0, 1);
    cli_metrics_free(u);

    CHECK(cli_metrics_new(0, names3) == NULL);
    CHECK(cli_metrics_new(SIZE_MAX / 4, NULL) == NULL);
    CHECK(cli_metrics_new((size_t)1 << (sizeof(size_t) * 4), NULL) == NULL);
    cli_metrics_free(NULL);
}

/* Labels a b c d; records a->a, a->b, c->a.
 *   a: tp 1, predicted 2, support 2: P .5, R .5, F1 .5
 *   b: predicted once, never gold: P 0, R 0, F1 0 (counts for macro)
 *   c: gold once, never predicted: P 0 (no division by zero), R 0, F1 0
 *   d: neither: left out of macro-F1, so macro = .5/3, not .5/4. */
static void test_never_predicted(void)
{
    const char *const names[] = {"a", "b", "c", "d"};
    struct cli_metrics *const m = cli_metrics_new(4, names);
    cli_metrics_add(m, 0, 0, 0.8, NULL);
    cli_metrics_add(m, 0, 1, 0.8, NULL);
    cli_metrics_add(m, 2, 0, 0.8, NULL);
    check_label(m, 0, 0.5, 0.5, 0.5, 2);
    check_label(m, 1, 0.0, 0.0, 0.0, 0);
    check_label(m, 2, 0.0, 0.0, 0.0, 1);
    check_label(m, 3, 0.0, 0.0, 0.0, 0);
    CHECK(near(cli_metrics_macro_f1(m), 0.5 / 3.0));
    cli_metrics_free(m);
}

/* Many labels: allocation works, the report lists top confusions instead of
 * a 1000x1000 matrix, long names are cut, and JSON has the full matrix. */
#define MANY 1000
static char many_buf[MANY][16];
static const char *many_names[MANY];

static void test_many_labels(void)
{
    for (size_t i = 0; i < MANY; i++) {
        snprintf(many_buf[i], sizeof many_buf[i], "L%zu", i);
        many_names[i] = many_buf[i];
    }
    many_names[7] = "a-very-long-label-name-that-goes-on-and-on-and-on";
    struct cli_metrics *const m = cli_metrics_new(MANY, many_names);
    CHECK(m != NULL);
    if (m == NULL)
        return;
    cli_metrics_add(m, 5, 5, 0.9, NULL);
    for (int i = 0; i < 3; i++)
        cli_metrics_add(m, 7, 998, 0.6, NULL);
    cli_metrics_add(m, 999, 0, 0.6, NULL);
    CHECK(near(cli_metrics_accuracy(m), 0.2));
    CHECK(near(cli_metrics_macro_f1(m), 1.0 / 5.0)); /* L5 1, L7 L998 L999 L0 0 */
    FILE *const f = tmpfile();
    CHECK(f != NULL);
    if (f != NULL) {
        static char buf[1 << 18];
        cli_metrics_print(m, f);
        slurp(f, buf, sizeof buf);
        CHECK(strstr(buf, "most frequent confusions") != NULL);
        CHECK(strstr(buf, "  a-very-long-label-name-that-g~ -> L998  3\n"
                          "  L999 -> L0  1\n") != NULL);
        CHECK(strstr(buf, "confusion matrix") == NULL);
        fclose(f);
    }
    FILE *const g = tmpfile();
    CHECK(g != NULL);
    if (g != NULL) {
        cli_metrics_print_json(m, g);
        fflush(g);
        const long size = ftell(g);
        /* 1000 rows of 1000 one-digit cells: at least 2 bytes per cell */
        CHECK(size > 2L * MANY * MANY);
        fclose(g);
    }
    cli_metrics_free(m);
}

int main(void)
{
    test_example();
    test_brier_probs();
    test_ece_bins();
    test_merge();
    test_json();
    test_empty();
    test_never_predicted();
    test_many_labels();
    return CHECK_DONE();
}
