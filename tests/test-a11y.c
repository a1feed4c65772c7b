/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a screen reader is told: every control of the window, of each kind of page, of the
 * chart panel with marks and of the dialogs has a name (no mnemonic underscore in it), and
 * pages have headings with levels. A new control without a name fails here. */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "dorsum-application.h"
#include "dorsum-chart-page.h"
#include "dorsum-compat.h"
#include "dorsum-diagram-view.h"
#include "dorsum-entry-page.h"
#include "dorsum-plan-editor.h"
#include "dorsum-quiz.h"
#include "dorsum-window-private.h"
#include "test-common.h"
#include "test-gui-common.h"

static DorsumApplication *app;

/* Widgets whose insides are the library's own business: they name their parts. */
static gboolean
is_composite_of_others (GtkWidget *widget)
{
  return GTK_IS_WINDOW_CONTROLS (widget) || ADW_IS_PREFERENCES_ROW (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_MENU_BUTTON (widget) || GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_POPOVER (widget) ||
         GTK_IS_SCROLLBAR (widget) || GTK_IS_SCALE (widget) || GTK_IS_TEXT (widget);
}

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_LIST_VIEW (widget) || GTK_IS_LIST_BOX (widget) ||
         GTK_IS_SCALE (widget) || GTK_IS_SWITCH (widget) || DORSUM_IS_DIAGRAM_VIEW (widget);
}

/* The accessible name given to @widget, or NULL. GTK 4.8 has no getter: checking against
 * a value it cannot have returns the value it has. */
static char *
accessible_label (GtkWidget *widget)
{
  char *value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, "\001");

  if (value != NULL && (g_str_equal (value, "undefined") || value[0] == '\0'))
    g_clear_pointer (&value, g_free);

  return value;
}

static gboolean
is_named (GtkWidget *widget)
{
  g_autofree char *label = accessible_label (widget);

  if (label != NULL && strchr (label, '_') != NULL)
    g_error ("A name with a mnemonic underscore: “%s” on %s", label, G_OBJECT_TYPE_NAME (widget));

  if (label != NULL)
    return TRUE;

  /* GTK 4.14 and later name a button after its text label (its content) rather than setting
   * the label property; an icon button still needs a name of its own. */
  if (dorsum_compat_name_from_content () && GTK_IS_BUTTON (widget))
    {
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (widget));

      return GTK_IS_LABEL (child) && gtk_label_get_text (GTK_LABEL (child))[0] != '\0';
    }

  /* Not a labelled-by relation: GTK 4.8 points an icon button's at its image, which is how
   * Orca came to read "GtkImage". */
  return FALSE;
}

static char *
describe (GtkWidget *widget)
{
  const char *label = GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget)) : NULL;
  const char *icon = GTK_IS_BUTTON (widget) ? gtk_button_get_icon_name (GTK_BUTTON (widget)) : NULL;
  const char *action = GTK_IS_ACTIONABLE (widget) ? gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) : NULL;

  return g_strdup_printf ("%s (label %s, icon %s, action %s, css %s)", G_OBJECT_TYPE_NAME (widget),
                          label, icon, action, gtk_widget_get_css_name (widget));
}

/* Every shown control below @widget has a name. Returns how many were checked. */
static guint
check_named (GtkWidget *widget)
{
  guint n = 0;

  /* What is on the screen (not a stack's other pages, not a folded leaflet's other side). */
  if (!gtk_widget_get_mapped (widget))
    return 0;

  if (is_control (widget))
    {
      if (g_getenv ("DORSUM_A11Y_DUMP"))
        {
          g_autofree char *what = describe (widget);
          g_autofree char *name = accessible_label (widget);

          g_printerr ("%s: %s\n", what, name);
        }
      if (!is_named (widget))
        {
          g_autofree char *what = describe (widget);

          g_error ("A control a screen reader cannot name: %s", what);
        }
      n++;
    }

  if (is_composite_of_others (widget))
    return n;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += check_named (child);

  return n;
}

/* Headings below @widget, by level. */
static void
count_headings (GtkWidget *widget,
                guint      counts[4])
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_HEADING)
    {
      for (int level = 1; level <= 3; level++)
        {
          g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                          GTK_ACCESSIBLE_PROPERTY_LEVEL, level);

          if (mismatch == NULL)
            counts[level]++;
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    count_headings (child, counts);
}

static DorsumWindow *
new_window (int width,
            int height)
{
  DorsumWindow *window = test_new_window (app, width, height);

  /* The rest of the list and the tooltips come after the first frame. */
  for (guint i = 0; i < 20; i++)
    {
      g_usleep (5000);
      settle ();
    }

  return window;
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  return find_widget (widget, is_type, GSIZE_TO_POINTER (type));
}

