/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Preferences' Content page: the content packs the user has added, adding one from a
 * folder or a file (through the file chooser portal inside Flatpak) and removing one. */
#pragma once

#include <adwaita.h>

#include "dorsum-application.h"

G_BEGIN_DECLS

#define DORSUM_TYPE_PACKS_PAGE (dorsum_packs_page_get_type())

G_DECLARE_FINAL_TYPE (DorsumPacksPage, dorsum_packs_page, DORSUM, PACKS_PAGE, AdwPreferencesPage)

void        dorsum_packs_page_set_application   (DorsumPacksPage   *self,
                                                 DorsumApplication *application);
void        dorsum_packs_page_set_chooser_answer (DorsumPacksPage  *self,
                                                 GFile             *file);
const char *dorsum_packs_page_get_problem       (DorsumPacksPage   *self);
gboolean    dorsum_packs_page_get_busy          (DorsumPacksPage   *self);

G_END_DECLS
