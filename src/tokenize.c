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
    size_t pos; /* start of the next segment */
};

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
    UErrorCode st = U_ZERO_ERROR;
    utext_openUTF8(&t->ut, s, (int64_t)len, &st);
    if (U_FAILURE(st))
        return -1;
    ubrk_setUText(t->bi, &t->ut, &st);
    if (U_FAILURE(st))
        return -1;
    t->s = (const unsigned char *)s;
    t->len = len;
    t->pos = 0;
    return 0;
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
        const int32_t b = ubrk_next(t->bi);
        if (b == UBRK_DONE) {
            t->pos = t->len;
            return 0;
        }
        const size_t end = (size_t)b;
        t->pos = end;
        const int32_t status = ubrk_getRuleStatus(t->bi);
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
