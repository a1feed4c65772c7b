/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dorsum-overlay-stack"

#include "config.h"

#include <math.h>
#include <string.h>

#include "dorsum-overlay-stack.h"

/* What an own-node overlay's node was drawn for. Such an overlay is drawn over every
 * layer of a figure alike (the chart's marks): the diagram's size counts, not its layer,
 * so switching layers does not draw it again. */
typedef struct
{
  double         diagram_width;
  double         diagram_height;
  const char    *figure;
  double         scale;
  double         origin_x;
  double         origin_y;
  int            width;
  int            height;
  gboolean       chart_mode;
  GdkRGBA        accent;
  GdkRGBA        error;
  GdkRGBA        background;
} DrawnFor;

typedef struct
{
  DorsumDiagramOverlay *overlay;
  GskRenderNode        *node;      /* own-node overlays: what it drew last, or NULL */
  gboolean              drawn;     /* node is up to date for drawn_for */
  DrawnFor              drawn_for;
} Entry;

struct _DorsumOverlayStack
{
  GObject  parent_instance;

  GArray  *entries;   /* Entry, in drawing order */
};

G_DEFINE_FINAL_TYPE (DorsumOverlayStack, dorsum_overlay_stack, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->overlay);
  g_clear_pointer (&entry->node, gsk_render_node_unref);
}

static void
dorsum_overlay_stack_finalize (GObject *object)
{
  DorsumOverlayStack *self = DORSUM_OVERLAY_STACK (object);

  for (guint i = 0; i < self->entries->len; i++)
    g_signal_handlers_disconnect_by_data (g_array_index (self->entries, Entry, i).overlay, self);
  g_array_unref (self->entries);

  G_OBJECT_CLASS (dorsum_overlay_stack_parent_class)->finalize (object);
}

