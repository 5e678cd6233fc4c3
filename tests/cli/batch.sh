#!/bin/sh
# Batch labeling (`plaint label` over archives): order and byte-identity
# across thread counts, every record accounted for on a hostile file, gzip
# input, -o (complete files only, nothing left when interrupted), tsv and
# jsonl pass-through, and GNU parallel --pipe equal to a single process.
# Usage: batch.sh PLAINT SOURCE_DIR   (texts come from SOURCE_DIR/corpora)
plaint=${1:?usage: batch.sh PLAINT SOURCE_DIR}
src=${2:?usage: batch.sh PLAINT SOURCE_DIR}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
lines() { wc -l <"$1" | tr -d ' '; }

# about 1.5 MB of real texts (several chunks), with a few problem lines mixed in
cut -f2 "$src"/corpora/heldout/*/*.tsv >"$tmp/texts"
: >"$tmp/in"
for i in 1 2 3 4 5 6; do
    cat "$tmp/texts" >>"$tmp/in"
    printf '\n   \n12345 !!!\nHello, this is an English sentence about the weather.\n' >>"$tmp/in"
done
n=$(lines "$tmp/in")

# 1. the same bytes, in input order, whatever the number of threads
"$plaint" label -q -j 1 "$tmp/in" >"$tmp/out1" 2>"$tmp/err1"
rc=$?
[ $rc -eq 1 ] || fail "label with unlabelable lines: exit $rc, expected 1"
[ "$(lines "$tmp/out1")" -eq "$n" ] || fail "-j 1: $(lines "$tmp/out1") lines out for $n in"
for j in 2 3 8; do
    "$plaint" label -q -j $j "$tmp/in" >"$tmp/out$j" 2>"$tmp/err$j"
    cmp -s "$tmp/out1" "$tmp/out$j" || fail "-j $j output differs from -j 1"
    cmp -s "$tmp/err1" "$tmp/err$j" || fail "-j $j stderr differs from -j 1"
done
# in order: line i of the output belongs to line i of the input
awk 'NR==FNR { t[FNR] = $0; next }
     { if ((t[FNR] ~ /^[ ]*$/) != ($0 ~ /^\t0\.0000\tempty: /)) { print FNR; exit 1 } }' \
    "$tmp/in" "$tmp/out1" || fail "empty lines and 'empty' records do not line up"
labeled=$(grep -c '^[a-z_]*	[01]\.[0-9][0-9][0-9][0-9]$' "$tmp/out1")
[ "$labeled" -eq $((n - 24)) ] || fail "$labeled labeled lines, expected $((n - 24))"
grep -q "^plaint: $n records read, $n written, $((n - 24)) labeled, 24 not labeled (empty 12, unsupported 12)\$" \
    "$tmp/err1" || { fail "summary:"; cat "$tmp/err1" >&2; }

# 2. every record accounted for: a hostile file, in each format
{
    printf '\357\273\277Telefon przyszedł z pękniętym ekranem.\r\n'   # BOM, CRLF
    printf '\n'                                                       # empty
    printf 'Zamówienie \377\376 nie dotarło\n'                         # invalid UTF-8
    printf 'Пратката закъсня с две седмици.\r\n'
    head -c 3000000 /dev/zero | tr '\0' 'a'; printf ' Η συσκευή χάλασε\n'  # 3 MB line
    printf '{"tekst": "zamówienie nie przyszło\n'
    printf 'Το προϊόν ήρθε χαλασμένο.'                                # no final newline
} >"$tmp/hostile"
"$plaint" label -q -j 2 "$tmp/hostile" >"$tmp/h.out" 2>"$tmp/h.err"
[ $? -eq 1 ] || fail "hostile text: exit not 1"
[ "$(lines "$tmp/h.out")" -eq 7 ] || fail "hostile text: $(lines "$tmp/h.out") lines, expected 7"
sed -n 2p "$tmp/h.out" | grep -q '^	0\.0000	empty: ' || fail "hostile: empty line record"
sed -n 3p "$tmp/h.out" | grep -q '^	0\.0000	invalid_utf8: invalid UTF-8 at byte 12$' ||
    fail "hostile: invalid UTF-8 record: $(sed -n 3p "$tmp/h.out")"
for k in 1 4 5 6 7; do
    sed -n ${k}p "$tmp/h.out" | grep -q '^[a-z_][a-z_]*	[01]\.[0-9]*$' ||
        fail "hostile: line $k not labeled: $(sed -n ${k}p "$tmp/h.out" | head -c 100)"
done
grep -q "hostile:3: invalid_utf8: invalid UTF-8 at byte 12" "$tmp/h.err" || fail "hostile: no FILE:LINE message"
"$plaint" label -q --invalid-utf8 replace "$tmp/hostile" >"$tmp/h2.out" 2>/dev/null
[ $? -eq 1 ] || fail "hostile with --invalid-utf8 replace: exit not 1 (one empty line)"
sed -n 3p "$tmp/h2.out" | grep -q '^[a-z_][a-z_]*	[01]\.' || fail "--invalid-utf8 replace: not labeled"

# jsonl: the same troubles plus invalid JSON and a missing field
{
    printf '\357\273\277{"id": 1, "text": "Telefon przyszedł z pękniętym ekranem.", "n": 1.50e3}\r\n'
    printf '\n'
    printf '{"id": 3, "text": "Zam\377wienie"}\n'
    printf '{"id": 4, "text": "Пратката закъсня.", "label": "old", "x": [1, {"y": null}]}\n'
    printf '{"id": 5, "body": "Το προϊόν ήρθε χαλασμένο."}\n'
    printf '{"id": 6, "text": 42}\n'
    printf 'not json at all\n'
    printf '[1, 2]\n'
    printf '{}\n'
    printf '{"id":10,"text":"Το προϊόν ήρθε χαλασμένο.","u":"\\u00e9\\n"}'
} >"$tmp/h.jsonl"
"$plaint" label -q -f jsonl --scores "$tmp/h.jsonl" >"$tmp/j.out" 2>"$tmp/j.err"
[ $? -eq 1 ] || fail "jsonl: exit not 1"
[ "$(lines "$tmp/j.out")" -eq 10 ] || fail "jsonl: $(lines "$tmp/j.out") lines, expected 10"
# the input's own bytes are kept (1.50e3 is not rewritten), fields added at the end
sed -n 1p "$tmp/j.out" | grep -q '^{"id": 1, "text": "Telefon przyszedł z pękniętym ekranem.", "n": 1.50e3,"label":"[a-z_]*","confidence":[01]\.[0-9]\{4\},"scores":{"dishonesty":[01]\.[0-9]\{4\},"genuine_fault":[01]\.[0-9]\{4\},"misuse":[01]\.[0-9]\{4\},"unrealistic_expectation":[01]\.[0-9]\{4\}}}$' ||
    fail "jsonl line 1: $(sed -n 1p "$tmp/j.out")"
sed -n 2p "$tmp/j.out" | grep -q '^{"label":null,"confidence":0,"error":"empty: ' || fail "jsonl empty line"
sed -n 3p "$tmp/j.out" | grep -q '"error":"invalid_utf8: invalid UTF-8 at byte 22"}$' || fail "jsonl invalid UTF-8: $(sed -n 3p "$tmp/j.out")"
sed -n 4p "$tmp/j.out" | grep -q '^{"id":4,"text":"Пратката закъсня.","x":\[1,{"y":null}\],"label":"[a-z_]*","confidence"' ||
    fail "jsonl: an input label field is replaced: $(sed -n 4p "$tmp/j.out")"
sed -n 5p "$tmp/j.out" | grep -q '^{"id": 5, "body": "Το προϊόν ήρθε χαλασμένο.","label":null,"confidence":0,"error":"no_text: no field \\"text\\""}$' ||
    fail "jsonl missing field: $(sed -n 5p "$tmp/j.out")"
sed -n 6p "$tmp/j.out" | grep -q '"error":"no_text: field \\"text\\" is not a string"}$' || fail "jsonl text not a string"
sed -n 7p "$tmp/j.out" | grep -q '^{"label":null,"confidence":0,"error":"invalid_json: .*","input":"not json at all"}$' ||
    fail "jsonl invalid JSON: $(sed -n 7p "$tmp/j.out")"
sed -n 8p "$tmp/j.out" | grep -q '"error":"invalid_json: a JSON value that is not an object","input":"\[1, 2\]"}$' || fail "jsonl array"
sed -n 9p "$tmp/j.out" | grep -q '^{"label":null,"confidence":0,"error":"no_text: ' || fail "jsonl {}: $(sed -n 9p "$tmp/j.out")"
sed -n 10p "$tmp/j.out" | grep -q '^{"id":10,"text":"Το προϊόν ήρθε χαλασμένο.","u":"\\u00e9\\n","label":"[a-z_]*",' || fail "jsonl escapes kept"
"$plaint" label -q -f jsonl --text-field body "$tmp/h.jsonl" 2>/dev/null | sed -n 5p |
    grep -q '"label":"[a-z_]*","confidence":[01]\.' || fail "--text-field body"
if command -v python3 >/dev/null; then
    python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]' "$tmp/j.out" ||
        fail "jsonl output is not valid JSON Lines"
fi

# tsv: other columns untouched; the text column by number or by header name
printf 'id\tbody\tnote\n7\tTelefon przyszedł z pękniętym ekranem.\tx y\n8\t\t\n9\n10\tПратката закъсня.\t\t\n' >"$tmp/a.tsv"
"$plaint" label -q -f tsv --header --text-column body "$tmp/a.tsv" >"$tmp/t.out" 2>/dev/null
[ $? -eq 1 ] || fail "tsv: exit not 1"
sed -n 1p "$tmp/t.out" | grep -q '^id	body	note	label	confidence$' || fail "tsv header: $(sed -n 1p "$tmp/t.out")"
sed -n 2p "$tmp/t.out" | grep -q '^7	Telefon przyszedł z pękniętym ekranem.	x y	[a-z_]*	[01]\.[0-9]\{4\}$' || fail "tsv row 2: $(sed -n 2p "$tmp/t.out")"
sed -n 3p "$tmp/t.out" | grep -q '^8				0\.0000	empty: ' || fail "tsv row 3: $(sed -n 3p "$tmp/t.out")"
sed -n 4p "$tmp/t.out" | grep -q '^9		0\.0000	no_text: the line has 1 column, the text is in column 2$' || fail "tsv row 4: $(sed -n 4p "$tmp/t.out")"
sed -n 5p "$tmp/t.out" | grep -q '^10	Пратката закъсня.			[a-z_]*	[01]\.' || fail "tsv row 5: $(sed -n 5p "$tmp/t.out")"
tail -n +2 "$tmp/a.tsv" | "$plaint" label -q -f tsv --text-column 2 >"$tmp/t2.out" 2>/dev/null
tail -n +2 "$tmp/t.out" | cmp -s - "$tmp/t2.out" || fail "tsv by number differs from by name"
"$plaint" label -q -f tsv --header --text-column nosuch "$tmp/a.tsv" >/dev/null 2>"$tmp/t.err"
[ $? -eq 3 ] || fail "tsv: unknown header column is not exit 3"
grep -q "a.tsv:1: the header has no column 'nosuch'" "$tmp/t.err" || fail "tsv: unknown column message"
"$plaint" label -f tsv --text-column body "$tmp/a.tsv" >/dev/null 2>&1
[ $? -eq 2 ] || fail "--text-column NAME without --header is not a usage error"

# 3. gzip input (two concatenated members) equals plain input
head -n 2000 "$tmp/in" | gzip -c >"$tmp/in.gz"
tail -n +2001 "$tmp/in" | gzip -c >>"$tmp/in.gz"
"$plaint" label -q -j 2 "$tmp/in.gz" >"$tmp/outgz" 2>/dev/null
cmp -s "$tmp/out1" "$tmp/outgz" || fail "gzip input (2 members) differs from plain input"
# several inputs and stdin, in order
head -n 100 "$tmp/in" >"$tmp/p1"
tail -n +101 "$tmp/in" >"$tmp/p2"
"$plaint" label -q "$tmp/p1" - <"$tmp/p2" >"$tmp/outp" 2>/dev/null
cmp -s "$tmp/out1" "$tmp/outp" || fail "FILE then stdin differs from one input"

# 4. -o: the file appears complete (gzip when .gz), or not at all
"$plaint" label -q -j 2 -o "$tmp/o.txt" "$tmp/in" 2>/dev/null
cmp -s "$tmp/out1" "$tmp/o.txt" || fail "-o FILE differs from stdout"
"$plaint" label -q -o "$tmp/o.gz" "$tmp/in" 2>/dev/null
gzip -dc "$tmp/o.gz" | cmp -s "$tmp/out1" - || fail "-o FILE.gz does not decompress to the output"
# a failure part-way (truncated gzip input) leaves no FILE and no temporary
head -c 20000 "$tmp/in.gz" >"$tmp/cut.gz"
"$plaint" label -q -o "$tmp/cut.out" "$tmp/cut.gz" 2>"$tmp/cut.err"
[ $? -eq 3 ] || fail "truncated gzip input: exit not 3"
grep -q 'cut.gz: truncated gzip data' "$tmp/cut.err" || fail "truncated gzip: message"
ls "$tmp" | grep -q '^cut\.out' && fail "truncated input left $(ls "$tmp" | grep '^cut\.out')"
# interrupted: SIGINT and SIGTERM while input is still coming
for sig in INT TERM; do
    mkfifo "$tmp/fifo"
    "$plaint" label -q -o "$tmp/sig.out" "$tmp/fifo" 2>/dev/null &
    pid=$!
    exec 9>"$tmp/fifo"
    head -n 3000 "$tmp/in" >&9
    sleep 1
    ls "$tmp" | grep -q '^sig\.out\.tmp\.' || fail "$sig: no temporary file while running"
    kill -$sig $pid
    wait $pid 2>/dev/null
    rc=$?
    exec 9>&-
    rm -f "$tmp/fifo"
    [ $rc -gt 128 ] || fail "$sig: exit $rc, expected death by signal"
    ls "$tmp" | grep -q '^sig\.out' && fail "$sig: left $(ls "$tmp" | grep '^sig\.out')"
done

# progress: on a terminal (script(1) gives one) a line with records/s while
# the input is slow; none with -q, none when stderr is a file
progress_run() { # progress_run OPTS: labels through a fifo fed in two parts
    mkfifo "$tmp/pfifo"
    script -qec "'$plaint' label $1 -o '$tmp/p.out' '$tmp/pfifo'" /dev/null >"$tmp/tty.out" &
    spid=$!
    exec 8>"$tmp/pfifo"
    head -n 500 "$tmp/in" >&8
    sleep 1.5
    head -n 10 "$tmp/in" >&8
    exec 8>&-
    wait $spid
    rm -f "$tmp/pfifo"
}
if command -v script >/dev/null; then
    progress_run ""
    grep -q 'plaint: [0-9.]* [KM]*B read, [0-9]* records/s' "$tmp/tty.out" ||
        { fail "no progress line on a terminal:"; cat "$tmp/tty.out" >&2; }
    progress_run "-q"
    grep -q 'records/s' "$tmp/tty.out" && fail "progress line with -q"
else
    fail "script(1) is not installed (Debian package bsdutils)"
fi
"$plaint" label "$tmp/p1" >/dev/null 2>"$tmp/noq.err"
grep -q '^plaint: .* in [0-9.]* s: [0-9]* records/s, [0-9.]* MB/s$' "$tmp/noq.err" ||
    { fail "no throughput summary without -q:"; cat "$tmp/noq.err" >&2; }
grep -q "$(printf '\r')" "$tmp/noq.err" && fail "progress line when stderr is a file"

# 5. GNU parallel --pipe (as across hosts): the same output as one process
if command -v parallel >/dev/null; then
    parallel --will-cite --pipe -k --block 150k -j 3 "$plaint" label -q -j 1 --unlabeled-ok <"$tmp/in" \
        >"$tmp/outpar" 2>/dev/null
    cmp -s "$tmp/out1" "$tmp/outpar" || fail "parallel --pipe output differs from one process"
else
    fail "GNU parallel is not installed (Debian package parallel; scripts/test.sh installs it)"
fi

"$plaint" label -q --unlabeled-ok "$tmp/p1" "$tmp/hostile" >/dev/null 2>&1
[ $? -eq 0 ] || fail "--unlabeled-ok: exit not 0"

# usage errors
"$plaint" label -j 0 "$tmp/p1" >/dev/null 2>&1
[ $? -eq 2 ] || fail "-j 0 is not a usage error"
"$plaint" label -f xml "$tmp/p1" >/dev/null 2>&1
[ $? -eq 2 ] || fail "--format xml is not a usage error"
"$plaint" label -q "$tmp/nonexistent" >/dev/null 2>"$tmp/ne.err"
[ $? -eq 3 ] || fail "missing input is not exit 3"

if [ $fails -gt 0 ]; then
    echo "batch: $fails failed" >&2
    exit 1
fi
echo "batch: all passed ($n records)"
