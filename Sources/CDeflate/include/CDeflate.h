#ifndef LEGCARE_CDEFLATE_H
#define LEGCARE_CDEFLATE_H

/// How many raw deflate streams this thread has opened on ISA-L instead of zlib (see
/// deflate_isal.c); the tests check that libxlsxwriter's parts go through it.
unsigned long legcare_isal_deflate_streams(void);

#endif
