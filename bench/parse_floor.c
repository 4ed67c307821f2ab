/* parse_floor.c: times HTML parsing alone over a set of pages, in one
 * process, as the yardstick of bench/bench.sh.
 *
 * Usage: parse_floor libxml2|carve RUNS PAGE...
 *   libxml2  libxml2's HTML parser, parse and free (the options carve's
 *            libxml2 path uses), without building carve's tree
 *   carve    carve's own parser, building carve's tree, and free
 * The pages are read into memory first; prints the median over RUNS of
 * the seconds for all pages. */
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "html/html.h"

typedef struct page {
    char *data;
    size_t len;
} page;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static int parse_libxml2(const page *p)
{
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                  XML_PARSE_HUGE | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
    htmlDocPtr d = htmlReadMemory(p->data, (int)p->len, NULL, "UTF-8", options);
    if (!d)
        return -1;
    xmlFreeDoc(d);
    return 0;
}

static int parse_carve(const page *p)
{
    dom_limits lim = {4000000, 512};
    int oom;
    dom_doc *d = html_parse(p->data, p->len, &lim, &oom);
    if (!d)
        return -1;
    dom_free(d);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 4 || (strcmp(argv[1], "libxml2") != 0 && strcmp(argv[1], "carve") != 0)) {
        fprintf(stderr, "usage: parse_floor libxml2|carve RUNS PAGE...\n");
        return 2;
    }
    int (*parse)(const page *) = strcmp(argv[1], "carve") == 0 ? parse_carve : parse_libxml2;
    int runs = atoi(argv[2]);
    size_t n = (size_t)(argc - 3);
    page *pages = calloc(n, sizeof *pages);
    double *secs = calloc(runs > 0 ? (size_t)runs : 1, sizeof *secs);
    if (!pages || !secs || runs < 1)
        return 2;
    for (size_t i = 0; i < n; i++) {
        FILE *f = fopen(argv[i + 3], "rb");
        if (!f || fseek(f, 0, SEEK_END) != 0) {
            fprintf(stderr, "parse_floor: cannot read %s\n", argv[i + 3]);
            return 1;
        }
        long size = ftell(f);
        rewind(f);
        pages[i].data = malloc(size > 0 ? (size_t)size : 1);
        pages[i].len = fread(pages[i].data, 1, (size_t)(size > 0 ? size : 0), f);
        fclose(f);
    }
    xmlInitParser();
    for (int r = 0; r < runs; r++) {
        double t0 = now();
        for (size_t i = 0; i < n; i++)
            if (parse(&pages[i]) != 0) {
                fprintf(stderr, "parse_floor: %s failed on %s\n", argv[1], argv[i + 3]);
                return 1;
            }
        secs[r] = now() - t0;
    }
    qsort(secs, (size_t)runs, sizeof *secs, cmp);
    printf("%.4f\n", runs % 2 ? secs[runs / 2] : (secs[runs / 2 - 1] + secs[runs / 2]) / 2);
    return 0;
}
