/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Window internals the widget tests reach for. */
#pragma once

#include "dorsum-diagram-view.h"
#include "dorsum-window.h"

G_BEGIN_DECLS

DorsumDiagramView *dorsum_window_get_diagram_view (DorsumWindow *self);

G_END_DECLS
