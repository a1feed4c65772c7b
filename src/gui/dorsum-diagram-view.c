/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The SVG is rendered once per scale into a texture; hover, focus and selection are drawn
 * on top from the regions' own outlines, so they never re-render the SVG. This file is the
 * view itself: figure, layer, zoom and pan, the rendered layer and drawing the overlays
 * (DorsumOverlayStack); what it shows is set in dorsum-diagram-view-content.c, the pointer
 * and keyboard are dorsum-diagram-view-input.c. */

#define G_LOG_DOMAIN "dorsum-diagram-view"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dorsum-chart-render.h"
#include "dorsum-chart-keys.h"
#include "dorsum-diagram-view-private.h"
#include "dorsum-figure.h"
#include "dorsum-layer-cache.h"
#include "dorsum-highlight-overlay.h"
#include "dorsum-mark-selection-overlay.h"
#include "dorsum-marks-overlay.h"
#include "dorsum-overlay-stack.h"
#include "dorsum-pointer-overlay.h"
#include "dorsum-sides-overlay.h"
#include "dorsum-study-overlay.h"
#include "dorsum-trigger-point-overlay.h"

G_DEFINE_FINAL_TYPE (DorsumDiagramView, dorsum_diagram_view, GTK_TYPE_WIDGET)

/* The rendered layer, a child of the view of its own: GTK keeps a widget's render node
 * until the widget is queued for drawing, so a selection or hover change redraws the
 * highlight above it and not the diagram. */
#define DORSUM_TYPE_DIAGRAM_CANVAS (dorsum_diagram_canvas_get_type ())
G_DECLARE_FINAL_TYPE (DorsumDiagramCanvas, dorsum_diagram_canvas, DORSUM, DIAGRAM_CANVAS, GtkWidget)

struct _DorsumDiagramCanvas
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (DorsumDiagramCanvas, dorsum_diagram_canvas, GTK_TYPE_WIDGET)

static void snapshot_layer      (DorsumDiagramView *self,
                                 GtkSnapshot       *snapshot);

static void
dorsum_diagram_canvas_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  snapshot_layer (DORSUM_DIAGRAM_VIEW (gtk_widget_get_parent (widget)), snapshot);
}

static void
dorsum_diagram_canvas_class_init (DorsumDiagramCanvasClass *klass)
{
  GTK_WIDGET_CLASS (klass)->snapshot = dorsum_diagram_canvas_snapshot;
}

