/* bench_api.c - per-call cost of plaint_label through the library: labels
 * per second over the texts of a file (one per line), with 1 thread and
 * with N threads sharing one model (each with its own context).
 * usage: bench_api TEXTS [THREADS] [REPEAT] */
#include <plaint.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char **texts;
static size_t ntexts, repeat = 20;
static const plaint_model *model;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void *run(void *arg)
{
    (void)arg;
    plaint_ctx *ctx = NULL;
    plaint_error err;
    if (plaint_ctx_new(model, &ctx, &err) != PLAINT_OK)
        return (void *)1;
    for (size_t r = 0; r < repeat; r++)
        for (size_t i = 0; i < ntexts; i++) {
            plaint_result res;
            plaint_label(ctx, texts[i], strlen(texts[i]), PLAINT_TEXT_REPLACE_INVALID, 0, &res,
                         &err);
        }
    plaint_ctx_free(ctx);
    return NULL;
}

static double measure(int threads)
{
    pthread_t th[64];
    const double t0 = now();
    for (int k = 0; k < threads; k++)
        pthread_create(&th[k], NULL, run, NULL);
    for (int k = 0; k < threads; k++)
        pthread_join(th[k], NULL);
    return (double)(ntexts * repeat * (size_t)threads) / (now() - t0);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_api TEXTS [THREADS] [REPEAT]\n");
        return 2;
    }
    const int threads = argc > 2 ? atoi(argv[2]) : 2;
    if (argc > 3)
        repeat = (size_t)atol(argv[3]);
    FILE *f = fopen(argv[1], "r");
    if (f == NULL || threads < 1 || threads > 64) {
        fprintf(stderr, "bench_api: cannot read %s or bad thread count\n", argv[1]);
        return 1;
    }
    char line[4096];
    size_t cap = 0, bytes = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        if (ntexts == cap) {
            cap = cap ? cap * 2 : 1024;
            texts = realloc(texts, cap * sizeof *texts);
        }
        texts[ntexts++] = strdup(line);
        bytes += strlen(line);
    }
    fclose(f);
    plaint_model *m = NULL;
    plaint_error err;
    if (plaint_model_load_default(&m, &err) != PLAINT_OK) {
        fprintf(stderr, "bench_api: %s\n", err.msg);
        return 1;
    }
    model = m;
    run(NULL); /* warm up */
    const double one = measure(1), many = measure(threads);
    printf("texts %zu (mean %.0f bytes), %zu repeats\n", ntexts, (double)bytes / (double)ntexts,
           repeat);
    printf("1 thread:   %.0f labels/s (%.2f us per call)\n", one, 1e6 / one);
    printf("%d threads: %.0f labels/s (%.2fx one thread)\n", threads, many, many / one);
    plaint_model_free(m);
    for (size_t i = 0; i < ntexts; i++)
        free(texts[i]);
    free(texts);
    return 0;
}
