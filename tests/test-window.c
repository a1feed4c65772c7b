/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Window tests under a display: list → page and diagram, history, search for a lay name,
 * bookmarks kept in settings, and folding in a narrow window. */

#include "config.h"

#define _GNU_SOURCE
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "dorsum-application.h"
#include "dorsum-browse.h"
#include "dorsum-diagram-view.h"
#include "dorsum-entry-page.h"
#include "dorsum-handout.h"
#include "dorsum-window-private.h"
#include "test-common.h"
#include "test-gui-common.h"
#include "test-pdf.h"

static DorsumApplication *app;

static DorsumWindow *
new_window (int width,
            int height)
{
  return test_new_window (app, width, height);
}

static guint
find_in_list (DorsumWindow *window,
              const char   *id)
{
  GListModel *model = dorsum_window_get_list_model (window);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (DORSUM_IS_ENTRY (item) && g_str_equal (dorsum_entry_get_id (DORSUM_ENTRY (item)), id))
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* The sidebar's list, not the one inside the drop-down's popover. */
static gboolean
is_sidebar_list (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_LIST_VIEW (widget) && gtk_widget_has_css_class (widget, "navigation-sidebar");
}

static gboolean
is_primary_menu_button (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

static gboolean
has_type_name (GtkWidget     *widget,
               gconstpointer  type_name)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (widget), type_name);
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return GTK_IS_ACTIONABLE (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static void
test_list_selects (void)
{
  DorsumWindow *window = new_window (1280, 800);
  DorsumDiagramView *view = dorsum_window_get_diagram_view (window);
  GtkWidget *list_view = find_widget (GTK_WIDGET (window), is_sidebar_list, NULL);
  guint position = find_in_list (window, "piriformis");

  /* Activating the row, as a click or Enter does, opens the page and highlights both sides. */
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  gtk_widget_activate_action (list_view, "list.activate-item", "u", position);
  settle ();

  g_assert_cmpstr (dorsum_window_get_shown_id (window), ==, "piriformis");
  g_assert_cmpstr (dorsum_diagram_view_get_selected (view), ==, "piriformis");
  g_assert_cmpint (dorsum_diagram_view_get_layer (view), ==, DORSUM_LAYER_DEEP);
  g_assert_true (g_strv_contains (dorsum_diagram_view_get_highlight (view), "piriformis"));

  /* A technique highlights the muscles it is used on, together. */
  g_assert_true (dorsum_window_show_entry (window, "cross-fiber-friction"));
  g_assert_null (dorsum_diagram_view_get_selected (view));
  g_assert_cmpuint (g_strv_length ((GStrv)dorsum_diagram_view_get_highlight (view)), >=, 3);

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

/* Until its first frame the list has rows only for what fits in the window; then it has
 * all items, and the entry shown is selected even if it was beyond the first rows. */
static void
test_first_rows (void)
{
  DorsumWindow *window = dorsum_window_new (app);
  GListModel *rows = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (find_widget (GTK_WIDGET (window), is_sidebar_list, NULL))));
  GListModel *all = dorsum_window_get_list_model (window);
  guint n_all = g_list_model_get_n_items (all);
  g_autoptr(GObject) last = g_list_model_get_item (all, n_all - 1);

  g_assert_true (DORSUM_IS_ENTRY (last));
  g_assert_cmpuint (g_list_model_get_n_items (rows), <, n_all);
  g_assert_true (dorsum_window_show_entry (window, dorsum_entry_get_id (DORSUM_ENTRY (last))));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (rows)), ==, GTK_INVALID_LIST_POSITION);

  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 200 && g_list_model_get_n_items (rows) < n_all; i++)
    {
      g_usleep (10000);
      g_main_context_iteration (NULL, FALSE);
    }

  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_all);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (rows)), ==, n_all - 1);

  /* So does every new list, such as a search's results: its first frame has what fits. */
  dorsum_window_search (window, "s");
  all = dorsum_window_get_list_model (window);
  n_all = g_list_model_get_n_items (all);
  g_assert_cmpuint (g_list_model_get_n_items (rows), <, n_all);
  for (guint i = 0; i < 200 && g_list_model_get_n_items (rows) < n_all; i++)
    {
      g_usleep (10000);
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_all);

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

