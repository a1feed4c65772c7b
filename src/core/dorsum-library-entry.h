/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Between the library loader (dorsum-library.c) and dorsum-library-entry.c. */
#pragma once

#include <libxml/tree.h>

#include "dorsum-entry.h"
#include "dorsum-xml-private.h"

G_BEGIN_DECLS

DorsumEntry *_dorsum_library_build_entry (xmlNodePtr      node,
                                          DorsumKind      kind,
                                          const char     *display_name,
                                          DorsumProblems *problems);
gboolean     _dorsum_library_is_element  (xmlNodePtr      node);

G_END_DECLS
