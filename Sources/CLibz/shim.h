#ifndef LEGCARE_CLIBZ_SHIM_H
#define LEGCARE_CLIBZ_SHIM_H
#include <zlib.h>
#endif
