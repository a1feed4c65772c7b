/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The SVG is rendered once per scale into a texture; hover, focus and selection are drawn
 * on top from the regions' own outlines, so they never re-render the SVG. */

#define G_LOG_DOMAIN "dorsum-diagram-view"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dorsum-chart-compare.h"
#include "dorsum-chart-render.h"
#include "dorsum-chart-keys.h"
#include "dorsum-diagram-view.h"
#include "dorsum-figure.h"
#include "dorsum-study-overlay.h"

#define MIN_ZOOM 1.0
#define MAX_ZOOM 8.0
#define ZOOM_STEP 1.25
#define MAX_TEXTURE 4096

struct _DorsumDiagramView
{
  GtkWidget       parent_instance;

  DorsumLibrary  *library;
  char           *figure;     /* "posterior", "anterior": whose layers diagrams[] holds */
  DorsumDiagram  *diagrams[DORSUM_N_LAYERS];
  DorsumLayer     layer;
  gboolean        labels;

  double          zoom;
  double          offset_x;   /* pan, in widget pixels */
  double          offset_y;
  double          drag_start_x;
  double          drag_start_y;
  gboolean        dragged;

  GdkTexture     *texture;    /* the rendered layer, cached per scale */
  double          texture_scale;
  DorsumLayer     texture_layer;
  DorsumRenderFlags texture_flags;
  GCancellable   *render_cancellable;
  GThread        *prerender;  /* RenderJob*: the first texture, rendered before layout */
  GdkTexture     *first;      /* or rendered before the view existed */
  DorsumLayer     first_layer;
  GtkWidget      *canvas;     /* draws the texture */

  /* The other layers rendered ahead at the same scale, so switching layers is instant. */
  GdkTexture     *spares[DORSUM_N_LAYERS];
  GCancellable   *spares_cancellable;
  guint           spares_timeout;

  char           *selected;   /* muscle id */
  GStrv           highlight;  /* highlighted muscles and their parts */
  gboolean        trigger_points;
  double          emphasis;        /* highlight strength: 1, or 2 when presenting */

  /* Pain chart: marks drawn over every layer; in chart mode clicks add and edit marks. */
  DorsumChart    *chart;
  DorsumChart    *compare_chart;   /* an earlier chart, drawn faded under the marks */
  gboolean        chart_mode;
  int             selected_mark;
  int             dragged_mark;    /* moving this mark, or -1 */
  gboolean        creating_mark;   /* dragging out a new mark's radius */
  double          drag_origin_x;   /* diagram units where the drag began */
  double          drag_origin_y;
  DorsumMark      preview;         /* the mark being moved or created */
  GPtrArray      *shown_points; /* const DorsumTriggerPoint* of the highlighted muscles */
  GHashTable     *tints;        /* study: muscle id → how well it is known, 0–1 */
  const DorsumTriggerPoint *quiz_zone; /* study: a referral zone drawn without its muscle */
  const DorsumRegion *hover;
  const DorsumRegion *focus;
  DorsumChartKeys chart_keys;
};

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
static void queue_render_spares (DorsumDiagramView *self);

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
static void
queue_draw_layer (DorsumDiagramView *self)
{
  gtk_widget_queue_draw (self->canvas);
}

enum {
  PROP_0,
  PROP_LAYER,
  PROP_FIGURE,
  PROP_LABELS,
  PROP_ZOOM,
  PROP_SELECTED,
  PROP_TRIGGER_POINTS,
  PROP_CHART_MODE,
  N_PROPS
};

enum {
  REGION_ACTIVATED,
  MARK_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static DorsumDiagram *
get_diagram (DorsumDiagramView *self,
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

static DorsumDiagram *
current_diagram (DorsumDiagramView *self)
{
  return get_diagram (self, self->layer);
}

/* Scale from diagram units to widget pixels, and the widget position of the diagram's origin. */
static double
get_transform (DorsumDiagramView *self,
               double            *origin_x,
               double            *origin_y)
{
  DorsumDiagram *diagram = current_diagram (self);
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
  double ox, oy, scale = get_transform (self, &ox, &oy);

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
  double ox, oy, scale = get_transform (self, &ox, &oy);

  *x = ox + dx * scale;
  *y = oy + dy * scale;
}

static char *
region_label (DorsumDiagramView  *self,
              const DorsumRegion *region)
{
  DorsumEntry *entry = self->library ? dorsum_library_lookup (self->library, region->muscle) : NULL;
  const char *name = entry ? dorsum_entry_get_name (entry) : region->muscle;

  /* Translators: a muscle and the side of the body, as a screen reader says it */
  return g_strdup_printf (region->side == DORSUM_SIDE_LEFT ? _("%s, left") : _("%s, right"), name);
}

static void
update_accessible (DorsumDiagramView *self)
{
  const DorsumRegion *region = self->focus ? self->focus : self->hover;
  g_autofree char *label = region ? region_label (self, region) : NULL;
  DorsumFigure *figure = dorsum_figure_lookup (self->figure, NULL);
  /* Translators: the diagram as a screen reader names it, e.g. "Diagram of the body, Back, Superficial layer" */
  g_autofree char *description = g_strdup_printf (_("Diagram of the body, %s, %s layer"),
                                                  figure ? dorsum_figure_get_title (figure) : self->figure,
                                                  dorsum_layer_get_title (self->layer));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label ? label : description,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
clamp_offset (DorsumDiagramView *self)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));
  double ox, oy, scale;
  double max_x, max_y;

  self->zoom = CLAMP (self->zoom, MIN_ZOOM, MAX_ZOOM);
  scale = get_transform (self, &ox, &oy);

  /* Keep some of the picture on screen: pan at most to its edges. */
  max_x = MAX (0, (800 * scale - w) / 2);
  max_y = MAX (0, (1200 * scale - h) / 2);
  self->offset_x = CLAMP (self->offset_x, -max_x, max_x);
  self->offset_y = CLAMP (self->offset_y, -max_y, max_y);
}

