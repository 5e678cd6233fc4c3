/* stem_bg.c - Savoy's light stemmer for Bulgarian, as shipped by Apache Lucene.
 *
 * Algorithm: J. Savoy, "Searching Strategies for the Bulgarian Language",
 * Information Retrieval 10(6), 2007 (BUIR.pdf). The exact rules followed here
 * are those of Lucene's org.apache.lucene.analysis.bg.BulgarianStemmer
 * (Apache License 2.0), reimplemented in C; output is meant to be identical to
 * Lucene's for every word.
 *
 * Lengths are Java chars (UTF-16 code units), as in Lucene: one per Cyrillic
 * letter or other BMP code point, two per supplementary code point (emoji).
 * Every suffix is lowercase Cyrillic. On a word of n chars, each step seeing
 * the current n:
 *   0. n < 4: unchanged. n > 5 and ends "ища": drop it and stop.
 *   1. Article (first match): n > 6 "ият" -3; else n > 5 "ът" "то" "те" "та"
 *      "ия" -2; else n > 4 "ят" -2.
 *   2. Plural (first match): n > 6: "овци" -3 (keeps "о"), "ове" -3,
 *      "еве" -> "й"; else n > 5: "ища" -3, "та" -2, "ци" -> "к", "зи" -> "г",
 *      "е?и" -> "я?"; else n > 4: "си" -> "х", "и" -1.
 *   3. n > 3: drop a final "я"; then drop a final "а", "о" or "е".
 *   4. n > 4 and ends "ен": "ен" -> "н".
 *   5. n > 5 and the next-to-last char is "ъ": "ъX" -> "X".
 *
 * No rule reads more than 11 chars back from the original end, so only the
 * last TAIL_UNITS chars are decoded: the work is O(1) whatever the length.
 * Edits only replace one 2-byte Cyrillic letter by another, truncate, or
 * (step 5) move the last code point one letter left, so the UTF-8 result is
 * never longer than the input.
 *
 * Bytes that are not valid UTF-8 (outside the contract, but never a crash)
 * count as one non-Cyrillic char each and are kept. */
#include "stem.h"

#include <stdint.h>
#include <string.h>

/* Lowercase Cyrillic letters used by the rules (U+0430..U+044F). */
enum {
    CY_A = 0x0430,   /* а */
    CY_V = 0x0432,   /* в */
    CY_G = 0x0433,   /* г */
    CY_E = 0x0435,   /* е */
    CY_Z = 0x0437,   /* з */
    CY_I = 0x0438,   /* и */
    CY_IK = 0x0439,  /* й */
    CY_K = 0x043A,   /* к */
    CY_N = 0x043D,   /* н */
    CY_O = 0x043E,   /* о */
    CY_S = 0x0441,   /* с */
    CY_T = 0x0442,   /* т */
    CY_H = 0x0445,   /* х */
    CY_TS = 0x0446,  /* ц */
    CY_SHT = 0x0449, /* щ */
    CY_YR = 0x044A,  /* ъ */
    CY_YA = 0x044F   /* я */
};

/* Chars decoded from the end of the word. Rules read at most 11 chars back
 * from the original end, and once 15 or more chars exist every length gate
 * passes, so 16 suffice; +1 because a surrogate pair may overshoot by one. */
#define TAIL_UNITS 16
#define TAIL_MAX (TAIL_UNITS + 1)

/* The decoded end of a word, seen as Lucene's char[] (UTF-16). Java index i
 * (base <= i < base + count) is unit[first + i - base]. */
struct tail {
    unsigned char *w;       /* the word being stemmed */
    size_t nbytes;          /* its byte length */
    uint16_t unit[TAIL_MAX];
    size_t off[TAIL_MAX];   /* byte offset of the code point holding each unit */
    size_t first;           /* index in unit[] of the first decoded unit */
    size_t count;           /* decoded units: unit[first .. first + count) */
    size_t base;            /* Java index of unit[first] */
};

