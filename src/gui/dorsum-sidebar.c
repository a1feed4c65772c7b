/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The library sidebar: the entries listed by region, kind, bookmarks or recent entries, or
 * searched as the user types, with the row of the shown entry selected. It says which entry
 * the user chose ("entry-activated"); the window decides what showing it means. */

#define G_LOG_DOMAIN "dorsum-sidebar"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dorsum-application.h"
#include "dorsum-compat.h"
#include "dorsum-search.h"
#include "dorsum-sidebar.h"

/* GTK 4.8's list view makes a row for each of the first 200 items of a new model at once,
 * before it knows how many fit: one keystroke that matched a hundred entries took two
 * frames. The list offers the rows that fit in its height and the rest at idle, after the
 * frame that shows them. Adwaita gives a sidebar's rows a minimum height of 36 px; with
 * another theme the rows a frame lacks would only show a frame late. */
#define MIN_ROW_HEIGHT 36

struct _DorsumSidebar
{
  GtkWidget           parent_instance;

  DorsumLibrary      *library;
  DorsumSearchIndex  *search_index;
  GStrv               bookmarks;
  GStrv               recent;
  char               *shown_id;
  GListModel         *list_model;     /* what the list shows, whole */
  char               *list_query;     /* the search it shows, "" for none */
  GtkSliceListModel  *list_slice;     /* its first rows, until the next frame */
  gboolean            rows_waiting;   /* the slice ends short of the list */
  guint               all_rows_idle;
  guint               focus_row_idle;
  gulong              after_paint_id;
  gboolean            tooltip_set;
  GtkSingleSelection *selection;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkDropDown        *browse_dropdown;
  GtkStack           *list_stack;
  AdwStatusPage      *list_empty;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (DorsumSidebar, dorsum_sidebar, GTK_TYPE_WIDGET)

enum {
  ENTRY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Shows which entry is open, if it is in the list. */
static void
select_shown (DorsumSidebar *self)
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
list_height_bound (DorsumSidebar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int width, height = gtk_widget_get_height (GTK_WIDGET (self->list_view));

  if (height > 0)
    return height;
  if (!GTK_IS_WINDOW (root))
    return 0;

  /* Not laid out yet: the window is the bound. Both are needed: GTK 4.8 writes to each. */
  gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
  if (gtk_window_is_maximized (GTK_WINDOW (root)) || gtk_window_is_fullscreen (GTK_WINDOW (root)) || height <= 0)
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

static gboolean
show_all_rows (gpointer data)
{
  DorsumSidebar *self = data;

  self->all_rows_idle = 0;
  self->rows_waiting = FALSE;
  gtk_slice_list_model_set_size (self->list_slice, G_MAXUINT);
  select_shown (self);

  return G_SOURCE_REMOVE;
}

/* After each frame: the rows the frame lacked follow at idle. The tooltip waits for the
 * first frame too: GTK 4.8 asks the X server where the pointer is for each tooltip set on
 * a shown widget (see the window's set_tooltips()). */
static void
frame_painted (DorsumSidebar *self,
               GdkFrameClock *clock)
{
  if (self->rows_waiting && self->all_rows_idle == 0)
    self->all_rows_idle = g_idle_add (show_all_rows, self);
  if (!self->tooltip_set)
    {
      self->tooltip_set = TRUE;
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->browse_dropdown), _("Which List to Show"));
    }
}

static void
offer_rows_that_fit (DorsumSidebar *self)
{
  int height = list_height_bound (self);

  if (height <= 0)
    return;

  /* The rest follow after the next frame (see frame_painted()). */
  gtk_slice_list_model_set_size (self->list_slice, (guint)height / MIN_ROW_HEIGHT + 1);
  self->rows_waiting = TRUE;
}

static void
set_list_model (DorsumSidebar *self,
                GListModel    *model,
                const char    *empty_title,
                const char    *empty_description)
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

  select_shown (self);
}

