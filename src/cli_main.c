/* cli_main.c - `plaint`: dispatch to subcommands, global --help/--version. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct cli_opt stem_opts[] = {
    {"lang", 'l', "LANG", "pl, bg or el: the stemmer to use (default: auto, by script)"},
};

static const struct cli_opt tokenize_opts[] = {
    {"lang", 'l', "LANG", "pl, bg or el: stem as this language (default: auto, by script)"},
    {"stems", 's', NULL, "print stems instead of normalized tokens"},
};

/* The options that shape a model, shared by train and cv. */
#define TRAINING_OPTS                                                                        \
        {"algo", 0, "ALGO", "cnb (complement NB, default) or mnb (multinomial NB)"},        \
        {"alpha", 0, "A", "additive smoothing (default 0.5)"},                                \
        {"min-count", 0, "N", "ignore features seen in fewer than N texts (default 1)"},      \
        {"no-bigrams", 0, NULL, "do not use stem bigrams"},                                   \
        {"no-negation", 0, NULL, "do not mark words in a negation's scope"},                  \
        {"idf", 0, NULL, "weight features by inverse document frequency (default: off)"},     \
        {"calibration-sample", 0, "N",                                                        \
         "calibrate on N texts per language (default 5000; 0: none)"},                        \
        {"strict", 0, NULL, "stop at the first malformed line instead of skipping it"}

static const struct cli_opt train_opts[] = {
    {"output", 'o', "MODEL", "write the model to MODEL (required)"},
    {"mergeable", 0, NULL, "keep the calibration sample, for 'plaint merge' and --update"},
    {"update", 'u', "MODEL", "add CORPUS to MODEL (a --mergeable one), with MODEL's options"},
    TRAINING_OPTS,
};

static const struct cli_opt merge_opts[] = {
    {"output", 'o', "MODEL", "write the merged model to MODEL (required)"},
};

static const struct cli_opt cv_opts[] = {
    {"folds-cv", 'k', "K", "number of cross-validation folds (default 10)"},
    {"json", 0, NULL, "print one JSON object instead of the report"},
    TRAINING_OPTS,
};

static const struct cli_opt info_opts[] = {
    {"model", 'm', "MODEL", "the model file (default: the built-in model)"},
    {"json", 0, NULL, "print one JSON object instead of the report"},
};

static const struct cli_opt label_opts[] = {
    {"model", 'm', "MODEL", "the model file (default: the built-in model)"},
    {"output", 'o', "FILE", "write to FILE (gzip when it ends in .gz), only when complete"},
    {"format", 'f', "FMT", "input format: text (default), tsv or jsonl"},
    {"text-column", 0, "COL", "tsv: the text's column, a number from 1 or a name (default 1)"},
    {"header", 0, NULL, "tsv: the first line of each input is a header"},
    {"text-field", 0, "NAME", "jsonl: the field holding the text (default: text)"},
    {"scores", 0, NULL, "add the probability of every label"},
    {"explain", 'e', "K", "add the K features that pushed hardest toward the label"},
    {"threads", 'j', "N", "label with N threads (default: every core)"},
    {"invalid-utf8", 0, "HOW", "error (default): not labeled; replace: label with U+FFFD"},
    {"quiet", 'q', NULL, "no progress line; a summary only when records were not labeled"},
    {"unlabeled-ok", 0, NULL, "exit 0 even when records were not labeled (for mappers)"},
};

static const struct cli_opt eval_opts[] = {
    {"model", 'm', "MODEL", "the model file (default: the built-in model)"},
    {"json", 0, NULL, "print one JSON object instead of the report"},
};

#define NOPTS(t) (sizeof(t) / sizeof((t)[0]))

