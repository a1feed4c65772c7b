/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The diagram view's overlay of the highlighted muscles: the selected one, or those a
 * technique, stretch or condition is about, both sides, in the accent colour. */
#pragma once

#include "dorsum-diagram-overlay.h"

G_BEGIN_DECLS

#define DORSUM_TYPE_HIGHLIGHT_OVERLAY (dorsum_highlight_overlay_get_type())

G_DECLARE_FINAL_TYPE (DorsumHighlightOverlay, dorsum_highlight_overlay, DORSUM, HIGHLIGHT_OVERLAY, DorsumDiagramOverlay)

DorsumDiagramOverlay *dorsum_highlight_overlay_new          (void);
void                  dorsum_highlight_overlay_set_muscles (DorsumHighlightOverlay *self,
                                                            const char * const     *muscles);
void                  dorsum_highlight_overlay_set_emphasis (DorsumHighlightOverlay *self,
                                                             double                  emphasis);

G_END_DECLS
