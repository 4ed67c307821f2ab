/* date.c: reading dates, machine-readable (ISO 8601 and its variants) and
 * written for people in many languages ("13 February 2025", "13. Februar
 * 2025", "13 de febrero de 2025", "13.02.2025", "2025年2月13日"). The
 * patterns and the plausibility window follow htmldate (Barbaresi 2020):
 * nothing before 1995, nothing after the reference date. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "meta/date.h"

long meta_date_days(int y, int m, int d)
{
    /* Howard Hinnant's days_from_civil */
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

static int valid_day(int y, int m, int d) { return y >= 1000 && y <= 9999 && d >= 1 && d <= days_in_month(y, m); }

int meta_date_plausible(const meta_date *d, time_t ref)
{
    if (!valid_day(d->y, d->m, d->d) || d->y < 1995)
        return 0;
    if (!ref)
        ref = time(NULL);
    long today = (long)(ref / 86400);
    return meta_date_days(d->y, d->m, d->d) <= today + 1;
}

static void clear(meta_date *d)
{
    memset(d, 0, sizeof *d);
    d->hh = d->mi = d->ss = -1;
}

static int digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 1;
}

/* 1 or 2 digits; returns how many were read. */
static int small_num(const char *s, int *out)
{
    if (s[0] < '0' || s[0] > '9')
        return 0;
    if (s[1] >= '0' && s[1] <= '9') {
        *out = (s[0] - '0') * 10 + (s[1] - '0');
        return 2;
    }
    *out = s[0] - '0';
    return 1;
}

int meta_date_parse_iso(const char *s, meta_date *out)
{
    clear(out);
    if (!s)
        return -1;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    int y, m, d, n;
    if (!digits(s, 4, &y))
        return -1;
    const char *p = s + 4;
    if (*p >= '0' && *p <= '9') { /* 20250213 */
        if (!digits(p, 2, &m) || !digits(p + 2, 2, &d) || (p[4] >= '0' && p[4] <= '9'))
            return -1;
        p += 4;
    } else {
        char sep = *p;
        if (sep != '-' && sep != '/' && sep != '.')
            return -1;
        p++;
        if (!(n = small_num(p, &m)))
            return -1;
        p += n;
        if (*p != sep)
            return -1;
        p++;
        if (!(n = small_num(p, &d)))
            return -1;
        p += n;
        if (*p >= '0' && *p <= '9')
            return -1;
    }
    if (!valid_day(y, m, d))
        return -1;
    out->y = y;
    out->m = m;
    out->d = d;
    /* time: T12:30, " 12:30:05.123" */
    if ((*p == 'T' || *p == 't' || *p == ' ') && digits(p + 1, 2, &out->hh) && p[3] == ':' && digits(p + 4, 2, &out->mi)) {
        p += 6;
        if (*p == ':' && digits(p + 1, 2, &out->ss))
            p += 3;
        else
            out->ss = 0;
        if (*p == '.' || *p == ',')
            for (p++; *p >= '0' && *p <= '9'; p++)
                ;
        if (out->hh > 23 || out->mi > 59 || out->ss > 60) {
            out->hh = out->mi = out->ss = -1;
            return 0;
        }
        while (*p == ' ')
            p++;
        int oh, om = 0;
        if (*p == 'Z' || *p == 'z') {
            out->tz_known = 1;
        } else if ((*p == '+' || *p == '-') && digits(p + 1, 2, &oh)) {
            const char *q = p + 3;
            if (*q == ':')
                q++;
            if (!digits(q, 2, &om))
                om = 0;
            if (oh <= 14 && om < 60) {
                out->tz_known = 1;
                out->tz_minutes = (*p == '-' ? -1 : 1) * (oh * 60 + om);
            }
        }
    }
    return 0;
}

/* ---- written dates ---- */

/* Month names and abbreviations, lower case, in the languages of the
 * issue (en, de, fr, es, it, pt, nl, pl) and a few more common on news
 * sites (sv/da/no, fi, cs, ru, uk, tr, hu, ro, ca, id), after htmldate's
 * and dateparser's tables. */
