/* SPDX-License-Identifier: GPL-3.0-or-later */
/* As-you-type search over every library entry: names, Latin names and aliases first, then
 * where trigger points refer pain, then the body text; insensitive to case and accents,
 * forgiving of typos, and expanded with a small lay-anatomy vocabulary. An index keeps
 * scratch space for its queries: use it from one thread at a time. */
#pragma once

#include "dorsum-library.h"

G_BEGIN_DECLS

typedef struct
{
  DorsumEntry *entry;     /* (transfer none) */
  guint        score;
  const char  *matched;   /* the text that matched, original spelling: a name, an alias, a
                           * referral, a step … (transfer none; owned by the entry) */
  const char  *field;     /* its key: "name", "alias", "latin", "referral", "summary", "steps" … */
  gboolean     fuzzy;     /* found only by a near spelling of a query word */
  /*< private >*/
  gpointer     query;
} DorsumSearchResult;

typedef enum {
  DORSUM_SEARCH_DEFAULT    = 0,
  /* Names, Latin names and aliases only, exact and prefix, as before version 1.1; for comparison. */
  DORSUM_SEARCH_NAMES_ONLY = 1 << 0,
} DorsumSearchFlags;

#define DORSUM_TYPE_SEARCH_INDEX (dorsum_search_index_get_type())

G_DECLARE_FINAL_TYPE (DorsumSearchIndex, dorsum_search_index, DORSUM, SEARCH_INDEX, GObject)

DorsumSearchIndex *dorsum_search_index_new          (DorsumLibrary            *library);
GArray            *dorsum_search_index_query        (DorsumSearchIndex        *self,
                                                     const char               *text,
                                                     guint                     max_results);
GArray            *dorsum_search_index_query_full   (DorsumSearchIndex        *self,
                                                     const char               *text,
                                                     guint                     max_results,
                                                     DorsumSearchFlags         flags);
char              *dorsum_search_results_get_suggestion (GArray               *results);
char              *dorsum_search_result_get_snippet (const DorsumSearchResult *result,
                                                     gboolean                  markup);
char              *dorsum_search_result_get_reason  (const DorsumSearchResult *result,
                                                     gboolean                  markup);
char              *dorsum_search_normalize          (const char               *text);

G_END_DECLS