static void
zoom_around (DorsumDiagramView *self,
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
  clamp_offset (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  queue_draw_layer (self);
}

typedef struct
{
  GdkTexture    *texture;     /* the result, for a pre-render */
  GWeakRef       view;        /* for a spare, which must not keep the view alive */
  DorsumDiagram *diagram;
  int            width;
  int            height;
  DorsumRenderFlags flags;
  double         scale;
  DorsumLayer    layer;
  char          *figure;    /* the figure the layer is of, for jobs that load it */
} RenderJob;

/* @diagram may be %NULL for a job that loads the layer in its thread. */
static RenderJob *
render_job_new (DorsumDiagram    *diagram,
                DorsumLayer       layer,
                int               width,
                int               height,
                double            scale,
                DorsumRenderFlags flags)
{
  RenderJob *job = g_new0 (RenderJob, 1);

  job->diagram = diagram ? g_object_ref (diagram) : NULL;
  job->layer = layer;
  job->width = width;
  job->height = height;
  job->scale = scale;
  job->flags = flags;

  return job;
}

static void
render_job_free (RenderJob *job)
{
  g_free (job->figure);
  g_clear_object (&job->texture);
  g_weak_ref_clear (&job->view);
  g_clear_object (&job->diagram);
  g_free (job);
}

/* What a texture of the diagram was rendered with, kept on it. */
typedef struct
{
  cairo_surface_t  *surface;  /* the same pixels, for drawing with cairo (see snapshot_layer()) */
  double            scale;    /* pixels per diagram unit */
  DorsumRenderFlags flags;
} TextureInfo;

static void
texture_info_free (TextureInfo *info)
{
  cairo_surface_destroy (info->surface);
  g_free (info);
}

static const TextureInfo *
texture_get_info (GdkTexture *texture)
{
  return g_object_get_data (G_OBJECT (texture), "dorsum-texture-info");
}

static GdkTexture *
render_texture (DorsumDiagram *diagram,
                int            width,
                int            height,
                double         scale,
                DorsumRenderFlags flags)
{
  TextureInfo *info = g_new0 (TextureInfo, 1);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;

  if (!dorsum_diagram_render (diagram, cr, width, height, flags, &error))
    g_warning ("Rendering the diagram failed: %s", error->message);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize)cairo_image_surface_get_stride (surface) * height,
                                      (GDestroyNotify)cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                    (gsize)cairo_image_surface_get_stride (surface));
  info->surface = cairo_surface_reference (surface);
  info->scale = scale;
  info->flags = flags;
  g_object_set_data_full (G_OBJECT (texture), "dorsum-texture-info", info, (GDestroyNotify)texture_info_free);

  return texture;
}

/* Renders run one at a time in one worker thread, newest wanted last: zooming through 200
 * steps cancels 199 renders, which the worker then skips. With GTask's own pool, each
 * cancelled render that had started kept its thread and the pool grew a thread for the
 * next (8 → 44 threads, 640 MB of arenas for 25 MB of live heap). */
typedef struct
{
  GTask          *task;
  GTaskThreadFunc func;
} PoolJob;

static void
render_pool_func (gpointer data,
                  gpointer user_data)
{
  PoolJob *job = data;

  if (!g_task_return_error_if_cancelled (job->task))
    job->func (job->task, g_task_get_source_object (job->task), g_task_get_task_data (job->task),
               g_task_get_cancellable (job->task));

  g_object_unref (job->task);
  g_free (job);
}

static void
run_in_render_thread (GTask           *task,
                      GTaskThreadFunc  func)
{
  static GThreadPool *pool;
  static gsize pool_made;
  PoolJob *job = g_new0 (PoolJob, 1);

  if (g_once_init_enter (&pool_made))
    {
      pool = g_thread_pool_new (render_pool_func, NULL, 1, FALSE, NULL);
      g_once_init_leave (&pool_made, 1);
    }

  job->task = g_object_ref (task);
  job->func = func;
  g_thread_pool_push (pool, job, NULL);
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderJob *job = task_data;

  g_task_return_pointer (task, render_texture (job->diagram, job->width, job->height, job->scale, job->flags), g_object_unref);
}

static void
render_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  DorsumDiagramView *self = DORSUM_DIAGRAM_VIEW (object);
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  GdkTexture *texture = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Rendered for the figure shown before a switch: not this one's. */
  if (texture != NULL && g_strcmp0 (job->figure, self->figure) != 0)
    g_clear_object (&texture);
  if (texture == NULL)
    return;

  g_clear_object (&self->render_cancellable);
  g_set_object (&self->texture, texture);
  g_object_unref (texture);
  self->texture_scale = job->scale;
  self->texture_layer = job->layer;
  self->texture_flags = job->flags;
  queue_draw_layer (self);
  queue_render_spares (self);
}

/* Other layers are rendered ahead only while their textures are small (about 10 MB). */
#define MAX_SPARE_PIXELS (2500 * 1000)

/* Whether a spare texture is the one the shown layer's texture would have. */
static gboolean
spare_is_current (DorsumDiagramView *self,
                  GdkTexture        *spare)
{
  const TextureInfo *info = texture_get_info (spare);

  return fabs (info->scale - self->texture_scale) < 1e-6 && info->flags == self->texture_flags;
}

static void
spare_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  RenderJob *job = task_data;
  g_autoptr(DorsumDiagram) diagram = dorsum_diagram_new_for_figure (job->figure ? job->figure : DORSUM_FIGURE_POSTERIOR,
                                                                    dorsum_layer_to_string (job->layer), NULL);

  if (diagram == NULL || g_cancellable_is_cancelled (cancellable))
    g_task_return_pointer (task, NULL, NULL);
  else
    g_task_return_pointer (task, render_texture (diagram, job->width, job->height, job->scale, job->flags),
                           g_object_unref);
}

static void
spare_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(DorsumDiagramView) self = g_weak_ref_get (&job->view);
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), NULL);

  if (self != NULL && texture != NULL && job->layer != self->texture_layer && g_strcmp0 (job->figure, self->figure) == 0)
    g_set_object (&self->spares[job->layer], texture);
}

static gboolean
render_spares_timeout (gpointer data)
{
  DorsumDiagramView *self = data;
  int width, height;

  self->spares_timeout = 0;
  if (self->texture == NULL)
    return G_SOURCE_REMOVE;

  width = gdk_texture_get_width (self->texture);
  height = gdk_texture_get_height (self->texture);
  if ((gint64)width * height > MAX_SPARE_PIXELS)
    return G_SOURCE_REMOVE;

  g_cancellable_cancel (self->spares_cancellable);
  g_set_object (&self->spares_cancellable, g_cancellable_new ());

  for (guint layer = 0; layer < DORSUM_N_LAYERS; layer++)
    {
      g_autoptr(GTask) task = NULL;
      RenderJob *job;

      if (layer == self->texture_layer || (self->spares[layer] != NULL && spare_is_current (self, self->spares[layer])))
        continue;

      job = render_job_new (NULL, layer, width, height, self->texture_scale, self->texture_flags);
      job->figure = g_strdup (self->figure);
      g_weak_ref_init (&job->view, self);

      task = g_task_new (NULL, self->spares_cancellable, spare_done_cb, NULL);
      g_task_set_task_data (task, job, (GDestroyNotify)render_job_free);
      run_in_render_thread (task, spare_thread);
    }

  return G_SOURCE_REMOVE;
}

/* Once the shown layer has had its exact texture for a while (the first frames are out,
 * zooming and panning have stopped), the others are rendered at the same scale in threads:
 * not while a zoom's own render needs the cores. */
#define SPARES_DELAY_MS 250

static void
queue_render_spares (DorsumDiagramView *self)
{
  g_clear_handle_id (&self->spares_timeout, g_source_remove);
  self->spares_timeout = g_timeout_add_full (G_PRIORITY_LOW, SPARES_DELAY_MS, render_spares_timeout, self, NULL);
}

