/* test_api_threads.c - one model shared by 8 threads, each with its own
 * context, labeling 10,000 texts: every thread's results equal a single
 * thread's, bit for bit (run under ThreadSanitizer in CI). */
#include <plaint.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define NTHREADS 8
#define NTEXTS 10000

static const char *const parts[] = {
    "Paczka przyszła uszkodzona", "wyprałam kurtkę w 90 stopniach", "kurier twierdzi, że oddał",
    "chcę zwrotu pieniędzy", "Пратката пристигна смачкана", "изпрах якето на 90 градуса",
    "искам си парите обратно", "Το δέμα ήρθε χτυπημένο", "έβαλα το κινητό στο νερό",
    "θέλω πίσω τα χρήματά μου", "den irthe pote to paketo", "nie dziala od pierwszego dnia",
};
#define NPARTS (sizeof parts / sizeof parts[0])

struct job {
    const plaint_model *model;
    size_t label[NTEXTS];
    double confidence[NTEXTS];
    int failed;
};

static void make_text(size_t i, char *buf, size_t cap)
{
    /* text i: two parts of the same script family, chosen by i */
    const size_t a = i % NPARTS, b = (i / NPARTS) % NPARTS;
    snprintf(buf, cap, "%s, %s. (%zu)", parts[a], parts[b], i % 7);
}

static void *run(void *arg)
{
    struct job *const j = arg;
    plaint_ctx *ctx = NULL;
    plaint_error err;
    if (plaint_ctx_new(j->model, &ctx, &err) != PLAINT_OK) {
        j->failed = 1;
        return NULL;
    }
    char text[256];
    for (size_t i = 0; i < NTEXTS; i++) {
        plaint_result r;
        make_text(i, text, sizeof text);
        if (plaint_label(ctx, text, strlen(text), 0, 2, &r, &err) != PLAINT_OK) {
            j->failed = 1;
            break;
        }
        j->label[i] = r.label_index;
        j->confidence[i] = r.confidence;
    }
    plaint_ctx_free(ctx);
    return NULL;
}

static struct job jobs[NTHREADS + 1];

int main(void)
{
    plaint_model *m = NULL;
    plaint_error err;
    if (plaint_model_load_default(&m, &err) != PLAINT_OK) {
        fprintf(stderr, "default model: %s\n", err.msg);
        return 1;
    }
    jobs[0].model = m; /* the reference: this thread alone */
    run(&jobs[0]);
    pthread_t th[NTHREADS];
    for (int k = 1; k <= NTHREADS; k++) {
        jobs[k].model = m;
        if (pthread_create(&th[k - 1], NULL, run, &jobs[k]) != 0) {
            fprintf(stderr, "pthread_create failed\n");
            return 1;
        }
    }
    for (int k = 0; k < NTHREADS; k++)
        pthread_join(th[k], NULL);
    int bad = jobs[0].failed;
    for (int k = 1; k <= NTHREADS; k++) {
        bad |= jobs[k].failed;
        bad |= memcmp(jobs[k].label, jobs[0].label, sizeof jobs[0].label) != 0;
        bad |= memcmp(jobs[k].confidence, jobs[0].confidence, sizeof jobs[0].confidence) != 0;
    }
    plaint_model_free(m);
    fprintf(stderr, "%d threads x %d texts: %s\n", NTHREADS, NTEXTS,
            bad ? "RESULTS DIFFER or failed" : "identical results");
    return bad;
}