static const struct {
    const char *name;
    unsigned char month;
} months[] = {
    /* en */
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6}, {"july", 7},
    {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
    {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7}, {"aug", 8}, {"sep", 9},
    {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
    /* de */
    {"januar", 1}, {"jänner", 1}, {"februar", 2}, {"feber", 2}, {"märz", 3}, {"maerz", 3}, {"mai", 5},
    {"juni", 6}, {"juli", 7}, {"oktober", 10}, {"dezember", 12}, {"mär", 3}, {"mrz", 3}, {"okt", 10},
    {"dez", 12},
    /* fr */
    {"janvier", 1}, {"février", 2}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"juin", 6},
    {"juillet", 7}, {"août", 8}, {"aout", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11},
    {"décembre", 12}, {"decembre", 12}, {"janv", 1}, {"févr", 2}, {"fevr", 2}, {"fév", 2}, {"avr", 4},
    {"juil", 7}, {"déc", 12},
    /* es */
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6}, {"julio", 7},
    {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10}, {"noviembre", 11},
    {"diciembre", 12}, {"ene", 1}, {"abr", 4}, {"ago", 8}, {"dic", 12},
    /* it */
    {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6}, {"luglio", 7},
    {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12}, {"gen", 1}, {"mag", 5}, {"giu", 6}, {"lug", 7},
    {"set", 9}, {"ott", 10},
    /* pt */
    {"janeiro", 1}, {"fevereiro", 2}, {"março", 3}, {"marco", 3}, {"maio", 5}, {"junho", 6},
    {"julho", 7}, {"setembro", 9}, {"outubro", 10}, {"novembro", 11}, {"dezembro", 12}, {"fev", 2}, {"out", 10},
    /* nl */
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5}, {"augustus", 8}, {"mrt", 3},
    /* pl (genitive, as written in dates, and nominative) */
    {"stycznia", 1}, {"lutego", 2}, {"marca", 3}, {"kwietnia", 4}, {"maja", 5}, {"czerwca", 6},
    {"lipca", 7}, {"sierpnia", 8}, {"września", 9}, {"października", 10}, {"listopada", 11},
    {"grudnia", 12}, {"styczeń", 1}, {"luty", 2}, {"marzec", 3}, {"kwiecień", 4}, {"maj", 5},
    {"czerwiec", 6}, {"lipiec", 7}, {"sierpień", 8}, {"wrzesień", 9}, {"październik", 10},
    {"listopad", 11}, {"grudzień", 12},
    /* sv, da, no */
    {"augusti", 8}, {"desember", 12}, {"maj", 5},
    /* fi */
    {"tammikuuta", 1}, {"helmikuuta", 2}, {"maaliskuuta", 3}, {"huhtikuuta", 4}, {"toukokuuta", 5},
    {"kesäkuuta", 6}, {"heinäkuuta", 7}, {"elokuuta", 8}, {"syyskuuta", 9}, {"lokakuuta", 10},
    {"marraskuuta", 11}, {"joulukuuta", 12},
    /* cs */
    {"ledna", 1}, {"února", 2}, {"března", 3}, {"dubna", 4}, {"května", 5}, {"června", 6},
    {"července", 7}, {"srpna", 8}, {"září", 9}, {"října", 10}, {"listopadu", 11}, {"prosince", 12},
    /* ru */
    {"января", 1}, {"февраля", 2}, {"марта", 3}, {"апреля", 4}, {"мая", 5}, {"июня", 6}, {"июля", 7},
    {"августа", 8}, {"сентября", 9}, {"октября", 10}, {"ноября", 11}, {"декабря", 12},
    /* uk */
    {"січня", 1}, {"лютого", 2}, {"березня", 3}, {"квітня", 4}, {"травня", 5}, {"червня", 6},
    {"липня", 7}, {"серпня", 8}, {"вересня", 9}, {"жовтня", 10}, {"листопада", 11}, {"грудня", 12},
    /* tr */
    {"ocak", 1}, {"şubat", 2}, {"mart", 3}, {"nisan", 4}, {"mayıs", 5}, {"haziran", 6}, {"temmuz", 7},
    {"ağustos", 8}, {"eylül", 9}, {"ekim", 10}, {"kasım", 11}, {"aralık", 12},
    /* hu */
    {"január", 1}, {"február", 2}, {"március", 3}, {"április", 4}, {"május", 5}, {"június", 6},
    {"július", 7}, {"augusztus", 8}, {"szeptember", 9}, {"október", 10},
    /* ro */
    {"ianuarie", 1}, {"februarie", 2}, {"martie", 3}, {"aprilie", 4}, {"iunie", 6}, {"iulie", 7},
    {"septembrie", 9}, {"octombrie", 10}, {"noiembrie", 11}, {"decembrie", 12},
    /* ca */
    {"gener", 1}, {"febrer", 2}, {"març", 3}, {"maig", 5}, {"juny", 6}, {"juliol", 7}, {"agost", 8},
    {"setembre", 9}, {"desembre", 12},
    /* id */
    {"maret", 3}, {"agustus", 8}, {"desember", 12},
};

