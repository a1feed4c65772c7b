/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application: owns the content library and the windows, installs app actions. */
#pragma once

#include <adwaita.h>

#include "dorsum-diagram.h"
#include "dorsum-library.h"
#include "dorsum-search.h"

G_BEGIN_DECLS

#define DORSUM_TYPE_APPLICATION (dorsum_application_get_type())

G_DECLARE_FINAL_TYPE (DorsumApplication, dorsum_application, DORSUM, APPLICATION, AdwApplication)

DorsumApplication *dorsum_application_new         (void);
DorsumLibrary     *dorsum_application_get_library (DorsumApplication *self);
DorsumSearchIndex *dorsum_application_get_search_index (DorsumApplication *self);
gboolean           dorsum_application_add_pack    (DorsumApplication *self,
                                                   GFile             *pack,
                                                   DorsumLibrary     *read,
                                                   GError           **error);
gboolean           dorsum_application_remove_pack (DorsumApplication *self,
                                                   GFile             *pack,
                                                   GError           **error);
GdkTexture        *dorsum_application_take_first_diagram (DorsumApplication *self,
                                                          DorsumLayer       *layer);

G_END_DECLS
