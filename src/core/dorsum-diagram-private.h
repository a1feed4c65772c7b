/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The figure's insides, shared by dorsum-diagram.c (loading, lookups, hit-tests),
 * dorsum-diagram-geometry.c (paths to polygons) and dorsum-diagram-draw.c (drawing). */
#pragma once

#include <librsvg/rsvg.h>

#include "dorsum-diagram.h"

G_BEGIN_DECLS

struct _DorsumDiagram
{
  GObject      parent_instance;

  GMutex       render_lock;  /* an RsvgHandle renders in one thread at a time */
  RsvgHandle  *handle;
  RsvgHandle  *labels;
  double       width;
  double       height;

  GPtrArray   *regions;      /* DorsumRegion* in document order (later = on top) */
  GHashTable  *by_id;        /* region id → DorsumRegion* */
  GHashTable  *muscles;      /* muscle id → itself, for has_muscle */

  double       grid_cell;    /* the side of a cell, in diagram units */
  guint        grid_columns;
  guint        grid_rows;
  GArray     **grid;         /* per cell: guint indices into regions */
};

/* dorsum-diagram-geometry.c */
GPtrArray   *_dorsum_diagram_parse_path  (const char         *d,
                                          guint              *points_left,
                                          GError            **error);
DorsumPoint  _dorsum_diagram_find_centre (const DorsumRegion *region);

G_END_DECLS