/* The main menu is made when it first opens (F10 or a click), with its chart actions. */
static void
test_main_menu (void)
{
  DorsumWindow *window = new_window (1280, 800);
  GtkMenuButton *button = GTK_MENU_BUTTON (find_widget (GTK_WIDGET (window), is_primary_menu_button, NULL));
  GMenuModel *menu;
  gboolean has_chart_new = FALSE;

  g_assert_nonnull (button);
  g_assert_null (gtk_menu_button_get_menu_model (button));

  gtk_menu_button_popup (button);
  settle ();
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (button))));

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *action = NULL;

          if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action))
            has_chart_new |= g_str_equal (action, "win.chart-new");
        }
    }
  g_assert_true (has_chart_new);

  gtk_menu_button_popdown (button);
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  /* The page's own text: rows and groups are libadwaita's. */
  if (GTK_IS_LABEL (widget) && gtk_label_get_wrap (GTK_LABEL (widget)) && gtk_label_get_selectable (GTK_LABEL (widget)))
    g_ptr_array_add (labels, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

/* Page text breaks between words, and anywhere in text with a word too long for a narrow
 * page: in a phone-wide page no line is wider than its label. */
static void
test_page_wraps (void)
{
  /* Unbreakable between words: wider than a phone-wide page at any text size. */
  const char *long_word = "Pneumonoultramicroscopicsilicovolcanoconiosisfibrositis";
  g_autofree char *seed_path = g_test_build_filename (G_TEST_DIST, "data", "good", "seed.xml", NULL);
  g_autofree char *seed = NULL;
  g_autofree char *dir = test_make_tmp_dir ("dorsum-page-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "seed.xml", NULL);
  g_autoptr(GString) text = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = dorsum_entry_page_new ();
  guint n_long = 0;

  g_assert_true (g_file_get_contents (seed_path, &seed, NULL, NULL));
  text = g_string_new (seed);
  g_assert_cmpuint (g_string_replace (text, "Gray's Anatomy, 42nd edition", long_word, 1), ==, 1);
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
  file = g_file_new_for_path (path);
  g_assert_true (dorsum_library_add_pack (library, file, NULL));

  dorsum_entry_page_set_entry (DORSUM_ENTRY_PAGE (page), library, dorsum_library_lookup (library, "test-latissimus"));
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 2000);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 100 && gtk_widget_get_width (page) == 0; i++)
    g_main_context_iteration (NULL, TRUE);
  /* The rest of the page follows its first screen. */
  for (guint i = 0; i < 50; i++)
    {
      g_usleep (5000);
      settle ();
    }

  collect_labels (page, labels);
  g_assert_cmpuint (labels->len, >, 5);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);
      gboolean is_long = strstr (gtk_label_get_text (label), long_word) != NULL;
      /* The title, a few large words, may break anywhere (at 200 % text a word can be wider
       * than the page). */
      gboolean is_title = gtk_widget_has_css_class (GTK_WIDGET (label), "title-1");
      int width;

      n_long += is_long;
      g_assert_cmpint (gtk_label_get_wrap_mode (label), ==, is_long || is_title ? PANGO_WRAP_WORD_CHAR : PANGO_WRAP_WORD);
      pango_layout_get_pixel_size (gtk_label_get_layout (label), &width, NULL);
      g_assert_cmpint (width, <=, gtk_widget_get_width (GTK_WIDGET (label)));
    }
  g_assert_cmpuint (n_long, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_unlink (path);
  g_rmdir (dir);
}

static guint
count_children (GtkWidget *widget,
                gboolean   visible_only)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += !visible_only || gtk_widget_get_visible (child);

  return n;
}

/* Opening another entry shows only its widgets at once, and the previous page's widgets
 * are let go soon after, not kept. */
