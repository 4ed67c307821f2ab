/* walk.h: the files to read under a directory (--recursive). */
#ifndef CARVE_CLI_WALK_H
#define CARVE_CLI_WALK_H

#include <stddef.h>

typedef struct path_list {
    char **paths;
    size_t count, cap;
} path_list;

/* What a walk found besides the files it took. */
typedef struct walk_stats {
    size_t taken;         /* pages and archives listed */
    size_t skipped;       /* other files (style sheets, scripts, images...), hidden files and
                             folders, FIFOs, devices and broken links */
    size_t linked_dirs;   /* symbolic links to directories, not followed */
} walk_stats;

/* Appends the pages and archives under dir, in name order, directory by
 * directory (no recursion: an explicit stack). A file is taken by its
 * name when it ends in a page or archive suffix (.html, .htm, .xhtml,
 * .shtml, .php, .asp, .aspx, .jsp, .warc, .arc; each also with .gz or
 * .zst), and, when its name has no suffix (as wget mirrors save pages),
 * by its first bytes (markup, or gzip or zstd data). Symbolic links to
 * files are followed; to directories they are not (a loop would never
 * end), and are counted. Returns 0, or -1 when memory runs out; unreadable
 * directories are named on stderr and skipped. */
int walk_dir(const char *dir, path_list *out, walk_stats *stats);

/* The length of name (a file name or path) without its .gz or .zst suffix
 * and the page or archive extension walk_dir takes by ("a/story.html.gz"
 * gives 7, "a/story"); without the compression suffix alone when the
 * extension is another. */
size_t walk_stem_length(const char *name);

int path_list_add(path_list *l, const char *path);
void path_list_free(path_list *l);

#endif
