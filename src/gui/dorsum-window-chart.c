/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's pain chart: the document in its session (new, open, recent, save, export,
 * print, the crash copy offered back), the chart panel, and the two figures side by side.
 * Part of DorsumWindow (see dorsum-window-private.h), kept apart from the atlas and the
 * library list, as GNOME Text Editor keeps its window's actions and session apart. */

#define G_LOG_DOMAIN "dorsum-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dorsum-a11y.h"
#include "dorsum-chart-page.h"
#include "dorsum-chart-render.h"
#include "dorsum-chart-session.h"
#include "dorsum-figure.h"
#include "dorsum-handout.h"
#include "dorsum-plan-confirm.h"
#include "dorsum-question.h"
#include "dorsum-window-private.h"

/* The pain chart and a trigger point chart, when the window is not folded, show both
 * figures side by side, front on the left and back on the right as on a paper body chart
 * (pain felt on the front from a back muscle shows there); folded, one at a time with the
 * Back/Front switch. The second view follows the first's layer, labels, highlight, trigger
 * points and mode. */
void
_dorsum_window_update_figures (DorsumWindow *self)
{
  DorsumDiagramView *view = self->diagram_view;
  gboolean both = (dorsum_diagram_view_get_chart_mode (view) || dorsum_diagram_view_get_trigger_points (view)) &&
                  !adw_leaflet_get_folded (self->leaflet) && !(self->study_page != NULL && _dorsum_window_studying (self));
  gboolean back = g_str_equal (dorsum_diagram_view_get_figure (view), DORSUM_FIGURE_POSTERIOR);

  if (both)
    {
      dorsum_diagram_view_set_library (self->other_view, self->library);
      dorsum_diagram_view_set_figure (self->other_view, back ? "anterior" : DORSUM_FIGURE_POSTERIOR);
      dorsum_diagram_view_set_layer (self->other_view, dorsum_diagram_view_get_layer (view));
      dorsum_diagram_view_set_labels (self->other_view, dorsum_diagram_view_get_labels (view));
      dorsum_diagram_view_set_chart (self->other_view, dorsum_chart_session_get_chart (self->session));
      dorsum_diagram_view_set_chart_mode (self->other_view, dorsum_diagram_view_get_chart_mode (view));
      dorsum_diagram_view_set_highlight (self->other_view, dorsum_diagram_view_get_highlight (view));
      dorsum_diagram_view_set_trigger_points (self->other_view, dorsum_diagram_view_get_trigger_points (view));
      dorsum_diagram_view_select_mark (self->other_view, dorsum_diagram_view_get_selected_mark (view));
      if (back)
        gtk_box_reorder_child_after (GTK_BOX (self->figures_box), GTK_WIDGET (view), GTK_WIDGET (self->other_view));
      else
        gtk_box_reorder_child_after (GTK_BOX (self->figures_box), GTK_WIDGET (self->other_view), GTK_WIDGET (view));
    }
  else
    dorsum_diagram_view_set_chart (self->other_view, NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->other_view), both);
  /* Both figures shown: nothing to switch. */
  gtk_widget_set_visible (self->figure_box, !both);
}

/* ---- Pain chart: the document (in its session), its files, printing and presentation ---- */

static void
update_chart_title (DorsumWindow *self)
{
  DorsumChart *chart = dorsum_chart_session_get_chart (self->session);
  g_autofree char *name = dorsum_chart_session_dup_display_name (self->session);
  g_autofree char *title = NULL;

  /* Translators: the window title while a pain chart is open; %s is its file name */
  title = g_strdup_printf (dorsum_chart_session_get_unsaved (self->session) ? _("%s (unsaved) — Dorsum") : _("%s — Dorsum"),
                           name);

  if (dorsum_diagram_view_get_chart_mode (self->diagram_view) ||
      dorsum_chart_session_get_file (self->session) != NULL || dorsum_chart_get_n_marks (chart) > 0)
    gtk_window_set_title (GTK_WINDOW (self), title);
  else
    gtk_window_set_title (GTK_WINDOW (self), "Dorsum");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", dorsum_chart_can_undo (chart));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", dorsum_chart_can_redo (chart));
}

