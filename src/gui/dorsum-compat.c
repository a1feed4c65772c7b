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
