/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dorsum-highlight-overlay"

#include "config.h"

#include "dorsum-highlight-overlay.h"

struct _DorsumHighlightOverlay
{
  DorsumDiagramOverlay parent_instance;

  GStrv   muscles;
  double  emphasis;   /* 1, or more when the screen is shown to a client */
};

G_DEFINE_FINAL_TYPE (DorsumHighlightOverlay, dorsum_highlight_overlay, DORSUM_TYPE_DIAGRAM_OVERLAY)

static gboolean
dorsum_highlight_overlay_extent (DorsumDiagramOverlay       *overlay,
                                 const DorsumOverlayContext *context,
                                 double                      box[4])
{
  DorsumHighlightOverlay *self = DORSUM_HIGHLIGHT_OVERLAY (overlay);
  gboolean any = FALSE;

  for (guint i = 0; self->muscles && i < dorsum_diagram_get_n_regions (context->diagram); i++)
    {
      const DorsumRegion *region = dorsum_diagram_get_region (context->diagram, i);

      if (g_strv_contains ((const char * const *)self->muscles, region->muscle))
        {
          dorsum_overlay_box_add_region (box, region);
          any = TRUE;
        }
    }

  return any;
}

static void
dorsum_highlight_overlay_draw (DorsumDiagramOverlay       *overlay,
                               cairo_t                    *cr,
                               const DorsumOverlayContext *context)
{
  DorsumHighlightOverlay *self = DORSUM_HIGHLIGHT_OVERLAY (overlay);

  dorsum_diagram_draw_highlight (context->diagram, cr, (const char * const *)self->muscles,
                                 context->accent.red, context->accent.green, context->accent.blue,
                                 self->emphasis);
}

static void
dorsum_highlight_overlay_finalize (GObject *object)
{
  g_strfreev (DORSUM_HIGHLIGHT_OVERLAY (object)->muscles);

  G_OBJECT_CLASS (dorsum_highlight_overlay_parent_class)->finalize (object);
}

static void
dorsum_highlight_overlay_class_init (DorsumHighlightOverlayClass *klass)
{
  DorsumDiagramOverlayClass *overlay_class = DORSUM_DIAGRAM_OVERLAY_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = dorsum_highlight_overlay_finalize;
  overlay_class->extent = dorsum_highlight_overlay_extent;
  overlay_class->draw = dorsum_highlight_overlay_draw;
}

static void
dorsum_highlight_overlay_init (DorsumHighlightOverlay *self)
{
  self->emphasis = 1.0;
}

DorsumDiagramOverlay *
dorsum_highlight_overlay_new (void)
{
  return g_object_new (DORSUM_TYPE_HIGHLIGHT_OVERLAY, NULL);
}

/* @muscles: (nullable): region muscle ids, wholes already expanded to their parts */
void
dorsum_highlight_overlay_set_muscles (DorsumHighlightOverlay *self,
                                      const char * const     *muscles)
{
  g_return_if_fail (DORSUM_IS_HIGHLIGHT_OVERLAY (self));

  g_strfreev (self->muscles);
  self->muscles = muscles && muscles[0] ? g_strdupv ((char **)muscles) : NULL;
  dorsum_diagram_overlay_changed (DORSUM_DIAGRAM_OVERLAY (self));
}

void
dorsum_highlight_overlay_set_emphasis (DorsumHighlightOverlay *self,
                                       double                  emphasis)
{
  g_return_if_fail (DORSUM_IS_HIGHLIGHT_OVERLAY (self));

  self->emphasis = emphasis;
  dorsum_diagram_overlay_changed (DORSUM_DIAGRAM_OVERLAY (self));
}
