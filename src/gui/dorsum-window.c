/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window: a sidebar that lists or searches the library, the back atlas, and the
 * page of the chosen entry, all linked, with browser-like history. Folds to one column on
 * narrow screens. */

#define G_LOG_DOMAIN "dorsum-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dorsum-browse.h"
#include "dorsum-chart-page.h"
#include "dorsum-plan-confirm.h"
#include "dorsum-a11y.h"
#include "dorsum-chart-session.h"
#include "dorsum-chart-render.h"
#include "dorsum-diagram-view.h"
#include "dorsum-entry-page.h"
#include "dorsum-figure.h"
#include "dorsum-search.h"
#include "dorsum-study-page.h"
#include "dorsum-window-private.h"

#define MAX_RECENT 20

struct _DorsumWindow
{
  AdwApplicationWindow  parent_instance;

  DorsumLibrary        *library;
  DorsumSearchIndex    *search_index;
  GListModel           *list_model;     /* what the list shows, whole */
  char                 *list_query;     /* the search it shows, "" for none */
  GtkSliceListModel    *list_slice;     /* its first rows, until the first frame */
  gboolean              rows_waiting;   /* the slice ends short of the list */
  guint                 all_rows_idle;
  guint                 tooltips_idle;
  gboolean              tooltips_set;
  GtkSingleSelection   *selection;
  GSettings            *settings;
  char                 *shown_id;
  GPtrArray            *back_stack;     /* ids, oldest first */
  GPtrArray            *forward_stack;  /* ids, next first at the end */
  GStrv                 bookmarks;
  GStrv                 recent;
  DorsumChartSession   *session;
  gboolean              presenting;
  gboolean              asking_to_close;
  gboolean              may_close;       /* the question was answered */
  char                 *last_report;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *browse_dropdown;
  GtkStack             *list_stack;
  AdwStatusPage        *list_empty;
  GtkListView          *list_view;
  GtkWidget            *content;
  AdwWindowTitle       *content_title;
  GtkWidget            *bookmark_button;
  GtkPaned             *paned;
  GtkWidget            *zoom_box;
  DorsumDiagramView    *diagram_view;
  GtkStack             *detail_stack;
  DorsumEntryPage      *entry_page;
  DorsumChartPage      *chart_page;
  DorsumStudyPage      *study_page;
  GtkWidget            *sidebar;
  GtkWidget            *toolbar;
  GtkWidget            *toolbar_box;
  GtkWidget            *disclaimer_box;
  GtkWidget            *content_header;
  GtkMenuButton        *menu_button;
  GtkWidget            *leaflet_back_button;
  GtkWidget            *study_button;
  GtkRevealer          *disclaimer_banner;
  GMenuModel           *primary_menu;
  GMenuModel           *tooltips;
  GMenu                *recent_menu;
  GtkWindow            *shortcuts_window;
};

G_DEFINE_FINAL_TYPE (DorsumWindow, dorsum_window, ADW_TYPE_APPLICATION_WINDOW)

static void dorsum_window_realize (GtkWidget *widget);
static gboolean studying       (DorsumWindow *self);
static void show_entry         (DorsumWindow *self,
                                const char   *id,
                                gboolean      record);


/* Shows which entry is open, if it is in the list. */
static void
select_shown (DorsumWindow *self)
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

/* GTK 4.8's list view makes a row for each of the first 200 items of a new model at once,
 * before it knows how many fit: one keystroke that matched a hundred entries took two
 * frames. The list offers the rows that fit in its height and the rest at idle, after the
 * frame that shows them. Adwaita gives a sidebar's rows a minimum height of 36 px; with
 * another theme the rows a frame lacks would only show a frame late. */
#define MIN_ROW_HEIGHT 36

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

static gboolean
show_all_rows (gpointer data)
{
  DorsumWindow *self = data;

  self->all_rows_idle = 0;
  self->rows_waiting = FALSE;
  gtk_slice_list_model_set_size (self->list_slice, G_MAXUINT);
  select_shown (self);

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

  select_shown (self);
}

static void
refresh_list (DorsumWindow *self)
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

static void
save_strv (DorsumWindow *self,
           const char   *key,
           GStrv         value)
{
  if (self->settings != NULL)
    g_settings_set_strv (self->settings, key, (const char * const *)value);
}

static gboolean
is_bookmarked (DorsumWindow *self,
               const char   *id)
{
  return id != NULL && g_strv_contains ((const char * const *)self->bookmarks, id);
}

static void
update_actions (DorsumWindow *self)
{
  gboolean bookmarked = is_bookmarked (self, self->shown_id);
  const char *tooltip;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", self->back_stack->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.forward", self->forward_stack->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.bookmark", self->shown_id != NULL);

  gtk_button_set_icon_name (GTK_BUTTON (self->bookmark_button),
                            bookmarked ? "starred-symbolic" : "non-starred-symbolic");
  tooltip = bookmarked ? _("Remove Bookmark (Ctrl+D)") : _("Bookmark (Ctrl+D)");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bookmark_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  bookmarked ? _("Remove Bookmark") : _("Bookmark"), -1);
  /* Each tooltip given costs a round trip to the X server (see set_tooltips()). */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (self->bookmark_button), tooltip) != 0)
    gtk_widget_set_tooltip_text (self->bookmark_button, tooltip);
}

