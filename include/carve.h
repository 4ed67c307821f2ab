/*
 * carve.h: the public API of libcarve.
 *
 * carve finds the main content of a web page (the article, without the
 * site's boilerplate) and its metadata, and renders them as plain text,
 * Markdown, JSON or cleaned HTML.
 *
 * Conventions that hold for every function below:
 *  - Lengths and offsets are in bytes, never characters. All text carve
 *    returns is UTF-8, NUL-terminated, and free of invalid sequences; the
 *    page's text and metadata are put in Unicode Normalization Form C
 *    (NFC, as the W3C's character model asks of text on the web), each
 *    text node of the page as a whole (a combining mark that opens an
 *    element stays apart from the letter before the element); URLs are
 *    left as they are.
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

#include "carve_version.h" /* CARVE_VERSION_STRING, _MAJOR, _MINOR, _PATCH */

/* The library's symbols: libcarve.so exports these functions and nothing
 * else (it is built with -fvisibility=hidden). */
#if defined(__GNUC__) || defined(__clang__)
#define CARVE_EXPORT __attribute__((visibility("default")))
#else
#define CARVE_EXPORT
#endif

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
    CARVE_ERR_CHARSET,    /* not returned: an unknown or unconvertible charset falls back to
                             detection (kept so that the values after it stay the same) */
    CARVE_ERR_NO_CONTENT, /* the page parsed, but no main content was found */
    CARVE_ERR_IO,         /* a file could not be read (carve_read_file only) */
    CARVE_ERR_LIMIT,      /* the node or depth limit cut the page and no main content was
                             found in what was kept */
    CARVE_ERR_LANGUAGE,   /* the page is not in carve_options.target_language (result still returned) */
    CARVE_STATUS_COUNT
} carve_status;

/* A static English description of a status. Never NULL; not to be freed. */
CARVE_EXPORT const char *carve_strerror(carve_status status);

/* Output formats of carve_render(). */
typedef enum carve_format {
    CARVE_FORMAT_TEXT = 0, /* paragraphs separated by a blank line */
    CARVE_FORMAT_MARKDOWN, /* CommonMark: headings, lists, quotes, fenced code, pipe tables */
    CARVE_FORMAT_JSON,     /* one JSON object: carve's keys (see carve_render) */
    CARVE_FORMAT_HTML,     /* the main content as cleaned HTML */
    CARVE_FORMAT_JSON_TRAFILATURA, /* one JSON object with the keys of trafilatura's JSON output
                                      (see carve_render) */
    CARVE_FORMAT_WET /* a WARC/1.0 conversion record of the title and text, as in Common Crawl's
                        WET files (see carve_render_record) */
} carve_format;

/* HTML parsers. carve's own (src/html/) follows the WHATWG parsing
 * algorithm, with the departures docs/parser.md lists; libxml2's HTML
 * parser stays for one release, to compare and to fall back on. */
typedef enum carve_parser {
    CARVE_PARSER_DEFAULT = 0, /* the library's choice: CARVE_PARSER_CARVE */
    CARVE_PARSER_CARVE,
    CARVE_PARSER_LIBXML2
} carve_parser;

/* Options of one extraction. Initialise with carve_options_init(), then set
 * the fields you need. Strings are borrowed: they must stay valid for the
 * duration of the call that receives the options, and are not freed.
 *
 * ABI: struct_size, set by carve_options_init(), is the size of the struct
 * in the carve.h a program was compiled against. New fields are only ever
 * added at the end; a library reads the fields that fit in struct_size and
 * uses the defaults for the others, so a program built against an older
 * carve.h keeps working with a newer libcarve.so of the same soname. A
 * struct_size larger than the library knows (a program built against a
 * newer carve.h) is refused with CARVE_ERR_ARGUMENT. The soname changes
 * only when a release breaks programs built against the previous one. */
