/* plaint.h - the public contract of the plaint library.
 *
 * plaint labels customer feedback written in Polish, Bulgarian and Greek.
 * Anything not declared in this header is not API.
 *
 * Objects
 *   plaint_ctx    per-thread working state: the word-break iterator, the
 *                 Greek stemmer, buffers and the stem cache. Results that a
 *                 call hands back (tokens, stems) are borrowed from the ctx
 *                 and stay valid until the next call on the same ctx.
 *   plaint_model  an immutable, shareable trained model (loaded from a
 *                 file or memory, or made by a trainer).
 *   plaint_trainer accumulates labeled texts and builds a model.
 *
 * Lifecycle: plaint_ctx_new -> any number of calls -> plaint_ctx_free.
 *
 * Thread safety:
 *   A `plaint_model` never changes after it is created and may be used by any
 *   number of threads at once. A `plaint_ctx` or `plaint_trainer` may be used
 *   by only one thread at a time; it may move between threads. The library
 *   has no global state and needs no global initialisation.
 *
 * Errors: every call that can fail returns a plaint_status. Calls take an
 * optional caller-owned plaint_error (NULL is allowed) that receives details:
 * the code, the source, the line, the byte offset and a message.
 *
 * Text: input text is always (pointer, length) UTF-8; no NUL terminator is
 * needed, NUL bytes are allowed, and the pointer is never kept after the call.
 */
#ifndef PLAINT_H
#define PLAINT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PLAINT_VERSION_MAJOR 0
#define PLAINT_VERSION_MINOR 1
#define PLAINT_VERSION_PATCH 0
#define PLAINT_VERSION_NUMBER \
    (PLAINT_VERSION_MAJOR * 10000 + PLAINT_VERSION_MINOR * 100 + PLAINT_VERSION_PATCH)
#define PLAINT_VERSION_STRING "0.1.0"

#if defined(PLAINT_BUILDING) && defined(__GNUC__)
#define PLAINT_API __attribute__((visibility("default")))
#else
#define PLAINT_API
#endif

/* Returns PLAINT_VERSION_NUMBER of the library actually linked, so a caller
 * can check that header and library match. Never fails. */
PLAINT_API int plaint_version_number(void);

/* Returns the library version as static text, e.g. "0.1.0". Never fails. */
PLAINT_API const char *plaint_version_string(void);

/* ------------------------------------------------------------------------ */
/* Status codes. Values are fixed forever; new codes are only appended.     */

#define PLAINT_STATUS_LIST(X)                                                \
    X(PLAINT_OK, 0, "success")                                               \
    X(PLAINT_E_NOMEM, 1, "out of memory")                                    \
    X(PLAINT_E_IO, 2, "input/output error")                                  \
    X(PLAINT_E_FORMAT, 3, "corrupt or truncated model data")                 \
    X(PLAINT_E_VERSION, 4, "model format is newer than this library")       \
    X(PLAINT_E_INPUT, 5, "invalid input")                                    \
    X(PLAINT_E_ARG, 6, "invalid argument")                                   \
    X(PLAINT_E_UNSUPPORTED, 7, "unsupported language or script")            \
    X(PLAINT_E_INTERNAL, 8, "internal error")

typedef enum plaint_status {
#define PLAINT_STATUS_ENUM_(name, value, text) name = value,
    PLAINT_STATUS_LIST(PLAINT_STATUS_ENUM_)
#undef PLAINT_STATUS_ENUM_
} plaint_status;

/* Returns static text describing a status ("out of memory"); an unknown
 * value gives "unknown status". Never fails; the text is never freed. */
PLAINT_API const char *plaint_strerror(plaint_status status);

/* Details of a failure, filled by any call given a non-NULL pointer to one.
 * Owned by the caller (on the stack is fine); the library never keeps it.
 * On success the record is left untouched. `source` names where the problem
 * is ("<text>", a path), `line` is 1-based (0 when not applicable), `offset`
 * is a byte offset into the input (or the line), and `msg` is one sentence
 * without a trailing newline. */
