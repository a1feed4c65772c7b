/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's insides, shared by its files (dorsum-window.c: the atlas and the page, with
 * DorsumSidebar for the library list; dorsum-window-chart.c: the pain chart;
 * dorsum-window-actions.c: the actions, their keys and the bookmark and recent lists;
 * dorsum-window-layout.c: the layout and the first frame), and what the widget tests
 * reach for. */
#pragma once

#include "dorsum-chart-page.h"
#include "dorsum-chart-session.h"
#include "dorsum-diagram-view.h"
#include "dorsum-entry-page.h"
#include "dorsum-sidebar.h"
#include "dorsum-study-page.h"
#include "dorsum-window.h"

G_BEGIN_DECLS

#define MAX_RECENT 20

struct _DorsumWindow
{
  AdwApplicationWindow  parent_instance;

  DorsumLibrary        *library;
  guint                 tooltips_idle;
  guint                 library_idle;   /* a pack was added or removed: the page follows */
  gboolean              tooltips_set;
  GSettings            *settings;
  char                 *shown_id;
  GPtrArray            *back_stack;     /* ids, oldest first */
  GPtrArray            *forward_stack;  /* ids, next first at the end */
  GStrv                 bookmarks;
  GStrv                 recent;
  DorsumChartSession   *session;
  gboolean              presenting;
  gboolean              asking_to_close;
  gboolean              may_close;       /* the question was answered */
  char                 *last_report;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  DorsumSidebar        *library_list;
  GtkWidget            *content;
  AdwWindowTitle       *content_title;
  GtkWidget            *bookmark_button;
  GtkPaned             *paned;
  GtkWidget            *zoom_box;
  DorsumDiagramView    *diagram_view;
  DorsumDiagramView    *other_view;   /* the chart's other figure, beside when there is room */
  GtkWidget            *figures_box;
  GtkWidget            *figure_box;
  GtkStack             *detail_stack;
  DorsumEntryPage      *entry_page;
  DorsumChartPage      *chart_page;
  DorsumStudyPage      *study_page;
  GtkWidget            *sidebar;
  GtkWidget            *toolbar;
  GtkWidget            *toolbar_box;
  GtkWidget            *layer_box;
  GtkWidget            *disclaimer_box;
  GtkWidget            *content_header;
  GtkMenuButton        *menu_button;
  GtkWidget            *leaflet_back_button;
  GtkWidget            *study_button;
  GtkRevealer          *disclaimer_banner;
  GMenuModel           *primary_menu;
  GMenuModel           *tooltips;
  GMenu                *recent_menu;
  GtkWindow            *shortcuts_window;
};


/* Between the window's files. */
gboolean           _dorsum_window_studying        (DorsumWindow *self);
void               _dorsum_window_show_entry      (DorsumWindow *self,
                                                   const char   *id,
                                                   gboolean      record);
void               _dorsum_window_update_figures  (DorsumWindow *self);
void               _dorsum_window_chart_class_init (GtkWidgetClass *widget_class);
void               _dorsum_window_chart_init      (DorsumWindow *self);
void               _dorsum_window_chart_start     (DorsumWindow *self);
void               _dorsum_window_actions_class_init (GtkWidgetClass *widget_class);
void               _dorsum_window_layout_class_init (GtkWidgetClass *widget_class);
void               _dorsum_window_actions_init    (DorsumWindow *self);
gboolean           _dorsum_window_escape_cb       (GtkWidget    *widget,
                                                   GVariant     *args,
                                                   gpointer      user_data);
void               _dorsum_window_set_presenting  (DorsumWindow *self,
                                                   gboolean      presenting);
gboolean           _dorsum_window_is_bookmarked   (DorsumWindow *self,
                                                   const char   *id);
GStrv              _dorsum_window_strv_without    (GStrv         strv,
                                                   const char   *id);
void               _dorsum_window_save_strv       (DorsumWindow *self,
                                                   const char   *key,
                                                   GStrv         strv);
void               _dorsum_window_update_actions  (DorsumWindow *self);
void               _dorsum_window_remember_recent (DorsumWindow *self,
                                                   const char   *id);

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
