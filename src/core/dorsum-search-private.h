/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Internals of the search: the lay-anatomy vocabulary it expands queries with. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *typed;      /* phrases a reader may type, separated by "|" */
  const char *written;    /* what the library writes for them, separated by "|" */
  gboolean    two_way;    /* the written words also find the typed ones */
  gboolean    body_area;  /* a place that can hurt: rank where trigger points refer pain first */
} DorsumVocabularyLine;

const DorsumVocabularyLine *_dorsum_vocabulary_get_lines (guint *n_lines);

G_END_DECLS