static void
test_window_named (void)
{
  DorsumWindow *window = new_window (1280, 800);
  /* One page of each kind: each has its own sections and link lists. */
  const char *ids[] = { "latissimus-dorsi", "trigger-point-therapy", "cat-cow", "ql-ball-release",
                        "sciatica", "disclaimer", NULL };
  guint n;

  n = check_named (GTK_WIDGET (window));
  /* The header, toolbar, zoom and list controls at least. */
  g_assert_cmpuint (n, >=, 16);

  for (guint i = 0; ids[i]; i++)
    {
      guint headings[4] = { 0, };
      GtkWidget *page;

      if (!dorsum_window_show_entry (window, ids[i]))
        continue;
      for (guint j = 0; j < 10; j++)
        {
          g_usleep (5000);
          settle ();
        }
      check_named (GTK_WIDGET (window));

      page = find_type (GTK_WIDGET (window), DORSUM_TYPE_ENTRY_PAGE);
      count_headings (page, headings);
      if (headings[1] != 1)
        g_error ("%s: %u level-1 headings (the page title), not 1", ids[i], headings[1]);
      if (headings[2] < 1)
        g_error ("%s: no level-2 section headings", ids[i]);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

/* Every shown button below @widget, rows included, has a name. Returns how many. */
static guint
check_buttons_named (GtkWidget *widget)
{
  guint n = 0;

  if (!gtk_widget_get_visible (widget))
    return 0;
  if (GTK_IS_BUTTON (widget) && !GTK_IS_WINDOW_CONTROLS (gtk_widget_get_parent (widget)))
    {
      if (!is_named (widget))
        {
          g_autofree char *what = describe (widget);

          g_error ("A button a screen reader cannot name: %s", what);
        }
      n++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += check_buttons_named (child);

  return n;
}

/* The dialog on the screen names its buttons and is a dialog; answered Cancel and closed. */
static void
check_dialog_named (void)
{
  GtkWidget *question = dorsum_question_find ();
  GtkAccessibleRole role;

  g_assert_nonnull (question);
  check_named (question);
  /* A dialog (libadwaita 1.2's message dialog) or an alert dialog (AdwAlertDialog). */
  role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (question));
  g_assert_true (role == GTK_ACCESSIBLE_ROLE_DIALOG || role == GTK_ACCESSIBLE_ROLE_ALERT_DIALOG);
  answer_dialog ("", "cancel");
}

static gboolean
is_add_button (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "list-add-symbolic") == 0;
}

static void
test_chart_named (void)
{
  DorsumWindow *window = new_window (1280, 800);
  DorsumDiagramView *view = dorsum_window_get_diagram_view (window);
  double x, y;

  gtk_widget_activate_action (GTK_WIDGET (window), "diagram.chart-mode", NULL);
  settle ();
  for (guint i = 0; i < 3; i++)
    {
      dorsum_diagram_view_diagram_to_widget (view, 360 + 40 * i, 640, &x, &y);
      dorsum_diagram_view_chart_click (view, x, y);
    }
  for (guint i = 0; i < 20; i++)
    {
      g_usleep (5000);
      settle ();
    }

  check_named (GTK_WIDGET (window));
  g_assert_nonnull (find_type (GTK_WIDGET (window), DORSUM_TYPE_CHART_PAGE));

  /* The plan with items (move and remove buttons), search results and a comparison. */
  {
    DorsumChartPage *page = DORSUM_CHART_PAGE (find_type (GTK_WIDGET (window), DORSUM_TYPE_CHART_PAGE));
    GtkWidget *editor = find_type (GTK_WIDGET (page), DORSUM_TYPE_PLAN_EDITOR);
    GtkWidget *search = find_type (editor, GTK_TYPE_SEARCH_ENTRY);
    g_autoptr(DorsumChart) earlier = dorsum_chart_new ();
    DorsumMark mark = { 400, 640, 30, 8, DORSUM_QUALITY_SHARP, NULL, NULL };

    for (guint i = 0; i < 2; i++)
      {
        GtkWidget *add = find_widget (editor, is_add_button, NULL);

        g_assert_nonnull (add);
        g_signal_emit_by_name (add, "clicked");
        settle ();
      }
    gtk_editable_set_text (GTK_EDITABLE (search), "stretch");
    for (guint i = 0; i < 40; i++)
      {
        g_usleep (10000);
        settle ();
      }
    dorsum_chart_add_mark (earlier, &mark);
    dorsum_chart_page_set_compare_chart (page, earlier, "earlier");
    settle ();
    check_named (GTK_WIDGET (page));
    /* Inside the rows too: their add, move and remove buttons are icons alone. */
    g_assert_cmpuint (check_buttons_named (editor), >=, 12);
    g_assert_cmpuint (check_buttons_named (GTK_WIDGET (page)), >=, 14);

    /* The cautions before printing: a dialog with named buttons. */
    gtk_widget_activate_action (GTK_WIDGET (window), "win.handout-print", NULL);
    settle ();
    check_dialog_named ();
  }

  /* The question before dropping the chart: a dialog with named buttons. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-new", NULL);
  settle ();
  check_dialog_named ();

  dorsum_chart_set_modified (dorsum_window_get_chart (window), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

/* Every window other than @main that is shown: each has its controls named, then goes. */
static guint
check_other_windows (GtkWidget *main)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint seen = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) top = g_list_model_get_item (toplevels, i);

      if (top == main || !gtk_widget_get_visible (top))
        continue;
      check_named (top);
      seen++;
    }

  return seen;
}

