/* cli_metrics.c - evaluation metrics for `plaint eval` and `plaint cv`. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli_metrics.h"

#define NBINS 15        /* ECE bins (Guo et al. 2017 use 15) */
#define NAME_CAP 30     /* widest label name in the per-label table */
#define HEAD_CAP 12     /* widest label name heading a confusion column */
#define TOP_CONFUSIONS 20

struct cli_metrics {
    size_t nlabels;
    const char *const *names;
    uint64_t *confusion;      /* [gold * nlabels + pred], labeled records */
    uint64_t *support;        /* per gold label, unlabeled records included */
    uint64_t *predicted;      /* per predicted label */
    uint64_t *unlabeled_gold; /* unlabeled records per gold label */
    uint64_t n;               /* all records */
    uint64_t unlabeled;
    uint64_t correct;
    uint64_t bin_count[NBINS];
    uint64_t bin_correct[NBINS];
    double bin_conf[NBINS];   /* sum of the confidences in each bin */
    double brier_sum;         /* over labeled records */
};

struct cli_metrics *cli_metrics_new(size_t nlabels, const char *const *names)
{
    /* One block: the nlabels^2 matrix, then three arrays of nlabels. */
    if (nlabels == 0 || nlabels >= SIZE_MAX / 2 ||
        nlabels > SIZE_MAX / sizeof(uint64_t) / (nlabels + 3))
        return NULL;
    struct cli_metrics *const m = calloc(1, sizeof *m);
    if (m == NULL)
        return NULL;
    m->confusion = calloc(nlabels * (nlabels + 3), sizeof *m->confusion);
    if (m->confusion == NULL) {
        free(m);
        return NULL;
    }
    m->nlabels = nlabels;
    m->names = names;
    m->support = m->confusion + nlabels * nlabels;
    m->predicted = m->support + nlabels;
    m->unlabeled_gold = m->predicted + nlabels;
    return m;
}

void cli_metrics_free(struct cli_metrics *m)
{
    if (m == NULL)
        return;
    free(m->confusion);
    free(m);
}

/* A probability: NaN and infinities become 0, the rest is clamped to [0,1]. */
static double prob(const double p)
{
    if (!isfinite(p) || p < 0.0)
        return 0.0;
    return p > 1.0 ? 1.0 : p;
}

/* ECE bin of a confidence in [0,1]: bin b holds (b/15, (b+1)/15], 0 goes to bin 0. */
static size_t conf_bin(const double c)
{
    const double x = c * NBINS;
    size_t b = (size_t)x;
    if ((double)b == x && b > 0)
        b--;
    return b < NBINS ? b : NBINS - 1;
}

static double brier_one(const struct cli_metrics *m, const size_t gold, const size_t pred,
                        const double conf, const double *const probs)
{
    const size_t k = m->nlabels;
    double sum = 0.0;
    if (probs != NULL) {
        for (size_t i = 0; i < k; i++) {
            const double d = prob(probs[i]) - (i == gold ? 1.0 : 0.0);
            sum += d * d;
        }
        return sum;
    }
    if (k == 1)
        return (conf - 1.0) * (conf - 1.0);
    const double other = (1.0 - conf) / (double)(k - 1);
    if (pred == gold)
        return (conf - 1.0) * (conf - 1.0) + (double)(k - 1) * other * other;
    return conf * conf + (other - 1.0) * (other - 1.0) + (double)(k - 2) * other * other;
}

void cli_metrics_add(struct cli_metrics *m, const size_t gold, const size_t pred,
                     const double confidence, const double *const probs)
{
    if (gold >= m->nlabels || pred >= m->nlabels)
        return;
    const double conf = prob(confidence);
    const int ok = gold == pred;
    m->confusion[gold * m->nlabels + pred]++;
    m->support[gold]++;
    m->predicted[pred]++;
    m->n++;
    m->correct += (uint64_t)ok;
    const size_t b = conf_bin(conf);
    m->bin_count[b]++;
    m->bin_correct[b] += (uint64_t)ok;
    m->bin_conf[b] += conf;
    m->brier_sum += brier_one(m, gold, pred, conf, probs);
}