/**
 * dorsum_sidebar_refresh:
 *
 * Lists the search's results, or the chosen list when there is no search, anew.
 */
void
dorsum_sidebar_refresh (DorsumSidebar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  DorsumBrowse browse = gtk_drop_down_get_selected (self->browse_dropdown);
  g_autoptr(GListModel) model = NULL;

  g_return_if_fail (DORSUM_IS_SIDEBAR (self));

  if (self->library == NULL)
    return;

  g_free (self->list_query);
  self->list_query = g_strdup (text);

  if (text[0] != '\0')
    {
      g_autoptr(GArray) results = NULL;

      /* Asked for on the first query: it is still being built while the window first shows. */
      if (self->search_index == NULL)
        {
          GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
          GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

          if (DORSUM_IS_APPLICATION (app))
            self->search_index = g_object_ref (dorsum_application_get_search_index (DORSUM_APPLICATION (app)));
          else
            self->search_index = dorsum_search_index_new (self->library);
        }
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

  /* Which row this is, for list_focus_enter_cb(); 0 for a heading. */
  g_object_set_data (G_OBJECT (box), "dorsum-position",
                     GUINT_TO_POINTER (DORSUM_IS_SECTION (object) ? 0 : gtk_list_item_get_position (item) + 1));

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
      g_autofree char *reason = dorsum_browse_get_reason (((DorsumSidebar *)user_data)->list_model, entry);

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
search_changed_cb (DorsumSidebar  *self,
                   GtkSearchEntry *entry)
{
  /* It also reports changes that leave the text as the list shows it: one at startup,
   * one after dorsum_sidebar_search(). Rebuilding the list would make all its rows anew. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), self->list_query) != 0)
    dorsum_sidebar_refresh (self);
}

static void
search_activate_cb (DorsumSidebar  *self,
                    GtkSearchEntry *entry)
{
  GListModel *model = self->list_model;

  for (guint i = 0; model && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (DORSUM_IS_ENTRY (item))
        {
          g_signal_emit (self, signals[ENTRY_ACTIVATED], 0, dorsum_entry_get_id (DORSUM_ENTRY (item)));
          return;
        }
    }

  gtk_widget_error_bell (GTK_WIDGET (entry));
}

static void
search_stop_cb (DorsumSidebar  *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
browse_changed_cb (DorsumSidebar *self,
                   GParamSpec    *pspec,
                   GtkDropDown   *dropdown)
{
  dorsum_sidebar_refresh (self);
}

static void
list_activate_cb (DorsumSidebar *self,
                  guint          position,
                  GtkListView   *list_view)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  if (DORSUM_IS_ENTRY (item))
    g_signal_emit (self, signals[ENTRY_ACTIVATED], 0, dorsum_entry_get_id (DORSUM_ENTRY (item)));
}

/* GTK 4.8's list view takes Tab only into a row that had focus before; with none, Tab
 * stopped on the scrolled window around the list, which shows no focus ring and whose
 * arrow keys scroll rather than move between rows. When it stops there, focus goes on to
 * the shown entry's row, or else to the first entry's row on screen: once the window has
 * finished moving focus (it ignores a move made while it tells widgets of one). */
static gboolean
focus_a_row (gpointer data)
{
  DorsumSidebar *self = data;
  GtkWidget *list = GTK_WIDGET (self->list_view);
  guint selected = gtk_single_selection_get_selected (self->selection);
  GtkWidget *target = NULL;
  guint best = G_MAXUINT;

  self->focus_row_idle = 0;
  if (!gtk_widget_is_focus (gtk_widget_get_parent (list)))
    return G_SOURCE_REMOVE;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_widget_get_first_child (row);
      guint position = box ? GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (box), "dorsum-position")) : 0;

      if (position == 0 || !gtk_widget_get_child_visible (row))
        continue;
      if (position - 1 == selected)
        {
          target = row;
          break;
        }
      if (position < best)
        {
          best = position;
          target = row;
        }
    }

  if (target != NULL)
    gtk_widget_grab_focus (target);

  return G_SOURCE_REMOVE;
}