/* Switches to a texture of the new layer rendered ahead, keeping the old one as a spare:
 * exact, or at another scale to stand in until the exact one is rendered. */
static gboolean
take_spare (DorsumDiagramView *self,
            DorsumRenderFlags  flags)
{
  GdkTexture *spare = self->spares[self->layer];

  if (spare == NULL || texture_get_info (spare)->flags != flags)
    return FALSE;

  if (self->texture != NULL && self->texture_layer < DORSUM_N_LAYERS)
    g_set_object (&self->spares[self->texture_layer], self->texture);

  g_cancellable_cancel (self->render_cancellable);
  g_clear_object (&self->render_cancellable);
  g_set_object (&self->texture, spare);
  g_clear_object (&self->spares[self->layer]);
  self->texture_scale = texture_get_info (spare)->scale;
  self->texture_layer = self->layer;
  self->texture_flags = flags;

  return TRUE;
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

static double
pixel_scale_for (DorsumDiagramView *self,
                 DorsumDiagram     *diagram,
                 double             scale)
{
  return pixel_scale_at (diagram, scale, gtk_widget_get_scale_factor (GTK_WIDGET (self)));
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

/* Whether a texture rendered before layout can stand in until the exact one is rendered:
 * the same layer and flags, and a scale close enough. */
static gboolean
can_stand_in (DorsumDiagramView *self,
              DorsumLayer        layer,
              double             scale,
              DorsumRenderFlags  flags,
              double             pixel_scale)
{
  return layer == self->layer && flags == render_flags (self) && fabs (scale / pixel_scale - 1) < 0.2;
}

static void
use_texture (DorsumDiagramView *self,
             GdkTexture        *texture,
             DorsumLayer        layer,
             double             scale,
             DorsumRenderFlags  flags)
{
  g_set_object (&self->texture, texture);
  self->texture_scale = scale;
  self->texture_layer = layer;
  self->texture_flags = flags;
}

static gpointer
prerender_thread (gpointer data)
{
  RenderJob *job = data;

  job->texture = render_texture (job->diagram, job->width, job->height, job->scale, job->flags);

  return job;
}

/* Takes the texture rendered before layout, if it can stand in. */
static void
take_prerender (DorsumDiagramView *self,
                double             pixel_scale)
{
  RenderJob *job = g_thread_join (g_steal_pointer (&self->prerender));

  if (can_stand_in (self, job->layer, job->scale, job->flags, pixel_scale))
    use_texture (self, job->texture, job->layer, job->scale, job->flags);

  render_job_free (job);
}

/* Takes the texture rendered before the view existed, if it can stand in. */
static void
take_first (DorsumDiagramView *self,
            double             pixel_scale)
{
  g_autoptr(GdkTexture) first = g_steal_pointer (&self->first);
  const TextureInfo *info = texture_get_info (first);

  if (can_stand_in (self, self->first_layer, info->scale, info->flags, pixel_scale))
    use_texture (self, first, self->first_layer, info->scale, info->flags);
}

/* Makes sure a texture for this scale exists or is on its way. The first one is rendered
 * at once so the first frame has the diagram (or was rendered before layout, see
 * dorsum_diagram_view_prerender()); later ones (zooming) in a thread, while the
 * old texture is drawn stretched. */
static void
ensure_texture (DorsumDiagramView *self,
                DorsumDiagram     *diagram,
                double             scale)
{
  double pixel_scale = pixel_scale_for (self, diagram, scale);
  int width = (int)ceil (dorsum_diagram_get_width (diagram) * pixel_scale);
  int height = (int)ceil (dorsum_diagram_get_height (diagram) * pixel_scale);
  g_autoptr(GTask) task = NULL;
  DorsumRenderFlags flags = render_flags (self);
  RenderJob *job;

  if (self->first != NULL)
    take_first (self, pixel_scale);
  if (self->prerender != NULL)
    take_prerender (self, pixel_scale);

  if (self->texture_layer != self->layer)
    take_spare (self, flags);

  if (self->texture != NULL &&
      fabs (self->texture_scale - pixel_scale) < 1e-6 &&
      self->texture_layer == self->layer &&
      self->texture_flags == flags)
    {
      queue_render_spares (self);
      return;
    }

  if (self->texture == NULL || self->texture_layer != self->layer)
    {
      g_cancellable_cancel (self->render_cancellable);
      g_clear_object (&self->render_cancellable);
      g_clear_object (&self->texture);
      self->texture = render_texture (diagram, width, height, pixel_scale, flags);
      self->texture_scale = pixel_scale;
      self->texture_layer = self->layer;
      self->texture_flags = flags;
      queue_render_spares (self);
      return;
    }

  if (self->render_cancellable != NULL)
    g_cancellable_cancel (self->render_cancellable);
  g_set_object (&self->render_cancellable, g_cancellable_new ());

  job = render_job_new (diagram, self->layer, width, height, pixel_scale, flags);
  job->figure = g_strdup (self->figure);

  task = g_task_new (self, self->render_cancellable, render_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify)render_job_free);
  run_in_render_thread (task, render_thread);
}

static void
lookup_accent (GtkWidget *widget,
               GdkRGBA   *accent)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, "accent_color", accent))
    gdk_rgba_parse (accent, "#3584e4");
}

static void
add_region_bounds (const DorsumRegion *region,
                   double             *box)
{
  box[0] = MIN (box[0], region->bounds.x);
  box[1] = MIN (box[1], region->bounds.y);
  box[2] = MAX (box[2], region->bounds.x + region->bounds.width);
  box[3] = MAX (box[3], region->bounds.y + region->bounds.height);
}

/* The widget area the highlight, hover and focus outlines can touch, with room for strokes. */
static gboolean
overlay_bounds (DorsumDiagramView *self,
                DorsumDiagram     *diagram,
                double             scale,
                double             ox,
                double             oy,
                int                w,
                int                h,
                graphene_rect_t   *bounds)
{
  double box[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  double x0, y0, x1, y1;

  for (guint i = 0; self->highlight && i < dorsum_diagram_get_n_regions (diagram); i++)
    {
      const DorsumRegion *region = dorsum_diagram_get_region (diagram, i);

      if (g_strv_contains ((const char * const *)self->highlight, region->muscle))
        add_region_bounds (region, box);
    }
  if (self->hover)
    add_region_bounds (self->hover, box);
  if (self->focus)
    add_region_bounds (self->focus, box);

  /* Referral zones spread far from their muscle (to the head, the thigh): take the figure. */
  if ((self->trigger_points && self->shown_points->len > 0) || self->tints != NULL || self->quiz_zone != NULL)
    {
      box[0] = box[1] = 0;
      box[2] = dorsum_diagram_get_width (diagram);
      box[3] = dorsum_diagram_get_height (diagram);
    }

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

/* Draws the rendered layer where the view's zoom and pan put it. */
static void
snapshot_layer (DorsumDiagramView *self,
                GtkSnapshot       *snapshot)
{
  DorsumDiagram *diagram = current_diagram (self);
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (self)));
  graphene_rect_t rect, visible;
  cairo_surface_t *surface;
  double ox, oy, scale, factor;
  cairo_t *cr;

  if (w <= 0 || h <= 0 || diagram == NULL)
    return;

  scale = get_transform (self, &ox, &oy);
  ensure_texture (self, diagram, scale);
  if (self->texture == NULL)
    return;

  rect = GRAPHENE_RECT_INIT ((float)ox, (float)oy,
                             (float)(dorsum_diagram_get_width (diagram) * scale),
                             (float)(dorsum_diagram_get_height (diagram) * scale));

  /* GL keeps a texture on the GPU from frame to frame. GTK 4.8's cairo renderer instead
   * converts a texture node's whole texture, pixel by pixel, on every frame; a cairo node
   * of the visible part is only composited. */
  surface = texture_get_info (self->texture)->surface;
  if (!GSK_IS_CAIRO_RENDERER (renderer))
    {
      gtk_snapshot_append_texture (snapshot, self->texture, &rect);
      return;
    }

  if (!graphene_rect_intersection (&rect, &GRAPHENE_RECT_INIT (0, 0, (float)w, (float)h), &visible))
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &visible);
  factor = scale * gtk_widget_get_scale_factor (GTK_WIDGET (self)) / self->texture_scale;
  cairo_translate (cr, ox, oy);
  if (fabs (factor - 1) > 1e-6)
    cairo_scale (cr, factor, factor);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_destroy (cr);
}

