#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "outdir.h"

int outdir_prepare(const char *dir)
{
    struct stat st;
    if (mkdir(dir, 0777) == 0 || (errno == EEXIST && stat(dir, &st) == 0 && S_ISDIR(st.st_mode)))
        return 0;
    fprintf(stderr, "carve: --output-dir %s: %s\n", dir, errno == EEXIST ? "not a directory" : strerror(errno));
    return -1;
}

/* The extension of the output of one input in format f. */
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

/* 1 when name ends with suffix, ignoring ASCII case. */
static int ends_with(const char *name, size_t len, const char *suffix)
{
    size_t n = strlen(suffix);
    return len > n && strncasecmp(name + len - n, suffix, n) == 0;
}

/* The input's file name without its folder, compression suffix and page
 * or archive extension ("a/b/story.html.gz" gives "story"); "stdin" for
 * standard input. */
static size_t stem(const char *input, const char **start)
{
    if (strcmp(input, "<stdin>") == 0) {
        *start = "stdin";
        return 5;
    }
    const char *slash = strrchr(input, '/');
    const char *s = slash ? slash + 1 : input;
    size_t len = strlen(s);
    static const char *const packed[] = {".gz", ".zst"};
    static const char *const kinds[] = {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx", ".jsp",
                                        ".warc", ".arc"};
    for (size_t i = 0; i < sizeof packed / sizeof *packed; i++)
        if (ends_with(s, len, packed[i]))
            len -= strlen(packed[i]);
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if (ends_with(s, len, kinds[i])) {
            len -= strlen(kinds[i]);
            break;
        }
    *start = s;
    return len ? len : strlen(s);
}

/* 1 when path was already given to an input of this run. */
static int used(const cli *c, const char *path)
{
    for (size_t i = 0; i < c->outdir_count; i++)
        if (strcmp(c->outdir_used[i], path) == 0)
            return 1;
    return 0;
}

/* The output path of input: DIR/STEM.EXT, or DIR/STEM-2.EXT and so on
 * when another input of the run (same name, other folder) has it. NULL
 * when memory runs out. */
static char *output_path(const cli *c, const char *input, int archive)
{
    const char *s;
    size_t n = stem(input, &s);
    const char *ext = extension(c, archive);
    size_t cap = strlen(c->output_dir) + n + strlen(ext) + 32;
    char *path = malloc(cap);
    for (unsigned k = 1; path; k++) {
        if (k == 1)
            snprintf(path, cap, "%s/%.*s%s", c->output_dir, (int)n, s, ext);
        else
            snprintf(path, cap, "%s/%.*s-%u%s", c->output_dir, (int)n, s, k, ext);
        if (!used(c, path))
            break;
    }
    return path;
}

static int close_current(cli *c)
{
    int rc = 0;
    if (c->out && c->out != stdout && (fflush(c->out) || fclose(c->out)))
        rc = -1;
    c->out = NULL;
    return rc;
}

int outdir_switch(cli *c, const char *input, int archive, char *err, size_t errsize)
{
    if (c->outdir_input && strcmp(c->outdir_input, input) == 0 && c->out)
        return 0;
    if (close_current(c))
        c->write_failed = 1;
    free(c->outdir_input);
    c->outdir_input = strdup(input);
    char *path = output_path(c, input, archive);
    char **grown = realloc(c->outdir_used, (c->outdir_count + 1) * sizeof *grown);
    if (!c->outdir_input || !path || !grown) {
        free(path);
        if (grown)
            c->outdir_used = grown;
        snprintf(err, errsize, "out of memory");
        return -1;
    }
    c->outdir_used = grown;
    c->outdir_used[c->outdir_count++] = path;
    /* An output that is its own input would be read empty, and lost. */
    struct stat os, is;
    if (stat(path, &os) == 0 && stat(input, &is) == 0 && os.st_dev == is.st_dev &&
        os.st_ino == is.st_ino) {
        snprintf(err, errsize, "its output %s is the input itself; not overwriting it", path);
        return -1;
    }
    if (!(c->out = fopen(path, "w"))) {
        snprintf(err, errsize, "cannot write %s: %s", path, strerror(errno));
        return -1;
    }
    c->wet_info_written = 0;
    c->out_docs = 0;
    return 0;
}

int outdir_finish(cli *c)
{
    int rc = close_current(c);
    for (size_t i = 0; i < c->outdir_count; i++)
        free(c->outdir_used[i]);
    free(c->outdir_used);
    free(c->outdir_input);
    c->outdir_used = NULL;
    c->outdir_input = NULL;
    c->outdir_count = 0;
    return rc;
}
