/* carve: the command-line program, a thin layer over libcarve.
 * Arguments are parsed here; run.c reads the inputs (pages and WARC
 * archives, told apart by their first bytes), a pool of worker threads
 * extracts, and one writer emits the results in input order.
 * Exit status: 0 when every input succeeded, 1 when some failed, 2 for a
 * usage error. */
#include <errno.h>
#include <getopt.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "learn.h"
#include "outdir.h"
#include "run.h"
#include "walk.h"

static void usage(FILE *f)
{
    fputs("Usage: carve [OPTIONS] [FILE|DIR...]\n"
          "Extract the main content (the article) and metadata of web pages.\n"
          "Reads each FILE (HTML, plain or gzip/zstd-compressed, or a WARC web archive,\n"
          "recognised by its first bytes), or standard input when no FILE is given or\n"
          "FILE is '-'. From an archive, every HTML response becomes one JSON line.\n"
          "\n"
          "  -f, --format FMT      txt (default for one page; or text), markdown (or md),\n"
          "                        json (default for archives and several inputs: JSON\n"
          "                        Lines), html, wet (WARC conversion records, like\n"
          "                        Common Crawl WET files), trafilatura-json (JSON with\n"
          "                        trafilatura's keys)\n"
          "  -u, --url URL         the page's address (metadata, hostname, links)\n"
          "  -c, --charset LABEL   the charset an HTTP Content-Type header declared\n"
          "  -m, --with-metadata   txt/markdown: a metadata header before the text\n"
          "      --links           markdown/html: keep links, with absolute URLs\n"
          "      --images          markdown/html: keep the images of the content\n"
          "      --formatting      markdown/html: keep emphasis, bold, code spans, formulas\n"
          "      --no-tables       leave the tables of the content out\n"
          "      --precision       less boilerplate, at the cost of some text\n"
          "      --recall          more text, at the cost of some boilerplate\n"
          "      --parser NAME     carve (default: carve's own HTML parser) or libxml2\n"
          "      --keep-repeats    keep paragraphs that repeat an earlier one (dropped\n"
          "                        by default, except code and table cells)\n"
          "      --comments        txt/markdown/html: add the user comments after the\n"
          "                        text (JSON always has them under \"comments\")\n"
          "      --only-with-metadata  skip pages without a title, a date and a URL\n"
          "  -l, --target-language CODE  skip pages not in this language (ISO 639,\n"
          "                        e.g. en or pt-BR); JSON gives them a \"skipped\" line\n"
          "  -o, --output FILE     write to FILE instead of standard output\n"
          "      --output-dir DIR  one file per input in DIR, by its path below the\n"
          "                        inputs' shared folder: NAME.txt (.md, .json, .html,\n"
          "                        .wet), an archive's lines in NAME.jsonl\n"
          "  -r, --recursive       read the pages and archives under each DIR\n"
          "  -t, --threads N       extract on N threads (default: the number of cores)\n"
          "  -q, --quiet           no progress line and no summary (failures are still\n"
          "                        named on stderr)\n"
          "      --explain         JSON: add a \"sources\" object naming where each\n"
          "                        metadata field came from (json-ld, og:title, url...),\n"
          "                        and with a site model the blocks removed as template\n"
          "      --learn-sites     learn each site's template (blocks that recur in the\n"
          "                        same place on many of its pages, such as a donation\n"
          "                        appeal) from the pages of this run, and remove it\n"
          "      --site-model FILE remove the site templates of the model in FILE; with\n"
          "                        --learn-sites, FILE's model (when it exists) merged\n"
          "                        with this run's is used and saved back to FILE\n"
          "      --site-window N   --learn-sites: documents held before they are written\n"
          "                        with what was learned so far (default 10000)\n"
          "      --max-bytes N     refuse pages larger than N bytes (default 64 MiB)\n"
          "      --max-record N    keep at most N bytes of an archive record's block;\n"
          "                        longer records are cut and flagged (at least 4096;\n"
          "                        default 16 MiB)\n"
          "  -h, --help            show this help\n"
          "  -V, --version         show the version\n"
          "\n"
          "Archive lines carry input (the archive), warc_record_id, warc_date,\n"
          "http_status (and warc_truncated when the record was cut) before the\n"
          "extraction fields; a record that fails gives a line with \"error\".\n"
          "A summary goes to stderr.\n"
          "Exit status: 0 all inputs succeeded, 1 some failed (named on stderr),\n"
          "2 usage error. See carve(1).\n",
          f);
}

