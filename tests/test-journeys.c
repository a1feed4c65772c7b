/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Journeys: what a student and a therapist do, step by step, in the real window — the
 * actions and shortcuts they press, clicks at figure coordinates, the dialogs they answer —
 * and what they then see and what lands on disk. Each journey is one test. */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>

#include "dorsum-application.h"
#include "dorsum-chart-page.h"
#include "dorsum-chart-session.h"
#include "dorsum-diagram-view.h"
#include "dorsum-entry-page.h"
#include "dorsum-study-page.h"
#include "dorsum-window-private.h"
#include "test-common.h"
#include "test-gui-common.h"

static DorsumApplication *app;
static char *tmp_dir;

/* ---- Driving the window ---- */

static DorsumWindow *
new_window (int width,
            int height)
{
  return test_new_window (app, width, height);
}

static gboolean
is_link_to (GtkWidget     *widget,
            gconstpointer  id)
{
  return ADW_IS_ACTION_ROW (widget) && g_strcmp0 (g_object_get_data (G_OBJECT (widget), "entry-id"), id) == 0;
}

static gboolean
is_entry_row_titled (GtkWidget     *widget,
                     gconstpointer  title)
{
  return ADW_IS_ENTRY_ROW (widget) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_ranked_muscle (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LIST_BOX_ROW (widget) && g_object_get_data (G_OBJECT (widget), "muscle-id") != NULL;
}

/* A real key press through the X server, so the window's own shortcut handling decides
 * what it does (as it did when the leaflet took every other Alt+←). */
static void
press_keys (DorsumWindow *window,
            const char   *keys)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong)gdk_x11_surface_get_xid (surface));
  g_autoptr(GError) error = NULL;
  int status = 0;
  g_auto(GStrv) each = g_strsplit (keys, " ", -1);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  for (const char *fixed[] = { "xdotool", "windowfocus", "--sync", xid, "key", "--delay", "40", "--clearmodifiers", NULL },
       **p = fixed; *p; p++)
    g_ptr_array_add (argv, (gpointer)*p);
  for (guint i = 0; each[i]; i++)
    g_ptr_array_add (argv, each[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* The events arrive through the X connection: let GTK read and handle them. */
  for (guint i = 0; i < 30; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  settle ();
}

/* A point well inside @region_id on the layer shown, in the view's widget coordinates. */
static void
point_in_region (DorsumDiagramView *view,
                 const char        *region_id,
                 double            *x,
                 double            *y)
{
  DorsumDiagram *diagram = dorsum_diagram_view_get_diagram (view);
  const DorsumRegion *region = dorsum_diagram_lookup (diagram, region_id);

  g_assert_nonnull (region);
  g_assert_true (dorsum_diagram_hit (diagram, region->centre.x, region->centre.y) == region);
  dorsum_diagram_view_diagram_to_widget (view, region->centre.x, region->centre.y, x, y);
}

static void
click_region (DorsumDiagramView *view,
              const char        *region_id)
{
  double x, y;

  point_in_region (view, region_id, &x, &y);
  g_assert_true (dorsum_diagram_view_click (view, x, y));
  settle ();
}

/* A click in chart mode at diagram coordinates: adds a mark there, or selects the one there. */
static int
chart_click_at (DorsumDiagramView *view,
                double             dx,
                double             dy)
{
  double x, y;
  int mark;

  dorsum_diagram_view_diagram_to_widget (view, dx, dy, &x, &y);
  mark = dorsum_diagram_view_chart_click (view, x, y);
  settle ();

  return mark;
}

static gboolean
window_gone (gconstpointer data)
{
  return *(GtkWidget * const *)data == NULL;
}

/* Closes the window as its close button does, and waits until it is gone. */
static void
close_window (DorsumWindow *window)
{
  GtkWidget *weak = GTK_WIDGET (window);

  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *)&weak);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (wait_for (window_gone, &weak, 5));
}

static GStrv
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    g_strv_builder_add (builder, name);

  return g_strv_builder_end (builder);
}

/* ---- The student ---- */

static const struct {
  DorsumLayer layer;
  const char *region;
  const char *muscle;
} student_clicks[] = {
  { DORSUM_LAYER_SUPERFICIAL, "latissimus-dorsi.left", "latissimus-dorsi" },
  { DORSUM_LAYER_MIDDLE, "levator-scapulae.right", "levator-scapulae" },
  { DORSUM_LAYER_DEEP, "quadratus-lumborum.left", "quadratus-lumborum" },
};

/* Click a muscle on each layer → its page → follow a technique link → back and forward with
 * Alt+← and Alt+→ → bookmark with Ctrl+D → a new window (a relaunch) still has it. */
