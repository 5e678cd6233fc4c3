/* stem_pl.c - the Snowball Polish stemmer, reimplemented in C.
 *
 * Source of the algorithm: Snowball `algorithms/polish.sbl` by Dmitry
 * Shachnev (snowballstem/snowball, BSD-3-Clause), as released in Snowball
 * 3.1.x (one `remove_endings` among with R1 conditions, plus the apostrophe
 * rule; earlier development versions of polish.sbl behave differently). This
 * file is an independent C rendering of that algorithm working directly on
 * UTF-8 bytes; it is not generated from the Snowball sources.
 *
 * Definitions (positions are byte offsets; limits are counted in characters):
 *   V   vowels: a ą e ę i o ó u y (every other code point is a non-vowel).
 *   p1  R1 start: just after the first non-vowel that follows the first vowel,
 *       or the end of the word if there is no such position.
 *   lb  backward limit: just after the first two characters. Steps A-C
 *       never look at or change the first two characters.
 *
 * stem(word):
 *   A word of fewer than 2 characters goes straight to step D.
 *   Step A (conditional particles; only in R1): delete the longest of
 *       byście byśmy byś bym by. This deletion stays even if step B then
 *       finds nothing.
 *   Step B: find the longest ending of the table `endings` below that lies
 *       after lb and whose condition holds (R1: the ending starts at or after
 *       p1; a longer ending whose condition fails gives way to a shorter one).
 *       If there is none, go to step D (on the word as step A left it).
 *       Otherwise apply its action:
 *         DEL    delete it (verb endings, participles, comparatives, and, in
 *                R1 only, noun endings);
 *         TO_S   replace it by `s` (szę, sząca, szącą, szące);
 *         SZA    szą: delete if in R1, otherwise replace by `s`;
 *         TO_L   replace it by `ł` (łeś łaś liśmy łyśmy liście łyście, the
 *                past tense of short verbs: byłeś, byliśmy -> był);
 *         ADJ    delete it (adjective endings y ego ym ej ych ymi ...), then
 *                delete a participle/comparative suffix left at the new end
 *                (ając ąc iejsz sz), or replace sząc by `s`.
 *   Step C (only after step B acted): delete one apostrophe immediately
 *       before the Snowball cursor, if it is after lb (kennedy'ego ->
 *       kennedy). After a replacement the cursor stands before the inserted
 *       letter, otherwise at the new end of the word.
 *   Step D (only if steps A-C did not run or B found nothing): a final
 *       ć ń ś ź becomes c n s z, unless it is the whole word.
 *
 * Input is assumed to be valid, lowercase UTF-8; every suffix is a whole
 * code-point byte string, so byte-wise suffix comparison only ever matches on
 * character boundaries. Invalid input is handled without crashing (it is
 * simply treated as bytes). Every replacement is shorter than what it
 * replaces, so the word only ever shrinks and is rewritten in place. */
#include "stem.h"

#include <string.h>

/* UTF-8 spellings of the Polish letters used by the rules. */
#define AK "\xc4\x85" /* ą */
#define EK "\xc4\x99" /* ę */
#define LS "\xc5\x82" /* ł */
#define CA "\xc4\x87" /* ć */
#define OA "\xc3\xb3" /* ó */
#define SA "\xc5\x9b" /* ś */

enum pl_action {
    ACT_DEL = 1, /* delete the ending */
    ACT_TO_S,    /* replace the ending by "s" */
    ACT_SZA,     /* "szą": delete in R1, else replace by "s" */
    ACT_TO_L,    /* replace the ending by "ł" */
    ACT_ADJ      /* delete, then try the participle/comparative suffixes */
};

struct pl_ending {
    const char *s;       /* the ending, UTF-8 */
    unsigned char len;   /* its length in bytes */
    unsigned char act;   /* enum pl_action */
    unsigned char in_r1; /* 1: only when the ending starts in R1 */
};

#define E(str, act, r1) { str, (unsigned char)(sizeof(str) - 1), act, r1 }

/* Step A: conditional-mood particles (matched only inside R1). */
static const struct pl_ending particles[] = {
    E("by", ACT_DEL, 0),          E("bym", ACT_DEL, 0),
    E("by" SA, ACT_DEL, 0),       E("by" SA "my", ACT_DEL, 0),
    E("by" SA "cie", ACT_DEL, 0),
};