typedef struct plaint_error {
    plaint_status code;
    char source[256];
    uint64_t line;
    uint64_t offset;
    char msg[256];
} plaint_error;

/* ------------------------------------------------------------------------ */
/* Languages                                                                 */

typedef enum plaint_lang {
    PLAINT_LANG_AUTO = 0,  /* as an argument: detect the language by script */
    PLAINT_LANG_PL = 1,    /* Polish (Latin script) */
    PLAINT_LANG_BG = 2,    /* Bulgarian (Cyrillic script) */
    PLAINT_LANG_EL = 3,    /* Greek (Greek script) */
    PLAINT_LANG_NONE = 4,  /* as a result: the text has no letters */
    PLAINT_LANG_OTHER = 5  /* as a result: most letters are of another script */
} plaint_lang;

/* Returns "pl", "bg", "el", "auto", "none" or "other" (static text). */
PLAINT_API const char *plaint_lang_code(plaint_lang lang);

/* Parses "pl", "bg" or "el" (ISO 639-1; "pol", "bul", "ell"/"gre" and the
 * English names are accepted too) into *out. Returns PLAINT_E_ARG for
 * anything else, leaving *out unchanged. */
PLAINT_API plaint_status plaint_lang_parse(const char *code, plaint_lang *out);

/* Detects the language of a text by the script of the majority of its
 * letters: Cyrillic -> PLAINT_LANG_BG, Greek -> PLAINT_LANG_EL, Latin ->
 * PLAINT_LANG_PL unless character statistics show Greek typed in Latin
 * letters ("Greeklish": PLAINT_LANG_EL) or Latin-script Bulgarian
 * (PLAINT_LANG_BG); such texts are transliterated to their script before
 * tokenizing. A text without letters gives PLAINT_LANG_NONE; a text whose
 * letters are mostly of another script gives PLAINT_LANG_OTHER. Invalid
 * UTF-8 sequences are skipped. Ties go to pl, then bg, then el. Stateless and
 * thread-safe. Returns PLAINT_E_ARG only when out is NULL or utf8 is NULL
 * with len > 0. */
PLAINT_API plaint_status plaint_detect_lang(const char *utf8, size_t len, plaint_lang *out);

/* ------------------------------------------------------------------------ */
/* Context                                                                   */

typedef struct plaint_model plaint_model;
typedef struct plaint_ctx plaint_ctx;

/* Creates a per-thread context. `model` may be NULL for text processing
 * only (tokenize, stem). On success *out owns a new context, freed with
 * plaint_ctx_free. On failure *out is set to NULL and err is filled.
 * Errors: PLAINT_E_ARG (out is NULL), PLAINT_E_NOMEM, PLAINT_E_INTERNAL (ICU
 * or libstemmer could not be initialised). */
PLAINT_API plaint_status plaint_ctx_new(const plaint_model *model, plaint_ctx **out,
                                        plaint_error *err);

/* Frees a context and everything borrowed from it. NULL is a no-op. */
PLAINT_API void plaint_ctx_free(plaint_ctx *ctx);

/* ------------------------------------------------------------------------ */
/* Text pipeline: tokens and stems                                           */

/* Flags for plaint_tokenize and plaint_stem. */
#define PLAINT_TEXT_STEMS 0x1u           /* fill plaint_token.stem */
#define PLAINT_TEXT_REPLACE_INVALID 0x2u /* replace each invalid UTF-8 sequence
                                          * with U+FFFD and count it, instead
                                          * of failing with PLAINT_E_INPUT */

