/* translit.h - Greek and Bulgarian typed in Latin letters, back to their
 * own script; and the folding of stems that makes informal spellings meet.
 *
 * People type Greek in "Greeklish" (kalispera, er8ei, exw) and Bulgarian in
 * "shlyokavitsa" (poru4ah, oshte, blagodarya). The language of a text in
 * Latin letters is decided by pl_latin_lang (character trigram statistics,
 * latin_lid.c); a Greek or Bulgarian one is rewritten into Greek or Cyrillic
 * letters here, by longest-match rules over the common conventions (th/8 θ,
 * ch/x χ, ps ψ, ks/3 ξ, w ω, ou/u ου ...; sht/6t щ, sh/6 ш, ch/4 ч, zh/j ж,
 * ya/ja/q я, yu/ju ю, y/` ъ ...), and then goes through that language's
 * pipeline. ICU's Latin-Greek and Latin-Cyrillic transliterators implement
 * reversible standards (ō for ω, ĭ for й ...) and know none of these
 * conventions, so they do not fit here.
 *
 * A transliteration can only guess at letters the Latin text does not
 * distinguish (ι/η/υ/ει/οι, ο/ω, ε/αι; ъ/а/у), so features are computed
 * from folded stems (pl_fold_stem) in which those letters coincide. The
 * same folding makes Polish typed without diacritics and Greek without
 * accents meet their proper spellings. */
#ifndef PL_TRANSLIT_H
#define PL_TRANSLIT_H

#include <stddef.h>

#include "alloc.h"
#include "plaint.h"

/* Appends to out the text s (valid UTF-8) with its ASCII letters (and the
 * digits used as letters inside words) rewritten into lang's script (EL or
 * BG). Other characters are copied. Returns 0, or -1 when out of memory. */
int pl_translit(plaint_lang lang, const char *s, size_t len, struct pl_buf *out);

/* The language of a text written mostly in Latin letters: PL, EL
 * (Greeklish) or BG (Latin-script Bulgarian), or OTHER for English (a
 * quarter or more of its words are English function words). A text with
 * Polish diacritics is Polish; otherwise the character trigram model
 * decides, with Polish the answer when the evidence is weak. */
plaint_lang pl_latin_lang(const char *s, size_t len);

/* Appends to out the text s with the Polish diacritics removed (ą -> a,
 * Ł -> L ...). Returns 1 if there were any, 0 if not (out then holds a
 * copy), -1 when out of memory. */
int pl_strip_polish(const char *s, size_t len, struct pl_buf *out);

/* Writes the folded form of a stem (valid UTF-8 of lang) to out, which has
 * room for len bytes (folding never lengthens), and returns its length:
 *   pl  ą ć ę ł ń ó ś ź ż -> a c e l n o s z z
 *   el  ει οι υι η υ -> ι (but ου, αυ, ευ stay), αι -> ε, ω -> ο,
 *       μπ -> β, ντ -> δ, γκ -> γ, a doubled letter -> one
 *   bg  ъ -> а, й -> и, ь dropped
 * Other languages are copied unchanged. */
size_t pl_fold_stem(plaint_lang lang, const char *s, size_t len, char *out);

#endif