typedef struct carve_options {
    size_t struct_size;     /* sizeof(carve_options); set by carve_options_init(), do not change */
    const char *url;        /* the page's address, or NULL: base for relative links, hostname */
    const char *charset;    /* charset declared by HTTP Content-Type, or NULL (see carve_extract) */
    size_t max_input_bytes; /* inputs larger than this fail with CARVE_ERR_TOO_LARGE; default 64 MiB */
    size_t max_nodes;       /* DOM nodes beyond this are dropped; default 4,000,000 */
    size_t max_depth;       /* elements nested deeper are flattened into their ancestor at this depth; default 512 */
    int64_t reference_time; /* "now" for the plausibility of dates, in seconds since 1970 UTC
                               (e.g. an archive's crawl date); 0: the time of the call. Publication
                               dates after it plus one day, or before 1995, are rejected. */
    const char *target_language; /* ISO 639-1 code, or NULL: a page whose language (markup checked
                               against the text, as for carve_metadata.language) differs fails
                               with CARVE_ERR_LANGUAGE, as trafilatura's target_language does. A
                               region or script after "-" or "_" is ignored ("pt-BR"); a tag that
                               is no ISO 639 code ("xx") fails with CARVE_ERR_ARGUMENT */
    const struct carve_site_model *site_model; /* a site model (see below), or NULL: blocks of
                               the main content that it knows as the page's site template are
                               removed, as by carve_site_model_apply(). Borrowed; only read. */
    int include_links;      /* 1: Markdown and HTML show the links of the main content, as
                               [text](url) and <a href>, with absolute URLs (resolved against url,
                               else the canonical URL); 0 (default): their text only */
    int include_images;     /* 1: Markdown and HTML show the images of the main content, as
                               ![alt](src) and <img> (src, or data-src of lazy loading) */
    int include_formatting; /* 1: Markdown and HTML show emphasis, strong emphasis and code spans,
                               and mark formulas (MathML, which every format gives as its TeX
                               source): $TeX$ and $$TeX$$ (display="block") in Markdown, pandoc's
                               <span class="math inline">\(TeX\)</span> and
                               <span class="math display">\[TeX\]</span> in HTML */
    int include_tables;     /* 1 (default): tables of the main content are kept; 0: left out of
                               the text in every format, as trafilatura's include_tables=False */
    int deduplicate;        /* 1 (default): a paragraph of 20 or more characters that repeats an
                               earlier one of the content is dropped (quoted posts of a forum
                               thread, a repeated sign-off), except code and table cells; 0:
                               every repeat is kept (a song's chorus) */
    int include_comments;   /* 1: text, Markdown and HTML add the page's user comments after the
                               main content (see carve_result_comments); 0 (default): they are
                               left out of those formats. JSON always has them under "comments". */
    int favor_precision;    /* 1: less boilerplate, at the cost of some text (trafilatura's
                               favor_precision): link-heavy lines, short lines without a
                               sentence and what follows the article's last paragraph are left
                               out. Not with favor_recall (CARVE_ERR_ARGUMENT). */
    int favor_recall;       /* 1: more text, at the cost of some boilerplate (trafilatura's
                               favor_recall): prose outside the chosen container that passes
                               jusText's tests is added, and the story's lead (standfirst)
                               above the container when the page's description repeats it. */
    int parser;             /* the HTML parser: CARVE_PARSER_DEFAULT (0), CARVE_PARSER_CARVE or
                               CARVE_PARSER_LIBXML2 (see carve_parser); another value fails with
                               CARVE_ERR_ARGUMENT */
} carve_options;

/* Fills the first size bytes of *opts with the defaults above, and
 * struct_size with size: the sizeof(carve_options) of the carve.h the
 * caller was compiled against, so that no field its struct lacks is
 * written. Sizes other than those carve.h has had are refused later by
 * carve_extract(). */
CARVE_EXPORT void carve_options_init_size(carve_options *opts, size_t size);

/* Fills *opts with the defaults above. The macro passes the program's own
 * sizeof; the function of the same name remains for programs built against
 * carve 0.1's header, and fills the fields that header had. */
CARVE_EXPORT void carve_options_init(carve_options *opts);
#define carve_options_init(opts) carve_options_init_size((opts), sizeof *(opts))

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
    const char *pagetype;    /* the page's Open Graph type (og:type), e.g. "article" */
} carve_metadata;

/* One extraction's outcome. Opaque; read it with the functions below. */
typedef struct carve_result carve_result;

/*
 * carve_extract: find the main content and metadata of one HTML page.
 *
 * html, len:  the page's bytes, in any charset; len in bytes. The bytes are
 *             only read during the call.
 * opts:       options, or NULL for the defaults.
 * out:        receives a new result on CARVE_OK, on CARVE_ERR_NO_CONTENT
 *             (metadata is still there; the text is empty) and on
 *             CARVE_ERR_LANGUAGE (everything is there; the caller decides),
 *             NULL otherwise.
 *             The caller owns it and frees it with carve_result_free().
 *
 * Charset: decided in the order browsers use (WHATWG Encoding): a byte-order
 * mark, then opts->charset, then a <meta charset> / http-equiv prescan of the
 * first 1024 bytes, then detection by uchardet. Invalid sequences become
 * U+FFFD.
 *
 * Errors: CARVE_ERR_ARGUMENT (html or out NULL, opts->struct_size not
 * one this library knows, or opts->target_language not a language; the
 * options are checked before the input, so a call with len 0 checks
 * them), CARVE_ERR_EMPTY, CARVE_ERR_BINARY, CARVE_ERR_NOT_HTML, CARVE_ERR_TOO_LARGE, CARVE_ERR_PARSE, CARVE_ERR_LIMIT,
 * CARVE_ERR_NOMEM, CARVE_ERR_NO_CONTENT, CARVE_ERR_LANGUAGE.
 *
 * Language: the markup's declaration (html lang, Content-Language,
 * og:locale) checked against the extracted text with CLD2; the text wins
 * when the markup says nothing or is clearly wrong.
 */
