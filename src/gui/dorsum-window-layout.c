/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How the window lays itself out and first shows: the diagram and the page sharing the
 * content (beside each other, or one above the other when folded), the toolbar folding
 * under large text, the first diagram planned before there is a window and rendered for
 * the size the window is realized at, and the tooltips given once the first frame is out.
 * Part of DorsumWindow (see dorsum-window-private.h). */

#define G_LOG_DOMAIN "dorsum-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dorsum-window-private.h"

/* The diagram takes a bit over half of the space whenever the window changes size. */
/* Narrower, a page's lines hold too few words to read comfortably. */
#define MIN_PAGE_WIDTH 320

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

      position = MAX (position, MIN (toolbar, MIN (max, max + end_min - MIN_PAGE_WIDTH)));
      gtk_paned_set_position (paned, position);

      /* Large text in a window too narrow for both: the tools go under the layers rather
       * than off the edge, and the page keeps its width. */
      if (!folded)
        {
          int horizontal = 0;

          gtk_orientable_set_orientation (GTK_ORIENTABLE (self->toolbar_box), GTK_ORIENTATION_HORIZONTAL);
          gtk_orientable_set_orientation (GTK_ORIENTABLE (self->layer_box), GTK_ORIENTATION_HORIZONTAL);
          gtk_widget_measure (self->toolbar, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &horizontal, NULL, NULL);
          if (horizontal > position)
            gtk_orientable_set_orientation (GTK_ORIENTABLE (self->toolbar_box), GTK_ORIENTATION_VERTICAL);
          /* At 200 % even the three layers may not fit side by side: one above the other. */
          gtk_widget_measure (self->layer_box, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &horizontal, NULL, NULL);
          if (horizontal + 12 > position)
            gtk_orientable_set_orientation (GTK_ORIENTABLE (self->layer_box), GTK_ORIENTATION_VERTICAL);
        }
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
  if (folded)
    gtk_orientable_set_orientation (GTK_ORIENTABLE (self->toolbar_box), GTK_ORIENTATION_VERTICAL);
  else
    paned_size_changed_cb (self, NULL, self->paned);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->disclaimer_box), folded ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  _dorsum_window_update_figures (self);
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

  GTK_WIDGET_CLASS (g_type_class_peek (ADW_TYPE_APPLICATION_WINDOW))->realize (widget);

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

void
_dorsum_window_layout_class_init (GtkWidgetClass *widget_class)
{
  widget_class->realize = dorsum_window_realize;
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, paned_size_changed_cb);
}
