#ifndef LEGCARE_CMALLOC_SHIM_H
#define LEGCARE_CMALLOC_SHIM_H
// glibc's malloc_trim, which Swift's Glibc module does not bring in.
#include <malloc.h>
#endif
