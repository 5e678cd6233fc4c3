/* tokenize.h - word segmentation with ICU's word-break iterator (UAX #29).
 *
 * A pl_tokzr walks a valid UTF-8 text and returns raw tokens: byte ranges
 * with a kind. It keeps what ICU marks as letters or numbers, and adds four
 * decisions of our own on the segments ICU leaves unmarked:
 *   - emoji (Extended_Pictographic, regional indicators) are tokens;
 *   - a run of ! and ? (also fullwidth forms and ‼ ⁇ ⁈ ⁉) is one token;
 *   - http://, https://, ftp:// and www. start a URL that runs to the next
 *     whitespace, minus trailing punctuation; it is one token;
 *   - a word with @ followed by a dot is an e-mail address.
 * Everything else (spaces, punctuation, symbols) is dropped. A hyphen splits
 * words (ICU's rule): "biało-czerwony" gives two words. */
#ifndef PL_TOKENIZE_H
#define PL_TOKENIZE_H

#include <stddef.h>
#include <stdint.h>

#include "plaint.h"

/* The longest text one pass can walk: ICU positions are int32_t. Longer
 * texts are cut (at whitespace) by the caller. */
#define PL_TOK_MAX_TEXT ((size_t)1 << 30)

struct pl_tokzr;

struct pl_rawtok {
    size_t start; /* byte offset of the token in the text */
    size_t end;   /* byte offset just past it */
    plaint_token_kind kind;
    unsigned marks; /* for PLAINT_TOKEN_MARK: bit 0 '!', bit 1 '?', bit 2 more than one */
};

/* Opens a word-break iterator for the root locale: the template that
 * contexts clone. Returns NULL when ICU fails (no data, out of memory). */
void *pl_tok_template_new(void);
void pl_tok_template_free(void *template_bi);

/* Creates a tokenizer by cloning template_bi (a template from
 * pl_tok_template_new, shared read-only). Returns NULL on failure, with
 * *nomem set when it was our allocation that failed (else ICU's). */
struct pl_tokzr *pl_tokzr_new(const void *template_bi, int *nomem);
void pl_tokzr_free(struct pl_tokzr *t);

/* Points the tokenizer at s[0..len): valid UTF-8, len <= PL_TOK_MAX_TEXT.
 * The bytes must stay unchanged until the last pl_tokzr_next. Returns 0 or
 * -1 (ICU failure). */
int pl_tokzr_set_text(struct pl_tokzr *t, const char *s, size_t len);

/* With on != 0, texts set afterwards are always segmented by ICU, never by
 * the fast path that handles common texts without it (see tokenize.c); for
 * the test that checks the two agree. */
void pl_tokzr_force_icu(struct pl_tokzr *t, int on);

/* 1 when the current text is segmented by the fast path. */
int pl_tokzr_is_fast(const struct pl_tokzr *t);

/* Stores the next token in *tok and returns 1, or returns 0 at the end. */
int pl_tokzr_next(struct pl_tokzr *t, struct pl_rawtok *tok);

/* True for a code point that makes an emoji token (Extended_Pictographic or
 * a regional indicator, from U+2000 on, not a skin-tone modifier). */
int pl_tok_is_emoji(int32_t cp);

#endif