static void
dorsum_overlay_stack_class_init (DorsumOverlayStackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dorsum_overlay_stack_finalize;

  /**
   * DorsumOverlayStack::changed:
   *
   * An overlay must be drawn again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dorsum_overlay_stack_init (DorsumOverlayStack *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
}

DorsumOverlayStack *
dorsum_overlay_stack_new (void)
{
  return g_object_new (DORSUM_TYPE_OVERLAY_STACK, NULL);
}

static void
overlay_changed_cb (DorsumOverlayStack   *self,
                    DorsumDiagramOverlay *overlay)
{
  for (guint i = 0; i < self->entries->len; i++)
    if (g_array_index (self->entries, Entry, i).overlay == overlay)
      g_array_index (self->entries, Entry, i).drawn = FALSE;

  g_signal_emit (self, signals[CHANGED], 0);
}

/* Adds @overlay over the others. */
void
dorsum_overlay_stack_add (DorsumOverlayStack   *self,
                          DorsumDiagramOverlay *overlay)
{
  Entry entry = { g_object_ref (overlay), NULL, FALSE, { 0, } };

  g_return_if_fail (DORSUM_IS_OVERLAY_STACK (self));
  g_return_if_fail (DORSUM_IS_DIAGRAM_OVERLAY (overlay));

  g_array_append_val (self->entries, entry);
  g_signal_connect_object (overlay, "changed", G_CALLBACK (overlay_changed_cb), self, G_CONNECT_SWAPPED);
}

/* The widget area a diagram-unit box covers, with room for strokes; FALSE when off screen. */
static gboolean
box_to_widget (const double     box[4],
               double           scale,
               double           ox,
               double           oy,
               int              w,
               int              h,
               graphene_rect_t *bounds)
{
  double x0, y0, x1, y1;

  if (box[0] > box[2])
    return FALSE;

  x0 = MAX (0, floor (ox + box[0] * scale) - 4);
  y0 = MAX (0, floor (oy + box[1] * scale) - 4);
  x1 = MIN (w, ceil (ox + box[2] * scale) + 4);
  y1 = MIN (h, ceil (oy + box[3] * scale) + 4);
  if (x1 <= x0 || y1 <= y0)
    return FALSE;

  graphene_rect_init (bounds, (float)x0, (float)y0, (float)(x1 - x0), (float)(y1 - y0));

  return TRUE;
}

/* Draws @overlays into one cairo node that covers only what they draw: a small surface
 * keeps a hover or selection change cheap. */
static void
draw_overlays (GtkSnapshot                 *snapshot,
               DorsumDiagramOverlay       **overlays,
               guint                        n_overlays,
               const DorsumOverlayContext  *context,
               double                       ox,
               double                       oy,
               int                          width,
               int                          height)
{
  double box[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  gboolean drawn[8] = { FALSE, };
  gboolean any = FALSE;
  graphene_rect_t bounds;
  cairo_t *cr;

  g_assert (n_overlays <= G_N_ELEMENTS (drawn));

  for (guint i = 0; i < n_overlays; i++)
    any |= drawn[i] = dorsum_diagram_overlay_extent (overlays[i], context, box);

  if (!any || !box_to_widget (box, context->scale, ox, oy, width, height, &bounds))
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_translate (cr, ox, oy);
  cairo_scale (cr, context->scale, context->scale);
  for (guint i = 0; i < n_overlays; i++)
    if (drawn[i])
      dorsum_diagram_overlay_draw_under (overlays[i], cr, context);
  for (guint i = 0; i < n_overlays; i++)
    if (drawn[i])
      dorsum_diagram_overlay_draw (overlays[i], cr, context);
  cairo_destroy (cr);
}

/* Draws @overlay once into an image, and gives a node that only paints that image: GTK's
 * cairo renderer replays a cairo node at every frame that redraws under it (a layer
 * switch redraws the whole figure), and the overlay's shapes and text cost more to replay
 * than its pixels cost to copy. */
static GskRenderNode *
draw_overlay_image (DorsumDiagramOverlay       *overlay,
                    const DorsumOverlayContext *context,
                    double                      ox,
                    double                      oy,
                    int                         width,
                    int                         height)
{
  double box[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  graphene_rect_t bounds;
  cairo_surface_t *image;
  GskRenderNode *node;
  cairo_t *cr;
  int device;

  if (!dorsum_diagram_overlay_extent (overlay, context, box) ||
      !box_to_widget (box, context->scale, ox, oy, width, height, &bounds))
    return NULL;

  /* At the display's pixels: sharp on a high-resolution display too. */
  device = gtk_widget_get_scale_factor (context->widget);
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)bounds.size.width * device, (int)bounds.size.height * device);
  cairo_surface_set_device_scale (image, device, device);
  cr = cairo_create (image);
  cairo_translate (cr, ox - bounds.origin.x, oy - bounds.origin.y);
  cairo_scale (cr, context->scale, context->scale);
  dorsum_diagram_overlay_draw_under (overlay, cr, context);
  dorsum_diagram_overlay_draw (overlay, cr, context);
  cairo_destroy (cr);

  node = gsk_cairo_node_new (&bounds);
  cr = gsk_cairo_node_get_draw_context (node);
  cairo_set_source_surface (cr, image, bounds.origin.x, bounds.origin.y);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (image);

  return node;
}

static void
drawn_for_init (DrawnFor                   *drawn_for,
                const DorsumOverlayContext *context,
                double                      ox,
                double                      oy,
                int                         width,
                int                         height)
{
  memset (drawn_for, 0, sizeof *drawn_for);
  drawn_for->diagram_width = dorsum_diagram_get_width (context->diagram);
  drawn_for->diagram_height = dorsum_diagram_get_height (context->diagram);
  drawn_for->figure = g_intern_string (context->figure);
  drawn_for->scale = context->scale;
  drawn_for->origin_x = ox;
  drawn_for->origin_y = oy;
  drawn_for->width = width;
  drawn_for->height = height;
  drawn_for->chart_mode = context->chart_mode;
  drawn_for->accent = context->accent;
  drawn_for->error = context->error;
  drawn_for->background = context->background;
}

/**
 * dorsum_overlay_stack_snapshot:
 * @origin_x: where the diagram's origin is in the widget
 * @width: the widget's width, past which nothing is drawn
 *
 * Draws the overlays over the layer: those that share a node first, then each with a node
 * of its own, in order.
 */
void
dorsum_overlay_stack_snapshot (DorsumOverlayStack         *self,
                               GtkSnapshot                *snapshot,
                               const DorsumOverlayContext *context,
                               double                      origin_x,
                               double                      origin_y,
                               int                         width,
                               int                         height)
{
  DorsumDiagramOverlay *shared[8];
  guint n_shared = 0;
  DrawnFor now;

  g_return_if_fail (DORSUM_IS_OVERLAY_STACK (self));

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (!dorsum_diagram_overlay_get_own_node (entry->overlay) && n_shared < G_N_ELEMENTS (shared))
        shared[n_shared++] = entry->overlay;
    }
  draw_overlays (snapshot, shared, n_shared, context, origin_x, origin_y, width, height);

  drawn_for_init (&now, context, origin_x, origin_y, width, height);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (!dorsum_diagram_overlay_get_own_node (entry->overlay))
        continue;

      /* The figure id is interned in DrawnFor, so the pointers compare. */
      if (!entry->drawn || memcmp (&entry->drawn_for, &now, sizeof now) != 0)
        {
          g_clear_pointer (&entry->node, gsk_render_node_unref);
          entry->node = draw_overlay_image (entry->overlay, context, origin_x, origin_y, width, height);
          entry->drawn_for = now;
          entry->drawn = TRUE;
        }

      if (entry->node != NULL)
        gtk_snapshot_append_node (snapshot, entry->node);
    }
}
