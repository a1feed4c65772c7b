/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Content packs, managed from Preferences: a school adds its pack folder, finds its muscle
 * in the main window's search at once, is told exactly what is wrong with a broken file and
 * a misspelt reference (and nothing of them is installed), replaces the pack after being
 * asked, and removes it after being asked. The user data dir is a temporary folder; the
 * file chooser's answer comes from dorsum_packs_page_set_chooser_answer(). */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "dorsum-application.h"
#include "dorsum-library.h"
#include "dorsum-packs-page.h"
#include "dorsum-preferences-window.h"
#include "dorsum-study-page.h"
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
page_idle (gconstpointer page)
{
  return !dorsum_packs_page_get_busy (DORSUM_PACKS_PAGE ((gpointer)page));
}

static gboolean
study_ready (gconstpointer page)
{
  return dorsum_study_page_get_store (DORSUM_STUDY_PAGE ((gpointer)page)) != NULL;
}

static gboolean
pack_loaded (gconstpointer library)
{
  return dorsum_library_lookup (DORSUM_LIBRARY ((gpointer)library), "pack-coccygeus") != NULL;
}

/* Done, or asking the user something. */
static gboolean
page_idle_or_asking (gconstpointer page)
{
  return page_idle (page) || message_dialog_shown (NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **)a, *(const char **)b);
}

/* The names in the user's library folder, sorted, joined by spaces ("" when there is none). */
static char *
library_folder_names (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "data", "dorsum", "library", NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **)names->pdata);
}

/* The name under which the window's list (its search results, or what it browses) shows
 * entry @id, or NULL. */
static const char *
list_name (DorsumWindow *window,
           const char   *id)
{
  GListModel *model = dorsum_window_get_list_model (window);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (DORSUM_IS_ENTRY (item) && g_str_equal (dorsum_entry_get_id (DORSUM_ENTRY (item)), id))
        return dorsum_entry_get_name (DORSUM_ENTRY (item));
    }

  return NULL;
}

static gboolean
list_shows (DorsumWindow *window,
            const char   *id)
{
  return list_name (window, id) != NULL;
}

static GtkWidget *
pack_row (DorsumPacksPage *page,
          const char      *name)
{
  return find_widget (GTK_WIDGET (page), is_row_titled, name);
}

/* The rows of the page: its only action rows are the packs'. */
static guint
n_pack_rows (GtkWidget *widget)
{
  guint n = ADW_IS_ACTION_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += n_pack_rows (child);

  return n;
}

/* Presses @accel in @widget's window, as a user does: runs the shortcut bound to it on
 * @widget (its class's key bindings). */
static void
press_shortcut (GtkWidget  *widget,
                const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, accel))
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                           widget, gtk_shortcut_get_arguments (shortcut)));
              return;
            }
        }
    }
  g_error ("No shortcut %s on %s", accel, G_OBJECT_TYPE_NAME (widget));
}

/* What a user does: on the Content page presses Ctrl+Shift+O (Add Folder…) or Ctrl+O (Add
 * File…), picks @path (under tests/data/user-packs), and waits for the page to finish
 * checking it, or to ask. */
static void
add_pack (DorsumPacksPage *page,
          const char      *path,
          gboolean         folder)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "user-packs", path, NULL));

  dorsum_packs_page_set_chooser_answer (page, file);
  press_shortcut (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))), folder ? "<Shift><Control>o" : "<Control>o");
  settle ();
  g_assert_true (wait_for (page_idle_or_asking, page, 20));
  settle ();
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("Expected “%s” in “%s”", needle, haystack ? haystack : "(null)");
}

