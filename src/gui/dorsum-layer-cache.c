/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Renders run one at a time in one worker thread, newest wanted last: zooming through 200
 * steps cancels 199 renders, which the worker then skips. With GTask's own pool, each
 * cancelled render that had started kept its thread and the pool grew a thread for the
 * next (8 → 44 threads, 640 MB of arenas for 25 MB of live heap). */

#define G_LOG_DOMAIN "dorsum-layer-cache"

#include "config.h"

#include <math.h>
#include <string.h>

#include "dorsum-figure.h"
#include "dorsum-layer-cache.h"

struct _DorsumLayerCache
{
  GObject           parent_instance;

  char             *figure;
  GdkTexture       *texture;    /* the shown layer, at texture_scale */
  double            texture_scale;
  DorsumLayer       texture_layer;
  DorsumRenderFlags texture_flags;
  GCancellable     *render_cancellable;
  GThread          *prerender;  /* RenderJob*: the first texture, rendered before layout */
  GdkTexture       *first;      /* or rendered before the view existed */
  DorsumLayer       first_layer;

  /* The other layers rendered ahead at the same scale. */
  GdkTexture       *spares[DORSUM_N_LAYERS];
  GCancellable     *spares_cancellable;
  guint             spares_timeout;
};

G_DEFINE_FINAL_TYPE (DorsumLayerCache, dorsum_layer_cache, G_TYPE_OBJECT)

enum {
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void queue_render_spares (DorsumLayerCache *self);

typedef struct
{
  GdkTexture    *texture;     /* the result, for a pre-render */
  GWeakRef       cache;       /* for a spare, which must not keep the cache alive */
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
                const char       *figure,
                DorsumLayer       layer,
                double            scale,
                DorsumRenderFlags flags)
{
  RenderJob *job = g_new0 (RenderJob, 1);

  job->diagram = diagram ? g_object_ref (diagram) : NULL;
  job->figure = g_strdup (figure);
  job->layer = layer;
  /* A job that loads its layer is given the size of the texture it stands beside. */
  if (diagram != NULL)
    {
      job->width = (int)ceil (dorsum_diagram_get_width (diagram) * scale);
      job->height = (int)ceil (dorsum_diagram_get_height (diagram) * scale);
    }
  job->scale = scale;
  job->flags = flags;

  return job;
}

static void
render_job_free (RenderJob *job)
{
  g_free (job->figure);
  g_clear_object (&job->texture);
  g_weak_ref_clear (&job->cache);
  g_clear_object (&job->diagram);
  g_free (job);
}

/* What a texture of the diagram was rendered with, kept on it. */
typedef struct
{
  cairo_surface_t  *surface;  /* the same pixels, for drawing with cairo */
  double            scale;    /* pixels per diagram unit */
  DorsumRenderFlags flags;
  GArray           *spans;    /* cairo_rectangle_int_t: where the figure has pixels */
} TextureInfo;

static void
texture_info_free (TextureInfo *info)
{
  cairo_surface_destroy (info->surface);
  g_array_unref (info->spans);
  g_free (info);
}

/* Where the figure has pixels (see dorsum_layer_cache_snapshot_spans()): each band of
 * SPAN_BAND rows cut into the runs of columns that have a pixel, a gap narrower than
 * SPAN_GAP kept inside a run. */
#define SPAN_BAND 32
#define SPAN_GAP 32

static GArray *
find_spans (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  g_autofree gboolean *used = g_new (gboolean, MAX (width, 1));
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_int_t));

  for (int band = 0; band < height; band += SPAN_BAND)
    {
      int rows = MIN (SPAN_BAND, height - band);
      int start = -1, last = -1;

      memset (used, 0, sizeof (gboolean) * width);
      for (int y = band; y < band + rows; y++)
        {
          const guint32 *row = (const guint32 *)(gconstpointer)(data + (gsize)y * stride);

          for (int x = 0; x < width; x++)
            used[x] |= (row[x] >> 24) != 0;
        }

      for (int x = 0; x <= width; x++)
        {
          if (x < width && used[x])
            {
              if (start < 0)
                start = x;
              last = x;
            }
          else if (start >= 0 && (x == width || x - last > SPAN_GAP))
            {
              cairo_rectangle_int_t span = { start, band, last - start + 1, rows };

              g_array_append_val (spans, span);
              start = -1;
            }
        }
    }

  return spans;
}

static const TextureInfo *
texture_get_info (GdkTexture *texture)
{
  return g_object_get_data (G_OBJECT (texture), "dorsum-texture-info");
}

static GdkTexture *
render_texture (DorsumDiagram    *diagram,
                int               width,
                int               height,
                double            scale,
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
  info->spans = find_spans (surface);
  g_object_set_data_full (G_OBJECT (texture), "dorsum-texture-info", info, (GDestroyNotify)texture_info_free);

  return texture;
}