enum { T_NUM, T_WORD, T_PUNCT };
typedef struct token {
    const char *s;
    unsigned short len;
    unsigned char type;
    char punct;
    signed char month; /* T_WORD: the month it names, 0 for none, -1 until month_of looked */
    int value;         /* T_NUM */
} token;

#define MAX_TOKENS 600

/* Lower-cases ASCII and the Latin-1, Latin Extended-A and Cyrillic
 * capitals that start month names ("Février", "Październik" need none,
 * "Июня" does). */
static size_t lower_word(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o + 2 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') {
            out[o++] = (char)(c + 32);
        } else if (c == 0xC3 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9E &&
                   (unsigned char)s[i + 1] != 0x97) {
            out[o++] = (char)c;
            out[o++] = (char)(s[++i] + 0x20);
        } else if (c == 0xD0 && i + 1 < n && (unsigned char)s[i + 1] >= 0x90 && (unsigned char)s[i + 1] <= 0x9F) {
            out[o++] = (char)c; /* А..П -> а..п */
            out[o++] = (char)(s[++i] + 0x20);
        } else if (c == 0xD0 && i + 1 < n && (unsigned char)s[i + 1] >= 0xA0 && (unsigned char)s[i + 1] <= 0xAF) {
            out[o++] = (char)0xD1; /* Р..Я -> р..я */
            out[o++] = (char)(s[++i] - 0x20);
        } else {
            out[o++] = (char)c;
        }
    }
    out[o] = 0;
    return o;
}

enum { MONTH_NAMES = sizeof months / sizeof *months };

/* The month names grouped by their first byte (a counting sort of the
 * table's indexes, built once): a word is compared only with the names
 * that start as it does, not with all of them. */
static unsigned short by_first[MONTH_NAMES];
static unsigned short first_start[257];
static pthread_once_t months_once = PTHREAD_ONCE_INIT;

static void index_months(void)
{
    unsigned short count[256] = {0};
    for (size_t i = 0; i < MONTH_NAMES; i++)
        count[(unsigned char)months[i].name[0]]++;
    for (size_t b = 0; b < 256; b++)
        first_start[b + 1] = (unsigned short)(first_start[b] + count[b]);
    unsigned short next[256];
    memcpy(next, first_start, sizeof next);
    for (size_t i = 0; i < MONTH_NAMES; i++)
        by_first[next[(unsigned char)months[i].name[0]]++] = (unsigned short)i;
}

/* The month a word names, looked up once per token. */
static int month_of(token *t)
{
    if (t->type != T_WORD || t->len > 40)
        return 0;
    if (t->month >= 0)
        return t->month;
    char w[96];
    lower_word(t->s, t->len, w, sizeof w);
    pthread_once(&months_once, index_months);
    t->month = 0;
    unsigned char b = (unsigned char)w[0];
    for (size_t k = first_start[b]; k < first_start[b + 1]; k++)
        if (strcmp(w, months[by_first[k]].name) == 0) {
            t->month = (signed char)months[by_first[k]].month;
            break;
        }
    return t->month;
}

/* UTF-8 punctuation that separates words: U+00A0..U+00BF (NBSP, «, », ·,
 * º), U+2000..U+206F (spaces, dashes, quotes, bullets), U+3000..U+303F
 * (CJK punctuation). Returns its byte length or 0. */
static size_t uni_punct(const unsigned char *s, size_t n)
{
    if (n >= 2 && s[0] == 0xC2 && s[1] >= 0xA0 && s[1] <= 0xBF)
        return 2;
    if (n >= 3 && s[0] == 0xE2 && (s[1] == 0x80 || s[1] == 0x81))
        return 3;
    if (n >= 3 && s[0] == 0xE3 && s[1] == 0x80)
        return 3;
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBC) /* fullwidth forms */
        return 3;
    return 0;
}