/* Strv helpers for the bookmark and recent lists, which are short. */
static GStrv
strv_without (GStrv       strv,
              const char *id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; strv && strv[i]; i++)
    if (!g_str_equal (strv[i], id))
      g_strv_builder_add (builder, strv[i]);

  return g_strv_builder_end (builder);
}

static void
remember_recent (DorsumWindow *self,
                 const char   *id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) rest = strv_without (self->recent, id);

  g_strv_builder_add (builder, id);
  for (guint i = 0; rest[i] && i < MAX_RECENT - 1; i++)
    g_strv_builder_add (builder, rest[i]);

  g_strfreev (self->recent);
  self->recent = g_strv_builder_end (builder);
  save_strv (self, "recent", self->recent);
}

/* The muscles an entry puts on the diagram: itself, or the muscles it links to. */
static GStrv
muscles_for (DorsumWindow *self,
             DorsumEntry  *entry)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (dorsum_entry_get_kind (entry) == DORSUM_KIND_MUSCLE)
    g_strv_builder_add (builder, dorsum_entry_get_id (entry));

  for (guint i = 0; i < dorsum_entry_get_n_links (entry); i++)
    {
      const DorsumLink *link = dorsum_entry_get_link (entry, i);

      if (link->kind == DORSUM_KIND_MUSCLE)
        g_strv_builder_add (builder, link->id);
    }

  return g_strv_builder_end (builder);
}

/* Picks the figure and layer where most of @muscles show, preferring the current figure,
 * then the current layer, then a muscle's own. */
static void
choose_layer (DorsumWindow       *self,
              const char * const *muscles,
              DorsumEntry        *entry)
{
  static const char * const figures[] = { DORSUM_FIGURE_POSTERIOR, "anterior" };
  DorsumDiagramView *view = self->diagram_view;
  const char *current_figure = dorsum_diagram_view_get_figure (view);
  DorsumLayer current = dorsum_diagram_view_get_layer (view), own, best = current;
  const char *best_figure = current_figure;
  guint counts[G_N_ELEMENTS (figures)][DORSUM_N_LAYERS] = { { 0, } };
  guint here = 0, f_current = 0;

  for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
    if (g_str_equal (figures[f], current_figure))
      f_current = f;

  /* The figure shown first; another figure is read only if this one shows none of them. */
  for (guint step = 0; step < G_N_ELEMENTS (figures); step++)
    {
      guint f = (f_current + step) % G_N_ELEMENTS (figures);

      for (guint i = 0; muscles[i]; i++)
        {
          g_auto(GStrv) parts = dorsum_library_expand_parts (self->library, muscles[i]);

          for (guint l = 0; l < DORSUM_N_LAYERS; l++)
            counts[f][l] += dorsum_diagram_view_figure_layer_shows (view, figures[f], l, (const char * const *)parts);
        }

      here = 0;
      for (guint l = 0; l < DORSUM_N_LAYERS; l++)
        here += counts[f][l];
      if (here > 0)
        {
          /* Chart marks are on the back: in chart mode the figure stays. */
          if (f != f_current && !dorsum_diagram_view_get_chart_mode (view))
            {
              best_figure = figures[f];
              f_current = f;
            }
          break;
        }
    }

  if (dorsum_entry_get_kind (entry) == DORSUM_KIND_MUSCLE && counts[f_current][current] == 0 &&
      dorsum_layer_from_string (dorsum_entry_get_attribute (entry, "layer"), &own) && counts[f_current][own] > 0)
    best = own;
  else
    for (guint l = 0; l < DORSUM_N_LAYERS; l++)
      if (counts[f_current][l] > counts[f_current][best])
        best = l;

  dorsum_diagram_view_set_figure (view, best_figure);
  dorsum_diagram_view_set_layer (view, best);
}

static void
show_on_diagram (DorsumWindow *self,
                 DorsumEntry  *entry)
{
  g_auto(GStrv) muscles = muscles_for (self, entry);

  choose_layer (self, (const char * const *)muscles, entry);

  if (dorsum_entry_get_kind (entry) == DORSUM_KIND_MUSCLE)
    dorsum_diagram_view_select_muscle (self->diagram_view, dorsum_entry_get_id (entry));
  else
    dorsum_diagram_view_set_highlight (self->diagram_view, (const char * const *)muscles);
}

