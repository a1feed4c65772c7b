/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Before the handout is printed or exported: the cautions of the plan, Print Anyway / Cancel. */
#pragma once

#include <adwaita.h>

#include "dorsum-chart.h"
#include "dorsum-library.h"

G_BEGIN_DECLS

typedef void (*DorsumPlanConfirmedFunc) (GtkWindow *parent,
                                         gpointer   user_data);

void       dorsum_plan_confirm_cautions  (GtkWindow        *parent,
                                          DorsumLibrary    *library,
                                          DorsumChart      *chart,
                                          const char       *go_label,
                                          DorsumPlanConfirmedFunc confirmed,
                                          gpointer          user_data,
                                          GDestroyNotify    destroy);

G_END_DECLS