static void
snapshot_diagram (GtkWidget   *widget,
                  GtkSnapshot *snapshot)
{
  DorsumDiagramView *self = DORSUM_DIAGRAM_VIEW (widget);
  DorsumDiagram *diagram = current_diagram (self);
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  double ox, oy, scale;
  graphene_rect_t bounds;
  GdkRGBA accent;
  cairo_t *cr;

  if (w <= 0 || h <= 0 || diagram == NULL)
    return;

  gtk_widget_snapshot_child (widget, self->canvas, snapshot);
  scale = get_transform (self, &ox, &oy);

  if (self->highlight == NULL && self->hover == NULL && self->focus == NULL && self->tints == NULL &&
      self->quiz_zone == NULL && !(self->trigger_points && self->shown_points->len > 0))
    return;

  lookup_accent (widget, &accent);

  /* The overlay covers only what it draws: a small cairo surface keeps a selection change cheap. */
  if (!overlay_bounds (self, diagram, scale, ox, oy, w, h, &bounds))
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_translate (cr, ox, oy);
  cairo_scale (cr, scale, scale);

  if (self->trigger_points && self->shown_points->len > 0)
    {
      GtkStyleContext *style = gtk_widget_get_style_context (widget);
      GdkRGBA error, veil;

      if (!gtk_style_context_lookup_color (style, "error_color", &error))
        gdk_rgba_parse (&error, "#e01b24");
      if (!gtk_style_context_lookup_color (style, "window_bg_color", &veil))
        gdk_rgba_parse (&veil, "#ffffff");

      /* A veil over the muscles, as on a printed trigger point chart, so red zones stand out. */
      cairo_rectangle (cr, 0, 0, dorsum_diagram_get_width (diagram), dorsum_diagram_get_height (diagram));
      cairo_set_source_rgba (cr, veil.red, veil.green, veil.blue, 0.6);
      cairo_fill (cr);
      dorsum_diagram_draw_highlight (diagram, cr, (const char * const *)self->highlight,
                                     accent.red, accent.green, accent.blue, self->emphasis);
      /* Each figure draws its own share: a back muscle's zone on the front shows on the front. */
      dorsum_draw_trigger_points_on_figure (cr, self->figure,
                                            (const DorsumTriggerPoint * const *)self->shown_points->pdata,
                                            self->shown_points->len, scale, error.red, error.green, error.blue);
    }
  else
    dorsum_diagram_draw_highlight (diagram, cr, (const char * const *)self->highlight,
                                   accent.red, accent.green, accent.blue, self->emphasis);

  if (self->tints != NULL)
    dorsum_study_overlay_draw_mastery (cr, diagram, self->tints);
  if (self->quiz_zone != NULL)
    {
      GtkStyleContext *style = gtk_widget_get_style_context (widget);
      GdkRGBA error;

      if (!gtk_style_context_lookup_color (style, "error_color", &error))
        gdk_rgba_parse (&error, "#e01b24");
      dorsum_study_overlay_draw_zone (cr, self->quiz_zone, error.red, error.green, error.blue);
    }

  /* In chart mode the marks are what matter; muscle outlines under the pointer would distract. */
  if (self->hover != NULL && !self->chart_mode)
    {
      cairo_new_path (cr);
      dorsum_region_append_path (self->hover, cr);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.18);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.9);
      cairo_set_line_width (cr, 1.5 / scale);
      cairo_stroke (cr);
    }

  if (self->focus != NULL && gtk_widget_has_visible_focus (widget) && !self->chart_mode)
    {
      double dash = 4 / scale;

      cairo_new_path (cr);
      dorsum_region_append_path (self->focus, cr);
      cairo_set_dash (cr, &dash, 1, 0);
      cairo_set_line_width (cr, 2.5 / scale);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 1);
      cairo_stroke (cr);
    }

  cairo_destroy (cr);
}

/* The marks of the pain chart, over everything else and on every layer. */
static void
snapshot_marks (DorsumDiagramView *self,
                GtkSnapshot       *snapshot,
                double             scale,
                double             ox,
                double             oy)
{
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));
  cairo_t *cr;

  if ((self->chart == NULL || (dorsum_chart_get_n_marks (self->chart) == 0 && !self->creating_mark)) &&
      self->compare_chart == NULL)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, (float)w, (float)h));
  cairo_translate (cr, ox, oy);
  cairo_scale (cr, scale, scale);

  if (self->compare_chart != NULL)
    dorsum_chart_compare_draw_earlier (cr, self->compare_chart, scale, dorsum_diagram_view_get_figure (self));
  if (self->chart == NULL)
    {
      cairo_destroy (cr);
      return;
    }

  if (self->dragged_mark >= 0 || self->creating_mark)
    {
      /* Draw the chart as it will be once the drag ends. */
      g_autoptr(DorsumChart) preview = dorsum_chart_new ();

      for (guint i = 0; i < dorsum_chart_get_n_marks (self->chart); i++)
        dorsum_chart_add_mark (preview, (int)i == self->dragged_mark ? &self->preview
                                                                    : dorsum_chart_get_mark (self->chart, i));
      if (self->creating_mark)
        dorsum_chart_add_mark (preview, &self->preview);
      dorsum_draw_marks (cr, preview, scale, self->selected_mark);
    }
  else
    dorsum_draw_marks (cr, self->chart, scale, self->selected_mark);

  cairo_destroy (cr);
}