static void
test_page_replaced (void)
{
  DorsumWindow *window = new_window (1280, 800);
  GtkWidget *column = find_widget (GTK_WIDGET (window), has_type_name, "DorsumPageColumn");

  g_assert_nonnull (column);
  g_assert_true (dorsum_window_show_entry (window, "latissimus-dorsi"));
  g_assert_true (dorsum_window_show_entry (window, "trigger-point-therapy"));
  g_assert_true (dorsum_window_show_entry (window, "piriformis"));
  g_assert_cmpuint (count_children (column, TRUE), ==, 1);

  for (guint i = 0; i < 100 && count_children (column, FALSE) > 1; i++)
    {
      g_usleep (5000);
      settle ();
    }
  g_assert_cmpuint (count_children (column, FALSE), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

static void
test_history (void)
{
  DorsumWindow *window = new_window (1280, 800);

  g_assert_true (dorsum_window_show_entry (window, "quadratus-lumborum"));
  g_assert_true (dorsum_window_show_entry (window, "trigger-point-therapy"));
  g_assert_true (dorsum_window_show_entry (window, "standing-side-bend"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  g_assert_cmpstr (dorsum_window_get_shown_id (window), ==, "trigger-point-therapy");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  g_assert_cmpstr (dorsum_window_get_shown_id (window), ==, "quadratus-lumborum");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.forward", NULL);
  g_assert_cmpstr (dorsum_window_get_shown_id (window), ==, "trigger-point-therapy");

  /* Going somewhere new drops the forward history, as in a browser. */
  g_assert_true (dorsum_window_show_entry (window, "piriformis"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.forward", NULL);
  g_assert_cmpstr (dorsum_window_get_shown_id (window), ==, "piriformis");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  g_assert_cmpstr (dorsum_window_get_shown_id (window), ==, "trigger-point-therapy");

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

static void
test_search_lay_name (void)
{
  DorsumWindow *window = new_window (1280, 800);
  GListModel *model;
  g_autoptr(GObject) first = NULL;
  g_autoptr(GObject) second = NULL;

  dorsum_window_search (window, "lats");
  model = dorsum_window_get_list_model (window);
  first = g_list_model_get_item (model, 0);
  second = g_list_model_get_item (model, 1);

  /* Results are grouped: a heading, then the best match. */
  g_assert_true (DORSUM_IS_SECTION (first));
  g_assert_true (DORSUM_IS_ENTRY (second));
  g_assert_cmpstr (dorsum_entry_get_id (DORSUM_ENTRY (second)), ==, "latissimus-dorsi");

  /* A phrase a client says finds a condition. */
  dorsum_window_search (window, "lower back hurts when I sit");
  g_assert_cmpuint (find_in_list (window, "chronic-low-back-pain"), !=, GTK_INVALID_LIST_POSITION);

  /* The entry's late report of that same text does not build the list again. */
  model = dorsum_window_get_list_model (window);
  settle ();
  g_assert_true (dorsum_window_get_list_model (window) == model);

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

static gboolean
is_reason_label (GtkWidget     *widget,
                 gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && gtk_label_get_use_markup (GTK_LABEL (widget)) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

/* Rows say why they matched; only near spellings make the list ask what was meant. */
static void
test_search_reasons (void)
{
  DorsumWindow *window = new_window (1280, 800);
  GtkWidget *list_view = find_widget (GTK_WIDGET (window), is_sidebar_list, NULL);
  g_autoptr(GObject) first = NULL;
  GtkWidget *label;

  dorsum_window_search (window, "tailbone");
  for (guint i = 0; i < 20; i++)
    {
      g_usleep (5000);
      settle ();
    }
  g_assert_cmpuint (find_in_list (window, "gluteus-maximus"), !=, GTK_INVALID_LIST_POSITION);
  label = find_widget (list_view, is_reason_label, "Refers pain: ");
  g_assert_nonnull (label);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "<b>"));

  dorsum_window_search (window, "rhomboyd");
  first = g_list_model_get_item (dorsum_window_get_list_model (window), 0);
  g_assert_true (DORSUM_IS_SECTION (first));
  g_assert_cmpstr (dorsum_section_get_title (DORSUM_SECTION (first)), ==, "Did you mean “rhomboid”?");
  g_assert_cmpuint (find_in_list (window, "rhomboid-major"), !=, GTK_INVALID_LIST_POSITION);

  g_clear_object (&first);
  dorsum_window_search (window, "rhomboid");
  first = g_list_model_get_item (dorsum_window_get_list_model (window), 0);
  g_assert_cmpstr (dorsum_section_get_title (DORSUM_SECTION (first)), !=, "Did you mean “rhomboid”?");

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

static gboolean
links_to (DorsumEntry *entry,
          const char  *id)
{
  for (guint i = 0; i < dorsum_entry_get_n_links (entry); i++)
    if (g_str_equal (dorsum_entry_get_link (entry, i)->id, id))
      return TRUE;

  return FALSE;
}

/* Shows @entry's page and waits until a row titled @title is on it. */
static gboolean
page_has_row (DorsumEntry *entry,
              const char  *title)
{
  DorsumLibrary *library = dorsum_application_get_library (app);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = dorsum_entry_page_new ();
  gboolean found = FALSE;

  dorsum_entry_page_set_entry (DORSUM_ENTRY_PAGE (page), library, entry);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 2000);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 100 && gtk_widget_get_width (page) == 0; i++)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 50 && !found; i++)
    {
      g_usleep (5000);
      settle ();
      found = find_widget (page, is_row_titled, title) != NULL;
    }

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();

  return found;
}

static gboolean
is_heading_titled (GtkWidget     *widget,
                   gconstpointer  title)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "heading") &&
         g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), title);
}

/* The <avoid> text of a stretch is safety text: it sits under "Avoid", not under a heading
 * about what the stretch should feel like. */
static void
test_page_avoid_heading (void)
{
  DorsumLibrary *library = dorsum_application_get_library (app);
  DorsumEntry *entry = dorsum_library_lookup (library, "childs-pose");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = dorsum_entry_page_new ();
  GtkWidget *heading = NULL, *text;

  dorsum_entry_page_set_entry (DORSUM_ENTRY_PAGE (page), library, entry);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 2000);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 100 && gtk_widget_get_width (page) == 0; i++)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 50 && heading == NULL; i++)
    {
      g_usleep (5000);
      settle ();
      heading = find_widget (page, is_heading_titled, "Avoid");
    }

  g_assert_nonnull (heading);
  g_assert_null (find_widget (page, is_heading_titled, "Should not feel"));
  /* The text under the heading is the entry's <avoid>. */
  text = gtk_widget_get_next_sibling (heading);
  g_assert_true (GTK_IS_LABEL (text));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (text)), ==, dorsum_entry_lookup_value (entry, "avoid"));

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