static void
test_student (void)
{
  DorsumWindow *window = new_window (1280, 800);
  DorsumDiagramView *view = dorsum_window_get_diagram_view (window);
  DorsumEntryPage *page = DORSUM_ENTRY_PAGE (find_widget (GTK_WIDGET (window), is_type,
                                                          GSIZE_TO_POINTER (DORSUM_TYPE_ENTRY_PAGE)));
  GtkWidget *link;
  g_auto(GStrv) bookmarks = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *keyfile = NULL;
  g_autofree char *saved = NULL;

  g_assert_false (dorsum_window_get_folded (window));

  /* A first launch: the note on what Dorsum is sits over the page, not in front of it. */
  g_assert_true (dorsum_window_get_disclaimer_shown (window));
  g_assert_null (dorsum_question_find ());
  gtk_widget_activate_action (GTK_WIDGET (window), "win.dismiss-disclaimer", NULL);
  settle ();
  g_assert_false (dorsum_window_get_disclaimer_shown (window));

  for (guint i = 0; i < G_N_ELEMENTS (student_clicks); i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "diagram.layer", "u", student_clicks[i].layer);
      settle ();
      g_assert_cmpint (dorsum_diagram_view_get_layer (view), ==, student_clicks[i].layer);

      click_region (view, student_clicks[i].region);
      g_assert_cmpstr (dorsum_window_get_shown_id (window), ==, student_clicks[i].muscle);
      g_assert_cmpstr (dorsum_diagram_view_get_selected (view), ==, student_clicks[i].muscle);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
    }

  /* The page's link to a technique used on the muscle. */
  link = find_widget (GTK_WIDGET (page), is_link_to, "trigger-point-therapy");
  g_assert_nonnull (link);
  adw_action_row_activate (ADW_ACTION_ROW (link));
  settle ();
  g_assert_cmpstr (dorsum_window_get_shown_id (window), ==, "trigger-point-therapy");

  /* Back and forward from the keyboard, twice each way: no press may be swallowed. */
  press_keys (window, "alt+Left");
  g_assert_cmpstr (dorsum_window_get_shown_id (window), ==, "quadratus-lumborum");
  press_keys (window, "alt+Left");
  g_assert_cmpstr (dorsum_window_get_shown_id (window), ==, "levator-scapulae");
  press_keys (window, "alt+Right");
  g_assert_cmpstr (dorsum_window_get_shown_id (window), ==, "quadratus-lumborum");
  press_keys (window, "alt+Right");
  g_assert_cmpstr (dorsum_window_get_shown_id (window), ==, "trigger-point-therapy");
  press_keys (window, "alt+Left");
  g_assert_cmpstr (dorsum_window_get_shown_id (window), ==, "quadratus-lumborum");

  press_keys (window, "ctrl+d");

  /* A muscle of the front: the figure turns to show it, and it can be clicked there. */
  g_assert_true (dorsum_window_show_entry (window, "psoas-major"));
  settle ();
  g_assert_cmpstr (dorsum_diagram_view_get_figure (view), ==, "anterior");
  g_assert_cmpint (dorsum_diagram_view_get_layer (view), ==, DORSUM_LAYER_DEEP);
  g_assert_true (dorsum_window_show_entry (window, "latissimus-dorsi"));
  settle ();
  g_assert_cmpstr (dorsum_diagram_view_get_figure (view), ==, "posterior");
  press_keys (window, "ctrl+b");
  g_assert_cmpstr (dorsum_diagram_view_get_figure (view), ==, "anterior");
  gtk_widget_activate_action (GTK_WIDGET (window), "diagram.layer", "u", DORSUM_LAYER_DEEP);
  settle ();
  click_region (view, "psoas-major.right");
  g_assert_cmpstr (dorsum_window_get_shown_id (window), ==, "psoas-major");
  press_keys (window, "ctrl+b");
  g_assert_cmpstr (dorsum_diagram_view_get_figure (view), ==, "posterior");
  g_assert_true (dorsum_window_show_entry (window, "quadratus-lumborum"));
  settle ();
  close_window (window);

  /* Settings live in a key file here, as on a desktop without dconf: on disk, not in memory. */
  keyfile = g_build_filename (tmp_dir, "config", "glib-2.0", "settings", "keyfile", NULL);
  g_assert_true (g_file_get_contents (keyfile, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "quadratus-lumborum"));
  g_assert_nonnull (strstr (saved, "disclaimer-shown=true"));

  window = new_window (1280, 800);
  settings = g_settings_new (APP_ID);
  bookmarks = g_settings_get_strv (settings, "bookmarks");
  g_assert_true (g_strv_contains ((const char * const *)bookmarks, "quadratus-lumborum"));
  /* And the relaunched window opens on the page last shown, without the note read before. */
  g_assert_cmpstr (dorsum_window_get_shown_id (window), ==, "quadratus-lumborum");
  g_assert_false (dorsum_window_get_disclaimer_shown (window));
  close_window (window);
}

