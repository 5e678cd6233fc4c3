/* cli_metrics.h - evaluation metrics for `plaint eval` and `plaint cv`:
 * accuracy, per-label precision/recall/F1, macro-F1, expected calibration
 * error, Brier score and the confusion matrix, as a text report or JSON.
 *
 * Records are either labeled (a gold and a predicted label index) or
 * unlabeled (the classifier gave no label; only the gold index is known).
 * Definitions used throughout:
 *   n          all records, labeled and unlabeled;
 *   accuracy   correct predictions / n (an unlabeled record is wrong);
 *   support    records whose gold label is k, unlabeled ones included, so an
 *              unlabeled record is a miss for the recall of its gold label;
 *   precision  correct predictions of k / predictions of k (0 if none);
 *   recall     correct predictions of k / support of k (0 if none);
 *   F1         2PR / (P + R), 0 when P + R = 0.
 * ECE and Brier need a prediction, so they are means over the labeled
 * records only (0 when there are none). Every metric is a finite number:
 * an undefined value is reported as 0, never NaN or infinity.
 *
 * An object is used by one thread at a time. Counts are 64-bit; the
 * confusion matrix takes nlabels^2 * 8 bytes. */
#ifndef PLAINT_CLI_METRICS_H
#define PLAINT_CLI_METRICS_H

#include <stddef.h>
#include <stdio.h>

struct cli_metrics;

/* Creates an empty accumulator for nlabels >= 1 labels. names[i] is the
 * name of label i (UTF-8, NUL-terminated); the array and the strings are
 * borrowed and must outlive the object. Returns NULL when nlabels is 0 or
 * memory runs out. */
struct cli_metrics *cli_metrics_new(size_t nlabels, const char *const *names);

/* Releases m; NULL is a no-op. */
void cli_metrics_free(struct cli_metrics *m);

/* Adds one labeled record. gold and pred are label indexes < nlabels (a
 * record with an index out of range is a programming error and is ignored).
 * confidence is the probability of pred, in [0,1] (clamped; NaN counts as 0).
 * probs holds the probability of each of the nlabels labels, or is NULL when
 * only the confidence is known: the Brier score then assumes `confidence`
 * on pred and (1 - confidence) / (nlabels - 1) on every other label. probs
 * is read during the call only. */
void cli_metrics_add(struct cli_metrics *m, size_t gold, size_t pred, double confidence,
                     const double *probs);

/* Adds a record that could not be labeled: wrong for accuracy, a miss for
 * the recall of its gold label, counted as "unlabeled". Out-of-range gold
 * is ignored as in cli_metrics_add. */
void cli_metrics_add_unlabeled(struct cli_metrics *m, size_t gold);

/* Adds every count of b to a (cross-validation folds). Both must have the
 * same nlabels; otherwise a is left unchanged. */
void cli_metrics_merge(struct cli_metrics *a, const struct cli_metrics *b);

/* Number of records added (labeled + unlabeled), and of unlabeled ones. */
unsigned long long cli_metrics_count(const struct cli_metrics *m);
unsigned long long cli_metrics_unlabeled(const struct cli_metrics *m);

/* Correct predictions / n; 0 when n = 0. */
double cli_metrics_accuracy(const struct cli_metrics *m);

/* Per-label scores as defined above; label must be < nlabels (else all 0).
 * Any output pointer may be NULL. */
void cli_metrics_label(const struct cli_metrics *m, size_t label, double *precision,
                       double *recall, double *f1, unsigned long long *support);

/* Mean F1 over the labels present in the gold labels or the predictions
 * (scikit-learn's convention: support > 0 or predicted at least once);
 * labels absent from both are left out. 0 when there are no records. */
double cli_metrics_macro_f1(const struct cli_metrics *m);

/* Expected calibration error (Guo et al. 2017) of the predicted label's
 * confidence: 15 equal-width bins, bin b holding confidences in
 * (b/15, (b+1)/15] (0 goes to the first bin); the sum over bins of
 * |bin| / n_labeled * |accuracy(bin) - mean confidence(bin)|. */
double cli_metrics_ece(const struct cli_metrics *m);

/* Multi-class Brier score: the mean over labeled records of
 * sum over labels k of (p_k - y_k)^2, y the one-hot gold label (0..2). */
double cli_metrics_brier(const struct cli_metrics *m);

/* Writes the human report to f: the summary (n, unlabeled, accuracy,
 * macro-F1, ECE, Brier), a per-label table (precision, recall, F1, support)
 * and the confusion matrix (rows gold, columns predicted, plus an
 * "unlabeled" column when there are unlabeled records). With more than
 * CLI_METRICS_MATRIX_MAX labels the matrix would be unreadable, so the most
 * frequent confusions are listed instead (the JSON has the full matrix).
 * Control characters in names are shown as '?'. Write errors are left in
 * ferror(f). */
#define CLI_METRICS_MATRIX_MAX 40
void cli_metrics_print(const struct cli_metrics *m, FILE *f);

/* Writes one JSON object and a newline to f:
 *   {"n":N,"unlabeled":U,"accuracy":A,"macro_f1":F,"ece":E,"brier":B,
 *    "per_label":{"NAME":{"precision":P,"recall":R,"f1":F,"support":S},...},
 *    "confusion":{"labels":["NAME",...],"matrix":[[C,...],...]}}
 * without any whitespace, labels in index order, matrix rows gold and
 * columns predicted (unlabeled records appear only in "unlabeled" and in
 * "support"). Reals use %.6f, counts are integers. Names are escaped: \" \\
 * and control characters as \u00XX; valid UTF-8 is copied, invalid bytes
 * become \ufffd. Duplicate names give duplicate keys in "per_label". Write
 * errors are left in ferror(f). */
void cli_metrics_print_json(const struct cli_metrics *m, FILE *f);

/* Writes s as a JSON string (quoted, escaped). */
void cli_json_string(FILE *f, const char *s);

#endif