CARVE_EXPORT carve_status carve_extract(const char *html, size_t len, const carve_options *opts,
                           carve_result **out);

/* Frees a result and every string it owns. NULL is allowed. */
CARVE_EXPORT void carve_result_free(carve_result *result);

/* The metadata of a result. Owned by the result; never NULL for a non-NULL result. */
CARVE_EXPORT const carve_metadata *carve_result_metadata(const carve_result *result);

/*
 * carve_result_source: where the value of one metadata field came from, for
 * debugging and for callers that trust some sources more than others.
 *
 * field: the name of a carve_metadata member: "title", "author", "date",
 * "modified", "sitename", "language", "description", "image" or "url".
 * Returns a static string naming the source, such as "json-ld" (or
 * "json-ld-publisher" and the like), a <meta> name or property ("og:title",
 * "article:published_time"), "meta" (another <meta> whose name says
 * published: "published", "og:publish_date"), "title" (the <title>
 * element), "h1" (the page's headline, also when og:title or <title>
 * frame it with other words),
 * "byline", "link" (a rel=author link), "microdata", "time", "element"
 * (a date-like element near the headline), "element-local" (such a date a
 * day before a UTC timestamp), "element-updated" (only an update date),
 * "text" (the visible text near the headline), "text-page" (the page's
 * text), "url" (a date in the address; date_time then takes the time of a
 * structured date of the same day), "markup" (a date in other meta content
 * or the main image's address), "html-lang", "cld2-text" (the language
 * CLD2 finds in the main text), "cld2-page", "hostname", "canonical" or
 * "given" (the URL passed in the options).
 * NULL when the field is empty, result is NULL, or field is not one of the
 * names above. Never freed by the caller.
 */
CARVE_EXPORT const char *carve_result_source(const carve_result *result, const char *field);

/* The main content as plain text (the same as CARVE_FORMAT_TEXT without
 * metadata). Owned by the result; "" when nothing was found. *len, when
 * len is not NULL, receives its length in bytes. */
CARVE_EXPORT const char *carve_result_text(const carve_result *result, size_t *len);

/*
 * carve_result_comments: the page's user comments as plain text (paragraphs
 * separated by a blank line, as carve_result_text), never part of the main
 * content. They are the blocks of an element whose class or id names the
 * comments ("comments", "comment-list", "disqus_thread", after
 * trafilatura's comment selectors), without its form, headings, reply
 * links and the commenters' name and date lines; a section that holds the
 * main content (a forum thread) is the content, not comments.
 * Owned by the result; "" when the page has none or result is NULL. *len,
 * when len is not NULL, receives the length in bytes.
 */
CARVE_EXPORT const char *carve_result_comments(const carve_result *result, size_t *len);

/*
 * carve_render: the result in one output format.
 *
 * *out receives a new NUL-terminated UTF-8 string that the caller frees
 * with carve_free() (NULL on error); *len, when len is not NULL, its length
 * in bytes. with_metadata (0 or 1) puts a metadata header before the text
 * and Markdown (YAML front matter, every value a double-quoted string) and HTML (the title as an
 * <h1> in the <article>); CARVE_FORMAT_JSON
 * ignores it (JSON always carries the metadata) and prints one line.
 *
 * CARVE_FORMAT_JSON keys: title, author (names joined with "; "), authors
 * (a list), hostname, date, date_time, modified, url, sitename,
 * description, categories and tags (joined with "; "), image, language,
 * license, charset, pagetype, text, raw_text (the text on one line) and
 * comments (carve_result_comments, or null when there are none); a field
 * not found is null.
 *
 * CARVE_FORMAT_JSON_TRAFILATURA has the keys of trafilatura 2's JSON output
 * in its order: title, author, hostname, date, fingerprint, id, license,
 * comments, raw_text, text, language, image, pagetype, filedate, source
 * (carve's url), source-hostname (sitename), excerpt (description),
 * categories and tags (joined with ";", "" when none). Values carve computes
 * differently: fingerprint is a 64-bit SimHash (Charikar 2002) of the
 * text's words as 16 hex digits, comparable between carve records but not
 * with trafilatura's; id is null (trafilatura's is the caller's record
 * id); filedate is the day of the extraction (the options' reference_time,
 * else the call's), UTC; comments is "" when there are none.
 *
 * CARVE_FORMAT_WET is carve_render_record() with no origin: the page's
 * own URL, the time of the call.
 *
 * Errors: CARVE_ERR_ARGUMENT (result or out NULL, or a format not in
 * carve_format), CARVE_ERR_NOMEM.
 */
