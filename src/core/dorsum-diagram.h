/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A layer of the back atlas: its SVG, and the muscle regions read from that SVG as
 * polygons, for exact hit-testing, outlines and keyboard navigation. No GTK here. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "dorsum-entry.h"

G_BEGIN_DECLS

#define DORSUM_DIAGRAM_ERROR (dorsum_diagram_error_quark ())

typedef enum {
  DORSUM_DIAGRAM_ERROR_INVALID,
} DorsumDiagramError;

/* What a figure may hold; more is refused. */
#define DORSUM_DIAGRAM_MAX_FILE_SIZE (8 * 1024 * 1024)
#define DORSUM_DIAGRAM_MAX_SIZE 100000             /* view box width and height, in units */
#define DORSUM_DIAGRAM_MAX_COORDINATE 1000000.0    /* path coordinates, either sign */
#define DORSUM_DIAGRAM_MAX_POINTS 100000           /* in all paths, once curves are flattened */
#define DORSUM_DIAGRAM_MAX_REGIONS 1000
#define DORSUM_DIAGRAM_MAX_ELEMENTS 5000           /* in the figure, and in its labels */

typedef enum {
  DORSUM_LAYER_SUPERFICIAL,
  DORSUM_LAYER_MIDDLE,
  DORSUM_LAYER_DEEP,
  DORSUM_N_LAYERS
} DorsumLayer;

typedef enum {
  DORSUM_SIDE_LEFT,
  DORSUM_SIDE_RIGHT,
} DorsumSide;

typedef enum {
  DORSUM_DIRECTION_UP,
  DORSUM_DIRECTION_DOWN,
  DORSUM_DIRECTION_LEFT,
  DORSUM_DIRECTION_RIGHT,
} DorsumDirection;

typedef struct
{
  double x, y, width, height;
} DorsumRect;

typedef enum {
  DORSUM_RENDER_DEFAULT = 0,
  DORSUM_RENDER_LABELS  = 1 << 0,
  DORSUM_RENDER_DARK    = 1 << 1,  /* labels light on dark, for a dark style */
  DORSUM_RENDER_HIGH_CONTRAST = 1 << 2,  /* labels in full black (or white) on a wide halo */
  DORSUM_RENDER_LARGE_TEXT    = 1 << 3,  /* labels larger, for a large-text setting */
} DorsumRenderFlags;

typedef struct
{
  char        *id;        /* "latissimus-dorsi.left" */
  char        *muscle;    /* "latissimus-dorsi" */
  DorsumSide   side;
  DorsumRect   bounds;
  DorsumPoint  centre;    /* a point inside the shape, for labels and keyboard moves */
  GPtrArray   *polygons;  /* GArray of DorsumPoint, one per subpath */
} DorsumRegion;

#define DORSUM_TYPE_DIAGRAM (dorsum_diagram_get_type())

G_DECLARE_FINAL_TYPE (DorsumDiagram, dorsum_diagram, DORSUM, DIAGRAM, GObject)

GQuark               dorsum_diagram_error_quark     (void);
DorsumDiagram       *dorsum_diagram_new_for_layer   (DorsumLayer      layer,
                                                     GError         **error);
DorsumDiagram       *dorsum_diagram_new_from_bytes  (GBytes          *svg,
                                                     GBytes          *labels,
                                                     const char      *name,
                                                     GError         **error);
double               dorsum_diagram_get_width       (DorsumDiagram   *self);
double               dorsum_diagram_get_height      (DorsumDiagram   *self);
guint                dorsum_diagram_get_n_regions   (DorsumDiagram   *self);
const DorsumRegion  *dorsum_diagram_get_region      (DorsumDiagram   *self,
                                                     guint            position);
const DorsumRegion  *dorsum_diagram_lookup          (DorsumDiagram   *self,
                                                     const char      *region_id);
gboolean             dorsum_diagram_has_muscle      (DorsumDiagram   *self,
                                                     const char      *muscle_id);
const DorsumRegion  *dorsum_diagram_hit             (DorsumDiagram   *self,
                                                     double           x,
                                                     double           y);
const DorsumRegion  *dorsum_diagram_nearest         (DorsumDiagram   *self,
                                                     const DorsumRegion *from,
                                                     DorsumDirection  direction);
gboolean             dorsum_diagram_render          (DorsumDiagram   *self,
                                                     cairo_t         *cr,
                                                     double           width,
                                                     double           height,
                                                     DorsumRenderFlags flags,
                                                     GError         **error);
void                 dorsum_diagram_draw_highlight  (DorsumDiagram   *self,
                                                     cairo_t         *cr,
                                                     const char * const *muscles,
                                                     double           red,
                                                     double           green,
                                                     double           blue,
                                                     double           emphasis);
void                 dorsum_append_referral_zones   (cairo_t         *cr,
                                                     const DorsumTriggerPoint *point);
void                 dorsum_append_referral_zones_on_figure (cairo_t *cr,
                                                     const DorsumTriggerPoint *point,
                                                     const char      *figure);
void                 dorsum_draw_trigger_points     (cairo_t         *cr,
                                                     const DorsumTriggerPoint * const *points,
                                                     guint            n_points,
                                                     double           scale,
                                                     double           red,
                                                     double           green,
                                                     double           blue);
void                 dorsum_draw_trigger_points_on_figure (cairo_t   *cr,
                                                     const char      *figure,
                                                     const DorsumTriggerPoint * const *points,
                                                     guint            n_points,
                                                     double           scale,
                                                     double           red,
                                                     double           green,
                                                     double           blue);
void                 dorsum_region_append_path      (const DorsumRegion *region,
                                                     cairo_t         *cr);
gboolean             dorsum_polygon_contains        (GArray          *polygon,
                                                     double           x,
                                                     double           y);
gboolean             dorsum_region_contains         (const DorsumRegion *region,
                                                     double           x,
                                                     double           y);

const char          *dorsum_layer_to_string         (DorsumLayer      layer);
gboolean             dorsum_layer_from_string       (const char      *str,
                                                     DorsumLayer     *layer);
const char          *dorsum_layer_get_title         (DorsumLayer      layer);

G_END_DECLS