static const uint16_t SUF_ISHTA[] = {CY_I, CY_SHT, CY_A};
static const uint16_t SUF_IYAT[] = {CY_I, CY_YA, CY_T};
static const uint16_t SUF_YRT[] = {CY_YR, CY_T};
static const uint16_t SUF_TO[] = {CY_T, CY_O};
static const uint16_t SUF_TE[] = {CY_T, CY_E};
static const uint16_t SUF_TA[] = {CY_T, CY_A};
static const uint16_t SUF_IYA[] = {CY_I, CY_YA};
static const uint16_t SUF_YAT[] = {CY_YA, CY_T};
static const uint16_t SUF_OVTSI[] = {CY_O, CY_V, CY_TS, CY_I};
static const uint16_t SUF_OVE[] = {CY_O, CY_V, CY_E};
static const uint16_t SUF_EVE[] = {CY_E, CY_V, CY_E};
static const uint16_t SUF_TSI[] = {CY_TS, CY_I};
static const uint16_t SUF_ZI[] = {CY_Z, CY_I};
static const uint16_t SUF_SI[] = {CY_S, CY_I};
static const uint16_t SUF_EN[] = {CY_E, CY_N};

#define ENDS(t, len, suf) ends_with((t), (len), (suf), sizeof(suf) / sizeof((suf)[0]))

/* Decodes the code point that ends at w[end - 1] (end > 0), strictly: no
 * overlong forms, surrogates or values above U+10FFFF. Returns its byte
 * length and sets *cp; an invalid byte is returned alone as U+FFFD. */
static size_t decode_last(const unsigned char *w, size_t end, uint32_t *cp)
{
    size_t q = end - 1;
    if (w[q] < 0x80) {
        *cp = w[q];
        return 1;
    }
    while (q > 0 && end - q < 4 && (w[q] & 0xC0) == 0x80)
        q--;
    const size_t n = end - q;
    const unsigned char lead = w[q];
    /* Sequence length announced by the lead byte (0: not a lead byte). */
    const size_t need = lead >= 0xC2 && lead <= 0xDF   ? 2
                        : lead >= 0xE0 && lead <= 0xEF ? 3
                        : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                       : 0;
    if (need == n) {
        static const uint32_t min_cp[5] = {0, 0, 0x80, 0x800, 0x10000};
        const uint32_t min = min_cp[n];
        uint32_t c = lead & (0x7Fu >> n);
        for (size_t i = q + 1; i < end; i++)
            c = (c << 6) | (w[i] & 0x3Fu);
        if (c >= min && c <= 0x10FFFF && (c < 0xD800 || c > 0xDFFF)) {
            *cp = c;
            return n;
        }
    }
    *cp = 0xFFFD;
    return 1;
}

/* Decodes the last TAIL_UNITS units of w[0..nbytes) (or all of them) into t
 * and returns the word's length in Java chars. When the word is longer than
 * the tail, the exact length does not matter (every gate passes for any
 * length >= 15), so a lower bound is returned. */
static size_t load_tail(struct tail *t, unsigned char *w, size_t nbytes)
{
    size_t end = nbytes;
    size_t first = TAIL_MAX;
    t->w = w;
    t->nbytes = nbytes;
    while (end > 0 && TAIL_MAX - first < TAIL_UNITS) {
        uint32_t cp;
        const size_t blen = decode_last(w, end, &cp);
        end -= blen;
        if (cp >= 0x10000) {
            const uint32_t v = cp - 0x10000;
            first -= 2;
            t->unit[first] = (uint16_t)(0xD800 + (v >> 10));
            t->unit[first + 1] = (uint16_t)(0xDC00 + (v & 0x3FF));
            t->off[first] = end;
            t->off[first + 1] = end; /* never a cut point: see stem_bg below */
        } else {
            first--;
            t->unit[first] = (uint16_t)cp;
            t->off[first] = end;
        }
    }
    t->first = first;
    t->count = TAIL_MAX - first;
    t->base = end > 0 ? 1 : 0; /* at least one more char before the tail */
    return t->base + t->count;
}

/* Lucene's s[i]. Indices below the tail cannot be reached (see TAIL_UNITS);
 * they read as 0 rather than out of bounds. */
static uint16_t at(const struct tail *t, size_t i)
{
    if (i < t->base || i - t->base >= t->count)
        return 0;
    return t->unit[t->first + (i - t->base)];
}

static int ends_with(const struct tail *t, size_t len, const uint16_t *suf, size_t m)
{
    if (len < m)
        return 0;
    for (size_t j = 0; j < m; j++) {
        if (at(t, len - m + j) != suf[j])
            return 0;
    }
    return 1;
}

/* Byte offset where Java index i starts (nbytes for i == the full length). */
static size_t byte_at(const struct tail *t, size_t i)
{
    if (i < t->base)
        return 0;
    if (i - t->base >= t->count)
        return t->nbytes;
    return t->off[t->first + (i - t->base)];
}