static void
dorsum_diagram_canvas_init (DorsumDiagramCanvas *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

/* For what changes the rendered layer or where it is drawn: zoom, pan, layer, labels. */
void
_dorsum_diagram_view_queue_draw_layer (DorsumDiagramView *self)
{
  gtk_widget_queue_draw (self->canvas);
}

enum {
  REGION_ACTIVATED,
  MARK_ACTIVATED,
  HIGHLIGHT_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
_dorsum_diagram_view_emit_region_activated (DorsumDiagramView *self,
                                            const char        *muscle,
                                            const char        *region_id)
{
  g_signal_emit (self, signals[REGION_ACTIVATED], 0, muscle, region_id);
}

void
_dorsum_diagram_view_emit_mark_activated (DorsumDiagramView *self,
                                          int                mark)
{
  g_signal_emit (self, signals[MARK_ACTIVATED], 0, mark);
}

void
_dorsum_diagram_view_emit_highlight_changed (DorsumDiagramView *self)
{
  g_signal_emit (self, signals[HIGHLIGHT_CHANGED], 0);
}

void
_dorsum_diagram_view_notify (DorsumDiagramView     *self,
                             DorsumDiagramViewProp  prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

DorsumDiagram *
_dorsum_diagram_view_get_diagram (DorsumDiagramView *self,
                                  DorsumLayer        layer)
{
  if (self->diagrams[layer] == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->diagrams[layer] = dorsum_diagram_new_for_figure (self->figure, dorsum_layer_to_string (layer), &error);
      if (error != NULL)
        g_warning ("Could not load the %s layer: %s", dorsum_layer_to_string (layer), error->message);
    }

  return self->diagrams[layer];
}

DorsumDiagram *
_dorsum_diagram_view_current_diagram (DorsumDiagramView *self)
{
  return _dorsum_diagram_view_get_diagram (self, self->layer);
}

/* Scale from diagram units to widget pixels, and the widget position of the diagram's origin. */
double
_dorsum_diagram_view_get_transform (DorsumDiagramView *self,
               double            *origin_x,
               double            *origin_y)
{
  DorsumDiagram *diagram = _dorsum_diagram_view_current_diagram (self);
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));
  double dw = diagram ? dorsum_diagram_get_width (diagram) : 800;
  double dh = diagram ? dorsum_diagram_get_height (diagram) : 1200;
  double scale = MIN (w / dw, h / dh) * self->zoom;

  *origin_x = (w - dw * scale) / 2 + self->offset_x;
  *origin_y = (h - dh * scale) / 2 + self->offset_y;

  return scale;
}

void
dorsum_diagram_view_widget_to_diagram (DorsumDiagramView *self,
                                       double             x,
                                       double             y,
                                       double            *dx,
                                       double            *dy)
{
  double ox, oy, scale = _dorsum_diagram_view_get_transform (self, &ox, &oy);

  *dx = scale > 0 ? (x - ox) / scale : -1;
  *dy = scale > 0 ? (y - oy) / scale : -1;
}

void
dorsum_diagram_view_diagram_to_widget (DorsumDiagramView *self,
                                       double             dx,
                                       double             dy,
                                       double            *x,
                                       double            *y)
{
  double ox, oy, scale = _dorsum_diagram_view_get_transform (self, &ox, &oy);

  *x = ox + dx * scale;
  *y = oy + dy * scale;
}

char *
_dorsum_diagram_view_region_label (DorsumDiagramView  *self,
              const DorsumRegion *region)
{
  DorsumEntry *entry = self->library ? dorsum_library_lookup (self->library, region->muscle) : NULL;
  const char *name = entry ? dorsum_entry_get_name (entry) : region->muscle;

  /* Translators: a muscle and the side of the body, as a screen reader says it */
  return g_strdup_printf (region->side == DORSUM_SIDE_LEFT ? _("%s, left") : _("%s, right"), name);
}

/* Hover and focus changed: the pointer overlay and a screen reader follow. */
void
_dorsum_diagram_view_update_accessible (DorsumDiagramView *self)
{
  const DorsumRegion *region = self->focus ? self->focus : self->hover;
  g_autofree char *label = region ? _dorsum_diagram_view_region_label (self, region) : NULL;
  DorsumFigure *figure = dorsum_figure_lookup (self->figure, NULL);
  /* Translators: the diagram as a screen reader names it, e.g. "Diagram of the body, Back, Superficial layer" */
  g_autofree char *description = g_strdup_printf (_("Diagram of the body, %s, %s layer"),
                                                  figure ? dorsum_figure_get_title (figure) : self->figure,
                                                  dorsum_layer_get_title (self->layer));

  dorsum_pointer_overlay_set_hover (DORSUM_POINTER_OVERLAY (self->pointer_overlay), self->hover);
  dorsum_pointer_overlay_set_focus (DORSUM_POINTER_OVERLAY (self->pointer_overlay), self->focus);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label ? label : description,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

void
_dorsum_diagram_view_clamp_offset (DorsumDiagramView *self)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));
  double ox, oy, scale;
  double max_x, max_y;

  self->zoom = CLAMP (self->zoom, MIN_ZOOM, MAX_ZOOM);
  scale = _dorsum_diagram_view_get_transform (self, &ox, &oy);

  /* Keep some of the picture on screen: pan at most to its edges. */
  max_x = MAX (0, (800 * scale - w) / 2);
  max_y = MAX (0, (1200 * scale - h) / 2);
  self->offset_x = CLAMP (self->offset_x, -max_x, max_x);
  self->offset_y = CLAMP (self->offset_y, -max_y, max_y);
}

