/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An <entry> element of a content pack made into a DorsumEntry: its text collapsed, its
 * trigger points and referral zones read, and every value of a constrained kind (ids,
 * spinal roots, coordinates, pressures) checked, each problem named with its line. */

#define G_LOG_DOMAIN "dorsum-library"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libxml/parser.h>

#include "dorsum-entry-private.h"
#include "dorsum-library-entry.h"
#include "dorsum-library-private.h"
#include "dorsum-xml-private.h"

/* Collapses the white space of XML text into single spaces. */
static char *
collapse_spaces (const char *text)
{
  char *out = g_malloc (strlen (text) + 1);
  char *q = out;
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = q > out;
          continue;
        }
      if (space)
        *q++ = ' ';
      space = FALSE;
      *q++ = *p;
    }
  *q = '\0';

  return out;
}

/* Collapses the white space of XML text into single spaces. */
static char *
node_text (xmlNodePtr node)
{
  xmlChar *content;
  char *text;

  /* The common case, one text node: read it in place rather than copy it first. */
  if (node->children != NULL && node->children->next == NULL && node->children->type == XML_TEXT_NODE)
    return collapse_spaces ((const char *)node->children->content);

  content = xmlNodeGetContent (node);
  text = collapse_spaces (content ? (const char *)content : "");
  xmlFree (content);

  return text;
}

gboolean
_dorsum_library_is_element (xmlNodePtr node)
{
  return node->type == XML_ELEMENT_NODE;
}

static GArray *
parse_points (const char *str)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (DorsumPoint));
  g_auto(GStrv) pairs = g_strsplit_set (str, " \t\r\n", -1);

  for (guint i = 0; pairs[i]; i++)
    {
      DorsumPoint pt;
      char *comma;

      if (pairs[i][0] == '\0' || !(comma = strchr (pairs[i], ',')))
        continue;

      pt.x = g_ascii_strtod (pairs[i], NULL);
      pt.y = g_ascii_strtod (comma + 1, NULL);
      g_array_append_val (points, pt);
    }

  return points;
}

/* The text of a leaf element, with a problem added when it is blank: the loader's schema
 * accepts any text there (see data/meson.build). */
static char *
leaf_text (xmlNodePtr      node,
           const char     *file,
           DorsumProblems *problems)
{
  char *text = node_text (node);

  if (text[0] == '\0')
    dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_SCHEMA, file, (guint)xmlGetLineNo (node),
                         _("<%s> is empty; write its text or remove it"), (const char *)node->name);

  return text;
}

/* The figure named by @node's figure attribute, interned; @fallback when there is none.
 * The schema allows only the figures that exist ("posterior", "anterior"). */
static const char *
figure_attribute (xmlNodePtr  node,
                  const char *fallback)
{
  g_autofree char *figure = dorsum_xml_prop (node, "figure");

  return figure ? g_intern_string (figure) : fallback;
}

static DorsumTriggerPoint *
parse_trigger_point (xmlNodePtr      node,
                     const char     *file,
                     DorsumProblems *problems)
{
  DorsumTriggerPoint *tp = g_new0 (DorsumTriggerPoint, 1);
  g_autofree char *x = dorsum_xml_prop (node, "x");
  g_autofree char *y = dorsum_xml_prop (node, "y");
  const char *posterior = g_intern_static_string ("posterior");

  tp->point.x = g_ascii_strtod (x, NULL);
  tp->point.y = g_ascii_strtod (y, NULL);
  tp->figure = figure_attribute (node, posterior);
  tp->zones = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  tp->all_zones = g_ptr_array_new_with_free_func ((GDestroyNotify)_dorsum_zone_free);

  for (xmlNodePtr child = node->children; child; child = child->next)
    {
      if (!_dorsum_library_is_element (child))
        continue;

      if (xmlStrEqual (child->name, BAD_CAST "location"))
        tp->location = leaf_text (child, file, problems);
      else if (xmlStrEqual (child->name, BAD_CAST "referral"))
        tp->referral = leaf_text (child, file, problems);
      else if (xmlStrEqual (child->name, BAD_CAST "drawing-note"))
        tp->drawing_note = leaf_text (child, file, problems);
      else if (xmlStrEqual (child->name, BAD_CAST "zone"))
        {
          g_autofree char *points = dorsum_xml_prop (child, "points");
          DorsumZone *zone = g_new0 (DorsumZone, 1);

          /* A zone is on its trigger point's figure unless it says otherwise. */
          zone->figure = figure_attribute (child, tp->figure);
          zone->points = parse_points (points);
          g_ptr_array_add (tp->all_zones, zone);
          if (zone->figure == posterior)
            g_ptr_array_add (tp->zones, g_array_ref (zone->points));
        }
    }

  return tp;
}