/* Lucene's s[i] = c, where both the old s[i] and c are Cyrillic letters in
 * U+0400..U+047F: the same two UTF-8 bytes are rewritten in place. */
static void set_cyrillic(struct tail *t, size_t i, uint16_t c)
{
    const size_t b = byte_at(t, i);
    t->unit[t->first + (i - t->base)] = c;
    t->w[b] = (unsigned char)(0xC0 | (c >> 6));
    t->w[b + 1] = (unsigned char)(0x80 | (c & 0x3F));
}

static size_t remove_article(const struct tail *t, size_t len)
{
    if (len > 6 && ENDS(t, len, SUF_IYAT))
        return len - 3;
    if (len > 5 && (ENDS(t, len, SUF_YRT) || ENDS(t, len, SUF_TO) || ENDS(t, len, SUF_TE)
                    || ENDS(t, len, SUF_TA) || ENDS(t, len, SUF_IYA)))
        return len - 2;
    if (len > 4 && ENDS(t, len, SUF_YAT))
        return len - 2;
    return len;
}

static size_t remove_plural(struct tail *t, size_t len)
{
    if (len > 6) {
        if (ENDS(t, len, SUF_OVTSI))
            return len - 3; /* -овци -> -о */
        if (ENDS(t, len, SUF_OVE))
            return len - 3;
        if (ENDS(t, len, SUF_EVE)) {
            set_cyrillic(t, len - 3, CY_IK); /* -еве -> -й */
            return len - 2;
        }
    }
    if (len > 5) {
        if (ENDS(t, len, SUF_ISHTA))
            return len - 3;
        if (ENDS(t, len, SUF_TA))
            return len - 2;
        if (ENDS(t, len, SUF_TSI)) {
            set_cyrillic(t, len - 2, CY_K); /* -ци -> -к */
            return len - 1;
        }
        if (ENDS(t, len, SUF_ZI)) {
            set_cyrillic(t, len - 2, CY_G); /* -зи -> -г */
            return len - 1;
        }
        if (at(t, len - 3) == CY_E && at(t, len - 1) == CY_I) {
            set_cyrillic(t, len - 3, CY_YA); /* -е?и -> -я? */
            return len - 1;
        }
    }
    if (len > 4) {
        if (ENDS(t, len, SUF_SI)) {
            set_cyrillic(t, len - 2, CY_H); /* -си -> -х */
            return len - 1;
        }
        if (at(t, len - 1) == CY_I)
            return len - 1;
    }
    return len;
}

/* Every removal above drops a matched Cyrillic suffix, so a cut never falls
 * inside a surrogate pair; byte_at(len) is then the new byte length. */
size_t pl_stem_bg(char *word, size_t len)
{
    if (word == NULL)
        return 0;
    if (len < 4) /* fewer than 4 bytes: fewer than 4 chars */
        return len;
    unsigned char *const w = (unsigned char *)word;
    /* Fast path: only step 5 applies to a word not ending in Cyrillic, and
     * for an ASCII last char it needs "ъ" (D1 8A) just before it. */
    if (w[len - 1] < 0x80 && !(w[len - 3] == 0xD1 && w[len - 2] == 0x8A))
        return len;

    struct tail t;
    size_t n = load_tail(&t, w, len);
    if (n < 4)
        return len;
    if (n > 5 && ENDS(&t, n, SUF_ISHTA))
        return byte_at(&t, n - 3);

    n = remove_article(&t, n);
    n = remove_plural(&t, n);

    if (n > 3) {
        if (at(&t, n - 1) == CY_YA)
            n--;
        const uint16_t last = at(&t, n - 1);
        if (last == CY_A || last == CY_O || last == CY_E)
            n--;
    }
    if (n > 4 && ENDS(&t, n, SUF_EN)) {
        set_cyrillic(&t, n - 2, CY_N); /* -ен -> -н */
        n--;
    }
    if (n > 5 && at(&t, n - 2) == CY_YR) {
        /* -ъX -> -X: X is a BMP code point (a low surrogate cannot follow ъ) */
        const size_t dst = byte_at(&t, n - 2);
        const size_t src = byte_at(&t, n - 1);
        const size_t width = byte_at(&t, n) - src;
        memmove(w + dst, w + src, width);
        return dst + width;
    }
    return byte_at(&t, n);
}