void
_dorsum_diagram_view_zoom_around (DorsumDiagramView *self,
             double             zoom,
             double             x,
             double             y)
{
  double dx, dy, nx, ny;

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (zoom == self->zoom)
    return;

  /* Keep the diagram point under (x, y) where it is. */
  dorsum_diagram_view_widget_to_diagram (self, x, y, &dx, &dy);
  self->zoom = zoom;
  dorsum_diagram_view_diagram_to_widget (self, dx, dy, &nx, &ny);
  self->offset_x += x - nx;
  self->offset_y += y - ny;
  _dorsum_diagram_view_clamp_offset (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  _dorsum_diagram_view_queue_draw_layer (self);
}

static DorsumRenderFlags
render_flags (DorsumDiagramView *self)
{
  DorsumRenderFlags flags = DORSUM_RENDER_DEFAULT;

  /* Dark style changes only the labels. */
  if (self->labels)
    flags |= DORSUM_RENDER_LABELS;
  if (self->labels && adw_style_manager_get_dark (adw_style_manager_get_default ()))
    flags |= DORSUM_RENDER_DARK;
  if (self->labels && adw_style_manager_get_high_contrast (adw_style_manager_get_default ()))
    flags |= DORSUM_RENDER_HIGH_CONTRAST;
  /* Large text: the desktop's text scale (GNOME's "Large Text" is 1.25) reaches GTK as the
   * font resolution, 96 dpi at 1. */
  if (self->labels)
    {
      int dpi = 0;

      g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-xft-dpi", &dpi, NULL);
      if (dpi >= 1.2 * 96 * 1024)
        flags |= DORSUM_RENDER_LARGE_TEXT;
    }

  return flags;
}

/* The texture's pixels per diagram unit for a view scale: the display's scale factor
 * included, the size capped. */
static double
pixel_scale_at (DorsumDiagram *diagram,
                double         scale,
                int            device)
{
  return MIN (scale * device, MAX_TEXTURE / dorsum_diagram_get_height (diagram));
}

/* The texture's scale for a view of @width × @height showing the whole diagram at @zoom. */
static double
first_pixel_scale (DorsumDiagram *diagram,
                   double         zoom,
                   int            width,
                   int            height,
                   int            device)
{
  double scale = MIN (width / dorsum_diagram_get_width (diagram), height / dorsum_diagram_get_height (diagram));

  return pixel_scale_at (diagram, scale * zoom, device);
}

static void
lookup_accent (GtkWidget *widget,
               GdkRGBA   *accent)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, "accent_color", accent))
    gdk_rgba_parse (accent, "#3584e4");
}

