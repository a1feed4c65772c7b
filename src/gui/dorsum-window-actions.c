/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's actions and their keys: search, history, bookmarks, the diagram's layer,
 * figure, labels, trigger points and zoom, presentation, the Study page, the shortcuts
 * window. Part of DorsumWindow (see dorsum-window-private.h), as GNOME Text Editor keeps
 * its window's actions in a file of their own; the pain chart's are in
 * dorsum-window-chart.c. */

#define G_LOG_DOMAIN "dorsum-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dorsum-a11y.h"
#include "dorsum-browse.h"
#include "dorsum-figure.h"
#include "dorsum-window-private.h"

/* The bookmark and recent lists, kept in GSettings and shown by the sidebar. */
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
  dorsum_sidebar_set_lists (self->library_list, (const char * const *)self->bookmarks, (const char * const *)self->recent);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DorsumWindow *self = DORSUM_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  dorsum_sidebar_focus_search (self->library_list);
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

  _dorsum_window_show_entry (self, id, FALSE);
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

  if (_dorsum_window_is_bookmarked (self, self->shown_id))
    updated = _dorsum_window_strv_without (self->bookmarks, self->shown_id);
  else
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      g_strv_builder_addv (builder, (const char **)self->bookmarks);
      g_strv_builder_add (builder, self->shown_id);
      updated = g_strv_builder_end (builder);
    }

  g_strfreev (self->bookmarks);
  self->bookmarks = updated;
  _dorsum_window_save_strv (self, "bookmarks", self->bookmarks);

  dorsum_sidebar_set_lists (self->library_list, (const char * const *)self->bookmarks, (const char * const *)self->recent);
  _dorsum_window_update_actions (self);
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

void
_dorsum_window_set_presenting (DorsumWindow *self,
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
      dorsum_a11y_name_icon_buttons (GTK_WIDGET (self->shortcuts_window), "edit-find-symbolic", _("Search Shortcuts"));
    }

  gtk_window_present (self->shortcuts_window);
}

static void
presentation_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DorsumWindow *self = DORSUM_WINDOW (widget);

  _dorsum_window_set_presenting (self, g_str_equal (action_name, "win.presentation") ? !self->presenting : FALSE);
}

gboolean
_dorsum_window_escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  DorsumWindow *self = DORSUM_WINDOW (widget);

  if (!self->presenting)
    return FALSE;

  _dorsum_window_set_presenting (self, FALSE);

  return TRUE;
}

void
_dorsum_window_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.forward", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.bookmark", NULL, bookmark_action);
  gtk_widget_class_install_action (widget_class, "win.show-entry", "s", show_entry_action);
  gtk_widget_class_install_action (widget_class, "win.presentation", NULL, presentation_action);
  gtk_widget_class_install_action (widget_class, "win.leave-presentation", NULL, presentation_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-disclaimer", NULL, dismiss_disclaimer_action);
  gtk_widget_class_install_action (widget_class, "win.study", NULL, study_action);
  gtk_widget_class_install_action (widget_class, "win.edit-mark-note", NULL, edit_note_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.edit-mark-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.study", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.presentation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.show-help-overlay", NULL);
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

/* The diagram's own actions ("diagram.layer", "diagram.zoom-in", …), once the template is
 * built; and the mouse's back and forward buttons. */
void
_dorsum_window_actions_init (DorsumWindow *self)
{
  GtkGesture *gesture;

  setup_diagram_actions (self);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (mouse_button_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}
