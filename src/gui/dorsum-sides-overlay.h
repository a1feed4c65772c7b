/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dorsum-diagram-overlay.h"

G_BEGIN_DECLS

#define DORSUM_TYPE_SIDES_OVERLAY (dorsum_sides_overlay_get_type())

G_DECLARE_FINAL_TYPE (DorsumSidesOverlay, dorsum_sides_overlay, DORSUM, SIDES_OVERLAY, DorsumDiagramOverlay)

DorsumDiagramOverlay *dorsum_sides_overlay_new (void);

G_END_DECLS