/* Draws the rendered layer where the view's zoom and pan put it. */
static void
snapshot_layer (DorsumDiagramView *self,
                GtkSnapshot       *snapshot)
{
  DorsumDiagram *diagram = _dorsum_diagram_view_current_diagram (self);
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (self)));
  graphene_rect_t rect, visible;
  cairo_surface_t *surface;
  GdkTexture *texture;
  double ox, oy, scale, factor;
  cairo_t *cr;

  if (w <= 0 || h <= 0 || diagram == NULL)
    return;

  scale = _dorsum_diagram_view_get_transform (self, &ox, &oy);
  texture = dorsum_layer_cache_ensure (self->textures, diagram, self->layer,
                                       pixel_scale_at (diagram, scale, gtk_widget_get_scale_factor (GTK_WIDGET (self))),
                                       render_flags (self));
  if (texture == NULL)
    return;

  rect = GRAPHENE_RECT_INIT ((float)ox, (float)oy,
                             (float)(dorsum_diagram_get_width (diagram) * scale),
                             (float)(dorsum_diagram_get_height (diagram) * scale));

  /* GL keeps a texture on the GPU from frame to frame. GTK 4.8's cairo renderer instead
   * converts a texture node's whole texture, pixel by pixel, on every frame; a cairo node
   * of the visible part is only composited. */
  surface = dorsum_layer_cache_get_surface (self->textures);
  if (!GSK_IS_CAIRO_RENDERER (renderer))
    {
      gtk_snapshot_append_texture (snapshot, texture, &rect);
      return;
    }

  if (!graphene_rect_intersection (&rect, &GRAPHENE_RECT_INIT (0, 0, (float)w, (float)h), &visible))
    return;

  factor = scale * gtk_widget_get_scale_factor (GTK_WIDGET (self)) / dorsum_layer_cache_get_scale (self->textures);
  /* Only where the figure has pixels, when the texture's pixels fall on the widget's. */
  if (gtk_widget_get_scale_factor (GTK_WIDGET (self)) == 1 && fabs (factor - 1) < 1e-6 &&
      dorsum_layer_cache_snapshot_spans (self->textures, snapshot, ox, oy, &visible))
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &visible);
  cairo_translate (cr, ox, oy);
  if (fabs (factor - 1) > 1e-6)
    cairo_scale (cr, factor, factor);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_destroy (cr);
}

static void
overlay_context (DorsumDiagramView    *self,
                 DorsumDiagram        *diagram,
                 double                scale,
                 DorsumOverlayContext *context)
{
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self));

  context->diagram = diagram;
  context->figure = self->figure;
  context->scale = scale;
  context->widget = GTK_WIDGET (self);
  context->chart_mode = self->chart_mode;
  lookup_accent (GTK_WIDGET (self), &context->accent);
  if (!gtk_style_context_lookup_color (style, "error_color", &context->error))
    gdk_rgba_parse (&context->error, "#e01b24");
  if (!gtk_style_context_lookup_color (style, "window_bg_color", &context->background))
    gdk_rgba_parse (&context->background, "#ffffff");
}

static void
dorsum_diagram_view_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  DorsumDiagramView *self = DORSUM_DIAGRAM_VIEW (widget);
  DorsumDiagram *diagram = _dorsum_diagram_view_current_diagram (self);
  DorsumOverlayContext context;
  double ox, oy, scale;

  if (gtk_widget_get_width (widget) <= 0 || gtk_widget_get_height (widget) <= 0 || diagram == NULL)
    return;

  gtk_widget_snapshot_child (widget, self->canvas, snapshot);
  scale = _dorsum_diagram_view_get_transform (self, &ox, &oy);
  overlay_context (self, diagram, scale, &context);

  dorsum_overlay_stack_snapshot (self->overlay_stack, snapshot, &context, ox, oy,
                                 gtk_widget_get_width (widget), gtk_widget_get_height (widget));
}

static void
dorsum_diagram_view_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  DorsumDiagramView *self = DORSUM_DIAGRAM_VIEW (widget);

  /* Measured only because GTK wants children measured before they are allocated. */
  gtk_widget_measure (self->canvas, orientation, for_size, NULL, NULL, NULL, NULL);

  /* Natural size: the diagram at 0.6 scale; it shrinks to fit any space. */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 160 : 240;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 720;
}

static void
dorsum_diagram_view_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (dorsum_diagram_view_parent_class)->css_changed (widget, change);

  /* Accent and label colours follow the style; snapshot picks them up. */
  _dorsum_diagram_view_queue_draw_layer (DORSUM_DIAGRAM_VIEW (widget));
}

/* The focused muscle's outline shows only while the figure has focus from the keyboard:
 * redraw it when that changes. */
