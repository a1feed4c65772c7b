/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The therapist's plan and the client's progress, in the real window: the likely muscles
 * pre-filled from the marks, one removed, two stretches and a self-care routine added from
 * the search, reordered, saved; the cautions before the handout leaves; an earlier chart
 * compared. With DORSUM_SHOT_DIR set it also saves pictures of the panel there. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "dorsum-application.h"
#include "dorsum-chart-page.h"
#include "dorsum-diagram-view.h"
#include "dorsum-plan-editor.h"
#include "dorsum-window-private.h"
#include "test-common.h"
#include "test-gui-common.h"

static DorsumApplication *app;
static char *tmp_dir;

static gboolean
is_button_named (GtkWidget     *widget,
                 gconstpointer  name)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), name) == 0;
}

/* Clicks the button a screen reader (and the tooltip) calls @name. */
static void
click_named (GtkWidget  *root,
             const char *name)
{
  GtkWidget *button = find_widget (root, is_button_named, name);

  if (button == NULL)
    g_error ("No button named “%s”", name);
  g_assert_true (gtk_widget_is_sensitive (button));
  /* As a click does (activating it from the keyboard clicks a quarter second later). */
  g_signal_emit_by_name (button, "clicked");
  settle ();
}

typedef struct
{
  GtkWidget  *root;
  const char *name;
} Lookout;

static gboolean
button_shown (gconstpointer data)
{
  const Lookout *lookout = data;

  return find_widget (lookout->root, is_button_named, lookout->name) != NULL;
}

/* Types @text into the plan's search and waits for the result named @add_name to offer itself. */
static void
search_and_add (GtkWidget  *editor,
                const char *text,
                const char *add_name)
{
  GtkWidget *entry = find_widget (editor, is_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY));
  Lookout lookout = { editor, add_name };

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* The search waits for typing to pause. */
  if (!wait_for (button_shown, &lookout, 5))
    g_error ("Searching “%s” offered no “%s”", text, add_name);
  click_named (editor, add_name);
}

/* What a drop of the dragged row of @id on @row does (GTK's test API cannot drag). */
static void
drop_on_row (GtkWidget  *row,
             const char *id)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (row);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  g_assert_nonnull (row);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, id);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &dropped);
    }
  g_assert_true (dropped);
  settle ();
}

static gboolean
is_row_subtitled (GtkWidget     *widget,
                  gconstpointer  subtitle)
{
  return ADW_IS_ACTION_ROW (widget) && g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), subtitle) == 0;
}

static gboolean
is_action_row_titled (GtkWidget     *widget,
                      gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_label_with (GtkWidget     *widget,
               gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), text);
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
has_suggested_muscle (gconstpointer editor)
{
  return find_widget ((GtkWidget *)editor, is_row_subtitled, "Suggested by the marks") != NULL;
}

static DorsumWindow *journey_window;

static gboolean
plan_ends_with (gconstpointer order)
{
  g_autofree char *plan = g_strjoinv (",", (char **)dorsum_chart_get_plan (dorsum_window_get_chart (journey_window)));

  return g_str_has_suffix (plan, order);
}

static gboolean
file_exists (gconstpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* The order the plan entries appear in on disk. */
static char *
plan_on_disk (const char *path)
{
  g_autofree char *text = NULL;
  GString *order = g_string_new (NULL);
  const char *p;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  p = strstr (text, "<plan>");
  g_assert_nonnull (p);
  while ((p = strstr (p, "ref=\"")) != NULL)
    {
      const char *end = strchr (p + 5, '"');

      g_string_append_printf (order, "%s%.*s", order->len ? "," : "", (int)(end - p - 5), p + 5);
      p = end;
    }

  return g_string_free (order, FALSE);
}

/* With DORSUM_SHOT_DIR set: the window as drawn, scrolled to show @widget, to NAME.png. */
static void
shoot (DorsumWindow *window,
       GtkWidget    *widget,
       const char   *name)
{
  const char *dir = g_getenv ("DORSUM_SHOT_DIR");
  GtkWidget *scroller;

  if (dir == NULL)
    return;

  /* A row's whole group, heading and all. */
  if (widget != NULL && gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_GROUP) != NULL)
    widget = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_GROUP);
  scroller = widget ? gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW) : NULL;
  if (scroller != NULL)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      graphene_point_t point;

      g_assert_true (gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                               &GRAPHENE_POINT_INIT (0, 0), &point));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 12);
    }
  for (guint i = 0; i < 10; i++)
    {
      g_usleep (10000);
      settle ();
    }

  shoot_toplevel (GTK_WIDGET (window), name);
}

