/* walk.c: listing the pages and archives under a directory. */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "walk.h"

int path_list_add(path_list *l, const char *path)
{
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        char **p = realloc(l->paths, cap * sizeof *p);
        if (!p)
            return -1;
        l->paths = p;
        l->cap = cap;
    }
    if (!(l->paths[l->count] = strdup(path)))
        return -1;
    l->count++;
    return 0;
}

void path_list_free(path_list *l)
{
    for (size_t i = 0; i < l->count; i++)
        free(l->paths[i]);
    free(l->paths);
    l->paths = NULL;
    l->count = l->cap = 0;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

/* The length of name without a .gz or .zst suffix. */
static size_t unpacked_length(const char *name)
{
    size_t n = strlen(name);
    if (ends_with(name, ".gz"))
        return n - 3;
    if (ends_with(name, ".zst"))
        return n - 4;
    return n;
}

/* Where the extension of name[0..n) starts (after its dot), or n when the
 * last part of the path has none. */
static size_t extension_start(const char *name, size_t n)
{
    size_t dot = n;
    while (dot > 0 && name[dot - 1] != '.' && name[dot - 1] != '/')
        dot--;
    return dot > 0 && name[dot - 1] == '.' ? dot : n;
}

/* 1 when ext (n bytes) is the extension of a page or an archive. */
static int taken_extension(const char *ext, size_t n)
{
    static const char *const taken[] = {"html", "htm", "xhtml", "shtml", "php", "asp", "aspx", "jsp", "warc", "arc"};
    for (size_t i = 0; i < sizeof taken / sizeof *taken; i++)
        if (strlen(taken[i]) == n && strncasecmp(ext, taken[i], n) == 0)
            return 1;
    return 0;
}

size_t walk_stem_length(const char *name)
{
    size_t n = unpacked_length(name), e = extension_start(name, n);
    return e < n && taken_extension(name + e, n - e) ? e - 1 : n;
}

/* A file without a suffix is taken when it starts, after white space and
 * a byte-order mark, with markup, or with gzip or zstd data. */
static int looks_like_page(const char *path)
{
    unsigned char b[512];
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    size_t n = fread(b, 1, sizeof b, f);
    fclose(f);
    size_t i = n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0;
    while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n'))
        i++;
    if (n >= 2 && b[0] == 0x1F && b[1] == 0x8B)
        return 1;
    if (n >= 4 && b[0] == 0x28 && b[1] == 0xB5 && b[2] == 0x2F && b[3] == 0xFD)
        return 1;
    return i < n && b[i] == '<';
}

static int wanted(const char *path, const char *name)
{
    size_t n = unpacked_length(name), e = extension_start(name, n);
    if (e == n || n - e >= 16) /* no suffix, or none that names a kind of file */
        return looks_like_page(path);
    return taken_extension(name + e, n - e);
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int walk_dir(const char *root, path_list *out, walk_stats *stats)
{
    memset(stats, 0, sizeof *stats);
    path_list stack = {0};
    if (path_list_add(&stack, root))
        return -1;
    int rc = 0;
    while (stack.count > 0 && rc == 0) {
        char *dir = stack.paths[--stack.count];
        DIR *d = opendir(dir);
        if (!d) {
            fprintf(stderr, "carve: %s: %s\n", dir, strerror(errno));
            free(dir);
            continue;
        }
        path_list files = {0}, dirs = {0};
        struct dirent *e;
        while ((e = readdir(d)) != NULL && rc == 0) {
            if (e->d_name[0] == '.') {
                /* Hidden files and folders (.git, .cache) are not read, but counted. */
                stats->skipped += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
                continue;
            }
            size_t n = strlen(dir) + strlen(e->d_name) + 2;
            char *path = malloc(n);
            if (!path) {
                rc = -1;
                break;
            }
            snprintf(path, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
            struct stat st, target;
            if (lstat(path, &st) == 0) {
                int link = S_ISLNK(st.st_mode);
                if (link && stat(path, &target) == 0)
                    st = target;
                if (S_ISDIR(st.st_mode) && link)
                    stats->linked_dirs++;
                else if (S_ISDIR(st.st_mode))
                    rc = path_list_add(&dirs, path);
                else if (S_ISREG(st.st_mode) && wanted(path, e->d_name))
                    rc = path_list_add(&files, path), stats->taken++;
                else
                    stats->skipped++; /* other files, FIFOs, devices, broken links */
            } else {
                stats->skipped++;
            }
            free(path);
        }
        closedir(d);
        free(dir);
        /* An empty list has no array: qsort() must not see NULL. */
        if (files.count)
            qsort(files.paths, files.count, sizeof *files.paths, by_name);
        for (size_t i = 0; i < files.count && rc == 0; i++)
            rc = path_list_add(out, files.paths[i]);
        /* Push subdirectories in reverse so they come off the stack in order. */
        if (dirs.count)
            qsort(dirs.paths, dirs.count, sizeof *dirs.paths, by_name);
        for (size_t i = dirs.count; i > 0 && rc == 0; i--)
            rc = path_list_add(&stack, dirs.paths[i - 1]);
        path_list_free(&files);
        path_list_free(&dirs);
    }
    path_list_free(&stack);
    return rc;
}