static void
list_focus_enter_cb (DorsumSidebar           *self,
                     GtkEventControllerFocus *controller)
{
  if (gtk_event_controller_focus_is_focus (controller) && self->focus_row_idle == 0)
    self->focus_row_idle = g_idle_add_full (G_PRIORITY_HIGH, focus_a_row, self, NULL);
}

static void
dorsum_sidebar_realize (GtkWidget *widget)
{
  DorsumSidebar *self = DORSUM_SIDEBAR (widget);

  GTK_WIDGET_CLASS (dorsum_sidebar_parent_class)->realize (widget);

  self->after_paint_id = g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                                                  G_CALLBACK (frame_painted), self, G_CONNECT_SWAPPED);
}

static void
dorsum_sidebar_unrealize (GtkWidget *widget)
{
  DorsumSidebar *self = DORSUM_SIDEBAR (widget);

  g_clear_signal_handler (&self->after_paint_id, gtk_widget_get_frame_clock (widget));

  GTK_WIDGET_CLASS (dorsum_sidebar_parent_class)->unrealize (widget);
}

static void
dorsum_sidebar_dispose (GObject *object)
{
  DorsumSidebar *self = DORSUM_SIDEBAR (object);
  GtkWidget *child;

  g_clear_handle_id (&self->all_rows_idle, g_source_remove);
  g_clear_handle_id (&self->focus_row_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), DORSUM_TYPE_SIDEBAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dorsum_sidebar_parent_class)->dispose (object);
}

static void
dorsum_sidebar_finalize (GObject *object)
{
  DorsumSidebar *self = DORSUM_SIDEBAR (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->list_slice);
  g_clear_object (&self->list_model);
  g_clear_object (&self->search_index);
  g_clear_object (&self->library);
  g_clear_pointer (&self->bookmarks, g_strfreev);
  g_clear_pointer (&self->recent, g_strfreev);
  g_free (self->shown_id);
  g_free (self->list_query);

  G_OBJECT_CLASS (dorsum_sidebar_parent_class)->finalize (object);
}