static void
show_entry (DorsumWindow *self,
            const char   *id,
            gboolean      record)
{
  DorsumEntry *entry = dorsum_library_lookup (self->library, id);

  if (entry == NULL)
    return;

  /* The entry's own id from here on: @id may be self->shown_id, freed below. */
  id = dorsum_entry_get_id (entry);

  if (record && self->shown_id != NULL && !g_str_equal (self->shown_id, id))
    {
      g_ptr_array_add (self->back_stack, g_strdup (self->shown_id));
      g_ptr_array_set_size (self->forward_stack, 0);
    }

  g_free (self->shown_id);
  self->shown_id = g_strdup (id);

  if (self->study_page != NULL && studying (self))
    dorsum_study_page_leave (self->study_page);
  dorsum_entry_page_set_entry (self->entry_page, self->library, entry);
  show_on_diagram (self, entry);
  adw_window_title_set_title (self->content_title, dorsum_entry_get_name (entry));
  adw_window_title_set_subtitle (self->content_title, dorsum_kind_get_title (dorsum_entry_get_kind (entry)));
  gtk_stack_set_visible_child_name (self->detail_stack, "entry");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  remember_recent (self, id);
  if (gtk_drop_down_get_selected (self->browse_dropdown) == DORSUM_BROWSE_RECENT &&
      gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] == '\0')
    refresh_list (self);
  else
    select_shown (self);

  update_actions (self);
}

/**
 * dorsum_window_show_entry:
 *
 * Opens the entry's page, highlights it on the diagram and records it in the history.
 *
 * Returns: whether @id names an entry
 */
gboolean
dorsum_window_show_entry (DorsumWindow *self,
                          const char   *id)
{
  g_return_val_if_fail (DORSUM_IS_WINDOW (self), FALSE);

  if (id == NULL || dorsum_library_lookup (self->library, id) == NULL)
    return FALSE;

  show_entry (self, id, TRUE);

  return TRUE;
}

const char *
dorsum_window_get_shown_id (DorsumWindow *self)
{
  g_return_val_if_fail (DORSUM_IS_WINDOW (self), NULL);

  return self->shown_id;
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
  refresh_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

DorsumDiagramView *
dorsum_window_get_diagram_view (DorsumWindow *self)
{
  g_return_val_if_fail (DORSUM_IS_WINDOW (self), NULL);

  return self->diagram_view;
}

GListModel *
dorsum_window_get_list_model (DorsumWindow *self)
{
  g_return_val_if_fail (DORSUM_IS_WINDOW (self), NULL);

  return self->list_model;
}

gboolean
dorsum_window_get_folded (DorsumWindow *self)
{
  g_return_val_if_fail (DORSUM_IS_WINDOW (self), FALSE);

  return adw_leaflet_get_folded (self->leaflet);
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
    refresh_list (self);
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
    refresh_list (self);
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

static gboolean
studying (DorsumWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "study") == 0;
}

static void
region_activated_cb (DorsumWindow      *self,
                     const char        *muscle_id,
                     const char        *region_id,
                     DorsumDiagramView *view)
{
  /* A find-it question takes the click instead of opening the muscle. */
  if (self->study_page != NULL && studying (self) &&
      dorsum_study_page_region_clicked (self->study_page, region_id))
    return;

  dorsum_window_show_entry (self, muscle_id);
}

static void
link_activated_cb (DorsumWindow    *self,
                   const char      *id,
                   DorsumEntryPage *page)
{
  dorsum_window_show_entry (self, id);
}

/* The diagram takes a bit over half of the space whenever the window changes size. */
/* Narrower, a page's lines hold too few words to read comfortably. */
#define MIN_PAGE_WIDTH 280

static void
paned_size_changed_cb (DorsumWindow *self,
                       GParamSpec   *pspec,
                       GtkPaned     *paned)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  int max = 0, end_min = 0;

  /* max-position is the whole length less what the end child needs at least. */
  g_object_get (paned, "max-position", &max, NULL);
  gtk_widget_measure (gtk_paned_get_end_child (paned),
                      folded ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL,
                      -1, &end_min, NULL, NULL, NULL);
  /* Before the first allocation max-position is G_MAXINT: nothing to split yet. */
  if (max > 0 && max < G_MAXINT / 2 && end_min < G_MAXINT / 2)
    {
      int position = (int)((max + end_min) * (folded ? 0.5 : 0.55));
      int toolbar = 0;

      /* Beside the page, the diagram is wide enough for its whole toolbar if the window is,
       * as long as the page keeps a readable width (large text widens the toolbar). */
      if (!folded)
        gtk_widget_measure (self->toolbar, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &toolbar, NULL, NULL);

      gtk_paned_set_position (paned, MAX (position, MIN (toolbar, MIN (max, max + end_min - MIN_PAGE_WIDTH))));
    }
}

/* Folded (a phone, a narrow window): the detail goes below the diagram instead of beside it. */
static void
folded_changed_cb (DorsumWindow *self,
                   GParamSpec   *pspec,
                   AdwLeaflet   *leaflet)
{
  gboolean folded = adw_leaflet_get_folded (leaflet);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->paned),
                                  folded ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  /* Folded, Alt+← and a swipe go back to the list; beside it, Alt+← is the history's. */
  adw_leaflet_set_can_navigate_back (leaflet, folded);
  paned_size_changed_cb (self, NULL, self->paned);
  /* On a phone the buttons would cover the figure; pinch, Ctrl+scroll and the keys zoom. */
  gtk_widget_set_visible (self->zoom_box, !folded);
  /* And the header keeps to 360 px: Study stays in the main menu and on Ctrl+Shift+L. */
  gtk_widget_set_visible (self->study_button, !folded);
  /* On a phone the tools go under the layers, and the banner's buttons under its text:
   * every control in reach, none scrolled out of sight. */
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->toolbar_box), folded ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->disclaimer_box), folded ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
}