/* Step B: every ending, grouped as in polish.sbl (the among of remove_endings). */
static const struct pl_ending endings[] = {
    /* Verbs: present tense. */
    E("asz", ACT_DEL, 0),  E("esz", ACT_DEL, 0),  E("isz", ACT_DEL, 0),
    E("amy", ACT_DEL, 0),  E("emy", ACT_DEL, 0),  E("imy", ACT_DEL, 0),
    E("acie", ACT_DEL, 0), E("ecie", ACT_DEL, 0), E("icie", ACT_DEL, 0),
    E("aj" AK, ACT_DEL, 0),
    E("sz" EK, ACT_TO_S, 0), /* noszę */
    E("sz" AK, ACT_SZA, 0),  /* noszą (but lepszą in R1) */
    E(EK, ACT_DEL, 0),       /* lecę */
    /* Verbs: infinitive. */
    E("e" SA CA, ACT_DEL, 0), E("a" SA CA, ACT_DEL, 0), E("a" CA, ACT_DEL, 0),
    E("ie" CA, ACT_DEL, 0),   E("i" CA, ACT_DEL, 0),    E(AK CA, ACT_DEL, 0),
    /* Verbs: adverbial participle (czytając, lecąc). */
    E("aj" AK "c", ACT_DEL, 0), E(AK "c", ACT_DEL, 0),
    /* Verbs: past tense. */
    E("a" LS "em", ACT_DEL, 0), E("ia" LS "em", ACT_DEL, 0), E("i" LS "em", ACT_DEL, 0),
    E("a" LS "am", ACT_DEL, 0), E("ia" LS "am", ACT_DEL, 0), E("i" LS "am", ACT_DEL, 0),
    E("am", ACT_DEL, 0),
    E("a" LS "e" SA, ACT_DEL, 0), E("ia" LS "e" SA, ACT_DEL, 0),
    E("i" LS "e" SA, ACT_DEL, 0),
    E("a" LS "a" SA, ACT_DEL, 0), E("ia" LS "a" SA, ACT_DEL, 0),
    E("i" LS "a" SA, ACT_DEL, 0),
    E("a" LS, ACT_DEL, 0),       E("ia" LS, ACT_DEL, 0),       E("i" LS, ACT_DEL, 0),
    E("a" LS "a", ACT_DEL, 0),   E("ia" LS "a", ACT_DEL, 0),   E("i" LS "a", ACT_DEL, 0),
    E("a" LS "o", ACT_DEL, 0),   E("ia" LS "o", ACT_DEL, 0),   E("i" LS "o", ACT_DEL, 0),
    E("ali" SA "my", ACT_DEL, 0), E("ieli" SA "my", ACT_DEL, 0),
    E("ili" SA "my", ACT_DEL, 0),
    E("a" LS "y" SA "my", ACT_DEL, 0), E("ia" LS "y" SA "my", ACT_DEL, 0),
    E("i" LS "y" SA "my", ACT_DEL, 0),
    E("ali" SA "cie", ACT_DEL, 0), E("ieli" SA "cie", ACT_DEL, 0),
    E("ili" SA "cie", ACT_DEL, 0),
    E("a" LS "y" SA "cie", ACT_DEL, 0), E("ia" LS "y" SA "cie", ACT_DEL, 0),
    E("i" LS "y" SA "cie", ACT_DEL, 0),
    E("ali", ACT_DEL, 0),     E("ieli", ACT_DEL, 0),     E("ili", ACT_DEL, 0),
    E("a" LS "y", ACT_DEL, 0), E("ia" LS "y", ACT_DEL, 0), E("i" LS "y", ACT_DEL, 0),
    /* Verbs: imperative (czytaj, czytajcie, chodźcie). */
    E("aj", ACT_DEL, 0), E("ajcie", ACT_DEL, 0), E("cie", ACT_DEL, 0),
    /* Short verbs (być): byłeś, byłaś, byliśmy ... -> był. */
    E(LS "e" SA, ACT_TO_L, 0),       E(LS "a" SA, ACT_TO_L, 0),
    E("li" SA "my", ACT_TO_L, 0),    E(LS "y" SA "my", ACT_TO_L, 0),
    E("li" SA "cie", ACT_TO_L, 0),   E(LS "y" SA "cie", ACT_TO_L, 0),
    /* Adjectives: endings, then optionally a participle/comparative suffix. */
    E("y", ACT_ADJ, 0),
    E("ego", ACT_ADJ, 0), E("iego", ACT_ADJ, 0), E("emu", ACT_ADJ, 0), E("iemu", ACT_ADJ, 0),
    E("ym", ACT_ADJ, 0),  E("im", ACT_ADJ, 0),   E("ej", ACT_ADJ, 0),  E("iej", ACT_ADJ, 0),
    E("ych", ACT_ADJ, 0), E("ich", ACT_ADJ, 0),  E("ymi", ACT_ADJ, 0), E("imi", ACT_ADJ, 0),
    /* Participles and comparatives with a vowel ending. */
    E("aj" AK "ca", ACT_DEL, 0),    E(AK "ca", ACT_DEL, 0),
    E("iejsza", ACT_DEL, 0),        E("sza", ACT_DEL, 0),
    E("aj" AK "c" AK, ACT_DEL, 0),  E(AK "c" AK, ACT_DEL, 0),
    E("iejsz" AK, ACT_DEL, 0),
    E("aj" AK "ce", ACT_DEL, 0),    E(AK "ce", ACT_DEL, 0),
    E("iejsze", ACT_DEL, 0),        E("sze", ACT_DEL, 0),
    E("sz" AK "ca", ACT_TO_S, 0),   E("sz" AK "c" AK, ACT_TO_S, 0),
    E("sz" AK "ce", ACT_TO_S, 0),
    /* Nouns: only when the ending is in R1. */
    E("a", ACT_DEL, 1),     E("o", ACT_DEL, 1),
    E("i", ACT_DEL, 1),     E("u", ACT_DEL, 1),     E("ia", ACT_DEL, 1),
    E("owi", ACT_DEL, 1),   E("iowi", ACT_DEL, 1),
    E(AK, ACT_DEL, 1),      E("i" AK, ACT_DEL, 1),  E("em", ACT_DEL, 1), E("iem", ACT_DEL, 1),
    E("e", ACT_DEL, 1),     E("iu", ACT_DEL, 1),    E("ie", ACT_DEL, 1),
    E(OA "w", ACT_DEL, 1),
    E("om", ACT_DEL, 1),    E("iom", ACT_DEL, 1),
    E("ami", ACT_DEL, 1),   E("iami", ACT_DEL, 1),
    E("ach", ACT_DEL, 1),   E("iach", ACT_DEL, 1),
};