void cli_metrics_add_unlabeled(struct cli_metrics *m, const size_t gold)
{
    if (gold >= m->nlabels)
        return;
    m->support[gold]++;
    m->unlabeled_gold[gold]++;
    m->n++;
    m->unlabeled++;
}

void cli_metrics_merge(struct cli_metrics *a, const struct cli_metrics *b)
{
    if (a->nlabels != b->nlabels)
        return;
    const size_t k = a->nlabels;
    for (size_t i = 0; i < k * (k + 3); i++)  /* the whole block of counts */
        a->confusion[i] += b->confusion[i];
    a->n += b->n;
    a->unlabeled += b->unlabeled;
    a->correct += b->correct;
    for (size_t i = 0; i < NBINS; i++) {
        a->bin_count[i] += b->bin_count[i];
        a->bin_correct[i] += b->bin_correct[i];
        a->bin_conf[i] += b->bin_conf[i];
    }
    a->brier_sum += b->brier_sum;
}

unsigned long long cli_metrics_count(const struct cli_metrics *m)
{
    return (unsigned long long)m->n;
}

unsigned long long cli_metrics_unlabeled(const struct cli_metrics *m)
{
    return (unsigned long long)m->unlabeled;
}

/* num / den, or 0 when den is 0. */
static double ratio(const double num, const uint64_t den)
{
    return den == 0 ? 0.0 : num / (double)den;
}

double cli_metrics_accuracy(const struct cli_metrics *m)
{
    return ratio((double)m->correct, m->n);
}

void cli_metrics_label(const struct cli_metrics *m, const size_t label, double *precision,
                       double *recall, double *f1, unsigned long long *support)
{
    double p = 0.0, r = 0.0, f = 0.0;
    uint64_t s = 0;
    if (label < m->nlabels) {
        const double tp = (double)m->confusion[label * m->nlabels + label];
        s = m->support[label];
        p = ratio(tp, m->predicted[label]);
        r = ratio(tp, s);
        f = p + r > 0.0 ? 2.0 * p * r / (p + r) : 0.0;
    }
    if (precision != NULL)
        *precision = p;
    if (recall != NULL)
        *recall = r;
    if (f1 != NULL)
        *f1 = f;
    if (support != NULL)
        *support = (unsigned long long)s;
}

double cli_metrics_macro_f1(const struct cli_metrics *m)
{
    double sum = 0.0;
    uint64_t present = 0;
    for (size_t i = 0; i < m->nlabels; i++) {
        if (m->support[i] == 0 && m->predicted[i] == 0)
            continue;
        double f;
        cli_metrics_label(m, i, NULL, NULL, &f, NULL);
        sum += f;
        present++;
    }
    return ratio(sum, present);
}

double cli_metrics_ece(const struct cli_metrics *m)
{
    double sum = 0.0;
    for (size_t b = 0; b < NBINS; b++) {
        const double gap = (double)m->bin_correct[b] - m->bin_conf[b];
        sum += gap < 0.0 ? -gap : gap;
    }
    return ratio(sum, m->n - m->unlabeled);
}

double cli_metrics_brier(const struct cli_metrics *m)
{
    return ratio(m->brier_sum, m->n - m->unlabeled);
}

/* ---- human report ---- */

static const char *label_name(const struct cli_metrics *m, const size_t i)
{
    return m->names != NULL && m->names[i] != NULL ? m->names[i] : "";
}

/* Display width of a UTF-8 string in code points (one column each). */
static size_t name_width(const char *s, const size_t cap)
{
    size_t w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++)
        w += (*p & 0xC0) != 0x80;
    return w < cap ? w : cap;
}

/* Writes s padded with spaces to `width` columns, left- or right-aligned.
 * A name wider than cap is cut to cap - 1 code points and '~'. Control
 * characters are written as '?' so they cannot break the table. */
