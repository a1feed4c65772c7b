/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "dorsum-browse.h"
#include "dorsum-library.h"

G_BEGIN_DECLS

#define DORSUM_TYPE_SIDEBAR (dorsum_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (DorsumSidebar, dorsum_sidebar, DORSUM, SIDEBAR, GtkWidget)

void          dorsum_sidebar_set_library      (DorsumSidebar      *self,
                                               DorsumLibrary      *library);
void          dorsum_sidebar_set_lists        (DorsumSidebar      *self,
                                               const char * const *bookmarks,
                                               const char * const *recent);
void          dorsum_sidebar_set_shown        (DorsumSidebar      *self,
                                               const char         *id);
void          dorsum_sidebar_search           (DorsumSidebar      *self,
                                               const char         *text);
void          dorsum_sidebar_refresh          (DorsumSidebar      *self);
void          dorsum_sidebar_focus_search     (DorsumSidebar      *self);
GtkWidget    *dorsum_sidebar_get_search_entry (DorsumSidebar      *self);
DorsumBrowse  dorsum_sidebar_get_browse       (DorsumSidebar      *self);
GListModel   *dorsum_sidebar_get_model        (DorsumSidebar      *self);

G_END_DECLS
