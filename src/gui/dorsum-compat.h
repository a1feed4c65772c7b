/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The differences between GTK 4.8 / libadwaita 1.2 (the minimum, Debian 12) and the newer
 * versions the Flatpak runs on, in one place (GTK_CHECK_VERSION / ADW_CHECK_VERSION). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean dorsum_compat_name_from_content (void);
void     dorsum_compat_list_tab_leaves   (GtkListView *list_view);

G_END_DECLS
