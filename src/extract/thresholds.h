/* thresholds.h: the numbers extraction decides by, each with where it
 * comes from. Lengths are in non-space characters (block.chars, where a
 * CJK character counts 3); a link density is the share of a block's
 * characters inside links. Numbers marked "set on the dev sets" were
 * chosen by hand on ScrapingHub, tfeval-dev and WCXB-dev; the rule ledger
 * (docs/extraction.md, tools/rule_ledger.py) measures the step each
 * belongs to. */
#ifndef CARVE_EXTRACT_THRESHOLDS_H
#define CARVE_EXTRACT_THRESHOLDS_H

/* ---- block classes (classify.c), after jusText (Pomikálek 2011) ---- */

/* jusText's stop-word densities and link density as published. Its
 * lengths (70 and 200 characters with spaces) are lower here: news
 * paragraphs are often one or two sentences long. */
#define LENGTH_LOW 50
#define LENGTH_HIGH 110
#define STOPWORDS_LOW 0.30
#define STOPWORDS_HIGH 0.32
#define MAX_LINK_DENSITY 0.2
/* Terse prose (specifications, product copy, technical guides) falls under
 * STOPWORDS_LOW yet is written in sentences: a long block with sentence
 * punctuation and at least this density is near-good, so it joins the good
 * text around it but does not make a container by itself (set on the dev
 * sets). */
#define STOPWORDS_TERSE 0.15

/* A copyright or credit line is shorter than this: longer blocks that
 * name a copyright are prose about it. */
#define COPYRIGHT_MAX_CHARS 200
/* A credit at the end of a caption ("... Foto: Name") is a credit word, a
 * colon and at most this many bytes: a photographer's and an agency's
 * name, not a sentence. */
#define CREDIT_MAX_BYTES 48
/* A sign-up form's box holds, besides the form, a heading and one or two
 * sentences ("Sign up for our newsletter"), shorter than this; an
 * element with more is the story's (not tuned). */
#define FORM_PROMPT_MAX_CHARS 250
/* A date line above or below the story ("Updated 1:39 am EST, Tuesday,
 * November 19, 2019") is at most DATE_LINE_MAX_CHARS long (set on the dev
 * sets: 40 gained less on ScrapingHub, 60 took a few bylines with their
 * dates too); more than DATE_LINES_MAX such lines make a list of dated
 * items (set on the dev sets: without the bound, forum threads and
 * listings lost their posts' dates, which their golds keep). */
#define DATE_LINE_MAX_CHARS 60
#define DATE_LINES_MAX 2
/* A blog platform's post footer ("This entry was posted in ...", "Der
 * Beitrag wurde am ... veröffentlicht und wurde unter ... abgelegt") is at
 * most POST_FOOTER_MAX_CHARS long: a line with a date, the categories and
 * the tags (the longest on tfeval-dev held 313; not tuned). */
#define POST_FOOTER_MAX_CHARS 400
/* An appeal to the reader after the story (subscribe, follow, support) is
 * one or two sentences, at most this long (not tuned). */
#define APPEAL_MAX_CHARS 300
/* A comment thread's heading holds, before the quoted title, a count and
 * a few words ("12 thoughts on", "3 Kommentare zu", "2 réponses à"): at
 * most this many characters (not tuned: three or four words). */
#define THREAD_PREFIX_MAX_CHARS 40

/* ---- teaser-card lists (cards.c) ---- */

/* A card list has at least this many cards, each headed by a link of at
 * least MIN_TITLE_CHARS characters (set on the dev sets). */
#define MIN_CARDS 3
#define MIN_TITLE_CHARS 15
/* A teaser whose heading is not a link (its link is a "read more") is a
 * card when it is at most TEASER_MAX_CHARS long and holds a date: a
 * headline and a summary of a few sentences (set on the dev sets: 400
 * and 600 gained alike, 600 on three pages more, none lost). Blocks of up
 * to CARD_DATE_MAX_CHARS are read for the date, a summary with its date
 * at the end included (not tuned: it bounds the date parser's work). */
#define TEASER_MAX_CHARS 600
#define CARD_DATE_MAX_CHARS 400
/* A card list inside the story is the story's items (keep_story_items)
 * with at least this many cards holding a paragraph of prose: a box of
 * related stories inside a story has two to four (not tuned: with the
 * third of the kept text asked too, 0 to 5 give the same dev results). */
#define STORY_ITEMS_MIN 5

/* ---- the size of a result ---- */

/* Below this a result is implausibly short for a page that has more good
 * text elsewhere; also "an article's worth" of text (set on the dev sets:
 * about two short news paragraphs). */
#define MIN_CONTENT_CHARS 250
/* A wider candidate replaces the result only when it holds more than this
 * many times its text (fallback_cards, fallback_landmark, the whole-page
 * mode): beside a blog post, <main> also holds its comments and teasers,
 * and taking it at once cost tfeval-dev 0.005 F. */
