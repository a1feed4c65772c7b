/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The differences between GTK 4.8 / libadwaita 1.2 and newer versions, in one place. The
 * checks are made at run time too: the Flatpak's runtime can be newer than its build. */

#define G_LOG_DOMAIN "dorsum-compat"

#include "config.h"

#include "dorsum-compat.h"

/* Whether GTK gives a control with no label property the name of its content, as ARIA does
 * (a button is called what its label says). GTK 4.14 computes names so; 4.8 sets the label
 * property of a button with text instead, and leaves other controls unnamed. */
gboolean
dorsum_compat_name_from_content (void)
{
#if GTK_CHECK_VERSION (4, 14, 0)
  return TRUE;
#else
  return gtk_check_version (4, 14, 0) == NULL;
#endif
}

/* Tab leaves @list_view after its focused row, as on GTK 4.8, instead of walking every row
 * (GTK 4.12's default): the arrow keys move between the rows, and with Tab the page after
 * the list is a key press away, not one per entry of the library. */
void
dorsum_compat_list_tab_leaves (GtkListView *list_view)
{
#if GTK_CHECK_VERSION (4, 12, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_list_view_set_tab_behavior (list_view, GTK_LIST_TAB_ITEM);
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  (void)list_view;
#endif
}