static void
dorsum_sidebar_class_init (DorsumSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dorsum_sidebar_dispose;
  object_class->finalize = dorsum_sidebar_finalize;
  widget_class->realize = dorsum_sidebar_realize;
  widget_class->unrealize = dorsum_sidebar_unrealize;

  /**
   * DorsumSidebar::entry-activated:
   * @id: the chosen entry's id
   *
   * A row was activated, or Enter pressed in the search with a result listed.
   */
  signals[ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dorsum/Dorsum/dorsum-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, DorsumSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DorsumSidebar, browse_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DorsumSidebar, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DorsumSidebar, list_empty);
  gtk_widget_class_bind_template_child (widget_class, DorsumSidebar, list_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, browse_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
dorsum_sidebar_init (DorsumSidebar *self)
{
  g_autoptr(GtkStringList) browse = gtk_string_list_new (NULL);
  GtkListItemFactory *factory;
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bookmarks = g_new0 (char *, 1);
  self->recent = g_new0 (char *, 1);

  for (guint i = 0; i < DORSUM_N_BROWSE; i++)
    gtk_string_list_append (browse, dorsum_browse_get_title (i));
  gtk_drop_down_set_model (self->browse_dropdown, G_LIST_MODEL (browse));

  /* The toggle inside a drop-down is what takes focus: it gets the name. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->browse_dropdown)); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Which List to Show"), -1);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (list_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (list_bind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  dorsum_compat_list_tab_leaves (self->list_view);
  g_object_unref (factory);

  self->list_slice = gtk_slice_list_model_new (NULL, 0, G_MAXUINT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list_slice)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (list_focus_enter_cb), self);
  gtk_widget_add_controller (gtk_widget_get_parent (GTK_WIDGET (self->list_view)), controller);

  /* Results follow every keystroke (a query is well under 1 ms over the built-in library;
   * see bench/search-figures.md). */
  gtk_search_entry_set_search_delay (self->search_entry, 0);
}

/* A content pack was added or removed: the index, which points into the library, is made
 * again, and the list shows what the library has now. */
static void
library_changed_cb (DorsumSidebar *self)
{
  g_clear_object (&self->search_index);
  dorsum_sidebar_refresh (self);
}

void
dorsum_sidebar_set_library (DorsumSidebar *self,
                            DorsumLibrary *library)
{
  g_return_if_fail (DORSUM_IS_SIDEBAR (self));
  g_return_if_fail (DORSUM_IS_LIBRARY (library));

  if (self->library == library)
    return;

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_func (self->library, library_changed_cb, self);
  g_set_object (&self->library, library);
  g_signal_connect_object (library, "changed", G_CALLBACK (library_changed_cb), self, G_CONNECT_SWAPPED);
  library_changed_cb (self);
}

/**
 * dorsum_sidebar_set_lists:
 * @bookmarks: the bookmarked entries' ids
 * @recent: the recently opened entries' ids, last first
 *
 * The list shown changes with them, unless a search is shown.
 */
void
dorsum_sidebar_set_lists (DorsumSidebar      *self,
                          const char * const *bookmarks,
                          const char * const *recent)
{
  DorsumBrowse browse;
  gboolean changed;

  g_return_if_fail (DORSUM_IS_SIDEBAR (self));

  browse = gtk_drop_down_get_selected (self->browse_dropdown);
  changed = (browse == DORSUM_BROWSE_BOOKMARKS && !g_strv_equal ((const char * const *)self->bookmarks, bookmarks)) ||
            (browse == DORSUM_BROWSE_RECENT && !g_strv_equal ((const char * const *)self->recent, recent));

  g_strfreev (self->bookmarks);
  self->bookmarks = g_strdupv ((char **)bookmarks);
  g_strfreev (self->recent);
  self->recent = g_strdupv ((char **)recent);

  if (changed && gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] == '\0')
    dorsum_sidebar_refresh (self);
}

/* Selects the row of the entry the window shows, when it is listed. */
void
dorsum_sidebar_set_shown (DorsumSidebar *self,
                          const char    *id)
{
  g_return_if_fail (DORSUM_IS_SIDEBAR (self));

  g_free (self->shown_id);
  self->shown_id = g_strdup (id);
  select_shown (self);
}

/* Searches @text now, not after the entry's typing delay, and gives the search focus. */
void
dorsum_sidebar_search (DorsumSidebar *self,
                       const char    *text)
{
  g_return_if_fail (DORSUM_IS_SIDEBAR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
  dorsum_sidebar_refresh (self);
  dorsum_sidebar_focus_search (self);
}

void
dorsum_sidebar_focus_search (DorsumSidebar *self)
{
  g_return_if_fail (DORSUM_IS_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GtkWidget *
dorsum_sidebar_get_search_entry (DorsumSidebar *self)
{
  g_return_val_if_fail (DORSUM_IS_SIDEBAR (self), NULL);

  return GTK_WIDGET (self->search_entry);
}

DorsumBrowse
dorsum_sidebar_get_browse (DorsumSidebar *self)
{
  g_return_val_if_fail (DORSUM_IS_SIDEBAR (self), DORSUM_BROWSE_MUSCLES_BY_REGION);

  return gtk_drop_down_get_selected (self->browse_dropdown);
}

/**
 * dorsum_sidebar_get_model:
 *
 * Returns: (transfer none) (nullable): what the list shows, whole (sections and entries)
 */
GListModel *
dorsum_sidebar_get_model (DorsumSidebar *self)
{
  g_return_val_if_fail (DORSUM_IS_SIDEBAR (self), NULL);

  return self->list_model;
}
