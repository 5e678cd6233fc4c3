// verify_stem_pl.mjs - the Snowball side of scripts/verify_stem_pl.sh.
//
//   node verify_stem_pl.mjs tsv FILE...   letter runs of the text column
//                                         (label<TAB>text), one per line
//   node verify_stem_pl.mjs lower [FILE]  lowercase each word; print those
//                                         our normalization leaves unchanged
//   node verify_stem_pl.mjs stem [FILE]   Snowball polish stem of each line
//
// FILE defaults to stdin; output goes to stdout, one line per word. Input is
// streamed in chunks, so 4.3M words cost one process, not one per word.
// `stem` loads multilingual-stemmer (Snowball 3.1.1 compiled to WebAssembly)
// from $PLAINT_NPM_PREFIX (default: build-verify/npm in the repository).
import { createReadStream, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Lines of a file (or stdin for '-'), without the \n or a \r before it.
async function* lines(file) {
    let carry = '';
    const input = file === '-' ? process.stdin : createReadStream(file);
    input.setEncoding('utf8');
    for await (const chunk of input) {
        const parts = (carry + chunk).split('\n');
        carry = parts.pop();
        for (const l of parts) yield l.endsWith('\r') ? l.slice(0, -1) : l;
    }
    if (carry !== '') yield carry.endsWith('\r') ? carry.slice(0, -1) : carry;
}

// Buffered stdout that waits for the pipe to drain.
let out = [];
async function emit(s) {
    out.push(s);
    if (out.length >= 65536) await flush();
}
async function flush() {
    const ok = process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
    out = [];
    if (!ok) await new Promise((resolve) => process.stdout.once('drain', resolve));
}

// Our CLI normalizes each line before stemming (src/normalize.h): ICU's
// NFKC_Casefold, then the apostrophes U+2019 and U+02BC become ASCII '.
// Snowball stems its input as given. So Snowball is fed lowercased words,
// and only words that our normalization leaves unchanged are compared: then
// both stemmers see the same string and a normalization difference can never
// count as a disagreement. JavaScript has no NFKC_Casefold, so this check is
// stricter than it: NFKC-stable, lowercase, stable under upper-then-lower
// (drops ß, ſ, ...), no default-ignorables (which NFKC_Casefold deletes), no
// typographic apostrophes, and no control characters (a tab would break the
// comparison's columns).
const unstable = /[\p{Default_Ignorable_Code_Point}\p{Cc}\u2019\u02BC]/u;
function folded(w) {
    return w !== '' && w === w.normalize('NFKC') && w === w.toLowerCase() &&
        w === w.toUpperCase().toLowerCase().normalize('NFKC') && !unstable.test(w);
}

const [mode, ...files] = process.argv.slice(2);
if (mode === 'tsv') {
    // "Letters" include combining marks, so a decomposed ó stays one word.
    for (const f of files)
        for await (const l of lines(f)) {
            const tab = l.indexOf('\t');
            if (tab < 0) continue;
            for (const w of l.slice(tab + 1).normalize('NFC').split(/[^\p{L}\p{M}]+/u))
                if (w !== '') await emit(w);
        }
} else if (mode === 'lower') {
    let dropped = 0;
    for await (const l of lines(files[0] ?? '-')) {
        const w = l.toLowerCase();
        if (folded(w)) await emit(w);
        else if (l !== '') dropped++;
    }
    if (process.env.PLAINT_SKIPPED_FILE)  // for the .sh's report
        writeFileSync(process.env.PLAINT_SKIPPED_FILE, `${dropped}\n`);
} else if (mode === 'stem') {
    // Version 2.1.1 is pinned by the .sh, so its entry point is known.
    const here = dirname(fileURLToPath(import.meta.url));
    const prefix = process.env.PLAINT_NPM_PREFIX ?? join(here, '..', 'build-verify', 'npm');
    const entry = join(prefix, 'node_modules', 'multilingual-stemmer', 'dist', 'index.js');
    const { createStemmer } = await import(pathToFileURL(entry).href);
    const stem = createStemmer('pl');
    for await (const l of lines(files[0] ?? '-')) await emit(stem(l));
} else {
    process.stderr.write('usage: node verify_stem_pl.mjs tsv FILE... | lower [FILE] | stem [FILE]\n');
    process.exit(2);
}
await flush();