/* 1 when the library accepts s as carve_options.target_language: it checks
 * its options before the input, so an empty input tells. */
static int language_code(const char *s)
{
    carve_options o;
    carve_options_init(&o);
    o.target_language = s;
    carve_result *r = NULL;
    return carve_extract("", 0, &o, &r) != CARVE_ERR_ARGUMENT;
}

static int parse_format(const char *s, out_format *f, int *trafilatura_keys)
{
    *trafilatura_keys = !strcmp(s, "trafilatura-json");
    if (!strcmp(s, "txt") || !strcmp(s, "text"))
        *f = OUT_TEXT;
    else if (!strcmp(s, "markdown") || !strcmp(s, "md"))
        *f = OUT_MARKDOWN;
    else if (!strcmp(s, "json") || !strcmp(s, "jsonl") || !strcmp(s, "trafilatura-json"))
        *f = OUT_JSON;
    else if (!strcmp(s, "html"))
        *f = OUT_HTML;
    else if (!strcmp(s, "wet"))
        *f = OUT_WET;
    else
        return -1;
    return 0;
}

static int parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || !v || s[0] == '-')
        return -1;
    *out = (size_t)v;
    return 0;
}

static int default_threads(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}

/* 1 when a file can be created in the folder of path (the model is saved
 * there under a temporary name, then renamed); errno says why not. */
static int writable_beside(const char *path)
{
    const char *slash = strrchr(path, '/');
    char dir[4096];
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else
        snprintf(dir, sizeof dir, "%.*s", slash == path ? 1 : (int)(slash - path), path);
    return access(dir, W_OK) == 0;
}

/* The model of --site-model and --learn-sites; 0, or -1 after a message. */
static int open_site_model(cli *c)
{
    if (!c->learn_sites && !c->site_model_path)
        return 0;
    const char *path = c->site_model_path;
    if (path && !*path) {
        fprintf(stderr, "carve: --site-model needs a file name\n");
        return -1;
    }
    /* Learning may start a model file (a missing or empty one); anything
     * else needs a model in it. */
    struct stat sb;
    int exists = path && stat(path, &sb) == 0;
    if (path && !exists && errno != ENOENT) {
        fprintf(stderr, "carve: site model %s: %s\n", path, strerror(errno));
        return -1;
    }
    int fresh = !path || (c->learn_sites && (!exists || (S_ISREG(sb.st_mode) && sb.st_size == 0)));
    if (c->learn_sites && path && !writable_beside(path)) {
        fprintf(stderr, "carve: cannot save site model %s: %s\n", path, strerror(errno));
        return -1;
    }
    carve_status st = fresh ? carve_site_model_new(0, &c->site_model)
                            : carve_site_model_load(path, 0, &c->site_model);
    if (st != CARVE_OK) {
        fprintf(stderr, "carve: site model %s: %s%s%s\n", path ? path : "",
                st == CARVE_ERR_PARSE ? "not a carve site model, or corrupt"
                : st == CARVE_ERR_TOO_LARGE ? "larger than a site model can be"
                : st == CARVE_ERR_IO ? "cannot read it" : carve_strerror(st),
                st == CARVE_ERR_IO ? ": " : "", st == CARVE_ERR_IO ? strerror(errno) : "");
        return -1;
    }
    /* A learning run applies the model once the window is learned; a model
     * given alone is applied by each extraction. */
    if (!c->learn_sites)
        c->opts.site_model = c->site_model;
    return 0;
}