static void
shoot_page (GtkWindow  *preferences,
            const char *name)
{
  g_autofree char *dark = g_strconcat (name, "-dark", NULL);
  g_autofree char *narrow = g_strconcat (name, "-narrow", NULL);
  AdwStyleManager *style = adw_style_manager_get_default ();
  int width, height;

  if (g_getenv ("DORSUM_SHOT_DIR") == NULL)
    return;

  shoot_toplevel (GTK_WIDGET (preferences), name);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  shoot_toplevel (GTK_WIDGET (preferences), dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_get_default_size (preferences, &width, &height);
  gtk_window_set_default_size (preferences, 360, 640);
  settle ();
  shoot_toplevel (GTK_WIDGET (preferences), narrow);
  gtk_window_set_default_size (preferences, width, height);
  settle ();
}

static void
test_packs_journey (void)
{
  DorsumWindow *window = test_new_window (app, 1024, 768);
  DorsumLibrary *library = dorsum_application_get_library (app);
  g_autofree char *installed = g_build_filename (tmp_dir, "data", "dorsum", "library", "pelvic-floor", "coccygeus.xml", NULL);
  g_autofree char *names = NULL;
  g_autofree char *source_text = NULL;
  g_autofree char *installed_text = NULL;
  guint n_builtin = dorsum_library_get_n_entries (library);
  GtkWindow *preferences;
  DorsumPacksPage *page;
  GtkWidget *row, *button;
  const char *problem;
  DorsumStudyPage *study;
  guint n_asked = 0;

  /* app.content-packs (a D-Bus action too) opens Preferences on the Content page. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "content-packs", NULL);
  g_assert_true (wait_for (preferences_shown, NULL, 5));
  preferences = find_toplevel (DORSUM_TYPE_PREFERENCES_WINDOW);
  page = DORSUM_PACKS_PAGE (find_widget (GTK_WIDGET (preferences), is_type, GSIZE_TO_POINTER (DORSUM_TYPE_PACKS_PAGE)));
  g_assert_nonnull (page);
  g_assert_true (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (preferences)) == ADW_PREFERENCES_PAGE (page));
  settle ();

  /* The window has searched before (and keeps its index): nothing of the pack yet. */
  dorsum_window_search (window, "coccygeus");
  settle ();
  g_assert_false (list_shows (window, "pack-coccygeus"));
  g_assert_true (dorsum_window_show_entry (window, "piriformis"));
  settle ();
  g_assert_null (find_widget (GTK_WIDGET (window->entry_page), is_row_titled, "Sacral hold"));

  /* Nothing added yet: an empty list, and no library folder. */
  g_assert_cmpuint (n_pack_rows (GTK_WIDGET (page)), ==, 0);
  names = library_folder_names ();
  g_assert_cmpstr (names, ==, "");
  g_clear_pointer (&names, g_free);
  shoot_page (preferences, "packs-empty");

  /* A pack folder: checked, copied (its .xml file, as it was), listed with its entries. */
  add_pack (page, "pelvic-floor", TRUE);
  g_assert_null (dorsum_packs_page_get_problem (page));
  names = library_folder_names ();
  g_assert_cmpstr (names, ==, "pelvic-floor");
  g_clear_pointer (&names, g_free);
  g_assert_true (g_file_get_contents (installed, &installed_text, NULL, NULL));
  g_assert_true (g_file_get_contents (g_test_get_filename (G_TEST_DIST, "data", "user-packs", "pelvic-floor", "coccygeus.xml", NULL),
                                      &source_text, NULL, NULL));
  g_assert_cmpstr (installed_text, ==, source_text);
  row = pack_row (page, "pelvic-floor");
  g_assert_nonnull (row);
  g_assert_cmpuint (n_pack_rows (GTK_WIDGET (page)), ==, 1);
  assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "2 entries");
  assert_contains (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "dorsum/library/pelvic-floor");

  /* The running app has it, without a restart: the page shown (piriformis) lists the pack's
   * technique, and the search, the muscle list and the pack's own page have its entries. */
  g_assert_cmpuint (dorsum_library_get_n_entries (library), ==, n_builtin + 2);
  g_assert_nonnull (find_widget (GTK_WIDGET (window->entry_page), is_row_titled, "Sacral hold"));
  dorsum_window_search (window, "coccygeus");
  settle ();
  g_assert_true (list_shows (window, "pack-coccygeus"));
  dorsum_window_search (window, "sacral hold");
  settle ();
  g_assert_true (list_shows (window, "pack-sacral-hold"));
  dorsum_window_search (window, "");
  settle ();
  g_assert_true (list_shows (window, "pack-coccygeus"));
  g_assert_true (dorsum_window_show_entry (window, "pack-coccygeus"));
  {
    g_autoptr(GPtrArray) related = dorsum_library_get_related (library, dorsum_library_lookup (library, "piriformis"),
                                                               DORSUM_KIND_TECHNIQUE);
    gboolean found = FALSE;

    for (guint i = 0; i < related->len; i++)
      found |= g_str_equal (dorsum_entry_get_id (g_ptr_array_index (related, i)), "pack-sacral-hold");
    g_assert_true (found);
  }
  shoot_page (preferences, "packs-added");

  /* A file that is not well-formed XML: the page names the file and the line; nothing is copied. */
  add_pack (page, "broken.xml", FALSE);
  problem = dorsum_packs_page_get_problem (page);
  assert_contains (problem, "user-packs/broken.xml:29:");
  assert_contains (problem, "not well-formed XML");
  names = library_folder_names ();
  g_assert_cmpstr (names, ==, "pelvic-floor");
  g_clear_pointer (&names, g_free);
  g_assert_cmpuint (n_pack_rows (GTK_WIDGET (page)), ==, 1);
  g_assert_cmpuint (dorsum_library_get_n_entries (library), ==, n_builtin + 2);
  shoot_page (preferences, "packs-problem");

  /* A reference to a built-in muscle, misspelt: file, line, and the likely name. */
  add_pack (page, "dangling-pack", TRUE);
  problem = dorsum_packs_page_get_problem (page);
  assert_contains (problem, "user-packs/dangling-pack/coccygeus.xml:38:");
  assert_contains (problem, "muscle \"piriformus\" is not defined (did you mean \"piriformis\"?)");
  names = library_folder_names ();
  g_assert_cmpstr (names, ==, "pelvic-floor");
  g_clear_pointer (&names, g_free);
  g_assert_cmpuint (dorsum_library_get_n_entries (library), ==, n_builtin + 2);

  /* The main window studies the hip meanwhile: its questions are made with the pack in, and
   * made again after each change below. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_string (settings, "study-deck", "region:hip");
  }
  study = dorsum_window_show_study (window);
  g_assert_true (wait_for (study_ready, study, 30));
  /* And goes back to the pack's muscle. */
  g_assert_true (dorsum_window_show_entry (window, "pack-coccygeus"));
  settle ();

  /* A second edition of the pack, of the same name: asked first; replaced, it is still one
   * pack of two entries, the search finds the technique by its new name only, and the
   * problem shown before is gone. */
  add_pack (page, "v2/pelvic-floor", TRUE);
  answer_dialog ("Replace “pelvic-floor”?", "replace");
  g_assert_true (wait_for (page_idle, page, 20));
  settle ();
  g_assert_null (dorsum_packs_page_get_problem (page));
  g_assert_cmpuint (n_pack_rows (GTK_WIDGET (page)), ==, 1);
  g_assert_cmpuint (dorsum_library_get_n_entries (library), ==, n_builtin + 2);
  names = library_folder_names ();
  g_assert_cmpstr (names, ==, "pelvic-floor");
  g_clear_pointer (&names, g_free);
  g_clear_pointer (&installed_text, g_free);
  g_assert_true (g_file_get_contents (installed, &installed_text, NULL, NULL));
  assert_contains (installed_text, "<name>Sacral rest</name>");
  dorsum_window_search (window, "sacral");
  settle ();
  g_assert_cmpstr (list_name (window, "pack-sacral-hold"), ==, "Sacral rest");
  /* The muscle's page stays open, on the new edition's entry. */
  g_assert_cmpstr (dorsum_window_get_shown_id (window), ==, "pack-coccygeus");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->detail_stack), ==, "entry");
  g_assert_true (dorsum_entry_page_get_entry (window->entry_page) == dorsum_library_lookup (library, "pack-coccygeus"));

  /* Removed, after answering the question: files gone, entries gone, the page it showed closed.
   * The bin button, like Add Pack, takes keyboard focus. */
  row = pack_row (page, "pelvic-floor");
  g_assert_nonnull (row);
  button = find_widget (row, is_type, GSIZE_TO_POINTER (GTK_TYPE_BUTTON));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_focusable (button) && gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_grab_focus (button));
  {
    GtkWidget *add = find_widget (GTK_WIDGET (page), is_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON));

    g_assert_nonnull (add);
    g_assert_true (gtk_widget_grab_focus (add));
  }
  gtk_widget_activate (button);
  if (g_getenv ("DORSUM_SHOT_DIR") != NULL)
    {
      g_assert_true (wait_for (message_dialog_shown, NULL, 5));
      shoot_toplevel (dorsum_question_find (), "packs-remove-dialog");
    }
  answer_dialog ("Remove “pelvic-floor”?", "cancel");
  g_assert_true (g_file_test (installed, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (n_pack_rows (GTK_WIDGET (page)), ==, 1);
  gtk_widget_activate (button);
  answer_dialog ("Remove “pelvic-floor”?", "remove");
  g_assert_null (dorsum_packs_page_get_problem (page));
  g_assert_false (g_file_test (installed, G_FILE_TEST_EXISTS));
  names = library_folder_names ();
  g_assert_cmpstr (names, ==, "");
  g_clear_pointer (&names, g_free);
  g_assert_cmpuint (n_pack_rows (GTK_WIDGET (page)), ==, 0);
  g_assert_cmpuint (dorsum_library_get_n_entries (library), ==, n_builtin);
  g_assert_null (dorsum_library_lookup (library, "pack-coccygeus"));
  g_assert_null (dorsum_window_get_shown_id (window));
  g_assert_false (list_shows (window, "pack-coccygeus"));
  dorsum_window_search (window, "coccygeus");
  settle ();
  g_assert_false (list_shows (window, "pack-coccygeus"));

  /* Back in Study, its questions are made again, without the pack: a session asks only
   * about entries the library has (the old cards pointed at the removed ones). */
  g_assert_true (dorsum_window_show_study (window) == study);
  g_assert_true (wait_for (study_ready, study, 30));
  dorsum_study_page_set_seed (study, 5);
  dorsum_study_page_start (study);
  settle ();
  for (guint i = 0; i < 20 && g_strcmp0 (dorsum_study_page_get_state (study), "question") == 0; i++)
    {
      const DorsumQuestion *question = dorsum_study_page_get_question (study);
      DorsumDiagram *diagram = dorsum_diagram_view_get_diagram (dorsum_window_get_diagram_view (window));

      g_assert_nonnull (question);
      g_assert_nonnull (dorsum_library_lookup (library, question->entry_id));
      n_asked++;
      /* Any answer will do; name-it offers choices too. */
      if (question->type == DORSUM_QUESTION_FIND)
        dorsum_study_page_region_clicked (study, dorsum_diagram_get_region (diagram, 0)->id);
      else
        dorsum_study_page_choose (study, question->answer);
      settle ();
      dorsum_study_page_grade (study, DORSUM_GRADE_GOOD);
      settle ();
    }
  g_assert_cmpuint (n_asked, >, 0);

  gtk_window_destroy (preferences);
  settle ();

  /* Closed while a pack is being checked: the pack still goes in, on disk and in the library. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (wait_for (preferences_shown, NULL, 5));
  preferences = find_toplevel (DORSUM_TYPE_PREFERENCES_WINDOW);
  page = DORSUM_PACKS_PAGE (find_widget (GTK_WIDGET (preferences), is_type, GSIZE_TO_POINTER (DORSUM_TYPE_PACKS_PAGE)));
  {
    g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "user-packs", "pelvic-floor", NULL));

    dorsum_packs_page_set_chooser_answer (page, file);
  }
  gtk_widget_activate_action (GTK_WIDGET (page), "packs.add-folder", NULL);
  gtk_window_destroy (preferences);
  g_assert_true (wait_for (pack_loaded, library, 20));
  g_assert_true (g_file_test (installed, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (dorsum_library_get_n_entries (library), ==, n_builtin + 2);
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

  tmp_dir = test_make_tmp_dir ("dorsum-packs-XXXXXX");
  {
    g_autofree char *state = g_build_filename (tmp_dir, "state", NULL);
    g_autofree char *data = g_build_filename (tmp_dir, "data", NULL);

    /* Before anything asks GLib for them: it reads them once. */
    g_setenv ("XDG_STATE_HOME", state, TRUE);
    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }
  test_gui_init (&argc, &argv);
  adw_init ();
  /* Screenshots show the page, not a header bar halfway through its narrowing. */
  if (g_getenv ("DORSUM_SHOT_DIR") != NULL)
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = dorsum_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/journey/packs", test_packs_journey);

  status = g_test_run ();
  g_clear_object (&app);
  test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