static void
dorsum_diagram_view_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  DorsumDiagramView *self = DORSUM_DIAGRAM_VIEW (widget);
  double ox, oy, scale;

  snapshot_diagram (widget, snapshot);

  if (current_diagram (self) != NULL && gtk_widget_get_width (widget) > 0)
    {
      scale = get_transform (self, &ox, &oy);
      snapshot_marks (self, snapshot, scale, ox, oy);
    }
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
  queue_draw_layer (DORSUM_DIAGRAM_VIEW (widget));
}

static void
dorsum_diagram_view_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  DorsumDiagramView *self = DORSUM_DIAGRAM_VIEW (widget);

  clamp_offset (self);
  gtk_widget_allocate (self->canvas, width, height, baseline, NULL);
  /* The fit scale follows the size: redraw even when the canvas keeps its size. */
  queue_draw_layer (self);
}

static void
set_hover (DorsumDiagramView  *self,
           const DorsumRegion *region)
{
  if (self->hover == region)
    return;

  self->hover = region;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->chart_mode ? "crosshair" : region ? "pointer" : NULL);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (DorsumDiagramView        *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  DorsumDiagram *diagram = current_diagram (self);
  double dx, dy;

  if (diagram == NULL)
    return;

  dorsum_diagram_view_widget_to_diagram (self, x, y, &dx, &dy);
  set_hover (self, dorsum_diagram_hit (diagram, dx, dy));
}

static void
leave_cb (DorsumDiagramView        *self,
          GtkEventControllerMotion *controller)
{
  set_hover (self, NULL);
}

static gboolean
query_tooltip_cb (DorsumDiagramView *self,
                  int                x,
                  int                y,
                  gboolean           keyboard,
                  GtkTooltip        *tooltip)
{
  const DorsumRegion *region = keyboard ? self->focus : self->hover;
  g_autofree char *label = NULL;

  if (region == NULL)
    return FALSE;

  label = region_label (self, region);
  gtk_tooltip_set_text (tooltip, label);

  return TRUE;
}

static void
activate_region (DorsumDiagramView  *self,
                 const DorsumRegion *region)
{
  self->focus = region;
  dorsum_diagram_view_select_muscle (self, region->muscle);
  update_accessible (self);
  g_signal_emit (self, signals[REGION_ACTIVATED], 0, region->muscle, region->id);
}

/**
 * dorsum_diagram_view_click:
 *
 * What a primary click at widget coordinates does: selects the region under it.
 *
 * Returns: whether a region was there
 */
gboolean
dorsum_diagram_view_click (DorsumDiagramView *self,
                           double             x,
                           double             y)
{
  DorsumDiagram *diagram = current_diagram (self);
  const DorsumRegion *region;
  double dx, dy;

  g_return_val_if_fail (DORSUM_IS_DIAGRAM_VIEW (self), FALSE);

  if (diagram == NULL)
    return FALSE;

  dorsum_diagram_view_widget_to_diagram (self, x, y, &dx, &dy);
  region = dorsum_diagram_hit (diagram, dx, dy);
  if (region == NULL)
    return FALSE;

  activate_region (self, region);

  return TRUE;
}

static void announce_mark (DorsumDiagramView *self);

static void
select_mark (DorsumDiagramView *self,
             int                mark)
{
  self->selected_mark = mark;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[MARK_ACTIVATED], 0, mark);
}

/* Chooses a mark, as a click on it does (from the list of marks, say). */
void
dorsum_diagram_view_select_mark (DorsumDiagramView *self,
                                 int                mark)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));

  if (self->chart == NULL || mark >= (int)dorsum_chart_get_n_marks (self->chart))
    mark = -1;
  select_mark (self, mark);
  announce_mark (self);
}

/**
 * dorsum_diagram_view_chart_click:
 *
 * What a click does in chart mode: on a mark, selects it; elsewhere on the figure, adds a
 * mark there (intensity 5, aching) and selects it.
 *
 * Returns: the selected mark, or -1
 */
int
dorsum_diagram_view_chart_click (DorsumDiagramView *self,
                                 double             x,
                                 double             y)
{
  DorsumMark mark = { 0, 0, 18, 5, DORSUM_QUALITY_ACHING, NULL };
  double dx, dy;
  int found;
  guint added;

  g_return_val_if_fail (DORSUM_IS_DIAGRAM_VIEW (self), -1);

  if (self->chart == NULL)
    return -1;

  dorsum_diagram_view_widget_to_diagram (self, x, y, &dx, &dy);
  if (dx < 0 || dy < 0 || dx > 800 || dy > 1200)
    return -1;

  found = dorsum_chart_find_mark (self->chart, dx, dy);
  if (found >= 0)
    {
      select_mark (self, found);
      return found;
    }

  mark.x = dx;
  mark.y = dy;
  added = dorsum_chart_add_mark (self->chart, &mark);
  if (added == G_MAXUINT)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return -1;
    }

  select_mark (self, (int)added);

  return (int)added;
}

static void
click_released_cb (DorsumDiagramView *self,
                   int                n_press,
                   double             x,
                   double             y,
                   GtkGestureClick   *gesture)
{
  if (self->dragged)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (self->chart_mode)
    dorsum_diagram_view_chart_click (self, x, y);
  else
    dorsum_diagram_view_click (self, x, y);
}

static void
drag_begin_cb (DorsumDiagramView *self,
               double             x,
               double             y,
               GtkGestureDrag    *gesture)
{
  self->drag_start_x = self->offset_x;
  self->drag_start_y = self->offset_y;
  self->dragged = FALSE;
  self->dragged_mark = -1;
  self->creating_mark = FALSE;

  if (self->chart_mode && self->chart != NULL)
    {
      double dx, dy;
      int found;

      dorsum_diagram_view_widget_to_diagram (self, x, y, &dx, &dy);
      self->drag_origin_x = dx;
      self->drag_origin_y = dy;

      /* On a mark: move it. On the figure: drag out a new mark's size. */
      found = dorsum_chart_find_mark (self->chart, dx, dy);
      if (found >= 0)
        {
          self->dragged_mark = found;
          self->preview = *dorsum_chart_get_mark (self->chart, found);
          /* Only drawn while the drag lasts; the chart's own note may change under it. */
          self->preview.note = NULL;
        }
      else if (dx >= 0 && dy >= 0 && dx <= 800 && dy <= 1200)
        {
          self->preview = (DorsumMark) { dx, dy, 6, 5, DORSUM_QUALITY_ACHING, NULL };
          self->creating_mark = TRUE;
        }
    }
}

static void
drag_update_cb (DorsumDiagramView *self,
                double             x,
                double             y,
                GtkGestureDrag    *gesture)
{
  double ox, oy, scale;

  if (!self->dragged && hypot (x, y) < 6)
    return;

  self->dragged = TRUE;
  scale = get_transform (self, &ox, &oy);

  if (self->dragged_mark >= 0)
    {
      self->preview.x = CLAMP (self->drag_origin_x + x / scale, 0, 800);
      self->preview.y = CLAMP (self->drag_origin_y + y / scale, 0, 1200);
    }
  else if (self->creating_mark)
    self->preview.radius = CLAMP (hypot (x, y) / scale, 6, 200);
  else
    {
      self->offset_x = self->drag_start_x + x;
      self->offset_y = self->drag_start_y + y;
      clamp_offset (self);
    }

  queue_draw_layer (self);
}

