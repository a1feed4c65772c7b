/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the study mode draws over the figure: each muscle tinted by how well it is known,
 * and a referral zone alone, without the muscle that sends pain there. */
#pragma once

#include <cairo.h>

#include "dorsum-diagram.h"
#include "dorsum-entry.h"

G_BEGIN_DECLS

void dorsum_study_overlay_draw_mastery (cairo_t                  *cr,
                                        DorsumDiagram            *diagram,
                                        GHashTable               *mastery);
void dorsum_study_overlay_draw_zone    (cairo_t                  *cr,
                                        const DorsumTriggerPoint *trigger_point,
                                        double                    red,
                                        double                    green,
                                        double                    blue);

G_END_DECLS
