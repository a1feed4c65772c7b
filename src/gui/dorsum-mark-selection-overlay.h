/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The diagram view's outline of the pain chart's chosen mark, apart from the marks
 * themselves: choosing another mark redraws this small box, not every mark. The view
 * gives it the mark as it is whenever the choice or the chart changes. */
#pragma once

#include "dorsum-diagram-overlay.h"
#include "dorsum-chart.h"

G_BEGIN_DECLS

#define DORSUM_TYPE_MARK_SELECTION_OVERLAY (dorsum_mark_selection_overlay_get_type())

G_DECLARE_FINAL_TYPE (DorsumMarkSelectionOverlay, dorsum_mark_selection_overlay, DORSUM, MARK_SELECTION_OVERLAY, DorsumDiagramOverlay)

DorsumDiagramOverlay *dorsum_mark_selection_overlay_new          (void);
void                  dorsum_mark_selection_overlay_set_mark     (DorsumMarkSelectionOverlay *self,
                                                                  const DorsumMark           *mark);
void                  dorsum_mark_selection_overlay_set_hidden   (DorsumMarkSelectionOverlay *self,
                                                                  gboolean                    hidden);

G_END_DECLS