static DorsumChart *
earlier_chart (void)
{
  DorsumChart *chart = dorsum_chart_new ();
  DorsumMark buttock = { 450, 760, 30, 7, DORSUM_QUALITY_SHARP, NULL, NULL };
  DorsumMark hip = { 300, 700, 30, 6, DORSUM_QUALITY_ACHING, NULL, NULL };

  dorsum_chart_add_mark (chart, &buttock);
  dorsum_chart_add_mark (chart, &hip);
  dorsum_chart_set_date (chart, "2026-11-04");

  return chart;
}

/* The saved chart and the comparison in a phone-sized window, for DORSUM_SHOT_DIR. */
static void
shoot_narrow (GFile       *file,
              DorsumChart *earlier)
{
  DorsumWindow *window = test_new_window (app, 360, 720);
  DorsumChartPage *page;
  GtkWidget *editor;

  dorsum_window_show_entry (window, "gluteus-medius");
  g_assert_true (dorsum_window_open_chart (window, file, NULL));
  settle ();
  if (!dorsum_diagram_view_get_chart_mode (dorsum_window_get_diagram_view (window)))
    gtk_widget_activate_action (GTK_WIDGET (window), "diagram.chart-mode", NULL);
  for (guint i = 0; i < 20; i++)
    {
      g_usleep (20000);
      settle ();
    }
  page = DORSUM_CHART_PAGE (find_widget (GTK_WIDGET (window), is_type, GSIZE_TO_POINTER (DORSUM_TYPE_CHART_PAGE)));
  dorsum_chart_page_set_compare_chart (page, earlier, "first-session.dorsum-chart");
  editor = find_widget (GTK_WIDGET (page), is_type, GSIZE_TO_POINTER (DORSUM_TYPE_PLAN_EDITOR));
  shoot (window, NULL, "plan-narrow-top");
  shoot (window, editor, "plan-narrow-muscles");
  shoot (window, find_widget (editor, is_action_row_titled, "Ball release for the buttock"), "plan-narrow-items");
  shoot (window, find_widget (GTK_WIDGET (page), is_action_row_titled, "Right gluteus maximus (back): 7 → 5"), "plan-narrow-compare");
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

static void
test_plan_journey (void)
{
  DorsumWindow *window = test_new_window (app, 1280, 800);
  DorsumDiagramView *view = dorsum_window_get_diagram_view (window);
  DorsumChartPage *chart_page;
  GtkWidget *editor, *suggested, *note, *summary;
  g_autofree char *removed = NULL;
  g_autofree char *removed_button = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "today.dorsum-chart", NULL);
  g_autofree char *earlier_path = g_build_filename (tmp_dir, "first-session.dorsum-chart", NULL);
  g_autofree char *pdf = g_build_filename (tmp_dir, "handout.pdf", NULL);
  g_autofree char *order = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) earlier_file = g_file_new_for_path (earlier_path);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(DorsumChart) earlier = earlier_chart ();
  const char * const *plan;
  double x, y;

  g_assert_true (dorsum_chart_save (earlier, earlier_file, NULL));
  journey_window = window;

  /* Ctrl+E, and where it hurts: the right buttock and the left hip. */
  gtk_widget_activate_action (GTK_WIDGET (window), "diagram.chart-mode", NULL);
  settle ();
  chart_page = DORSUM_CHART_PAGE (find_widget (GTK_WIDGET (window), is_type, GSIZE_TO_POINTER (DORSUM_TYPE_CHART_PAGE)));
  g_assert_nonnull (chart_page);
  editor = find_widget (GTK_WIDGET (chart_page), is_type, GSIZE_TO_POINTER (DORSUM_TYPE_PLAN_EDITOR));
  g_assert_nonnull (editor);

  /* An empty plan says what the handout will be. */
  note = find_widget (editor, is_label_with, "The handout will show the chart only");
  g_assert_nonnull (note);
  g_assert_true (gtk_widget_get_mapped (note));

  dorsum_diagram_view_diagram_to_widget (view, 450, 760, &x, &y);
  dorsum_diagram_view_chart_click (view, x, y);
  dorsum_diagram_view_diagram_to_widget (view, 300, 700, &x, &y);
  dorsum_diagram_view_chart_click (view, x, y);
  settle ();
  g_assert_cmpuint (dorsum_chart_get_n_marks (dorsum_window_get_chart (window)), ==, 2);

  /* The likely muscles are there already, suggested by the marks, and not yet in the file. */
  g_assert_true (wait_for (has_suggested_muscle, editor, 5));
  suggested = find_widget (editor, is_row_subtitled, "Suggested by the marks");
  removed = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (suggested)));
  g_assert_null (dorsum_chart_get_plan (dorsum_window_get_chart (window))[0]);
  shoot (window, editor, "plan-prefilled");

  /* Not that one: removed, the others kept as the therapist saw them. */
  removed_button = g_strdup_printf ("Remove %s from the plan", removed);
  click_named (editor, removed_button);
  plan = dorsum_chart_get_plan (dorsum_window_get_chart (window));
  g_assert_nonnull (plan[0]);
  g_assert_null (find_widget (editor, is_action_row_titled, removed));
  g_assert_null (find_widget (editor, is_row_subtitled, "Suggested by the marks"));
  g_assert_true (dorsum_chart_get_modified (dorsum_window_get_chart (window)));

  /* Two stretches and a self-care routine from the search. */
  search_and_add (editor, "figure", "Add Figure-four stretch to the plan");
  search_and_add (editor, "cross-leg", "Add Cross-leg glute stretch to the plan");
  /* The third from the keyboard: Enter adds the first result. */
  {
    GtkWidget *entry = find_widget (editor, is_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY));

    gtk_editable_set_text (GTK_EDITABLE (entry), "ball release for the b");
    g_signal_emit_by_name (entry, "activate");
    settle ();
    g_assert_true (plan_ends_with ("figure-four-stretch,cross-leg-glute-stretch,ball-glute-release"));
    g_assert_true (gtk_widget_has_focus (entry) || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));
    gtk_editable_set_text (GTK_EDITABLE (entry), "ball release");
  }
  g_assert_false (gtk_widget_get_mapped (note));

  /* The self-care first: up twice; the second Up has nowhere to go. */
  click_named (editor, "Move Ball release for the buttock up");
  click_named (editor, "Move Ball release for the buttock up");
  g_assert_false (gtk_widget_get_sensitive (find_widget (editor, is_button_named, "Move Ball release for the buttock up")));
  /* And undo takes back one step at a time. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  settle ();
  g_assert_true (gtk_widget_get_sensitive (find_widget (editor, is_button_named, "Move Ball release for the buttock up")));
  click_named (editor, "Move Ball release for the buttock up");
  shoot (window, find_widget (editor, is_action_row_titled, "Ball release for the buttock"), "plan-chosen");

  /* From the keyboard: Move down on the last-but-one, and the focus stays with that entry
   * (on its Up button, since Down is now off) for the next key press. */
  {
    GtkWidget *down = find_widget (editor, is_button_named, "Move Figure-four stretch down");
    GtkWidget *focus;

    gtk_widget_grab_focus (down);
    g_assert_true (gtk_widget_has_focus (down));
    gtk_widget_activate (down);
    g_assert_true (wait_for (plan_ends_with, "ball-glute-release,cross-leg-glute-stretch,figure-four-stretch", 5));
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_nonnull (focus);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (focus), ==, "Move Figure-four stretch up");
    gtk_widget_activate (focus);
    g_assert_true (wait_for (plan_ends_with, "ball-glute-release,figure-four-stretch,cross-leg-glute-stretch", 5));
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (focus), ==, "Move Figure-four stretch up");
  }

  /* Removing from the keyboard leaves the focus on the row now in its place; undo brings
   * the entry back. */
  {
    GtkWidget *remove = find_widget (editor, is_button_named, "Remove Figure-four stretch from the plan");
    GtkWidget *focus;

    gtk_widget_grab_focus (remove);
    gtk_widget_activate (remove);
    g_assert_true (wait_for (plan_ends_with, "ball-glute-release,cross-leg-glute-stretch", 5));
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_nonnull (focus);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (focus), ==, "Remove Cross-leg glute stretch from the plan");
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    settle ();
    g_assert_true (plan_ends_with ("ball-glute-release,figure-four-stretch,cross-leg-glute-stretch"));
  }

  /* Dragged onto the first row, the last goes first; undo puts it back. */
  drop_on_row (find_widget (editor, is_action_row_titled, "Ball release for the buttock"), "cross-leg-glute-stretch");
  g_assert_true (plan_ends_with ("cross-leg-glute-stretch,ball-glute-release,figure-four-stretch"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  settle ();
  g_assert_true (plan_ends_with ("ball-glute-release,figure-four-stretch,cross-leg-glute-stretch"));

  /* Saved: the file holds the plan in that order, after the muscles. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-save", NULL);
  answer_file_chooser (file);
  g_assert_true (wait_for (file_exists, path, 5));
  order = plan_on_disk (path);
  g_assert_true (g_str_has_suffix (order, ",ball-glute-release,figure-four-stretch,cross-leg-glute-stretch"));
  {
    g_autoptr(DorsumChart) saved = dorsum_chart_new_from_file (file, NULL);

    g_assert_nonnull (saved);
    g_assert_true (dorsum_chart_equal (saved, dorsum_window_get_chart (window)));
  }

  /* Printing first shows what to check; Cancel prints nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.handout-print", NULL);
  {
    GtkWidget *dialog;

    g_assert_true (wait_for (message_dialog_shown, NULL, 5));
    dialog = dorsum_question_find ();
    g_assert_nonnull (find_widget (dialog, is_label_containing, "• Acute injury"));
    g_assert_nonnull (find_widget (dialog, is_label_containing, "Red flags — refer to a doctor first:\n• Saddle numbness"));
    g_assert_true (dorsum_question_has_response (dialog, "go"));
    g_assert_cmpstr (dorsum_question_get_response_label (dialog, "go"), ==, "_Print Anyway");
    shoot_toplevel (dialog, "plan-cautions-dialog");
  }
  answer_dialog ("Check Before", "cancel");
  g_assert_null (find_toplevel (GTK_TYPE_DIALOG));

  /* Exporting asks the same; going ahead asks where and writes it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.handout-export", NULL);
  answer_dialog ("Check Before", "go");
  answer_file_chooser (pdf_file);
  g_assert_true (wait_for (file_exists, pdf, 10));

  /* Compare with the first session's chart: faded on the figure, and what changed. */
  gtk_widget_activate_action (GTK_WIDGET (chart_page), "chart-page.compare", NULL);
  answer_file_chooser (earlier_file);
  g_assert_nonnull (dorsum_chart_page_get_compare_chart (chart_page));
  g_assert_true (dorsum_diagram_view_get_compare_chart (view) == dorsum_chart_page_get_compare_chart (chart_page));
  summary = find_widget (GTK_WIDGET (chart_page), is_action_row_titled, "Right gluteus maximus (back): 7 → 5");
  g_assert_nonnull (summary);
  g_assert_nonnull (find_widget (GTK_WIDGET (chart_page), is_action_row_titled, "Left gluteus medius (back): 6 → 5"));
  g_assert_nonnull (find_widget (GTK_WIDGET (chart_page), is_action_row_titled,
                                 "Overall: better — 2 eased"));
  shoot (window, summary, "plan-compare");
  if (g_getenv ("DORSUM_SHOT_DIR") != NULL)
    {
      AdwStyleManager *style = adw_style_manager_get_default ();
      GtkWidget *items = find_widget (editor, is_action_row_titled, "Ball release for the buttock");

      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
      shoot (window, items, "plan-chosen-dark");
      shoot (window, summary, "plan-compare-dark");
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
      shoot_narrow (file, earlier);
    }

  /* Stop comparing: both go. */
  click_named (GTK_WIDGET (chart_page), "Stop Comparing");
  g_assert_null (dorsum_chart_page_get_compare_chart (chart_page));
  g_assert_null (dorsum_diagram_view_get_compare_chart (view));
  g_assert_null (find_widget (GTK_WIDGET (chart_page), is_action_row_titled, "Right gluteus maximus (back): 7 → 5"));

  dorsum_chart_set_modified (dorsum_window_get_chart (window), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

int
main (int    argc,
      char **argv)
{
  int status;

  if (!test_have_display (argc, argv))
    return test_skip_no_display (argc, argv);

  /* Private state (the crash copy of the chart) before GLib reads where it is. */
  tmp_dir = test_make_tmp_dir ("dorsum-plan-XXXXXX");
  {
    g_autofree char *state = g_build_filename (tmp_dir, "state", NULL);

    g_setenv ("XDG_STATE_HOME", state, TRUE);
  }
  test_gui_init (&argc, &argv);
  adw_init ();

  app = dorsum_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/journey/plan-and-progress", test_plan_journey);

  status = g_test_run ();
  test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