static void
chart_replaced_cb (DorsumWindow       *self,
                   GParamSpec         *pspec,
                   DorsumChartSession *session)
{
  DorsumChart *chart = dorsum_chart_session_get_chart (session);

  g_signal_connect_object (chart, "changed", G_CALLBACK (update_chart_title), self, G_CONNECT_SWAPPED);
  dorsum_diagram_view_set_chart (self->diagram_view, chart);
  if (gtk_widget_get_visible (GTK_WIDGET (self->other_view)))
    dorsum_diagram_view_set_chart (self->other_view, chart);
  if (self->chart_page != NULL)
    dorsum_chart_page_set_chart (self->chart_page, self->library, chart);
  update_chart_title (self);
}

DorsumChart *
dorsum_window_get_chart (DorsumWindow *self)
{
  g_return_val_if_fail (DORSUM_IS_WINDOW (self), NULL);

  return dorsum_chart_session_get_chart (self->session);
}

DorsumChartSession *
dorsum_window_get_chart_session (DorsumWindow *self)
{
  g_return_val_if_fail (DORSUM_IS_WINDOW (self), NULL);

  return self->session;
}

static void
show_error (DorsumWindow *self,
            const char   *heading,
            const char   *message)
{
  GtkWidget *question = dorsum_question_new (heading, message);

  dorsum_question_add_response (question, "close", _("_Close"), ADW_RESPONSE_DEFAULT);
  dorsum_question_present (question, GTK_WIDGET (self));
}

/* What no action of the user's waits on (the crash copy, skipped packs): a toast. */
static void
session_problem_cb (DorsumWindow       *self,
                    const char         *heading,
                    const char         *message,
                    DorsumChartSession *session)
{
  dorsum_window_report (self, heading, message);
}

static void
toast_details_cb (DorsumWindow *self,
                  AdwToast     *toast)
{
  show_error (self, g_object_get_data (G_OBJECT (toast), "heading"), g_object_get_data (G_OBJECT (toast), "message"));
}

/**
 * dorsum_window_report:
 *
 * Tells the user of a problem no action of theirs waits on: a toast with the heading,
 * whose Details button shows the whole message.
 */
void
dorsum_window_report (DorsumWindow *self,
                      const char   *heading,
                      const char   *message)
{
  AdwToast *toast;

  g_return_if_fail (DORSUM_IS_WINDOW (self));

  toast = adw_toast_new (heading);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("_Details"));
  g_object_set_data_full (G_OBJECT (toast), "heading", g_strdup (heading), g_free);
  g_object_set_data_full (G_OBJECT (toast), "message", g_strdup (message), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (toast_details_cb), self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  /* libadwaita 1.2 reads the toast's button with its underscore and its close button as
   * "GtkImage". */
  dorsum_a11y_fix_mnemonics (GTK_WIDGET (self->toast_overlay));
  dorsum_a11y_name_icon_buttons (GTK_WIDGET (self->toast_overlay), "window-close-symbolic", _("Dismiss"));

  g_free (self->last_report);
  self->last_report = g_strdup_printf ("%s: %s", heading, message);
}

/* For tests: the last problem reported with dorsum_window_report(). */
const char *
dorsum_window_get_last_report (DorsumWindow *self)
{
  g_return_val_if_fail (DORSUM_IS_WINDOW (self), NULL);

  return self->last_report;
}

/* ---- Replacing the chart: always after the question ---- */

typedef enum {
  REPLACE_NEW,
  REPLACE_OPEN,       /* a file the user chose or named */
  REPLACE_CHOOSE,     /* ask for the file after the question */
  REPLACE_CRASH_COPY, /* a chart already read: the crash copy */
} ReplaceKind;

typedef struct
{
  DorsumWindow *window;
  ReplaceKind   kind;
  GFile        *file;
  DorsumChart  *chart;  /* REPLACE_CRASH_COPY */
} Replace;

