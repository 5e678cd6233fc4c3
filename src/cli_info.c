/* cli_info.c - `plaint info [-m MODEL] [--json]`: what is inside a model. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "cli_metrics.h"

static const plaint_lang langs[] = {PLAINT_LANG_PL, PLAINT_LANG_BG, PLAINT_LANG_EL};

static void print_text(const char *path, long long size, const plaint_model *m,
                       const plaint_model_info *in)
{
    const size_t nl = plaint_model_label_count(m);
    if (size >= 0)
        printf("model:       %s (%lld bytes, format version %u)\n", path, size,
               in->format_version);
    else
        printf("model:       %s (format version %u)\n", path, in->format_version);
    printf("labels:      %zu:", nl);
    for (size_t i = 0; i < nl; i++)
        printf(" %s", plaint_model_label(m, i));
    printf("\noptions:     %s, alpha %g, idf %s, min-count %u, bigrams %s, negation %s",
           in->options.algorithm == PLAINT_ALGO_COMPLEMENT ? "complement NB" : "multinomial NB",
           in->options.alpha, in->options.idf ? "on" : "off", in->options.min_count,
           in->options.bigrams ? "on" : "off", in->options.negation ? "on" : "off");
    if (in->options.negation)
        printf(" (scope %u)", in->options.negation_scope);
    printf(", calibration sample %u", in->options.calibration_sample);
    printf("\ntrained on:  %llu texts (%llu refused as unsupported)\n",
           (unsigned long long)in->texts, (unsigned long long)in->skipped);
    printf("mergeable:   %s\n", in->mergeable ? "yes (plaint merge, plaint train --update)"
                                               : "no (trained without --mergeable)");
    printf("identities:  %s\n", in->compatible
                                    ? "the same as this library's"
                                    : "DIFFERENT from this library's: retrain the model");
    for (int i = 0; i < 3; i++)
        printf("  stemmer    %s\n", in->stemmer_id[i]);
    printf("  tokenizer  %s\n  features   %s\n", in->tokenizer_id, in->features_id);
    printf("\n%-6s %10s %10s %12s %6s", "lang", "documents", "features", "temperature",
           "knots");
    for (size_t i = 0; i < nl; i++)
        printf("  %s", plaint_model_label(m, i));
    putchar('\n');
    for (size_t k = 0; k < 3; k++) {
        plaint_lang_info li;
        plaint_error err;
        if (plaint_model_lang_info(m, langs[k], &li, &err) != PLAINT_OK) {
            printf("%-6s %10s\n", plaint_lang_code(langs[k]), "-");
            continue;
        }
        printf("%-6s %10llu %10llu %12.4g %6u", plaint_lang_code(langs[k]),
               (unsigned long long)li.documents, (unsigned long long)li.features,
               li.temperature, li.calibration_knots);
        for (size_t i = 0; i < nl; i++)
            printf("  %*llu", (int)strlen(plaint_model_label(m, i)),
                   (unsigned long long)li.label_documents[i]);
        putchar('\n');
    }
}

static void print_json(const char *path, long long size, const plaint_model *m,
                       const plaint_model_info *in)
{
    const size_t nl = plaint_model_label_count(m);
    fputs("{\"file\":", stdout);
    cli_json_string(stdout, path);
    if (size >= 0)
        printf(",\"size\":%lld", size);
    printf(",\"format_version\":%u,\"labels\":[", in->format_version);
    for (size_t i = 0; i < nl; i++) {
        if (i)
            putchar(',');
        cli_json_string(stdout, plaint_model_label(m, i));
    }
    printf("],\"options\":{\"algorithm\":\"%s\",\"alpha\":%.17g,\"idf\":%s,\"min_count\":%u,"
           "\"bigrams\":%s,\"negation\":%s,\"negation_scope\":%u,\"calibration_sample\":%u}",
           in->options.algorithm == PLAINT_ALGO_COMPLEMENT ? "cnb" : "mnb", in->options.alpha,
           in->options.idf ? "true" : "false", in->options.min_count,
           in->options.bigrams ? "true" : "false", in->options.negation ? "true" : "false",
           in->options.negation_scope, in->options.calibration_sample);
    printf(",\"mergeable\":%s", in->mergeable ? "true" : "false");
    printf(",\"texts\":%llu,\"skipped\":%llu,\"identities\":{\"stemmer_pl\":",
           (unsigned long long)in->texts, (unsigned long long)in->skipped);
    cli_json_string(stdout, in->stemmer_id[0]);
    fputs(",\"stemmer_bg\":", stdout);
    cli_json_string(stdout, in->stemmer_id[1]);
    fputs(",\"stemmer_el\":", stdout);
    cli_json_string(stdout, in->stemmer_id[2]);
    fputs(",\"tokenizer\":", stdout);
    cli_json_string(stdout, in->tokenizer_id);
    fputs(",\"features\":", stdout);
    cli_json_string(stdout, in->features_id);
    printf("},\"compatible\":%s,\"languages\":{", in->compatible ? "true" : "false");
    int first = 1;
    for (size_t k = 0; k < 3; k++) {
        plaint_lang_info li;
        plaint_error err;
        if (plaint_model_lang_info(m, langs[k], &li, &err) != PLAINT_OK)
            continue;
        printf("%s\"%s\":{\"documents\":%llu,\"features\":%llu,\"temperature\":%.17g,"
               "\"calibration_knots\":%u,\"label_documents\":{",
               first ? "" : ",", plaint_lang_code(langs[k]), (unsigned long long)li.documents,
               (unsigned long long)li.features, li.temperature, li.calibration_knots);
        first = 0;
        for (size_t i = 0; i < nl; i++) {
            if (i)
                putchar(',');
            cli_json_string(stdout, plaint_model_label(m, i));
            printf(":%llu", (unsigned long long)li.label_documents[i]);
        }
        fputs("}}", stdout);
    }
    fputs("}}\n", stdout);
}

int cli_info(const struct cli_cmd *cmd, int argc, char **argv)
{
    struct cli_args a;
    int rc = cli_parse(cmd, argc, argv, &a);
    if (rc >= 0) {
        cli_args_free(&a);
        return rc;
    }
    if (a.npos != 0) {
        cli_error("info: unexpected argument '%s' (the model is given with -m)", a.pos[0]);
        cli_args_free(&a);
        return CLI_USAGE;
    }
    const char *const path = a.val[cli_opt_index(cmd, "model")];
    plaint_model *m = NULL;
    rc = cli_load_model(path, &m);
    if (rc != CLI_OK) {
        cli_args_free(&a);
        return rc;
    }
    struct stat st;
    const long long size = (path != NULL && stat(path, &st) == 0) ? (long long)st.st_size : -1;
    plaint_model_info in;
    plaint_error err;
    if (plaint_model_info_get(m, &in, &err) != PLAINT_OK) {
        cli_error("info: %s", err.msg);
        rc = CLI_FAILED;
    } else {
        if (a.val[cli_opt_index(cmd, "json")] != NULL)
            print_json(path != NULL ? path : "(built-in default model)", size, m, &in);
        else
            print_text(path != NULL ? path : "(built-in default model)", size, m, &in);
        rc = cli_output_finish();
    }
    plaint_model_free(m);
    cli_args_free(&a);
    return rc;
}