static void put_name(FILE *f, const char *s, const size_t width, const size_t cap,
                     const int right)
{
    const size_t full = name_width(s, (size_t)-1);
    const size_t shown = full <= cap ? full : cap;
    const size_t keep = full <= cap ? full : cap - 1;
    for (size_t i = shown; right && i < width; i++)
        fputc(' ', f);
    size_t cols = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
        const int lead = (*p & 0xC0) != 0x80;
        if (lead && cols == keep)
            break;
        cols += (size_t)lead;
        fputc(*p < 0x20 || *p == 0x7F ? '?' : *p, f);
    }
    if (keep < shown)
        fputc('~', f);
    for (size_t i = shown; !right && i < width; i++)
        fputc(' ', f);
}

static size_t digits(uint64_t v)
{
    size_t d = 1;
    while (v >= 10) {
        v /= 10;
        d++;
    }
    return d;
}

static void print_matrix(const struct cli_metrics *m, FILE *f, const size_t namew)
{
    const size_t k = m->nlabels;
    size_t colw[CLI_METRICS_MATRIX_MAX];
    for (size_t j = 0; j < k; j++) {
        colw[j] = name_width(label_name(m, j), HEAD_CAP);
        for (size_t i = 0; i < k; i++) {
            const size_t d = digits(m->confusion[i * k + j]);
            colw[j] = d > colw[j] ? d : colw[j];
        }
    }
    fputs("\nconfusion matrix (rows gold, columns predicted):\n", f);
    put_name(f, "gold\\pred", namew, NAME_CAP, 0);
    for (size_t j = 0; j < k; j++) {
        fputs("  ", f);
        put_name(f, label_name(m, j), colw[j], HEAD_CAP, 1);
    }
    if (m->unlabeled > 0)
        fputs("  unlabeled", f);
    fputc('\n', f);
    for (size_t i = 0; i < k; i++) {
        put_name(f, label_name(m, i), namew, NAME_CAP, 0);
        for (size_t j = 0; j < k; j++)
            fprintf(f, "  %*llu", (int)colw[j], (unsigned long long)m->confusion[i * k + j]);
        if (m->unlabeled > 0)
            fprintf(f, "  %9llu", (unsigned long long)m->unlabeled_gold[i]);
        fputc('\n', f);
    }
}

/* Too many labels for a matrix: the most frequent off-diagonal cells. */
static void print_top_confusions(const struct cli_metrics *m, FILE *f)
{
    const size_t k = m->nlabels;
    size_t top[TOP_CONFUSIONS]; /* cell indexes, largest count first */
    size_t ntop = 0;
    for (size_t c = 0; c < k * k; c++) {
        const uint64_t v = m->confusion[c];
        if (v == 0 || c / k == c % k ||
            (ntop == TOP_CONFUSIONS && v <= m->confusion[top[ntop - 1]]))
            continue;
        size_t pos = ntop < TOP_CONFUSIONS ? ntop++ : ntop - 1;
        while (pos > 0 && m->confusion[top[pos - 1]] < v) {
            top[pos] = top[pos - 1];
            pos--;
        }
        top[pos] = c;
    }
    fprintf(f, "\nmost frequent confusions (%zu labels, too many for a matrix; "
               "see --json):\n", k);
    if (ntop == 0)
        fputs("  none\n", f);
    for (size_t t = 0; t < ntop; t++) {
        fputs("  ", f);
        put_name(f, label_name(m, top[t] / k), 0, NAME_CAP, 0);
        fputs(" -> ", f);
        put_name(f, label_name(m, top[t] % k), 0, NAME_CAP, 0);
        fprintf(f, "  %llu\n", (unsigned long long)m->confusion[top[t]]);
    }
}

