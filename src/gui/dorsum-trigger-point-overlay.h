/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The diagram view's overlay of trigger points (×) and their referral zones, as on a
 * printed trigger point chart: a veil over the muscles, then each point and zone drawn on
 * the figure it belongs to. */
#pragma once

#include "dorsum-diagram-overlay.h"
#include "dorsum-entry.h"

G_BEGIN_DECLS

#define DORSUM_TYPE_TRIGGER_POINT_OVERLAY (dorsum_trigger_point_overlay_get_type())

G_DECLARE_FINAL_TYPE (DorsumTriggerPointOverlay, dorsum_trigger_point_overlay, DORSUM, TRIGGER_POINT_OVERLAY, DorsumDiagramOverlay)

DorsumDiagramOverlay *dorsum_trigger_point_overlay_new        (void);
/* @points: (element-type DorsumTriggerPoint) (transfer none): owned by the library */
void                  dorsum_trigger_point_overlay_set_points (DorsumTriggerPointOverlay *self,
                                                               GPtrArray                 *points);
void                  dorsum_trigger_point_overlay_set_shown  (DorsumTriggerPointOverlay *self,
                                                               gboolean                   shown);

G_END_DECLS
