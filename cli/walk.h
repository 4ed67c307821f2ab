/* walk.h: the files to read under a directory (--recursive). */
#ifndef CARVE_CLI_WALK_H
#define CARVE_CLI_WALK_H

#include <stddef.h>

typedef struct path_list {
    char **paths;
    size_t count, cap;
} path_list;

/* Appends every regular file under dir whose name ends in .html, .htm,
 * .xhtml, .shtml (each also with .gz) or .warc, .warc.gz, .warc.zst, in
 * name order, directory by directory (no recursion: an explicit stack).
 * Symbolic links to directories are not followed. Returns 0, or -1 when
 * memory runs out; unreadable directories are named on stderr and skipped. */
int walk_dir(const char *dir, path_list *out);

int path_list_add(path_list *l, const char *path);
void path_list_free(path_list *l);

#endif