static size_t tokenize(const char *s, size_t n, token *tok, size_t max)
{
    size_t k = 0;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n && k < max;) {
        unsigned char c = u[i];
        size_t pl;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            i++;
        } else if (c >= '0' && c <= '9') {
            size_t j = i;
            int v = 0;
            while (j < n && u[j] >= '0' && u[j] <= '9') {
                if (j - i < 9)
                    v = v * 10 + (u[j] - '0');
                j++;
            }
            tok[k++] = (token){s + i, (unsigned short)(j - i > 60000 ? 60000 : j - i), T_NUM, 0, 0, j - i > 8 ? -1 : v};
            i = j;
        } else if ((pl = uni_punct(u + i, n - i)) != 0) {
            tok[k++] = (token){s + i, (unsigned short)pl, T_PUNCT, ' ', 0, 0};
            i += pl;
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) {
            size_t j = i;
            while (j < n && ((u[j] >= 'a' && u[j] <= 'z') || (u[j] >= 'A' && u[j] <= 'Z') ||
                             (u[j] >= 0x80 && !uni_punct(u + j, n - j))))
                j++;
            tok[k++] = (token){s + i, (unsigned short)(j - i > 60000 ? 60000 : j - i), T_WORD, 0, -1, 0};
            i = j;
        } else {
            tok[k++] = (token){s + i, 1, T_PUNCT, (char)c, 0, 0};
            i++;
        }
    }
    return k;
}

static int is_year(const token *t) { return t->type == T_NUM && t->len == 4 && t->value >= 1900 && t->value <= 2100; }
static int is_day(const token *t) { return t->type == T_NUM && t->len <= 2 && t->value >= 1 && t->value <= 31; }
static int is_p(const token *t, char c) { return t->type == T_PUNCT && t->punct == c; }

/* Ordinal suffixes and particles between day, month and year:
 * "13th", "1er", "1º", "13 de febrero de 2025". */
static int is_filler(const token *t)
{
    static const char *const fill[] = {"st", "nd", "rd", "th", "er", "e", "de", "del", "di", "of", "den", "der", "le", NULL};
    if (t->type == T_PUNCT)
        return t->punct == '.' || t->punct == ',' || t->punct == ' ';
    if (t->type != T_WORD)
        return 0;
    for (size_t i = 0; fill[i]; i++)
        if (t->len == strlen(fill[i]) && strncasecmp(t->s, fill[i], t->len) == 0)
            return 1;
    return 0;
}

static int starts_with(const token *t, const char *a, const char *b)
{
    return t->type == T_WORD && (strncmp(t->s, a, strlen(a)) == 0 || strncmp(t->s, b, strlen(b)) == 0);
}

/* A day as a date with no time. */
static int found(meta_date *out, int y, int m, int d)
{
    *out = (meta_date){y, m, d, -1, -1, -1, 0, 0, 0};
    return 0;
}

/* Numeric: Y-M-D, D.M.Y, M/D/Y (month_first: M/D/Y over D/M/Y when both
 * read as dates), also with bars as some magazine themes write them
 * ("26 | 01 | 2022"). 0 and *out on success. */
static int match_numeric(const token *t, size_t k, size_t i, int month_first, meta_date *out)
{
    if (!(i + 4 < k && t[i].type == T_NUM && t[i + 2].type == T_NUM && t[i + 4].type == T_NUM &&
          t[i + 1].type == T_PUNCT && t[i + 3].type == T_PUNCT && t[i + 1].punct == t[i + 3].punct &&
          (t[i + 1].punct == '-' || t[i + 1].punct == '.' || t[i + 1].punct == '/' || t[i + 1].punct == '|') &&
          t[i + 2].len <= 2))
        return -1;
    int a = t[i].value, b = t[i + 2].value, c = t[i + 4].value;
    if (is_year(&t[i]) && t[i + 4].len <= 2 && valid_day(a, b, c))
        return found(out, a, b, c);
    if (t[i].len <= 2 && is_year(&t[i + 4])) {
        int day = a, mon = b;
        if (a > 12 || (b <= 12 && !(month_first && t[i + 1].punct == '/')))
            day = a, mon = b;
        else
            day = b, mon = a;
        if (valid_day(c, mon, day)) {
            found(out, c, mon, day);
            out->either_order = a <= 12 && b <= 12 && a != b;
            return 0;
        }
    }
    return -1;
}