/* Adds every leaf element below @node as a value of @key, in document order. */
static void
add_leaf_values (DorsumEntry *entry,
                 const char  *key,
                 xmlNodePtr   node,
                 DorsumProblems *problems)
{
  gboolean has_children = FALSE;

  for (xmlNodePtr child = node->children; child; child = child->next)
    {
      if (_dorsum_library_is_element (child))
        {
          has_children = TRUE;
          add_leaf_values (entry, key, child, problems);
        }
    }

  if (!has_children)
    _dorsum_entry_take_value (entry, key, leaf_text (node, dorsum_entry_get_file (entry), problems));
}

/* The value facets of data/dorsum-library.rng, checked here (see data/meson.build). */
#define ROOTS_PATTERN "[CTLS][0-9]{1,2}(-[CTLS]?[0-9]{1,2})?(, ?[CTLS][0-9]{1,2}(-[CTLS]?[0-9]{1,2})?)*|none"
#define POINTS_PATTERN "\\s*[0-9.]+,[0-9.]+(\\s+[0-9.]+,[0-9.]+){2,}\\s*"

/* Ids are most of the values: lower-case words of letters and digits, single hyphens. */
static gboolean
is_id (const char *value)
{
  gboolean word = FALSE;

  for (const char *p = value; *p; p++)
    {
      if (g_ascii_islower (*p) || g_ascii_isdigit (*p))
        word = TRUE;
      else if (*p == '-' && word)
        word = FALSE;
      else
        return FALSE;
    }

  return word && strlen (value) <= 64;
}

static gboolean
matches_regex (const char *value,
               gboolean    roots)
{
  static gsize compiled;
  static GRegex *roots_regex, *points_regex;

  /* Compiled once; a GRegex is safe to match from several threads. */
  if (g_once_init_enter (&compiled))
    {
      roots_regex = g_regex_new ("^(?:" ROOTS_PATTERN ")$", G_REGEX_OPTIMIZE, 0, NULL);
      points_regex = g_regex_new ("^(?:" POINTS_PATTERN ")$", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&compiled, 1);
    }

  return g_regex_match (roots ? roots_regex : points_regex, value, 0, NULL);
}

static gboolean
is_roots (const char *value)
{
  return matches_regex (value, TRUE);
}

static gboolean
is_points (const char *value)
{
  return matches_regex (value, FALSE);
}

/* An xsd:decimal from 0 to 10000: digits with at most one point, no sign, no exponent. */
static gboolean
is_coordinate (const char *value)
{
  const char *p = value;
  guint digits = 0;

  while (g_ascii_isspace (*p))
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits++;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits++;
  while (g_ascii_isspace (*p))
    p++;

  return digits > 0 && *p == '\0' && g_ascii_strtod (value, NULL) <= 10000;
}

/* An xsd:integer from 0 to 10. */
static gboolean
is_pressure (const char *value)
{
  g_autofree char *copy = g_strdup (value);
  guint64 number;

  return g_ascii_string_to_unsigned (g_strstrip (copy), 10, 0, 10, &number, NULL);
}

