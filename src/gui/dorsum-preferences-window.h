/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DORSUM_TYPE_PREFERENCES_WINDOW (dorsum_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (DorsumPreferencesWindow, dorsum_preferences_window, DORSUM, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *dorsum_preferences_window_new        (GtkWindow               *parent);
void       dorsum_preferences_window_show_packs (DorsumPreferencesWindow *self);

G_END_DECLS
