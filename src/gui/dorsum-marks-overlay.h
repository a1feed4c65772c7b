/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The diagram view's overlay of a pain chart's marks on the shown figure, numbered as in
 * the chart, over everything else and on every layer (the chosen one's outline is
 * DorsumMarkSelectionOverlay's). While a mark is moved or drawn out, it draws the chart as
 * it will be when the drag ends, the chosen mark outlined;
 * an earlier chart of the client, when compared, is drawn faded under them. */
#pragma once

#include "dorsum-diagram-overlay.h"
#include "dorsum-chart.h"

G_BEGIN_DECLS

#define DORSUM_TYPE_MARKS_OVERLAY (dorsum_marks_overlay_get_type())

G_DECLARE_FINAL_TYPE (DorsumMarksOverlay, dorsum_marks_overlay, DORSUM, MARKS_OVERLAY, DorsumDiagramOverlay)

DorsumDiagramOverlay *dorsum_marks_overlay_new          (void);
void                  dorsum_marks_overlay_set_chart    (DorsumMarksOverlay *self,
                                                         DorsumChart        *chart);
void                  dorsum_marks_overlay_set_selected (DorsumMarksOverlay *self,
                                                         int                 mark);
/* @moved: the mark at this position drawn as @preview instead, or -1; @added: @preview drawn
 * as a new mark. @preview is copied, its note ignored. */
void                  dorsum_marks_overlay_set_preview  (DorsumMarksOverlay *self,
                                                         int                 moved,
                                                         gboolean            added,
                                                         const DorsumMark   *preview);
void                  dorsum_marks_overlay_clear_preview (DorsumMarksOverlay *self);
void                  dorsum_marks_overlay_set_earlier  (DorsumMarksOverlay *self,
                                                         DorsumChart        *earlier);
DorsumChart          *dorsum_marks_overlay_get_earlier  (DorsumMarksOverlay *self);

G_END_DECLS
