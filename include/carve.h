/*
 * carve.h: the public API of libcarve.
 *
 * carve finds the main content of a web page (the article, without the
 * site's boilerplate) and its metadata, and renders them as plain text,
 * Markdown, JSON or cleaned HTML.
 *
 * Conventions that hold for every function below:
 *  - Lengths and offsets are in bytes, never characters. All text carve
 *    returns is UTF-8, NUL-terminated, and free of invalid sequences.
 *  - The library keeps no mutable global state: any number of threads may
 *    call carve_extract() at once, each with its own options and results.
 *  - The library never prints and never exits. Failures come back as a
 *    carve_status; carve_strerror() names them.
 *  - Memory a function returns is owned as its comment says. A carve_result
 *    owns every string reachable from it; they live until carve_result_free().
 */
#ifndef CARVE_H
#define CARVE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CARVE_VERSION_STRING "0.1.0"

/* Status codes. CARVE_OK is 0; every other value is an error. */
typedef enum carve_status {
    CARVE_OK = 0,
    CARVE_ERR_ARGUMENT,   /* a NULL pointer or an invalid option value */
    CARVE_ERR_NOMEM,      /* an allocation failed */
    CARVE_ERR_EMPTY,      /* the input has no bytes, or only white space */
    CARVE_ERR_BINARY,     /* the input is binary data (NUL bytes, image or archive magic) */
    CARVE_ERR_NOT_HTML,   /* the input is text but holds no HTML markup */
    CARVE_ERR_TOO_LARGE,  /* the input exceeds carve_options.max_input_bytes */
    CARVE_ERR_PARSE,      /* the HTML parser produced no document */
    CARVE_ERR_CHARSET,    /* the declared charset cannot be converted to UTF-8 */
    CARVE_ERR_NO_CONTENT, /* the page parsed, but no main content was found */
    CARVE_ERR_IO,         /* a file could not be read (carve_read_file only) */
    CARVE_ERR_LIMIT,      /* a resource limit other than input size was hit */
    CARVE_STATUS_COUNT
} carve_status;

/* A static English description of a status. Never NULL; not to be freed. */
const char *carve_strerror(carve_status status);

/* Output formats of carve_render(). */
typedef enum carve_format {
    CARVE_FORMAT_TEXT = 0, /* paragraphs separated by a blank line */
    CARVE_FORMAT_MARKDOWN, /* CommonMark: headings, lists, quotes, fenced code, pipe tables */
    CARVE_FORMAT_JSON,     /* one JSON object; keys follow trafilatura's JSON output */
    CARVE_FORMAT_HTML      /* the main content as cleaned HTML */
} carve_format;

/* Options of one extraction. Initialise with carve_options_init(), then set
 * the fields you need. Strings are borrowed: they must stay valid for the
 * duration of the call that receives the options, and are not freed. */
typedef struct carve_options {
    const char *url;        /* the page's address, or NULL: base for relative links, hostname */
    const char *charset;    /* charset declared by HTTP Content-Type, or NULL (see carve_extract) */
    int with_metadata;      /* text/Markdown: put a metadata header before the text (0 or 1) */
    int include_comments;   /* reserved: user comments are never part of the main content in 0.1 */
    size_t max_input_bytes; /* inputs larger than this fail with CARVE_ERR_TOO_LARGE; default 64 MiB */
    size_t max_nodes;       /* DOM nodes beyond this are dropped (CARVE_ERR_LIMIT if none fit); default 4,000,000 */
    size_t max_depth;       /* elements nested deeper are flattened into their ancestor at this depth; default 512 */
} carve_options;

/* Fills *opts with the defaults above. */
void carve_options_init(carve_options *opts);

/* The metadata carve found. Every string is UTF-8 and owned by the result;
 * a field that was not found is NULL. */
