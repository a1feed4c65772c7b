/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sidebar's lists as plain list models: entries grouped under section headings
 * (muscles by region or layer, safety by kind, search results by kind). No GTK. */
#pragma once

#include "dorsum-library.h"
#include "dorsum-search.h"

G_BEGIN_DECLS

typedef enum {
  DORSUM_BROWSE_MUSCLES_BY_REGION,
  DORSUM_BROWSE_MUSCLES_BY_LAYER,
  DORSUM_BROWSE_TECHNIQUES,
  DORSUM_BROWSE_STRETCHES,
  DORSUM_BROWSE_SELFCARE,
  DORSUM_BROWSE_CONDITIONS,
  DORSUM_BROWSE_SAFETY,
  DORSUM_BROWSE_BOOKMARKS,
  DORSUM_BROWSE_RECENT,
  DORSUM_N_BROWSE
} DorsumBrowse;

#define DORSUM_TYPE_SECTION (dorsum_section_get_type())

G_DECLARE_FINAL_TYPE (DorsumSection, dorsum_section, DORSUM, SECTION, GObject)

const char *dorsum_section_get_title       (DorsumSection      *self);

const char *dorsum_browse_get_title        (DorsumBrowse        browse);
GListModel *dorsum_browse_build            (DorsumLibrary      *library,
                                            DorsumBrowse        browse,
                                            const char * const *ids);
GListModel *dorsum_browse_build_results    (GArray             *results);
char       *dorsum_browse_get_reason       (GListModel         *model,
                                            DorsumEntry        *entry);

G_END_DECLS
