/* outdir.c: --output-dir: one output file per input, named after the
 * input's path below the folder all inputs share, never overwriting an
 * input or an earlier output of the run. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outdir.h"
#include "walk.h"

/* The paths given out in this run, with the next suffix to try after
 * each ("story.txt" -> 2 when "story-2.txt" comes next), in an
 * open-addressing table: a mirror with thousands of index.html costs a
 * lookup or two per page. */
typedef struct used_path {
    char *path;
    unsigned next;
} used_path;

struct outdir_state {
    used_path *used;
    size_t cap, count;
    struct stat *inputs; /* the inputs' files, never to be overwritten */
    size_t ninputs;
    size_t common;       /* length of the folder all inputs share ("mirror/"), which outputs leave out */
    const char *input;   /* the input c->out belongs to (a pointer of the run) */
    char *failed;        /* why that input's file could not be opened, or NULL */
    char *path;          /* c->out's path, for messages */
};

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

/* The slot of path: where it is, or the empty slot where it would go. */
static used_path *slot(struct outdir_state *o, const char *path)
{
    size_t i = hash(path) & (o->cap - 1);
    while (o->used[i].path && strcmp(o->used[i].path, path) != 0)
        i = (i + 1) & (o->cap - 1);
    return &o->used[i];
}

/* Takes path into the table. Returns its entry, or NULL when memory runs
 * out (path is then freed). */
static used_path *remember(struct outdir_state *o, char *path)
{
    if (2 * (o->count + 1) > o->cap) {
        size_t cap = o->cap ? 2 * o->cap : 64;
        used_path *old = o->used, *grown = calloc(cap, sizeof *grown);
        if (!grown) {
            free(path);
            return NULL;
        }
        size_t oldcap = o->cap;
        o->used = grown;
        o->cap = cap;
        for (size_t i = 0; i < oldcap; i++)
            if (old[i].path)
                *slot(o, old[i].path) = old[i];
        free(old);
    }
    used_path *u = slot(o, path);
    u->path = path;
    u->next = 2;
    o->count++;
    return u;
}

/* mkdir -p. */
static int make_dirs(const char *dir)
{
    char *p = strdup(dir);
    if (!p)
        return -1;
    for (char *s = p + 1;; s++) {
        if (*s != '/' && *s)
            continue;
        char keep = *s;
        *s = 0;
        struct stat st;
        if (mkdir(p, 0777) != 0 && !(errno == EEXIST && stat(p, &st) == 0 && S_ISDIR(st.st_mode))) {
            if (errno == EEXIST)
                errno = ENOTDIR;
            free(p);
            return -1;
        }
        if (!keep)
            break;
        *s = keep;
    }
    free(p);
    return 0;
}

int outdir_prepare(cli *c, char *const *inputs, size_t n)
{
    if (make_dirs(c->output_dir) || access(c->output_dir, W_OK | X_OK) != 0) {
        fprintf(stderr, "carve: --output-dir %s: %s\n", c->output_dir, strerror(errno));
        return -1;
    }
    struct outdir_state *o = calloc(1, sizeof *o);
    if (!o || !(o->inputs = malloc((n ? n : 1) * sizeof *o->inputs))) {
        free(o);
        fprintf(stderr, "carve: out of memory\n");
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        if (strcmp(inputs[i], "-") == 0 ? fstat(STDIN_FILENO, &o->inputs[o->ninputs]) == 0
                                        : stat(inputs[i], &o->inputs[o->ninputs]) == 0)
            o->ninputs++;
    /* The folder the inputs share, up to a '/', so that a mirror's
     * p1/index.html and p2/index.html keep their folders below DIR. */
    const char *first = NULL;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(inputs[i], "-") == 0)
            continue;
        if (!first) {
            const char *slash = strrchr(inputs[i], '/');
            first = inputs[i];
            o->common = slash ? (size_t)(slash - first) + 1 : 0;
        }
        size_t k = 0;
        while (k < o->common && inputs[i][k] == first[k])
            k++;
        while (k > 0 && first[k - 1] != '/')
            k--;
        o->common = k;
    }
    c->outdir = o;
    return 0;
}

/* The extension of the output of one input. */
static const char *extension(const cli *c, int archive)
{
    switch (c->format) {
    case OUT_MARKDOWN: return ".md";
    case OUT_HTML: return ".html";
    case OUT_WET: return ".wet";
    case OUT_JSON: return archive ? ".jsonl" : ".json";
    default: return ".txt";
    }
}

/* 1 when the relative path p climbs out of its folder or starts at the
 * root: it cannot name a place below DIR. */