void cli_metrics_print(const struct cli_metrics *m, FILE *f)
{
    fprintf(f, "records    %llu\n", (unsigned long long)m->n);
    fprintf(f, "unlabeled  %llu\n", (unsigned long long)m->unlabeled);
    fprintf(f, "accuracy   %.6f\n", cli_metrics_accuracy(m));
    fprintf(f, "macro-F1   %.6f\n", cli_metrics_macro_f1(m));
    fprintf(f, "ECE        %.6f\n", cli_metrics_ece(m));
    fprintf(f, "Brier      %.6f\n", cli_metrics_brier(m));

    size_t namew = strlen("gold\\pred");
    for (size_t i = 0; i < m->nlabels; i++) {
        const size_t w = name_width(label_name(m, i), NAME_CAP);
        namew = w > namew ? w : namew;
    }
    fputc('\n', f);
    put_name(f, "label", namew, NAME_CAP, 0);
    fprintf(f, "  %9s  %9s  %9s  %9s\n", "precision", "recall", "F1", "support");
    for (size_t i = 0; i < m->nlabels; i++) {
        double p, r, f1;
        unsigned long long s;
        cli_metrics_label(m, i, &p, &r, &f1, &s);
        put_name(f, label_name(m, i), namew, NAME_CAP, 0);
        fprintf(f, "  %9.6f  %9.6f  %9.6f  %9llu\n", p, r, f1, s);
    }
    if (m->nlabels <= CLI_METRICS_MATRIX_MAX)
        print_matrix(m, f, namew);
    else
        print_top_confusions(m, f);
}

/* ---- JSON ---- */

static int is_cont(const unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

/* Length of the valid UTF-8 sequence at s (NUL-terminated), 0 if invalid. */
static size_t utf8_len(const unsigned char *s)
{
    const unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return is_cont(s[1]) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        return s[1] >= lo && s[1] <= hi && is_cont(s[2]) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        const unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        return s[1] >= lo && s[1] <= hi && is_cont(s[2]) && is_cont(s[3]) ? 4 : 0;
    }
    return 0;
}

void cli_json_string(FILE *f, const char *s)
{
    fputc('"', f);
    const unsigned char *p = (const unsigned char *)s;
    while (*p != '\0') {
        const size_t len = utf8_len(p);
        if (len == 0) {
            fputs("\\ufffd", f);
            p++;
        } else if (*p == '"' || *p == '\\') {
            fputc('\\', f);
            fputc(*p++, f);
        } else if (*p < 0x20) {
            fprintf(f, "\\u%04x", (unsigned)*p++);
        } else {
            fwrite(p, 1, len, f);
            p += len;
        }
    }
    fputc('"', f);
}

/* %.6f of a finite value; anything undefined is 0, and no "-0.000000". */
static void put_real(FILE *f, double v)
{
    if (!isfinite(v) || (v < 0.0 && v > -5e-7))
        v = 0.0;
    fprintf(f, "%.6f", v + 0.0);
}

void cli_metrics_print_json(const struct cli_metrics *m, FILE *f)
{
    const size_t k = m->nlabels;
    fprintf(f, "{\"n\":%llu,\"unlabeled\":%llu,\"accuracy\":", (unsigned long long)m->n,
            (unsigned long long)m->unlabeled);
    put_real(f, cli_metrics_accuracy(m));
    fputs(",\"macro_f1\":", f);
    put_real(f, cli_metrics_macro_f1(m));
    fputs(",\"ece\":", f);
    put_real(f, cli_metrics_ece(m));
    fputs(",\"brier\":", f);
    put_real(f, cli_metrics_brier(m));
    fputs(",\"per_label\":{", f);
    for (size_t i = 0; i < k; i++) {
        double p, r, f1;
        unsigned long long s;
        cli_metrics_label(m, i, &p, &r, &f1, &s);
        if (i > 0)
            fputc(',', f);
        cli_json_string(f, label_name(m, i));
        fputs(":{\"precision\":", f);
        put_real(f, p);
        fputs(",\"recall\":", f);
        put_real(f, r);
        fputs(",\"f1\":", f);
        put_real(f, f1);
        fprintf(f, ",\"support\":%llu}", s);
    }
    fputs("},\"confusion\":{\"labels\":[", f);
    for (size_t i = 0; i < k; i++) {
        if (i > 0)
            fputc(',', f);
        cli_json_string(f, label_name(m, i));
    }
    fputs("],\"matrix\":[", f);
    for (size_t i = 0; i < k; i++) {
        fputs(i > 0 ? ",[" : "[", f);
        for (size_t j = 0; j < k; j++) {
            if (j > 0)
                fputc(',', f);
            fprintf(f, "%llu", (unsigned long long)m->confusion[i * k + j]);
        }
        fputc(']', f);
    }
    fputs("]}}\n", f);
}
