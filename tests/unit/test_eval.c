/* test_eval.c: extraction quality on the scrapinghub set must not fall
 * below the agreed floor (token F1 0.90). Runs the shared evaluator over
 * the built carve program; skipped when ../shared/bench or python3 is
 * not there (a checkout without the shared folder). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define EVALUATE CARVE_SOURCE_DIR "/../shared/bench/tools/evaluate.py"

static void test_scrapinghub_floor(void **state)
{
    (void)state;
    if (access(EVALUATE, R_OK) != 0 || system("python3 --version >/dev/null 2>&1") != 0) {
        printf("skipped: ../shared/bench not found\n");
        fflush(stdout);
        skip();
    }
    if (access(CARVE_BINARY, X_OK) != 0)
        fail_msg("carve program not built: %s", CARVE_BINARY);
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "python3 '%s' --cmd '%s --format json' --sets scrapinghub --min scrapinghub=0.90 --jobs 2",
             EVALUATE, CARVE_BINARY);
    printf("%s\n", cmd);
    fflush(stdout);
    int rc = system(cmd);
    if (rc == -1)
        fail_msg("cannot run the evaluator");
    if (!WIFEXITED(rc) || WEXITSTATUS(rc) != 0)
        fail_msg("evaluate.py failed (exit status %d): scrapinghub below 0.90 or pages failed; see the table above",
                 WIFEXITED(rc) ? WEXITSTATUS(rc) : -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scrapinghub_floor),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