static void
dorsum_diagram_view_state_flags_changed (GtkWidget     *widget,
                                         GtkStateFlags  previous)
{
  DorsumDiagramView *self = DORSUM_DIAGRAM_VIEW (widget);
  GtkStateFlags changed = previous ^ gtk_widget_get_state_flags (widget);

  GTK_WIDGET_CLASS (dorsum_diagram_view_parent_class)->state_flags_changed (widget, previous);

  if (changed & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE))
    dorsum_diagram_overlay_changed (self->pointer_overlay);
}

static void
dorsum_diagram_view_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  DorsumDiagramView *self = DORSUM_DIAGRAM_VIEW (widget);

  _dorsum_diagram_view_clamp_offset (self);
  gtk_widget_allocate (self->canvas, width, height, baseline, NULL);
  /* The fit scale follows the size: redraw even when the canvas keeps its size. */
  _dorsum_diagram_view_queue_draw_layer (self);
}



static void
dorsum_diagram_view_dispose (GObject *object)
{
  DorsumDiagramView *self = (DorsumDiagramView *)object;

  if (self->textures != NULL)
    g_signal_handlers_disconnect_by_data (self->textures, self);
  g_clear_object (&self->textures);
  g_clear_pointer (&self->canvas, gtk_widget_unparent);
  if (self->overlay_stack != NULL)
    g_signal_handlers_disconnect_by_data (self->overlay_stack, self);
  g_clear_object (&self->overlay_stack);
  g_clear_object (&self->highlight_overlay);
  g_clear_object (&self->trigger_point_overlay);
  g_clear_object (&self->study_overlay);
  g_clear_object (&self->pointer_overlay);
  g_clear_object (&self->marks_overlay);
  g_clear_object (&self->mark_selection_overlay);
  g_clear_object (&self->library);
  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_clear_object (&self->chart);
  for (guint i = 0; i < DORSUM_N_LAYERS; i++)
    g_clear_object (&self->diagrams[i]);

  G_OBJECT_CLASS (dorsum_diagram_view_parent_class)->dispose (object);
}

static void
dorsum_diagram_view_finalize (GObject *object)
{
  DorsumDiagramView *self = (DorsumDiagramView *)object;

  g_free (self->selected);
  g_strfreev (self->highlight);
  g_clear_pointer (&self->shown_points, g_ptr_array_unref);
  g_free (self->figure);

  G_OBJECT_CLASS (dorsum_diagram_view_parent_class)->finalize (object);
}

