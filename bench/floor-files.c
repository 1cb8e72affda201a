/* The floor for LegCare's plain-file outputs: write the same bytes as plain files and
 * nothing else. Usage: floor-files SRC_RUN_FOLDER DST_FOLDER
 * Loads every file under SRC (but summary.xlsx) into memory untimed, then times creating
 * the same tree under DST (folders 0700, files 0600) and writing each file whole.
 * Prints: files bytes seconds */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct { char *rel; char *data; size_t size; int is_dir; } item;
static item *items; static size_t count, cap;

static void add(const char *rel, char *data, size_t size, int is_dir) {
    if (count == cap) { cap = cap ? cap * 2 : 1024; items = realloc(items, cap * sizeof(item)); }
    items[count++] = (item){strdup(rel), data, size, is_dir};
}

static void load(const char *root, const char *rel) {
    char path[8192]; snprintf(path, sizeof path, "%s/%s", root, rel);
    DIR *d = opendir(path); if (!d) return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' || !strcmp(e->d_name, "summary.xlsx")) continue;
        char r[8192]; snprintf(r, sizeof r, "%s%s%s", rel, *rel ? "/" : "", e->d_name);
        char p[8192]; snprintf(p, sizeof p, "%s/%s", root, r);
        struct stat st; if (stat(p, &st)) continue;
        if (S_ISDIR(st.st_mode)) { add(r, NULL, 0, 1); load(root, r); continue; }
        char *buf = malloc(st.st_size ? st.st_size : 1);
        int fd = open(p, O_RDONLY); size_t got = 0;
        while (got < (size_t)st.st_size) { ssize_t n = read(fd, buf + got, st.st_size - got); if (n <= 0) break; got += n; }
        close(fd); add(r, buf, got, 0);
    }
    closedir(d);
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: floor-files SRC DST\n"); return 2; }
    load(argv[1], "");
    struct timespec a, b; clock_gettime(CLOCK_MONOTONIC, &a);
    mkdir(argv[2], 0700);
    size_t bytes = 0, files = 0;
    for (size_t i = 0; i < count; i++) {
        char p[8192]; snprintf(p, sizeof p, "%s/%s", argv[2], items[i].rel);
        if (items[i].is_dir) { mkdir(p, 0700); continue; }
        int fd = open(p, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0) { perror(p); return 1; }
        size_t done = 0;
        while (done < items[i].size) { ssize_t n = write(fd, items[i].data + done, items[i].size - done); if (n <= 0) return 1; done += n; }
        close(fd); bytes += items[i].size; files++;
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("%zu %zu %.3f\n", files, bytes, (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9);
    return 0;
}
