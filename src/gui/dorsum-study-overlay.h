/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the study mode draws over the figure: each muscle tinted by how well it is known,
 * and a referral zone alone, without the muscle that sends pain there. */
#pragma once

#include "dorsum-diagram-overlay.h"
#include "dorsum-entry.h"

G_BEGIN_DECLS

#define DORSUM_TYPE_STUDY_OVERLAY (dorsum_study_overlay_get_type())

G_DECLARE_FINAL_TYPE (DorsumStudyOverlay, dorsum_study_overlay, DORSUM, STUDY_OVERLAY, DorsumDiagramOverlay)

DorsumDiagramOverlay *dorsum_study_overlay_new           (void);
void                  dorsum_study_overlay_set_mastery   (DorsumStudyOverlay       *self,
                                                          GHashTable               *mastery);
void                  dorsum_study_overlay_set_quiz_zone (DorsumStudyOverlay       *self,
                                                          const DorsumTriggerPoint *trigger_point);

G_END_DECLS
