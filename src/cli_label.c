/* cli_label.c - `plaint label`: label archives of texts, streaming, on all
 * cores, one output record per input record, in input order.
 *
 * Data flow. The main thread reads records (lines) from the inputs into
 * chunks (about CHUNK_BYTES of input each) and writes finished chunks out in
 * order; worker threads, each with its own plaint_ctx, label whole chunks.
 * Chunks live in a ring of 2 * threads + 2 slots: chunk number s uses slot
 * s % nslots, so at most that many chunks are in memory at once, whatever
 * the size of the input (a line longer than CHUNK_BYTES makes a chunk of one
 * record, and its buffers are released after it is written). Everything a
 * chunk produces - output bytes, per-label and per-problem counts, messages
 * for stderr - is kept in the chunk and emitted by the main thread in chunk
 * order, so the output (and stderr) does not depend on the thread count.
 * With one thread, the main thread labels each chunk itself. */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>
#include <zlib.h>

#include "cli.h"

#define CHUNK_BYTES (256u << 10)
#define CHUNK_RECORDS 4096u
#define CHUNK_KEEP (4u << 20)  /* buffers above this are freed after use */
#define MSG_PER_CHUNK 10u      /* problem messages kept per chunk */
#define MSG_MAX 10u            /* problem messages printed in all */
#define EXIT_FATAL 3           /* an I/O or model error: the job stopped */

enum format { FMT_TEXT, FMT_TSV, FMT_JSONL };

/* Why a record was not labeled. */
enum problem {
    P_NONE,
    P_EMPTY,        /* empty, or only spaces */
    P_UNSUPPORTED,  /* no letters, another script, or a language the model lacks */
    P_INVALID_UTF8,
    P_INVALID_JSON, /* not JSON, or not an object */
    P_NO_TEXT,      /* no such column / field, or the field is not a string */
    NPROBLEMS
};
static const char *const problem_name[NPROBLEMS] = {"", "empty", "unsupported", "invalid_utf8",
                                                    "invalid_json", "no_text"};

struct buf {
    char *p;
    size_t len, cap;
};

static int buf_reserve(struct buf *b, size_t extra)
{
    if (b->len + extra <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + extra)
        cap *= 2;
    char *const p = realloc(b->p, cap);
    if (p == NULL)
        return -1;
    b->p = p;
    b->cap = cap;
    return 0;
}

