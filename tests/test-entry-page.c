/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The entry page under a display: every stretch and self-care page shows its picture, with a
 * description for a screen reader, at a readable size; other pages show none. */

#include "config.h"

#include <adwaita.h>

#include "dorsum-entry-page.h"
#include "dorsum-illustration-view.h"
#include "dorsum-illustration.h"
#include "dorsum-library.h"
#include "test-common.h"
#include "test-gui-common.h"

static DorsumLibrary *library;

static gboolean
is_illustration (GtkWidget     *widget,
                 gconstpointer  data)
{
  return DORSUM_IS_ILLUSTRATION_VIEW (widget);
}

/* Shows @entry on @page and returns its picture once laid out, or NULL when it has none. */
static GtkWidget *
show (GtkWidget   *page,
      DorsumEntry *entry)
{
  dorsum_entry_page_set_entry (DORSUM_ENTRY_PAGE (page), library, entry);
  settle ();
  for (guint i = 0; i < 200; i++)
    {
      GtkWidget *picture = find_widget (page, is_illustration, NULL);

      if (picture != NULL && gtk_widget_get_mapped (picture) && gtk_widget_get_width (picture) > 0 &&
          gtk_widget_get_height (picture) > 0)
        return picture;
      if (picture == NULL && i >= 20)
        break;
      g_usleep (5000);
      settle ();
    }

  return find_widget (page, is_illustration, NULL);
}

static void
test_every_exercise_has_picture (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = dorsum_entry_page_new ();
  DorsumKind kinds[] = { DORSUM_KIND_STRETCH, DORSUM_KIND_SELFCARE };
  guint n = 0;

  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 1000);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 200 && gtk_widget_get_width (page) == 0; i++)
    g_main_context_iteration (NULL, TRUE);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GListModel *entries = dorsum_library_get_entries (library, kinds[k]);

      for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
        {
          g_autoptr(DorsumEntry) entry = g_list_model_get_item (entries, i);
          GtkWidget *picture = show (page, entry);
          g_autofree char *description = NULL;

          g_test_message ("%s", dorsum_entry_get_id (entry));
          g_assert_nonnull (picture);
          g_assert_cmpstr (dorsum_illustration_view_get_id (DORSUM_ILLUSTRATION_VIEW (picture)), ==,
                           dorsum_entry_get_id (entry));
          g_assert_true (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (picture)) == GTK_ACCESSIBLE_ROLE_IMG);
          description = dorsum_library_dup_illustration_description (dorsum_entry_get_id (entry));
          gtk_test_accessible_assert_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
          /* Shown whole, at its drawn size in a window this wide. */
          g_assert_true (gtk_widget_get_mapped (picture));
          g_assert_cmpint (gtk_widget_get_width (picture), >=, 400);
          g_assert_cmpint (gtk_widget_get_height (picture), >=, 300);
          n++;
        }
    }
  g_assert_cmpuint (n, >=, 30);

  /* A muscle page has no picture of a pose. */
  g_assert_null (show (page, dorsum_library_lookup (library, "trapezius-descending")));

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

/* In a narrow window the picture shrinks with the column and keeps its proportions. */
static void
test_picture_shrinks (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = dorsum_entry_page_new ();
  GtkWidget *picture;
  int width, height;

  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 800);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 200 && gtk_widget_get_width (page) == 0; i++)
    g_main_context_iteration (NULL, TRUE);

  picture = show (page, dorsum_library_lookup (library, "childs-pose"));
  g_assert_nonnull (picture);
  width = gtk_widget_get_width (picture);
  height = gtk_widget_get_height (picture);
  g_assert_cmpint (width, <=, 300);
  g_assert_cmpint (width, >, 150);
  g_assert_cmpint (height, <, 300);

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  test_gui_init (&argc, &argv);
  adw_init ();

  library = dorsum_library_new ();
  g_assert_true (dorsum_library_load_builtin (library, &error));
  g_assert_no_error (error);

  g_test_add_func ("/entry-page/every-exercise-has-picture", test_every_exercise_has_picture);
  g_test_add_func ("/entry-page/picture-shrinks", test_picture_shrinks);

  status = g_test_run ();
  g_clear_object (&library);

  return status;
}