static const struct cli_cmd commands[] = {
    {"train", "CORPUS...", "Train a model from labeled texts.",
     "CORPUS files hold one text per line as label<TAB>text, or fastText's\n"
     "__label__X text; .gz files are read transparently; '-' is stdin. A line that\n"
     "cannot be used (no tab, empty label, no letters of a supported script) is\n"
     "reported as FILE:LINE: problem and skipped, or ends the job with --strict.\n"
     "One sub-model is trained per language found (pl, bg, el). The result does not\n"
     "depend on the order of the CORPUS files.\n"
     "\n"
     "Calibration: per language, the temperature and the confidence curve are fitted\n"
     "on the --calibration-sample texts with the smallest content hashes, each scored\n"
     "by the model without it (leave-one-out). --mergeable keeps that sample in the\n"
     "model (which is otherwise the same), so that 'plaint merge' can add models\n"
     "trained on parts of a corpus into the model of the whole, and --update MODEL\n"
     "can add CORPUS to MODEL: the result is the model trained on all the texts at\n"
     "once, byte for byte. --update trains with MODEL's options (giving others is a\n"
     "usage error) and writes a mergeable model.",
     train_opts, NOPTS(train_opts), cli_train},
    {"merge", "MODEL...", "Merge models trained with --mergeable into one.",
     "Naive Bayes counts add up: the merged model has the sorted union of the\n"
     "labels, per language the sums of the counts, the merged calibration samples\n"
     "and the calibration refitted on them. Models trained with --mergeable on\n"
     "parts of a corpus merge into exactly the model trained on the whole corpus\n"
     "with --mergeable (byte for byte), whatever the order of MODEL arguments; a\n"
     "single MODEL is written unchanged. Every MODEL must have been trained with\n"
     "--mergeable, the same options and the same stemmers, tokenizer and feature\n"
     "hashing (see 'plaint info'). The result is mergeable too.",
     merge_opts, NOPTS(merge_opts), cli_merge},
    {"label", "[INPUT...]", "Label texts, one record per line (stdin when no INPUT).",
     "Reads every INPUT in turn ('-' is stdin; .gz read transparently, concatenated\n"
     "members too), streaming, and writes exactly one output line per input line,\n"
     "in input order, whatever the number of threads (the output is byte-identical).\n"
     "A UTF-8 byte order mark and CR before LF are dropped.\n"
     "\n"
     "Formats. text: the line is the text; out: label<TAB>confidence (4 decimals).\n"
     "tsv: the text is in column --text-column; out: the input line, then label and\n"
     "confidence columns (with --header, the header gets their names). jsonl: one\n"
     "JSON object per line, the text in field --text-field; out: the same object,\n"
     "its fields passed through as they were, with \"label\" and \"confidence\" added\n"
     "(fields named label, confidence, scores, explain or error in the input are\n"
     "replaced). --scores adds one column per label (model label order, as 'plaint\n"
     "info' lists them; in jsonl a \"scores\" object); --explain K adds a column\n"
     "feature=weight; ... (in jsonl an \"explain\" array).\n"
     "\n"
     "A record that cannot be labeled (empty, no letters, another script, a language\n"
     "the model lacks, invalid UTF-8, invalid JSON, no text column or field) still\n"
     "gets its line: text and tsv with an empty label, confidence 0 and one more\n"
     "column 'KIND: why'; jsonl with \"label\":null and \"error\":\"KIND: why\". The\n"
     "first ones are listed on stderr as FILE:LINE: KIND: why, and a summary ends\n"
     "the run: records, labels, problems by kind, throughput. A progress line is\n"
     "shown while stderr is a terminal (not with --quiet).\n"
     "\n"
     "With -o FILE the output is written to a temporary file next to FILE and\n"
     "renamed to FILE when complete; an error or a signal (INT, TERM, HUP) leaves no\n"
     "FILE and no temporary file.\n"
     "\n"
     "Exit status: 0 every record was labeled (or --unlabeled-ok); 1 some records\n"
     "were not (all were written); 2 usage error; 3 an I/O or model error stopped\n"
     "the job.",
     label_opts, NOPTS(label_opts), cli_label},
    {"eval", "TEST...", "Evaluate a model on labeled texts (training format).",
     "Prints accuracy, macro-F1, expected calibration error (15 bins), Brier score,\n"
     "per-label precision/recall/F1/support and the confusion matrix (rows: gold).",
     eval_opts, NOPTS(eval_opts), cli_eval},
    {"cv", "CORPUS...", "Cross-validate training options on labeled texts.",
     "Stratified k-fold cross-validation: within each label, texts are ordered by a\n"
     "hash of their content and dealt to the K folds in turn, so the split does not\n"
     "depend on the order of lines or files. Each fold is labeled by a model trained\n"
     "on the others with the given training options (the same as train's); the\n"
     "report is eval's, over all folds together. CORPUS is read as train reads it.",
     cv_opts, NOPTS(cv_opts), cli_cv},
    {"info", "", "Show what is inside a model.",
     "Prints the model's labels, training options, how many texts it was trained on,\n"
     "the stemmer, tokenizer and feature identities it was trained with (and whether\n"
     "they match this library's), whether it is mergeable (trained with --mergeable:\n"
     "'plaint merge' and 'train --update' accept it), and per language: documents,\n"
     "features, the calibration temperature and curve knots, documents per label.",
     info_opts, NOPTS(info_opts), cli_info},
    {"tokenize", "[FILE...]",
     "Print the normalized tokens of each input line (stdin when no FILE).",
     "Writes exactly one output line per input line: the line's tokens separated by\n"
     "single spaces; an empty line or a line without tokens gives an empty line.\n"
     "Tokens are words and numbers (ICU word break, NFKC case folding), emoji, runs\n"
     "of ! and ? (as ! !! ? ?? ?!), URLs as <url> and e-mail addresses as <email>.\n"
     "Hyphenated words are split; other punctuation is dropped. The language of each\n"
     "line is the script of most of its letters (Latin pl, Cyrillic bg, Greek el)\n"
     "unless --lang is given. Invalid UTF-8 is replaced with U+FFFD and reported\n"
     "on stderr with its line and byte offset.",
     tokenize_opts, NOPTS(tokenize_opts), cli_tokenize},
    {"stem", "[FILE...]",
     "Print the stem of each input line, one word per line (stdin when no FILE).",
     "Writes exactly one stem per input line, in order (the contract of Snowball's\n"
     "stemwords). Each line is normalized as the pipeline does (NFKC case folding)\n"
     "and stemmed as one word: Polish with our C port of Snowball's polish\n"
     "algorithm, Bulgarian with Savoy's light stemmer (as Lucene ships it), Greek\n"
     "with Snowball's greek from libstemmer after accent stripping. Invalid UTF-8\n"
     "is replaced with U+FFFD and reported on stderr.",
     stem_opts, NOPTS(stem_opts), cli_stem},
};

