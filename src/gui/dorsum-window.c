/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window: a sidebar that lists or searches the library (DorsumSidebar),
 * the atlas of the back and the front, and the page of the chosen entry, all linked, with
 * browser-like history; the pain chart (dorsum-window-chart.c), the actions
 * (dorsum-window-actions.c) and the layout and first frame (dorsum-window-layout.c) in
 * files of their own. Folds to one column on narrow screens. */

#define G_LOG_DOMAIN "dorsum-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dorsum-browse.h"
#include "dorsum-chart-page.h"
#include "dorsum-a11y.h"
#include "dorsum-chart-session.h"
#include "dorsum-chart-render.h"
#include "dorsum-diagram-view.h"
#include "dorsum-entry-page.h"
#include "dorsum-figure.h"
#include "dorsum-study-page.h"
#include "dorsum-study-store.h"
#include "dorsum-window-private.h"

G_DEFINE_FINAL_TYPE (DorsumWindow, dorsum_window, ADW_TYPE_APPLICATION_WINDOW)



void
_dorsum_window_update_actions (DorsumWindow *self)
{
  gboolean bookmarked = _dorsum_window_is_bookmarked (self, self->shown_id);
  const char *tooltip;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", self->back_stack->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.forward", self->forward_stack->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.bookmark", self->shown_id != NULL);

  gtk_button_set_icon_name (GTK_BUTTON (self->bookmark_button),
                            bookmarked ? "starred-symbolic" : "non-starred-symbolic");
  tooltip = bookmarked ? _("Remove Bookmark (Ctrl+D)") : _("Bookmark (Ctrl+D)");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bookmark_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  bookmarked ? _("Remove Bookmark") : _("Bookmark"), -1);
  /* Each tooltip given costs a round trip to the X server (see dorsum-window-layout.c). */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (self->bookmark_button), tooltip) != 0)
    gtk_widget_set_tooltip_text (self->bookmark_button, tooltip);
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
          /* In chart mode the figure stays where the therapist is marking. */
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

/* A muscle's page tells the student how they do on it, once the Study page has opened
 * their progress file. */
static void
show_study_progress (DorsumWindow *self,
                     DorsumEntry  *entry)
{
  DorsumStudyStore *store = self->study_page ? dorsum_study_page_get_store (self->study_page) : NULL;
  DorsumStudyStats stats = { 0, };
  g_autofree char *text = NULL;

  if (store != NULL && dorsum_entry_get_kind (entry) == DORSUM_KIND_MUSCLE &&
      dorsum_study_store_get_entry_stats (store, dorsum_entry_get_id (entry), g_get_real_time () / G_USEC_PER_SEC,
                                          &stats, NULL) &&
      stats.reviews > 0)
    {
      /* Translators: the student's progress on a muscle: answers given, share right, cards due today */
      g_autofree char *answers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Your study: %u answer", "Your study: %u answers",
                                                               stats.reviews), stats.reviews);

      if (stats.retention >= 0)
        text = g_strdup_printf (_("%s, %.0f %% right, %u due today"), answers, stats.retention * 100, stats.due);
      else
        text = g_strdup_printf (_("%s, %u due today"), answers, stats.due);
    }

  dorsum_entry_page_set_study_progress (self->entry_page, text);
}

void
_dorsum_window_show_entry (DorsumWindow *self,
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

  if (self->study_page != NULL && _dorsum_window_studying (self))
    dorsum_study_page_leave (self->study_page);
  dorsum_entry_page_set_entry (self->entry_page, self->library, entry);
  show_study_progress (self, entry);
  show_on_diagram (self, entry);
  adw_window_title_set_title (self->content_title, dorsum_entry_get_name (entry));
  adw_window_title_set_subtitle (self->content_title, dorsum_kind_get_title (dorsum_entry_get_kind (entry)));
  gtk_stack_set_visible_child_name (self->detail_stack, "entry");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  _dorsum_window_remember_recent (self, id);
  dorsum_sidebar_set_shown (self->library_list, id);

  _dorsum_window_update_actions (self);
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

  _dorsum_window_show_entry (self, id, TRUE);

  return TRUE;
}