static void
dorsum_diagram_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DorsumDiagramView *self = DORSUM_DIAGRAM_VIEW (object);

  switch (prop_id)
    {
    case PROP_LAYER:
      g_value_set_uint (value, self->layer);
      break;

    case PROP_FIGURE:
      g_value_set_string (value, self->figure);
      break;

    case PROP_LABELS:
      g_value_set_boolean (value, self->labels);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_SELECTED:
      g_value_set_string (value, self->selected);
      break;

    case PROP_TRIGGER_POINTS:
      g_value_set_boolean (value, self->trigger_points);
      break;

    case PROP_CHART_MODE:
      g_value_set_boolean (value, self->chart_mode);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dorsum_diagram_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DorsumDiagramView *self = DORSUM_DIAGRAM_VIEW (object);

  switch (prop_id)
    {
    case PROP_LAYER:
      dorsum_diagram_view_set_layer (self, g_value_get_uint (value));
      break;

    case PROP_FIGURE:
      dorsum_diagram_view_set_figure (self, g_value_get_string (value));
      break;

    case PROP_LABELS:
      dorsum_diagram_view_set_labels (self, g_value_get_boolean (value));
      break;

    case PROP_ZOOM:
      dorsum_diagram_view_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_SELECTED:
      dorsum_diagram_view_select_muscle (self, g_value_get_string (value));
      break;

    case PROP_TRIGGER_POINTS:
      dorsum_diagram_view_set_trigger_points (self, g_value_get_boolean (value));
      break;

    case PROP_CHART_MODE:
      dorsum_diagram_view_set_chart_mode (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dorsum_diagram_view_class_init (DorsumDiagramViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dorsum_diagram_view_dispose;
  object_class->finalize = dorsum_diagram_view_finalize;
  object_class->get_property = dorsum_diagram_view_get_property;
  object_class->set_property = dorsum_diagram_view_set_property;

  widget_class->snapshot = dorsum_diagram_view_snapshot;
  widget_class->measure = dorsum_diagram_view_measure;
  widget_class->size_allocate = dorsum_diagram_view_size_allocate;
  widget_class->css_changed = dorsum_diagram_view_css_changed;
  widget_class->state_flags_changed = dorsum_diagram_view_state_flags_changed;

  properties[PROP_LAYER] =
    g_param_spec_uint ("layer", NULL, NULL, 0, DORSUM_N_LAYERS - 1, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FIGURE] =
    g_param_spec_string ("figure", NULL, NULL, DORSUM_FIGURE_POSTERIOR,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LABELS] =
    g_param_spec_boolean ("labels", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, MIN_ZOOM, MAX_ZOOM, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTED] =
    g_param_spec_string ("selected", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TRIGGER_POINTS] =
    g_param_spec_boolean ("trigger-points", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CHART_MODE] =
    g_param_spec_boolean ("chart-mode", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DorsumDiagramView::mark-activated:
   * @mark: the chart mark chosen (clicked, dragged or just added), or -1 for none
   */
  /**
   * DorsumDiagramView::highlight-changed:
   *
   * Other muscles are highlighted (see dorsum_diagram_view_get_highlight()).
   */
  signals[HIGHLIGHT_CHANGED] =
    g_signal_new ("highlight-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[MARK_ACTIVATED] =
    g_signal_new ("mark-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  /**
   * DorsumDiagramView::region-activated:
   * @muscle_id: the muscle
   * @region_id: the region, with its side
   *
   * A region was clicked, or chosen with the keyboard.
   */
  signals[REGION_ACTIVATED] =
    g_signal_new ("region-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "diagramview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
dorsum_diagram_view_init (DorsumDiagramView *self)
{
  self->zoom = 1.0;
  self->figure = g_strdup (DORSUM_FIGURE_POSTERIOR);
  self->chart_keys.selected = -1;
  self->textures = dorsum_layer_cache_new (self->figure);
  g_signal_connect_object (self->textures, "updated", G_CALLBACK (_dorsum_diagram_view_queue_draw_layer), self, G_CONNECT_SWAPPED);
  self->shown_points = g_ptr_array_new ();
  self->highlight_overlay = dorsum_highlight_overlay_new ();
  self->trigger_point_overlay = dorsum_trigger_point_overlay_new ();
  self->study_overlay = dorsum_study_overlay_new ();
  self->pointer_overlay = dorsum_pointer_overlay_new ();
  self->marks_overlay = dorsum_marks_overlay_new ();
  self->mark_selection_overlay = dorsum_mark_selection_overlay_new ();
  self->overlay_stack = dorsum_overlay_stack_new ();
  {
    g_autoptr(DorsumDiagramOverlay) sides = dorsum_sides_overlay_new ();

    dorsum_overlay_stack_add (self->overlay_stack, sides);
  }
  dorsum_overlay_stack_add (self->overlay_stack, self->highlight_overlay);
  dorsum_overlay_stack_add (self->overlay_stack, self->trigger_point_overlay);
  dorsum_overlay_stack_add (self->overlay_stack, self->study_overlay);
  dorsum_overlay_stack_add (self->overlay_stack, self->pointer_overlay);
  dorsum_overlay_stack_add (self->overlay_stack, self->marks_overlay);
  dorsum_overlay_stack_add (self->overlay_stack, self->mark_selection_overlay);
  g_signal_connect_object (self->overlay_stack, "changed", G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  self->canvas = g_object_new (DORSUM_TYPE_DIAGRAM_CANVAS, NULL);
  gtk_widget_set_parent (self->canvas, GTK_WIDGET (self));
  self->selected_mark = -1;
  self->dragged_mark = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  _dorsum_diagram_view_init_input (self);

  _dorsum_diagram_view_update_accessible (self);
}

GtkWidget *
dorsum_diagram_view_new (void)
{
  return g_object_new (DORSUM_TYPE_DIAGRAM_VIEW, NULL);
}

void
dorsum_diagram_view_set_library (DorsumDiagramView *self,
                                 DorsumLibrary     *library)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));

  g_set_object (&self->library, library);
}

DorsumDiagram *
dorsum_diagram_view_get_diagram (DorsumDiagramView *self)
{
  g_return_val_if_fail (DORSUM_IS_DIAGRAM_VIEW (self), NULL);

  return _dorsum_diagram_view_current_diagram (self);
}

DorsumLayer
dorsum_diagram_view_get_layer (DorsumDiagramView *self)
{
  g_return_val_if_fail (DORSUM_IS_DIAGRAM_VIEW (self), 0);

  return self->layer;
}

void
dorsum_diagram_view_set_layer (DorsumDiagramView *self,
                               DorsumLayer        layer)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));
  g_return_if_fail (layer < DORSUM_N_LAYERS);

  if (self->layer == layer)
    return;

  /* Zoom and selection stay; hover and focus pointed into the old layer. */
  self->layer = layer;
  self->hover = NULL;
  self->focus = NULL;
  _dorsum_diagram_view_update_accessible (self);
  _dorsum_diagram_view_queue_draw_layer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYER]);
}

const char *
dorsum_diagram_view_get_figure (DorsumDiagramView *self)
{
  g_return_val_if_fail (DORSUM_IS_DIAGRAM_VIEW (self), NULL);

  return self->figure;
}

/**
 * dorsum_diagram_view_set_figure:
 * @figure: a figure id from data/diagrams/figures.xml ("posterior", "anterior")
 *
 * Shows another figure, at the same layer and zoom; in chart mode, that figure's marks.
 */
void
dorsum_diagram_view_set_figure (DorsumDiagramView *self,
                                const char        *figure)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));
  g_return_if_fail (figure != NULL);

  if (g_str_equal (self->figure, figure) || dorsum_figure_lookup (figure, NULL) == NULL)
    return;

  g_free (self->figure);
  self->figure = g_strdup (figure);

  /* Everything rendered or read was of the other figure. */
  dorsum_layer_cache_set_figure (self->textures, figure);
  for (guint i = 0; i < DORSUM_N_LAYERS; i++)
    g_clear_object (&self->diagrams[i]);
  self->hover = NULL;
  self->focus = NULL;

  _dorsum_diagram_view_update_accessible (self);
  _dorsum_diagram_view_queue_draw_layer (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIGURE]);
}