static void
leaflet_back_clicked_cb (DorsumWindow *self,
                         GtkButton    *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DorsumWindow *self = DORSUM_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DorsumWindow *self = DORSUM_WINDOW (widget);
  gboolean back = g_str_equal (action_name, "win.back");
  GPtrArray *from = back ? self->back_stack : self->forward_stack;
  GPtrArray *to = back ? self->forward_stack : self->back_stack;
  g_autofree char *id = NULL;

  if (from->len == 0)
    return;

  id = g_ptr_array_steal_index (from, from->len - 1);
  if (self->shown_id != NULL)
    g_ptr_array_add (to, g_strdup (self->shown_id));

  show_entry (self, id, FALSE);
}

static void
bookmark_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DorsumWindow *self = DORSUM_WINDOW (widget);
  GStrv updated;

  if (self->shown_id == NULL)
    return;

  if (is_bookmarked (self, self->shown_id))
    updated = strv_without (self->bookmarks, self->shown_id);
  else
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      g_strv_builder_addv (builder, (const char **)self->bookmarks);
      g_strv_builder_add (builder, self->shown_id);
      updated = g_strv_builder_end (builder);
    }

  g_strfreev (self->bookmarks);
  self->bookmarks = updated;
  save_strv (self, "bookmarks", self->bookmarks);

  if (gtk_drop_down_get_selected (self->browse_dropdown) == DORSUM_BROWSE_BOOKMARKS)
    refresh_list (self);
  update_actions (self);
}

static void
show_entry_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  dorsum_window_show_entry (DORSUM_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
mouse_button_cb (DorsumWindow    *self,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkGestureClick *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  /* The side buttons of a mouse, as in a browser. */
  if (button == 8)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.back", NULL);
  else if (button == 9)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.forward", NULL);
}

static void
zoom_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  DorsumDiagramView *view = user_data;
  const char *name = g_action_get_name (G_ACTION (action));
  double zoom = dorsum_diagram_view_get_zoom (view);

  if (g_str_equal (name, "zoom-in"))
    dorsum_diagram_view_set_zoom (view, zoom * 1.25);
  else if (g_str_equal (name, "zoom-out"))
    dorsum_diagram_view_set_zoom (view, zoom / 1.25);
  else
    dorsum_diagram_view_set_zoom (view, 1.0);
}

/* Back to front and front to back. */
static void
other_figure_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  DorsumDiagramView *view = user_data;
  gboolean back = g_str_equal (dorsum_diagram_view_get_figure (view), DORSUM_FIGURE_POSTERIOR);

  dorsum_diagram_view_set_figure (view, back ? "anterior" : DORSUM_FIGURE_POSTERIOR);
}

static void
setup_diagram_actions (DorsumWindow *self)
{
  static const GActionEntry entries[] = {
    { "other-figure", other_figure_activated },
    { "zoom-in", zoom_activated },
    { "zoom-out", zoom_activated },
    { "zoom-fit", zoom_activated },
  };
  static const char * const properties[] = { "layer", "figure", "labels", "trigger-points", "chart-mode" };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    {
      g_autoptr(GPropertyAction) action = g_property_action_new (properties[i], self->diagram_view, properties[i]);

      g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
    }

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), self->diagram_view);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "diagram", G_ACTION_GROUP (group));
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
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  dorsum_a11y_fix_mnemonics (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
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
    case CHOOSE_HANDOUT:
      if (path == NULL ||
          !dorsum_chart_export (dorsum_chart_session_get_chart (self->session), self->library, path, 1200,
                                choice == CHOOSE_HANDOUT, &error))
        show_error (self, _("Could Not Export"), error ? error->message : _("Choose a local file"));
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
  g_autoptr(DorsumHandout) handout = dorsum_handout_new (self->library, dorsum_chart_session_get_chart (self->session));
  GtkPrintOperationResult result;

  g_return_val_if_fail (DORSUM_IS_WINDOW (self), FALSE);

  /* The handout lays itself out in points on the whole sheet, A4 or Letter alike. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("Dorsum client handout"));
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
set_presenting (DorsumWindow *self,
                gboolean      presenting)
{
  self->presenting = presenting;

  gtk_widget_set_visible (self->sidebar, !presenting);
  gtk_widget_set_visible (adw_leaflet_page_get_child (adw_leaflet_get_page (self->leaflet, self->sidebar)), !presenting);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_stack), !presenting);
  gtk_widget_set_visible (self->toolbar, !presenting);
  gtk_widget_set_visible (self->content_header, !presenting);
  /* A big, clear highlight for a client across the room. */
  dorsum_diagram_view_set_emphasis (self->diagram_view, presenting ? 2.0 : 1.0);

  /* No focus outline or keyboard tooltip on the client's screen: the focus stays put. */
  if (presenting)
    gtk_window_fullscreen (GTK_WINDOW (self));
  else
    gtk_window_unfullscreen (GTK_WINDOW (self));
}