/**
 * dorsum_layer_cache_render:
 *
 * Renders @diagram at @pixel_scale in the calling thread, without any cache: for a texture
 * made before the view exists (see dorsum_layer_cache_set_first()).
 *
 * Returns: (transfer full): the texture
 */
GdkTexture *
dorsum_layer_cache_render (DorsumDiagram    *diagram,
                           double            pixel_scale,
                           DorsumRenderFlags flags)
{
  g_return_val_if_fail (DORSUM_IS_DIAGRAM (diagram), NULL);

  return render_texture (diagram,
                         (int)ceil (dorsum_diagram_get_width (diagram) * pixel_scale),
                         (int)ceil (dorsum_diagram_get_height (diagram) * pixel_scale),
                         pixel_scale, flags);
}

/* Whether @texture came from dorsum_layer_cache_render(). */
gboolean
dorsum_layer_cache_is_rendered (GdkTexture *texture)
{
  return GDK_IS_TEXTURE (texture) && texture_get_info (texture) != NULL;
}

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
use_texture (DorsumLayerCache  *self,
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

static void
render_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  DorsumLayerCache *self = DORSUM_LAYER_CACHE (object);
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Rendered for the figure shown before a switch: not this one's. */
  if (texture == NULL || g_strcmp0 (job->figure, self->figure) != 0)
    return;

  g_clear_object (&self->render_cancellable);
  use_texture (self, texture, job->layer, job->scale, job->flags);
  g_signal_emit (self, signals[UPDATED], 0);
  queue_render_spares (self);
}

/* Other layers are rendered ahead only while their textures are small (about 10 MB). */
#define MAX_SPARE_PIXELS (2500 * 1000)

/* Whether a spare texture is the one the shown layer's texture would have. */
static gboolean
spare_is_current (DorsumLayerCache *self,
                  GdkTexture       *spare)
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
  g_autoptr(DorsumDiagram) diagram = dorsum_diagram_new_for_figure (job->figure, dorsum_layer_to_string (job->layer), NULL);

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
  g_autoptr(DorsumLayerCache) self = g_weak_ref_get (&job->cache);
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), NULL);

  if (self != NULL && texture != NULL && job->layer != self->texture_layer && g_strcmp0 (job->figure, self->figure) == 0)
    g_set_object (&self->spares[job->layer], texture);
}