/* After an adjective ending: participle and comparative suffixes. */
static const struct pl_ending adj_suffixes[] = {
    E("aj" AK "c", ACT_DEL, 0), E(AK "c", ACT_DEL, 0),
    E("iejsz", ACT_DEL, 0),     E("sz", ACT_DEL, 0),
    E("sz" AK "c", ACT_TO_S, 0),
};

#undef E

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Offset of the character after the one starting at i (i < len). */
static size_t next_char(const unsigned char *p, size_t i, size_t len)
{
    i++;
    while (i < len && (p[i] & 0xC0u) == 0x80u) {
        i++;
    }
    return i;
}

/* Whether the character starting at i (i < len) is a Polish vowel. */
static int is_vowel(const unsigned char *p, size_t i, size_t len)
{
    const unsigned char b = p[i];
    if (b == 'a' || b == 'e' || b == 'i' || b == 'o' || b == 'u' || b == 'y') {
        return 1;
    }
    if (i + 1 < len) {
        const unsigned char c = p[i + 1];
        return (b == 0xC3u && c == 0xB3u) ||                 /* ó */
               (b == 0xC4u && (c == 0x85u || c == 0x99u));   /* ą ę */
    }
    return 0;
}

/* Snowball mark_regions: p1 = after the first non-vowel following a vowel. */
static size_t mark_p1(const unsigned char *p, size_t len)
{
    size_t i = 0;
    while (i < len && !is_vowel(p, i, len)) {
        i = next_char(p, i, len);
    }
    if (i >= len) {
        return len;
    }
    i = next_char(p, i, len);
    while (i < len && is_vowel(p, i, len)) {
        i = next_char(p, i, len);
    }
    if (i >= len) {
        return len;
    }
    return next_char(p, i, len);
}

/* The longest entry of table[0..n) that ends the word p[0..end), starts at or
 * after lb, and whose R1 condition (start >= p1) holds; NULL if none. This is
 * what a Snowball `among` with conditions selects, since all matching entries
 * are suffixes of one another. */