/* ---- The therapist ---- */

static gboolean
has_ranked_muscle (gconstpointer page)
{
  return find_widget ((GtkWidget *)page, is_ranked_muscle, NULL) != NULL;
}

static gboolean
file_exists (gconstpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Open a muscle page → chart mode → three marks, one with a note → drag the noted mark →
 * open the top-ranked muscle from the panel → leave chart mode → save (choosing the file) →
 * New asks (Cancel keeps the chart; Discard clears it) → open the saved file: the same
 * marks and note → Ctrl+Q with an unsaved change asks → after a kill the crash copy is
 * offered and restores every mark. */
static void
test_therapist (void)
{
  DorsumWindow *window = new_window (1280, 800);
  DorsumDiagramView *view = dorsum_window_get_diagram_view (window);
  DorsumChartSession *session = dorsum_window_get_chart_session (window);
  DorsumChartPage *chart_page;
  GtkWidget *note_row, *top;
  g_autofree char *charts = g_build_filename (tmp_dir, "charts", NULL);
  g_autofree char *path = g_build_filename (charts, "client.dorsum-chart", NULL);
  g_autofree char *autosave = dorsum_chart_get_autosave_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DorsumChart) saved = NULL;
  g_autoptr(DorsumChart) before_kill = NULL;
  g_auto(GStrv) names = NULL;
  const char *note = "Worse after sitting; “sharp” on the left & <right>";
  const char *top_id;
  int noted;
  double x, y;
  struct stat st;

  g_assert_cmpint (g_mkdir_with_parents (charts, 0700), ==, 0);

  dorsum_window_show_entry (window, "gluteus-medius");
  settle ();

  /* Ctrl+E */
  gtk_widget_activate_action (GTK_WIDGET (window), "diagram.chart-mode", NULL);
  settle ();
  g_assert_true (dorsum_diagram_view_get_chart_mode (view));
  chart_page = DORSUM_CHART_PAGE (find_widget (GTK_WIDGET (window), is_type, GSIZE_TO_POINTER (DORSUM_TYPE_CHART_PAGE)));
  g_assert_nonnull (chart_page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (chart_page)));

  /* Low back left, buttock right, between the shoulder blades. */
  g_assert_cmpint (chart_click_at (view, 360, 640), ==, 0);
  noted = chart_click_at (view, 450, 760);
  g_assert_cmpint (noted, ==, 1);
  g_assert_cmpint (chart_click_at (view, 400, 380), ==, 2);
  g_assert_cmpuint (dorsum_chart_get_n_marks (dorsum_window_get_chart (window)), ==, 3);

  /* Select the buttock mark and write its note in the panel. */
  g_assert_cmpint (chart_click_at (view, 450, 760), ==, noted);
  note_row = find_widget (GTK_WIDGET (chart_page), is_entry_row_titled, "Note");
  g_assert_nonnull (note_row);
  /* A note past the limit stops at it, and the panel says so (the file would refuse more). */
  {
    g_autofree char *long_note = g_strnfill (DORSUM_CHART_MAX_NOTE_CHARS + 50, 'x');
    GtkWidget *group = gtk_widget_get_ancestor (note_row, ADW_TYPE_PREFERENCES_GROUP);

    gtk_editable_set_text (GTK_EDITABLE (note_row), long_note);
    g_assert_cmpint (g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (note_row)), -1), ==, DORSUM_CHART_MAX_NOTE_CHARS);
    g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), "2000"));
  }
  gtk_editable_set_text (GTK_EDITABLE (note_row), note);
  g_signal_emit_by_name (note_row, "apply");
  settle ();
  g_assert_cmpstr (dorsum_chart_get_mark (dorsum_window_get_chart (window), (guint)noted)->note, ==, note);

  /* Drag it down and in a little. */
  dorsum_diagram_view_diagram_to_widget (view, 450, 760, &x, &y);
  dorsum_diagram_view_drag (view, x, y, -20, 30);
  settle ();
  {
    const DorsumMark *moved = dorsum_chart_get_mark (dorsum_window_get_chart (window), (guint)noted);

    g_assert_cmpfloat (moved->x, <, 449);
    g_assert_cmpfloat (moved->y, >, 761);
    g_assert_cmpstr (moved->note, ==, note);
  }

  /* The panel ranks the likely muscles; open the first. */
  g_assert_true (wait_for (has_ranked_muscle, chart_page, 5));
  top = find_widget (GTK_WIDGET (chart_page), is_ranked_muscle, NULL);
  top_id = g_object_get_data (G_OBJECT (top), "muscle-id");
  g_assert_nonnull (top_id);
  {
    g_autofree char *id = g_strdup (top_id);

    gtk_widget_activate (top);
    settle ();
    g_assert_cmpstr (dorsum_window_get_shown_id (window), ==, id);
    g_assert_false (dorsum_diagram_view_get_chart_mode (view));
    g_assert_true (dorsum_diagram_view_get_trigger_points (view));

    /* Into chart mode and out again with the page open: the page stays. */
    gtk_widget_activate_action (GTK_WIDGET (window), "diagram.chart-mode", NULL);
    settle ();
    gtk_widget_activate_action (GTK_WIDGET (window), "diagram.chart-mode", NULL);
    settle ();
    g_assert_cmpstr (dorsum_window_get_shown_id (window), ==, id);
  }

  /* Ctrl+S on a new chart asks where; the file is the chart, private, alone. */
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "unsaved"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-save", NULL);
  answer_file_chooser (file);
  g_assert_true (wait_for (file_exists, path, 5));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  names = list_dir (charts);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (window)), "unsaved"));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "client.dorsum-chart"));
  saved = dorsum_chart_new_from_file (file, NULL);
  g_assert_nonnull (saved);
  g_assert_true (dorsum_chart_equal (saved, dorsum_window_get_chart (window)));

  /* One more mark, then New: it asks, naming the chart. Cancel keeps everything. */
  gtk_widget_activate_action (GTK_WIDGET (window), "diagram.chart-mode", NULL);
  settle ();
  chart_click_at (view, 300, 500);
  g_assert_cmpuint (dorsum_chart_get_n_marks (dorsum_window_get_chart (window)), ==, 4);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-new", NULL);
  answer_dialog ("client.dorsum-chart", "cancel");
  g_assert_cmpuint (dorsum_chart_get_n_marks (dorsum_window_get_chart (window)), ==, 4);
  g_assert_true (dorsum_chart_session_get_unsaved (session));

  /* New again, Discard: an empty chart, and the saved file untouched. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-new", NULL);
  answer_dialog ("client.dorsum-chart", "discard");
  g_assert_cmpuint (dorsum_chart_get_n_marks (dorsum_window_get_chart (window)), ==, 0);
  g_assert_null (dorsum_chart_session_get_file (session));
  g_assert_false (g_file_test (autosave, G_FILE_TEST_EXISTS));

  /* Ctrl+O: nothing unsaved, so straight to the chooser; the chart comes back whole. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-open", NULL);
  answer_file_chooser (file);
  g_assert_cmpuint (dorsum_chart_get_n_marks (dorsum_window_get_chart (window)), ==, 3);
  g_assert_true (dorsum_chart_equal (saved, dorsum_window_get_chart (window)));
  g_assert_cmpstr (dorsum_chart_get_mark (dorsum_window_get_chart (window), (guint)noted)->note, ==, note);
  g_assert_true (dorsum_diagram_view_get_chart_mode (view));

  /* An unsaved change, then Ctrl+Q: it asks and the window stays until answered. */
  chart_click_at (view, 420, 900);
  gtk_widget_activate_action (GTK_WIDGET (window), "app.quit", NULL);
  answer_dialog ("client.dorsum-chart", "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpuint (dorsum_chart_get_n_marks (dorsum_window_get_chart (window)), ==, 4);

  /* The crash copy is written within seconds of the change; then the app is killed. */
  g_assert_true (wait_for (file_exists, autosave, 10));
  before_kill = g_object_ref (dorsum_window_get_chart (window));
  {
    GtkWidget *weak = GTK_WIDGET (window);

    g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *)&weak);
    /* As a kill leaves it: no question, no clean-up of the crash copy. */
    gtk_window_destroy (GTK_WINDOW (window));
    g_assert_true (wait_for (window_gone, &weak, 5));
  }
  g_assert_true (g_file_test (autosave, G_FILE_TEST_EXISTS));

  /* The next start offers it back, and every mark returns. */
  window = new_window (1280, 800);
  answer_dialog ("Unsaved Pain Chart", "restore");
  g_assert_true (dorsum_chart_equal (before_kill, dorsum_window_get_chart (window)));
  g_assert_true (dorsum_chart_session_get_unsaved (dorsum_window_get_chart_session (window)));
  g_assert_nonnull (dorsum_chart_session_get_file (dorsum_window_get_chart_session (window)));

  /* Closing now asks too; Discard closes and drops the crash copy. */
  {
    GtkWidget *weak = GTK_WIDGET (window);

    g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *)&weak);
    gtk_window_close (GTK_WINDOW (window));
    answer_dialog ("client.dorsum-chart", "discard");
    g_assert_true (wait_for (window_gone, &weak, 5));
  }
  g_assert_false (g_file_test (autosave, G_FILE_TEST_EXISTS));
  g_strfreev (names);
  names = list_dir (charts);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
}

