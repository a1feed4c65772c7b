/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The diagram view's overlays in drawing order, and how they become render nodes: the
 * overlays that share a node are drawn together into one that covers only what they draw;
 * an overlay with a node of its own (the chart's marks, the chosen mark's outline) keeps
 * that node until it changes or the view's zoom, pan, size or colours do, so choosing a
 * mark does not draw every mark again. */
#pragma once

#include "dorsum-diagram-overlay.h"

G_BEGIN_DECLS

#define DORSUM_TYPE_OVERLAY_STACK (dorsum_overlay_stack_get_type())

G_DECLARE_FINAL_TYPE (DorsumOverlayStack, dorsum_overlay_stack, DORSUM, OVERLAY_STACK, GObject)

DorsumOverlayStack *dorsum_overlay_stack_new      (void);
void                dorsum_overlay_stack_add      (DorsumOverlayStack         *self,
                                                   DorsumDiagramOverlay       *overlay);
void                dorsum_overlay_stack_snapshot (DorsumOverlayStack         *self,
                                                   GtkSnapshot                *snapshot,
                                                   const DorsumOverlayContext *context,
                                                   double                      origin_x,
                                                   double                      origin_y,
                                                   int                         width,
                                                   int                         height);

G_END_DECLS