/* F2 in chart mode: type the chosen mark's note. */
static void
edit_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DorsumWindow *self = DORSUM_WINDOW (widget);

  if (self->chart_page != NULL && dorsum_diagram_view_get_chart_mode (self->diagram_view))
    dorsum_chart_page_edit_note (self->chart_page);
}

/* The Study page, in the detail pane beside the figure its questions use. */
static void
study_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DorsumWindow *self = DORSUM_WINDOW (widget);

  dorsum_window_show_study (self);
}

DorsumStudyPage *
dorsum_window_show_study (DorsumWindow *self)
{
  g_return_val_if_fail (DORSUM_IS_WINDOW (self), NULL);

  dorsum_diagram_view_set_chart_mode (self->diagram_view, FALSE);
  if (self->study_page == NULL)
    {
      self->study_page = DORSUM_STUDY_PAGE (dorsum_study_page_new (self->library, self->diagram_view, self->settings));
      gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->study_page), "study");
    }
  if (!studying (self))
    dorsum_study_page_show_home (self->study_page);
  gtk_stack_set_visible_child_name (self->detail_stack, "study");
  adw_window_title_set_title (self->content_title, _("Study"));
  adw_window_title_set_subtitle (self->content_title, NULL);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  return self->study_page;
}

/* The disclaimer banner goes for good once the user has read it. */
static void
dismiss_disclaimer_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  DorsumWindow *self = DORSUM_WINDOW (widget);

  gtk_revealer_set_reveal_child (self->disclaimer_banner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->disclaimer_banner), FALSE);
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "disclaimer-shown", TRUE);
}

gboolean
dorsum_window_get_disclaimer_shown (DorsumWindow *self)
{
  g_return_val_if_fail (DORSUM_IS_WINDOW (self), FALSE);

  return gtk_revealer_get_reveal_child (self->disclaimer_banner);
}

/* Built on first use rather than with the window (as GTK does for gtk/help-overlay.ui):
 * the shortcuts window is a large tree of widgets nobody needs at startup. */
static void
shortcuts_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DorsumWindow *self = DORSUM_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/dorsum/Dorsum/dorsum-shortcuts-window.ui");

      self->shortcuts_window = g_object_ref (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
    }

  gtk_window_present (self->shortcuts_window);
}

static void
presentation_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DorsumWindow *self = DORSUM_WINDOW (widget);

  set_presenting (self, g_str_equal (action_name, "win.presentation") ? !self->presenting : FALSE);
}

gboolean
dorsum_window_get_presenting (DorsumWindow *self)
{
  g_return_val_if_fail (DORSUM_IS_WINDOW (self), FALSE);

  return self->presenting;
}

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

/* The earlier chart chosen in the panel is drawn faded on the figure. */
static void
chart_compare_changed_cb (DorsumWindow *self)
{
  dorsum_diagram_view_set_compare_chart (self->diagram_view, dorsum_chart_page_get_compare_chart (self->chart_page));
}

static void
chart_mode_changed_cb (DorsumWindow      *self,
                       GParamSpec        *pspec,
                       DorsumDiagramView *view)
{
  if (dorsum_diagram_view_get_chart_mode (view))
    {
      if (self->study_page != NULL && studying (self))
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
    show_entry (self, self->shown_id, FALSE);
  else
    gtk_stack_set_visible_child_name (self->detail_stack, "empty");

  update_chart_title (self);
}

static void
mark_activated_cb (DorsumWindow      *self,
                   int                mark,
                   DorsumDiagramView *view)
{
  if (self->chart_page != NULL)
    dorsum_chart_page_select_mark (self->chart_page, mark);
}


/* After a crash or a forced quit, offer back the chart that was not saved. */
static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     DorsumWindow     *self)
{
  DorsumChart *chart = g_object_get_data (G_OBJECT (dialog), "chart");
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");

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
  GtkWidget *dialog;
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
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Unsaved Pain Chart"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  g_object_set_data_full (G_OBJECT (dialog), "chart", g_steal_pointer (&chart), g_object_unref);
  if (file != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "file", g_steal_pointer (&file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  dorsum_a11y_fix_mnemonics (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_state (DorsumWindow *self)
{
  GtkWindow *window = GTK_WINDOW (self);
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_set_string (self->settings, "layer",
                         dorsum_layer_to_string (dorsum_diagram_view_get_layer (self->diagram_view)));
  g_settings_set_double (self->settings, "zoom", dorsum_diagram_view_get_zoom (self->diagram_view));
  g_settings_set_boolean (self->settings, "labels", dorsum_diagram_view_get_labels (self->diagram_view));
  g_settings_set_string (self->settings, "last-entry", self->shown_id ? self->shown_id : "");
  g_settings_apply (self->settings);
}

static gboolean
close_now (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));

  return G_SOURCE_REMOVE;
}

static void
close_asked_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DorsumWindow) self = user_data;

  self->asking_to_close = FALSE;
  if (dorsum_chart_session_ask_save_changes_finish (self->session, result) == DORSUM_SAVE_CHANGES_CANCELLED)
    return;

  /* After the dialog, which is transient for this window, has finished closing. */
  self->may_close = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_now, g_object_ref (self), g_object_unref);
}

