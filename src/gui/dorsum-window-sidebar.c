/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's sidebar: the library listed by region, kind, bookmarks or recent entries,
 * or searched as the user types, with the row of the shown entry selected. Part of
 * DorsumWindow (see dorsum-window-private.h), kept apart from the atlas and the page. */

#define G_LOG_DOMAIN "dorsum-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dorsum-browse.h"
#include "dorsum-search.h"
#include "dorsum-window-private.h"

/* GTK 4.8's list view makes a row for each of the first 200 items of a new model at once,
 * before it knows how many fit: one keystroke that matched a hundred entries took two
 * frames. The list offers the rows that fit in its height and the rest at idle, after the
 * frame that shows them. Adwaita gives a sidebar's rows a minimum height of 36 px; with
 * another theme the rows a frame lacks would only show a frame late. */
#define MIN_ROW_HEIGHT 36

/* Shows which entry is open, if it is in the list. */
void
_dorsum_window_select_shown (DorsumWindow *self)
{
  GListModel *model = self->list_model;
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; self->shown_id && model && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (DORSUM_IS_ENTRY (item) && g_str_equal (dorsum_entry_get_id (DORSUM_ENTRY (item)), self->shown_id))
        {
          position = i;
          break;
        }
    }

  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
}

static int
list_height_bound (DorsumWindow *self)
{
  int width, height = gtk_widget_get_height (GTK_WIDGET (self->list_view));

  if (height > 0)
    return height;

  /* Not laid out yet: the window is the bound. Both are needed: GTK 4.8 writes to each. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (gtk_window_is_maximized (GTK_WINDOW (self)) || gtk_window_is_fullscreen (GTK_WINDOW (self)) || height <= 0)
    {
      GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));

      for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
        {
          g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
          GdkRectangle geometry;

          gdk_monitor_get_geometry (monitor, &geometry);
          height = MAX (height, geometry.height);
        }
    }

  return height;
}

gboolean
_dorsum_window_show_all_rows (gpointer data)
{
  DorsumWindow *self = data;

  self->all_rows_idle = 0;
  self->rows_waiting = FALSE;
  gtk_slice_list_model_set_size (self->list_slice, G_MAXUINT);
  _dorsum_window_select_shown (self);

  return G_SOURCE_REMOVE;
}

static void
offer_rows_that_fit (DorsumWindow *self)
{
  int height = list_height_bound (self);

  if (height <= 0)
    return;

  /* The rest follow after the next frame (see frame_painted()). */
  gtk_slice_list_model_set_size (self->list_slice, (guint)height / MIN_ROW_HEIGHT + 1);
  self->rows_waiting = TRUE;
}

static void
set_list_model (DorsumWindow *self,
                GListModel   *model,
                const char   *empty_title,
                const char   *empty_description)
{
  g_set_object (&self->list_model, model);
  offer_rows_that_fit (self);
  gtk_slice_list_model_set_model (self->list_slice, model);

  if (g_list_model_get_n_items (model) == 0)
    {
      adw_status_page_set_title (self->list_empty, empty_title);
      adw_status_page_set_description (self->list_empty, empty_description);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");

  _dorsum_window_select_shown (self);
}

void
_dorsum_window_refresh_list (DorsumWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  DorsumBrowse browse = gtk_drop_down_get_selected (self->browse_dropdown);
  g_autoptr(GListModel) model = NULL;

  g_free (self->list_query);
  self->list_query = g_strdup (text);

  if (text[0] != '\0')
    {
      g_autoptr(GArray) results = NULL;

      /* Asked for on the first query: it is still being built while the window first shows. */
      if (self->search_index == NULL)
        self->search_index = g_object_ref (dorsum_application_get_search_index (DORSUM_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)))));
      results = dorsum_search_index_query (self->search_index, text, 0);

      model = dorsum_browse_build_results (results);
      set_list_model (self, model, _("No Results"), _("Try another name, a Latin name, or where it hurts"));
      return;
    }

  model = dorsum_browse_build (self->library, browse,
                               (const char * const *)(browse == DORSUM_BROWSE_BOOKMARKS ? self->bookmarks : self->recent));

  if (browse == DORSUM_BROWSE_BOOKMARKS)
    set_list_model (self, model, _("No Bookmarks"), _("Star an entry to keep it here"));
  else
    set_list_model (self, model, _("Nothing Opened Yet"), _("Entries you open appear here"));
}

void
_dorsum_window_save_strv (DorsumWindow *self,
           const char   *key,
           GStrv         value)
{
  if (self->settings != NULL)
    g_settings_set_strv (self->settings, key, (const char * const *)value);
}

gboolean
_dorsum_window_is_bookmarked (DorsumWindow *self,
               const char   *id)
{
  return id != NULL && g_strv_contains ((const char * const *)self->bookmarks, id);
}

/* Strv helpers for the bookmark and recent lists, which are short. */
GStrv
_dorsum_window_strv_without (GStrv       strv,
              const char *id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; strv && strv[i]; i++)
    if (!g_str_equal (strv[i], id))
      g_strv_builder_add (builder, strv[i]);

  return g_strv_builder_end (builder);
}