/* A link written on one side shows on both pages: a muscle that names a technique the
 * technique does not name, and the other way round. */
static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

/* Shows @entry's page and waits until a label that @test accepts for @text is on it;
 * returns a copy of that label's text. */
static char *
page_label (DorsumEntry *entry,
            WidgetTest   test,
            const char  *text)
{
  DorsumLibrary *library = dorsum_application_get_library (app);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = dorsum_entry_page_new ();
  GtkWidget *found = NULL;
  char *copy = NULL;

  dorsum_entry_page_set_entry (DORSUM_ENTRY_PAGE (page), library, entry);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 2000);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 100 && gtk_widget_get_width (page) == 0; i++)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 50 && found == NULL; i++)
    {
      g_usleep (5000);
      settle ();
      found = find_widget (page, test, text);
    }
  if (found != NULL)
    copy = g_strdup (gtk_label_get_text (GTK_LABEL (found)));

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();

  return copy;
}

/* The therapist sees, on a muscle's or a stretch's page, the very text the client will read;
 * a note on the drawing shows apart from the referral, never inside it. */
static void
test_page_client_text (void)
{
  DorsumLibrary *library = dorsum_application_get_library (app);
  DorsumEntry *stretch = dorsum_library_lookup (library, "levator-scapulae-stretch");
  DorsumEntry *muscle = dorsum_library_lookup (library, "rectus-femoris");
  DorsumEntry *technique = dorsum_library_lookup (library, "effleurage");
  const DorsumTriggerPoint *tp = dorsum_entry_get_trigger_point (muscle, 0);
  g_autofree char *stretch_text = dorsum_entry_dup_client_text (stretch);
  g_autofree char *muscle_text = dorsum_entry_dup_client_text (muscle);
  g_autofree char *shown = NULL;
  g_autofree char *note = NULL;
  g_autofree char *referral = NULL;
  g_autofree char *heading = NULL;

  shown = page_label (stretch, is_label_with_text, stretch_text);
  g_assert_cmpstr (shown, ==, stretch_text);
  g_clear_pointer (&shown, g_free);
  shown = page_label (muscle, is_label_with_text, muscle_text);
  g_assert_cmpstr (shown, ==, muscle_text);
  heading = page_label (muscle, is_label_with_text, "For Your Client");
  g_assert_nonnull (heading);
  g_clear_pointer (&heading, g_free);
  heading = page_label (technique, is_label_with_text, "For Your Client");
  g_assert_null (heading);

  g_assert_nonnull (tp->drawing_note);
  note = page_label (muscle, is_label_containing, tp->drawing_note);
  g_assert_nonnull (note);
  referral = page_label (muscle, is_label_containing, tp->referral);
  g_assert_nonnull (referral);
  g_assert_null (strstr (referral, tp->drawing_note));
}

