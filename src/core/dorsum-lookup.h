/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Where does it hurt?": ranks the muscles whose trigger-point referral zones cover the
 * marks of a pain chart, as the pain-area indexes of trigger point manuals do. */
#pragma once

#include "dorsum-chart.h"
#include "dorsum-library.h"

G_BEGIN_DECLS

typedef struct
{
  DorsumEntry *muscle;    /* (transfer none) */
  double       score;     /* 0–1: how much of the marked pain its zones cover */
  guint        n_marks;   /* how many marks its zones touch */
} DorsumLookupResult;

GArray *dorsum_lookup_muscles (DorsumLibrary *library,
                               DorsumChart   *chart);

G_END_DECLS