typedef enum plaint_token_kind {
    PLAINT_TOKEN_WORD = 1,   /* letters (may contain digits, ' . @ inside) */
    PLAINT_TOKEN_NUMBER = 2, /* digits, with inner , or . (12,5 or 3.14) */
    PLAINT_TOKEN_EMOJI = 3,  /* one emoji; modifiers and selectors dropped */
    PLAINT_TOKEN_MARK = 4,   /* a run of ! and ?: "!", "!!", "?", "??", "?!" */
    PLAINT_TOKEN_URL = 5,    /* a URL, as the text "<url>" */
    PLAINT_TOKEN_EMAIL = 6   /* an e-mail address, as the text "<email>" */
} plaint_token_kind;

/* One token. `text` is the normalized form (NFKC_Casefold, typographic
 * apostrophe U+2019 as '), `stem` its stem (equal to text for tokens that
 * are not words, and when stems were not asked for). Strings are not
 * NUL-terminated and are borrowed from the ctx until its next call. */
typedef struct plaint_token {
    const char *text;
    size_t len;
    const char *stem;
    size_t stem_len;
    plaint_token_kind kind;
} plaint_token;

/* The tokens of one text. `lang` is the language used for stemming: the one
 * asked for, or the detected one (then possibly PLAINT_LANG_NONE or
 * PLAINT_LANG_OTHER, in which case words are not stemmed). `replaced` counts
 * the invalid UTF-8 sequences replaced by U+FFFD. */
typedef struct plaint_tokens {
    const plaint_token *tokens;
    size_t count;
    plaint_lang lang;
    size_t replaced;
} plaint_tokens;

/* Splits a text into normalized tokens with ICU's word-break rules and, with
 * PLAINT_TEXT_STEMS, stems them with the stemmer of `lang` (or of the
 * detected language when lang is PLAINT_LANG_AUTO). What is kept: words,
 * numbers, emoji, runs of ! and ?, URLs and e-mail addresses (as
 * placeholders). Hyphenated words become separate words. Everything else
 * (spaces, other punctuation, symbols) is dropped.
 * Without PLAINT_TEXT_REPLACE_INVALID, invalid UTF-8 fails with PLAINT_E_INPUT
 * and err->offset is the byte offset of the first bad byte.
 * The result in *out is borrowed from ctx until its next call.
 * Errors: PLAINT_E_ARG, PLAINT_E_INPUT, PLAINT_E_NOMEM, PLAINT_E_INTERNAL. */
PLAINT_API plaint_status plaint_tokenize(plaint_ctx *ctx, const char *utf8, size_t len,
                                         plaint_lang lang, unsigned flags, plaint_tokens *out,
                                         plaint_error *err);

/* Normalizes one word the way the pipeline does (NFKC_Casefold) and stems it
 * with the stemmer of `lang` (PL, BG or EL; AUTO picks it from the word's
 * script, and a word without letters is returned normalized, unstemmed).
 * The whole input is treated as one word. *stem and *stem_len receive the
 * result, borrowed from ctx until its next call. Only
 * PLAINT_TEXT_REPLACE_INVALID is meaningful in flags.
 * Errors: PLAINT_E_ARG, PLAINT_E_INPUT (invalid UTF-8), PLAINT_E_NOMEM. */
PLAINT_API plaint_status plaint_stem(plaint_ctx *ctx, plaint_lang lang, const char *word,
                                     size_t len, unsigned flags, const char **stem,
                                     size_t *stem_len, plaint_error *err);

/* Identity of the stemmer used for a language, e.g. "pl:snowball-polish-3.1/1"
 * or "el:libstemmer-greek+strip-marks/1"; NULL for a language without a stemmer.
 * Static text. */
PLAINT_API const char *plaint_stemmer_id(plaint_lang lang);


/* ------------------------------------------------------------------------ */
/* Training options                                                          */

typedef enum plaint_algorithm {
    PLAINT_ALGO_MULTINOMIAL = 0, /* multinomial naive Bayes, binary features */
    PLAINT_ALGO_COMPLEMENT = 1   /* complement naive Bayes (Rennie et al. 2003) */
} plaint_algorithm;