typedef struct carve_metadata {
    const char *title;       /* the headline */
    const char *author;      /* author names joined with "; " (trafilatura's form) */
    const char *const *authors; /* the same names as a NULL-terminated array (never NULL itself) */
    size_t author_count;
    const char *date;        /* publication date, "YYYY-MM-DD" */
    const char *date_time;   /* the same with time and offset when known, ISO 8601 */
    const char *modified;    /* last-modified date, "YYYY-MM-DD" */
    const char *url;         /* the given URL, else the canonical URL the page declares */
    const char *hostname;    /* host part of url, without "www." */
    const char *sitename;    /* the publication's name */
    const char *description; /* summary the page declares */
    const char *image;       /* main image, absolute URL */
    const char *language;    /* ISO 639-1 code, e.g. "en" */
    const char *license;     /* license the page declares */
    const char *categories;  /* joined with "; " */
    const char *tags;        /* joined with "; " */
    const char *charset;     /* the charset the page was decoded from, e.g. "windows-1252" */
} carve_metadata;

/* One extraction's outcome. Opaque; read it with the functions below. */
typedef struct carve_result carve_result;

/*
 * carve_extract: find the main content and metadata of one HTML page.
 *
 * html, len:  the page's bytes, in any charset; len in bytes. The bytes are
 *             only read during the call.
 * opts:       options, or NULL for the defaults.
 * out:        receives a new result on CARVE_OK and on CARVE_ERR_NO_CONTENT
 *             (metadata is still there; the text is empty), NULL otherwise.
 *             The caller owns it and frees it with carve_result_free().
 *
 * Charset: decided in the order browsers use (WHATWG Encoding): a byte-order
 * mark, then opts->charset, then a <meta charset> / http-equiv prescan of the
 * first 1024 bytes, then detection by uchardet. Invalid sequences become
 * U+FFFD.
 *
 * Errors: CARVE_ERR_ARGUMENT (html or out NULL), CARVE_ERR_EMPTY,
 * CARVE_ERR_BINARY, CARVE_ERR_NOT_HTML, CARVE_ERR_TOO_LARGE, CARVE_ERR_PARSE,
 * CARVE_ERR_CHARSET, CARVE_ERR_LIMIT, CARVE_ERR_NOMEM, CARVE_ERR_NO_CONTENT.
 */
carve_status carve_extract(const char *html, size_t len, const carve_options *opts,
                           carve_result **out);

/* Frees a result and every string it owns. NULL is allowed. */
void carve_result_free(carve_result *result);

/* The metadata of a result. Owned by the result; never NULL for a non-NULL result. */
const carve_metadata *carve_result_metadata(const carve_result *result);

/* The main content as plain text (the same as CARVE_FORMAT_TEXT without
 * metadata). Owned by the result; "" when nothing was found. *len, when
 * len is not NULL, receives its length in bytes. */
const char *carve_result_text(const carve_result *result, size_t *len);

/*
 * carve_render: the result in one output format.
 *
 * Returns a new NUL-terminated UTF-8 string that the caller frees with
 * carve_free(), or NULL when memory runs out or result is NULL. *len, when
 * not NULL, receives the length in bytes. CARVE_FORMAT_JSON ignores
 * with_metadata (JSON always carries the metadata) and prints one line.
 */
char *carve_render(const carve_result *result, carve_format format, int with_metadata,
                   size_t *len);

/* Frees memory returned by carve_render() and carve_read_file(). */
void carve_free(void *ptr);

/*
 * carve_read_file: read a whole file, or standard input when path is "-",
 * gunzipping it when its first bytes are a gzip header.
 *
 * *data receives a new buffer (freed with carve_free()) holding *len bytes
 * plus a terminating NUL that *len does not count. At most max_bytes bytes
 * of (decompressed) content are accepted.
 * Errors: CARVE_ERR_ARGUMENT, CARVE_ERR_IO (cannot open or read; errno is
 * kept), CARVE_ERR_TOO_LARGE, CARVE_ERR_NOMEM.
 */
carve_status carve_read_file(const char *path, size_t max_bytes, char **data, size_t *len);

/* The library's version, e.g. "0.1.0". Static; not to be freed. */
const char *carve_version(void);

#ifdef __cplusplus
}
#endif
#endif /* CARVE_H */