static const struct pl_ending *longest_ending(const struct pl_ending *table, size_t n,
                                              const unsigned char *p, size_t end, size_t lb,
                                              size_t p1)
{
    const struct pl_ending *best = NULL;
    if (end < lb) {
        return NULL;
    }
    const size_t room = end - lb;
    for (size_t k = 0; k < n; k++) {
        const struct pl_ending *const e = &table[k];
        if (e->len > room || (best != NULL && e->len <= best->len)) {
            continue;
        }
        const size_t start = end - e->len;
        if ((unsigned char)e->s[e->len - 1] != p[end - 1] ||
            memcmp(p + start, e->s, e->len) != 0) {
            continue;
        }
        if (e->in_r1 && start < p1) {
            continue;
        }
        best = e;
    }
    return best;
}

/* Steps A, B and C on p[0..*len). Returns 1 if step B found an ending, 0 if
 * not (step A may still have shortened the word). *len is updated. */
static int remove_endings(unsigned char *p, size_t *len, size_t lb, size_t p1)
{
    size_t end = *len;

    /* Step A: the particle must lie entirely in R1 (p1 >= lb always). */
    if (p1 <= end) {
        const struct pl_ending *const part =
            longest_ending(particles, COUNT(particles), p, end, p1, p1);
        if (part != NULL) {
            end -= part->len;
        }
    }

    /* Step B. */
    const struct pl_ending *const e = longest_ending(endings, COUNT(endings), p, end, lb, p1);
    if (e == NULL) {
        *len = end;
        return 0;
    }
    const size_t start = end - e->len;
    size_t cursor; /* Snowball's cursor after the action, for step C */
    unsigned act = e->act;
    if (act == ACT_SZA) {
        act = start >= p1 ? ACT_DEL : ACT_TO_S;
    }
    switch (act) {
    case ACT_TO_S:
        p[start] = 's';
        end = start + 1;
        cursor = start;
        break;
    case ACT_TO_L:
        p[start] = 0xC5u; /* ł */
        p[start + 1] = 0x82u;
        end = start + 2;
        cursor = start;
        break;
    case ACT_ADJ: {
        end = start;
        cursor = end;
        const struct pl_ending *const suf =
            longest_ending(adj_suffixes, COUNT(adj_suffixes), p, end, lb, p1);
        if (suf != NULL) {
            const size_t s2 = end - suf->len;
            if (suf->act == ACT_TO_S) {
                p[s2] = 's';
                end = s2 + 1;
                cursor = s2;
            } else {
                end = s2;
                cursor = end;
            }
        }
        break;
    }
    default: /* ACT_DEL */
        end = start;
        cursor = end;
        break;
    }

    /* Step C: an apostrophe just before the cursor (and after lb) goes. */
    if (cursor > lb && p[cursor - 1] == '\'') {
        memmove(p + cursor - 1, p + cursor, end - cursor);
        end--;
    }
    *len = end;
    return 1;
}

/* Step D: final ć ń ś ź -> c n s z, unless that letter is the whole word. */
static size_t normalize_consonant(unsigned char *p, size_t len)
{
    if (len < 3) {
        return len; /* a two-byte letter alone, or too short to hold one */
    }
    const unsigned char a = p[len - 2];
    const unsigned char b = p[len - 1];
    unsigned char plain = 0;
    if (a == 0xC4u && b == 0x87u) {
        plain = 'c'; /* ć */
    } else if (a == 0xC5u && b == 0x84u) {
        plain = 'n'; /* ń */
    } else if (a == 0xC5u && b == 0x9Bu) {
        plain = 's'; /* ś */
    } else if (a == 0xC5u && b == 0xBAu) {
        plain = 'z'; /* ź */
    }
    if (plain == 0) {
        return len;
    }
    p[len - 2] = plain;
    return len - 1;
}

size_t pl_stem_pl(char *word, size_t len)
{
    if (word == NULL || len == 0) {
        return 0;
    }
    unsigned char *const p = (unsigned char *)word;
    const size_t p1 = mark_p1(p, len);

    /* hop 2: the backward limit lies after the first two characters. */
    const size_t first = next_char(p, 0, len);
    if (first < len) {
        const size_t lb = next_char(p, first, len);
        if (remove_endings(p, &len, lb, p1)) {
            return len;
        }
    }
    return normalize_consonant(p, len);
}
