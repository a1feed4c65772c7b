/* SPDX-License-Identifier: GPL-3.0-or-later */
/* As-you-type search over names, Latin names and aliases of every library entry,
 * insensitive to case and accents, ranked so that a prefix beats a substring. */
#pragma once

#include "dorsum-library.h"

G_BEGIN_DECLS

typedef struct
{
  DorsumEntry *entry;     /* (transfer none) */
  guint        score;
  const char  *matched;   /* the name or alias that matched, original spelling */
} DorsumSearchResult;

#define DORSUM_TYPE_SEARCH_INDEX (dorsum_search_index_get_type())

G_DECLARE_FINAL_TYPE (DorsumSearchIndex, dorsum_search_index, DORSUM, SEARCH_INDEX, GObject)

DorsumSearchIndex *dorsum_search_index_new       (DorsumLibrary     *library);
GArray            *dorsum_search_index_query     (DorsumSearchIndex *self,
                                                  const char        *text,
                                                  guint              max_results);
char              *dorsum_search_normalize       (const char        *text);

G_END_DECLS
