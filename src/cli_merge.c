/* cli_merge.c - `plaint merge -o OUT MODEL...`: models trained with
 * --mergeable on parts of a corpus, added up into the model of the whole
 * (plaint_model_merge). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_merge(const struct cli_cmd *cmd, int argc, char **argv)
{
    struct cli_args a;
    int rc = cli_parse(cmd, argc, argv, &a);
    if (rc >= 0) {
        cli_args_free(&a);
        return rc;
    }
    const char *const outpath = a.val[cli_opt_index(cmd, "output")];
    plaint_model **models = NULL;
    plaint_model *m = NULL;
    rc = CLI_USAGE;
    if (outpath == NULL) {
        cli_error("merge: -o MODEL is required");
        goto done;
    }
    if (a.npos == 0) {
        cli_error("merge: give at least one MODEL to merge");
        goto done;
    }
    rc = CLI_FAILED;
    models = calloc((size_t)a.npos, sizeof *models);
    if (models == NULL) {
        cli_error("merge: out of memory");
        goto done;
    }
    for (int i = 0; i < a.npos; i++)
        if ((rc = cli_load_model(a.pos[i], &models[i])) != CLI_OK)
            goto done;
    rc = CLI_FAILED;
    plaint_error err;
    if (plaint_model_merge((const plaint_model *const *)models, (size_t)a.npos, &m, &err) !=
        PLAINT_OK) {
        if (err.line >= 2 && err.line <= (uint64_t)a.npos && strstr(err.msg, "first model"))
            cli_error("merge: %s: %s (the first model is %s)", a.pos[err.line - 1], err.msg,
                      a.pos[0]);
        else if (err.line >= 1 && err.line <= (uint64_t)a.npos)
            cli_error("merge: %s: %s", a.pos[err.line - 1], err.msg);
        else
            cli_error("merge: %s", err.msg);
        goto done;
    }
    if (plaint_model_save(m, outpath, &err) != PLAINT_OK) {
        cli_error("%s: %s", outpath, err.msg);
        goto done;
    }
    plaint_model_info info;
    if (plaint_model_info_get(m, &info, &err) == PLAINT_OK)
        fprintf(stderr, "plaint: merged %d model%s (%llu texts) -> %s\n", a.npos,
                a.npos == 1 ? "" : "s", (unsigned long long)info.texts, outpath);
    rc = CLI_OK;
done:
    plaint_model_free(m);
    for (int i = 0; models != NULL && i < a.npos; i++)
        plaint_model_free(models[i]);
    free(models);
    cli_args_free(&a);
    return rc;
}
