/* page.h: one page's extraction state, shared by the steps of extract.c
 * (container.c, fallbacks.c, tidy.c), and the block tests they share.
 *
 * Every per-page array lives in the page's arena and goes with it; a
 * step that runs out of memory marks the arena failed (arena_fail), and
 * the extraction fails. The arrays are grouped by the index they are read
 * by: node.* by a node's index (dom_node.index), block.* by a block's
 * index in the block list. */
#ifndef CARVE_EXTRACT_PAGE_H
#define CARVE_EXTRACT_PAGE_H

#include <stddef.h>
#include <stdint.h>

#include "dom/blocks.h"
#include "dom/dom.h"
#include "extract/extract.h"
#include "util/arena.h"

typedef struct extract_page {
    dom_doc *doc;
    block_list *bl;             /* out->blocks */
    const extract_hints *hints;
    extract_result *out;
    int lang;                   /* the stop-word list (stopwords.h), or -1 */
    const dom_node *container;  /* the element the content was chosen from, or NULL */
    int own_story;              /* 1: the container is the page's story among others (container.c) */
    size_t headline;            /* the block of the headline (page_headline), or SIZE_MAX */
    const dom_node *edge_box[2]; /* the boxes of their own at the ends of the body (edge_boxes) */
    size_t edge_boxes;           /* how many of edge_box are set */
    arena mem;                  /* every array below */
    struct {
        unsigned char *verdict; /* VERDICT_* of verdict.h */
        size_t *text;           /* characters of text under the node */
        uint32_t *note_ref;     /* a note of the article: the index plus one of the link that
                                   refers to it; else 0 (verdict_compute) */
    } node;
    struct {
        unsigned char *cls;     /* CLS_* of classify.h, as the pass in force classed it */
        double *density;        /* stop-word density, -1 until counted (classify_blocks) */
        unsigned char *boiler;  /* 1: inside boilerplate, as the step in force counts it */
        unsigned char *cards;   /* 1: inside a teaser-card list */
        unsigned char *in_body; /* 1: inside an element marked as the article body */
    } block;
} extract_page;

/* Per block of p: the flag of the node that holds it (node_flags: one per
 * node, NULL gives NULL). In p's arena; NULL when memory runs out. */
unsigned char *page_block_flags(extract_page *p, const unsigned char *node_flags);
/* The same when node_flags flags elements without their descendants: the
 * flags are extended to them first. */
unsigned char *page_blocks_inside(extract_page *p, unsigned char *node_flags);

/* A zeroed flag per node of p, in its arena; NULL when memory runs out. */
unsigned char *page_node_flags(extract_page *p);

/* Index of the last node in n's subtree (nodes are in document order). */
size_t subtree_end(const dom_node *n);
/* 1 when block b lies in the subtree whose nodes are indexed lo..hi. */
int block_within(const block *b, size_t lo, size_t hi);
/* 1 when n is top or inside it. */
int node_within(const dom_node *n, const dom_node *top);
/* The element of the body's children that holds n (n itself when it is
 * one), or NULL when n is not inside the body. */
const dom_node *body_child(const dom_node *n);
/* The share of b's characters inside links. */
double link_density(const block *b);
/* 1 when b's whole text is a label that ad slots, share bars and teasers
 * leave between paragraphs ("Advertisement", "Share this", "Lire aussi"). */
int is_label_block(const block *b);
/* 1 when a and b are equal after folding white space and ASCII case. */
int same_text(const char *a, const char *b);
/* 1 when heading text repeats title, or one of the parts that a
 * separator (" | ", " - ", dashes, " :: ", " » ") divides it into: a
 * title may add the date, the section or the site name to the headline
 * on either side ("08.11.2021 | Online-Fachtag ..."). Titles of 512 bytes
 * and more are not divided (no headline is that long; the bound keeps a
 * hostile title cheap). */
int heads_title(const char *text, const char *title);
/* jusText's whole-page mode: block i is good and outside boilerplate. */
int page_good(const extract_page *p, size_t i);
/* The block of the page's headline: the first h1 whose text is the
 * title (hints->title), or one part of it (heads_title); SIZE_MAX when
 * there is none. Found once per page,
 * into p->headline, which the steps read. */
size_t page_headline(const extract_page *p);

/* ---- the steps (each in its own file) ---- */

/* container.c: classifies the blocks in up to npasses passes, from the
 * strictest down, chooses the container of each and keeps its article;
 * the first plausible result wins. Returns the kept characters. */
size_t container_passes(extract_page *p, size_t npasses);
/* A listicle's items taken for teaser cards, inside the story, kept with
 * it once the closing sections are gone; returns the kept characters. */
size_t keep_story_items(extract_page *p, size_t kept);

/* fallbacks.c: what follows when the container's result is not the
 * page's content. Each returns the kept characters. */
size_t fallback_page(extract_page *p);                  /* every block outside boilerplate */
size_t fallback_cards(extract_page *p, size_t kept);    /* a listing's teaser cards */
size_t fallback_landmark(extract_page *p, size_t kept); /* the page's <main> */
size_t fallback_product(extract_page *p, size_t title_block, size_t kept); /* a product's part */
size_t fallback_chrome_only(extract_page *p);           /* nothing kept: only chrome is boilerplate;
                                                           SIZE_MAX when memory runs out */
/* The block of a product page's title, or SIZE_MAX. */
size_t product_title(const extract_page *p);
/* Replaces the blocks with the JSON-LD articleBody when it is much longer
 * than kept; returns the kept characters, or SIZE_MAX when memory runs out. */
size_t fallback_jsonld(extract_page *p, size_t kept);

/* tidy.c: the result's last touches. */
size_t tidy_notes(extract_page *p, size_t kept); /* the notes that the kept text refers to */
size_t tidy_standfirst(extract_page *p, size_t kept); /* standfirst.c: the lead above the content,
                                                        * with favor_recall */
size_t tidy_favor(extract_page *p, size_t kept); /* favor_precision, favor_recall */
size_t tidy_forms(extract_page *p, size_t kept); /* sign-up and comment forms */
size_t tidy_above_headline(extract_page *p, size_t kept); /* boxes above the headline */
size_t tidy_after_footer(extract_page *p, size_t kept);  /* boxes after the page's footer */
size_t tidy_edge_boxes(extract_page *p, size_t kept);    /* boxes at the ends of the body */
void tidy_repeats(extract_page *p);              /* a repeated paragraph kept once */
void tidy_headline(block_list *bl, const char *title); /* the headline is metadata */

/* Drops the kept blocks from the from-th to before the to-th as
 * boilerplate, so that --recall does not take them back; returns their
 * characters. */
size_t page_drop_kept(extract_page *p, size_t from, size_t to);

/* datelines.c: the date lines around the story. */
size_t tidy_date_lines(extract_page *p, size_t kept);

/* postfooter.c: a blog platform's post footer line after the story, when
 * the kept text holds one (several belong to a list of posts), after an
 * article's worth of text (rule sections). */
size_t tidy_post_footer(extract_page *p, size_t kept);

/* headings.c: the kept headings over nothing kept (a widget's heading
 * whose links were left out), at most two of at most LABEL_MAX_CHARS,
 * when an article's worth of text stays; not with --recall (rule
 * headings). */
size_t tidy_empty_headings(extract_page *p, size_t kept);

/* sections.c: the sections that close the article, by their headings. */
size_t tidy_thread(extract_page *p, size_t kept);   /* the thread under a heading quoting the title */
size_t tidy_sections(extract_page *p, size_t kept); /* sections under a heading naming them */

#endif