/* A link written on one side shows on both pages: a muscle that names a technique the
 * technique does not name, and the other way round. */
static void
test_page_links_both_ways (void)
{
  DorsumLibrary *library = dorsum_application_get_library (app);
  GListModel *techniques = dorsum_library_get_entries (library, DORSUM_KIND_TECHNIQUE);
  GListModel *muscles = dorsum_library_get_entries (library, DORSUM_KIND_MUSCLE);
  guint checked = 0;

  for (guint t = 0; t < g_list_model_get_n_items (techniques) && checked < 2; t++)
    {
      g_autoptr(DorsumEntry) technique = g_list_model_get_item (techniques, t);

      for (guint m = 0; m < g_list_model_get_n_items (muscles) && checked < 2; m++)
        {
          g_autoptr(DorsumEntry) muscle = g_list_model_get_item (muscles, m);
          gboolean there = links_to (technique, dorsum_entry_get_id (muscle));
          gboolean back = links_to (muscle, dorsum_entry_get_id (technique));

          if (there == back)
            continue;

          /* The page of the side that does not write the link lists the other. */
          if (there)
            g_assert_true (page_has_row (muscle, dorsum_entry_get_name (technique)));
          else
            g_assert_true (page_has_row (technique, dorsum_entry_get_name (muscle)));
          checked++;
        }
    }

  g_assert_cmpuint (checked, ==, 2);
}