static void
drag_end_cb (DorsumDiagramView *self,
             double             x,
             double             y,
             GtkGestureDrag    *gesture)
{
  int mark = -1;

  /* One undo step for a whole move or a whole new mark. */
  if (self->dragged && self->dragged_mark >= 0 && (guint)self->dragged_mark < dorsum_chart_get_n_marks (self->chart))
    {
      /* The mark as it is now, moved: its note is its own copy, not the preview's borrowed one. */
      DorsumMark moved = *dorsum_chart_get_mark (self->chart, (guint)self->dragged_mark);
      g_autofree char *note = g_strdup (moved.note);

      mark = self->dragged_mark;
      self->dragged_mark = -1;
      moved.x = self->preview.x;
      moved.y = self->preview.y;
      moved.note = note;
      dorsum_chart_update_mark (self->chart, (guint)mark, &moved);
    }
  else if (self->dragged && self->creating_mark)
    {
      guint added;

      self->creating_mark = FALSE;
      added = dorsum_chart_add_mark (self->chart, &self->preview);
      mark = added == G_MAXUINT ? -1 : (int)added;
    }

  self->dragged_mark = -1;
  self->creating_mark = FALSE;

  if (mark >= 0)
    select_mark (self, mark);
}

/**
 * dorsum_diagram_view_drag:
 *
 * What a drag from (@x, @y) by (@offset_x, @offset_y), in widget pixels, does: in chart
 * mode it moves the mark under the pointer or drags out a new one; elsewhere it pans.
 * The drag gesture's handlers, run in order (for tests and keyboard equivalents).
 */
void
dorsum_diagram_view_drag (DorsumDiagramView *self,
                          double             x,
                          double             y,
                          double             offset_x,
                          double             offset_y)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));

  drag_begin_cb (self, x, y, NULL);
  drag_update_cb (self, offset_x / 2, offset_y / 2, NULL);
  drag_update_cb (self, offset_x, offset_y, NULL);
  drag_end_cb (self, offset_x, offset_y, NULL);
}

/**
 * dorsum_diagram_view_set_tints:
 * @mastery: (nullable): muscle id → how well it is known (0–1); muscles not in it are
 *   drawn as not yet studied
 *
 * The study mode's mastery view: each muscle of the layer tinted from red (not known)
 * to green (known).
 */
void
dorsum_diagram_view_set_tints (DorsumDiagramView *self,
                               GHashTable        *mastery)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));

  g_clear_pointer (&self->tints, g_hash_table_unref);
  if (mastery != NULL)
    self->tints = g_hash_table_ref (mastery);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * dorsum_diagram_view_set_quiz_zone:
 * @trigger_point: (nullable): a trigger point whose referral zone to draw alone, without
 *   the muscle it belongs to (the question "which muscle refers pain here?")
 */
void
dorsum_diagram_view_set_quiz_zone (DorsumDiagramView        *self,
                                   const DorsumTriggerPoint *trigger_point)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));

  self->quiz_zone = trigger_point;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
scroll_cb (DorsumDiagramView        *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  double x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  if (event != NULL)
    {
      double ex, ey;
      graphene_point_t point;

      if (gdk_event_get_position (event, &ex, &ey))
        {
          GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
          double nx, ny;

          gtk_native_get_surface_transform (native, &nx, &ny);
          if (gtk_widget_compute_point (GTK_WIDGET (native), GTK_WIDGET (self),
                                        &GRAPHENE_POINT_INIT ((float)(ex - nx), (float)(ey - ny)), &point))
            {
              x = point.x;
              y = point.y;
            }
        }
    }

  if (state & GDK_CONTROL_MASK)
    {
      zoom_around (self, self->zoom * pow (ZOOM_STEP, -dy), x, y);
      return TRUE;
    }

  if (self->zoom <= MIN_ZOOM)
    return FALSE;

  self->offset_x -= dx * 40;
  self->offset_y -= dy * 40;
  clamp_offset (self);
  queue_draw_layer (self);

  return TRUE;
}

static void
pinch_cb (DorsumDiagramView *self,
          double             scale,
          GtkGestureZoom    *gesture)
{
  static double start_zoom;
  double x, y;

  if (gtk_gesture_get_sequences (GTK_GESTURE (gesture)) == NULL)
    return;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;

  if (scale == 1.0)
    start_zoom = self->zoom;

  zoom_around (self, start_zoom * scale, x, y);
}

static void
pinch_begin_cb (DorsumDiagramView *self,
                GdkEventSequence  *sequence,
                GtkGestureZoom    *gesture)
{
  pinch_cb (self, 1.0, gesture);
}

