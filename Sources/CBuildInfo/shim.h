#ifndef LEGCARE_CBUILDINFO_SHIM_H
#define LEGCARE_CBUILDINFO_SHIM_H
// The commit a clone was built from: `make build` writes it to
// .build/build-info/legcare_commit.h and adds that folder to the include path, since a
// Swift build setting cannot carry text. Without it (a plain `swift build`) it is empty.
#if __has_include("legcare_commit.h")
#include "legcare_commit.h"
#endif
#ifndef LEGCARE_COMMIT
#define LEGCARE_COMMIT ""
#endif
static inline const char *legcare_commit(void) { return LEGCARE_COMMIT; }
#endif