static void
test_bookmarks (void)
{
  DorsumWindow *window = new_window (1280, 800);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_auto(GStrv) saved = NULL;
  g_auto(GStrv) cleared = NULL;

  g_assert_true (dorsum_window_show_entry (window, "levator-scapulae"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.bookmark", NULL);
  saved = g_settings_get_strv (settings, "bookmarks");
  g_assert_true (g_strv_contains ((const char * const *)saved, "levator-scapulae"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.bookmark", NULL);
  cleared = g_settings_get_strv (settings, "bookmarks");
  g_assert_false (g_strv_contains ((const char * const *)cleared, "levator-scapulae"));

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

/* The sidebar as a user goes through it: picks Bookmarks, stars an entry and sees it
 * listed, unstars it and sees the list empty; picks Recent and sees what was opened, last
 * first, with the shown entry's row selected; types a search and presses Enter to open
 * the first result; clears it with Escape and has the Recent list back. */
static void
test_sidebar_lists (void)
{
  DorsumWindow *window = new_window (1280, 800);
  GtkWidget *sidebar = find_widget (GTK_WIDGET (window), is_type, GSIZE_TO_POINTER (DORSUM_TYPE_SIDEBAR));
  GtkDropDown *browse = GTK_DROP_DOWN (find_widget (sidebar, is_type, GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN)));
  GtkWidget *search = find_widget (sidebar, is_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY));
  GtkListView *list = GTK_LIST_VIEW (find_widget (sidebar, is_sidebar_list, NULL));
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_STACK));
  GtkSingleSelection *selection;
  GListModel *model;
  g_autoptr(DorsumEntry) first = NULL;
  g_autoptr(DorsumEntry) second = NULL;

  g_assert_nonnull (browse);
  g_assert_nonnull (search);
  g_assert_true (gtk_widget_has_focus (search) || gtk_widget_is_focus (search) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), search));

  gtk_drop_down_set_selected (browse, DORSUM_BROWSE_BOOKMARKS);
  settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  g_assert_true (dorsum_window_show_entry (window, "piriformis"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.bookmark", NULL);
  settle ();
  model = dorsum_window_get_list_model (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (dorsum_entry_get_id (first), ==, "piriformis");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.bookmark", NULL);
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (dorsum_window_get_list_model (window)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  gtk_drop_down_set_selected (browse, DORSUM_BROWSE_RECENT);
  g_assert_true (dorsum_window_show_entry (window, "trapezius"));
  settle ();
  model = dorsum_window_get_list_model (window);
  g_clear_object (&first);
  first = g_list_model_get_item (model, 0);
  second = g_list_model_get_item (model, 1);
  g_assert_cmpstr (dorsum_entry_get_id (first), ==, "trapezius");
  g_assert_cmpstr (dorsum_entry_get_id (second), ==, "piriformis");
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);

  /* Typing, then Enter: the first result opens. */
  gtk_widget_grab_focus (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "rhomboyd");
  settle ();
  g_signal_emit_by_name (search, "activate");
  settle ();
  g_assert_cmpstr (dorsum_window_get_shown_id (window), ==, "rhomboid-major");

  /* Escape in the search clears it: the Recent list is back, rhomboid major first. */
  g_signal_emit_by_name (search, "stop-search");
  settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "");
  g_clear_object (&first);
  first = g_list_model_get_item (dorsum_window_get_list_model (window), 0);
  g_assert_cmpstr (dorsum_entry_get_id (first), ==, "rhomboid-major");

  gtk_drop_down_set_selected (browse, DORSUM_BROWSE_MUSCLES_BY_REGION);
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

/* The shown shortcuts window of @window, or NULL. */
static GtkWindow *
find_shortcuts_window (DorsumWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (toplevel) && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        found = toplevel;
    }

  return found;
}

/* Built when first asked for, shown again after closing, gone with its window. */
static void
test_shortcuts_window (void)
{
  DorsumWindow *window = new_window (1280, 800);
  GtkWindow *shortcuts;

  g_assert_null (find_shortcuts_window (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  settle ();
  shortcuts = find_shortcuts_window (window);
  g_assert_nonnull (shortcuts);
  g_object_add_weak_pointer (G_OBJECT (shortcuts), (gpointer *)&shortcuts);

  gtk_window_close (shortcuts);
  settle ();
  g_assert_null (find_shortcuts_window (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  settle ();
  g_assert_true (find_shortcuts_window (window) == shortcuts);

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_assert_null (shortcuts);
}

static void
test_narrow_folds (void)
{
  DorsumWindow *wide = new_window (1280, 800);
  DorsumWindow *narrow = new_window (360, 700);

  g_assert_false (dorsum_window_get_folded (wide));
  g_assert_true (dorsum_window_get_folded (narrow));
  /* Nothing forces it wider than a phone. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (narrow)), <=, 360);

  gtk_window_destroy (GTK_WINDOW (wide));
  gtk_window_destroy (GTK_WINDOW (narrow));
  settle ();
}

static void
check_tooltips (GtkWidget *widget,
                guint     *n_buttons)
{
  const char *action = GTK_IS_BUTTON (widget) ? gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) : NULL;

  /* Ours, not GTK's window controls. */
  if (action != NULL && (g_str_has_prefix (action, "win.") || g_str_has_prefix (action, "diagram.")) &&
      gtk_widget_get_visible (widget))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      if (tooltip == NULL || tooltip[0] == '\0')
        g_error ("The %s button has no tooltip", action);
      (*n_buttons)++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    check_tooltips (child, n_buttons);
}

/* Every button with an action has a tooltip (given after the first frame), and each layer
 * button its own. */
static void
test_tooltips (void)
{
  DorsumWindow *window = new_window (1280, 800);
  GtkWidget *deep = NULL;
  guint n_buttons = 0;

  for (guint i = 0; i < 100 && gtk_widget_get_tooltip_text (find_widget (GTK_WIDGET (window), has_action, "diagram.zoom-in")) == NULL; i++)
    {
      g_usleep (5000);
      settle ();
    }

  check_tooltips (GTK_WIDGET (window), &n_buttons);
  g_assert_cmpuint (n_buttons, >=, 12);

  for (GtkWidget *w = find_widget (GTK_WIDGET (window), has_action, "diagram.layer"); w && !deep; w = gtk_widget_get_next_sibling (w))
    if (g_variant_get_uint32 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (w))) == DORSUM_LAYER_DEEP)
      deep = w;
  g_assert_nonnull (deep);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (deep), ==, "Deep Layer (Ctrl+3)");
  /* And the widgets without an action, by their template ids. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (find_widget (GTK_WIDGET (window), is_primary_menu_button, NULL)), ==, "Main Menu");

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

/* In a 1024 px window every button over the diagram shows whole: none is scrolled or
 * clipped away by the page beside it. */
static void
test_toolbar_fits (void)
{
  DorsumWindow *window = new_window (1024, 768);
  const char *actions[] = { "diagram.labels", "diagram.chart-mode", "diagram.trigger-points",
                            "diagram.zoom-out", "diagram.zoom-fit", "diagram.zoom-in" };
  GtkWidget *diagram_side = gtk_paned_get_start_child (GTK_PANED (gtk_widget_get_ancestor (GTK_WIDGET (dorsum_window_get_diagram_view (window)),
                                                                                           GTK_TYPE_PANED)));

  g_assert_false (dorsum_window_get_folded (window));
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GtkWidget *button = find_widget (diagram_side, has_action, actions[i]);
      graphene_rect_t bounds;

      g_assert_nonnull (button);
      g_assert_true (gtk_widget_get_mapped (button));
      g_assert_true (gtk_widget_compute_bounds (button, diagram_side, &bounds));
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (diagram_side));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

static void
test_chart_mode (void)
{
  DorsumWindow *window = new_window (1280, 800);
  DorsumDiagramView *view = dorsum_window_get_diagram_view (window);
  DorsumChart *chart = dorsum_window_get_chart (window);
  g_autofree char *dir = test_make_tmp_dir ("dorsum-window-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "client.dorsum-chart", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "charts", "bad", "bad-intensity.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GError) error = NULL;
  double x, y;

  /* In chart mode a click on the lower back adds a mark there, not a muscle page. */
  gtk_widget_activate_action (GTK_WIDGET (window), "diagram.chart-mode", NULL);
  g_assert_true (dorsum_diagram_view_get_chart_mode (view));
  settle ();
  dorsum_diagram_view_diagram_to_widget (view, 445, 745, &x, &y);
  g_assert_cmpint (dorsum_diagram_view_chart_click (view, x, y), ==, 0);
  g_assert_cmpuint (dorsum_chart_get_n_marks (chart), ==, 1);
  g_assert_cmpfloat_with_epsilon (dorsum_chart_get_mark (chart, 0)->x, 445, 1.0);
  g_assert_null (dorsum_window_get_shown_id (window));

  /* A second click on the same mark chooses it instead of adding another. */
  g_assert_cmpint (dorsum_diagram_view_chart_click (view, x, y), ==, 0);
  g_assert_cmpuint (dorsum_chart_get_n_marks (chart), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (dorsum_chart_get_n_marks (chart), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpuint (dorsum_chart_get_n_marks (chart), ==, 1);

  /* Save, then a bad file changes nothing, then open what was saved. */
  g_assert_true (dorsum_window_save_chart (window, file, &error));
  g_assert_false (dorsum_chart_get_modified (chart));
  g_assert_false (dorsum_window_open_chart (window, bad_file, &error));
  g_assert_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_SCHEMA);
  g_clear_error (&error);
  g_assert_true (dorsum_window_get_chart (window) == chart);
  g_assert_true (dorsum_window_open_chart (window, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dorsum_chart_get_n_marks (dorsum_window_get_chart (window)), ==, 1);

  /* Printing the handout, through the print machinery into a PDF: the core's pages, as
   * many as it lays out, with the therapist's details from the settings. */
  {
    g_autofree char *pdf = g_build_filename (dir, "printed.pdf", NULL);
    g_autofree char *contents = NULL;
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autoptr(DorsumHandout) handout = NULL;
    double width, page_width = 0, page_height = 0;
    int n_pages;
    gsize length;

    g_settings_set_string (settings, "handout-practice", "Northside Remedial Massage");
    g_settings_set_string (settings, "handout-paper-size", "letter");
    handout = dorsum_handout_new (dorsum_application_get_library (app), dorsum_window_get_chart (window));
    dorsum_handout_get_page_size (handout, &width, NULL);
    g_assert_cmpfloat (width, ==, 612);

    g_assert_true (dorsum_window_print_handout (window, pdf, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
    n_pages = test_pdf_get_n_pages (pdf, &page_width, &page_height);
    if (n_pages >= 0)
      {
        g_assert_cmpint (n_pages, ==, (int)dorsum_handout_get_n_pages (handout));
        g_assert_cmpfloat_with_epsilon (page_width, 612, 0.01);
      }
    g_settings_reset (settings, "handout-practice");
    g_settings_reset (settings, "handout-paper-size");
    g_unlink (pdf);
  }

  /* Presentation hides everything but the diagram; Escape leaves it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.presentation", NULL);
  g_assert_true (dorsum_window_get_presenting (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.leave-presentation", NULL);
  g_assert_false (dorsum_window_get_presenting (window));

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GSettings) settings = NULL;
  int status;

  test_gui_init (&argc, &argv);
  adw_init ();

  /* The first-run note would sit over the windows; it has been seen. */
  settings = g_settings_new (APP_ID);
  g_settings_set_boolean (settings, "disclaimer-shown", TRUE);

  app = dorsum_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/window/list-selects", test_list_selects);
  g_test_add_func ("/window/first-rows", test_first_rows);
  g_test_add_func ("/window/main-menu", test_main_menu);
  g_test_add_func ("/window/page-wraps", test_page_wraps);
  g_test_add_func ("/window/page-replaced", test_page_replaced);
  g_test_add_func ("/window/history", test_history);
  g_test_add_func ("/window/search-lay-name", test_search_lay_name);
  g_test_add_func ("/window/search-reasons", test_search_reasons);
  g_test_add_func ("/window/page-links-both-ways", test_page_links_both_ways);
  g_test_add_func ("/window/page-avoid-heading", test_page_avoid_heading);
  g_test_add_func ("/window/page-client-text", test_page_client_text);
  g_test_add_func ("/window/bookmarks", test_bookmarks);
  g_test_add_func ("/window/sidebar-lists", test_sidebar_lists);
  g_test_add_func ("/window/narrow-folds", test_narrow_folds);
  g_test_add_func ("/window/toolbar-fits", test_toolbar_fits);
  g_test_add_func ("/window/tooltips", test_tooltips);
  g_test_add_func ("/window/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/window/chart-mode", test_chart_mode);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