CARVE_EXPORT carve_status carve_render(const carve_result *result, carve_format format, int with_metadata,
                                       char **out, size_t *len);

/*
 * Records of an output stream: one JSON Lines line or one WET record per
 * page, with the keys or fields that say where the page came from (the
 * format of `carve --format json|wet` over files and archives).
 *
 * carve_origin: where a page came from. Every pointer may be NULL; the
 * strings stay the caller's and may be any bytes (in JSON, each ill-formed
 * UTF-8 run becomes one U+FFFD, as in page text).
 */
typedef struct carve_origin {
    const char *input;      /* the file or archive as the caller names it: JSON key "input" (NULL:
                               no key, or null in an archive record's line, which always has it);
                               the WET address of a page that declares none */
    const char *record_id;  /* the WARC-Record-ID of the response the page was read from; NULL when
                               it is not an archive record (then no WARC keys are written) */
    const char *warc_date;  /* that record's WARC-Date: JSON "warc_date", WET's WARC-Date (NULL in
                               WET: the time of the call) */
    const char *target_uri; /* that record's WARC-Target-URI: WET's address, and the "url" key of
                               carve_render_note() */
    int http_status;        /* the response's HTTP status, 0 when unknown; WET writes one that is not
                               2xx as an "HTTP-Status" field */
    int truncated;          /* 1 when the record was cut: JSON "warc_truncated": true */
} carve_origin;

/* Flags of carve_render_record(). */
#define CARVE_RENDER_METADATA 1u /* text, Markdown, HTML: carve_render()'s with_metadata */
#define CARVE_RENDER_SOURCES 2u  /* JSON: a "sources" object, carve_result_source() of title, author,
                                    date, modified, sitename, language, description, image and url */
#define CARVE_RENDER_TEMPLATE 4u /* JSON: a "site_template" list, carve_result_template_blocks() as
                                    objects of text, rule, pages, site_pages and share (pages /
                                    site_pages, two significant digits) */

/*
 * carve_render_record: result as one record of a stream, ending in a line
 * end. JSON formats: one line whose keys are origin's ("input"; with a
 * record_id, "warc_record_id", "warc_date", "http_status" and
 * "warc_truncated" when cut), then carve_render()'s, then those flags ask
 * for. CARVE_FORMAT_WET: a conversion record of the title's line and the
 * text, addressed to origin's target_uri, else the page's URL, else
 * origin's input; referring to origin's record_id. Text, Markdown and HTML:
 * carve_render()'s string with a final line end; origin is not used.
 * result NULL stands for a response with no payload: the JSON line of
 * origin's keys, the address and "text": "", an empty WET record, or "".
 * origin may be NULL (no keys).
 *
 * *out receives a new string freed with carve_free() (NULL on error); *len,
 * when not NULL, its length. Errors: CARVE_ERR_ARGUMENT (out NULL, a format
 * not in carve_format, or result and origin both NULL), CARVE_ERR_NOMEM.
 */
CARVE_EXPORT carve_status carve_render_record(const carve_result *result, carve_format format, unsigned flags,
                                              const carve_origin *origin, char **out, size_t *len);

/*
 * carve_render_note: the JSON line of a page that has no record of its own
 * (it failed, or it was skipped): origin's keys as in carve_render_record,
 * "url" (CARVE_FORMAT_JSON_TRAFILATURA: "source") with origin's target_uri
 * when it has one, then the keys and values of pairs: key, value, key,
 * value, ..., NULL; a NULL value is JSON null. carve writes
 * {"error": message}, {"language": found, "skipped": "other language"} and
 * {"title": ..., "date": ..., "skipped": "no metadata"}.
 * Ownership and length as for carve_render_record. Errors:
 * CARVE_ERR_ARGUMENT (out or pairs NULL, or format not a JSON format),
 * CARVE_ERR_NOMEM.
 */
CARVE_EXPORT carve_status carve_render_note(carve_format format, const carve_origin *origin,
                                            const char *const *pairs, char **out, size_t *len);

/* carve_render_warcinfo: the warcinfo record that opens a WET file (the
 * software, its version, the format), with an id unique to the process and
 * second. Ownership and errors as for carve_render_note. */
CARVE_EXPORT carve_status carve_render_warcinfo(char **out, size_t *len);

/* Frees memory returned by carve_render(), the carve_render_* functions and
 * carve_read_file(). */
CARVE_EXPORT void carve_free(void *ptr);

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
CARVE_EXPORT carve_status carve_read_file(const char *path, size_t max_bytes, char **data, size_t *len);