static void
replace_free (Replace *replace)
{
  g_object_unref (replace->window);
  g_clear_object (&replace->file);
  g_clear_object (&replace->chart);
  g_free (replace);
}

static void open_chooser (DorsumWindow *self);

static void
replace_chart_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Replace *replace = user_data;
  DorsumWindow *self = replace->window;
  g_autoptr(GError) error = NULL;

  if (dorsum_chart_session_ask_save_changes_finish (self->session, result) == DORSUM_SAVE_CHANGES_CANCELLED)
    {
      replace_free (replace);
      return;
    }

  switch (replace->kind)
    {
    case REPLACE_NEW:
      dorsum_chart_session_new_chart (self->session);
      dorsum_diagram_view_set_chart_mode (self->diagram_view, TRUE);
      break;

    case REPLACE_OPEN:
      if (dorsum_chart_session_open (self->session, replace->file, &error))
        dorsum_diagram_view_set_chart_mode (self->diagram_view, TRUE);
      else
        show_error (self, _("Could Not Open the Chart"), error->message);
      break;

    case REPLACE_CHOOSE:
      open_chooser (self);
      break;

    case REPLACE_CRASH_COPY:
      dorsum_chart_session_set_chart (self->session, replace->chart, replace->file);
      dorsum_diagram_view_set_chart_mode (self->diagram_view, TRUE);
      break;

    default:
      g_assert_not_reached ();
    }

  replace_free (replace);
}

static void
replace_chart (DorsumWindow *self,
               ReplaceKind   kind,
               GFile        *file,
               DorsumChart  *chart)
{
  Replace *replace = g_new0 (Replace, 1);

  replace->window = g_object_ref (self);
  replace->kind = kind;
  replace->file = file ? g_object_ref (file) : NULL;
  replace->chart = chart ? g_object_ref (chart) : NULL;
  dorsum_chart_session_ask_save_changes (self->session, GTK_WINDOW (self), replace_chart_cb, replace);
}

/**
 * dorsum_window_open_chart:
 *
 * Opens a chart file, after asking about unsaved changes to the current one. The file is
 * read first: a bad one changes nothing, and the error names the file and line.
 *
 * Returns: %FALSE if the file cannot be read as a chart
 */
gboolean
dorsum_window_open_chart (DorsumWindow  *self,
                          GFile         *file,
                          GError       **error)
{
  g_autoptr(DorsumChart) chart = NULL;

  g_return_val_if_fail (DORSUM_IS_WINDOW (self), FALSE);

  /* Read before the question: no point asking to save for a file that cannot open. */
  chart = dorsum_chart_new_from_file (file, error);
  if (chart == NULL)
    return FALSE;

  replace_chart (self, REPLACE_OPEN, file, NULL);

  return TRUE;
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DorsumWindow *self = DORSUM_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  g_autoptr(GError) error = NULL;

  if (!dorsum_window_open_chart (self, file, &error))
    show_error (self, _("Could Not Open the Chart"), error->message);
}

/* The charts opened or saved lately, newest first, for the Open Recent menu. */
static void
update_recent_menu (DorsumWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();

  for (GList *l = items; l; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (g_str_has_suffix (gtk_recent_info_get_uri (info), ".dorsum-chart") && gtk_recent_info_exists (info))
        g_ptr_array_add (charts, info);
    }

  /* Newest first. */
  for (guint i = 1; i < charts->len; i++)
    for (guint j = i; j > 0 &&
         g_date_time_compare (gtk_recent_info_get_modified (g_ptr_array_index (charts, j - 1)),
                              gtk_recent_info_get_modified (g_ptr_array_index (charts, j))) < 0; j--)
      {
        gpointer tmp = charts->pdata[j];

        charts->pdata[j] = charts->pdata[j - 1];
        charts->pdata[j - 1] = tmp;
      }

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; i < charts->len && i < 8; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (charts, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target (item, "win.chart-open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
    }

  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);
}