static void print_usage(FILE *out)
{
    fputs("Usage: plaint COMMAND [OPTIONS] [ARGS]\n"
          "       plaint --help | --version\n\n"
          "plaint labels customer feedback in Polish, Bulgarian and Greek.\n\n"
          "Commands:\n",
          out);
    for (size_t i = 0; i < NOPTS(commands); i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fputs("\nRun 'plaint COMMAND --help' for the options of a command.\n"
          "Exit status: 0 success, 1 the job failed, 2 usage error.\n",
          out);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        print_usage(stderr);
        return CLI_USAGE;
    }
    const char *const cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        if (argc > 2 && strcmp(cmd, "help") == 0) {
            for (size_t i = 0; i < NOPTS(commands); i++) {
                if (strcmp(commands[i].name, argv[2]) == 0) {
                    cli_print_help(&commands[i], stdout);
                    return cli_output_finish();
                }
            }
            cli_error("unknown command '%s' (see 'plaint --help')", argv[2]);
            return CLI_USAGE;
        }
        print_usage(stdout);
        return cli_output_finish();
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("plaint %s\nstemmers: %s, %s, %s\n", plaint_version_string(),
               plaint_stemmer_id(PLAINT_LANG_PL), plaint_stemmer_id(PLAINT_LANG_BG),
               plaint_stemmer_id(PLAINT_LANG_EL));
        return cli_output_finish();
    }
    for (size_t i = 0; i < NOPTS(commands); i++)
        if (strcmp(commands[i].name, cmd) == 0)
            return commands[i].run(&commands[i], argc - 1, argv + 1);
    cli_error("unknown command '%s' (see 'plaint --help')", cmd);
    return CLI_USAGE;
}