#define WIDER_RATIO 2
/* The JSON-LD articleBody replaces the markup's result when it is longer
 * than this many bytes and this many times what the markup gave (set on
 * the dev sets; the rule ledger's "jsonld"). */
#define JSONLD_MIN_BYTES 500
#define JSONLD_RATIO 3

/* ---- inside the container (container.c) ---- */

/* A link list: half or more of its text linked (Readability.js's
 * link-density test for "list of links", at its 0.5). */
#define LINK_LIST_DENSITY 0.5
/* In the pass for lists of links, a container whose list items of links
 * hold this many times its good text is an index of links (set on the
 * dev sets: 2 and 4 change the same pages). */
#define LINK_INDEX_RATIO 4
/* A label ("Share this", "Tags:", "Advertisement") is a line this short
 * or shorter. */
#define LABEL_MAX_CHARS 40
/* A block of the article's opening (lead, standfirst): this long, and
 * under this link density (set on the dev sets). */
#define LEAD_MIN_CHARS 40
#define LEAD_MAX_LINK_DENSITY 0.3
/* The walk back over the opening stops at a linked line this long. */
#define LEAD_STOP_MIN_CHARS 10
/* A paragraph whose links cite sources is at least this long: a
 * sentence. */
#define CITATION_MIN_CHARS 100
/* Inside a marked article body, a text block this long with little link
 * text (under MAX_LINK_DENSITY) is good whatever its stop words. */
#define BODY_FLOOR_MIN_CHARS 30

/* ---- tidying the result (tidy.c) ---- */

/* Repeated blocks shorter than this stay ("Yes", "Photo: AP"). */
#define REPEAT_MIN_CHARS 20
/* The headline is dropped with the lines above it when they are at most
 * this many, each shorter than HEADLINE_LINE_CHARS (a date, a kicker). */
#define HEADLINE_LINES_ABOVE 3
/* Kept blocks after the page's footer go when the kept text before the
 * footer is at least this many times theirs (tidy_after_footer): the
 * story outweighs a box after the footer clearly; a page whose kept text
 * is split about evenly around a <footer> is a page of several posts.
 * So do the kept blocks of a box of its own at an end of the body
 * (tidy_edge_boxes). */
#define AFTER_FOOTER_RATIO 2
/* A box above the headline (a prompt, a sign-up box) holds fewer
 * characters than this; a container before the headline that holds more
 * is given up for one after it only when that one holds more still
 * (after_headline). So does a box that a script put below the story, at
 * the end of the body (below_box), and a box at either end of the body
 * whose good text does not count as content outside every verdict
 * (edge_boxes). */
#define BOX_MAX_CHARS 600
#define HEADLINE_LINE_CHARS 50
/* favor_precision drops a kept line shorter than PRECISION_LINE_CHARS
 * without a sentence, and one that is not good itself when it is a link
 * list, a paragraph under PRECISION_SHORT_PARA characters with this link
 * density, or a line after the last good block under HEADLINE_LINE_CHARS
 * without a sentence (trafilatura's favor_precision in spirit; the
 * numbers set on the dev sets). */
#define PRECISION_LINE_CHARS 30
#define PRECISION_SHORT_PARA 100
#define PRECISION_LINK_DENSITY 0.25

/* ---- the standfirst (standfirst.c) ---- */

/* A block and the page's description agree when one begins as the other
 * for at least this many folded bytes (letters and digits; about eight
 * words), and the block is at most STANDFIRST_WINDOW blocks above the
 * first kept block. */
#define STANDFIRST_MIN_MATCH 48
#define STANDFIRST_WINDOW 12

/* ---- the language (extract.c) ---- */

/* Without a language in the markup, stop-word hits in the first this many
 * bytes of the blocks' text decide it, when there are at least
 * LANG_MIN_HITS. */
#define LANG_SAMPLE_BYTES 20000
#define LANG_MIN_HITS 5

/* A language in the markup is checked against the stop-word hits in the
 * first this many bytes of the blocks' text (enough prose on most pages;
 * the check costs about 2% of the instructions at 8 KB, 3% at 20 KB), and
 * the text's language replaces it when its hits outnumber the markup's
 * more than LANG_OVERRULE_RATIO times. On German story pages relabelled
 * lang="en" the ratio is 10 to 30; a story that quotes whole paragraphs
 * in the markup's language gives 2 to 3.5 (the sites set's stories mixing
 * English and Portuguese or Korean paragraphs), and there the markup's
 * list keeps the quoted paragraphs good. Ratios 2 to 5 change the same
 * pages of the per-page bench sets. */
#define LANG_CHECK_BYTES 8192
#define LANG_OVERRULE_RATIO 4

#endif
