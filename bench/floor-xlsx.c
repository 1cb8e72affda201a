/* The floor for LegCare's workbook: write the same cells straight through libxlsxwriter
 * and nothing else. Usage: floor-xlsx CELLS.tsv OUT.xlsx
 * CELLS.tsv (from bench/dump-cells.py) holds: sheet TAB row TAB col TAB type TAB value,
 * type n (number) or s (text), grouped by sheet in order. Loaded untimed; the write uses
 * constant-memory mode as LegCare does for large lists. Prints: cells seconds */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

typedef struct { char *sheet; unsigned row, col; char type; char *value; } cell;

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: floor-xlsx CELLS.tsv OUT.xlsx\n"); return 2; }
    FILE *f = fopen(argv[1], "r"); if (!f) { perror(argv[1]); return 2; }
    size_t cap = 1 << 20, n = 0; cell *cells = malloc(cap * sizeof(cell));
    char *line = NULL; size_t len = 0; ssize_t got;
    while ((got = getline(&line, &len, f)) > 0) {
        if (line[got - 1] == '\n') line[got - 1] = 0;
        char *parts[5]; char *s = line;
        for (int i = 0; i < 4; i++) { parts[i] = s; s = strchr(s, '\t'); if (!s) break; *s++ = 0; }
        parts[4] = s ? s : "";
        if (n == cap) { cap *= 2; cells = realloc(cells, cap * sizeof(cell)); }
        cells[n++] = (cell){strdup(parts[0]), atoi(parts[1]), atoi(parts[2]), parts[3][0], strdup(parts[4])};
    }
    fclose(f);
    struct timespec a, b; clock_gettime(CLOCK_MONOTONIC, &a);
    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
    lxw_workbook *wb = workbook_new_opt(argv[2], &options);
    lxw_worksheet *ws = NULL; const char *current = "";
    for (size_t i = 0; i < n; i++) {
        if (strcmp(cells[i].sheet, current)) { ws = workbook_add_worksheet(wb, cells[i].sheet); current = cells[i].sheet; }
        if (cells[i].type == 'n') worksheet_write_number(ws, cells[i].row, cells[i].col, atof(cells[i].value), NULL);
        else worksheet_write_string(ws, cells[i].row, cells[i].col, cells[i].value, NULL);
    }
    if (workbook_close(wb) != LXW_NO_ERROR) return 1;
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("%zu %.3f\n", n, (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9);
    return 0;
}
