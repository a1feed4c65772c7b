/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The diagram view's overlay of where the user is: the muscle under the pointer, filled
 * lightly, and the muscle with the keyboard focus, outlined (only when focus is visible).
 * Neither shows in chart mode, where the marks are what matter. */
#pragma once

#include "dorsum-diagram-overlay.h"

G_BEGIN_DECLS

#define DORSUM_TYPE_POINTER_OVERLAY (dorsum_pointer_overlay_get_type())

G_DECLARE_FINAL_TYPE (DorsumPointerOverlay, dorsum_pointer_overlay, DORSUM, POINTER_OVERLAY, DorsumDiagramOverlay)

DorsumDiagramOverlay *dorsum_pointer_overlay_new       (void);
void                  dorsum_pointer_overlay_set_hover (DorsumPointerOverlay *self,
                                                        const DorsumRegion   *region);
void                  dorsum_pointer_overlay_set_focus (DorsumPointerOverlay *self,
                                                        const DorsumRegion   *region);

G_END_DECLS
