#ifndef LEGCARE_CDEFLATE_H
#define LEGCARE_CDEFLATE_H

/// How many raw deflate streams this thread has opened on ISA-L instead of zlib (see
/// deflate_isal.c); the tests check that libxlsxwriter's parts go through it.
unsigned long legcare_isal_deflate_streams(void);

/// How many bytes this thread has had zlib's crc32 or crc32_z compute on ISA-L instead
/// (see deflate_isal.c); the tests check that minizip's CRC-32s go through it.
unsigned long long legcare_isal_crc32_bytes(void);

#endif