/* What a model learns from. Initialise with plaint_options_default, then
 * change fields; the defaults are chosen by measurement (see README). */
typedef struct plaint_options {
    plaint_algorithm algorithm;
    double alpha;              /* additive smoothing, > 0 */
    int idf;                   /* weight counts by inverse document frequency */
    unsigned min_count;        /* ignore features in fewer training documents */
    int bigrams;               /* stem bigrams as features */
    int negation;              /* "~stem" features in a negation's scope */
    unsigned negation_scope;   /* tokens after a negator that it covers */
    unsigned calibration_sample; /* S: per language, the temperature and the
                                  * calibration curve are fitted on the S
                                  * training texts with the smallest content
                                  * hashes, each scored by the model without
                                  * it (leave-one-out); 0: no calibration */
    int mergeable;             /* keep the calibration sample in the model, so
                                * that plaint_model_merge and
                                * plaint_trainer_update accept it (the model is
                                * otherwise the same) */
} plaint_options;

/* Fills *opts with the defaults. Never fails. */
PLAINT_API void plaint_options_default(plaint_options *opts);

/* ------------------------------------------------------------------------ */
/* Trainer                                                                   */

typedef struct plaint_trainer plaint_trainer;

/* Creates a trainer (opts may be NULL for the defaults). On failure *out is
 * NULL. Errors: PLAINT_E_ARG (out NULL or an option out of range),
 * PLAINT_E_NOMEM, PLAINT_E_INTERNAL. */
PLAINT_API plaint_status plaint_trainer_new(const plaint_options *opts, plaint_trainer **out,
                                            plaint_error *err);

/* Adds one labeled text. The label is any non-empty UTF-8 string without
 * tab or newline; lang is PLAINT_LANG_AUTO or an explicit language. flags:
 * PLAINT_TEXT_REPLACE_INVALID. Both strings are copied or consumed before
 * the call returns. Errors: PLAINT_E_ARG, PLAINT_E_INPUT (invalid UTF-8, bad
 * label), PLAINT_E_UNSUPPORTED (the text has no letters of a supported
 * script: err->msg says which), PLAINT_E_NOMEM. A failed add leaves the
 * trainer as it was. */
PLAINT_API plaint_status plaint_trainer_add(plaint_trainer *t, const char *label,
                                            size_t label_len, const char *text, size_t len,
                                            plaint_lang lang, unsigned flags, plaint_error *err);

/* Builds a model from everything added (the trainer stays usable and may
 * take more texts and finish again). The result is deterministic: it does
 * not depend on the order the texts were added in. *out owns a new model,
 * freed with plaint_model_free; on failure *out is NULL. Errors: PLAINT_E_ARG,
 * PLAINT_E_INPUT (no texts, or fewer than 2 labels), PLAINT_E_NOMEM. */
PLAINT_API plaint_status plaint_trainer_finish(plaint_trainer *t, plaint_model **out,
                                               plaint_error *err);

/* Builds a model from `base` plus everything added to t: the same model as
 * plaint_model_merge of base and what plaint_trainer_finish would give, so
 * updating a model trained on A with texts B gives exactly the model
 * trained on A and B at once. Unlike plaint_trainer_finish, the texts added
 * may all have one label, or there may be none (the result is then base's
 * equal). base must be mergeable and t created with base's options (see
 * plaint_model_info_get), and both made by the same text pipeline. base is
 * only read; t stays usable. *out owns a new mergeable model, freed with
 * plaint_model_free; on failure *out is NULL. Errors: PLAINT_E_ARG (a NULL
 * argument; base not mergeable, other options or identities: err->msg says
 * which), PLAINT_E_INPUT (counts would overflow), PLAINT_E_NOMEM. */
PLAINT_API plaint_status plaint_trainer_update(plaint_trainer *t, const plaint_model *base,
                                               plaint_model **out, plaint_error *err);

