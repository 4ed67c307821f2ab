/* outdir.h: --output-dir, one output file per input (as trafilatura's
 * --output-dir): a page's text in DIR/NAME.txt (.md, .json, .html, .wet),
 * an archive's lines in DIR/NAME.jsonl, NAME being the input's path below
 * the folder all inputs share. */
#ifndef CARVE_CLI_OUTDIR_H
#define CARVE_CLI_OUTDIR_H

#include "cli.h"

/* Creates the folder c->output_dir and its parents when they do not
 * exist, checks that files can be made in it, and notes the files of the n inputs (paths, "-" for standard
 * input) so that no output overwrites one. Returns 0, or -1 after a
 * message on stderr. */
int outdir_prepare(cli *c, char *const *inputs, size_t n);

/* Makes c->out the output file of the document from input (an archive
 * record when archive is 1: its records share the archive's file while
 * input, the same pointer, goes on; a page always gets a file of its
 * own), closing the previous file. Returns 0, or -1 with a message in err
 * (errsize bytes) when the file cannot be written (c->out is then NULL,
 * and the input's other records fail the same way). */
int outdir_switch(cli *c, const char *input, int archive, char *err, size_t errsize);

/* Closes the last file and frees what the run held. Returns 0, or -1
 * when a file could not be written (named on stderr). */
int outdir_finish(cli *c);

#endif
