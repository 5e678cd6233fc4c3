/* tokenize.c - ICU word break over UTF-8 (UText), plus our token decisions. */
#include "tokenize.h"

#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "alloc.h"
#include "utf8.h"

struct pl_tokzr {
    UBreakIterator *bi;
    UText ut;
    const unsigned char *s;
    size_t len;
    size_t pos;  /* start of the next segment */
    int fast;    /* segmenting with wb_next instead of ICU */
    int force_icu; /* never the fast path (for the test that compares them) */
};

/* ------------------------------------------------------------------------
 * The fast path. ICU's word break is the reference, but its iterator costs
 * a third of the whole labeling time. Most customer feedback uses only the
 * characters below, for which the UAX #29 word-break rules reduce to a few
 * lines (WB5-WB12 with letters, digits and the Mid* punctuation; everything
 * else here breaks on both sides, WB999). A text with any other character
 * (marks, format characters, emoji, other scripts, '_', '@', URLs) goes to
 * ICU. The test tokenize_fast_path checks that both give the same tokens
 * on every text of the corpora and of ../shared/data. */
enum { WB_OTHER, WB_LETTER, WB_NUM, WB_MIDLETTER, WB_MIDNUMLET, WB_MIDNUM, WB_UNKNOWN };

static int wb_class_slow(int32_t cp);

/* The word-break class of an ASCII character (inline: most characters). */
static inline int wb_ascii_class(unsigned cp)
{
    if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
        return WB_LETTER;
    if (cp >= '0' && cp <= '9')
        return WB_NUM;
    switch (cp) {
    case '.': case '\'': return WB_MIDNUMLET;
    case ',': case ';': return WB_MIDNUM;
    case '_': case '@': return WB_UNKNOWN; /* ExtendNumLet; e-mail */
    default: return cp == '\t' || cp >= 0x20 ? WB_OTHER : WB_UNKNOWN;
    }
}

static inline int wb_class(int32_t cp)
{
    return cp < 0x80 ? wb_ascii_class((unsigned)cp) : wb_class_slow(cp);
}

static int wb_class_slow(int32_t cp)
{
    if (cp < 0x100) {
        if (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7)
            return WB_LETTER;
        if (cp == 0xB7)
            return WB_MIDLETTER;
        if (cp == 0xA0 || cp == 0xAB || cp == 0xBB || cp == 0xB0)
            return WB_OTHER;
        return WB_UNKNOWN;
    }
    if (cp < 0x180)
        return WB_LETTER; /* Latin Extended-A */
    if (cp >= 0x386 && cp <= 0x3CE) {
        if (cp == 0x387)
            return WB_MIDLETTER; /* ano teleia */
        if (cp == 0x38B || cp == 0x38D || cp == 0x3A2)
            return WB_UNKNOWN;
        return WB_LETTER;
    }
    if (cp == 0x37E)
        return WB_MIDNUM; /* Greek question mark */
    if (cp >= 0x400 && cp <= 0x45F)
        return WB_LETTER;
    switch (cp) {
    case 0x2018: case 0x2019: return WB_MIDNUMLET;
    case 0x2013: case 0x2014: case 0x201C: case 0x201D: case 0x201E: case 0x2026:
    case 0x20AC: return WB_OTHER;
    default: return WB_UNKNOWN;
    }
}

/* Decodes the code point at s[*i] of a text known to be valid UTF-8. */
static inline int32_t next_cp(const unsigned char *s, size_t len, size_t *i)
{
    const size_t k = *i;
    const unsigned c = s[k];
    if (c < 0x80) {
        *i = k + 1;
        return (int32_t)c;
    }
    if (c < 0xE0 && k + 1 < len) {
        *i = k + 2;
        return (int32_t)(((c & 0x1Fu) << 6) | (s[k + 1] & 0x3Fu));
    }
    if (c < 0xF0 && k + 2 < len) {
        *i = k + 3;
        return (int32_t)(((c & 0x0Fu) << 12) | ((s[k + 1] & 0x3Fu) << 6) | (s[k + 2] & 0x3Fu));
    }
    return pl_utf8_next(s, len, i);
}

/* 1 when every code point of s has a known class and nothing in it would
 * make a URL or an e-mail token. */
static int fast_ok(const unsigned char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            if (c == '/' && i + 2 < len && s[i + 1] == '/' && i > 0 && s[i - 1] == ':')
                return 0;
            if ((c | 0x20) == 'w' && i + 3 < len && (s[i + 1] | 0x20) == 'w' &&
                (s[i + 2] | 0x20) == 'w' && s[i + 3] == '.')
                return 0;
        }
        if (wb_class(next_cp(s, len, &i)) == WB_UNKNOWN)
            return 0;
    }
    return 1;
}

