/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Safe parsing and schema validation shared by the library loader and the chart reader. */
#pragma once

#include <glib.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* Problems found while reading files, collected so an author sees all of them. */
typedef struct
{
  GString *text;
  guint    count;
  int      first_code;
} DorsumProblems;

void      dorsum_xml_init            (void);
void      dorsum_resources_ensure    (void);
void      dorsum_problems_add        (DorsumProblems  *problems,
                                      int              code,
                                      const char      *file,
                                      guint            line,
                                      const char      *format,
                                      ...) G_GNUC_PRINTF (5, 6);
gboolean  dorsum_problems_take_error (DorsumProblems  *problems,
                                      GError         **error);
xmlDocPtr dorsum_xml_parse           (const char      *data,
                                      gsize            length,
                                      const char      *display_name,
                                      DorsumProblems  *problems);
char     *dorsum_xml_prop            (xmlNodePtr       node,
                                      const char      *name);
gboolean  dorsum_xml_validate        (xmlDocPtr        doc,
                                      xmlRelaxNGPtr   *schema,
                                      const char      *schema_resource,
                                      const char      *root_name,
                                      const char      *ns,
                                      const char      *display_name,
                                      DorsumProblems  *problems);

G_END_DECLS