void
_dorsum_window_remember_recent (DorsumWindow *self,
                 const char   *id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) rest = _dorsum_window_strv_without (self->recent, id);

  g_strv_builder_add (builder, id);
  for (guint i = 0; rest[i] && i < MAX_RECENT - 1; i++)
    g_strv_builder_add (builder, rest[i]);

  g_strfreev (self->recent);
  self->recent = g_strv_builder_end (builder);
  _dorsum_window_save_strv (self, "recent", self->recent);
}

void
dorsum_window_search (DorsumWindow *self,
                      const char   *text)
{
  g_return_if_fail (DORSUM_IS_WINDOW (self));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
  /* Results now, not after the entry's typing delay. */
  _dorsum_window_refresh_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GListModel *
dorsum_window_get_list_model (DorsumWindow *self)
{
  g_return_val_if_fail (DORSUM_IS_WINDOW (self), NULL);

  return self->list_model;
}

static void
list_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "secondary-text");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static void
list_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GObject *object = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);

  if (DORSUM_IS_SECTION (object))
    {
      /* A heading: not a row to choose. */
      gtk_label_set_label (GTK_LABEL (title), dorsum_section_get_title (DORSUM_SECTION (object)));
      gtk_widget_add_css_class (title, "heading");
      gtk_widget_add_css_class (title, "secondary-text");
      gtk_widget_set_visible (subtitle, FALSE);
      gtk_widget_set_margin_top (box, 12);
      gtk_list_item_set_activatable (item, FALSE);
      gtk_list_item_set_selectable (item, FALSE);
    }
  else
    {
      DorsumEntry *entry = DORSUM_ENTRY (object);
      const char *latin = dorsum_entry_get_latin (entry);
      const char *summary = dorsum_entry_get_summary (entry);
      /* A search result says why it matched. */
      g_autofree char *reason = dorsum_browse_get_reason (((DorsumWindow *)user_data)->list_model, entry);

      gtk_label_set_label (GTK_LABEL (title), dorsum_entry_get_name (entry));
      /* The row is what a screen reader lands on: its name and kind, as "Piriformis, Muscle". */
      if (gtk_widget_get_parent (box) != NULL)
        {
          /* Translators: a list row read by a screen reader: an entry's name, then its kind */
          g_autofree char *name = g_strdup_printf (_("%s, %s"), dorsum_entry_get_name (entry),
                                                   dorsum_kind_get_title (dorsum_entry_get_kind (entry)));

          gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
        }
      gtk_widget_remove_css_class (title, "heading");
      gtk_widget_remove_css_class (title, "secondary-text");
      gtk_label_set_use_markup (GTK_LABEL (subtitle), reason != NULL);
      gtk_label_set_label (GTK_LABEL (subtitle), reason ? reason : latin ? latin : summary ? summary : "");
      gtk_widget_set_visible (subtitle, TRUE);
      gtk_widget_set_margin_top (box, 6);
      gtk_list_item_set_activatable (item, TRUE);
      gtk_list_item_set_selectable (item, TRUE);
    }
}

static void
search_changed_cb (DorsumWindow   *self,
                   GtkSearchEntry *entry)
{
  /* It also reports changes that leave the text as the list shows it: one at startup,
   * one after dorsum_window_search(). Rebuilding the list would make all its rows anew. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), self->list_query) != 0)
    _dorsum_window_refresh_list (self);
}

static void
search_activate_cb (DorsumWindow   *self,
                    GtkSearchEntry *entry)
{
  GListModel *model = self->list_model;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (DORSUM_IS_ENTRY (item))
        {
          dorsum_window_show_entry (self, dorsum_entry_get_id (DORSUM_ENTRY (item)));
          return;
        }
    }

  gtk_widget_error_bell (GTK_WIDGET (entry));
}

static void
search_stop_cb (DorsumWindow   *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
browse_changed_cb (DorsumWindow *self,
                   GParamSpec   *pspec,
                   GtkDropDown  *dropdown)
{
  if (self->library != NULL)
    _dorsum_window_refresh_list (self);
}

static void
list_activate_cb (DorsumWindow *self,
                  guint         position,
                  GtkListView  *list_view)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  if (DORSUM_IS_ENTRY (item))
    dorsum_window_show_entry (self, dorsum_entry_get_id (DORSUM_ENTRY (item)));
}

void
_dorsum_window_sidebar_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, browse_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
}

/* Once the template is built: the lists to choose from, the rows, the search. */
void
_dorsum_window_sidebar_init (DorsumWindow *self)
{
  g_autoptr(GtkStringList) browse = gtk_string_list_new (NULL);
  GtkListItemFactory *factory;

  for (guint i = 0; i < DORSUM_N_BROWSE; i++)
    gtk_string_list_append (browse, dorsum_browse_get_title (i));
  gtk_drop_down_set_model (self->browse_dropdown, G_LIST_MODEL (browse));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (list_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (list_bind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  self->list_slice = gtk_slice_list_model_new (NULL, 0, G_MAXUINT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list_slice)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* Start typing anywhere to search; results follow every keystroke (a query is well under 1 ms over the built-in library; see bench/search-figures.md). */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  gtk_search_entry_set_search_delay (self->search_entry, 0);

}