static void
move_focus (DorsumDiagramView *self,
            DorsumDirection    direction)
{
  DorsumDiagram *diagram = current_diagram (self);
  const DorsumRegion *next;

  if (diagram == NULL)
    return;

  next = dorsum_diagram_nearest (diagram, self->focus, direction);
  if (next == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  self->focus = next;
  update_accessible (self);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A screen reader on the figure hears the selected mark, as it hears the focused muscle. */
static void
announce_mark (DorsumDiagramView *self)
{
  g_autofree char *text = NULL;

  if (self->chart == NULL || self->selected_mark < 0 || self->selected_mark >= (int)dorsum_chart_get_n_marks (self->chart))
    {
      update_accessible (self);
      return;
    }

  text = dorsum_chart_describe_mark (self->chart, self->library, (guint)self->selected_mark);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static gboolean
key_pressed_cb (DorsumDiagramView     *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  double cx = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double cy = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  /* In chart mode the keys edit marks first (dorsum-chart-keys.c). */
  if (self->chart_mode && self->chart != NULL)
    {
      self->chart_keys.selected = self->selected_mark;
      if (dorsum_chart_keys_handle (&self->chart_keys, self->chart, self->focus, keyval, state))
        {
          select_mark (self, self->chart_keys.selected);
          announce_mark (self);
          return TRUE;
        }
    }

  switch (keyval)
    {
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      zoom_around (self, self->zoom * ZOOM_STEP, cx, cy);
      return TRUE;

    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      zoom_around (self, self->zoom / ZOOM_STEP, cx, cy);
      return TRUE;

    case GDK_KEY_0:
    case GDK_KEY_KP_0:
      dorsum_diagram_view_set_zoom (self, 1.0);
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_focus (self, DORSUM_DIRECTION_UP);
      return TRUE;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_focus (self, DORSUM_DIRECTION_DOWN);
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_focus (self, DORSUM_DIRECTION_LEFT);
      return TRUE;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_focus (self, DORSUM_DIRECTION_RIGHT);
      return TRUE;

    case GDK_KEY_Delete:
    case GDK_KEY_BackSpace:
      if (self->chart_mode && self->chart != NULL && self->selected_mark >= 0 &&
          self->selected_mark < (int)dorsum_chart_get_n_marks (self->chart))
        {
          dorsum_chart_remove_mark (self->chart, (guint)self->selected_mark);
          select_mark (self, -1);
          return TRUE;
        }
      return FALSE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->focus != NULL)
        {
          activate_region (self, self->focus);
          return TRUE;
        }
      return FALSE;

    default:
      return FALSE;
    }
}

static void
focus_enter_cb (DorsumDiagramView       *self,
                GtkEventControllerFocus *controller)
{
  DorsumDiagram *diagram = current_diagram (self);

  if (self->focus == NULL && diagram != NULL)
    self->focus = dorsum_diagram_nearest (diagram, NULL, DORSUM_DIRECTION_DOWN);

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
dorsum_diagram_view_dispose (GObject *object)
{
  DorsumDiagramView *self = (DorsumDiagramView *)object;

  g_cancellable_cancel (self->render_cancellable);
  g_clear_object (&self->render_cancellable);
  if (self->prerender != NULL)
    render_job_free (g_thread_join (g_steal_pointer (&self->prerender)));
  g_clear_object (&self->first);
  g_clear_object (&self->texture);
  g_clear_pointer (&self->canvas, gtk_widget_unparent);
  g_cancellable_cancel (self->spares_cancellable);
  g_clear_object (&self->spares_cancellable);
  g_clear_handle_id (&self->spares_timeout, g_source_remove);
  for (guint i = 0; i < DORSUM_N_LAYERS; i++)
    g_clear_object (&self->spares[i]);
  g_clear_object (&self->library);
  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_clear_object (&self->chart);
  g_clear_object (&self->compare_chart);
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
  g_clear_pointer (&self->tints, g_hash_table_unref);
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
  GtkEventController *controller;
  GtkGesture *gesture;

  self->zoom = 1.0;
  self->emphasis = 1.0;
  self->figure = g_strdup (DORSUM_FIGURE_POSTERIOR);
  self->chart_keys.selected = -1;
  self->texture_layer = DORSUM_N_LAYERS;
  self->shown_points = g_ptr_array_new ();
  self->tints = NULL;
  self->canvas = g_object_new (DORSUM_TYPE_DIAGRAM_CANVAS, NULL);
  gtk_widget_set_parent (self->canvas, GTK_WIDGET (self));
  self->selected_mark = -1;
  self->dragged_mark = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (gesture, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect_swapped (gesture, "scale-changed", G_CALLBACK (pinch_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (focus_enter_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  update_accessible (self);
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

  return current_diagram (self);
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
  update_accessible (self);
  queue_draw_layer (self);
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
 * Shows another figure, at the same layer and zoom. Chart marks are on the back: in chart
 * mode the view stays on it.
 */
void
dorsum_diagram_view_set_figure (DorsumDiagramView *self,
                                const char        *figure)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));
  g_return_if_fail (figure != NULL);

  if (g_str_equal (self->figure, figure) || dorsum_figure_lookup (figure, NULL) == NULL ||
      (self->chart_mode && !g_str_equal (figure, DORSUM_FIGURE_POSTERIOR)))
    return;

  g_free (self->figure);
  self->figure = g_strdup (figure);

  /* Everything rendered or read was of the other figure. */
  g_cancellable_cancel (self->render_cancellable);
  g_clear_object (&self->render_cancellable);
  g_cancellable_cancel (self->spares_cancellable);
  g_clear_object (&self->spares_cancellable);
  g_clear_handle_id (&self->spares_timeout, g_source_remove);
  if (self->prerender != NULL)
    render_job_free (g_thread_join (g_steal_pointer (&self->prerender)));
  g_clear_object (&self->first);
  g_clear_object (&self->texture);
  for (guint i = 0; i < DORSUM_N_LAYERS; i++)
    {
      g_clear_object (&self->spares[i]);
      g_clear_object (&self->diagrams[i]);
    }
  self->hover = NULL;
  self->focus = NULL;

  update_accessible (self);
  queue_draw_layer (self);
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
  queue_draw_layer (self);
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
      queue_draw_layer (self);
      return;
    }

  zoom_around (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
               gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

const char *
dorsum_diagram_view_get_selected (DorsumDiagramView *self)
{
  g_return_val_if_fail (DORSUM_IS_DIAGRAM_VIEW (self), NULL);

  return self->selected;
}

/* Brings the selected regions into view when zoomed in and they are off screen. */
static void
scroll_to_selection (DorsumDiagramView *self)
{
  DorsumDiagram *diagram = current_diagram (self);
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  double sx0, sy0, sx1, sy1;
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));

  if (diagram == NULL || self->highlight == NULL || self->zoom <= MIN_ZOOM)
    return;

  for (guint i = 0; i < dorsum_diagram_get_n_regions (diagram); i++)
    {
      const DorsumRegion *r = dorsum_diagram_get_region (diagram, i);

      if (!g_strv_contains ((const char * const *)self->highlight, r->muscle))
        continue;
      x0 = MIN (x0, r->bounds.x);
      y0 = MIN (y0, r->bounds.y);
      x1 = MAX (x1, r->bounds.x + r->bounds.width);
      y1 = MAX (y1, r->bounds.y + r->bounds.height);
    }

  if (x0 > x1)
    return;

  dorsum_diagram_view_diagram_to_widget (self, x0, y0, &sx0, &sy0);
  dorsum_diagram_view_diagram_to_widget (self, x1, y1, &sx1, &sy1);
  if (sx0 >= 0 && sy0 >= 0 && sx1 <= w && sy1 <= h)
    return;

  self->offset_x += w / 2 - (sx0 + sx1) / 2;
  self->offset_y += h / 2 - (sy0 + sy1) / 2;
  clamp_offset (self);
}

static void
collect_trigger_points (DorsumDiagramView *self)
{
  g_ptr_array_set_size (self->shown_points, 0);

  for (guint i = 0; self->library && self->highlight && self->highlight[i]; i++)
    {
      DorsumEntry *entry = dorsum_library_lookup (self->library, self->highlight[i]);

      for (guint t = 0; entry && t < dorsum_entry_get_n_trigger_points (entry); t++)
        g_ptr_array_add (self->shown_points, (gpointer)dorsum_entry_get_trigger_point (entry, t));
    }
}

static void
set_highlight_expanded (DorsumDiagramView  *self,
                        const char * const *muscles)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  double offset_x = self->offset_x, offset_y = self->offset_y;

  g_clear_pointer (&self->highlight, g_strfreev);

  for (guint i = 0; muscles && muscles[i]; i++)
    {
      g_auto(GStrv) parts = NULL;

      if (self->library == NULL)
        {
          g_strv_builder_add (builder, muscles[i]);
          continue;
        }

      parts = dorsum_library_expand_parts (self->library, muscles[i]);
      g_strv_builder_addv (builder, (const char **)parts);
    }

  self->highlight = g_strv_builder_end (builder);
  if (self->highlight[0] == NULL)
    g_clear_pointer (&self->highlight, g_strfreev);

  collect_trigger_points (self);
  scroll_to_selection (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->offset_x != offset_x || self->offset_y != offset_y)
    queue_draw_layer (self);
}

/**
 * dorsum_diagram_view_set_highlight:
 * @muscles: (nullable): muscles to highlight together, such as those a technique is used on
 *
 * Highlights several muscles (both sides, wholes through their parts) without selecting one.
 */
void
dorsum_diagram_view_set_highlight (DorsumDiagramView  *self,
                                   const char * const *muscles)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));

  if (self->selected != NULL)
    {
      g_clear_pointer (&self->selected, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }

  set_highlight_expanded (self, muscles);
}

const char * const *
dorsum_diagram_view_get_highlight (DorsumDiagramView *self)
{
  g_return_val_if_fail (DORSUM_IS_DIAGRAM_VIEW (self), NULL);

  return (const char * const *)self->highlight;
}

gboolean
dorsum_diagram_view_get_trigger_points (DorsumDiagramView *self)
{
  g_return_val_if_fail (DORSUM_IS_DIAGRAM_VIEW (self), FALSE);

  return self->trigger_points;
}

/**
 * dorsum_diagram_view_set_trigger_points:
 *
 * Draws the trigger points (×) and referral zones of the highlighted muscles, both sides.
 */
void
dorsum_diagram_view_set_trigger_points (DorsumDiagramView *self,
                                        gboolean           trigger_points)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));

  trigger_points = !!trigger_points;
  if (self->trigger_points == trigger_points)
    return;

  self->trigger_points = trigger_points;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRIGGER_POINTS]);
}