/* Saves a learned model to --site-model, reports and frees it; 0, or -1
 * when it cannot be saved. */
static int close_site_model(cli *c)
{
    if (!c->site_model)
        return 0;
    int rc = 0;
    if (c->learn_sites && c->site_model_path) {
        carve_status st = carve_site_model_save(c->site_model, c->site_model_path);
        if (st != CARVE_OK) {
            fprintf(stderr, "carve: cannot save site model %s: %s\n", c->site_model_path,
                    st == CARVE_ERR_IO ? strerror(errno) : carve_strerror(st));
            rc = -1;
        }
    }
    if (!c->quiet) {
        carve_site_model_stats ms;
        carve_site_model_get_stats(c->site_model, &ms);
        fprintf(stderr,
                "carve: site model: %zu sites, %llu pages, %zu entries, %.1f MiB; %llu blocks removed as "
                "template from %llu documents\n",
                ms.sites, (unsigned long long)ms.pages, ms.entries, ms.bytes / 1048576.0,
                (unsigned long long)c->stats.template_blocks, (unsigned long long)c->stats.template_docs);
        if (c->stats.no_site)
            fprintf(stderr,
                    "carve: site model: %llu documents had no URL and were not learned (give --url, or pages "
                    "with a canonical link or og:url)\n",
                    (unsigned long long)c->stats.no_site);
    }
    carve_site_model_free(c->site_model);
    c->site_model = NULL;
    return rc;
}

/* What main reads from the command line besides the cli struct. */
typedef struct cmdline {
    const char *output; /* -o */
    int window_given;   /* --site-window was given */
} cmdline;

/* Reads the options into c and cl. Returns -1 to go on, or the exit
 * status: 0 after --help or --version, 2 after naming a usage error.
 * Long by the number of options only: a table row and a case each. */
