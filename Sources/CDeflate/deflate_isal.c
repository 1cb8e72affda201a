// Raw deflate streams on Intel's ISA-L instead of zlib, for libxlsxwriter's workbook.
//
// Why this exists (decision 0006): libxlsxwriter deflates every part of summary.xlsx
// through minizip and zlib, on one core after the last client: the run's largest serial
// step. ISA-L's level 2 compresses the same XML about ten times faster, a little larger.
// libxlsxwriter has no option for the compressor or its level, so this file defines
// zlib's deflate entry points in the executable: the dynamic linker then binds
// minizip's calls to them (an executable's symbols come first). The linker exports them
// from the executable because libz, on the link line, defines the same names; the test
// "libxlsxwriter's parts are deflated by ISA-L" fails if a build ever stops doing so.
//
// Only raw streams (negative windowBits, as minizip and ZIP writers open them) at a
// level above 0 with the default strategy are taken; every other stream, and every call
// on one, goes on to zlib unchanged. A stream taken here supports what minizip uses:
// deflateInit2_, deflate (Z_NO_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH), deflateEnd,
// deflateReset and deflateBound. The output is a valid raw deflate stream, the same bytes
// for the same input.
//
// zlib's CRC-32 (crc32, crc32_z) is defined here too, on ISA-L's crc32_gzip_refl: minizip
// computes every part's CRC-32 with it on the same closing thread, several times faster
// on ISA-L, with the same value. Both compute the reflected CRC-32 of gzip and zip (polynomial 0xEDB88320, inverted
// before and after), so a running value can be carried from either to the other.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <isa-l/crc.h>
#include <isa-l/igzip_lib.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "CDeflate.h"

// Marks a stream's state as ours. zlib's own state starts with a pointer back to its
// stream, which can never equal this (it is not a user-space address).
#define LEGCARE_MAGIC 0xD5A7C0DEF1A7E000ull

struct legcare_deflate {
    uint64_t magic;
    int finished;
    struct isal_zstream stream;
    uint8_t *level_buf;
};

typedef int (*init2_fn)(z_streamp, int, int, int, int, int, const char *, int);
typedef int (*deflate_fn)(z_streamp, int);
typedef int (*end_fn)(z_streamp);
typedef int (*reset_fn)(z_streamp);
typedef uLong (*bound_fn)(z_streamp, uLong);

static init2_fn zlib_init2;
static deflate_fn zlib_deflate;
static end_fn zlib_end;
static reset_fn zlib_reset;
static bound_fn zlib_bound;
static pthread_once_t zlib_once = PTHREAD_ONCE_INIT;
// Per thread, so a test can count its own streams while others run beside it.
static _Thread_local unsigned long streams_taken;

static void find_zlib(void) {
    zlib_init2 = (init2_fn)dlsym(RTLD_NEXT, "deflateInit2_");
    zlib_deflate = (deflate_fn)dlsym(RTLD_NEXT, "deflate");
    zlib_end = (end_fn)dlsym(RTLD_NEXT, "deflateEnd");
    zlib_reset = (reset_fn)dlsym(RTLD_NEXT, "deflateReset");
    zlib_bound = (bound_fn)dlsym(RTLD_NEXT, "deflateBound");
}

static struct legcare_deflate *ours(z_streamp strm) {
    if (strm == NULL || strm->state == NULL) return NULL;
    struct legcare_deflate *d = (struct legcare_deflate *)strm->state;
    return d->magic == LEGCARE_MAGIC ? d : NULL;
}

unsigned long legcare_isal_deflate_streams(void) { return streams_taken; }

// Bytes whose CRC-32 this thread computed here (the tests check minizip's calls come here).
static _Thread_local unsigned long long crc_bytes;

unsigned long long legcare_isal_crc32_bytes(void) { return crc_bytes; }

uLong crc32_z(uLong crc, const Bytef *buf, z_size_t len) {
    if (buf == NULL) return 0;  // zlib's way of asking for the starting value
    crc_bytes += len;
    return crc32_gzip_refl((uint32_t)crc, buf, (uint64_t)len);
}

uLong crc32(uLong crc, const Bytef *buf, uInt len) { return crc32_z(crc, buf, len); }

// Every zlib level above 0 gets ISA-L's level 2: as fast as its level 1 on the
// workbook's XML, and a little smaller (decision 0006).
#define LEGCARE_ISAL_LEVEL 2
#define LEGCARE_LEVEL_BUF ISAL_DEF_LVL2_DEFAULT