static void
entry_activated_cb (DorsumWindow  *self,
                    const char    *id,
                    DorsumSidebar *sidebar)
{
  dorsum_window_show_entry (self, id);
}

/* Shows the search's results for @text in the sidebar, now, with the search focused. */
void
dorsum_window_search (DorsumWindow *self,
                      const char   *text)
{
  g_return_if_fail (DORSUM_IS_WINDOW (self));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  dorsum_sidebar_search (self->library_list, text);
}

GListModel *
dorsum_window_get_list_model (DorsumWindow *self)
{
  g_return_val_if_fail (DORSUM_IS_WINDOW (self), NULL);

  return dorsum_sidebar_get_model (self->library_list);
}

const char *
dorsum_window_get_shown_id (DorsumWindow *self)
{
  g_return_val_if_fail (DORSUM_IS_WINDOW (self), NULL);

  return self->shown_id;
}

DorsumDiagramView *
dorsum_window_get_diagram_view (DorsumWindow *self)
{
  g_return_val_if_fail (DORSUM_IS_WINDOW (self), NULL);

  return self->diagram_view;
}

gboolean
dorsum_window_get_folded (DorsumWindow *self)
{
  g_return_val_if_fail (DORSUM_IS_WINDOW (self), FALSE);

  return adw_leaflet_get_folded (self->leaflet);
}

gboolean
_dorsum_window_studying (DorsumWindow *self)
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
  if (self->study_page != NULL && _dorsum_window_studying (self) &&
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

static void
leaflet_back_clicked_cb (DorsumWindow *self,
                         GtkButton    *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
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
  if (!_dorsum_window_studying (self))
    dorsum_study_page_show_home (self->study_page);
  gtk_stack_set_visible_child_name (self->detail_stack, "study");
  adw_window_title_set_title (self->content_title, _("Study"));
  adw_window_title_set_subtitle (self->content_title, NULL);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  return self->study_page;
}

gboolean
dorsum_window_get_disclaimer_shown (DorsumWindow *self)
{
  g_return_val_if_fail (DORSUM_IS_WINDOW (self), FALSE);

  return gtk_revealer_get_reveal_child (self->disclaimer_banner);
}

gboolean
dorsum_window_get_presenting (DorsumWindow *self)
{
  g_return_val_if_fail (DORSUM_IS_WINDOW (self), FALSE);

  return self->presenting;
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
  g_clear_handle_id (&self->tooltips_idle, g_source_remove);
  g_clear_handle_id (&self->library_idle, g_source_remove);

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

  window_class->close_request = dorsum_window_close_request;

  g_type_ensure (DORSUM_TYPE_DIAGRAM_VIEW);
  g_type_ensure (DORSUM_TYPE_ENTRY_PAGE);
  g_type_ensure (DORSUM_TYPE_CHART_PAGE);
  g_type_ensure (DORSUM_TYPE_SIDEBAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dorsum/Dorsum/dorsum-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, library_list);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, content);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, bookmark_button);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, diagram_view);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, other_view);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, figures_box);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, figure_box);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, entry_page);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, toolbar);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, toolbar_box);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, layer_box);
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
  gtk_widget_class_bind_template_callback (widget_class, region_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_activated_cb);
  _dorsum_window_layout_class_init (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_back_clicked_cb);
  _dorsum_window_chart_class_init (widget_class);
  _dorsum_window_actions_class_init (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);



  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "diagram.zoom-fit", NULL);
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

  gtk_widget_init_template (GTK_WIDGET (self));
  _dorsum_window_chart_init (self);
  /* The toggle inside a menu button or drop-down is what takes focus: it gets the name. */
  label_inner_button (GTK_WIDGET (self->menu_button), _("Main Menu"));
  _dorsum_window_actions_init (self);

  self->back_stack = g_ptr_array_new_with_free_func (g_free);
  self->forward_stack = g_ptr_array_new_with_free_func (g_free);
  self->bookmarks = g_new0 (char *, 1);
  self->recent = g_new0 (char *, 1);

  /* Start typing anywhere to search. */
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (dorsum_sidebar_get_search_entry (self->library_list)), GTK_WIDGET (self));

  {
    /* Escape leaves presentation mode, and only then: elsewhere it clears the search. */
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                            gtk_callback_action_new (_dorsum_window_escape_cb, NULL, NULL)));
    gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  }


  _dorsum_window_update_actions (self);
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
      _dorsum_window_show_entry (self, last, FALSE);
      /* The window opens on the atlas and the page, also when folded. */
    }

  /* Zoom last: showing the entry may have switched the layer. */
  dorsum_diagram_view_set_zoom (self->diagram_view, g_settings_get_double (self->settings, "zoom"));
}