/* The main menu and its recent charts are made when it first opens, not at startup. */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       user_data)
{
  DorsumWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;

  update_recent_menu (self);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/**
 * dorsum_window_save_chart:
 *
 * Saves the chart to @file (what the Save As chooser does once a file is chosen).
 */
gboolean
dorsum_window_save_chart (DorsumWindow  *self,
                          GFile         *file,
                          GError       **error)
{
  g_return_val_if_fail (DORSUM_IS_WINDOW (self), FALSE);

  return dorsum_chart_session_save (self->session, file, error);
}

typedef enum {
  CHOOSE_OPEN,
  CHOOSE_EXPORT,
  CHOOSE_HANDOUT,
} Choice;

/* The handout of the chart, with the therapist's settings, and what changed since the
 * earlier chart the panel compares it with, if any. */
static DorsumHandout *
new_handout (DorsumWindow *self)
{
  DorsumHandoutOptions options;

  dorsum_handout_get_default_options (&options);
  if (self->chart_page != NULL)
    options.earlier = dorsum_chart_page_get_compare_chart (self->chart_page);

  return dorsum_handout_new_with_options (self->library, dorsum_chart_session_get_chart (self->session), &options);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     DorsumWindow    *self)
{
  Choice choice = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "choice"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      g_object_unref (dialog);
      return;
    }

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = g_file_get_path (file);

  switch (choice)
    {
    case CHOOSE_OPEN:
      /* The question about unsaved changes was asked before the chooser. */
      if (dorsum_chart_session_open (self->session, file, &error))
        dorsum_diagram_view_set_chart_mode (self->diagram_view, TRUE);
      else
        show_error (self, _("Could Not Open the Chart"), error->message);
      break;

    case CHOOSE_EXPORT:
      if (path == NULL ||
          !dorsum_chart_export (dorsum_chart_session_get_chart (self->session), self->library, path, 1200,
                                FALSE, &error))
        show_error (self, _("Could Not Export"), error ? error->message : _("Choose a local file"));
      break;

    case CHOOSE_HANDOUT:
      {
        g_autoptr(DorsumHandout) handout = new_handout (self);

        if (path == NULL || !dorsum_handout_write_pdf (handout, path, &error))
          show_error (self, _("Could Not Export"), error ? error->message : _("Choose a local file"));
      }
      break;

    default:
      g_assert_not_reached ();
    }

  g_object_unref (dialog);
}

