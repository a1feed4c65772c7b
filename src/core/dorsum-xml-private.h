/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Safe parsing and schema validation shared by the library loader and the chart reader. */
#pragma once

#include <gio/gio.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* Problems found while reading files, collected so an author sees them: the first
 * DORSUM_MAX_PROBLEMS one per line, then how many more there were. */
typedef struct
{
  GString *text;
  guint    count;
  int      first_code;
} DorsumProblems;

#define DORSUM_MAX_PROBLEMS 100

/* More attributes than this on one element are refused before libxml2 sees them: its
 * check for duplicates is quadratic. Namespace declarations are bounded per document. */
#define DORSUM_XML_MAX_ATTRIBUTES 256
#define DORSUM_XML_MAX_NAMESPACES 64

/* And what a file may hold in all, so that its tree stays within about 100 MB: the
 * shipped library has about 20 tags and 4 attributes per KiB, an 8 MiB pack of such
 * content 180000 tags and 40000 attributes. */
#define DORSUM_XML_MAX_TAGS 250000
#define DORSUM_XML_MAX_TOTAL_ATTRIBUTES 250000

/* Quoted values in messages are cut to this many characters. */
#define DORSUM_MESSAGE_MAX_VALUE 60

void      dorsum_xml_init            (void);
void      dorsum_resources_ensure    (void);
void      dorsum_problems_add        (DorsumProblems  *problems,
                                      int              code,
                                      const char      *file,
                                      guint            line,
                                      const char      *format,
                                      ...) G_GNUC_PRINTF (5, 6);
void      dorsum_problems_merge      (DorsumProblems  *into,
                                      DorsumProblems  *from);
gboolean  dorsum_problems_take_error (DorsumProblems  *problems,
                                      GError         **error);
char     *dorsum_shorten             (const char      *value);
GBytes   *dorsum_read_regular_file   (GFile           *file,
                                      gsize            max_size,
                                      GError         **error);
xmlDocPtr dorsum_xml_parse           (const char      *data,
                                      gsize            length,
                                      const char      *display_name,
                                      DorsumProblems  *problems);
xmlDocPtr dorsum_xml_parse_limited   (const char      *data,
                                      gsize            length,
                                      guint            max_tags,
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