/* The WHATWG Encoding name of a charset label ("latin1" and "ISO-8859-1"
 * give "windows-1252", "utf8" gives "utf-8"), as carve_options.charset
 * reads it; NULL for a label that names no encoding (carve_extract then
 * detects the charset instead). Static; not to be freed. */
CARVE_EXPORT const char *carve_charset_name(const char *label);

/* The library's version, e.g. "0.1.0". Static; not to be freed. */
CARVE_EXPORT const char *carve_version(void);

/* ------------------------------------------------------------------------
 * Site models: what repeats across the pages of one site.
 *
 * A publisher often puts the same block inside the article container of
 * every story (a donation appeal, a newsletter box), with neutral markup and
 * ordinary prose, so that no single page shows it is not the story. Across
 * the site's pages it shows: it is the same block in the same place. A site
 * model counts, for each site (the host of the result's URL, "www."
 * removed), the blocks of the main content by their slot and their text, in
 * pages:
 *  - a slot is the path of tag and class names of the block's element and
 *    its three nearest ancestors, with its place among its parent's children
 *    of the same tag counted from the start and from the end (after the site
 *    style tree of Yi, Liu & Li, "Eliminating noisy information in web pages
 *    for data mining", KDD 2003, and the DOM-based site-level template
 *    detection of Alarte, Insa, Silva & Tamarit, 2015-2016);
 *  - a text is the block's words, lower case, every number counting as "0";
 *    its first and last eight words are kept apart too, so that a text that
 *    varies by one word (a section name) still matches (segment hashing as
 *    in CCNet's line deduplication, Wenzek et al., LREC 2020).
 *
 * carve_site_model_apply() then removes a kept block as template when, in
 * the block's slot (counted from the start or from the end), with "enough
 * pages" meaning at least half of the site's pages in the model and at
 * least 2:
 *  - fixed: the same text (whole, or its first or last words) sits there on
 *    enough pages; or
 *  - rotating: the slot holds a block on enough pages, at least half of
 *    those pages share their text with another page in that slot, and this
 *    block's text is one of the shared ones (an appeal rotating among a few
 *    texts; Vieira et al., "A fast and robust method for web page template
 *    detection and removal", CIKM 2006, count a node as template by how many
 *    pages share it, not by its exact content).
 * What is not evidence, and never removed: a text that recurs at varying
 *    places (a background paragraph reused by several stories holds no slot
 *    on half the pages); table cells and code (pages legitimately share a
 *    table's headings or a code sample); blocks in the items of a list of
 *    like elements (the cards of a listing recur from listing to listing as
 *    content); texts with fewer than two words that are not numbers (a
 *    price, "Save 20%"); places more than 64 siblings from both ends of
 *    their parent; a page most of whose content the site already holds in
 *    the same places (a copy: the same story crawled twice or at two
 *    addresses is not counted again, so observing a page twice counts it
 *    once).
 * Guards when removing: a short block (under 50 characters) that is not
 * mostly a link goes only next to another removed block, so that a
 * recurring heading such as "Ingredients" stays with its varying content;
 * and when the blocks that qualify hold more than half of a page's main
 * content, nothing is removed from it (a site's template is a minority of
 * each story; more means a near-copy or a listing). A site with one page in
 * the model is never changed; with two, a block must be in the same place
 * with the same text on both.
 *
 * Bounds: at most 8192 entries per site (about 16 per block of a page, so
 * the evidence of roughly 40 pages is exact; then the entries seen on the
 * fewest pages are dropped, keeping what recurs) and at most max_bytes in
 * total (default 256 MiB; each entry takes 40 bytes in a table at most 70%
 * full). Over the total, every site drops the entries seen on the fewest
 * pages, one count for the whole model, and then the sites seen on the
 * fewest pages are dropped whole, until a quarter of the bound is free.
 *
 * Thread safety: observe, merge and load change a model and need exclusive
 * access; any number of threads may apply or extract with a model (through
 * carve_options.site_model) that no thread changes.
 * ------------------------------------------------------------------------ */

typedef struct carve_site_model carve_site_model;

/* A new, empty model of at most max_bytes bytes (0: 256 MiB; at least
 * 1 MiB is used). *out receives it; the caller frees it with
 * carve_site_model_free(). Errors: CARVE_ERR_ARGUMENT, CARVE_ERR_NOMEM. */
CARVE_EXPORT carve_status carve_site_model_new(size_t max_bytes, carve_site_model **out);

/* Frees a model. NULL is allowed. */
CARVE_EXPORT void carve_site_model_free(carve_site_model *model);

/*
 * carve_site_model_observe: count the main content of one page in the model.
 *
 * result is a result of carve_extract() (with or without a site model).
 * A page without a hostname, without main content, or whose content the
 * model already holds for its site (a copy, see above) adds nothing and is
 * not counted. Errors: CARVE_ERR_ARGUMENT (NULL), CARVE_ERR_NOMEM (the
 * model holds part of the page's evidence).
 */
