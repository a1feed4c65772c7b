/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The therapist's details, set once in Preferences: Ctrl+, opens the window over the main
 * one, what is typed lands in GSettings at once, and the next handout carries it in its
 * header on the chosen paper. The study rows likewise. */

#include "config.h"

#include <adwaita.h>
#include <poppler.h>

#include "dorsum-application.h"
#include "dorsum-chart.h"
#include "dorsum-handout.h"
#include "dorsum-preferences-window.h"
#include "dorsum-window-private.h"
#include "test-common.h"
#include "test-gui-common.h"

static DorsumApplication *app;
static char *tmp_dir;

static gboolean
preferences_shown (gconstpointer data)
{
  return find_toplevel (DORSUM_TYPE_PREFERENCES_WINDOW) != NULL;
}

static gboolean
preferences_gone (gconstpointer data)
{
  return find_toplevel (DORSUM_TYPE_PREFERENCES_WINDOW) == NULL;
}

static gboolean
is_spin_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_SPIN_BUTTON (widget);
}

static char *
pdf_text (const char *path,
          double     *width,
          double     *height)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  /* Plain pointers: poppler-glib declares its own autoptrs only in newer versions. */
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      if (i == 0)
        poppler_page_get_size (page, width, height);
      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
      g_object_unref (page);
    }
  g_object_unref (document);
  return g_string_free (text, FALSE);
}

static void
test_preferences_journey (void)
{
  DorsumWindow *window = test_new_window (app, 1024, 768);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");
  g_autofree char *pdf = g_build_filename (tmp_dir, "handout.pdf", NULL);
  g_autoptr(DorsumChart) chart = dorsum_chart_new ();
  g_autoptr(DorsumHandout) handout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWindow *preferences;
  GtkWidget *row, *spin;
  double width = 0, height = 0;

  /* Ctrl+, is the GNOME shortcut, and the main menu has the item. */
  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "<Control>comma");
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (wait_for (preferences_shown, NULL, 5));
  preferences = find_toplevel (DORSUM_TYPE_PREFERENCES_WINDOW);
  g_assert_true (gtk_window_get_transient_for (preferences) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (preferences));
  settle ();

  /* The therapist types their details; each is kept as it is typed. */
  row = find_widget (GTK_WIDGET (preferences), is_row_titled, "_Name");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "Sam Okafor");
  row = find_widget (GTK_WIDGET (preferences), is_row_titled, "_Practice");
  gtk_editable_set_text (GTK_EDITABLE (row), "Riverside Remedial Massage");
  row = find_widget (GTK_WIDGET (preferences), is_row_titled, "_Contact");
  gtk_editable_set_text (GTK_EDITABLE (row), "0400 123 456");
  row = find_widget (GTK_WIDGET (preferences), is_row_titled, "Paper Size");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  settle ();
  {
    g_autofree char *name = g_settings_get_string (settings, "handout-therapist-name");
    g_autofree char *practice = g_settings_get_string (settings, "handout-practice");
    g_autofree char *contact = g_settings_get_string (settings, "handout-contact");
    g_autofree char *paper = g_settings_get_string (settings, "handout-paper-size");

    g_assert_cmpstr (name, ==, "Sam Okafor");
    g_assert_cmpstr (practice, ==, "Riverside Remedial Massage");
    g_assert_cmpstr (contact, ==, "0400 123 456");
    g_assert_cmpstr (paper, ==, "letter");
  }

  shoot_toplevel (GTK_WIDGET (preferences), "preferences-handout");
  if (g_getenv ("DORSUM_SHOT_DIR") != NULL)
    {
      AdwStyleManager *style = adw_style_manager_get_default ();

      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
      shoot_toplevel (GTK_WIDGET (preferences), "preferences-handout-dark");
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
      gtk_window_set_default_size (preferences, 360, 560);
      settle ();
      shoot_toplevel (GTK_WIDGET (preferences), "preferences-handout-narrow");
    }

  /* The study rows: a shorter session. */
  row = find_widget (GTK_WIDGET (preferences), is_row_titled, "_Questions per Session");
  g_assert_nonnull (row);
  spin = find_widget (row, is_spin_button, NULL);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 10);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 5);
  g_assert_cmpuint (g_settings_get_uint (settings, "study-session-length"), ==, 5);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences),
                                           ADW_PREFERENCES_PAGE (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_PAGE)));
  shoot_toplevel (GTK_WIDGET (preferences), "preferences-study");

  /* A change made elsewhere shows in the open window. */
  g_settings_set_string (settings, "handout-contact", "sam@riverside.example");
  row = find_widget (GTK_WIDGET (preferences), is_row_titled, "_Contact");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "sam@riverside.example");

  /* Escape closes it, as in any GNOME preferences window. */
  gtk_widget_activate_action (GTK_WIDGET (preferences), "window.close", NULL);
  g_assert_true (wait_for (preferences_gone, NULL, 5));

  /* The next handout carries the details, on Letter paper. */
  {
    DorsumMark mark = { 400, 640, 30, 5, DORSUM_QUALITY_ACHING, NULL, NULL };

    dorsum_chart_add_mark (chart, &mark);
  }
  handout = dorsum_handout_new (dorsum_application_get_library (app), chart);
  g_assert_true (dorsum_handout_write_pdf (handout, pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf, &width, &height);
  g_assert_nonnull (strstr (text, "Sam Okafor"));
  g_assert_nonnull (strstr (text, "Riverside Remedial Massage"));
  g_assert_nonnull (strstr (text, "sam@riverside.example"));
  g_assert_cmpfloat_with_epsilon (width, 612, 1);
  g_assert_cmpfloat_with_epsilon (height, 792, 1);

  /* Reopened, it shows what was kept. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (wait_for (preferences_shown, NULL, 5));
  preferences = find_toplevel (DORSUM_TYPE_PREFERENCES_WINDOW);
  row = find_widget (GTK_WIDGET (preferences), is_row_titled, "_Name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Sam Okafor");
  row = find_widget (GTK_WIDGET (preferences), is_row_titled, "Paper Size");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 1);
  gtk_window_destroy (preferences);
  settle ();

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

  tmp_dir = test_make_tmp_dir ("dorsum-preferences-XXXXXX");
  {
    g_autofree char *state = g_build_filename (tmp_dir, "state", NULL);

    g_setenv ("XDG_STATE_HOME", state, TRUE);
  }
  test_gui_init (&argc, &argv);
  adw_init ();

  app = dorsum_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/journey/preferences", test_preferences_journey);

  status = g_test_run ();
  test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
