/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Plan section of the pain chart panel: the likely muscles and the stretches and
 * self-care to give the client, chosen, ordered and saved in the chart's <plan>. */
#pragma once

#include <adwaita.h>

#include "dorsum-chart.h"
#include "dorsum-library.h"

G_BEGIN_DECLS

#define DORSUM_TYPE_PLAN_EDITOR (dorsum_plan_editor_get_type())

G_DECLARE_FINAL_TYPE (DorsumPlanEditor, dorsum_plan_editor, DORSUM, PLAN_EDITOR, GtkWidget)

GtkWidget *dorsum_plan_editor_new        (void);
void       dorsum_plan_editor_set_chart  (DorsumPlanEditor *self,
                                          DorsumLibrary    *library,
                                          DorsumChart      *chart);
void       dorsum_plan_editor_refresh    (DorsumPlanEditor *self);

G_END_DECLS