CARVE_EXPORT carve_status carve_site_model_observe(carve_site_model *model, const carve_result *result);

/*
 * carve_site_model_merge: add everything counted in from to into, as if
 * into had observed from's pages too (learning shards in parallel, then
 * merging, gives the counts one learner would have, within the bounds,
 * except that a copy of a page in each shard is counted in both). from is
 * unchanged. Errors: CARVE_ERR_ARGUMENT (NULL, or into == from),
 * CARVE_ERR_NOMEM (into holds part of from).
 */
CARVE_EXPORT carve_status carve_site_model_merge(carve_site_model *into, const carve_site_model *from);

/*
 * carve_site_model_apply: remove from result's main content the blocks that
 * model knows as its site's template (rules above), and render its text
 * again. Returns CARVE_OK (also when nothing was removed, or the site is
 * unknown), CARVE_ERR_NO_CONTENT when nothing of the content is left (the
 * result is still valid), CARVE_ERR_ARGUMENT, CARVE_ERR_NOMEM. Applying the
 * same model twice removes nothing more.
 */
CARVE_EXPORT carve_status carve_site_model_apply(const carve_site_model *model, carve_result *result);

/* One block that a site model removed from a result. */
typedef struct carve_template_block {
    const char *text;     /* the block's text, owned by the result */
    uint32_t pages;       /* pages of the site with this text in this slot ("fixed"),
                             or with a block in this slot ("rotating") */
    uint32_t site_pages;  /* the site's pages in the model */
    const char *rule;     /* "fixed" or "rotating"; static */
} carve_template_block;

/* The blocks removed as site template from result, in page order: an array
 * of *count entries owned by the result (NULL and 0 when none). */
CARVE_EXPORT const carve_template_block *carve_result_template_blocks(const carve_result *result, size_t *count);

/*
 * Saving and loading. The file format is carve's own, versioned, little
 * endian, with a checksum; a saved model is untrusted input when loaded:
 * every field is checked, and a file that is not a model, of another
 * version, truncated or corrupt fails with CARVE_ERR_PARSE. Saving writes a
 * temporary file beside path and renames it, so that readers never see a
 * partial model. Errors: CARVE_ERR_ARGUMENT, CARVE_ERR_IO (errno is kept),
 * CARVE_ERR_PARSE (load), CARVE_ERR_TOO_LARGE (load: a file larger than
 * max_bytes, which no model within max_bytes saves to), CARVE_ERR_NOMEM.
 * A loaded model larger than max_bytes (0: 256 MiB) is pruned as when
 * learning. *out receives the model (freed with
 * carve_site_model_free()), or NULL on error.
 */
CARVE_EXPORT carve_status carve_site_model_save(const carve_site_model *model, const char *path);
CARVE_EXPORT carve_status carve_site_model_load(const char *path, size_t max_bytes, carve_site_model **out);

/* Sizes of a model. */
typedef struct carve_site_model_stats {
    size_t sites;         /* sites with at least one page */
    uint64_t pages;       /* pages observed, summed over the sites */
    size_t entries;       /* evidence entries held */
    size_t bytes;         /* memory held by the model */
} carve_site_model_stats;

/* Fills *stats (zeroes for a NULL model). */
CARVE_EXPORT void carve_site_model_get_stats(const carve_site_model *model, carve_site_model_stats *stats);

/* ------------------------------------------------------------------------
 * WARC archives: a streaming reader of web archive records.
 *
 * Reads WARC/1.0 and WARC/1.1 (ISO 28500) records one at a time from a file,
 * standard input, memory or a callback. The input may be uncompressed, gzip
 * (one member per record, as crawlers write it, or the whole file as one
 * member) or zstd; the kind is detected from the first bytes, never from a
 * file name. Memory is bounded by one record: a block longer than
 * carve_warc_options.max_block_bytes is cut there (the rest is read and
 * dropped) and the record is flagged truncated.
 *
 * Broken input never stops the reader. A record that ends early, a wrong
 * Content-Length, corrupt compressed data or bytes between records that are
 * not a record give one record with error != CARVE_WARC_OK; the reader then
 * looks for the next line starting with "WARC/" and goes on.
 *
 * For "response" records holding HTTP (Content-Type application/http), the
 * reader also parses the HTTP status line and headers and decides whether
 * the payload is HTML (Content-Type text/html or application/xhtml+xml, or
 * HTML sniffing when the header is missing). carve_warc_record_payload()
 * then undoes chunked transfer coding and the gzip, deflate, br or zstd
 * content coding; it may run on another thread than the reader.
 *
 * A reader is used by one thread at a time; records are independent objects
 * that any thread may own.
 * ------------------------------------------------------------------------ */

