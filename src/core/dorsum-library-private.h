/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Internal API of the library loader, for the tests and the fuzz targets. */
#pragma once

#include "dorsum-library.h"
#include "dorsum-pack.h"

G_BEGIN_DECLS

gboolean _dorsum_library_add_bytes (DorsumLibrary  *self,
                                    GBytes         *bytes,
                                    const char     *display_name,
                                    GError        **error);

DorsumPack *_dorsum_pack_new        (GFile          *file,
                                    guint           n_entries,
                                    const char     *problem);

G_END_DECLS
