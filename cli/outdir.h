/* outdir.h: --output-dir, one output file per input (as trafilatura's
 * --output-dir): a page's text in DIR/NAME.txt (.md, .json, .html, .wet),
 * an archive's JSON Lines in DIR/NAME.jsonl. */
#ifndef CARVE_CLI_OUTDIR_H
#define CARVE_CLI_OUTDIR_H

#include "cli.h"

/* Creates the folder dir when it does not exist. Returns 0, or -1 after
 * a message on stderr. */
int outdir_prepare(const char *dir);

/* Makes c->out the output file of the input named input (an archive when
 * archive is 1), closing the previous input's file; nothing when input is
 * the current one. Returns 0, or -1 with a message in err (errsize bytes)
 * when the file cannot be written (c->out is then NULL). */
int outdir_switch(cli *c, const char *input, int archive, char *err, size_t errsize);

/* Closes the current file and frees what the run held. Returns 0, or -1
 * when the last file could not be written. */
int outdir_finish(cli *c);

#endif