/* Why a record is broken. */
typedef enum carve_warc_error {
    CARVE_WARC_OK = 0,
    CARVE_WARC_ERR_TRUNCATED,   /* the input ended inside the record (a record without
                                   fields: it ended inside compressed data that gave no
                                   bytes, so a whole record may be lost there) */
    CARVE_WARC_ERR_HEADER,      /* malformed WARC header, or no valid Content-Length */
    CARVE_WARC_ERR_LENGTH,      /* the block is not followed by the CRLF CRLF end of record:
                                   Content-Length is wrong; the block was re-scanned for the
                                   next record */
    CARVE_WARC_ERR_GARBAGE,     /* bytes between records that are not a record (the record
                                   has no fields; offset says where, content_length how many) */
    CARVE_WARC_ERR_COMPRESSION, /* corrupt gzip or zstd data inside the record (a record
                                   without fields: corrupt data between records) */
    CARVE_WARC_ERR_HTTP,        /* a response whose HTTP header cannot be parsed */
    CARVE_WARC_ERR_ENCODING,    /* the HTTP payload's chunked or content coding is corrupt */
    CARVE_WARC_ERR_IO,          /* reading the input failed (errno is kept) */
    CARVE_WARC_ERR_NOMEM,       /* an allocation failed; the record's data is incomplete */
    CARVE_WARC_ERROR_COUNT
} carve_warc_error;

/* A static English description of a carve_warc_error. Never NULL. */
CARVE_EXPORT const char *carve_warc_strerror(carve_warc_error error);

/* Options of a reader. Initialise with carve_warc_options_init(). */
typedef struct carve_warc_options {
    size_t max_block_bytes;   /* bytes of a record block kept in memory; longer blocks are
                                 cut and flagged (default 16 MiB; minimum 4096) */
    size_t max_payload_bytes; /* bytes of HTTP payload after content decoding that
                                 carve_warc_record_payload() returns; more is cut and
                                 flagged (default 64 MiB, like carve_options.max_input_bytes) */
} carve_warc_options;

CARVE_EXPORT void carve_warc_options_init(carve_warc_options *opts);

/* The payload of a record is cut short: its block exceeded max_block_bytes,
 * its decoded payload exceeded max_payload_bytes, or the archive's writer
 * said so with a WARC-Truncated field. */
#define CARVE_WARC_TRUNCATED_BLOCK 1u   /* cut by this reader at max_block_bytes */
#define CARVE_WARC_TRUNCATED_PAYLOAD 2u /* decoded payload cut at max_payload_bytes */
#define CARVE_WARC_TRUNCATED_WRITER 4u  /* the record carries WARC-Truncated */

/* One record. Every string is NUL-terminated and owned by the record;
 * a field absent from the header is "" (never NULL). */
typedef struct carve_warc_record {
    const char *version;      /* "WARC/1.0", "WARC/1.1", ... ("" for garbage) */
    const char *type;         /* WARC-Type: "response", "request", "revisit", ... */
    const char *record_id;    /* WARC-Record-ID, e.g. "<urn:uuid:...>" */
    const char *date;         /* WARC-Date, e.g. "2019-11-20T08:00:00Z" */
    const char *target_uri;   /* WARC-Target-URI, without <> if WARC/1.0 wrote them */
    const char *content_type; /* the WARC Content-Type of the block */
    uint64_t offset;          /* byte offset of the record in the decompressed input */
    uint64_t content_length;  /* Content-Length as declared, in bytes */
    const char *block;        /* the block bytes kept (NUL-terminated for convenience) */
    size_t block_len;         /* bytes in block (<= max_block_bytes) */
    unsigned truncated;       /* CARVE_WARC_TRUNCATED_* bits; 0 when whole */
    carve_warc_error error;   /* CARVE_WARC_OK, or why this record is broken */
    const char *error_detail; /* a short English explanation; "" when error is CARVE_WARC_OK */

    /* HTTP, for "response" records whose block is an HTTP response. */
    int http_status;          /* e.g. 200; 0 when the record holds no HTTP response */
    const char *http_mime;    /* media type of Content-Type, lower case, no parameters */
    const char *http_charset; /* charset parameter of Content-Type, as written, or "" */
    int is_html;              /* 1 when the payload is HTML (by Content-Type or sniffing) */
} carve_warc_record;

/* A value of a header field of the record (name matched without regard to
 * case), or NULL when the record has no such field. Owned by the record. */
CARVE_EXPORT const char *carve_warc_record_field(const carve_warc_record *rec, const char *name);

/* The value of an HTTP response header (name matched without regard to
 * case), or NULL when the record has no HTTP response or no such header. */
CARVE_EXPORT const char *carve_warc_record_http_header(const carve_warc_record *rec, const char *name);