/* The chart from the keyboard alone: Ctrl+E, marks added where the focus is, chosen, moved,
 * resized, graded and noted with keys, saved with Ctrl+S. */
static void
test_keyboard_chart (void)
{
  DorsumWindow *window = new_window (1280, 800);
  DorsumDiagramView *view = dorsum_window_get_diagram_view (window);
  g_autofree char *path = g_build_filename (tmp_dir, "keyboard.dorsum-chart", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DorsumChart) saved = NULL;
  DorsumChart *chart;
  const DorsumMark *mark;
  double x_before;

  press_keys (window, "ctrl+e");
  g_assert_true (dorsum_diagram_view_get_chart_mode (view));
  /* Tab reaches the figure; here it is given the focus directly. */
  gtk_widget_grab_focus (GTK_WIDGET (view));
  settle ();
  chart = dorsum_window_get_chart (window);

  press_keys (window, "a");
  g_assert_cmpuint (dorsum_chart_get_n_marks (chart), ==, 1);
  press_keys (window, "Escape Right a");
  press_keys (window, "Escape Down Down a");
  g_assert_cmpuint (dorsum_chart_get_n_marks (chart), ==, 3);
  g_assert_cmpint (dorsum_diagram_view_get_selected_mark (view), ==, 2);

  /* The third: intensity 7, the next quality, larger, moved right by a big step. */
  x_before = dorsum_chart_get_mark (chart, 2)->x;
  press_keys (window, "7 q bracketright shift+Right");
  mark = dorsum_chart_get_mark (chart, 2);
  g_assert_cmpint (mark->intensity, ==, 7);
  g_assert_cmpint (mark->quality, ==, DORSUM_QUALITY_SHARP);
  g_assert_cmpfloat (mark->radius, >, 18);
  g_assert_cmpfloat (mark->x, >, x_before + 20);

  /* Next wraps to the first: ten, and a note typed after F2. */
  press_keys (window, "n 1 0");
  g_assert_cmpint (dorsum_diagram_view_get_selected_mark (view), ==, 0);
  g_assert_cmpint (dorsum_chart_get_mark (chart, 0)->intensity, ==, 10);
  press_keys (window, "F2");
  {
    const char *argv[] = { "xdotool", "type", "--delay", "20", "stiff mornings", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL));
  }
  press_keys (window, "Return");
  g_assert_cmpstr (dorsum_chart_get_mark (chart, 0)->note, ==, "stiff mornings");

  press_keys (window, "ctrl+s");
  answer_file_chooser (file);
  g_assert_true (wait_for (file_exists, path, 5));
  saved = dorsum_chart_new_from_file (file, NULL);
  g_assert_nonnull (saved);
  g_assert_true (dorsum_chart_equal (saved, chart));
  g_assert_cmpuint (dorsum_chart_get_n_marks (saved), ==, 3);
  g_assert_cmpstr (dorsum_chart_get_mark (saved, 0)->note, ==, "stiff mornings");

  close_window (window);
}