static void
close_other_windows (GtkWidget *main)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWidget) top = g_list_model_get_item (toplevels, i - 1);

      if (top != main && gtk_widget_get_visible (top))
        gtk_window_destroy (GTK_WINDOW (top));
    }
  settle ();
}

static gboolean
study_ready (gconstpointer page)
{
  return dorsum_study_page_get_store ((DorsumStudyPage *)page) != NULL;
}

/* The Study page: its home (one level-1 heading), a question, the answer's feedback. */
static void
test_study_named (void)
{
  DorsumWindow *window = new_window (1280, 800);
  DorsumStudyPage *page = dorsum_window_show_study (window);
  guint headings[4] = { 0, };

  for (guint i = 0; i < 2000 && !study_ready (page); i++)
    {
      g_usleep (5000);
      settle ();
    }
  g_assert_true (study_ready (page));
  settle ();
  check_named (GTK_WIDGET (window));
  count_headings (GTK_WIDGET (page), headings);
  g_assert_cmpuint (headings[1], ==, 1);

  dorsum_study_page_set_seed (page, 3);
  dorsum_study_page_start (page);
  settle ();
  for (guint q = 0; q < 6 && g_strcmp0 (dorsum_study_page_get_state (page), "question") == 0; q++)
    {
      const DorsumQuestion *question = dorsum_study_page_get_question (page);

      check_named (GTK_WIDGET (window));
      if (question->type == DORSUM_QUESTION_FIND)
        break;
      dorsum_study_page_choose (page, question->answer);
      settle ();
      check_named (GTK_WIDGET (window));
      dorsum_study_page_grade (page, DORSUM_GRADE_GOOD);
      settle ();
    }

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

/* The windows the menu opens: keyboard shortcuts, About. Not Preferences: opened in this
 * process it grows GLib's quark table past its first block, a by-design one-time allocation
 * LeakSanitizer reports with no stack to suppress it by; build-aux/atspi-walk.py over the
 * running app checks its names instead. */
static void
test_dialogs_named (void)
{
  DorsumWindow *window = new_window (1280, 800);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  settle ();
  g_assert_cmpuint (check_other_windows (GTK_WIDGET (window)), >=, 1);
  close_other_windows (GTK_WIDGET (window));

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  settle ();
  g_assert_cmpuint (check_other_windows (GTK_WIDGET (window)), >=, 1);
  close_other_windows (GTK_WIDGET (window));

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

/* At phone width (360 px) everything is still named, in the atlas and in the chart; wide,
 * the chart's two figures each are. */
static void
test_narrow_and_two_figures_named (void)
{
  DorsumWindow *window = new_window (360, 720);

  check_named (GTK_WIDGET (window));
  dorsum_window_show_entry (window, "quadratus-lumborum");
  settle ();
  check_named (GTK_WIDGET (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "diagram.chart-mode", NULL);
  settle ();
  check_named (GTK_WIDGET (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "diagram.chart-mode", NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();

  window = new_window (1280, 800);
  gtk_widget_activate_action (GTK_WIDGET (window), "diagram.chart-mode", NULL);
  settle ();
  {
    guint views = 0;

    for (GtkWidget *w = find_type (GTK_WIDGET (window), DORSUM_TYPE_DIAGRAM_VIEW); w; w = gtk_widget_get_next_sibling (w))
      if (DORSUM_IS_DIAGRAM_VIEW (w) && gtk_widget_get_visible (w))
        {
          gtk_test_accessible_assert_role (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_ROLE_IMG);
          g_assert_true (is_named (w));
          views++;
        }
    g_assert_cmpuint (views, ==, 2);
  }
  check_named (GTK_WIDGET (window));
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

int
main (int    argc,
      char **argv)
{
  if (!test_have_display (argc, argv))
    return test_skip_no_display (argc, argv);

  test_gui_init (&argc, &argv);
  adw_init ();

  app = dorsum_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/a11y/window-and-pages", test_window_named);
  g_test_add_func ("/a11y/chart-and-dialog", test_chart_named);
  g_test_add_func ("/a11y/study", test_study_named);
  g_test_add_func ("/a11y/menu-windows", test_dialogs_named);
  g_test_add_func ("/a11y/narrow-and-two-figures", test_narrow_and_two_figures_named);

  return g_test_run ();
}