/* A pack was added or removed in Preferences: the page shows what the library has now, and
 * a page whose entry went with its pack is closed (the sidebar follows the library itself).
 * Once the library is done changing: a pack replaced is removed and added again, and its
 * page stays. */
static gboolean
library_changed_idle_cb (gpointer data)
{
  DorsumWindow *self = data;
  DorsumEntry *shown = self->shown_id ? dorsum_library_lookup (self->library, self->shown_id) : NULL;

  /* A page still there lists what now links to it (a pack's techniques on a built-in muscle). */
  if (shown != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "entry") == 0)
    dorsum_entry_page_set_entry (self->entry_page, self->library, shown);
  else if (self->shown_id != NULL && shown == NULL)
    {
      g_clear_pointer (&self->shown_id, g_free);
      dorsum_sidebar_set_shown (self->library_list, NULL);
      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "entry") == 0)
        {
          gtk_stack_set_visible_child_name (self->detail_stack, "empty");
          adw_window_title_set_title (self->content_title, _("Back Atlas"));
          adw_window_title_set_subtitle (self->content_title, NULL);
          dorsum_diagram_view_set_highlight (self->diagram_view, NULL);
        }
    }

  self->library_idle = 0;
  _dorsum_window_update_actions (self);

  return G_SOURCE_REMOVE;
}

static void
library_changed_cb (DorsumWindow *self)
{
  if (self->library_idle == 0)
    self->library_idle = g_idle_add (library_changed_idle_cb, self);
}

DorsumWindow *
dorsum_window_new (DorsumApplication *application)
{
  DorsumWindow *self;

  g_return_val_if_fail (DORSUM_IS_APPLICATION (application), NULL);

  self = g_object_new (DORSUM_TYPE_WINDOW, "application", application, NULL);
  self->library = g_object_ref (dorsum_application_get_library (application));
  g_signal_connect_object (self->library, "changed", G_CALLBACK (library_changed_cb), self, G_CONNECT_SWAPPED);
  {
    DorsumLayer first_layer;
    g_autoptr(GdkTexture) first = dorsum_application_take_first_diagram (application, &first_layer);

    if (first != NULL)
      dorsum_diagram_view_set_first_texture (self->diagram_view, first_layer, first);
  }
  dorsum_diagram_view_set_library (self->diagram_view, self->library);

  _dorsum_window_chart_start (self);

  restore_state (self);
  dorsum_sidebar_set_lists (self->library_list, (const char * const *)self->bookmarks, (const char * const *)self->recent);
  dorsum_sidebar_set_library (self->library_list, self->library);
  _dorsum_window_update_actions (self);


  /* Typing goes to the search first; otherwise a space would press whatever button had focus. */
  gtk_window_set_focus (GTK_WINDOW (self), dorsum_sidebar_get_search_entry (self->library_list));


  return self;
}