/* File dialogs go through the portal inside the Flatpak, which has no file system access. */
static void
choose_file (DorsumWindow *self,
             Choice        choice)
{
  static const char *titles[] = { N_("Open Pain Chart"), N_("Export Chart Picture"), N_("Export Client Handout") };
  gboolean open = choice == CHOOSE_OPEN;
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_(titles[choice]), GTK_WINDOW (self),
                                        open ? GTK_FILE_CHOOSER_ACTION_OPEN : GTK_FILE_CHOOSER_ACTION_SAVE,
                                        open ? _("_Open") : _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "choice", GINT_TO_POINTER (choice));

  if (choice == CHOOSE_OPEN)
    {
      g_autoptr(GtkFileFilter) filter = dorsum_chart_filter_new ();

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    }
  else if (choice == CHOOSE_EXPORT)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("pain-chart.png"));
  else if (choice == CHOOSE_HANDOUT)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("handout.pdf"));

  g_signal_connect (dialog, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_chooser (DorsumWindow *self)
{
  choose_file (self, CHOOSE_OPEN);
}

static void
saved_as_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(DorsumWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!dorsum_chart_session_save_as_finish (DORSUM_CHART_SESSION (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, _("Could Not Save the Chart"), error->message);
}

/* The therapist has seen the cautions of the plan: print, or choose where to export. */
static void
handout_confirmed (GtkWindow *window,
                   gpointer   choice)
{
  DorsumWindow *self = DORSUM_WINDOW (window);
  g_autoptr(GError) error = NULL;

  if (GPOINTER_TO_INT (choice) == CHOOSE_HANDOUT)
    choose_file (self, CHOOSE_HANDOUT);
  else if (!dorsum_window_print_handout (self, NULL, &error))
    show_error (self, _("Could Not Print"), error->message);
}

static void
chart_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DorsumWindow *self = DORSUM_WINDOW (widget);
  DorsumChart *chart = dorsum_chart_session_get_chart (self->session);
  GFile *file = dorsum_chart_session_get_file (self->session);
  g_autoptr(GError) error = NULL;

  if (g_str_equal (action_name, "win.chart-new"))
    replace_chart (self, REPLACE_NEW, NULL, NULL);
  else if (g_str_equal (action_name, "win.chart-open"))
    replace_chart (self, REPLACE_CHOOSE, NULL, NULL);
  else if (g_str_equal (action_name, "win.chart-save") && file != NULL)
    {
      if (!dorsum_chart_session_save (self->session, file, &error))
        show_error (self, _("Could Not Save the Chart"), error->message);
    }
  else if (g_str_equal (action_name, "win.chart-save") || g_str_equal (action_name, "win.chart-save-as"))
    dorsum_chart_session_save_as (self->session, GTK_WINDOW (self), saved_as_cb, g_object_ref (self));
  else if (g_str_equal (action_name, "win.chart-export"))
    choose_file (self, CHOOSE_EXPORT);
  else if (g_str_equal (action_name, "win.handout-export"))
    dorsum_plan_confirm_cautions (GTK_WINDOW (self), self->library, chart, _("_Export Anyway"),
                                  handout_confirmed, GINT_TO_POINTER (CHOOSE_HANDOUT), NULL);
  else if (g_str_equal (action_name, "win.undo"))
    dorsum_chart_undo (chart);
  else if (g_str_equal (action_name, "win.redo"))
    dorsum_chart_redo (chart);
}

static void
print_begin_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                DorsumHandout     *handout)
{
  gtk_print_operation_set_n_pages (operation, (int)dorsum_handout_get_n_pages (handout));
}

