/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rendered layers of one figure, kept as textures per scale: the shown layer's, rendered
 * again in a worker thread when the scale changes (the old one stands in, stretched), the
 * other layers rendered ahead at the same scale so that switching layers is instant, and a
 * texture rendered before the view existed. The diagram view draws what it hands out. */
#pragma once

#include <gtk/gtk.h>

#include "dorsum-diagram.h"

G_BEGIN_DECLS

#define DORSUM_TYPE_LAYER_CACHE (dorsum_layer_cache_get_type())

G_DECLARE_FINAL_TYPE (DorsumLayerCache, dorsum_layer_cache, DORSUM, LAYER_CACHE, GObject)

DorsumLayerCache *dorsum_layer_cache_new          (const char        *figure);
void              dorsum_layer_cache_set_figure   (DorsumLayerCache  *self,
                                                   const char        *figure);
GdkTexture       *dorsum_layer_cache_ensure       (DorsumLayerCache  *self,
                                                   DorsumDiagram     *diagram,
                                                   DorsumLayer        layer,
                                                   double             pixel_scale,
                                                   DorsumRenderFlags  flags);
double            dorsum_layer_cache_get_scale    (DorsumLayerCache  *self);
cairo_surface_t  *dorsum_layer_cache_get_surface  (DorsumLayerCache  *self);
gboolean          dorsum_layer_cache_snapshot_spans (DorsumLayerCache      *self,
                                                     GtkSnapshot           *snapshot,
                                                     double                 origin_x,
                                                     double                 origin_y,
                                                     const graphene_rect_t *visible);
void              dorsum_layer_cache_prerender    (DorsumLayerCache  *self,
                                                   DorsumDiagram     *diagram,
                                                   DorsumLayer        layer,
                                                   double             pixel_scale,
                                                   DorsumRenderFlags  flags);
void              dorsum_layer_cache_set_first    (DorsumLayerCache  *self,
                                                   DorsumLayer        layer,
                                                   GdkTexture        *texture);
GdkTexture       *dorsum_layer_cache_render       (DorsumDiagram     *diagram,
                                                   double             pixel_scale,
                                                   DorsumRenderFlags  flags);
gboolean          dorsum_layer_cache_is_rendered  (GdkTexture        *texture);

G_END_DECLS