/* Frees a trainer. NULL is a no-op. */
PLAINT_API void plaint_trainer_free(plaint_trainer *t);

/* ------------------------------------------------------------------------ */
/* Models                                                                    */

/* Loads a model file (format: src/model_format.md). Everything is checked
 * before use: a truncated, corrupted or foreign file gives PLAINT_E_FORMAT,
 * a newer format PLAINT_E_VERSION, an unreadable file PLAINT_E_IO. On
 * failure *out is NULL. */
PLAINT_API plaint_status plaint_model_load(const char *path, plaint_model **out,
                                           plaint_error *err);

/* As plaint_model_load, from size bytes in memory (copied: the caller may
 * free data afterwards). */
PLAINT_API plaint_status plaint_model_load_mem(const void *data, size_t size,
                                               plaint_model **out, plaint_error *err);

/* Loads the default model built into the library (trained from plaint's
 * own complaint corpora: labels unrealistic_expectation, genuine_fault,
 * misuse, dishonesty). Errors: PLAINT_E_ARG (out NULL), PLAINT_E_UNSUPPORTED
 * (this build has no default model), PLAINT_E_NOMEM. */
PLAINT_API plaint_status plaint_model_load_default(plaint_model **out, plaint_error *err);

/* Writes a model file, atomically (a temporary file renamed over path).
 * Errors: PLAINT_E_ARG, PLAINT_E_IO, PLAINT_E_NOMEM. */
PLAINT_API plaint_status plaint_model_save(const plaint_model *model, const char *path,
                                           plaint_error *err);

/* Merges n >= 1 mergeable models (trained with plaint_options.mergeable)
 * into one: its labels are the sorted union of theirs; per language, the
 * counts, documents and statistics are summed, the calibration samples
 * merged, and the calibration refitted on them. Training on corpora A, B, C
 * and merging the three models gives exactly (byte for byte once saved) the
 * model trained on A, B and C at once, in any order of models[]; merging
 * one model gives that model. Every model must have been trained with the
 * same options and the same stemmer, tokenizer and feature identities.
 * The models are only read (each may be in use by other threads); *out owns
 * a new mergeable model, freed with plaint_model_free; on failure *out is
 * NULL. Errors: PLAINT_E_ARG (n == 0 or a NULL pointer; a model that is not
 * mergeable or differs from models[0] in an option or identity: err->msg
 * says which, and err->line is the 1-based index of that model),
 * PLAINT_E_INPUT (a count would overflow), PLAINT_E_NOMEM. */
PLAINT_API plaint_status plaint_model_merge(const plaint_model *const *models, size_t n,
                                            plaint_model **out, plaint_error *err);

/* Frees a model. NULL is a no-op. No ctx made from it may be used after. */
PLAINT_API void plaint_model_free(plaint_model *model);

/* Number of labels, and the name of label i (sorted by bytes; borrowed from
 * the model; NULL when i is out of range). */
PLAINT_API size_t plaint_model_label_count(const plaint_model *model);
PLAINT_API const char *plaint_model_label(const plaint_model *model, size_t i);

/* Whether the model has a sub-model for lang (1) or not (0). */
PLAINT_API int plaint_model_has_lang(const plaint_model *model, plaint_lang lang);

/* What a model is and how it was made. Strings are borrowed from the model
 * (or static). */
typedef struct plaint_model_info {
    unsigned format_version;       /* of the file it was loaded from; 0: built in memory */
    plaint_options options;        /* what it was trained with (calibration_sample
                                    * 0 also for files that predate it) */
    uint64_t texts;                /* texts it was trained on */
    uint64_t skipped;              /* texts the trainer was given but could not use */
    const char *stemmer_id[3];     /* pl, bg, el stemmers at training time */
    const char *tokenizer_id;      /* tokenizer at training time */
    const char *features_id;       /* feature hashing at training time */
    int compatible;                /* 1: every identity equals this library's; 0: the
                                    * model was trained by a different pipeline and
                                    * its features may not match (retrain it) */
    int mergeable;                 /* 1: it keeps its calibration samples, so
                                    * plaint_model_merge and plaint_trainer_update
                                    * accept it (options.mergeable is the same) */
} plaint_model_info;

