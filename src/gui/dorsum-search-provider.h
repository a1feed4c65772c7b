/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GNOME Shell's search in the Activities overview, answered from the library. */
#pragma once

#include <gio/gio.h>

#include "dorsum-application.h"

G_BEGIN_DECLS

guint dorsum_search_provider_register (DorsumApplication *application,
                                       GDBusConnection   *connection,
                                       const char        *object_path,
                                       GError           **error);

G_END_DECLS