static int parse_options(int argc, char **argv, cli *c, cmdline *cl)
{
    enum { OPT_MAX_BYTES = 256, OPT_MAX_RECORD, OPT_EXPLAIN, OPT_LEARN_SITES, OPT_SITE_MODEL, OPT_SITE_WINDOW,
           OPT_LINKS, OPT_IMAGES, OPT_FORMATTING, OPT_NO_TABLES, OPT_ONLY_WITH_METADATA,
           OPT_KEEP_REPEATS, OPT_COMMENTS, OPT_PRECISION, OPT_RECALL, OPT_OUTPUT_DIR, OPT_PARSER };
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},    {"url", required_argument, NULL, 'u'},
        {"charset", required_argument, NULL, 'c'},   {"with-metadata", no_argument, NULL, 'm'},
        {"output", required_argument, NULL, 'o'},    {"output-dir", required_argument, NULL, OPT_OUTPUT_DIR},
        {"recursive", no_argument, NULL, 'r'},
        {"threads", required_argument, NULL, 't'},   {"quiet", no_argument, NULL, 'q'},
        {"max-bytes", required_argument, NULL, OPT_MAX_BYTES},
        {"max-record", required_argument, NULL, OPT_MAX_RECORD},
        {"target-language", required_argument, NULL, 'l'},
        {"explain", no_argument, NULL, OPT_EXPLAIN},
        {"learn-sites", no_argument, NULL, OPT_LEARN_SITES},
        {"site-model", required_argument, NULL, OPT_SITE_MODEL},
        {"site-window", required_argument, NULL, OPT_SITE_WINDOW},
        {"links", no_argument, NULL, OPT_LINKS},
        {"images", no_argument, NULL, OPT_IMAGES},
        {"formatting", no_argument, NULL, OPT_FORMATTING},
        {"no-tables", no_argument, NULL, OPT_NO_TABLES},
        {"keep-repeats", no_argument, NULL, OPT_KEEP_REPEATS},
        {"comments", no_argument, NULL, OPT_COMMENTS},
        {"precision", no_argument, NULL, OPT_PRECISION},
        {"recall", no_argument, NULL, OPT_RECALL},
        {"parser", required_argument, NULL, OPT_PARSER},
        {"only-with-metadata", no_argument, NULL, OPT_ONLY_WITH_METADATA},
        {"help", no_argument, NULL, 'h'},            {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    int ch;
    while ((ch = getopt_long(argc, argv, "f:u:c:ml:o:rt:qhV", longopts, NULL)) != -1) {
        switch (ch) {
        case 'f':
            if (parse_format(optarg, &c->format, &c->trafilatura_keys)) {
                fprintf(stderr, "carve: unknown format '%s' (txt, markdown, json, trafilatura-json, html, wet; text and md "
                                "are txt and markdown)\n",
                        optarg);
                return 2;
            }
            c->format_given = 1;
            break;
        case 'u': c->opts.url = optarg; break;
        case 'c':
            if (!carve_charset_name(optarg)) {
                fprintf(stderr, "carve: --charset '%s' names no encoding carve knows (WHATWG Encoding labels: "
                                "utf-8, windows-1252, iso-8859-2, shift_jis, gbk, ...)\n", optarg);
                return 2;
            }
            c->opts.charset = optarg;
            break;
        case 'm': c->with_metadata = 1; break;
        case 'l':
            if (!language_code(optarg)) {
                fprintf(stderr, "carve: --target-language needs an ISO 639 language code such as en, de or "
                                "pt-BR, not '%s'\n", optarg);
                return 2;
            }
            c->opts.target_language = optarg;
            break;
        case 'o': cl->output = optarg; break;
        case OPT_OUTPUT_DIR: c->output_dir = optarg; break;
        case 'r': c->recursive = 1; break;
        case 'q': c->quiet = 1; break;
        case 't': {
            size_t v;
            if (parse_size(optarg, &v) || v > 1024) {
                fprintf(stderr, "carve: --threads needs a number from 1 to 1024\n");
                return 2;
            }
            c->threads = (int)v;
            break;
        }
        case OPT_MAX_BYTES:
            if (parse_size(optarg, &c->opts.max_input_bytes)) {
                fprintf(stderr, "carve: --max-bytes needs a positive number\n");
                return 2;
            }
            c->warc_opts.max_payload_bytes = c->opts.max_input_bytes;
            break;
        case OPT_MAX_RECORD:
            /* the reader keeps at least a header's worth (carve_warc_options) */
            if (parse_size(optarg, &c->warc_opts.max_block_bytes) || c->warc_opts.max_block_bytes < 4096) {
                fprintf(stderr, "carve: --max-record needs a number of bytes, at least 4096\n");
                return 2;
            }
            break;
        case OPT_EXPLAIN: c->explain = 1; break;
        case OPT_LINKS: c->opts.include_links = 1; break;
        case OPT_IMAGES: c->opts.include_images = 1; break;
        case OPT_FORMATTING: c->opts.include_formatting = 1; break;
        case OPT_NO_TABLES: c->opts.include_tables = 0; break;
        case OPT_KEEP_REPEATS: c->opts.deduplicate = 0; break;
        case OPT_COMMENTS: c->opts.include_comments = 1; break;
        case OPT_PRECISION: c->opts.favor_precision = 1; break;
        case OPT_RECALL: c->opts.favor_recall = 1; break;
        case OPT_PARSER:
            if (strcmp(optarg, "carve") == 0) {
                c->opts.parser = CARVE_PARSER_CARVE;
            } else if (strcmp(optarg, "libxml2") == 0) {
                c->opts.parser = CARVE_PARSER_LIBXML2;
            } else {
                fprintf(stderr, "carve: --parser takes carve or libxml2, not '%s'\n", optarg);
                return 2;
            }
            break;
        case OPT_ONLY_WITH_METADATA: c->only_with_metadata = 1; break;
        case OPT_LEARN_SITES: c->learn_sites = 1; break;
        case OPT_SITE_MODEL: c->site_model_path = optarg; break;
        case OPT_SITE_WINDOW:
            cl->window_given = 1;
            if (parse_size(optarg, &c->site_window)) {
                fprintf(stderr, "carve: --site-window needs a positive number\n");
                return 2;
            }
            break;
        case 'h': usage(stdout); return 0;
        case 'V': printf("carve %s\n", carve_version()); return 0;
        default:
            /* getopt named the option; the whole help would bury that line. */
            fputs("Try 'carve --help' for the options.\n", stderr);
            return 2;
        }
    }
    return -1;
}