static gboolean
render_spares_timeout (gpointer data)
{
  DorsumLayerCache *self = data;
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

      job = render_job_new (NULL, self->figure, layer, self->texture_scale, self->texture_flags);
      job->width = width;
      job->height = height;
      g_weak_ref_init (&job->cache, self);

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
queue_render_spares (DorsumLayerCache *self)
{
  g_clear_handle_id (&self->spares_timeout, g_source_remove);
  self->spares_timeout = g_timeout_add_full (G_PRIORITY_LOW, SPARES_DELAY_MS, render_spares_timeout, self, NULL);
}

/* Switches to a texture of @layer rendered ahead, keeping the old one as a spare: exact,
 * or at another scale to stand in until the exact one is rendered. */
static gboolean
take_spare (DorsumLayerCache  *self,
            DorsumLayer        layer,
            DorsumRenderFlags  flags)
{
  GdkTexture *spare = self->spares[layer];

  if (spare == NULL || texture_get_info (spare)->flags != flags)
    return FALSE;

  if (self->texture != NULL && self->texture_layer < DORSUM_N_LAYERS)
    g_set_object (&self->spares[self->texture_layer], self->texture);

  g_cancellable_cancel (self->render_cancellable);
  g_clear_object (&self->render_cancellable);
  use_texture (self, spare, layer, texture_get_info (spare)->scale, flags);
  g_clear_object (&self->spares[layer]);

  return TRUE;
}

/* Whether a texture rendered before layout can stand in until the exact one is rendered:
 * the same layer and flags, and a scale close enough. */
static gboolean
can_stand_in (DorsumLayer       layer,
              double            scale,
              DorsumRenderFlags flags,
              DorsumLayer       wanted_layer,
              DorsumRenderFlags wanted_flags,
              double            pixel_scale)
{
  return layer == wanted_layer && flags == wanted_flags && fabs (scale / pixel_scale - 1) < 0.2;
}

static gpointer
prerender_thread (gpointer data)
{
  RenderJob *job = data;

  job->texture = render_texture (job->diagram, job->width, job->height, job->scale, job->flags);

  return job;
}

/**
 * dorsum_layer_cache_ensure:
 * @pixel_scale: texture pixels per diagram unit
 *
 * Makes sure a texture of @layer at @pixel_scale exists or is on its way. The first one is
 * rendered at once so the first frame has the diagram (unless one was rendered before
 * layout); later ones (zooming) in a thread, while the old texture stands in. The cache
 * emits ::updated when one arrives.
 *
 * Returns: (transfer none) (nullable): the texture to draw now
 */
GdkTexture *
dorsum_layer_cache_ensure (DorsumLayerCache  *self,
                           DorsumDiagram     *diagram,
                           DorsumLayer        layer,
                           double             pixel_scale,
                           DorsumRenderFlags  flags)
{
  g_autoptr(GTask) task = NULL;
  RenderJob *job;

  g_return_val_if_fail (DORSUM_IS_LAYER_CACHE (self), NULL);
  g_return_val_if_fail (DORSUM_IS_DIAGRAM (diagram), NULL);

  if (self->first != NULL)
    {
      g_autoptr(GdkTexture) first = g_steal_pointer (&self->first);
      const TextureInfo *info = texture_get_info (first);

      if (can_stand_in (self->first_layer, info->scale, info->flags, layer, flags, pixel_scale))
        use_texture (self, first, self->first_layer, info->scale, info->flags);
    }
  if (self->prerender != NULL)
    {
      RenderJob *done = g_thread_join (g_steal_pointer (&self->prerender));

      if (can_stand_in (done->layer, done->scale, done->flags, layer, flags, pixel_scale))
        use_texture (self, done->texture, done->layer, done->scale, done->flags);
      render_job_free (done);
    }

  if (self->texture_layer != layer)
    take_spare (self, layer, flags);

  if (self->texture != NULL &&
      fabs (self->texture_scale - pixel_scale) < 1e-6 &&
      self->texture_layer == layer &&
      self->texture_flags == flags)
    {
      queue_render_spares (self);
      return self->texture;
    }

  if (self->texture == NULL || self->texture_layer != layer)
    {
      g_autoptr(GdkTexture) texture = dorsum_layer_cache_render (diagram, pixel_scale, flags);

      g_cancellable_cancel (self->render_cancellable);
      g_clear_object (&self->render_cancellable);
      use_texture (self, texture, layer, pixel_scale, flags);
      queue_render_spares (self);
      return self->texture;
    }

  if (self->render_cancellable != NULL)
    g_cancellable_cancel (self->render_cancellable);
  g_set_object (&self->render_cancellable, g_cancellable_new ());

  job = render_job_new (diagram, self->figure, layer, pixel_scale, flags);
  task = g_task_new (self, self->render_cancellable, render_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify)render_job_free);
  run_in_render_thread (task, render_thread);

  return self->texture;
}

/* Pixels per diagram unit of the texture dorsum_layer_cache_ensure() returned last. */
double
dorsum_layer_cache_get_scale (DorsumLayerCache *self)
{
  g_return_val_if_fail (DORSUM_IS_LAYER_CACHE (self), 1);

  return self->texture_scale;
}

/* The pixels of that texture, for drawing with cairo. */
cairo_surface_t *
dorsum_layer_cache_get_surface (DorsumLayerCache *self)
{
  g_return_val_if_fail (DORSUM_IS_LAYER_CACHE (self), NULL);

  return self->texture ? texture_get_info (self->texture)->surface : NULL;
}

/**
 * dorsum_layer_cache_snapshot_spans:
 * @origin_x: where the texture's top left pixel goes, in widget pixels
 * @visible: the part of the widget to draw in
 *
 * Draws the texture dorsum_layer_cache_ensure() returned last, unscaled, as only the
 * rectangles where the figure has pixels. With GTK 4.8's cairo renderer a cairo node is
 * copied whole into a new surface and composited at every frame that redraws it; the
 * figure covers about a third of its rectangle, so a layer switch copies, composites and
 * sends to the display less than half the pixels. Nothing is drawn, and %FALSE returned,
 * unless the origin is on a whole pixel: otherwise the rectangles' edges would show.
 *
 * Returns: whether the texture was drawn
 */
gboolean
dorsum_layer_cache_snapshot_spans (DorsumLayerCache      *self,
                                   GtkSnapshot           *snapshot,
                                   double                 origin_x,
                                   double                 origin_y,
                                   const graphene_rect_t *visible)
{
  const TextureInfo *info;
  double x = round (origin_x), y = round (origin_y);

  g_return_val_if_fail (DORSUM_IS_LAYER_CACHE (self), FALSE);

  if (self->texture == NULL || fabs (origin_x - x) > 1e-6 || fabs (origin_y - y) > 1e-6)
    return FALSE;

  info = texture_get_info (self->texture);
  for (guint i = 0; i < info->spans->len; i++)
    {
      const cairo_rectangle_int_t *span = &g_array_index (info->spans, cairo_rectangle_int_t, i);
      graphene_rect_t bounds;
      cairo_t *cr;

      if (!graphene_rect_intersection (&GRAPHENE_RECT_INIT ((float)(x + span->x), (float)(y + span->y),
                                                            (float)span->width, (float)span->height),
                                       visible, &bounds))
        continue;

      cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      cairo_set_source_surface (cr, info->surface, x, y);
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      cairo_paint (cr);
      cairo_destroy (cr);
    }

  return TRUE;
}

