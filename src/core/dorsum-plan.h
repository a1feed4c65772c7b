/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plan of a chart: the muscles the therapist settled on and the stretches and self-care
 * to give the client, kept as library ids in the chart's <plan> (the kind comes from the library). */
#pragma once

#include "dorsum-chart.h"
#include "dorsum-library.h"

G_BEGIN_DECLS

/* How many of the lookup's muscles fill a plan that names none. */
#define DORSUM_PLAN_LIKELY_MUSCLES 4

gboolean   dorsum_plan_is_item           (DorsumEntry    *entry);
gboolean   dorsum_plan_is_red_flag       (DorsumEntry    *entry);
gboolean   dorsum_plan_has_muscles       (DorsumLibrary  *library,
                                          DorsumChart    *chart);
GPtrArray *dorsum_plan_get_muscles       (DorsumLibrary  *library,
                                          DorsumChart    *chart);
GPtrArray *dorsum_plan_get_items         (DorsumLibrary  *library,
                                          DorsumChart    *chart);
GPtrArray *dorsum_plan_suggest           (DorsumLibrary  *library,
                                          DorsumChart    *chart,
                                          GPtrArray      *likely);
GPtrArray *dorsum_plan_get_cautions      (DorsumLibrary  *library,
                                          GPtrArray      *items);
GPtrArray *dorsum_plan_get_entry_cautions (DorsumLibrary *library,
                                          DorsumEntry    *entry);

gboolean   dorsum_plan_contains          (DorsumChart    *chart,
                                          const char     *id);
void       dorsum_plan_add               (DorsumLibrary  *library,
                                          DorsumChart    *chart,
                                          const char     *id);
void       dorsum_plan_remove            (DorsumLibrary  *library,
                                          DorsumChart    *chart,
                                          const char     *id);
gboolean   dorsum_plan_move              (DorsumLibrary  *library,
                                          DorsumChart    *chart,
                                          const char     *id,
                                          int             delta);

G_END_DECLS