static void
check_values (xmlNodePtr      node,
              const char     *file,
              DorsumProblems *problems)
{
  /* N_() here, translated only when a message is written: this runs for every element. */
  static const struct {
    const char *element;     /* NULL for any */
    const char *attribute;
    gboolean  (*check) (const char *value);
    const char *what;
  } checks[] = {
    { NULL, "id", is_id, N_("an id: at most 64 lower-case letters and digits, in words joined by single hyphens") },
    { NULL, "ref", is_id, N_("an id: at most 64 lower-case letters and digits, in words joined by single hyphens") },
    { NULL, "part-of", is_id, N_("an id: at most 64 lower-case letters and digits, in words joined by single hyphens") },
    { "innervation", "roots", is_roots, N_("a list of spinal segments such as \"C5-C6\", \"T12-L3\" or \"L4-S1, S2\", or \"none\"") },
    { "zone", "points", is_points, N_("at least three x,y pairs separated by spaces") },
    { "trigger-point", "x", is_coordinate, N_("a number of diagram units from 0 to 10000") },
    { "trigger-point", "y", is_coordinate, N_("a number of diagram units from 0 to 10000") },
    { "pressure", "min", is_pressure, N_("a whole number from 0 to 10") },
    { "pressure", "max", is_pressure, N_("a whole number from 0 to 10") },
  };

  /* One pass over the attributes that are there, rather than a lookup for each name. */
  for (xmlAttrPtr attr = node->properties; attr; attr = attr->next)
    {
      for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
        {
          g_autofree char *value = NULL;

          if (!xmlStrEqual (attr->name, BAD_CAST checks[i].attribute) ||
              (checks[i].element != NULL && !xmlStrEqual (node->name, BAD_CAST checks[i].element)))
            continue;

          value = dorsum_xml_prop (node, checks[i].attribute);
          if (value != NULL && !checks[i].check (value))
            {
              g_autofree char *shown = dorsum_shorten (value);

              dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_SCHEMA, file, (guint)xmlGetLineNo (node),
                                   _("does not follow the library schema: %s=\"%s\" on <%s> is not %s"),
                                   checks[i].attribute, shown, (const char *)node->name, _(checks[i].what));
            }
        }
    }

  for (xmlNodePtr child = node->children; child; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      check_values (child, file, problems);
}

DorsumEntry *
_dorsum_library_build_entry (xmlNodePtr      node,
                             DorsumKind      kind,
                             const char     *display_name,
                             DorsumProblems *problems)
{
  g_autofree char *id = dorsum_xml_prop (node, "id");
  DorsumEntry *entry = _dorsum_entry_new (kind, id, display_name, (guint)xmlGetLineNo (node));

  check_values (node, display_name, problems);

  for (xmlAttrPtr attr = node->properties; attr; attr = attr->next)
    {
      g_autofree char *value = dorsum_xml_prop (node, (const char *)attr->name);

      if (!xmlStrEqual (attr->name, BAD_CAST "id"))
        _dorsum_entry_set_attribute (entry,
                                     xmlStrEqual (attr->name, BAD_CAST "kind") ? "severity" : (const char *)attr->name,
                                     value);
    }

  for (xmlNodePtr child = node->children; child; child = child->next)
    {
      const char *name = (const char *)child->name;

      if (!_dorsum_library_is_element (child))
        continue;

      if (g_str_equal (name, "links"))
        {
          for (xmlNodePtr link = child->children; link; link = link->next)
            {
              g_autofree char *ref = NULL;
              DorsumKind link_kind;

              if (!_dorsum_library_is_element (link) || !dorsum_kind_from_string ((const char *)link->name, &link_kind))
                continue;

              ref = dorsum_xml_prop (link, "ref");
              _dorsum_entry_add_link (entry, link_kind, ref, (guint)xmlGetLineNo (link));
            }
        }
      else if (g_str_equal (name, "client"))
        {
          /* Kept apart from the therapist's fields: "client-text", "client-step",
           * "client-dose", "client-stop-if" (dorsum_entry_get_client_paragraphs () …). */
          for (xmlNodePtr part = child->children; part; part = part->next)
            {
              g_autofree char *key = NULL;

              if (!_dorsum_library_is_element (part))
                continue;

              key = g_strconcat ("client-", xmlStrEqual (part->name, BAD_CAST "p") ? "text" : (const char *)part->name, NULL);
              add_leaf_values (entry, key, part, problems);
            }
        }
      else if (g_str_equal (name, "trigger-point"))
        {
          _dorsum_entry_add_trigger_point (entry, parse_trigger_point (child, display_name, problems));
        }
      else if (g_str_equal (name, "innervation") || g_str_equal (name, "pressure"))
        {
          for (xmlAttrPtr attr = child->properties; attr; attr = attr->next)
            {
              g_autofree char *value = dorsum_xml_prop (child, (const char *)attr->name);
              g_autofree char *key = g_strconcat (name, "-", attr->name, NULL);

              _dorsum_entry_set_attribute (entry, key, value);
            }
          add_leaf_values (entry, name, child, problems);
        }
      else if (kind == DORSUM_KIND_CONTRAINDICATION && g_str_equal (name, "action"))
        {
          add_leaf_values (entry, "action-to-take", child, problems);
        }
      else if (kind == DORSUM_KIND_ARTICLE && (g_str_equal (name, "p") || g_str_equal (name, "list")))
        {
          add_leaf_values (entry, "text", child, problems);
        }
      else
        {
          add_leaf_values (entry, name, child, problems);
        }
    }

  return entry;
}