/* The next segment from t->pos: its end, and its ICU rule status. */
static size_t wb_next(const struct pl_tokzr *t, int32_t *status)
{
    const unsigned char *const s = t->s;
    const size_t len = t->len;
    size_t i = t->pos;
    int last = wb_class(next_cp(s, len, &i));
    if (last != WB_LETTER && last != WB_NUM) {
        *status = UBRK_WORD_NONE;
        return i;
    }
    while (i < len) {
        size_t j = i;
        const int c = wb_class(next_cp(s, len, &j));
        if (c == WB_LETTER || c == WB_NUM) { /* WB5, WB8, WB9, WB10 */
            last = c;
            i = j;
            continue;
        }
        if (c != WB_MIDLETTER && c != WB_MIDNUMLET && c != WB_MIDNUM)
            break;
        if (j >= len)
            break;
        size_t k = j;
        const int d = wb_class(next_cp(s, len, &k));
        if ((last == WB_LETTER && d == WB_LETTER && c != WB_MIDNUM) ||  /* WB6, WB7 */
            (last == WB_NUM && d == WB_NUM && c != WB_MIDLETTER)) {     /* WB11, WB12 */
            last = d;
            i = k;
            continue;
        }
        break;
    }
    /* ICU's status is the tag of the last rule applied: a word that ends in a
     * digit is a number ("abc12", "a1b2.c3"), one that ends in a letter a word */
    *status = last == WB_LETTER ? UBRK_WORD_LETTER : UBRK_WORD_NUMBER;
    return i;
}

void *pl_tok_template_new(void)
{
    UErrorCode st = U_ZERO_ERROR;
    UBreakIterator *const bi = ubrk_open(UBRK_WORD, "", NULL, 0, &st);
    if (U_FAILURE(st)) {
        ubrk_close(bi);
        return NULL;
    }
    return bi;
}

void pl_tok_template_free(void *template_bi)
{
    ubrk_close((UBreakIterator *)template_bi);
}

struct pl_tokzr *pl_tokzr_new(const void *template_bi, int *nomem)
{
    struct pl_tokzr *const t = pl_calloc(1, sizeof *t);
    *nomem = t == NULL;
    if (t == NULL)
        return NULL;
    UErrorCode st = U_ZERO_ERROR;
    t->bi = ubrk_clone((const UBreakIterator *)template_bi, &st);
    if (U_FAILURE(st) || t->bi == NULL) {
        ubrk_close(t->bi);
        pl_free(t);
        return NULL;
    }
    const UText init = UTEXT_INITIALIZER;
    t->ut = init;
    return t;
}

void pl_tokzr_free(struct pl_tokzr *t)
{
    if (t == NULL)
        return;
    ubrk_close(t->bi);
    utext_close(&t->ut);
    pl_free(t);
}

int pl_tokzr_set_text(struct pl_tokzr *t, const char *s, size_t len)
{
    if (len > PL_TOK_MAX_TEXT)
        return -1;
    t->s = (const unsigned char *)s;
    t->len = len;
    t->pos = 0;
    t->fast = !t->force_icu && fast_ok(t->s, len);
    if (t->fast)
        return 0;
    UErrorCode st = U_ZERO_ERROR;
    utext_openUTF8(&t->ut, s, (int64_t)len, &st);
    if (U_FAILURE(st))
        return -1;
    ubrk_setUText(t->bi, &t->ut, &st);
    if (U_FAILURE(st))
        return -1;
    return 0;
}

int pl_tokzr_is_fast(const struct pl_tokzr *t)
{
    return t->fast;
}

void pl_tokzr_force_icu(struct pl_tokzr *t, int on)
{
    t->force_icu = on;
}

/* Bits for a code point that takes part in a !/? run: 1 '!', 2 '?', 4 the
 * code point alone already means "more than one". 0 when it does not. */
static unsigned mark_bits(int32_t cp)
{
    switch (cp) {
    case '!':
    case 0xFF01: /* fullwidth ! */
        return 1;
    case '?':
    case 0xFF1F: /* fullwidth ? */
        return 2;
    case 0x203C: /* ‼ */
        return 1 | 4;
    case 0x2047: /* ⁇ */
        return 2 | 4;
    case 0x2048: /* ⁈ */
    case 0x2049: /* ⁉ */
        return 1 | 2 | 4;
    default:
        return 0;
    }
}

