/* rules.c: the named steps of extraction and CARVE_RULES_OFF, the switch
 * that turns steps off to measure them (rules.h). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "extract/rules.h"

/* The names of extract_rule, in its order (tools/rule_ledger.py reads them here). */
static const char *const names[RULE_COUNT] = {
    "landmark", "cards", "product", "widen", "last-resort", "whole-page", "labels", "lead", "tail",
    "body-floor", "json-ld", "footer", "words-negative", "words-positive", "words-overlay", "own-story",
    "notes", "headline", "thread", "sections", "headings", "story-items",
};

static unsigned char off[RULE_COUNT];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void read_env(void)
{
    const char *v = getenv("CARVE_RULES_OFF");
    for (const char *p = v; p && *p;) {
        size_t n = strcspn(p, ",");
        for (int r = 0; r < RULE_COUNT; r++)
            if (strlen(names[r]) == n && strncmp(p, names[r], n) == 0)
                off[r] = 1;
        p += n + (p[n] == ',');
    }
}

int rule_on(extract_rule rule)
{
    pthread_once(&once, read_env);
    return !off[rule];
}
