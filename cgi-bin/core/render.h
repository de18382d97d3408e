#ifndef KEHU_RENDER_H
#define KEHU_RENDER_H
/* Templates are parsed once per process and rendered many times: parsing
 * is the larger part of ClearSilver's cost (see ../shared/stack-notes.md).
 * `include` is resolved at parse time, so layout pieces are frozen into
 * each page's tree. KEHU_TEMPLATE_RELOAD=1 re-parses on every render for
 * template development. */
#include <ClearSilver.h>

NEOERR *render_init(const char *template_dir);
/* Render `name` (relative to the template dir) with `data`; names missing
 * there are looked up in `global` (the language strings). Appends to out. */
NEOERR *render(const char *name, HDF *data, HDF *global, STRING *out);
/* The same into a new string (*out, the caller frees it), for a part of a
 * page a worker holds between requests. */
NEOERR *render_dup(const char *name, HDF *data, HDF *global, char **out);
void render_destroy(void);
#endif