static void
print_draw_page_cb (GtkPrintOperation *operation,
                    GtkPrintContext   *context,
                    int                page,
                    DorsumHandout     *handout)
{
  dorsum_handout_draw_page (handout, gtk_print_context_get_cairo_context (context), (guint)page,
                            gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

/**
 * dorsum_window_print_handout:
 * @export_path: (nullable): write a PDF there through the print machinery instead of
 *   showing the print dialog (for tests)
 *
 * Returns: whether printing (or the export) went through
 */
gboolean
dorsum_window_print_handout (DorsumWindow  *self,
                             const char    *export_path,
                             GError       **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(DorsumHandout) handout = new_handout (self);
  GtkPrintOperationResult result;

  g_return_val_if_fail (DORSUM_IS_WINDOW (self), FALSE);

  /* The handout lays itself out in points on the whole sheet, A4 or Letter alike. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("Dorsum client handout"));
  /* The sheet the handout is laid out for (Preferences: A4 or Letter) offered first. */
  {
    g_autofree char *paper = g_settings_get_string (self->settings, "handout-paper-size");
    g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
    g_autoptr(GtkPaperSize) size = gtk_paper_size_new (g_strcmp0 (paper, "letter") == 0 ? GTK_PAPER_NAME_LETTER
                                                                                         : GTK_PAPER_NAME_A4);

    gtk_page_setup_set_paper_size (setup, size);
    gtk_print_operation_set_default_page_setup (operation, setup);
  }
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  g_signal_connect (operation, "begin-print", G_CALLBACK (print_begin_cb), handout);
  g_signal_connect (operation, "draw-page", G_CALLBACK (print_draw_page_cb), handout);

  result = gtk_print_operation_run (operation,
                                    export_path ? GTK_PRINT_OPERATION_ACTION_EXPORT : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), error);

  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DorsumWindow *self = DORSUM_WINDOW (widget);

  dorsum_plan_confirm_cautions (GTK_WINDOW (self), self->library, dorsum_chart_session_get_chart (self->session),
                                _("_Print Anyway"), handout_confirmed, GINT_TO_POINTER (-1), NULL);
}

/* Presentation: the diagram alone, full screen, for turning the screen to the client. */

static void
chart_muscle_activated_cb (DorsumWindow    *self,
                           const char      *id,
                           DorsumChartPage *page)
{
  /* Their referral chart beside the client's marks: the comparison the lookup is for. */
  dorsum_diagram_view_set_chart_mode (self->diagram_view, FALSE);
  dorsum_window_show_entry (self, id);
  dorsum_diagram_view_set_trigger_points (self->diagram_view, TRUE);
}

/* The earlier chart chosen in the panel is drawn faded on the figures. */
static void
chart_compare_changed_cb (DorsumWindow *self)
{
  DorsumChart *earlier = dorsum_chart_page_get_compare_chart (self->chart_page);

  dorsum_diagram_view_set_compare_chart (self->diagram_view, earlier);
  dorsum_diagram_view_set_compare_chart (self->other_view, earlier);
}

static void
chart_mode_changed_cb (DorsumWindow      *self,
                       GParamSpec        *pspec,
                       DorsumDiagramView *view)
{
  if (dorsum_diagram_view_get_chart_mode (view))
    {
      if (self->study_page != NULL && _dorsum_window_studying (self))
        dorsum_study_page_leave (self->study_page);
      /* Made on first use: most sessions never chart, and it is the heaviest panel. */
      if (self->chart_page == NULL)
        {
          self->chart_page = DORSUM_CHART_PAGE (dorsum_chart_page_new ());
          g_signal_connect_object (self->chart_page, "muscle-activated",
                                   G_CALLBACK (chart_muscle_activated_cb), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (self->chart_page, "mark-chosen",
                                   G_CALLBACK (dorsum_diagram_view_select_mark), self->diagram_view, G_CONNECT_SWAPPED);
          g_signal_connect_object (self->chart_page, "notify::compare-chart",
                                   G_CALLBACK (chart_compare_changed_cb), self, G_CONNECT_SWAPPED);
          gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->chart_page), "chart");
          dorsum_chart_page_set_chart (self->chart_page, self->library, dorsum_chart_session_get_chart (self->session));
          dorsum_chart_page_select_mark (self->chart_page, dorsum_diagram_view_get_selected_mark (view));
        }
      gtk_stack_set_visible_child_name (self->detail_stack, "chart");
      adw_window_title_set_title (self->content_title, _("Pain Chart"));
      adw_window_title_set_subtitle (self->content_title, NULL);
    }
  else if (self->shown_id != NULL)
    _dorsum_window_show_entry (self, self->shown_id, FALSE);
  else
    gtk_stack_set_visible_child_name (self->detail_stack, "empty");

  update_chart_title (self);
  _dorsum_window_update_figures (self);
}

static void
mark_activated_cb (DorsumWindow      *self,
                   int                mark,
                   DorsumDiagramView *view)
{
  DorsumDiagramView *other = view == self->diagram_view ? self->other_view : self->diagram_view;

  /* One selection over both figures. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->other_view)) && dorsum_diagram_view_get_selected_mark (other) != mark)
    dorsum_diagram_view_select_mark (other, mark);
  if (self->chart_page != NULL)
    dorsum_chart_page_select_mark (self->chart_page, mark);
}


/* After a crash or a forced quit, offer back the chart that was not saved. */
static void
restore_response_cb (GtkWidget    *question,
                     const char   *response,
                     DorsumWindow *self)
{
  DorsumChart *chart = g_object_get_data (G_OBJECT (question), "chart");
  GFile *file = g_object_get_data (G_OBJECT (question), "file");

  if (g_str_equal (response, "restore"))
    replace_chart (self, REPLACE_CRASH_COPY, file, chart);
  else
    dorsum_chart_clear_autosave ();
}

/* Packs that failed to load, told in the window as well as on the console. */
static void
report_skipped_packs (DorsumWindow *self)
{
  GPtrArray *problems = dorsum_library_get_problems (self->library);
  g_autoptr(GString) message = NULL;
  g_autofree char *heading = NULL;

  if (problems->len == 0)
    return;

  message = g_string_new (NULL);
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (message, "%s%s", i ? "\n\n" : "", ((GError *)g_ptr_array_index (problems, i))->message);

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Content Pack Was Skipped",
                                          "%u Content Packs Were Skipped", problems->len),
                             problems->len);
  dorsum_window_report (self, heading, message->str);
}

