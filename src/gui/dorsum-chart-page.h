/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pain chart panel: client details, the selected mark's intensity, quality and note,
 * and the muscles whose referral zones match the marks. */
#pragma once

#include <adwaita.h>

#include "dorsum-chart.h"
#include "dorsum-library.h"

G_BEGIN_DECLS

#define DORSUM_TYPE_CHART_PAGE (dorsum_chart_page_get_type())

G_DECLARE_FINAL_TYPE (DorsumChartPage, dorsum_chart_page, DORSUM, CHART_PAGE, GtkWidget)

GtkWidget *dorsum_chart_page_new          (void);
void       dorsum_chart_page_set_chart    (DorsumChartPage *self,
                                           DorsumLibrary   *library,
                                           DorsumChart     *chart);
void       dorsum_chart_page_select_mark  (DorsumChartPage *self,
                                           int              mark);
void       dorsum_chart_page_edit_note    (DorsumChartPage *self);
void       dorsum_chart_page_set_compare_chart (DorsumChartPage *self,
                                           DorsumChart     *earlier,
                                           const char      *name);
DorsumChart *dorsum_chart_page_get_compare_chart (DorsumChartPage *self);

G_END_DECLS