static void start(struct legcare_deflate *d) {
    isal_deflate_init(&d->stream);
    d->stream.level = LEGCARE_ISAL_LEVEL;
    d->stream.level_buf = d->level_buf;
    d->stream.level_buf_size = LEGCARE_LEVEL_BUF;
    d->finished = 0;
}

int deflateInit2_(z_streamp strm, int level, int method, int windowBits, int memLevel, int strategy,
                  const char *version, int stream_size) {
    pthread_once(&zlib_once, find_zlib);
    int raw = windowBits <= -9 && windowBits >= -15;
    if (!raw || level == 0 || method != Z_DEFLATED || strategy != Z_DEFAULT_STRATEGY || strm == NULL ||
        stream_size != (int)sizeof(z_stream)) {
        if (zlib_init2 == NULL) return Z_VERSION_ERROR;
        return zlib_init2(strm, level, method, windowBits, memLevel, strategy, version, stream_size);
    }
    struct legcare_deflate *d = calloc(1, sizeof *d);
    if (d == NULL) return Z_MEM_ERROR;
    d->level_buf = malloc(LEGCARE_LEVEL_BUF);
    if (d->level_buf == NULL) {
        free(d);
        return Z_MEM_ERROR;
    }
    d->magic = LEGCARE_MAGIC;
    start(d);
    strm->state = (struct internal_state *)d;
    strm->total_in = strm->total_out = 0;
    strm->msg = NULL;
    strm->data_type = Z_UNKNOWN;
    strm->adler = 0;
    streams_taken += 1;
    return Z_OK;
}

int deflate(z_streamp strm, int flush) {
    struct legcare_deflate *d = ours(strm);
    if (d == NULL) {
        pthread_once(&zlib_once, find_zlib);
        return zlib_deflate ? zlib_deflate(strm, flush) : Z_STREAM_ERROR;
    }
    if (flush == Z_FINISH && d->finished) return strm->avail_in == 0 ? Z_STREAM_END : Z_BUF_ERROR;
    if (d->finished) return Z_STREAM_ERROR;
    if (strm->next_out == NULL || (strm->next_in == NULL && strm->avail_in != 0)) return Z_STREAM_ERROR;

    struct isal_zstream *s = &d->stream;
    uInt in_before = strm->avail_in, out_before = strm->avail_out;
    s->next_in = strm->next_in;
    s->avail_in = strm->avail_in;
    s->next_out = strm->next_out;
    s->avail_out = strm->avail_out;
    s->end_of_stream = flush == Z_FINISH;
    s->flush = flush == Z_NO_FLUSH || flush == Z_FINISH ? NO_FLUSH : flush == Z_FULL_FLUSH ? FULL_FLUSH : SYNC_FLUSH;
    int rc = isal_deflate(s);
    uInt used_in = in_before - s->avail_in, used_out = out_before - s->avail_out;
    strm->next_in = s->next_in;
    strm->avail_in = s->avail_in;
    strm->next_out = s->next_out;
    strm->avail_out = s->avail_out;
    strm->total_in += used_in;
    strm->total_out += used_out;
    if (rc != COMP_OK) return Z_STREAM_ERROR;
    if (flush == Z_FINISH && s->internal_state.state == ZSTATE_END) {
        d->finished = 1;
        return Z_STREAM_END;
    }
    return used_in == 0 && used_out == 0 && flush != Z_FINISH ? Z_BUF_ERROR : Z_OK;
}

int deflateEnd(z_streamp strm) {
    struct legcare_deflate *d = ours(strm);
    if (d == NULL) {
        pthread_once(&zlib_once, find_zlib);
        return zlib_end ? zlib_end(strm) : Z_STREAM_ERROR;
    }
    d->magic = 0;
    free(d->level_buf);
    free(d);
    strm->state = NULL;
    return Z_OK;
}

int deflateReset(z_streamp strm) {
    struct legcare_deflate *d = ours(strm);
    if (d == NULL) {
        pthread_once(&zlib_once, find_zlib);
        return zlib_reset ? zlib_reset(strm) : Z_STREAM_ERROR;
    }
    start(d);
    strm->total_in = strm->total_out = 0;
    return Z_OK;
}

uLong deflateBound(z_streamp strm, uLong sourceLen) {
    if (ours(strm) == NULL) {
        pthread_once(&zlib_once, find_zlib);
        if (zlib_bound) return zlib_bound(strm, sourceLen);
    }
    // Stored blocks at worst: 5 bytes a 64 KB block, and room for a header and a flush.
    return sourceLen + (sourceLen >> 13) * 5 + 5 + ISAL_DEF_MAX_HDR_SIZE + 64;
}