static gboolean
folded (gconstpointer window)
{
  return dorsum_window_get_folded ((DorsumWindow *)window);
}

static gboolean
is_other_view (GtkWidget     *widget,
               gconstpointer  main_view)
{
  return DORSUM_IS_DIAGRAM_VIEW (widget) && widget != main_view;
}

/* The ranked muscles the chart page shows, in order, as ids. */
static GStrv
ranked_ids (DorsumChartPage *page)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GtkWidget *row = find_widget (GTK_WIDGET (page), is_ranked_muscle, NULL);

  for (; row != NULL; row = gtk_widget_get_next_sibling (row))
    if (is_ranked_muscle (row, NULL))
      g_strv_builder_add (builder, g_object_get_data (G_OBJECT (row), "muscle-id"));

  return g_strv_builder_end (builder);
}

static gboolean
in_first (GStrv        ids,
          const char  *id,
          guint        n)
{
  for (guint i = 0; ids[i] && i < n; i++)
    if (g_str_equal (ids[i], id))
      return TRUE;

  return FALSE;
}

/* The therapist's two-sided chart: groin pain on the front and low-back pain on the back of
 * one chart, both figures side by side; psoas, iliacus and quadratus lumborum ranked; the
 * file records each mark's figure; a narrow window switches figures instead; a muscle from
 * the lookup shows its zones on both figures. */