static void
offer_autosave (DorsumWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(DorsumChart) chart = dorsum_chart_session_take_crash_copy (self->session, &file, &error);
  GtkWidget *question;
  g_autofree char *body = NULL;

  g_signal_handlers_disconnect_by_func (self, offer_autosave, NULL);
  report_skipped_packs (self);

  if (error != NULL)
    {
      dorsum_window_report (self, _("Could Not Read the Unsaved Chart"), error->message);
      return;
    }
  if (chart == NULL)
    return;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Dorsum closed before a pain chart with %u mark was saved. Restore it?",
                                       "Dorsum closed before a pain chart with %u marks was saved. Restore it?",
                                       dorsum_chart_get_n_marks (chart)),
                          dorsum_chart_get_n_marks (chart));
  question = dorsum_question_new (_("Unsaved Pain Chart"), body);
  dorsum_question_add_response (question, "discard", _("_Discard"), ADW_RESPONSE_DESTRUCTIVE);
  dorsum_question_add_response (question, "restore", _("_Restore"), ADW_RESPONSE_SUGGESTED);
  dorsum_question_set_default_response (question, "restore");
  dorsum_question_set_close_response (question, "restore");
  g_object_set_data_full (G_OBJECT (question), "chart", g_steal_pointer (&chart), g_object_unref);
  if (file != NULL)
    g_object_set_data_full (G_OBJECT (question), "file", g_steal_pointer (&file), g_object_unref);
  g_signal_connect_object (question, "response", G_CALLBACK (restore_response_cb), self, 0);
  dorsum_question_present (question, GTK_WIDGET (self));
}

void
_dorsum_window_chart_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback_full (widget_class, "update_figures", G_CALLBACK (_dorsum_window_update_figures));
  gtk_widget_class_bind_template_callback (widget_class, chart_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, mark_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.chart-new", NULL, chart_action);
  gtk_widget_class_install_action (widget_class, "win.chart-open", NULL, chart_action);
  gtk_widget_class_install_action (widget_class, "win.chart-open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.chart-save", NULL, chart_action);
  gtk_widget_class_install_action (widget_class, "win.chart-save-as", NULL, chart_action);
  gtk_widget_class_install_action (widget_class, "win.chart-export", NULL, chart_action);
  gtk_widget_class_install_action (widget_class, "win.handout-export", NULL, chart_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, chart_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, chart_action);
  gtk_widget_class_install_action (widget_class, "win.handout-print", NULL, print_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.chart-new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.chart-open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.chart-save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.chart-save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.handout-print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "diagram.chart-mode", NULL);
}

/* Once the template is built. */
void
_dorsum_window_chart_init (DorsumWindow *self)
{
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu, self, NULL);
  /* The Study page takes the figure for itself: one figure while it is shown. */
  g_signal_connect_object (self->detail_stack, "notify::visible-child-name",
                           G_CALLBACK (_dorsum_window_update_figures), self, G_CONNECT_SWAPPED);
}

/* Once the library is known: the chart session, and the crash copy offered once mapped. */
void
_dorsum_window_chart_start (DorsumWindow *self)
{
  self->session = dorsum_chart_session_new ();
  g_signal_connect_object (self->session, "notify::chart", G_CALLBACK (chart_replaced_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::file", G_CALLBACK (update_chart_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::unsaved", G_CALLBACK (update_chart_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "problem", G_CALLBACK (session_problem_cb), self, G_CONNECT_SWAPPED);
  chart_replaced_cb (self, NULL, self->session);

  /* Once the window is up, offer back a chart a crash left unsaved. */
  g_signal_connect (self, "map", G_CALLBACK (offer_autosave), NULL);
}
