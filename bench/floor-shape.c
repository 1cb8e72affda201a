/* The file system's own growth with the list, for the crowded shape, whose million-client
 * run folder is too large to copy in memory the way floor-files does. Usage:
 * floor-shape DIR CLIENTS
 * Times creating CLIENTS files of 3,200 bytes (a handout) in DIR/handouts, then four files
 * of CLIENTS x 3,200 bytes in 256 KiB writes (the print file, the bundles, their scratch
 * copy, plans.jsonl and the workbook's parts), all 0600. Prints: clients seconds */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char block[262144];

static void put(const char *path, long bytes) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) { perror(path); exit(1); }
    while (bytes > 0) {
        long n = bytes < (long)sizeof block ? bytes : (long)sizeof block;
        if (write(fd, block, n) != n) { perror(path); exit(1); }
        bytes -= n;
    }
    close(fd);
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: floor-shape DIR CLIENTS\n"); return 2; }
    long clients = atol(argv[2]);
    char path[4096];
    memset(block, 'x', sizeof block);
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    snprintf(path, sizeof path, "%s/handouts", argv[1]);
    if (mkdir(path, 0700)) { perror(path); return 1; }
    for (long i = 0; i < clients; i++) {
        snprintf(path, sizeof path, "%s/handouts/C%07ld-first-last.txt", argv[1], i);
        put(path, 3200);
    }
    for (int k = 0; k < 4; k++) {
        snprintf(path, sizeof path, "%s/whole-%d", argv[1], k);
        put(path, clients * 3200);
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("%ld %.2f\n", clients, (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9);
    return 0;
}