/* Fills *out. Errors: PLAINT_E_ARG (a NULL argument). */
PLAINT_API plaint_status plaint_model_info_get(const plaint_model *model,
                                               plaint_model_info *out, plaint_error *err);

/* One language's sub-model. label_documents has plaint_model_label_count
 * entries, in label order, borrowed from the model. */
typedef struct plaint_lang_info {
    uint64_t documents;
    const uint64_t *label_documents;
    uint64_t features;             /* distinct features stored */
    double temperature;            /* calibration: probs = softmax(score / T) */
    unsigned calibration_knots;    /* knots of the chosen label's calibration curve
                                    * (0: none, too few training texts) */
} plaint_lang_info;

/* Fills *out for lang. Errors: PLAINT_E_ARG (a NULL argument, or the model
 * has no sub-model for lang). */
PLAINT_API plaint_status plaint_model_lang_info(const plaint_model *model, plaint_lang lang,
                                                plaint_lang_info *out, plaint_error *err);

/* ------------------------------------------------------------------------ */
/* Labeling                                                                  */

/* One feature of an explanation: its text ("stem", "stem stem" for a
 * bigram, "~stem" for a negated one) and how much it pushed toward the
 * chosen label (in log-odds against the mean of the others). */
typedef struct plaint_explain {
    const char *feature;
    size_t len;
    double weight;
} plaint_explain;

/* The result of labeling one text. label points into the model; probs
 * (one per model label, in plaint_model_label order) and explain point into
 * the ctx until its next call. */
typedef struct plaint_result {
    const char *label;
    size_t label_index;
    double confidence; /* calibrated probability of label */
    plaint_lang lang;  /* the language (sub-model) used */
    const double *probs;
    size_t nlabels;
    const plaint_explain *explain;
    size_t nexplain;
} plaint_result;

/* Labels one text with the model the ctx was created from, by the
 * sub-model of its language (detected by script). explain_k > 0 asks for up
 * to that many features in out->explain. flags: PLAINT_TEXT_REPLACE_INVALID.
 * Errors: PLAINT_E_ARG (no model in ctx), PLAINT_E_INPUT (invalid UTF-8),
 * PLAINT_E_UNSUPPORTED (no letters, another script, or a language the model
 * has no sub-model for; err->msg says which), PLAINT_E_NOMEM. */
PLAINT_API plaint_status plaint_label(plaint_ctx *ctx, const char *text, size_t len,
                                      unsigned flags, size_t explain_k, plaint_result *out,
                                      plaint_error *err);

/* Labels n texts with the ctx's model, each as plaint_label would (flags
 * likewise): for text i, label_index[i] and confidence[i] receive its result
 * and status[i] its status. A text that cannot be labeled (PLAINT_E_INPUT,
 * PLAINT_E_UNSUPPORTED) gets label_index SIZE_MAX and confidence 0, and the
 * batch goes on. The three arrays are caller-owned and n long; texts[i] is
 * lens[i] bytes. Returns PLAINT_OK when every text got its status, or the
 * error that stopped the batch (PLAINT_E_ARG, PLAINT_E_NOMEM) with err
 * filled; the entries before the one that stopped it are valid. */
PLAINT_API plaint_status plaint_label_batch(plaint_ctx *ctx, const char *const *texts,
                                            const size_t *lens, size_t n, unsigned flags,
                                            size_t *label_index, double *confidence,
                                            plaint_status *status, plaint_error *err);

#ifdef __cplusplus
}
#endif

#endif /* PLAINT_H */
