/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pain chart from the keyboard: add a mark where the focus is, pick the next or
 * previous mark, move and resize it, set its intensity and quality, remove it. */
#pragma once

#include <gtk/gtk.h>

#include "dorsum-chart.h"
#include "dorsum-diagram.h"
#include "dorsum-library.h"

G_BEGIN_DECLS

typedef struct
{
  int     selected;     /* the selected mark, or -1; updated */
  const char *figure;   /* the figure the keys act on: new marks go there, N and P stay there */
  guint   last_digit;   /* for "1" then "0" = ten */
  gint64  last_digit_time;
} DorsumChartKeys;

gboolean dorsum_chart_keys_handle (DorsumChartKeys    *keys,
                                   DorsumChart        *chart,
                                   const DorsumRegion *focus,
                                   guint               keyval,
                                   GdkModifierType     state);
char    *dorsum_chart_describe_mark (DorsumChart     *chart,
                                     DorsumLibrary   *library,
                                     guint            position);

G_END_DECLS
