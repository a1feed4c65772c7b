/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The detail page of one library entry: its facts in reading order, its cautions up front,
 * and its links as rows that open the linked entry. */
#pragma once

#include <adwaita.h>

#include "dorsum-library.h"

G_BEGIN_DECLS

#define DORSUM_TYPE_ENTRY_PAGE (dorsum_entry_page_get_type())

G_DECLARE_FINAL_TYPE (DorsumEntryPage, dorsum_entry_page, DORSUM, ENTRY_PAGE, GtkWidget)

GtkWidget   *dorsum_entry_page_new        (void);
void         dorsum_entry_page_set_entry  (DorsumEntryPage *self,
                                           DorsumLibrary   *library,
                                           DorsumEntry     *entry);
DorsumEntry *dorsum_entry_page_get_entry  (DorsumEntryPage *self);

void         dorsum_entry_page_set_study_progress (DorsumEntryPage *self,
                                                   const char      *text);

G_END_DECLS