int pl_tok_is_emoji(int32_t cp)
{
    if (cp < 0x2000)
        return 0; /* keeps © ® as symbols, not emoji */
    return (u_hasBinaryProperty(cp, UCHAR_EXTENDED_PICTOGRAPHIC) ||
            u_hasBinaryProperty(cp, UCHAR_REGIONAL_INDICATOR)) &&
           !u_hasBinaryProperty(cp, UCHAR_EMOJI_MODIFIER);
}

static int starts_with_ci(const unsigned char *s, size_t n, const char *prefix)
{
    const size_t m = strlen(prefix);
    if (n < m)
        return 0;
    for (size_t i = 0; i < m; i++) {
        unsigned char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if (c != (unsigned char)prefix[i])
            return 0;
    }
    return 1;
}

/* Moves the iterator so that the next segment starts at or after `at`. */
static void resync(struct pl_tokzr *t, size_t at)
{
    if (at >= t->len) {
        t->pos = t->len;
        return;
    }
    if (t->fast) { /* no URLs on the fast path: only !/? runs, which end at a boundary */
        t->pos = at;
        return;
    }
    const int32_t b = ubrk_following(t->bi, (int32_t)at - 1);
    t->pos = b == UBRK_DONE ? t->len : (size_t)b;
}

/* If the word at [start,end) begins a URL, returns the URL's end, else 0. */
static size_t url_end(const struct pl_tokzr *t, size_t start, size_t end)
{
    const unsigned char *const s = t->s + start;
    const size_t avail = t->len - start;
    const size_t wlen = end - start;
    int is_url = 0;
    if (starts_with_ci(s, wlen, "www."))
        is_url = 1;
    else if ((wlen == 4 && starts_with_ci(s, avail, "http://")) ||
             (wlen == 5 && starts_with_ci(s, avail, "https://")) ||
             (wlen == 3 && starts_with_ci(s, avail, "ftp://")))
        is_url = 1;
    if (!is_url)
        return 0;
    size_t e = start;
    while (e < t->len && t->s[e] > ' ')
        e++;
    while (e > end && strchr(".,;:!?)]}\"'>", t->s[e - 1]) != NULL)
        e--;
    return e < end ? end : e;
}

static int is_email(const unsigned char *s, size_t n)
{
    const unsigned char *const at = memchr(s, '@', n);
    if (at == NULL || at == s)
        return 0;
    const size_t rest = n - (size_t)(at - s) - 1;
    const unsigned char *const dot = memchr(at + 1, '.', rest);
    return dot != NULL && dot > at + 1 && dot < s + n - 1;
}

int pl_tokzr_next(struct pl_tokzr *t, struct pl_rawtok *tok)
{
    while (t->pos < t->len) {
        const size_t start = t->pos;
        size_t end;
        int32_t status;
        if (t->fast) {
            end = wb_next(t, &status);
        } else {
            const int32_t b = ubrk_next(t->bi);
            if (b == UBRK_DONE) {
                t->pos = t->len;
                return 0;
            }
            end = (size_t)b;
            status = ubrk_getRuleStatus(t->bi);
        }
        t->pos = end;
        if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_IDEO_LIMIT) {
            tok->start = start;
            tok->end = end;
            tok->marks = 0;
            if (status < UBRK_WORD_NUMBER_LIMIT) {
                tok->kind = PLAINT_TOKEN_NUMBER;
                return 1;
            }
            const size_t ue = url_end(t, start, end);
            if (ue != 0) {
                tok->end = ue;
                tok->kind = PLAINT_TOKEN_URL;
                if (ue != end)
                    resync(t, ue);
                return 1;
            }
            tok->kind = is_email(t->s + start, end - start) ? PLAINT_TOKEN_EMAIL
                                                            : PLAINT_TOKEN_WORD;
            return 1;
        }
        /* An unmarked segment: an emoji, a !/? run, or something dropped. */
        size_t i = start;
        const int32_t cp = pl_utf8_next(t->s, t->len, &i);
        unsigned bits = mark_bits(cp);
        if (bits != 0) {
            size_t e = i;
            int count = 1;
            for (;;) {
                size_t j = e;
                if (j >= t->len)
                    break;
                const unsigned more = mark_bits(pl_utf8_next(t->s, t->len, &j));
                if (more == 0)
                    break;
                bits |= more;
                count++;
                e = j;
            }
            if (count > 1)
                bits |= 4;
            tok->start = start;
            tok->end = e;
            tok->kind = PLAINT_TOKEN_MARK;
            tok->marks = bits;
            if (e != end)
                resync(t, e);
            return 1;
        }
        if (pl_tok_is_emoji(cp)) {
            tok->start = start;
            tok->end = end;
            tok->kind = PLAINT_TOKEN_EMOJI;
            tok->marks = 0;
            return 1;
        }
    }
    return 0;
}