/**
 * dorsum_layer_cache_prerender:
 *
 * Starts rendering @layer in a thread, before the view's first layout, unless a texture
 * exists or one offered with dorsum_layer_cache_set_first() will do.
 */
void
dorsum_layer_cache_prerender (DorsumLayerCache  *self,
                              DorsumDiagram     *diagram,
                              DorsumLayer        layer,
                              double             pixel_scale,
                              DorsumRenderFlags  flags)
{
  g_return_if_fail (DORSUM_IS_LAYER_CACHE (self));
  g_return_if_fail (DORSUM_IS_DIAGRAM (diagram));

  if (self->texture != NULL || self->prerender != NULL)
    return;

  /* Rendered while GTK started up, for about this size: it will do. */
  if (self->first != NULL)
    {
      const TextureInfo *info = texture_get_info (self->first);

      if (can_stand_in (self->first_layer, info->scale, info->flags, layer, flags, pixel_scale))
        return;
      g_clear_object (&self->first);
    }

  self->prerender = g_thread_new ("dorsum-prerender", prerender_thread,
                                  render_job_new (diagram, self->figure, layer, pixel_scale, flags));
}

/**
 * dorsum_layer_cache_set_first:
 * @texture: (nullable): a texture from dorsum_layer_cache_render() of @layer
 *
 * Offers a texture rendered before the view existed; used if it can stand in.
 */
void
dorsum_layer_cache_set_first (DorsumLayerCache *self,
                              DorsumLayer       layer,
                              GdkTexture       *texture)
{
  g_return_if_fail (DORSUM_IS_LAYER_CACHE (self));
  g_return_if_fail (texture == NULL || dorsum_layer_cache_is_rendered (texture));

  g_set_object (&self->first, texture);
  self->first_layer = layer;
}

/* Drops every texture and render under way. */
static void
clear (DorsumLayerCache *self)
{
  g_cancellable_cancel (self->render_cancellable);
  g_clear_object (&self->render_cancellable);
  g_cancellable_cancel (self->spares_cancellable);
  g_clear_object (&self->spares_cancellable);
  g_clear_handle_id (&self->spares_timeout, g_source_remove);
  if (self->prerender != NULL)
    render_job_free (g_thread_join (g_steal_pointer (&self->prerender)));
  g_clear_object (&self->first);
  g_clear_object (&self->texture);
  self->texture_layer = DORSUM_N_LAYERS;
  for (guint i = 0; i < DORSUM_N_LAYERS; i++)
    g_clear_object (&self->spares[i]);
}

/* Everything rendered was of the old figure. */
void
dorsum_layer_cache_set_figure (DorsumLayerCache *self,
                               const char       *figure)
{
  g_return_if_fail (DORSUM_IS_LAYER_CACHE (self));
  g_return_if_fail (figure != NULL);

  if (g_strcmp0 (self->figure, figure) == 0)
    return;

  clear (self);
  g_free (self->figure);
  self->figure = g_strdup (figure);
}

static void
dorsum_layer_cache_dispose (GObject *object)
{
  clear (DORSUM_LAYER_CACHE (object));

  G_OBJECT_CLASS (dorsum_layer_cache_parent_class)->dispose (object);
}

static void
dorsum_layer_cache_finalize (GObject *object)
{
  g_free (DORSUM_LAYER_CACHE (object)->figure);

  G_OBJECT_CLASS (dorsum_layer_cache_parent_class)->finalize (object);
}

static void
dorsum_layer_cache_class_init (DorsumLayerCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dorsum_layer_cache_dispose;
  object_class->finalize = dorsum_layer_cache_finalize;

  /**
   * DorsumLayerCache::updated:
   *
   * A texture rendered in a thread has arrived: draw again.
   */
  signals[UPDATED] =
    g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dorsum_layer_cache_init (DorsumLayerCache *self)
{
  self->texture_layer = DORSUM_N_LAYERS;
}

DorsumLayerCache *
dorsum_layer_cache_new (const char *figure)
{
  DorsumLayerCache *self = g_object_new (DORSUM_TYPE_LAYER_CACHE, NULL);

  self->figure = g_strdup (figure);

  return self;
}