/* Appending never fails silently: a failed allocation sets *oom. */
static void put(struct buf *b, const char *s, size_t n, int *oom)
{
    if (n == 0)
        return; /* b->p may still be NULL */
    if (buf_reserve(b, n) != 0) {
        *oom = 1;
        return;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

static void puts_(struct buf *b, const char *s, int *oom) { put(b, s, strlen(s), oom); }

static void putc_(struct buf *b, char c, int *oom) { put(b, &c, 1, oom); }

/* A probability with 4 decimals (no printf on the hot path). */
static void put_prob(struct buf *b, double p, int *oom)
{
    if (!(p >= 0))
        p = 0;
    if (p > 1)
        p = 1;
    const unsigned v = (unsigned)(p * 10000.0 + 0.5);
    char s[6] = {(char)('0' + v / 10000), '.', (char)('0' + v / 1000 % 10),
                 (char)('0' + v / 100 % 10), (char)('0' + v / 10 % 10), (char)('0' + v % 10)};
    put(b, s, sizeof s, oom);
}

static void put_fmt(struct buf *b, int *oom, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static void put_fmt(struct buf *b, int *oom, const char *fmt, ...)
{
    char s[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(s, sizeof s, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    put(b, s, (size_t)n < sizeof s ? (size_t)n : sizeof s - 1, oom);
}

static size_t utf8_check(const char *s, size_t len);

/* A JSON string literal of s (quotes included); an invalid UTF-8 byte (in a
 * parser's message quoting a cut piece of the input, say) becomes U+FFFD, so
 * the output is always valid JSON. */
static void put_json_str(struct buf *b, const char *s, size_t n, int *oom)
{
    size_t bad = utf8_check(s, n);
    if (bad < n) {
        putc_(b, '"', oom);
        size_t i = 0;
        while (i < n) {
            bad = i + utf8_check(s + i, n - i);
            if (bad > i) {
                /* the valid run, escaped, without its quotes */
                const size_t start = b->len;
                put_json_str(b, s + i, bad - i, oom);
                if (!*oom) {
                    memmove(b->p + start, b->p + start + 1, b->len - start - 2);
                    b->len -= 2;
                }
            }
            if (bad < n)
                puts_(b, "\\ufffd", oom);
            i = bad + 1;
        }
        putc_(b, '"', oom);
        return;
    }
    static const char hex[] = "0123456789abcdef";
    putc_(b, '"', oom);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        const unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        put(b, s + run, i - run, oom);
        run = i + 1;
        char e[6] = {'\\', 0, 0, 0, 0, 0};
        size_t en = 2;
        switch (c) {
        case '"': e[1] = '"'; break;
        case '\\': e[1] = '\\'; break;
        case '\n': e[1] = 'n'; break;
        case '\r': e[1] = 'r'; break;
        case '\t': e[1] = 't'; break;
        default:
            e[1] = 'u';
            e[2] = '0';
            e[3] = '0';
            e[4] = hex[c >> 4];
            e[5] = hex[c & 15];
            en = 6;
        }
        put(b, e, en, oom);
    }
    put(b, s + run, n - run, oom);
    putc_(b, '"', oom);
}

/* Offset of the first invalid UTF-8 byte, or len when s is valid. */
static size_t utf8_check(const char *s, size_t len)
{
    const unsigned char *const u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        const unsigned c = u[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        unsigned lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF)
            n = 1;
        else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            if (c == 0xE0)
                lo = 0xA0;
            if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            if (c == 0xF0)
                lo = 0x90;
            if (c == 0xF4)
                hi = 0x8F;
        } else
            return i;
        if (i + n >= len)
            return i; /* truncated sequence */
        if (u[i + 1] < lo || u[i + 1] > hi)
            return i;
        for (size_t k = 2; k <= n; k++)
            if ((u[i + k] & 0xC0) != 0x80)
                return i;
        i += n + 1;
    }
    return len;
}

/* ---------------------------------------------------------------------- */
/* Chunks and the job                                                      */

struct record {
    size_t off, len;   /* the line in chunk->in */
    uint64_t line;     /* 1-based line number in its input */
    uint32_t input;    /* index into job->names */
    uint32_t col;      /* tsv: 0-based text column; UINT32_MAX: header line */
};

struct chunk {
    struct buf in, out, msg;
    struct record *recs;
    size_t nrecs, reccap;
    uint64_t bytes;        /* input bytes, for the summary */
    uint64_t *per_label;   /* job->nlabels counts */
    uint64_t problems[NPROBLEMS];
    uint64_t replaced;     /* labeled after replacing invalid UTF-8 */
    unsigned nmsg;
    const struct record *cur; /* the record being labeled */
    int oom;
    int done;
};

struct job {
    const plaint_model *model;
    enum format format;
    const char *text_field;
    size_t text_field_len;
    long text_col;          /* 1-based; 0 when given by name */
    const char *text_col_name;
    int header;
    int scores;
    size_t explain;
    int replace_invalid;
    char **names;           /* input names, as messages give them */
    size_t nlabels;
    const char **labels;

    pthread_mutex_t mu;
    pthread_cond_t work, done;
    struct chunk *slots;
    size_t nslots;
    uint64_t next_fill, next_work, next_write;
    int input_done, stop;
};

static void chunk_reset(struct chunk *c, size_t nlabels)
{
    c->in.len = c->out.len = c->msg.len = 0;
    c->nrecs = 0;
    c->bytes = 0;
    memset(c->per_label, 0, nlabels * sizeof *c->per_label);
    memset(c->problems, 0, sizeof c->problems);
    c->replaced = 0;
    c->nmsg = 0;
    c->oom = 0;
    c->done = 0;
}

static void buf_trim(struct buf *b)
{
    if (b->cap > CHUNK_KEEP) {
        free(b->p);
        memset(b, 0, sizeof *b);
    }
}

static void chunk_free(struct chunk *c)
{
    free(c->in.p);
    free(c->out.p);
    free(c->msg.p);
    free(c->recs);
    free(c->per_label);
}

/* ---------------------------------------------------------------------- */
/* Labeling one record (worker side)                                       */

struct worker {
    struct job *job;
    plaint_ctx *ctx;
    pthread_t tid;
};

static void note_problem(const struct job *j, struct chunk *c, const struct record *r,
                         enum problem p, const char *detail)
{
    c->problems[p]++;
    if (c->nmsg < MSG_PER_CHUNK) {
        put_fmt(&c->msg, &c->oom, "plaint: %s:%llu: %s: %s\n", j->names[r->input],
                (unsigned long long)r->line, problem_name[p], detail);
        c->nmsg++;
    }
}

/* Labels text; returns P_NONE with *res filled, or the problem (detail in
 * *why, valid until the next call). */
static enum problem label_text(struct worker *w, struct chunk *c, const char *text, size_t len,
                               plaint_result *res, char *why, size_t whysz)
{
    const struct job *const j = w->job;
    size_t k = 0;
    while (k < len && (text[k] == ' ' || text[k] == '\t'))
        k++;
    if (k == len) {
        snprintf(why, whysz, "no text");
        return P_EMPTY;
    }
    plaint_error err;
    plaint_status st = plaint_label(w->ctx, text, len, 0, j->explain, res, &err);
    if (st == PLAINT_E_INPUT) {
        if (!j->replace_invalid) {
            snprintf(why, whysz, "invalid UTF-8 at byte %llu", (unsigned long long)err.offset);
            return P_INVALID_UTF8;
        }
        c->replaced++;
        if (c->nmsg < MSG_PER_CHUNK) {
            put_fmt(&c->msg, &c->oom, "plaint: %s:%llu: invalid UTF-8 at byte %llu, replaced "
                    "with U+FFFD\n", j->names[c->cur->input], (unsigned long long)c->cur->line,
                    (unsigned long long)err.offset);
            c->nmsg++;
        }
        st = plaint_label(w->ctx, text, len, PLAINT_TEXT_REPLACE_INVALID, j->explain, res, &err);
    }
    if (st == PLAINT_E_UNSUPPORTED) {
        snprintf(why, whysz, "%s", err.msg);
        return P_UNSUPPORTED;
    }
    if (st == PLAINT_E_NOMEM) {
        c->oom = 1;
        snprintf(why, whysz, "out of memory");
        return P_UNSUPPORTED;
    }
    if (st != PLAINT_OK) {
        snprintf(why, whysz, "%s", err.msg);
        return P_UNSUPPORTED;
    }
    return P_NONE;
}

/* text and tsv: the added columns (after a tab) */
static void put_columns(const struct job *j, struct chunk *c, const plaint_result *r,
                        enum problem p, const char *why)
{
    struct buf *const o = &c->out;
    if (p == P_NONE) {
        puts_(o, r->label, &c->oom);
        putc_(o, '\t', &c->oom);
        put_prob(o, r->confidence, &c->oom);
        if (j->scores)
            for (size_t l = 0; l < j->nlabels; l++) {
                putc_(o, '\t', &c->oom);
                put_prob(o, l < r->nlabels ? r->probs[l] : 0, &c->oom);
            }
        if (j->explain > 0) {
            putc_(o, '\t', &c->oom);
            for (size_t i = 0; i < r->nexplain; i++) {
                if (i > 0)
                    puts_(o, "; ", &c->oom);
                put(o, r->explain[i].feature, r->explain[i].len, &c->oom);
                put_fmt(o, &c->oom, "=%.3f", r->explain[i].weight);
            }
        }
        putc_(o, '\n', &c->oom);
        return;
    }
    puts_(o, "\t0.0000", &c->oom);
    if (j->scores)
        for (size_t l = 0; l < j->nlabels; l++)
            putc_(o, '\t', &c->oom);
    if (j->explain > 0)
        putc_(o, '\t', &c->oom);
    putc_(o, '\t', &c->oom);
    puts_(o, problem_name[p], &c->oom);
    puts_(o, ": ", &c->oom);
    /* the detail must not break the line into columns */
    for (const char *s = why; *s; s++)
        putc_(o, (*s == '\t' || *s == '\n' || *s == '\r') ? ' ' : *s, &c->oom);
    putc_(o, '\n', &c->oom);
}

static void do_text(struct worker *w, struct chunk *c, const struct record *rec)
{
    const struct job *const j = w->job;
    const char *const line = c->in.p + rec->off;
    plaint_result r;
    char why[256];
    const enum problem p = label_text(w, c, line, rec->len, &r, why, sizeof why);
    if (p != P_NONE)
        note_problem(j, c, rec, p, why);
    else
        c->per_label[r.label_index]++;
    put_columns(j, c, &r, p, why);
}

static void header_columns(const struct job *j, struct buf *o, int *oom)
{
    puts_(o, "\tlabel\tconfidence", oom);
    if (j->scores)
        for (size_t l = 0; l < j->nlabels; l++) {
            puts_(o, "\tscore_", oom);
            puts_(o, j->labels[l], oom);
        }
    if (j->explain > 0)
        puts_(o, "\texplain", oom);
    putc_(o, '\n', oom);
}

static void do_tsv(struct worker *w, struct chunk *c, const struct record *rec)
{
    const struct job *const j = w->job;
    const char *const line = c->in.p + rec->off;
    if (rec->col == UINT32_MAX) { /* the header of the first input */
        put(&c->out, line, rec->len, &c->oom);
        header_columns(j, &c->out, &c->oom);
        return;
    }
    /* find column rec->col */
    const char *s = line, *const end = line + rec->len;
    uint32_t col = 0;
    while (col < rec->col) {
        const char *const tab = memchr(s, '\t', (size_t)(end - s));
        if (tab == NULL)
            break;
        s = tab + 1;
        col++;
    }
    plaint_result r;
    char why[256];
    enum problem p;
    if (col < rec->col) {
        snprintf(why, sizeof why, "the line has %u column%s, the text is in column %u", col + 1,
                 col ? "s" : "", rec->col + 1);
        p = P_NO_TEXT;
    } else {
        const char *const tab = memchr(s, '\t', (size_t)(end - s));
        const size_t n = tab ? (size_t)(tab - s) : (size_t)(end - s);
        p = label_text(w, c, s, n, &r, why, sizeof why);
    }
    if (p != P_NONE)
        note_problem(j, c, rec, p, why);
    else
        c->per_label[r.label_index]++;
    put(&c->out, line, rec->len, &c->oom);
    putc_(&c->out, '\t', &c->oom);
    put_columns(j, c, &r, p, why);
}

static int reserved_key(const char *k)
{
    return strcmp(k, "label") == 0 || strcmp(k, "confidence") == 0 ||
           strcmp(k, "scores") == 0 || strcmp(k, "explain") == 0 || strcmp(k, "error") == 0;
}

/* jsonl: the input object with label, confidence (and scores, explain) or
 * error added. The other fields are the input's own bytes; only when the
 * input already has one of the added keys is the object re-serialized
 * without them. */
static void do_jsonl(struct worker *w, struct chunk *c, const struct record *rec)
{
    const struct job *const j = w->job;
    struct buf *const o = &c->out;
    const char *const line = c->in.p + rec->off;
    const size_t len = rec->len;
    char why[256];
    const size_t bad = utf8_check(line, len);
    json_t *obj = NULL;
    enum problem p = P_NONE;
    if (bad < len) {
        snprintf(why, sizeof why, "invalid UTF-8 at byte %zu", bad);
        p = P_INVALID_UTF8;
    } else {
        size_t k = 0;
        while (k < len && (line[k] == ' ' || line[k] == '\t'))
            k++;
        if (k == len) {
            snprintf(why, sizeof why, "empty line");
            p = P_EMPTY;
        } else {
            json_error_t e;
            obj = json_loadb(line, len, JSON_ALLOW_NUL, &e);
            if (obj == NULL) {
                snprintf(why, sizeof why, "%s at column %d", e.text, e.column);
                p = P_INVALID_JSON;
            } else if (!json_is_object(obj)) {
                snprintf(why, sizeof why, "a JSON value that is not an object");
                p = P_INVALID_JSON;
            }
        }
    }
    if (p != P_NONE) { /* nothing to pass through: say why, keep the input */
        note_problem(j, c, rec, p, why);
        puts_(o, "{\"label\":null,\"confidence\":0,\"error\":", &c->oom);
        char full[300];
        snprintf(full, sizeof full, "%s: %s", problem_name[p], why);
        put_json_str(o, full, strlen(full), &c->oom);
        if (p != P_INVALID_UTF8 && p != P_EMPTY) {
            puts_(o, ",\"input\":", &c->oom);
            put_json_str(o, line, len, &c->oom);
        }
        puts_(o, "}\n", &c->oom);
        json_decref(obj);
        return;
    }
    plaint_result r;
    json_t *const t = json_object_get(obj, j->text_field);
    if (t == NULL) {
        snprintf(why, sizeof why, "no field \"%s\"", j->text_field);
        p = P_NO_TEXT;
    } else if (!json_is_string(t)) {
        snprintf(why, sizeof why, "field \"%s\" is not a string", j->text_field);
        p = P_NO_TEXT;
    } else {
        p = label_text(w, c, json_string_value(t), json_string_length(t), &r, why, sizeof why);
    }
    if (p != P_NONE)
        note_problem(j, c, rec, p, why);
    else
        c->per_label[r.label_index]++;
    /* the object without its closing brace */
    const size_t before = json_object_size(obj);
    const char *key;
    json_t *val;
    void *tmp;
    json_object_foreach_safe(obj, tmp, key, val) if (reserved_key(key))
        json_object_del(obj, key);
    const size_t start = o->len;
    const int empty = json_object_size(obj) == 0;
    if (json_object_size(obj) != before) { /* it had keys we add: re-serialize */
        char *const s = json_dumps(obj, JSON_COMPACT | JSON_PRESERVE_ORDER);
        if (s == NULL) {
            c->oom = 1;
            json_decref(obj);
            return;
        }
        puts_(o, s, &c->oom);
        free(s);
    } else {
        put(o, line, len, &c->oom);
    }
    json_decref(obj);
    if (c->oom)
        return;
    while (o->len > start && o->p[o->len - 1] != '}')
        o->len--;
    if (o->len > start)
        o->len--; /* the closing brace */
    if (!empty)
        putc_(o, ',', &c->oom);
    if (p != P_NONE) {
        puts_(o, "\"label\":null,\"confidence\":0,\"error\":", &c->oom);
        char full[300];
        snprintf(full, sizeof full, "%s: %s", problem_name[p], why);
        put_json_str(o, full, strlen(full), &c->oom);
        puts_(o, "}\n", &c->oom);
        return;
    }
    puts_(o, "\"label\":", &c->oom);
    put_json_str(o, r.label, strlen(r.label), &c->oom);
    puts_(o, ",\"confidence\":", &c->oom);
    put_prob(o, r.confidence, &c->oom);
    if (j->scores) {
        puts_(o, ",\"scores\":{", &c->oom);
        for (size_t l = 0; l < j->nlabels; l++) {
            if (l > 0)
                putc_(o, ',', &c->oom);
            put_json_str(o, j->labels[l], strlen(j->labels[l]), &c->oom);
            putc_(o, ':', &c->oom);
            put_prob(o, l < r.nlabels ? r.probs[l] : 0, &c->oom);
        }
        putc_(o, '}', &c->oom);
    }
    if (j->explain > 0) {
        puts_(o, ",\"explain\":[", &c->oom);
        for (size_t i = 0; i < r.nexplain; i++) {
            puts_(o, i ? ",{\"feature\":" : "{\"feature\":", &c->oom);
            put_json_str(o, r.explain[i].feature, r.explain[i].len, &c->oom);
            put_fmt(o, &c->oom, ",\"weight\":%.3f}", r.explain[i].weight);
        }
        putc_(o, ']', &c->oom);
    }
    puts_(o, "}\n", &c->oom);
}

static void label_chunk(struct worker *w, struct chunk *c)
{
    const struct job *const j = w->job;
    for (size_t i = 0; i < c->nrecs && !c->oom; i++) {
        c->cur = &c->recs[i];
        switch (j->format) {
        case FMT_TEXT: do_text(w, c, &c->recs[i]); break;
        case FMT_TSV: do_tsv(w, c, &c->recs[i]); break;
        case FMT_JSONL: do_jsonl(w, c, &c->recs[i]); break;
        }
    }
}

static void *worker_main(void *arg)
{
    struct worker *const w = arg;
    struct job *const j = w->job;
    pthread_mutex_lock(&j->mu);
    for (;;) {
        while (!j->stop && j->next_work == j->next_fill && !j->input_done)
            pthread_cond_wait(&j->work, &j->mu);
        if (j->stop || j->next_work == j->next_fill)
            break;
        struct chunk *const c = &j->slots[j->next_work % j->nslots];
        j->next_work++;
        pthread_mutex_unlock(&j->mu);
        label_chunk(w, c);
        pthread_mutex_lock(&j->mu);
        c->done = 1;
        pthread_cond_broadcast(&j->done);
    }
    pthread_mutex_unlock(&j->mu);
    return NULL;
}

/* ---------------------------------------------------------------------- */
/* Reading (main thread)                                                   */

struct reader {
    char **paths;
    int npaths, cur;
    struct cli_input in;
    int open;
    long col;          /* tsv: 0-based text column of the current input */
    uint64_t records;
    uint64_t bytes_total;  /* sum of the sizes of regular-file inputs (0: unknown) */
    uint64_t bytes_done;   /* of inputs finished */
    uint64_t bytes_read;   /* line bytes read (uncompressed), for when there is no total */
};

/* Resolves the text column of a tsv input from its header line. */
static int resolve_column(const struct job *j, struct reader *rd, const char *line, size_t len)
{
    if (j->text_col > 0) {
        rd->col = j->text_col - 1;
        return 0;
    }
    const size_t want = strlen(j->text_col_name);
    const char *s = line, *const end = line + len;
    for (long col = 0;; col++) {
        const char *const tab = memchr(s, '\t', (size_t)(end - s));
        const size_t n = tab ? (size_t)(tab - s) : (size_t)(end - s);
        if (n == want && memcmp(s, j->text_col_name, n) == 0) {
            rd->col = col;
            return 0;
        }
        if (tab == NULL)
            break;
        s = tab + 1;
    }
    cli_error("%s:%llu: the header has no column '%s'", rd->in.name,
              (unsigned long long)rd->in.line, j->text_col_name);
    return -1;
}

/* Fills chunk c with the next records. Returns 1 when records were read,
 * 0 at the end of all input, -1 on an error (reported). */
static int fill_chunk(struct job *j, struct reader *rd, struct chunk *c)
{
    chunk_reset(c, j->nlabels);
    while (c->in.len < CHUNK_BYTES && c->nrecs < CHUNK_RECORDS) {
        if (!rd->open) {
            if (rd->cur >= rd->npaths)
                break;
            if (cli_input_open(&rd->in, rd->paths[rd->cur]) != 0)
                return -1;
            rd->open = 1;
            rd->col = j->text_col > 0 ? j->text_col - 1 : 0;
        }
        size_t len;
        const int got = cli_input_line(&rd->in, &len);
        if (got < 0)
            return -1;
        if (got == 0) {
            const long o = (long)gzoffset(rd->in.gz);
            if (o > 0)
                rd->bytes_done += (uint64_t)o;
            cli_input_close(&rd->in);
            rd->open = 0;
            rd->cur++;
            continue;
        }
        uint32_t col = (uint32_t)rd->col;
        if (j->format == FMT_TSV && j->header && rd->in.line == 1) {
            if (resolve_column(j, rd, rd->in.buf, len) != 0)
                return -1;
            if (rd->cur > 0)
                continue; /* later inputs' headers are not written again */
            col = UINT32_MAX;
        } else {
            rd->records++;
        }
        if (c->nrecs == c->reccap) {
            const size_t cap = c->reccap ? c->reccap * 2 : 256;
            struct record *const r = realloc(c->recs, cap * sizeof *r);
            if (r == NULL)
                goto oom;
            c->recs = r;
            c->reccap = cap;
        }
        if (buf_reserve(&c->in, len + 1) != 0)
            goto oom;
        struct record *const r = &c->recs[c->nrecs++];
        r->off = c->in.len;
        r->len = len;
        r->line = rd->in.line;
        r->input = (uint32_t)rd->cur;
        r->col = col;
        memcpy(c->in.p + c->in.len, rd->in.buf, len + 1);
        c->in.len += len + 1;
        c->bytes += len + 1;
        rd->bytes_read += len + 1;
    }
    return c->nrecs > 0;
oom:
    cli_error("%s:%llu: out of memory", rd->in.name, (unsigned long long)rd->in.line);
    return -1;
}

/* Input bytes consumed so far (compressed bytes for gzip input). */
static uint64_t reader_position(const struct reader *rd)
{
    uint64_t pos = rd->bytes_done;
    if (rd->open) {
        const long o = (long)gzoffset(rd->in.gz);
        if (o > 0)
            pos += (uint64_t)o;
    }
    return pos;
}

/* ---------------------------------------------------------------------- */
/* Output: stdout, or FILE via a temporary file renamed when complete      */

static char pending_tmp[PATH_MAX]; /* the temporary output, for the signal handler */

static void on_signal(int sig)
{
    if (pending_tmp[0] != '\0')
        unlink(pending_tmp);
    signal(sig, SIG_DFL);
    raise(sig);
}

struct sink {
    FILE *f;
    gzFile gz;
    const char *path; /* NULL: stdout */
    int failed;
};

static int ends_with(const char *s, const char *suffix)
{
    const size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int sink_open(struct sink *o, const char *path)
{
    memset(o, 0, sizeof *o);
    if (path == NULL || strcmp(path, "-") == 0) {
        o->f = stdout;
        return 0;
    }
    o->path = path;
    if ((size_t)snprintf(pending_tmp, sizeof pending_tmp, "%s.tmp.XXXXXX", path) >=
        sizeof pending_tmp) {
        pending_tmp[0] = '\0';
        cli_error("%s: path too long", path);
        return -1;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    const int fd = mkstemp(pending_tmp);
    if (fd < 0) {
        cli_error("cannot create a temporary file next to %s: %s", path, strerror(errno));
        pending_tmp[0] = '\0';
        return -1;
    }
    { /* mkstemp makes it 0600: give it the mode a new file would have */
        const mode_t um = umask(0);
        umask(um);
        fchmod(fd, 0666 & ~um);
    }
    if (ends_with(path, ".gz")) {
        o->gz = gzdopen(fd, "wb6");
        if (o->gz == NULL) {
            close(fd);
            goto fail;
        }
        gzbuffer(o->gz, 1 << 17);
    } else {
        o->f = fdopen(fd, "wb");
        if (o->f == NULL) {
            close(fd);
            goto fail;
        }
    }
    return 0;
fail:
    cli_error("%s: %s", pending_tmp, strerror(errno ? errno : ENOMEM));
    unlink(pending_tmp);
    pending_tmp[0] = '\0';
    return -1;
}

static void sink_write(struct sink *o, const char *p, size_t n)
{
    if (o->failed || n == 0)
        return;
    if (o->gz != NULL) {
        while (n > 0) {
            const unsigned part = n > (1u << 30) ? (1u << 30) : (unsigned)n;
            if (gzwrite(o->gz, p, part) != (int)part) {
                o->failed = 1;
                return;
            }
            p += part;
            n -= part;
        }
    } else if (fwrite(p, 1, n, o->f) != n) {
        o->failed = 1;
    }
}

/* Completes the output: flush, close, rename into place. With ok == 0 the
 * temporary file is removed instead. Returns 0 or -1 (reported). */
static int sink_close(struct sink *o, int ok)
{
    const char *const shown = o->path ? o->path : "standard output";
    int err = o->failed;
    int saved = errno;
    if (o->gz != NULL) {
        if (gzclose(o->gz) != Z_OK && !err) {
            err = 1;
            saved = errno;
        }
    } else if (o->f != NULL && o->path != NULL) {
        if (fflush(o->f) != 0 || ferror(o->f)) {
            err = 1;
            saved = errno;
        }
        if (fsync(fileno(o->f)) != 0 && errno != EINVAL && !err) {
            err = 1;
            saved = errno;
        }
        if (fclose(o->f) != 0 && !err) {
            err = 1;
            saved = errno;
        }
    } else if (o->f != NULL) {
        if (fflush(o->f) != 0 || ferror(o->f)) {
            err = 1;
            saved = errno;
        }
    }
    if (err && ok)
        cli_error("error writing %s: %s", shown, strerror(saved ? saved : EIO));
    if (o->path != NULL) {
        if (ok && !err && rename(pending_tmp, o->path) != 0) {
            cli_error("cannot rename %s to %s: %s", pending_tmp, o->path, strerror(errno));
            err = 1;
        }
        if (!ok || err)
            unlink(pending_tmp);
        pending_tmp[0] = '\0';
    }
    return err ? -1 : 0;
}

/* ---------------------------------------------------------------------- */
/* Progress and summary                                                    */

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void human_bytes(char *s, size_t n, double b)
{
    const char *const unit[] = {"B", "KB", "MB", "GB", "TB"};
    int u = 0;
    while (b >= 1000 && u < 4) {
        b /= 1000;
        u++;
    }
    snprintf(s, n, u ? "%.1f %s" : "%.0f %s", b, unit[u]);
}

static void show_progress(const struct reader *rd, uint64_t written, double t0)
{
    const double el = now_s() - t0;
    const uint64_t pos = rd->bytes_total > 0 ? reader_position(rd) : rd->bytes_read;
    char done[32], total[32];
    human_bytes(done, sizeof done, (double)pos);
    if (rd->bytes_total > 0 && pos <= rd->bytes_total) {
        human_bytes(total, sizeof total, (double)rd->bytes_total);
        const double frac = (double)pos / (double)rd->bytes_total;
        const double eta = frac > 0 ? el / frac - el : 0;
        fprintf(stderr, "\rplaint: %s of %s (%.0f%%), %.0f records/s, ETA %d:%02d:%02d   ",
                done, total, 100 * frac, el > 0 ? (double)written / el : 0,
                (int)(eta / 3600), (int)(eta / 60) % 60, (int)eta % 60);
    } else {
        fprintf(stderr, "\rplaint: %s read, %.0f records/s   ", done,
                el > 0 ? (double)written / el : 0);
    }
}

struct totals {
    uint64_t records, bytes, replaced;
    uint64_t *per_label;
    uint64_t problems[NPROBLEMS];
    unsigned msgs;
};

static void print_summary(const struct job *j, const struct totals *t, double secs, int quiet)
{
    uint64_t failed = 0;
    for (int p = 1; p < NPROBLEMS; p++)
        failed += t->problems[p];
    if (t->msgs > MSG_MAX && failed > MSG_MAX)
        fprintf(stderr, "plaint: (only the first %u records not labeled were listed)\n", MSG_MAX);
    if (quiet && failed == 0 && t->replaced == 0)
        return;
    fprintf(stderr, "plaint: %llu records read, %llu written, %llu labeled, %llu not labeled",
            (unsigned long long)t->records, (unsigned long long)t->records,
            (unsigned long long)(t->records - failed), (unsigned long long)failed);
    if (failed > 0) {
        fputs(" (", stderr);
        int first = 1;
        for (int p = 1; p < NPROBLEMS; p++)
            if (t->problems[p] > 0) {
                fprintf(stderr, "%s%s %llu", first ? "" : ", ", problem_name[p],
                        (unsigned long long)t->problems[p]);
                first = 0;
            }
        fputc(')', stderr);
    }
    fputc('\n', stderr);
    if (t->replaced > 0)
        fprintf(stderr, "plaint: %llu records had invalid UTF-8, replaced with U+FFFD\n",
                (unsigned long long)t->replaced);
    if (quiet)
        return;
    fputs("plaint: labels:", stderr);
    for (size_t l = 0; l < j->nlabels; l++)
        fprintf(stderr, " %s %llu", j->labels[l], (unsigned long long)t->per_label[l]);
    fputc('\n', stderr);
    char b[32];
    human_bytes(b, sizeof b, (double)t->bytes);
    fprintf(stderr, "plaint: %s in %.2f s: %.0f records/s, %.2f MB/s\n", b, secs,
            secs > 0 ? (double)t->records / secs : 0,
            secs > 0 ? (double)t->bytes / secs / 1e6 : 0);
}

/* ---------------------------------------------------------------------- */
/* The command                                                             */

static int parse_threads(const char *v, size_t *out)
{
    long n = 0;
    if (v == NULL) {
        n = sysconf(_SC_NPROCESSORS_ONLN);
        if (n < 1)
            n = 1;
    } else {
        char *end;
        n = strtol(v, &end, 10);
        if (end == v || *end != '\0' || n < 1 || n > 256) {
            cli_error("label: --threads takes a number from 1 to 256");
            return -1;
        }
    }
    *out = (size_t)n;
    return 0;
}

static int parse_options(const struct cli_cmd *cmd, const struct cli_args *a, struct job *j,
                         size_t *threads)
{
    const char *v = a->val[cli_opt_index(cmd, "explain")];
    if (v != NULL) {
        char *end;
        const long n = strtol(v, &end, 10);
        if (end == v || *end != '\0' || n < 0 || n > 1000) {
            cli_error("label: --explain takes a number of features from 0 to 1000");
            return -1;
        }
        j->explain = (size_t)n;
    }
    v = a->val[cli_opt_index(cmd, "format")];
    if (v == NULL || strcmp(v, "text") == 0)
        j->format = FMT_TEXT;
    else if (strcmp(v, "tsv") == 0)
        j->format = FMT_TSV;
    else if (strcmp(v, "jsonl") == 0)
        j->format = FMT_JSONL;
    else {
        cli_error("label: --format takes text, tsv or jsonl, not '%s'", v);
        return -1;
    }
    j->header = a->val[cli_opt_index(cmd, "header")] != NULL;
    const char *const col = a->val[cli_opt_index(cmd, "text-column")];
    const char *const field = a->val[cli_opt_index(cmd, "text-field")];
    if (col != NULL && j->format != FMT_TSV) {
        cli_error("label: --text-column is for --format tsv");
        return -1;
    }
    if (j->header && j->format != FMT_TSV) {
        cli_error("label: --header is for --format tsv");
        return -1;
    }
    if (field != NULL && j->format != FMT_JSONL) {
        cli_error("label: --text-field is for --format jsonl");
        return -1;
    }
    j->text_col = 1;
    if (col != NULL) {
        char *end;
        const long n = strtol(col, &end, 10);
        if (end != col && *end == '\0') {
            if (n < 1 || n > 100000) {
                cli_error("label: --text-column takes a column number from 1, or a name");
                return -1;
            }
            j->text_col = n;
        } else if (!j->header) {
            cli_error("label: --text-column '%s' is a name: it needs --header", col);
            return -1;
        } else {
            j->text_col = 0;
            j->text_col_name = col;
        }
    }
    j->text_field = field != NULL ? field : "text";
    j->scores = a->val[cli_opt_index(cmd, "scores")] != NULL;
    v = a->val[cli_opt_index(cmd, "invalid-utf8")];
    if (v == NULL || strcmp(v, "error") == 0)
        j->replace_invalid = 0;
    else if (strcmp(v, "replace") == 0)
        j->replace_invalid = 1;
    else {
        cli_error("label: --invalid-utf8 takes error or replace, not '%s'", v);
        return -1;
    }
    return parse_threads(a->val[cli_opt_index(cmd, "threads")], threads);
}

/* Adds a finished chunk to the totals and writes it out. */
static void emit_chunk(struct chunk *c, struct totals *t, size_t nlabels, struct sink *out,
                       int progress)
{
    sink_write(out, c->out.p, c->out.len);
    for (size_t l = 0; l < nlabels; l++)
        t->per_label[l] += c->per_label[l];
    for (int p = 0; p < NPROBLEMS; p++)
        t->problems[p] += c->problems[p];
    t->replaced += c->replaced;
    t->bytes += c->bytes;
    /* problem messages, in order; only the first MSG_MAX in all */
    const char *s = c->msg.p;
    const char *const end = s ? s + c->msg.len : NULL;
    while (s != NULL && s < end) {
        const char *const nl = memchr(s, '\n', (size_t)(end - s));
        const size_t n = nl ? (size_t)(nl - s) + 1 : (size_t)(end - s);
        if (t->msgs < MSG_MAX) {
            if (progress)
                fputs("\r\033[K", stderr); /* the progress line makes way */
            fwrite(s, 1, n, stderr);
        }
        t->msgs++;
        s += n;
    }
    buf_trim(&c->in);
    buf_trim(&c->out);
    if (c->reccap > CHUNK_RECORDS * 4) {
        free(c->recs);
        c->recs = NULL;
        c->reccap = 0;
    }
}

static int run(struct job *j, struct reader *rd, struct worker *ws, size_t threads,
               struct sink *out, struct totals *t, int progress)
{
    const double t0 = now_s();
    double last = t0;
    int status = 0;
    uint64_t written_recs = 0;
    size_t started = 0;
    if (threads > 1) {
        for (; started < threads; started++)
            if (pthread_create(&ws[started].tid, NULL, worker_main, &ws[started]) != 0)
                break;
        if (started == 0) {
            cli_error("cannot start threads");
            return -1;
        }
    }
    pthread_mutex_lock(&j->mu);
    for (;;) {
        /* write what is done, in order */
        while (j->next_write < j->next_fill && j->slots[j->next_write % j->nslots].done) {
            struct chunk *const c = &j->slots[j->next_write % j->nslots];
            pthread_mutex_unlock(&j->mu);
            if (c->oom) {
                cli_error("out of memory while labeling");
                status = -1;
            }
            emit_chunk(c, t, j->nlabels, out, progress);
            written_recs += c->nrecs;
            pthread_mutex_lock(&j->mu);
            j->next_write++;
            if (status != 0 || out->failed)
                break;
        }
        if (status != 0 || out->failed)
            break;
        if (j->input_done && j->next_write == j->next_fill)
            break;
        if (progress && now_s() - last >= 0.5) {
            last = now_s();
            show_progress(rd, written_recs, t0);
        }
        if (!j->input_done && j->next_fill - j->next_write < j->nslots) {
            struct chunk *const c = &j->slots[j->next_fill % j->nslots];
            pthread_mutex_unlock(&j->mu);
            const int got = fill_chunk(j, rd, c);
            if (got > 0 && threads == 1) {
                label_chunk(&ws[0], c);
                c->done = 1;
            }
            pthread_mutex_lock(&j->mu);
            if (got < 0) {
                status = -1;
                break;
            }
            if (got == 0)
                j->input_done = 1;
            else
                j->next_fill++;
            pthread_cond_broadcast(&j->work);
            continue;
        }
        pthread_cond_wait(&j->done, &j->mu);
    }
    j->stop = 1;
    j->input_done = 1;
    pthread_cond_broadcast(&j->work);
    pthread_mutex_unlock(&j->mu);
    for (size_t i = 0; i < started; i++)
        pthread_join(ws[i].tid, NULL);
    if (progress)
        fputs("\r\033[K", stderr);
    t->records = rd->records;
    return status;
}

int cli_label(const struct cli_cmd *cmd, int argc, char **argv)
{
    struct cli_args a;
    int rc = cli_parse(cmd, argc, argv, &a);
    if (rc >= 0) {
        cli_args_free(&a);
        return rc;
    }
    struct job j;
    memset(&j, 0, sizeof j);
    size_t threads = 1;
    if (parse_options(cmd, &a, &j, &threads) != 0) {
        cli_args_free(&a);
        return CLI_USAGE;
    }
    const int quiet = a.val[cli_opt_index(cmd, "quiet")] != NULL;
    const int unlabeled_ok = a.val[cli_opt_index(cmd, "unlabeled-ok")] != NULL;
    plaint_model *m = NULL;
    rc = cli_load_model(a.val[cli_opt_index(cmd, "model")], &m);
    if (rc != CLI_OK) {
        cli_args_free(&a);
        return rc == CLI_USAGE ? CLI_USAGE : EXIT_FATAL;
    }
    j.model = m;
    plaint_error err;
    j.nlabels = plaint_model_label_count(m);
    j.labels = calloc(j.nlabels ? j.nlabels : 1, sizeof *j.labels);
    for (size_t l = 0; j.labels != NULL && l < j.nlabels; l++)
        j.labels[l] = plaint_model_label(m, l);

    static char *const stdin_only[] = {"-"};
    struct reader rd;
    memset(&rd, 0, sizeof rd);
    rd.paths = a.npos > 0 ? a.pos : (char **)stdin_only;
    rd.npaths = a.npos > 0 ? a.npos : 1;
    j.names = calloc((size_t)rd.npaths, sizeof *j.names);
    /* the total for progress: known when every input is a regular file */
    int sized = 1;
    for (int i = 0; j.names != NULL && i < rd.npaths; i++) {
        j.names[i] = strcmp(rd.paths[i], "-") == 0 ? "<stdin>" : rd.paths[i];
        struct stat st;
        if (strcmp(rd.paths[i], "-") != 0 && stat(rd.paths[i], &st) == 0 && S_ISREG(st.st_mode))
            rd.bytes_total += (uint64_t)st.st_size;
        else
            sized = 0;
    }
    if (!sized)
        rd.bytes_total = 0;

    j.nslots = 2 * threads + 2;
    j.slots = calloc(j.nslots, sizeof *j.slots);
    struct worker *const ws = calloc(threads, sizeof *ws);
    struct totals t;
    memset(&t, 0, sizeof t);
    t.per_label = calloc(j.nlabels ? j.nlabels : 1, sizeof *t.per_label);
    int ok = j.labels != NULL && j.names != NULL && j.slots != NULL && ws != NULL &&
             t.per_label != NULL;
    for (size_t i = 0; ok && i < j.nslots; i++) {
        j.slots[i].per_label = calloc(j.nlabels ? j.nlabels : 1, sizeof *j.slots[i].per_label);
        ok = j.slots[i].per_label != NULL;
    }
    size_t nctx = 0;
    for (; ok && nctx < threads; nctx++) {
        ws[nctx].job = &j;
        if (plaint_ctx_new(m, &ws[nctx].ctx, &err) != PLAINT_OK) {
            cli_error("%s", err.msg);
            ok = 0;
            break;
        }
    }
    int status = EXIT_FATAL;
    if (!ok) {
        cli_error("out of memory");
    } else {
        pthread_mutex_init(&j.mu, NULL);
        pthread_cond_init(&j.work, NULL);
        pthread_cond_init(&j.done, NULL);
        struct sink out;
        if (sink_open(&out, a.val[cli_opt_index(cmd, "output")]) == 0) {
            const int progress = !quiet && isatty(STDERR_FILENO);
            const double t0 = now_s();
            const int r = run(&j, &rd, ws, threads, &out, &t, progress);
            const double secs = now_s() - t0;
            if (rd.open)
                cli_input_close(&rd.in);
            const int closed = sink_close(&out, r == 0);
            if (r == 0 && closed == 0) {
                print_summary(&j, &t, secs, quiet);
                uint64_t failed = 0;
                for (int p = 1; p < NPROBLEMS; p++)
                    failed += t.problems[p];
                status = failed > 0 && !unlabeled_ok ? CLI_FAILED : CLI_OK;
            }
        }
        pthread_mutex_destroy(&j.mu);
        pthread_cond_destroy(&j.work);
        pthread_cond_destroy(&j.done);
    }
    for (size_t i = 0; i < nctx; i++)
        plaint_ctx_free(ws[i].ctx);
    for (size_t i = 0; j.slots != NULL && i < j.nslots; i++)
        chunk_free(&j.slots[i]);
    free(j.slots);
    free(ws);
    free(t.per_label);
    free(j.names);
    free(j.labels);
    plaint_model_free(m);
    cli_args_free(&a);
    return status;
}
