/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window: sidebar with search and lists, the diagram, the detail pane. */
#pragma once

#include <adwaita.h>

#include "dorsum-application.h"

G_BEGIN_DECLS

#define DORSUM_TYPE_WINDOW (dorsum_window_get_type())

G_DECLARE_FINAL_TYPE (DorsumWindow, dorsum_window, DORSUM, WINDOW, AdwApplicationWindow)

DorsumWindow *dorsum_window_new        (DorsumApplication *application);
gboolean      dorsum_window_show_entry (DorsumWindow      *self,
                                        const char        *id);
const char   *dorsum_window_get_shown_id (DorsumWindow    *self);
void          dorsum_window_search     (DorsumWindow      *self,
                                        const char        *text);

G_END_DECLS