/* DD.MM.YY, the short German form ("28.01.22"): two digits each, and not
 * part of a longer dotted number such as a version. */
static int match_short_dotted(const token *t, size_t k, size_t i, meta_date *out)
{
    if (i + 4 < k && t[i].type == T_NUM && t[i].len == 2 && t[i + 2].type == T_NUM && t[i + 2].len == 2 &&
        t[i + 4].type == T_NUM && t[i + 4].len == 2 && is_p(&t[i + 1], '.') && is_p(&t[i + 3], '.') &&
        !(i + 6 < k && is_p(&t[i + 5], '.') && t[i + 6].type == T_NUM && t[i + 5].s + 1 == t[i + 6].s) &&
        valid_day(2000 + t[i + 4].value, t[i + 2].value, t[i].value))
        return found(out, 2000 + t[i + 4].value, t[i + 2].value, t[i].value);
    return -1;
}

/* D [.|th|de] Month [de|,] Y */
static int match_day_first(token *t, size_t k, size_t i, meta_date *out)
{
    if (!is_day(&t[i]))
        return -1;
    size_t j = i + 1;
    while (j < k && j < i + 3 && is_filler(&t[j]))
        j++;
    int mon = j < k ? month_of(&t[j]) : 0;
    if (!mon)
        return -1;
    j++;
    while (j < k && j < i + 7 && (is_filler(&t[j]) || t[j].type == T_PUNCT) && !is_year(&t[j]))
        j++;
    if (j < k && is_year(&t[j]) && valid_day(t[j].value, mon, t[i].value))
        return found(out, t[j].value, mon, t[i].value);
    return -1;
}

/* Month D[th][,] Y, also with a time and zone between ("Jul 30 09:35:14
 * CEST 2019", Java's Date.toString). */
static int match_month_first(token *t, size_t k, size_t i, meta_date *out)
{
    int mon = month_of(&t[i]);
    if (!mon)
        return -1;
    size_t j = i + 1;
    if (j < k && is_p(&t[j], '.'))
        j++;
    if (!(j < k && is_day(&t[j])))
        return -1;
    int day = t[j].value;
    j++;
    while (j < k && j < i + 6 && is_filler(&t[j]))
        j++;
    if (j + 2 < k && t[j].type == T_NUM && t[j].len == 2 && is_p(&t[j + 1], ':') && t[j + 2].type == T_NUM) {
        j += 3;
        if (j + 1 < k && is_p(&t[j], ':') && t[j + 1].type == T_NUM)
            j += 2;
        if (j < k && t[j].type == T_WORD && t[j].len <= 5 && t[j].s[0] >= 'A' && t[j].s[0] <= 'Z')
            j++;
    }
    if (j < k && is_year(&t[j]) && valid_day(t[j].value, mon, day))
        return found(out, t[j].value, mon, day);
    return -1;
}

/* Y. Month D. (hu), Y年M月D日 (zh, ja), Y년 M월 D일 (ko) */
static int match_year_first(token *t, size_t k, size_t i, meta_date *out)
{
    if (!is_year(&t[i]))
        return -1;
    size_t j = i + 1;
    if (j < k && is_p(&t[j], '.'))
        j++;
    int mon = j < k ? month_of(&t[j]) : 0;
    if (mon && j + 1 < k && is_day(&t[j + 1]) && valid_day(t[i].value, mon, t[j + 1].value))
        return found(out, t[i].value, mon, t[j + 1].value);
    if (i + 4 < k && starts_with(&t[i + 1], "\xE5\xB9\xB4", "\xEB\x85\x84") && t[i + 2].type == T_NUM &&
        starts_with(&t[i + 3], "\xE6\x9C\x88", "\xEC\x9B\x94") && is_day(&t[i + 4]) &&
        valid_day(t[i].value, t[i + 2].value, t[i + 4].value))
        return found(out, t[i].value, t[i + 2].value, t[i + 4].value);
    return -1;
}