static gboolean
dorsum_window_close_request (GtkWindow *window)
{
  DorsumWindow *self = DORSUM_WINDOW (window);

  /* Closing, like quitting, waits for the answer about unsaved changes. */
  if (!self->may_close && dorsum_chart_session_get_unsaved (self->session))
    {
      if (!self->asking_to_close)
        {
          self->asking_to_close = TRUE;
          dorsum_chart_session_ask_save_changes (self->session, window, close_asked_cb, g_object_ref (self));
        }
      return TRUE;
    }

  save_state (self);

  return GTK_WINDOW_CLASS (dorsum_window_parent_class)->close_request (window);
}

static void
dorsum_window_dispose (GObject *object)
{
  DorsumWindow *self = (DorsumWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DORSUM_TYPE_WINDOW);
  g_clear_handle_id (&self->all_rows_idle, g_source_remove);
  g_clear_handle_id (&self->tooltips_idle, g_source_remove);

  g_clear_object (&self->selection);
  g_clear_object (&self->list_slice);
  g_clear_object (&self->list_model);
  g_clear_object (&self->search_index);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  if (self->shortcuts_window != NULL)
    gtk_window_destroy (self->shortcuts_window);
  g_clear_object (&self->shortcuts_window);

  G_OBJECT_CLASS (dorsum_window_parent_class)->dispose (object);
}

static void
dorsum_window_finalize (GObject *object)
{
  DorsumWindow *self = (DorsumWindow *)object;

  g_free (self->shown_id);
  g_free (self->last_report);
  g_free (self->list_query);
  g_ptr_array_unref (self->back_stack);
  g_ptr_array_unref (self->forward_stack);
  g_strfreev (self->bookmarks);
  g_strfreev (self->recent);

  G_OBJECT_CLASS (dorsum_window_parent_class)->finalize (object);
}

static void
dorsum_window_class_init (DorsumWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = dorsum_window_dispose;
  object_class->finalize = dorsum_window_finalize;

  widget_class->realize = dorsum_window_realize;
  window_class->close_request = dorsum_window_close_request;

  g_type_ensure (DORSUM_TYPE_DIAGRAM_VIEW);
  g_type_ensure (DORSUM_TYPE_ENTRY_PAGE);
  g_type_ensure (DORSUM_TYPE_CHART_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dorsum/Dorsum/dorsum-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, browse_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, list_empty);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, content);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, bookmark_button);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, diagram_view);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, entry_page);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, toolbar);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, toolbar_box);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, disclaimer_box);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, content_header);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, leaflet_back_button);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, study_button);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, disclaimer_banner);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, tooltips);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, recent_menu);
  gtk_widget_class_bind_template_callback (widget_class, chart_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, mark_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, browse_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, region_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, paned_size_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.forward", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.bookmark", NULL, bookmark_action);
  gtk_widget_class_install_action (widget_class, "win.show-entry", "s", show_entry_action);
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
  gtk_widget_class_install_action (widget_class, "win.presentation", NULL, presentation_action);
  gtk_widget_class_install_action (widget_class, "win.leave-presentation", NULL, presentation_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-disclaimer", NULL, dismiss_disclaimer_action);
  gtk_widget_class_install_action (widget_class, "win.study", NULL, study_action);
  gtk_widget_class_install_action (widget_class, "win.edit-mark-note", NULL, edit_note_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.edit-mark-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.study", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.chart-new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.chart-open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.chart-save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.chart-save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.handout-print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.presentation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.show-help-overlay", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "diagram.chart-mode", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Forward, 0, "win.forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.bookmark", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "diagram.layer", "u", 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "diagram.layer", "u", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "diagram.layer", "u", 2);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "diagram.labels", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK, "diagram.other-figure", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "diagram.trigger-points", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "diagram.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "diagram.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "diagram.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "diagram.zoom-fit", NULL);
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  DorsumWindow *self = DORSUM_WINDOW (widget);

  if (!self->presenting)
    return FALSE;

  set_presenting (self, FALSE);

  return TRUE;
}

static void
label_inner_button (GtkWidget  *widget,
                    const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
dorsum_window_init (DorsumWindow *self)
{
  GtkListItemFactory *factory;
  GtkGesture *gesture;
  g_autoptr(GtkStringList) browse = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu, self, NULL);
  /* The toggle inside a menu button or drop-down is what takes focus: it gets the name. */
  label_inner_button (GTK_WIDGET (self->menu_button), _("Main Menu"));
  label_inner_button (GTK_WIDGET (self->browse_dropdown), _("Which List to Show"));
  setup_diagram_actions (self);

  self->back_stack = g_ptr_array_new_with_free_func (g_free);
  self->forward_stack = g_ptr_array_new_with_free_func (g_free);
  self->bookmarks = g_new0 (char *, 1);
  self->recent = g_new0 (char *, 1);

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

  /* Start typing anywhere to search; results follow every keystroke (a query is ~1 ms). */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  gtk_search_entry_set_search_delay (self->search_entry, 0);

  {
    /* Escape leaves presentation mode, and only then: elsewhere it clears the search. */
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                            gtk_callback_action_new (escape_cb, NULL, NULL)));
    gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  }

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (mouse_button_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  update_actions (self);
}