/* Whether a layer of any figure shows one of @muscles (for choosing where to show them). */
gboolean
dorsum_diagram_view_figure_layer_shows (DorsumDiagramView  *self,
                                        const char         *figure,
                                        DorsumLayer         layer,
                                        const char * const *muscles)
{
  g_autoptr(DorsumDiagram) diagram = NULL;

  g_return_val_if_fail (DORSUM_IS_DIAGRAM_VIEW (self), FALSE);

  if (g_str_equal (figure, self->figure))
    return dorsum_diagram_view_layer_shows (self, layer, muscles);

  /* The core keeps each figure's layers once read: no second parse. */
  if (!(diagram = dorsum_diagram_new_for_figure (figure, dorsum_layer_to_string (layer), NULL)))
    return FALSE;
  for (guint i = 0; muscles && muscles[i]; i++)
    if (dorsum_diagram_has_muscle (diagram, muscles[i]))
      return TRUE;

  return FALSE;
}

gboolean
dorsum_diagram_view_get_labels (DorsumDiagramView *self)
{
  g_return_val_if_fail (DORSUM_IS_DIAGRAM_VIEW (self), FALSE);

  return self->labels;
}

void
dorsum_diagram_view_set_labels (DorsumDiagramView *self,
                                gboolean           labels)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));

  labels = !!labels;
  if (self->labels == labels)
    return;

  self->labels = labels;
  _dorsum_diagram_view_queue_draw_layer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABELS]);
}

