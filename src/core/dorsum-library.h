/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The content library: the built-in entries plus any packs, loaded safely from XML,
 * validated against the schema and cross-checked, exposed as GListModels. */
#pragma once

#include <gio/gio.h>

#include "dorsum-entry.h"

G_BEGIN_DECLS

#define DORSUM_LIBRARY_ERROR (dorsum_library_error_quark ())

typedef enum {
  DORSUM_LIBRARY_ERROR_IO,
  DORSUM_LIBRARY_ERROR_TOO_LARGE,
  DORSUM_LIBRARY_ERROR_NOT_XML,
  DORSUM_LIBRARY_ERROR_DOCTYPE,
  DORSUM_LIBRARY_ERROR_WRONG_ROOT,
  DORSUM_LIBRARY_ERROR_SCHEMA,
  DORSUM_LIBRARY_ERROR_DUPLICATE,
  DORSUM_LIBRARY_ERROR_DANGLING,
} DorsumLibraryError;

/* Larger files are refused before parsing, and packs whose files come to more. */
#define DORSUM_LIBRARY_MAX_FILE_SIZE (8 * 1024 * 1024)
#define DORSUM_LIBRARY_MAX_PACK_SIZE (16 * 1024 * 1024)
/* And packs of more tags in all ("<", about one an element): the shipped library has 7000. */
#define DORSUM_LIBRARY_MAX_PACK_TAGS 400000

#define DORSUM_TYPE_LIBRARY (dorsum_library_get_type())

G_DECLARE_FINAL_TYPE (DorsumLibrary, dorsum_library, DORSUM, LIBRARY, GObject)

GQuark         dorsum_library_error_quark       (void);
DorsumLibrary *dorsum_library_new               (void);
gboolean       dorsum_library_load_builtin      (DorsumLibrary  *self,
                                                 GError        **error);
gboolean       dorsum_library_add_pack          (DorsumLibrary  *self,
                                                 GFile          *file,
                                                 GError        **error);
gboolean       dorsum_library_add_files         (DorsumLibrary  *self,
                                                 GFile         **files,
                                                 guint           n_files,
                                                 gboolean        allow_builtin_copies,
                                                 GError        **error);
gboolean       dorsum_library_take_pack         (DorsumLibrary  *self,
                                                 DorsumLibrary  *scratch,
                                                 GFile          *pack,
                                                 GError        **error);
gboolean       dorsum_library_remove_pack       (DorsumLibrary  *self,
                                                 GFile          *file,
                                                 GError        **error);
void           dorsum_library_load_system_packs (DorsumLibrary  *self);
GListModel    *dorsum_library_get_packs         (DorsumLibrary  *self);
GPtrArray     *dorsum_library_get_problems      (DorsumLibrary  *self);
DorsumEntry   *dorsum_library_lookup            (DorsumLibrary  *self,
                                                 const char     *id);
GListModel    *dorsum_library_get_entries       (DorsumLibrary  *self,
                                                 DorsumKind      kind);
guint          dorsum_library_get_n_entries     (DorsumLibrary  *self);
GStrv          dorsum_library_expand_parts      (DorsumLibrary  *self,
                                                 const char     *id);
GPtrArray     *dorsum_library_get_linking_entries (DorsumLibrary *self,
                                                 const char     *id);
GPtrArray     *dorsum_library_get_related       (DorsumLibrary  *self,
                                                 DorsumEntry    *entry,
                                                 DorsumKind      kind);

G_END_DECLS