/* Options that cannot go together, or that ask for what the format does
 * not show; inputs is the number of inputs given. Returns 0, or 2 after
 * naming the problem. */
static int check_options(cli *c, const cmdline *cl, int inputs)
{
    if ((c->opts.include_links || c->opts.include_images || c->opts.include_formatting) &&
        !(c->format_given && (c->format == OUT_MARKDOWN || c->format == OUT_HTML))) {
        fprintf(stderr, "carve: --links, --images and --formatting show in --format markdown or html only\n");
        return 2;
    }
    if ((c->opts.include_comments || c->with_metadata) && c->format_given && c->format == OUT_WET) {
        fprintf(stderr, "carve: --comments and --with-metadata do not show in --format wet (a WET record holds "
                        "the main text alone)\n");
        return 2;
    }
    if (c->opts.url && (inputs > 1 || c->recursive)) {
        fprintf(stderr, "carve: --url names the address of one page; with several inputs every page would get "
                        "it (archives carry each record's address)\n");
        return 2;
    }
    if (cl->window_given && !c->learn_sites) {
        fprintf(stderr, "carve: --site-window needs --learn-sites\n");
        return 2;
    }
    if (c->explain && c->trafilatura_keys) {
        fprintf(stderr, "carve: --explain names carve's fields; use it with --format json\n");
        return 2;
    }
    if (c->explain && c->format_given && c->format != OUT_JSON) {
        fprintf(stderr, "carve: --explain needs --format json\n");
        return 2;
    }
    if (cl->output && c->output_dir) {
        fprintf(stderr, "carve: -o names one output file and --output-dir a folder of them; give one\n");
        return 2;
    }
    if (c->opts.favor_precision && c->opts.favor_recall) {
        fprintf(stderr, "carve: --precision and --recall pull opposite ways; give one\n");
        return 2;
    }
    if (c->explain) {
        c->format = OUT_JSON;
        c->format_given = 1;
    }
    return 0;
}

/* The inputs in order: files and standard input as given ("-", or none),
 * folders walked with -r (without it a folder is an input that fails,
 * and *failed_walk is set). Returns 0, or -1 after naming an out of
 * memory. */
static int collect_inputs(const cli *c, int argc, char **argv, int first, path_list *inputs, int *failed_walk)
{
    for (int i = first; i < argc; i++) {
        struct stat st;
        int rc;
        if (strcmp(argv[i], "-") != 0 && stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            if (!c->recursive) {
                /* Still an input: it gets its error line (and its message
                 * on stderr) like any unreadable file. */
                *failed_walk = 1;
                rc = path_list_add(inputs, argv[i]);
                if (rc) {
                    fprintf(stderr, "carve: out of memory\n");
                    return -1;
                }
                continue;
            }
            walk_stats ws;
            rc = walk_dir(argv[i], inputs, &ws);
            if (rc == 0 && ws.taken == 0)
                fprintf(stderr, "carve: %s: no pages or archives found (%zu other files)\n", argv[i], ws.skipped);
            else if (rc == 0 && !c->quiet)
                fprintf(stderr, "carve: %s: %zu pages and archives; %zu other files skipped%s\n", argv[i], ws.taken,
                        ws.skipped, ws.linked_dirs ? "; links to folders not followed" : "");
        } else {
            rc = path_list_add(inputs, argv[i]);
        }
        if (rc) {
            fprintf(stderr, "carve: out of memory\n");
            return -1;
        }
    }
    if (inputs->count == 0 && first == argc && path_list_add(inputs, "-")) {
        fprintf(stderr, "carve: out of memory\n");
        return -1;
    }
    return 0;
}