double
dorsum_diagram_view_get_zoom (DorsumDiagramView *self)
{
  g_return_val_if_fail (DORSUM_IS_DIAGRAM_VIEW (self), 1.0);

  return self->zoom;
}

void
dorsum_diagram_view_set_zoom (DorsumDiagramView *self,
                              double             zoom)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (zoom == 1.0)
    self->offset_x = self->offset_y = 0;
  if (self->zoom == zoom)
    {
      _dorsum_diagram_view_queue_draw_layer (self);
      return;
    }

  _dorsum_diagram_view_zoom_around (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
               gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}


/**
 * dorsum_diagram_view_prerender:
 * @width: the width the view is expected to have, in pixels
 * @height: the height likewise
 *
 * Starts rendering the current layer in a thread for a view of about @width × @height,
 * so that the first frame need not wait for it. Call it once the layer, labels and zoom
 * are set, before the view's first layout (the window does it when it is realized). A texture of a slightly different scale is
 * drawn stretched until the exact one has been rendered.
 */
void
dorsum_diagram_view_prerender (DorsumDiagramView *self,
                               int                width,
                               int                height)
{
  DorsumDiagram *diagram;
  double scale;

  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));

  if (width <= 0 || height <= 0 || (diagram = _dorsum_diagram_view_current_diagram (self)) == NULL)
    return;

  scale = first_pixel_scale (diagram, self->zoom, width, height, gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  dorsum_layer_cache_prerender (self->textures, diagram, self->layer, scale, render_flags (self));
}

/**
 * dorsum_diagram_view_render_first:
 * @layer: the layer a view will show
 * @zoom: its zoom
 * @width: the width the view is expected to have, in pixels
 * @height: the height likewise
 *
 * Renders, in the calling thread and without any widget, the texture a view of about
 * @width × @height at @zoom shows first (without labels, at a scale factor of 1), so that
 * it can be made while GTK starts up. Give it to the view with
 * dorsum_diagram_view_set_first_texture().
 *
 * Returns: (transfer full) (nullable): the texture, or %NULL if the layer cannot be loaded
 */
GdkTexture *
dorsum_diagram_view_render_first (DorsumLayer layer,
                                  double      zoom,
                                  int         width,
                                  int         height)
{
  g_autoptr(DorsumDiagram) diagram = NULL;
  double scale;

  g_return_val_if_fail (layer < DORSUM_N_LAYERS, NULL);

  if (width <= 0 || height <= 0 || (diagram = dorsum_diagram_new_for_layer (layer, NULL)) == NULL)
    return NULL;

  scale = first_pixel_scale (diagram, CLAMP (zoom, MIN_ZOOM, MAX_ZOOM), width, height, 1);

  return dorsum_layer_cache_render (diagram, scale, DORSUM_RENDER_DEFAULT);
}

/**
 * dorsum_diagram_view_set_first_texture:
 * @layer: the layer @texture shows
 * @texture: (nullable): a texture from dorsum_diagram_view_render_first()
 *
 * Offers a texture rendered before the view existed. The view draws it in its first frame
 * if it shows @layer without labels at a scale close to the texture's, and renders the
 * exact scale after; otherwise it renders as if it had not been offered one.
 */
void
dorsum_diagram_view_set_first_texture (DorsumDiagramView *self,
                                       DorsumLayer        layer,
                                       GdkTexture        *texture)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));
  g_return_if_fail (texture == NULL || dorsum_layer_cache_is_rendered (texture));

  dorsum_layer_cache_set_first (self->textures, layer, texture);
}
