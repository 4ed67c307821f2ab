/* result.h: the layout behind the public carve_result handle. */
#ifndef CARVE_RESULT_H
#define CARVE_RESULT_H

#include "carve.h"
#include "dom/blocks.h"
#include "extract/extract.h"
#include "meta/meta.h"
#include "site/signature.h"
#include "util/arena.h"

struct carve_result {
    arena mem;              /* metadata strings */
    carve_metadata meta;
    meta_explain source;    /* where each metadata field came from */
    extract_result content; /* blocks; those with keep != 0 are the main content */
    char *text;             /* the plain text, rendered once */
    size_t text_len;
    block_list comments;    /* the user comments (extract/comments.h), all kept */
    char *comments_text;    /* their plain text, rendered once; NULL when there are none */
    size_t comments_len;
    int with_comments;      /* carve_options.include_comments */
    char filedate[16];      /* the day of the extraction, "YYYY-MM-DD" (reference_time, UTC) */
    site_sig *sigs;         /* per block of content.blocks (all kept once extracted), in mem */
    carve_template_block *removed; /* blocks a site model removed, in mem */
    size_t removed_count;
    unsigned show;          /* inline markup renderers show (SHOW_* of render/inline.h) */
    const char *markup_language;        /* meta.language as the markup declared it, before */
    const char *markup_language_source; /* the text was checked (result_decide_language) */
};

/* Renders r's kept blocks as its plain text again (r->text, r->text_len;
 * the previous text is freed). Returns 0, or -1 when memory runs out (then
 * r->text is NULL and r->text_len 0). */
int result_render_text(carve_result *r);

/* Decides r's language from what the markup declared and r's current text
 * (meta_check_language), so that removing blocks later (a site model)
 * decides it as an extraction without those blocks would. */
void result_decide_language(carve_result *r);

#endif