static void
test_two_sided_chart (void)
{
  DorsumWindow *window = new_window (1280, 800);
  DorsumDiagramView *view = dorsum_window_get_diagram_view (window);
  DorsumDiagramView *other;
  DorsumChartPage *chart_page;
  DorsumChart *chart;
  g_autofree char *path = g_build_filename (tmp_dir, "two-sided.dorsum-chart", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_auto(GStrv) ranked = NULL;
  double x, y;

  press_keys (window, "ctrl+e");
  g_assert_true (dorsum_diagram_view_get_chart_mode (view));
  other = DORSUM_DIAGRAM_VIEW (find_widget (GTK_WIDGET (window), is_other_view, view));
  g_assert_nonnull (other);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (other)));
  g_assert_cmpstr (dorsum_diagram_view_get_figure (view), ==, "posterior");
  g_assert_cmpstr (dorsum_diagram_view_get_figure (other), ==, "anterior");
  /* Front on the left, back on the right, as on a paper chart. */
  {
    graphene_point_t a, b;

    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (other), GTK_WIDGET (window), &GRAPHENE_POINT_INIT (0, 0), &a));
    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (window), &GRAPHENE_POINT_INIT (0, 0), &b));
    g_assert_cmpfloat (a.x, <, b.x);
  }
  chart = dorsum_window_get_chart (window);

  /* Low back on the back, the groin on the front. */
  g_assert_cmpint (chart_click_at (view, 445, 745), ==, 0);
  g_assert_cmpint (chart_click_at (view, 470, 690), ==, 1);
  g_assert_cmpint (chart_click_at (other, 320, 870), ==, 2);
  g_assert_cmpstr (dorsum_mark_get_figure (dorsum_chart_get_mark (chart, 0)), ==, "posterior");
  g_assert_cmpstr (dorsum_mark_get_figure (dorsum_chart_get_mark (chart, 2)), ==, "anterior");
  /* One selection over both figures. */
  g_assert_cmpint (dorsum_diagram_view_get_selected_mark (view), ==, 2);
  /* The front at the place of a back mark is a new mark, not that one. */
  g_assert_cmpint (chart_click_at (other, 445, 745), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  settle ();
  g_assert_cmpuint (dorsum_chart_get_n_marks (chart), ==, 3);
  /* A drag on the front moves the front mark. */
  dorsum_diagram_view_diagram_to_widget (other, 320, 870, &x, &y);
  dorsum_diagram_view_drag (other, x, y, 20, 20);
  settle ();
  g_assert_cmpfloat (dorsum_chart_get_mark (chart, 2)->x, >, 320.5);
  g_assert_cmpfloat (dorsum_chart_get_mark (chart, 0)->x, ==, 445);

  chart_page = DORSUM_CHART_PAGE (find_widget (GTK_WIDGET (window), is_type, GSIZE_TO_POINTER (DORSUM_TYPE_CHART_PAGE)));
  g_assert_true (wait_for (has_ranked_muscle, chart_page, 5));
  ranked = ranked_ids (chart_page);
  g_assert_true (in_first (ranked, "psoas-major", 3));
  g_assert_true (in_first (ranked, "iliacus", 3));
  g_assert_true (in_first (ranked, "quadratus-lumborum", 5));

  press_keys (window, "ctrl+s");
  answer_file_chooser (file);
  g_assert_true (wait_for (file_exists, path, 5));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "version=\"2\""));
  g_assert_nonnull (strstr (contents, "<mark figure=\"anterior\""));
  g_assert_nonnull (strstr (contents, "<mark figure=\"posterior\""));

  /* A muscle from the lookup: its zones on both figures, the page open. */
  {
    GtkWidget *row = find_widget (GTK_WIDGET (chart_page), is_ranked_muscle, NULL);

    while (row && g_strcmp0 (g_object_get_data (G_OBJECT (row), "muscle-id"), "quadratus-lumborum") != 0)
      row = gtk_widget_get_next_sibling (row);
    g_assert_nonnull (row);
    gtk_widget_activate (row);
    settle ();
    g_assert_cmpstr (dorsum_window_get_shown_id (window), ==, "quadratus-lumborum");
    g_assert_true (dorsum_diagram_view_get_trigger_points (view));
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (other)));
    g_assert_true (dorsum_diagram_view_get_trigger_points (other));
    g_assert_true (g_strv_contains (dorsum_diagram_view_get_highlight (other), "quadratus-lumborum"));
  }

  /* Narrow: one figure at a time, the Back/Front switch. */
  press_keys (window, "ctrl+e");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  g_assert_true (wait_for (folded, window, 5));
  settle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (other)));
  gtk_widget_activate_action (GTK_WIDGET (window), "diagram.other-figure", NULL);
  settle ();
  g_assert_true (dorsum_diagram_view_get_chart_mode (view));
  g_assert_cmpstr (dorsum_diagram_view_get_figure (view), ==, "anterior");

  close_window (window);
}

