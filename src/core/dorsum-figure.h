/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The figures of the atlas (the back, the front, …) and their layers, read from the manifest
 * data/diagrams/figures.xml, so that a new figure is data: drawn, listed, and no code. */
#pragma once

#include <gio/gio.h>

#include "dorsum-diagram.h"

G_BEGIN_DECLS

#define DORSUM_FIGURE_ERROR (dorsum_figure_error_quark ())

/* A bad manifest is a DORSUM_LIBRARY_ERROR (FILE:LINE: problem), as a bad pack or chart is. */
typedef enum {
  DORSUM_FIGURE_ERROR_NOT_FOUND,   /* no figure or layer with that id */
} DorsumFigureError;

/* Which way the figure faces, and so on which side of the picture its left half is.
 * Region ids always name the figure's own side ("pectoralis-major.left"). */
typedef enum {
  DORSUM_VIEW_POSTERIOR,   /* seen from behind: the figure's left is on the picture's left */
  DORSUM_VIEW_ANTERIOR,    /* facing the viewer: the figure's left is on the picture's right */
  DORSUM_VIEW_LATERAL,
} DorsumView;

/* The figure DorsumLayer and dorsum_diagram_new_for_layer() stand for. */
#define DORSUM_FIGURE_POSTERIOR "posterior"

#define DORSUM_TYPE_FIGURE (dorsum_figure_get_type())

G_DECLARE_FINAL_TYPE (DorsumFigure, dorsum_figure, DORSUM, FIGURE, GObject)

GQuark          dorsum_figure_error_quark       (void);
GListModel     *dorsum_figures_get_default      (GError        **error);
GListModel     *dorsum_figures_new_from_bytes   (GBytes         *manifest,
                                                 const char     *display_name,
                                                 GError        **error);
DorsumFigure   *dorsum_figure_lookup            (const char     *figure_id,
                                                 GError        **error);
const char     *dorsum_figure_get_id            (DorsumFigure   *self);
const char     *dorsum_figure_get_title         (DorsumFigure   *self);
DorsumView      dorsum_figure_get_view          (DorsumFigure   *self);
guint           dorsum_figure_get_n_layers      (DorsumFigure   *self);
const char     *dorsum_figure_get_layer_id      (DorsumFigure   *self,
                                                 guint           position);
const char     *dorsum_figure_get_layer_title   (DorsumFigure   *self,
                                                 guint           position);
gboolean        dorsum_figure_find_layer        (DorsumFigure   *self,
                                                 const char     *layer_id,
                                                 guint          *position);
DorsumDiagram  *dorsum_figure_load_layer        (DorsumFigure   *self,
                                                 const char     *layer_id,
                                                 GError        **error);
DorsumDiagram  *dorsum_diagram_new_for_figure   (const char     *figure_id,
                                                 const char     *layer_id,
                                                 GError        **error);

const char     *dorsum_view_to_string           (DorsumView      view);

G_END_DECLS
