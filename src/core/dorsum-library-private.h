/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Internal API of the library loader, for the tests and the fuzz targets, and its insides,
 * shared by dorsum-library.c and dorsum-library-packs.c. */
#pragma once

#include "dorsum-library.h"
#include "dorsum-pack.h"

G_BEGIN_DECLS

struct _DorsumLibrary
{
  GObject     parent_instance;

  GHashTable *by_id;                     /* id → DorsumEntry (owned) */
  GListStore *stores[DORSUM_N_KINDS];
  GPtrArray  *problems;                  /* GError*: packs that failed to load */
  GListStore *packs;                     /* DorsumPack: every pack tried, in load order */
};

gboolean    _dorsum_library_add_bytes (DorsumLibrary  *self,
                                       GBytes         *bytes,
                                       const char     *display_name,
                                       GError        **error);
void        _dorsum_library_changed   (DorsumLibrary  *self);
gboolean    _dorsum_library_is_in_pack (const char    *path,
                                       const char     *pack_path);
DorsumPack *_dorsum_pack_new          (GFile          *file,
                                       guint           n_entries,
                                       const char     *problem);

G_END_DECLS