/* A crash copy that cannot be read is set aside (never deleted) and the window says where;
 * a content pack with a problem is skipped and the window says which. */
static void
test_problems_in_window (void)
{
  g_autofree char *autosave = dorsum_chart_get_autosave_path ();
  g_autofree char *dir = g_path_get_dirname (autosave);
  g_auto(GStrv) names = NULL;
  DorsumWindow *window;
  gboolean set_aside = FALSE;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (autosave, "<chart", -1, NULL));

  window = new_window (1280, 800);
  g_assert_nonnull (dorsum_window_get_last_report (window));
  g_assert_nonnull (strstr (dorsum_window_get_last_report (window), "set aside"));
  g_assert_nonnull (strstr (dorsum_window_get_last_report (window), "unsaved-chart.xml"));
  g_assert_false (g_file_test (autosave, G_FILE_TEST_EXISTS));
  names = list_dir (dir);
  for (guint i = 0; names[i]; i++)
    if (g_str_has_prefix (names[i], "unsaved-chart.xml.unreadable-"))
      set_aside = TRUE;
  g_assert_true (set_aside);
  close_window (window);

  /* The broken pack installed in main(): each new window says it was skipped, by name. */
  window = new_window (1280, 800);
  g_assert_nonnull (dorsum_window_get_last_report (window));
  g_assert_nonnull (strstr (dorsum_window_get_last_report (window), "broken-pack"));
  close_window (window);
}

static gboolean
is_label_starting (GtkWidget     *widget,
                   gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

static gboolean
study_ready (gconstpointer page)
{
  return dorsum_study_page_get_store ((DorsumStudyPage *)page) != NULL;
}

/* The shown button that @test accepts, clicked as a pointer does (a click's "clicked";
 * gtk_widget_activate() would press it as Space does and release it 250 ms later). */
static void
click_button (GtkWidget  *page,
              WidgetTest  test,
              gconstpointer data)
{
  GtkWidget *button = find_widget (page, test, data);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  settle ();
}

/* @choice: counted from 1, as the page stores it */
static gboolean
is_choice_button (GtkWidget     *widget,
                  gconstpointer  choice)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_object_get_data (G_OBJECT (widget), "choice") == choice;
}

static gboolean
is_grade_button (GtkWidget     *widget,
                 gconstpointer  grade)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_object_get_data (G_OBJECT (widget), "grade") == grade;
}

/* The student studies: the Study page, a ten-question session (find-it answered by clicking
 * the figure), one answer wrong on purpose, grades, the score, and the answers on disk after
 * a relaunch. */
