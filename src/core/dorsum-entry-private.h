/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Construction of entries, for the library loader only. */
#pragma once

#include "dorsum-entry.h"

G_BEGIN_DECLS

DorsumEntry *_dorsum_entry_new              (DorsumKind          kind,
                                             const char         *id,
                                             const char         *file,
                                             guint               line);
void         _dorsum_entry_set_attribute    (DorsumEntry        *self,
                                             const char         *name,
                                             const char         *value);
void         _dorsum_entry_add_value        (DorsumEntry        *self,
                                             const char         *key,
                                             const char         *value);
void         _dorsum_entry_take_value       (DorsumEntry        *self,
                                             const char         *key,
                                             char               *value);
void         _dorsum_entry_add_link         (DorsumEntry        *self,
                                             DorsumKind          kind,
                                             const char         *id,
                                             guint               line);
void         _dorsum_entries_link_back      (GPtrArray          *entries,
                                             GHashTable         *by_id);
void         _dorsum_entry_drop_backlinks   (DorsumEntry        *self,
                                             GHashTable         *ids);
void         _dorsum_entry_add_trigger_point (DorsumEntry       *self,
                                             DorsumTriggerPoint *tp);
void         _dorsum_trigger_point_free     (DorsumTriggerPoint *tp);
void         _dorsum_zone_free              (DorsumZone         *zone);
void         _dorsum_entry_seal             (DorsumEntry        *self);
const char  *_dorsum_entry_get_sort_key     (DorsumEntry        *self);

G_END_DECLS
