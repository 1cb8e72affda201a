#ifndef LEGCARE_CXLSXWRITER_SHIM_H
#define LEGCARE_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
