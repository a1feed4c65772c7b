/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pain chart's insides, shared by dorsum-chart.c (the model), dorsum-chart-read.c and
 * dorsum-chart-write.c. */
#pragma once

#include "dorsum-chart.h"

G_BEGIN_DECLS

#define CHART_NS "https://dorsum.github.io/ns/chart/1"
#define CHART_SCHEMA "/io/github/dorsum/Dorsum/dorsum-chart.rng"

typedef struct
{
  GArray *marks;      /* DorsumMark */
  char   *initials;
  char   *date;
  char   *notes;
  GStrv   plan;
} State;

struct _DorsumChart
{
  GObject    parent_instance;

  State      state;
  GPtrArray *undo;     /* State* */
  GPtrArray *redo;
  gboolean   modified;
};

/* dorsum-chart-read.c */
const char *_dorsum_chart_figure_intern   (const char  *figure);
gboolean    _dorsum_chart_set_errno_error (GError     **error,
                                           int          saved_errno,
                                           const char  *path);

G_END_DECLS