static int escapes(const char *p)
{
    if (*p == '/')
        return 1;
    for (const char *q = p; (q = strstr(q, "..")) != NULL; q += 2)
        if ((q == p || q[-1] == '/') && (q[2] == '/' || q[2] == 0))
            return 1;
    return 0;
}

/* The input's path below the folder all inputs share, without its
 * compression suffix and page or archive extension ("mirror/a/story.html.gz"
 * among other pages of mirror/ gives "a/story"); its file name alone when
 * that path would climb out of DIR; "stdin" for standard input. */
static size_t stem(const struct outdir_state *o, const char *input, const char **start)
{
    if (strcmp(input, "<stdin>") == 0) {
        *start = "stdin";
        return 5;
    }
    const char *s = strlen(input) > o->common ? input + o->common : input;
    if (escapes(s)) {
        const char *slash = strrchr(input, '/');
        s = slash ? slash + 1 : input;
    }
    size_t len = walk_stem_length(s);
    *start = s;
    return len ? len : strlen(s);
}

/* A new output path for input: DIR/STEM.EXT, or DIR/STEM-2.EXT and so on
 * when an earlier input of the run has it. Returns the path (owned by the
 * table), or NULL when memory runs out. */
static const char *new_path(cli *c, const char *input, int archive)
{
    struct outdir_state *o = c->outdir;
    const char *s;
    size_t n = stem(o, input, &s);
    const char *ext = extension(c, archive);
    size_t cap = strlen(c->output_dir) + n + strlen(ext) + 32;
    char *path = malloc(cap);
    if (!path)
        return NULL;
    snprintf(path, cap, "%s/%.*s%s", c->output_dir, (int)n, s, ext);
    if (!o->cap || !slot(o, path)->path) {
        used_path *u = remember(o, path);
        return u ? u->path : NULL;
    }
    used_path *base = slot(o, path);
    for (unsigned k = base->next;; k++) {
        snprintf(path, cap, "%s/%.*s-%u%s", c->output_dir, (int)n, s, k, ext);
        if (!slot(o, path)->path) {
            base->next = k + 1; /* base stays valid: nothing was inserted yet */
            used_path *u = remember(o, path);
            return u ? u->path : NULL;
        }
    }
}

/* 1 when path is one of the run's inputs. */
static int is_input(const struct outdir_state *o, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return 0;
    for (size_t i = 0; i < o->ninputs; i++)
        if (o->inputs[i].st_dev == st.st_dev && o->inputs[i].st_ino == st.st_ino)
            return 1;
    return 0;
}

/* Opens path (below dir) for writing, making the folders between the two. */
static FILE *open_below(const char *dir, const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t n = slash ? (size_t)(slash - path) : 0;
    if (n > strlen(dir)) {
        char *folder = strndup(path, n);
        int rc = folder ? make_dirs(folder) : -1;
        free(folder);
        if (rc)
            return NULL;
    }
    return fopen(path, "w");
}

/* Closes c->out; a failure is named on stderr. Returns 0, or -1. */
static int close_current(cli *c)
{
    struct outdir_state *o = c->outdir;
    int rc = 0;
    if (c->out) {
        int bad = ferror(c->out) || fflush(c->out);
        if (fclose(c->out))
            bad = 1;
        if (bad) {
            fprintf(stderr, "carve: cannot write %s: %s\n", o->path, strerror(errno));
            rc = -1;
        }
    }
    c->out = NULL;
    return rc;
}

int outdir_switch(cli *c, const char *input, int archive, char *err, size_t errsize)
{
    struct outdir_state *o = c->outdir;
    if (archive && input == o->input) {
        if (o->failed) {
            snprintf(err, errsize, "%s", o->failed);
            return -1;
        }
        return 0;
    }
    if (close_current(c))
        c->write_failed = 1;
    free(o->failed);
    o->failed = NULL;
    o->input = input;
    const char *path = new_path(c, input, archive);
    if (!path)
        snprintf(err, errsize, "out of memory");
    else if (is_input(o, path))
        snprintf(err, errsize, "its output %s is an input of this run; not overwriting it", path);
    else if (!(c->out = open_below(c->output_dir, path)))
        snprintf(err, errsize, "cannot write %s: %s", path, strerror(errno));
    if (!c->out) {
        o->failed = strdup(err);
        return -1;
    }
    o->path = (char *)path;
    c->wet_info_written = 0;
    c->out_docs = 0;
    return 0;
}

int outdir_finish(cli *c)
{
    struct outdir_state *o = c->outdir;
    if (!o)
        return 0;
    int rc = close_current(c);
    for (size_t i = 0; i < o->cap; i++)
        free(o->used[i].path);
    free(o->used);
    free(o->inputs);
    free(o->failed);
    free(o);
    c->outdir = NULL;
    return rc;
}