/**
 * dorsum_diagram_view_select_muscle:
 * @muscle_id: (nullable): a muscle; a whole (trapezius) highlights all its parts
 *
 * Highlights both sides of the muscle. The view does not change layer by itself:
 * the window picks the layer where the muscle shows.
 */
void
dorsum_diagram_view_select_muscle (DorsumDiagramView *self,
                                   const char        *muscle_id)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));

  if (g_strcmp0 (self->selected, muscle_id) == 0)
    return;

  g_free (self->selected);
  self->selected = g_strdup (muscle_id);
  set_highlight_expanded (self, muscle_id ? (const char * const []) { muscle_id, NULL } : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/**
 * dorsum_diagram_view_layer_shows:
 *
 * Returns: whether any of @muscles has a region on @layer
 */
gboolean
dorsum_diagram_view_layer_shows (DorsumDiagramView  *self,
                                 DorsumLayer         layer,
                                 const char * const *muscles)
{
  DorsumDiagram *diagram;

  g_return_val_if_fail (DORSUM_IS_DIAGRAM_VIEW (self), FALSE);
  g_return_val_if_fail (layer < DORSUM_N_LAYERS, FALSE);

  if (!(diagram = get_diagram (self, layer)))
    return FALSE;

  for (guint i = 0; muscles && muscles[i]; i++)
    if (dorsum_diagram_has_muscle (diagram, muscles[i]))
      return TRUE;

  return FALSE;
}

static void
chart_changed_cb (DorsumDiagramView *self,
                  DorsumChart       *chart)
{
  if (self->selected_mark >= (int)dorsum_chart_get_n_marks (chart))
    self->selected_mark = -1;

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * dorsum_diagram_view_set_chart:
 * @chart: (nullable): the pain chart whose marks to draw
 */
void
dorsum_diagram_view_set_chart (DorsumDiagramView *self,
                               DorsumChart       *chart)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));

  if (self->chart == chart)
    return;

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);

  g_set_object (&self->chart, chart);
  self->selected_mark = -1;

  if (chart != NULL)
    g_signal_connect_object (chart, "changed", G_CALLBACK (chart_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
dorsum_diagram_view_get_chart_mode (DorsumDiagramView *self)
{
  g_return_val_if_fail (DORSUM_IS_DIAGRAM_VIEW (self), FALSE);

  return self->chart_mode;
}

void
dorsum_diagram_view_set_chart_mode (DorsumDiagramView *self,
                                    gboolean           chart_mode)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));

  chart_mode = !!chart_mode;
  if (self->chart_mode == chart_mode)
    return;

  self->chart_mode = chart_mode;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), chart_mode ? "crosshair" : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART_MODE]);
}

int
dorsum_diagram_view_get_selected_mark (DorsumDiagramView *self)
{
  g_return_val_if_fail (DORSUM_IS_DIAGRAM_VIEW (self), -1);

  return self->selected_mark;
}

/**
 * dorsum_diagram_view_set_emphasis:
 * @emphasis: 1 as usual, 2 for showing the screen to a client
 */
void
dorsum_diagram_view_set_emphasis (DorsumDiagramView *self,
                                  double             emphasis)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));

  self->emphasis = CLAMP (emphasis, 1.0, 3.0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
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
  RenderJob *job;
  double scale;

  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));

  if (self->texture != NULL || self->prerender != NULL || width <= 0 || height <= 0 ||
      (diagram = current_diagram (self)) == NULL)
    return;

  scale = first_pixel_scale (diagram, self->zoom, width, height, gtk_widget_get_scale_factor (GTK_WIDGET (self)));

  /* Rendered while GTK started up, for about this size: it will do. */
  if (self->first != NULL)
    {
      const TextureInfo *info = texture_get_info (self->first);

      if (can_stand_in (self, self->first_layer, info->scale, info->flags, scale))
        return;
      g_clear_object (&self->first);
    }

  job = render_job_new (diagram, self->layer,
                        (int)ceil (dorsum_diagram_get_width (diagram) * scale),
                        (int)ceil (dorsum_diagram_get_height (diagram) * scale),
                        scale, render_flags (self));
  self->prerender = g_thread_new ("dorsum-prerender", prerender_thread, job);
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

  return render_texture (diagram,
                         (int)ceil (dorsum_diagram_get_width (diagram) * scale),
                         (int)ceil (dorsum_diagram_get_height (diagram) * scale),
                         scale, DORSUM_RENDER_DEFAULT);
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
  g_return_if_fail (texture == NULL || texture_get_info (texture) != NULL);

  g_set_object (&self->first, texture);
  self->first_layer = layer;
}

/**
 * dorsum_diagram_view_set_compare_chart:
 * @earlier: (nullable): an earlier chart whose marks to draw faded beside the chart's
 */
void
dorsum_diagram_view_set_compare_chart (DorsumDiagramView *self,
                                       DorsumChart       *earlier)
{
  g_return_if_fail (DORSUM_IS_DIAGRAM_VIEW (self));
  g_return_if_fail (earlier == NULL || DORSUM_IS_CHART (earlier));

  if (g_set_object (&self->compare_chart, earlier))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

DorsumChart *
dorsum_diagram_view_get_compare_chart (DorsumDiagramView *self)
{
  g_return_val_if_fail (DORSUM_IS_DIAGRAM_VIEW (self), NULL);

  return self->compare_chart;
}