/*
 * carve_warc_record_payload: the HTTP entity body of a response record,
 * with chunked transfer coding removed and gzip, x-gzip, deflate, br or zstd
 * content coding undone.
 *
 * *data receives a pointer owned by the record (valid until the record is
 * freed; the first call decodes, later calls return the same bytes), *len
 * its length in bytes. For a record without HTTP the payload is the block.
 * When the decoded payload exceeds max_payload_bytes it is cut there and
 * rec->truncated gets CARVE_WARC_TRUNCATED_PAYLOAD.
 * Errors: CARVE_WARC_ERR_ENCODING (the coding is corrupt or unknown; *data is
 * then the bytes decoded before the fault), CARVE_WARC_ERR_NOMEM. The error
 * is also stored in rec->error.
 */
CARVE_EXPORT carve_warc_error carve_warc_record_payload(carve_warc_record *rec, const char **data, size_t *len);

/* Frees a record and everything it owns. NULL is allowed. */
CARVE_EXPORT void carve_warc_record_free(carve_warc_record *rec);

typedef struct carve_warc_reader carve_warc_reader;

/* A source of raw (possibly compressed) bytes: reads up to len bytes into
 * buf and returns how many, 0 at the end of the input, -1 on error. */
typedef long (*carve_warc_read_fn)(void *ctx, void *buf, size_t len);

/*
 * Opening a reader. Each reads the first bytes at once, to detect the
 * compression and whether the input is an archive at all.
 *
 * carve_warc_open_file: path, or standard input when path is "-".
 * carve_warc_open_memory: data is borrowed and must outlive the reader.
 * carve_warc_open_callback: read is called with ctx until it returns 0 or -1.
 *
 * opts may be NULL for the defaults. *out receives a reader that the caller
 * frees with carve_warc_close(), or NULL on error.
 * Errors: CARVE_ERR_ARGUMENT, CARVE_ERR_IO (the file cannot be opened or
 * read; errno is kept), CARVE_ERR_NOMEM.
 */
CARVE_EXPORT carve_status carve_warc_open_file(const char *path, const carve_warc_options *opts,
                                  carve_warc_reader **out);
CARVE_EXPORT carve_status carve_warc_open_memory(const void *data, size_t len, const carve_warc_options *opts,
                                    carve_warc_reader **out);
CARVE_EXPORT carve_status carve_warc_open_callback(carve_warc_read_fn read, void *ctx,
                                      const carve_warc_options *opts, carve_warc_reader **out);

/* 1 when the input, after decompression, starts with "WARC/" (white space
 * before it allowed), else 0. */
CARVE_EXPORT int carve_warc_is_archive(const carve_warc_reader *reader);

/*
 * carve_warc_next: the next record.
 *
 * Returns CARVE_OK and a new record in *rec (the caller frees it with
 * carve_warc_record_free()), or CARVE_OK and NULL in *rec at the end of the
 * input. A broken record is still returned, its error field set; the next
 * call continues after it. Errors: CARVE_ERR_ARGUMENT (reader or rec NULL),
 * CARVE_ERR_NOMEM (a record cannot even be allocated; *rec is NULL and the
 * reader should be closed).
 */
CARVE_EXPORT carve_status carve_warc_next(carve_warc_reader *reader, carve_warc_record **rec);

/*
 * carve_warc_read_all: the whole decompressed input as one buffer, for an
 * input that is not an archive (a gzip-compressed HTML file, say). Only
 * valid before the first carve_warc_next(). *data receives a new buffer
 * (freed with carve_free()) of *len bytes plus a NUL that *len does not count.
 * Errors: CARVE_ERR_TOO_LARGE (more than max_bytes after decompression),
 * CARVE_ERR_IO (a read error, errno kept; or compressed data that is
 * corrupt or ends early, errno then EILSEQ), CARVE_ERR_NOMEM,
 * CARVE_ERR_ARGUMENT.
 */
CARVE_EXPORT carve_status carve_warc_read_all(carve_warc_reader *reader, size_t max_bytes, char **data,
                                 size_t *len);

/* Raw (compressed) input bytes consumed so far, and the input's total size
 * in bytes when known (a regular file or memory), else 0. */
CARVE_EXPORT uint64_t carve_warc_bytes_read(const carve_warc_reader *reader);
CARVE_EXPORT uint64_t carve_warc_input_size(const carve_warc_reader *reader);

/* The compression detected: "none", "gzip" or "zstd". Static. */
CARVE_EXPORT const char *carve_warc_compression(const carve_warc_reader *reader);

/* Closes the input (not standard input) and frees the reader. NULL is allowed. */
CARVE_EXPORT void carve_warc_close(carve_warc_reader *reader);

#ifdef __cplusplus
}
#endif
#endif /* CARVE_H */
