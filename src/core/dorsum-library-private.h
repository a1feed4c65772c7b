/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Internal API of the library loader, for the tests and the fuzz targets. */
#pragma once

#include "dorsum-library.h"

G_BEGIN_DECLS

gboolean _dorsum_library_add_bytes (DorsumLibrary  *self,
                                    GBytes         *bytes,
                                    const char     *display_name,
                                    GError        **error);

G_END_DECLS
