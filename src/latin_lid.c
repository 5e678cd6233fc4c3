/* latin_lid.c - which language a text in Latin letters is written in. */
#include <stdint.h>
#include <string.h>

#include "translit.h"

struct pl_lid_entry {
    uint32_t key;
    int16_t lp[3]; /* pl, el, bg */
};

#include "latin_lid_table.h"

enum { LID_PL, LID_EL, LID_BG };

/* How much better (in centinats per trigram, on average) Greek or
 * Bulgarian must explain a text than Polish before the text leaves the
 * Polish pipeline. */
#define LID_MARGIN 30

/* Below this many trigrams (about two short words) a text stays Polish:
 * "ok", "super", "nie" say too little. */
#define LID_MIN_TRIGRAMS 8

static int code_of(unsigned char c)
{
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 1;
    if (c >= '0' && c <= '9')
        return c - '0' + 27;
    return c == '`' ? 37 : -1;
}

static const struct pl_lid_entry *find(uint32_t key)
{
    size_t lo = 0, hi = sizeof pl_lid_table / sizeof pl_lid_table[0];
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        if (pl_lid_table[mid].key < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < sizeof pl_lid_table / sizeof pl_lid_table[0] && pl_lid_table[lo].key == key
               ? &pl_lid_table[lo]
               : NULL;
}

static void add_trigram(int a, int b, int c, int64_t *score)
{
    const struct pl_lid_entry *const e = find(((uint32_t)a << 12) | ((uint32_t)b << 6) |
                                              (uint32_t)c);
    for (int k = 0; k < 3; k++)
        score[k] += e != NULL ? e->lp[k] : pl_lid_floor[k];
}

/* Whether s[i] (ASCII) is a letter in the scorer's sense: a-z (any case),
 * '`', or a digit next to a letter. Lowercased code, or -1. */
static int letter_at(const unsigned char *s, size_t len, size_t i)
{
    unsigned char c = s[i];
    if (c >= 'A' && c <= 'Z')
        c = (unsigned char)(c | 0x20);
    if (c >= '0' && c <= '9') {
        const int before = i > 0 && ((s[i - 1] | 0x20) >= 'a' && (s[i - 1] | 0x20) <= 'z');
        const int after =
            i + 1 < len && ((s[i + 1] | 0x20) >= 'a' && (s[i + 1] | 0x20) <= 'z');
        return before || after ? code_of(c) : -1;
    }
    return code_of(c);
}

/* English function words: a Latin text made of enough of them is English,
 * which plaint does not label (and must not pass off as Polish). Words that
 * are also common Polish, Greeklish or Latin Bulgarian ones ("to", "a",
 * "i", "na", "me") are left out. */
static int is_english_word(const unsigned char *w, size_t n)
{
    static const char *const words[] = {
        "the", "and", "is", "are", "was", "were", "my", "your", "you", "not", "have", "has",
        "with", "this", "that", "for", "of", "it", "be", "been", "will", "would", "what",
        "please", "thanks", "thank", "order", "but", "from", "they", "we", "our", "did",
        "didn", "don", "can", "cannot", "hello", "hi", "still", "received", "after", NULL};
    for (const char *const *p = words; *p != NULL; p++) {
        if (strlen(*p) != n)
            continue;
        size_t i = 0;
        while (i < n && (w[i] | 0x20) == (unsigned char)(*p)[i])
            i++;
        if (i == n)
            return 1;
    }
    return 0;
}

/* Whether at least a quarter of the (at least 3) ASCII words are English
 * function words. */
static int looks_english(const unsigned char *s, size_t len)
{
    size_t words = 0, english = 0, i = 0;
    while (i < len) {
        while (i < len && !(((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') || s[i] >= 0x80))
            i++;
        const size_t start = i;
        int ascii = 1;
        while (i < len && (((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') || s[i] >= 0x80 ||
                           s[i] == '\'')) {
            ascii &= s[i] < 0x80;
            i++;
        }
        if (i == start)
            continue;
        words++;
        size_t n = i - start; /* "didn't" counts as "didn" */
        const unsigned char *const apos = memchr(s + start, '\'', n);
        if (apos != NULL)
            n = (size_t)(apos - (s + start));
        english += ascii && is_english_word(s + start, n);
    }
    return words >= 3 && english * 4 >= words;
}

plaint_lang pl_latin_lang(const char *text, size_t len)
{
    const unsigned char *const s = (const unsigned char *)text;
    /* Polish diacritics settle it: ą ć ę ł ń ó ś ź ż (and capitals) are
     * C4 xx / C5 xx / C3 B3 / C3 93 in UTF-8 */
    for (size_t i = 0; i + 1 < len; i++) {
        const unsigned c = s[i], d = s[i + 1];
        if ((c == 0xC4 && (d == 0x84 || d == 0x85 || d == 0x86 || d == 0x87 || d == 0x98 ||
                           d == 0x99)) ||
            (c == 0xC5 && (d == 0x81 || d == 0x82 || d == 0x83 || d == 0x84 || d == 0x9A ||
                           d == 0x9B || d == 0xB9 || d == 0xBA || d == 0xBB || d == 0xBC)) ||
            (c == 0xC3 && (d == 0xB3 || d == 0x93)))
            return PLAINT_LANG_PL;
    }
    if (looks_english(s, len))
        return PLAINT_LANG_OTHER;
    int64_t score[3] = {0, 0, 0};
    size_t n = 0;
    /* each word is scored as "_word_": trigrams (_,w,o) (w,o,r) ... (d,_) */
    int in_word = 0, p2 = -1, p1 = 0;
    for (size_t i = 0; i <= len; i++) {
        const int c = i < len ? letter_at(s, len, i) : -1;
        if (c > 0) {
            if (!in_word) {
                in_word = 1;
                p2 = -1;
                p1 = 0;
            }
            if (p2 >= 0) {
                add_trigram(p2, p1, c, score);
                n++;
            }
            p2 = p1;
            p1 = c;
        } else if (in_word) {
            add_trigram(p2, p1, 0, score);
            n++;
            in_word = 0;
        }
    }
    if (n < LID_MIN_TRIGRAMS)
        return PLAINT_LANG_PL;
    int best = LID_PL;
    for (int k = 1; k < 3; k++)
        if (score[k] > score[best])
            best = k;
    if (best == LID_PL || score[best] - score[LID_PL] < (int64_t)n * LID_MARGIN)
        return PLAINT_LANG_PL;
    return best == LID_EL ? PLAINT_LANG_EL : PLAINT_LANG_BG;
}
