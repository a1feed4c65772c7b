/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Window internals the widget tests reach for. */
#pragma once

#include "dorsum-chart-session.h"
#include "dorsum-diagram-view.h"
#include "dorsum-study-page.h"
#include "dorsum-window.h"

G_BEGIN_DECLS

gboolean           dorsum_window_plan_first_diagram (DorsumLayer *layer,
                                                     double      *zoom,
                                                     int         *width,
                                                     int         *height);
DorsumDiagramView *dorsum_window_get_diagram_view (DorsumWindow *self);
GListModel        *dorsum_window_get_list_model   (DorsumWindow *self);
gboolean           dorsum_window_get_folded       (DorsumWindow *self);
DorsumChart       *dorsum_window_get_chart        (DorsumWindow *self);
gboolean           dorsum_window_open_chart       (DorsumWindow *self,
                                                   GFile        *file,
                                                   GError      **error);
gboolean           dorsum_window_save_chart       (DorsumWindow *self,
                                                   GFile        *file,
                                                   GError      **error);
DorsumChartSession *dorsum_window_get_chart_session (DorsumWindow *self);
void               dorsum_window_report           (DorsumWindow *self,
                                                   const char   *heading,
                                                   const char   *message);
const char        *dorsum_window_get_last_report  (DorsumWindow *self);
gboolean           dorsum_window_get_disclaimer_shown (DorsumWindow *self);
DorsumStudyPage   *dorsum_window_show_study       (DorsumWindow *self);
gboolean           dorsum_window_get_presenting   (DorsumWindow *self);
gboolean           dorsum_window_print_handout    (DorsumWindow *self,
                                                   const char   *export_path,
                                                   GError      **error);

G_END_DECLS