static void
test_study (void)
{
  DorsumWindow *window = new_window (1280, 800);
  DorsumDiagramView *view = dorsum_window_get_diagram_view (window);
  DorsumStudyPage *page;
  DorsumStudyStats stats;
  guint asked = 0, types_seen = 0;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.study", NULL);
  settle ();
  page = DORSUM_STUDY_PAGE (find_widget (GTK_WIDGET (window), is_type, GSIZE_TO_POINTER (DORSUM_TYPE_STUDY_PAGE)));
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpstr (dorsum_study_page_get_state (page), ==, "home");

  dorsum_study_page_set_seed (page, 7);
  /* Start, as the student presses it, once the page has built its questions. */
  g_assert_true (wait_for (study_ready, page, 30));
  click_button (GTK_WIDGET (page), is_shown_button_labelled, "_Start");

  for (guint i = 0; i < 10; i++)
    {
      const DorsumQuestion *question = dorsum_study_page_get_question (page);
      gboolean wrong = i == 0;

      g_assert_cmpstr (dorsum_study_page_get_state (page), ==, "question");
      g_assert_nonnull (question);
      types_seen |= 1u << question->type;

      if (question->type == DORSUM_QUESTION_FIND)
        {
          DorsumDiagram *diagram = dorsum_diagram_view_get_diagram (view);
          const char *target = NULL;

          for (guint r = 0; r < dorsum_diagram_get_n_regions (diagram) && target == NULL; r++)
            {
              const char *id = dorsum_diagram_get_region (diagram, r)->id;

              if (dorsum_question_check_region (question, id) != wrong)
                target = id;
            }
          g_assert_nonnull (target);
          /* A click on the figure, as the student makes it: the page takes it, no page opens. */
          click_region (view, target);
          g_assert_null (dorsum_study_page_get_question (page));
        }
      else
        click_button (GTK_WIDGET (page), is_choice_button,
                      GUINT_TO_POINTER ((wrong ? (question->answer + 1) % 4 : question->answer) + 1));

      /* Wrong: Next (recorded as not known); right: the student grades it Good. */
      if (wrong)
        click_button (GTK_WIDGET (page), is_shown_button_labelled, "_Next");
      else
        click_button (GTK_WIDGET (page), is_grade_button, GINT_TO_POINTER (DORSUM_GRADE_GOOD));
    }

  g_assert_cmpstr (dorsum_study_page_get_state (page), ==, "summary");
  g_assert_cmpuint (dorsum_study_page_get_score (page, &asked), ==, 9);
  g_assert_cmpuint (asked, ==, 10);
  /* More than one kind of question in a session of the whole library. */
  g_assert_cmpuint (g_bit_nth_lsf (types_seen, -1), !=, g_bit_nth_msf (types_seen, -1));
  g_assert_true (dorsum_study_store_get_stats (dorsum_study_page_get_store (page), NULL, g_get_real_time () / G_USEC_PER_SEC,
                                               &stats, NULL));
  g_assert_cmpuint (stats.reviews, ==, 10);

  /* A muscle just studied: its page says how the student does on it. */
  {
    g_autoptr(GHashTable) mastery = dorsum_study_store_get_mastery (dorsum_study_page_get_store (page),
                                                                    g_get_real_time () / G_USEC_PER_SEC, NULL);
    DorsumLibrary *library = dorsum_application_get_library (app);
    GHashTableIter iter;
    gpointer key;
    const char *studied = NULL;

    g_hash_table_iter_init (&iter, mastery);
    while (studied == NULL && g_hash_table_iter_next (&iter, &key, NULL))
      if (dorsum_library_lookup (library, key) != NULL &&
          dorsum_entry_get_kind (dorsum_library_lookup (library, key)) == DORSUM_KIND_MUSCLE)
        studied = key;
    g_assert_nonnull (studied);
    dorsum_window_show_entry (window, studied);
    settle ();
    g_assert_nonnull (find_widget (GTK_WIDGET (window), is_label_starting, "Your study: "));
  }
  close_window (window);

  /* Closed and opened again: the answers are there (once the page has opened its file, in
   * a thread). */
  window = new_window (1280, 800);
  page = dorsum_window_show_study (window);
  g_assert_true (wait_for (study_ready, page, 30));
  g_assert_true (dorsum_study_store_get_stats (dorsum_study_page_get_store (page), NULL, g_get_real_time () / G_USEC_PER_SEC,
                                               &stats, NULL));
  g_assert_cmpuint (stats.reviews, ==, 10);
  g_assert_cmpuint (stats.cards, ==, 10);
  close_window (window);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *config = NULL;
  g_autofree char *state = NULL;
  int status;

  if (!test_have_display (argc, argv))
    return test_skip_no_display (argc, argv);

  /* Private state and settings, on disk, before GLib reads where they are. */
  tmp_dir = test_make_tmp_dir ("dorsum-journeys-XXXXXX");
  config = g_build_filename (tmp_dir, "config", NULL);
  state = g_build_filename (tmp_dir, "state", NULL);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);

  /* A user's content pack with a dangling reference: skipped, and said so in the window. */
  {
    g_autofree char *data = g_build_filename (tmp_dir, "data", NULL);
    g_autofree char *pack = g_build_filename (data, "dorsum", "library", "broken-pack", NULL);
    g_autofree char *file = g_build_filename (pack, "pack.xml", NULL);

    g_assert_cmpint (g_mkdir_with_parents (pack, 0700), ==, 0);
    g_assert_true (g_file_set_contents (file, "<?xml version=\"1.0\"?>\n<library xmlns=\"https://dorsum.github.io/ns/library/1\">\n<muscle", -1, NULL));
    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }

  test_gui_init (&argc, &argv);
  adw_init ();

  app = dorsum_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/journey/student", test_student);
  g_test_add_func ("/journey/therapist", test_therapist);
  g_test_add_func ("/journey/problems-in-window", test_problems_in_window);
  g_test_add_func ("/journey/study", test_study);
  g_test_add_func ("/journey/keyboard-chart", test_keyboard_chart);
  g_test_add_func ("/journey/two-sided-chart", test_two_sided_chart);

  status = g_test_run ();
  test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
