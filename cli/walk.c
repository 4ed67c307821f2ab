/* walk.c: listing the pages and archives under a directory. */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

static int wanted(const char *name)
{
    static const char *const suffixes[] = {".html", ".htm", ".xhtml", ".shtml", ".html.gz", ".htm.gz",
                                           ".xhtml.gz", ".shtml.gz", ".warc", ".warc.gz", ".warc.zst"};
    for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++)
        if (ends_with(name, suffixes[i]))
            return 1;
    return 0;
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int walk_dir(const char *root, path_list *out)
{
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
            if (e->d_name[0] == '.')
                continue;
            size_t n = strlen(dir) + strlen(e->d_name) + 2;
            char *path = malloc(n);
            if (!path) {
                rc = -1;
                break;
            }
            snprintf(path, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
            struct stat st;
            if (lstat(path, &st) == 0) {
                if (S_ISDIR(st.st_mode))
                    rc = path_list_add(&dirs, path);
                else if (S_ISREG(st.st_mode) && wanted(e->d_name))
                    rc = path_list_add(&files, path);
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