static void
restore_state (DorsumWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *layer = NULL;
  g_autofree char *last = NULL;
  DorsumLayer value;

  /* Running uninstalled without the compiled schema is allowed: nothing is kept then. */
  if (source == NULL || !(schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)))
    {
      gtk_window_set_default_size (GTK_WINDOW (self), 1200, 800);
      return;
    }

  self->settings = g_settings_new (APP_ID);
  /* Not in the startup benchmark's frames: it measures the window a returning user sees. */
  gtk_revealer_set_reveal_child (self->disclaimer_banner,
                                 !g_settings_get_boolean (self->settings, "disclaimer-shown") &&
                                 g_getenv ("DORSUM_FIRST_FRAME") == NULL);
  /* Hidden, not only folded away: a revealer still asks for its child's width. */
  gtk_widget_set_visible (GTK_WIDGET (self->disclaimer_banner), gtk_revealer_get_reveal_child (self->disclaimer_banner));
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_strfreev (self->bookmarks);
  self->bookmarks = g_settings_get_strv (self->settings, "bookmarks");
  g_strfreev (self->recent);
  self->recent = g_settings_get_strv (self->settings, "recent");

  layer = g_settings_get_string (self->settings, "layer");
  if (dorsum_layer_from_string (layer, &value))
    dorsum_diagram_view_set_layer (self->diagram_view, value);
  dorsum_diagram_view_set_labels (self->diagram_view, g_settings_get_boolean (self->settings, "labels"));

  last = g_settings_get_string (self->settings, "last-entry");
  if (last[0] != '\0' && dorsum_library_lookup (self->library, last) != NULL)
    {
      show_entry (self, last, FALSE);
      /* The window opens on the atlas and the page, also when folded. */
    }

  /* Zoom last: showing the entry may have switched the layer. */
  dorsum_diagram_view_set_zoom (self->diagram_view, g_settings_get_double (self->settings, "zoom"));
}

/* The paned gives the diagram about 55% of the content (see paned_size_changed_cb). */
#define DIAGRAM_WIDTH(content_width, sidebar) ((int)(((content_width) - (sidebar)) * 0.55))

/* The chrome as Adwaita draws it on X11 without a compositor: resize margins, the header
 * bar, the toolbar under it, and the sidebar's width request in dorsum-window.ui. */
#define GUESS_MARGIN 5
#define GUESS_HEADER 47
#define GUESS_TOOLBAR 46
#define GUESS_SIDEBAR 280

/**
 * dorsum_window_plan_first_diagram:
 * @layer: (out): the layer the window will show first
 * @zoom: (out): its zoom
 * @width: (out): about the width the diagram will have, in pixels
 * @height: (out): the height likewise
 *
 * What a new window will show of the diagram, from its saved state, before there is a
 * window or even a display: so that the first texture can be rendered while GTK starts
 * up (see dorsum_diagram_view_render_first()). The size is a guess from Adwaita's usual
 * chrome; the view checks it when the window is realized.
 *
 * Returns: %FALSE if the size cannot be guessed (a maximized window) or the diagram
 *   shows its labels, whose colours follow the style
 */
gboolean
dorsum_window_plan_first_diagram (DorsumLayer *layer,
                                  double      *zoom,
                                  int         *width,
                                  int         *height)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *name = NULL;

  *layer = DORSUM_LAYER_SUPERFICIAL;
  *zoom = 1.0;
  *width = 1200;
  *height = 800;

  if (source != NULL && (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)))
    {
      settings = g_settings_new (APP_ID);
      if (g_settings_get_boolean (settings, "window-maximized") || g_settings_get_boolean (settings, "labels"))
        return FALSE;

      name = g_settings_get_string (settings, "layer");
      if (!dorsum_layer_from_string (name, layer))
        *layer = DORSUM_LAYER_SUPERFICIAL;
      *zoom = g_settings_get_double (settings, "zoom");
      *width = g_settings_get_int (settings, "window-width");
      *height = g_settings_get_int (settings, "window-height");
    }

  *width = DIAGRAM_WIDTH (*width - 2 * GUESS_MARGIN, GUESS_SIDEBAR);
  *height -= 2 * GUESS_MARGIN + GUESS_HEADER + GUESS_TOOLBAR;

  return *width > 0 && *height > 0;
}