/* Tries the patterns at token i in turn; 0 and *out on success. */
static int match_at(token *t, size_t k, size_t i, int month_first, meta_date *out)
{
    clear(out);
    if (match_numeric(t, k, i, month_first, out) == 0 || match_short_dotted(t, k, i, out) == 0 ||
        match_day_first(t, k, i, out) == 0 || match_month_first(t, k, i, out) == 0 ||
        match_year_first(t, k, i, out) == 0)
        return 0;
    return -1;
}

int meta_date_parse_text(const char *s, size_t n, const char *lang, meta_date *out)
{
    return meta_date_find_in_text(s, n, lang, out, NULL);
}

int meta_date_find_in_text(const char *s, size_t n, const char *lang, meta_date *out, size_t *at)
{
    clear(out);
    if (!s)
        return -1;
    token tok[MAX_TOKENS];
    size_t k = tokenize(s, n, tok, MAX_TOKENS);
    int month_first = lang && strncmp(lang, "en", 2) == 0;
    for (size_t i = 0; i < k; i++) {
        if (tok[i].type == T_PUNCT)
            continue;
        /* a number glued to a longer one ("12345.06.2020") is an id */
        if (i > 0 && tok[i].type == T_NUM && tok[i - 1].type == T_PUNCT && (tok[i - 1].punct == '.' || tok[i - 1].punct == '/') &&
            i > 1 && tok[i - 2].type == T_NUM)
            continue;
        if (match_at(tok, k, i, month_first, out) == 0) {
            /* a time right after: "13.02.2025, 09:15" or "... at 9:15" is
             * not needed for the day; the day is what we return. */
            if (at)
                *at = (size_t)(tok[i].s - s);
            return 0;
        }
    }
    clear(out);
    return -1;
}

int meta_date_parse_any(const char *s, const char *lang, meta_date *out)
{
    if (!s)
        return -1;
    if (meta_date_parse_iso(s, out) == 0)
        return 0;
    size_t n = strlen(s);
    return meta_date_parse_text(s, n > 400 ? 400 : n, lang, out);
}

const char *meta_date_format_day(arena *mem, const meta_date *d)
{
    char b[16];
    snprintf(b, sizeof b, "%04d-%02d-%02d", d->y, d->m, d->d);
    return arena_strndup(mem, b, strlen(b));
}

const char *meta_date_format_full(arena *mem, const meta_date *d)
{
    char b[48];
    if (d->hh < 0)
        return meta_date_format_day(mem, d);
    int n = snprintf(b, sizeof b, "%04d-%02d-%02dT%02d:%02d:%02d", d->y, d->m, d->d, d->hh, d->mi, d->ss < 0 ? 0 : d->ss);
    if (d->tz_known) {
        int off = d->tz_minutes < 0 ? -d->tz_minutes : d->tz_minutes;
        snprintf(b + n, sizeof b - (size_t)n, "%c%02d:%02d", d->tz_minutes < 0 ? '-' : '+', off / 60, off % 60);
    }
    return arena_strndup(mem, b, strlen(b));
}

int meta_date_from_url(const char *url, meta_date *out)
{
    clear(out);
    if (!url)
        return -1;
    const char *p = strstr(url, "://");
    p = p ? strchr(p + 3, '/') : url;
    if (!p)
        return -1;
    size_t n = strcspn(p, "#");
    for (size_t i = 0; i + 8 <= n; i++) {
        if (i > 0 && p[i - 1] >= '0' && p[i - 1] <= '9')
            continue;
        int y, m, d, l;
        if (!digits(p + i, 4, &y) || y < 1995 || y > 2100)
            continue;
        const char *q = p + i + 4;
        char sep = *q;
        if (sep == '/' || sep == '-' || sep == '_' || sep == '.') {
            q++;
            if (!(l = small_num(q, &m)))
                continue;
            q += l;
            if (*q != sep)
                continue;
            q++;
            if (!(l = small_num(q, &d)))
                continue;
            q += l;
            /* "/2023/10/3-questions" is a year and month, then a slug */
            if (sep == '/' && *q && !strchr("/?#._", *q))
                continue;
        } else if (digits(q, 2, &m) && digits(q + 2, 2, &d)) {
            q += 4;
        } else {
            continue;
        }
        if (*q >= '0' && *q <= '9')
            continue;
        if (valid_day(y, m, d)) {
            out->y = y;
            out->m = m;
            out->d = d;
            return 0;
        }
    }
    return -1;
}