/* 1 after naming it when the output file (-o) is an input or the site
 * model: opening it truncates it, and it would be read empty, and lost. */
static int output_would_clobber(const char *output, const cli *c, const path_list *inputs)
{
    struct stat os, is;
    for (size_t i = 0; output && stat(output, &os) == 0 && i < inputs->count; i++) {
        int same = strcmp(inputs->paths[i], "-") == 0 ? fstat(STDIN_FILENO, &is) == 0 : stat(inputs->paths[i], &is) == 0;
        if (same && is.st_dev == os.st_dev && is.st_ino == os.st_ino) {
            fprintf(stderr, "carve: %s is also an input; not overwriting it\n", output);
            return 1;
        }
    }
    if (output && c->site_model_path && stat(output, &os) == 0 && stat(c->site_model_path, &is) == 0 &&
        is.st_dev == os.st_dev && is.st_ino == os.st_ino) {
        fprintf(stderr, "carve: %s is the site model; not overwriting it with the output\n", output);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
#ifdef __GLIBC__
    /* Each page's buffers (the file, its UTF-8 text, the tree's arena) are
     * a few hundred KiB and freed before the next page: glibc would map
     * and unmap them for every page, and every new mapping is paid again
     * in page faults. Kept by malloc, they are reused. */
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 128 << 20);
#endif
    static cli c;
    carve_options_init(&c.opts);
    carve_warc_options_init(&c.warc_opts);
    c.threads = default_threads();
    c.site_window = LEARN_WINDOW_DEFAULT;
    cmdline cl = {0};
    int rc = parse_options(argc, argv, &c, &cl);
    if (rc >= 0)
        return rc;
    if (check_options(&c, &cl, argc - optind))
        return 2;
    if (c.explain) {
        c.format = OUT_JSON;
        c.format_given = 1;
    }
    path_list inputs = {0};
    int failed_walk = 0;
    if (collect_inputs(&c, argc, argv, optind, &inputs, &failed_walk) || inputs.count == 0) {
        path_list_free(&inputs);
        return 1;
    }
    const char *output = cl.output;
    c.out = c.output_dir ? NULL : stdout;
    if (c.output_dir && outdir_prepare(&c, inputs.paths, inputs.count)) {
        path_list_free(&inputs);
        return 2;
    }
    if (output_would_clobber(output, &c, &inputs)) {
        path_list_free(&inputs);
        return 2;
    }
    /* The site model first: a usage error there leaves -o's file as it was. */
    if (open_site_model(&c)) {
        path_list_free(&inputs);
        return 2;
    }
    if (output && !(c.out = fopen(output, "w"))) {
        if (errno == EISDIR)
            fprintf(stderr, "carve: -o %s is a directory; -o names the output file (all documents go into it, "
                            "as JSON Lines for several)\n", output);
        else
            fprintf(stderr, "carve: cannot write %s: %s\n", output, strerror(errno));
        path_list_free(&inputs);
        carve_site_model_free(c.site_model);
        return 2;
    }
    c.progress = !c.quiet && isatty(STDERR_FILENO);
    long failed = run_inputs(&c, inputs.paths, inputs.count);
    path_list_free(&inputs);
    if (close_site_model(&c))
        failed = failed ? failed : 1;
    if (c.output_dir) /* its files' failures are named as they close */
        return outdir_finish(&c) || c.write_failed || failed || failed_walk ? 1 : 0;
    if (fflush(c.out) || c.write_failed || (c.out != stdout && fclose(c.out))) {
        fprintf(stderr, "carve: write error: %s\n", strerror(c.write_errno ? c.write_errno : errno));
        return 1;
    }
    return failed || failed_walk ? 1 : 0;
}
