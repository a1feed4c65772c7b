/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Startup measurement: with DORSUM_FIRST_FRAME set, report the first painted frame and quit. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void dorsum_first_frame_watch (GtkWidget *window);

G_END_DECLS
