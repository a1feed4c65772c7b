/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pain chart a window works on: the document, its file, the crash copy kept while it is
 * unsaved, opening and saving, and the one question asked before unsaved work is dropped. */
#pragma once

#include <gtk/gtk.h>

#include "dorsum-chart.h"

G_BEGIN_DECLS

#define DORSUM_TYPE_CHART_SESSION (dorsum_chart_session_get_type())

G_DECLARE_FINAL_TYPE (DorsumChartSession, dorsum_chart_session, DORSUM, CHART_SESSION, GObject)

GtkFileFilter      *dorsum_chart_filter_new               (void);
DorsumChartSession *dorsum_chart_session_new              (void);
DorsumChart        *dorsum_chart_session_get_chart        (DorsumChartSession  *self);
GFile              *dorsum_chart_session_get_file         (DorsumChartSession  *self);
char               *dorsum_chart_session_dup_display_name (DorsumChartSession  *self);
gboolean            dorsum_chart_session_get_unsaved      (DorsumChartSession  *self);
void                dorsum_chart_session_set_chart        (DorsumChartSession  *self,
                                                           DorsumChart         *chart,
                                                           GFile               *file);
void                dorsum_chart_session_new_chart        (DorsumChartSession  *self);
gboolean            dorsum_chart_session_open             (DorsumChartSession  *self,
                                                           GFile               *file,
                                                           GError             **error);
gboolean            dorsum_chart_session_save             (DorsumChartSession  *self,
                                                           GFile               *file,
                                                           GError             **error);
void                dorsum_chart_session_discard          (DorsumChartSession  *self);
DorsumChart        *dorsum_chart_session_take_crash_copy  (DorsumChartSession  *self,
                                                           GFile              **file,
                                                           GError             **error);
void                dorsum_chart_session_flush_autosave   (DorsumChartSession  *self);

/* Asks the user, if the chart has unsaved changes, whether to save them first. */
typedef enum {
  DORSUM_SAVE_CHANGES_SAVED,      /* saved: go on */
  DORSUM_SAVE_CHANGES_DISCARDED,  /* the user chose to drop them: go on */
  DORSUM_SAVE_CHANGES_UNCHANGED,  /* nothing to save: go on */
  DORSUM_SAVE_CHANGES_CANCELLED,  /* keep the chart as it is: stop */
} DorsumSaveChangesResult;

void                    dorsum_chart_session_ask_save_changes        (DorsumChartSession   *self,
                                                                      GtkWindow            *parent,
                                                                      GAsyncReadyCallback   callback,
                                                                      gpointer              user_data);
DorsumSaveChangesResult dorsum_chart_session_ask_save_changes_finish (DorsumChartSession   *self,
                                                                      GAsyncResult         *result);
void                    dorsum_chart_session_save_as                 (DorsumChartSession   *self,
                                                                      GtkWindow            *parent,
                                                                      GAsyncReadyCallback   callback,
                                                                      gpointer              user_data);
gboolean                dorsum_chart_session_save_as_finish          (DorsumChartSession   *self,
                                                                      GAsyncResult         *result,
                                                                      GError              **error);

G_END_DECLS
