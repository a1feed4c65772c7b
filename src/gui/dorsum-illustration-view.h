/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shows the picture of a stretch or self-care routine, as wide as it is drawn or as the
 * column allows, always as tall as its proportions ask. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DORSUM_TYPE_ILLUSTRATION_VIEW (dorsum_illustration_view_get_type ())

G_DECLARE_FINAL_TYPE (DorsumIllustrationView, dorsum_illustration_view, DORSUM, ILLUSTRATION_VIEW, GtkWidget)

GtkWidget  *dorsum_illustration_view_new    (const char             *entry_id);
const char *dorsum_illustration_view_get_id (DorsumIllustrationView *self);

G_END_DECLS
