/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Content packs as the user manages them: one pack the library tried to load (where it
 * lives, how many entries it brought, why it failed), and installing and removing the
 * packs in the user's data directory. No GTK. */
#pragma once

#include <gio/gio.h>

#include "dorsum-library.h"

G_BEGIN_DECLS

#define DORSUM_TYPE_PACK (dorsum_pack_get_type())

G_DECLARE_FINAL_TYPE (DorsumPack, dorsum_pack, DORSUM, PACK, GObject)

const char *dorsum_pack_get_name            (DorsumPack           *self);
GFile      *dorsum_pack_get_file            (DorsumPack           *self);
guint       dorsum_pack_get_n_entries       (DorsumPack           *self);
const char *dorsum_pack_get_problem         (DorsumPack           *self);
gboolean    dorsum_pack_is_user_pack        (DorsumPack           *self);

GFile      *dorsum_pack_dup_user_dir        (void);
void        dorsum_pack_install_async       (GFile                *source,
                                             GPtrArray            *other_packs,
                                             gboolean              replace,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GFile      *dorsum_pack_install_finish      (GAsyncResult         *result,
                                             DorsumLibrary       **read,
                                             GError              **error);
gboolean    dorsum_pack_delete              (GFile                *pack,
                                             GError              **error);

G_END_DECLS