static void
set_action_tooltip (GtkWidget  *widget,
                    const char *action,
                    GVariant   *target,
                    const char *tooltip)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    {
      GVariant *own = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));

      if ((own == NULL && target == NULL) || (own != NULL && target != NULL && g_variant_equal (own, target)))
        gtk_widget_set_tooltip_text (widget, tooltip);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    set_action_tooltip (child, action, target, tooltip);
}

/* The buttons' tooltips, from the "tooltips" menu in dorsum-window.ui, once the window is
 * on screen: GTK 4.8 asks the X server where the pointer is for every tooltip given to a
 * shown widget, which took 3 ms of the time to the first frame. */
static gboolean
set_tooltips (gpointer data)
{
  DorsumWindow *self = data;

  self->tooltips_idle = 0;
  self->tooltips_set = TRUE;
  for (int i = 0; i < g_menu_model_get_n_items (self->tooltips); i++)
    {
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (self->tooltips, i, G_MENU_ATTRIBUTE_TARGET, NULL);
      g_autofree char *action = NULL;
      g_autofree char *widget = NULL;
      g_autofree char *label = NULL;

      if (!g_menu_model_get_item_attribute (self->tooltips, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        continue;

      if (g_menu_model_get_item_attribute (self->tooltips, i, "widget", "s", &widget))
        gtk_widget_set_tooltip_text (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), DORSUM_TYPE_WINDOW, widget)),
                                     label);
      else if (g_menu_model_get_item_attribute (self->tooltips, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        set_action_tooltip (GTK_WIDGET (self), action, target, label);
    }

  return G_SOURCE_REMOVE;
}

/* After each frame, at idle: what waits for the window to be on screen. */
static void
frame_painted (DorsumWindow  *self,
               GdkFrameClock *clock)
{
  if (self->rows_waiting && self->all_rows_idle == 0)
    self->all_rows_idle = g_idle_add (show_all_rows, self);
  if (!self->tooltips_set && self->tooltips_idle == 0)
    self->tooltips_idle = g_idle_add (set_tooltips, self);
}

/* Once the window is realized, its size and decorations are known but nothing has been
 * laid out: start rendering the diagram for the size the view will get, so the first
 * frame need not wait for it. Wide windows only: a folded one shares its height. */
static void
dorsum_window_realize (GtkWidget *widget)
{
  DorsumWindow *self = DORSUM_WINDOW (widget);
  int width, height, header, toolbar, sidebar, content;
  double margin_x, margin_y;

  GTK_WIDGET_CLASS (dorsum_window_parent_class)->realize (widget);

  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (frame_painted), self, G_CONNECT_SWAPPED);

  if (gtk_window_is_maximized (GTK_WINDOW (self)) || gtk_window_is_fullscreen (GTK_WINDOW (self)))
    return;

  /* The default size includes the client-side decorations around the content. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  gtk_native_get_surface_transform (GTK_NATIVE (self), &margin_x, &margin_y);
  width -= (int)(2 * margin_x);
  height -= (int)(2 * margin_y);

  /* Widths by their requests: measuring the sidebar would lay out its list. */
  gtk_widget_get_size_request (self->sidebar, &sidebar, NULL);
  gtk_widget_get_size_request (self->content, &content, NULL);
  if (width < sidebar + content)
    return;

  gtk_widget_measure (self->content_header, GTK_ORIENTATION_VERTICAL, -1, NULL, &header, NULL, NULL);
  gtk_widget_measure (self->toolbar, GTK_ORIENTATION_VERTICAL, -1, NULL, &toolbar, NULL, NULL);
  /* The paned gives the diagram about 55% of the content (see paned_size_changed_cb). */
  dorsum_diagram_view_prerender (self->diagram_view, DIAGRAM_WIDTH (width, sidebar), height - header - toolbar);

}

DorsumWindow *
dorsum_window_new (DorsumApplication *application)
{
  DorsumWindow *self;

  g_return_val_if_fail (DORSUM_IS_APPLICATION (application), NULL);

  self = g_object_new (DORSUM_TYPE_WINDOW, "application", application, NULL);
  self->library = g_object_ref (dorsum_application_get_library (application));
  {
    DorsumLayer first_layer;
    g_autoptr(GdkTexture) first = dorsum_application_take_first_diagram (application, &first_layer);

    if (first != NULL)
      dorsum_diagram_view_set_first_texture (self->diagram_view, first_layer, first);
  }
  dorsum_diagram_view_set_library (self->diagram_view, self->library);

  self->session = dorsum_chart_session_new ();
  g_signal_connect_object (self->session, "notify::chart", G_CALLBACK (chart_replaced_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::file", G_CALLBACK (update_chart_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::unsaved", G_CALLBACK (update_chart_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "problem", G_CALLBACK (session_problem_cb), self, G_CONNECT_SWAPPED);
  chart_replaced_cb (self, NULL, self->session);

  restore_state (self);
  refresh_list (self);
  update_actions (self);


  /* Typing goes to the search first; otherwise a space would press whatever button had focus. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->search_entry));

  /* Once the window is up, offer back a chart a crash left unsaved. */
  g_signal_connect (self, "map", G_CALLBACK (offer_autosave), NULL);

  return self;
}
