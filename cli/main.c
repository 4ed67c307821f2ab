/* carve: the command-line program, a thin layer over libcarve.
 * Exit status: 0 when every input succeeded, 1 when some failed, 2 for a
 * usage error. */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carve.h"

typedef struct cli {
    carve_options opts;
    carve_format format;
    int format_given;
    int with_metadata;
    int jsonl;          /* one JSON object per input, each naming it */
    FILE *out;
} cli;

static void usage(FILE *f)
{
    fputs("Usage: carve [OPTIONS] [FILE...]\n"
          "Extract the main content (the article) and metadata of web pages.\n"
          "Reads each FILE (plain or gzip-compressed HTML), or standard input when\n"
          "no FILE is given or FILE is '-'.\n"
          "\n"
          "  -f, --format FMT      txt (default for one input), markdown, json (default\n"
          "                        for several inputs: JSON Lines), html\n"
          "  -u, --url URL         the page's address (metadata, hostname, links)\n"
          "  -c, --charset LABEL   the charset an HTTP Content-Type header declared\n"
          "  -m, --with-metadata   txt/markdown: a metadata header before the text\n"
          "  -o, --output FILE     write to FILE instead of standard output\n"
          "      --max-bytes N     refuse inputs larger than N bytes (default 64 MiB)\n"
          "  -h, --help            show this help\n"
          "  -V, --version         show the version\n"
          "\n"
          "Exit status: 0 all inputs succeeded, 1 some failed (named on stderr),\n"
          "2 usage error. See carve(1).\n",
          f);
}

static int parse_format(const char *s, carve_format *f)
{
    if (!strcmp(s, "txt") || !strcmp(s, "text"))
        *f = CARVE_FORMAT_TEXT;
    else if (!strcmp(s, "markdown") || !strcmp(s, "md"))
        *f = CARVE_FORMAT_MARKDOWN;
    else if (!strcmp(s, "json") || !strcmp(s, "jsonl"))
        *f = CARVE_FORMAT_JSON;
    else if (!strcmp(s, "html"))
        *f = CARVE_FORMAT_HTML;
    else
        return -1;
    return 0;
}

/* A JSON string literal for s; bytes that are not UTF-8 become '?'. */
static char *json_quote(const char *s)
{
    json_t *j = json_string(s);
    if (!j) {
        char *copy = strdup(s);
        for (char *p = copy; p && *p; p++)
            if ((unsigned char)*p >= 0x80)
                *p = '?';
        j = json_string(copy ? copy : "");
        free(copy);
    }
    char *q = j ? json_dumps(j, JSON_ENCODE_ANY) : NULL;
    json_decref(j);
    return q;
}

/* One JSON Lines record: {"input": NAME, ...the rest of obj}. */
static void write_named(cli *c, const char *name, const char *obj)
{
    char *q = json_quote(name);
    fprintf(c->out, "{\"input\":%s%s%s\n", q ? q : "\"\"", obj[1] == '}' ? "" : ",", obj + 1);
    free(q);
}

static void write_error(cli *c, const char *name, const char *why)
{
    if (c->format != CARVE_FORMAT_JSON)
        return;
    char *w = json_quote(why);
    char obj[64 + 4096];
    snprintf(obj, sizeof obj, "{\"error\":%s}", w ? w : "\"\"");
    free(w);
    if (c->jsonl)
        write_named(c, name, obj);
    else
        fprintf(c->out, "%s\n", obj);
}

/* Processes one input; returns 0 on success, 1 on failure. */
static int process(cli *c, const char *path, int index)
{
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    char *data = NULL;
    size_t len = 0;
    carve_status st = carve_read_file(path, c->opts.max_input_bytes, &data, &len);
    if (st != CARVE_OK) {
        char why[512];
        snprintf(why, sizeof why, "%s%s%s", carve_strerror(st), st == CARVE_ERR_IO ? ": " : "",
                 st == CARVE_ERR_IO ? strerror(errno) : "");
        fprintf(stderr, "carve: %s: %s\n", name, why);
        write_error(c, name, why);
        return 1;
    }
    carve_result *r = NULL;
    st = carve_extract(data, len, &c->opts, &r);
    carve_free(data);
    if (!r) {
        fprintf(stderr, "carve: %s: %s\n", name, carve_strerror(st));
        write_error(c, name, carve_strerror(st));
        return 1;
    }
    size_t olen = 0;
    char *s = carve_render(r, c->format, c->with_metadata, &olen);
    carve_result_free(r);
    if (!s) {
        fprintf(stderr, "carve: %s: %s\n", name, carve_strerror(CARVE_ERR_NOMEM));
        write_error(c, name, carve_strerror(CARVE_ERR_NOMEM));
        return 1;
    }
    if (c->jsonl) {
        write_named(c, name, s);
    } else {
        if (index > 0 && c->format != CARVE_FORMAT_JSON)
            fprintf(c->out, "\n==> %s <==\n", name);
        fwrite(s, 1, olen, c->out);
        if (olen && s[olen - 1] != '\n')
            fputc('\n', c->out);
    }
    carve_free(s);
    return 0;
}

int main(int argc, char **argv)
{
    cli c;
    memset(&c, 0, sizeof c);
    carve_options_init(&c.opts);
    const char *output = NULL;
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'}, {"url", required_argument, NULL, 'u'},
        {"charset", required_argument, NULL, 'c'}, {"with-metadata", no_argument, NULL, 'm'},
        {"output", required_argument, NULL, 'o'}, {"max-bytes", required_argument, NULL, 'B'},
        {"help", no_argument, NULL, 'h'}, {"version", no_argument, NULL, 'V'}, {NULL, 0, NULL, 0},
    };
    int ch;
    while ((ch = getopt_long(argc, argv, "f:u:c:mo:hV", longopts, NULL)) != -1) {
        switch (ch) {
        case 'f':
            if (parse_format(optarg, &c.format)) {
                fprintf(stderr, "carve: unknown format '%s' (txt, markdown, json, html)\n", optarg);
                return 2;
            }
            c.format_given = 1;
            break;
        case 'u': c.opts.url = optarg; break;
        case 'c': c.opts.charset = optarg; break;
        case 'm': c.with_metadata = 1; break;
        case 'o': output = optarg; break;
        case 'B': {
            char *end;
            unsigned long long v = strtoull(optarg, &end, 10);
            if (*end || !v) {
                fprintf(stderr, "carve: --max-bytes needs a positive number\n");
                return 2;
            }
            c.opts.max_input_bytes = (size_t)v;
            break;
        }
        case 'h': usage(stdout); return 0;
        case 'V': printf("carve %s\n", carve_version()); return 0;
        default: usage(stderr); return 2;
        }
    }
    int ninputs = argc - optind;
    if (ninputs > 1 && !c.format_given)
        c.format = CARVE_FORMAT_JSON;
    c.jsonl = ninputs > 1 && c.format == CARVE_FORMAT_JSON;
    c.out = stdout;
    if (output && !(c.out = fopen(output, "w"))) {
        fprintf(stderr, "carve: cannot write %s: %s\n", output, strerror(errno));
        return 2;
    }
    int failed = 0;
    if (ninputs == 0)
        failed += process(&c, "-", 0);
    for (int i = 0; i < ninputs; i++)
        failed += process(&c, argv[optind + i], i);
    if (fflush(c.out) || (c.out != stdout && fclose(c.out))) {
        fprintf(stderr, "carve: write error: %s\n", strerror(errno));
        return 1;
    }
    return failed ? 1 : 0;
}
