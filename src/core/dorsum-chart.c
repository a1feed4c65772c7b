/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pain charts. Reading goes through dorsum-xml (no DTD, no entities, schema-checked);
 * writing goes through g_file_replace(), so the previous file stays whole until the new
 * one is complete. Undo keeps whole snapshots: a chart is a few dozen marks at most. */

#define G_LOG_DOMAIN "dorsum-chart"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "dorsum-chart.h"
#include "dorsum-library.h"
#include "dorsum-resources.h"
#include "dorsum-xml-private.h"

#define CHART_NS "https://dorsum.github.io/ns/chart/1"
#define CHART_SCHEMA "/io/github/dorsum/Dorsum/dorsum-chart.rng"

typedef struct
{
  GArray *marks;      /* DorsumMark */
  char   *initials;
  char   *date;
  char   *notes;
  GStrv   plan;
} State;

struct _DorsumChart
{
  GObject    parent_instance;

  State      state;
  GPtrArray *undo;     /* State* */
  GPtrArray *redo;
  gboolean   modified;
};

G_DEFINE_FINAL_TYPE (DorsumChart, dorsum_chart, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static xmlRelaxNGPtr schema;

static const char * const quality_names[DORSUM_N_QUALITIES] = {
  "aching", "sharp", "burning", "tingling", "stiffness",
};

static void
mark_clear (gpointer data)
{
  g_free (((DorsumMark *)data)->note);
}

static GArray *
marks_new (void)
{
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (DorsumMark));

  g_array_set_clear_func (marks, mark_clear);

  return marks;
}

static void
state_clear (State *state)
{
  g_clear_pointer (&state->marks, g_array_unref);
  g_clear_pointer (&state->initials, g_free);
  g_clear_pointer (&state->date, g_free);
  g_clear_pointer (&state->notes, g_free);
  g_clear_pointer (&state->plan, g_strfreev);
}

static void
state_free (State *state)
{
  state_clear (state);
  g_free (state);
}

static void
state_copy (const State *from,
            State       *to)
{
  to->marks = marks_new ();
  for (guint i = 0; i < from->marks->len; i++)
    {
      DorsumMark mark = g_array_index (from->marks, DorsumMark, i);

      mark.note = g_strdup (mark.note);
      g_array_append_val (to->marks, mark);
    }
  to->initials = g_strdup (from->initials);
  to->date = g_strdup (from->date);
  to->notes = g_strdup (from->notes);
  to->plan = g_strdupv (from->plan);
}

static void
notify_history (DorsumChart *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
changed (DorsumChart *self)
{
  if (!self->modified)
    {
      self->modified = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

/* Call before every change that undo should revert. */
static void
push_undo (DorsumChart *self)
{
  State *snapshot = g_new0 (State, 1);

  state_copy (&self->state, snapshot);
  g_ptr_array_add (self->undo, snapshot);
  g_ptr_array_set_size (self->redo, 0);
  notify_history (self);
}

static void
dorsum_chart_finalize (GObject *object)
{
  DorsumChart *self = (DorsumChart *)object;

  state_clear (&self->state);
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);

  G_OBJECT_CLASS (dorsum_chart_parent_class)->finalize (object);
}

static void
dorsum_chart_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DorsumChart *self = DORSUM_CHART (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, dorsum_chart_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, dorsum_chart_can_redo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dorsum_chart_class_init (DorsumChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dorsum_chart_finalize;
  object_class->get_property = dorsum_chart_get_property;

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DorsumChart::changed:
   *
   * Marks or details changed (also by undo and redo).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dorsum_chart_init (DorsumChart *self)
{
  self->state.marks = marks_new ();
  self->state.plan = g_new0 (char *, 1);
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify)state_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify)state_free);
}

DorsumChart *
dorsum_chart_new (void)
{
  return g_object_new (DORSUM_TYPE_CHART, NULL);
}

static double
prop_double (xmlNodePtr  node,
             const char *name)
{
  g_autofree char *value = dorsum_xml_prop (node, name);

  return value ? g_ascii_strtod (value, NULL) : 0;
}

/**
 * dorsum_chart_new_from_bytes:
 *
 * Returns: (transfer full) (nullable): the chart, or %NULL with @error naming file and line
 */
DorsumChart *
dorsum_chart_new_from_bytes (GBytes      *bytes,
                             const char  *display_name,
                             GError     **error)
{
  DorsumProblems problems = { g_string_new (NULL), 0, 0 };
  g_autoptr(DorsumChart) self = NULL;
  g_autoptr(GStrvBuilder) plan = g_strv_builder_new ();
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  xmlDocPtr doc;

  g_return_val_if_fail (bytes != NULL, NULL);

  dorsum_xml_init ();
  dorsum_resources_ensure ();

  if (size > DORSUM_CHART_MAX_FILE_SIZE)
    {
      dorsum_problems_add (&problems, DORSUM_LIBRARY_ERROR_TOO_LARGE, display_name, 0,
                           _("the file is too large for a chart (more than 1 MiB)"));
      dorsum_problems_take_error (&problems, error);
      return NULL;
    }

  doc = dorsum_xml_parse (data, size, display_name, &problems);
  if (doc == NULL ||
      !dorsum_xml_validate (doc, &schema, CHART_SCHEMA, "chart", CHART_NS, display_name, &problems))
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      dorsum_problems_take_error (&problems, error);
      return NULL;
    }

  self = dorsum_chart_new ();

  for (xmlNodePtr node = xmlDocGetRootElement (doc)->children; node; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (xmlStrEqual (node->name, BAD_CAST "client"))
        {
          self->state.initials = dorsum_xml_prop (node, "initials");
          self->state.date = dorsum_xml_prop (node, "date");
        }
      else if (xmlStrEqual (node->name, BAD_CAST "notes"))
        {
          xmlChar *text = xmlNodeGetContent (node);

          self->state.notes = g_strdup ((const char *)text);
          xmlFree (text);
        }
      else if (xmlStrEqual (node->name, BAD_CAST "mark"))
        {
          g_autofree char *quality = dorsum_xml_prop (node, "quality");
          xmlChar *text = xmlNodeGetContent (node);
          DorsumMark mark = { 0, };

          if (self->state.marks->len >= DORSUM_CHART_MAX_MARKS)
            {
              dorsum_problems_add (&problems, DORSUM_LIBRARY_ERROR_TOO_LARGE, display_name,
                                   (guint)xmlGetLineNo (node), _("a chart may hold at most %d marks"),
                                   DORSUM_CHART_MAX_MARKS);
              xmlFree (text);
              break;
            }

          mark.x = prop_double (node, "x");
          mark.y = prop_double (node, "y");
          mark.radius = prop_double (node, "radius");
          mark.intensity = (int)prop_double (node, "intensity");
          dorsum_quality_from_string (quality, &mark.quality);
          mark.note = text && text[0] ? g_strdup ((const char *)text) : NULL;
          xmlFree (text);
          g_array_append_val (self->state.marks, mark);
        }
      else if (xmlStrEqual (node->name, BAD_CAST "plan"))
        {
          for (xmlNodePtr entry = node->children; entry; entry = entry->next)
            if (entry->type == XML_ELEMENT_NODE)
              {
                g_autofree char *ref = dorsum_xml_prop (entry, "ref");

                g_strv_builder_add (plan, ref);
              }
        }
    }

  xmlFreeDoc (doc);

  if (!dorsum_problems_take_error (&problems, error))
    return NULL;

  g_strfreev (self->state.plan);
  self->state.plan = g_strv_builder_end (plan);

  return g_steal_pointer (&self);
}

DorsumChart *
dorsum_chart_new_from_file (GFile   *file,
                            GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_size (info) > DORSUM_CHART_MAX_FILE_SIZE)
    {
      g_set_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_TOO_LARGE,
                   _("%s: the file is too large for a chart (more than 1 MiB)"), name);
      return NULL;
    }

  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;

  return dorsum_chart_new_from_bytes (bytes, name, error);
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

/**
 * dorsum_chart_serialize:
 *
 * Returns: (transfer full): the chart as XML, valid against data/dorsum-chart.rng
 */
GBytes *
dorsum_chart_serialize (DorsumChart *self)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<chart xmlns=\"" CHART_NS "\" version=\"1\">\n");
  char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE], r[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (DORSUM_IS_CHART (self), NULL);

  if (self->state.initials || self->state.date)
    {
      g_string_append (out, "  <client");
      if (self->state.initials)
        {
          g_string_append (out, " initials=\"");
          append_escaped (out, self->state.initials);
          g_string_append_c (out, '"');
        }
      if (self->state.date)
        {
          g_string_append (out, " date=\"");
          append_escaped (out, self->state.date);
          g_string_append_c (out, '"');
        }
      g_string_append (out, "/>\n");
    }

  if (self->state.notes && self->state.notes[0])
    {
      g_string_append (out, "  <notes>");
      append_escaped (out, self->state.notes);
      g_string_append (out, "</notes>\n");
    }

  for (guint i = 0; i < self->state.marks->len; i++)
    {
      const DorsumMark *m = &g_array_index (self->state.marks, DorsumMark, i);

      /* Locale-independent numbers, one decimal: plenty for a finger on a figure. */
      g_ascii_formatd (x, sizeof x, "%.1f", m->x);
      g_ascii_formatd (y, sizeof y, "%.1f", m->y);
      g_ascii_formatd (r, sizeof r, "%.1f", m->radius);
      g_string_append_printf (out, "  <mark x=\"%s\" y=\"%s\" radius=\"%s\" intensity=\"%d\" quality=\"%s\">",
                              x, y, r, m->intensity, quality_names[m->quality]);
      if (m->note)
        append_escaped (out, m->note);
      g_string_append (out, "</mark>\n");
    }

  if (self->state.plan && self->state.plan[0])
    {
      g_string_append (out, "  <plan>\n");
      for (guint i = 0; self->state.plan[i]; i++)
        {
          g_string_append (out, "    <entry ref=\"");
          append_escaped (out, self->state.plan[i]);
          g_string_append (out, "\"/>\n");
        }
      g_string_append (out, "  </plan>\n");
    }

  g_string_append (out, "</chart>\n");

  return g_string_free_to_bytes (out);
}

gboolean
_dorsum_chart_save_wrapped (DorsumChart          *self,
                            GFile                *file,
                            DorsumStreamWrapper   wrapper,
                            gpointer              user_data,
                            GError              **error)
{
  g_autoptr(GFileOutputStream) replace = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (DORSUM_IS_CHART (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = dorsum_chart_serialize (self);
  data = g_bytes_get_data (bytes, &size);

  /* Written to a temporary file beside the old one, renamed over it only on a clean close. */
  replace = g_file_replace (file, NULL, TRUE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
  if (replace == NULL)
    return FALSE;

  stream = wrapper ? wrapper (G_OUTPUT_STREAM (replace), user_data) : g_object_ref (G_OUTPUT_STREAM (replace));

  if (!g_output_stream_write_all (stream, data, size, NULL, cancellable, error))
    {
      /* Closing a cancelled replace drops the temporary file and keeps the old one. */
      g_cancellable_cancel (cancellable);
      g_output_stream_close (G_OUTPUT_STREAM (replace), cancellable, NULL);
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (replace), NULL, error))
    return FALSE;

  if (self->modified)
    {
      self->modified = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }

  return TRUE;
}

gboolean
dorsum_chart_save (DorsumChart  *self,
                   GFile        *file,
                   GError      **error)
{
  return _dorsum_chart_save_wrapped (self, file, NULL, NULL, error);
}

gboolean
dorsum_chart_equal (DorsumChart *a,
                    DorsumChart *b)
{
  g_autoptr(GBytes) ba = dorsum_chart_serialize (a);
  g_autoptr(GBytes) bb = dorsum_chart_serialize (b);

  return g_bytes_equal (ba, bb);
}

guint
dorsum_chart_get_n_marks (DorsumChart *self)
{
  g_return_val_if_fail (DORSUM_IS_CHART (self), 0);

  return self->state.marks->len;
}

const DorsumMark *
dorsum_chart_get_mark (DorsumChart *self,
                       guint        position)
{
  g_return_val_if_fail (DORSUM_IS_CHART (self), NULL);
  g_return_val_if_fail (position < self->state.marks->len, NULL);

  return &g_array_index (self->state.marks, DorsumMark, position);
}

static DorsumMark
mark_sanitize (const DorsumMark *mark)
{
  DorsumMark copy = *mark;

  copy.x = CLAMP (copy.x, 0, 800);
  copy.y = CLAMP (copy.y, 0, 1200);
  copy.radius = CLAMP (copy.radius, 2, 400);
  copy.intensity = CLAMP (copy.intensity, 0, 10);
  if (copy.quality >= DORSUM_N_QUALITIES)
    copy.quality = DORSUM_QUALITY_ACHING;
  copy.note = mark->note && mark->note[0] ? g_strdup (mark->note) : NULL;

  return copy;
}

/**
 * dorsum_chart_add_mark:
 *
 * Returns: the new mark's position, or G_MAXUINT when the chart is full
 */
guint
dorsum_chart_add_mark (DorsumChart      *self,
                       const DorsumMark *mark)
{
  DorsumMark copy;

  g_return_val_if_fail (DORSUM_IS_CHART (self), G_MAXUINT);
  g_return_val_if_fail (mark != NULL, G_MAXUINT);

  if (self->state.marks->len >= DORSUM_CHART_MAX_MARKS)
    return G_MAXUINT;

  /* Copied first: @mark may point into the array that the append reallocates. */
  copy = mark_sanitize (mark);
  push_undo (self);
  g_array_append_val (self->state.marks, copy);
  changed (self);

  return self->state.marks->len - 1;
}

void
dorsum_chart_update_mark (DorsumChart      *self,
                          guint             position,
                          const DorsumMark *mark)
{
  DorsumMark copy;
  DorsumMark *slot;

  g_return_if_fail (DORSUM_IS_CHART (self));
  g_return_if_fail (position < self->state.marks->len);
  g_return_if_fail (mark != NULL);

  /* Copy before freeing anything: a caller that copied the stored mark to move it
   * hands back the very note this slot owns. */
  copy = mark_sanitize (mark);
  push_undo (self);
  slot = &g_array_index (self->state.marks, DorsumMark, position);
  mark_clear (slot);
  *slot = copy;
  changed (self);
}

void
dorsum_chart_remove_mark (DorsumChart *self,
                          guint        position)
{
  g_return_if_fail (DORSUM_IS_CHART (self));
  g_return_if_fail (position < self->state.marks->len);

  push_undo (self);
  g_array_remove_index (self->state.marks, position);
  changed (self);
}

/**
 * dorsum_chart_find_mark:
 *
 * Returns: the topmost mark under (@x, @y) in diagram units, or -1
 */
int
dorsum_chart_find_mark (DorsumChart *self,
                        double       x,
                        double       y)
{
  g_return_val_if_fail (DORSUM_IS_CHART (self), -1);

  for (guint i = self->state.marks->len; i > 0; i--)
    {
      const DorsumMark *m = &g_array_index (self->state.marks, DorsumMark, i - 1);

      if (hypot (m->x - x, m->y - y) <= m->radius)
        return (int)i - 1;
    }

  return -1;
}

static void
set_string (DorsumChart  *self,
            char        **field,
            const char   *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  push_undo (self);
  g_free (*field);
  *field = value && value[0] ? g_strdup (value) : NULL;
  changed (self);
}

const char *
dorsum_chart_get_initials (DorsumChart *self)
{
  g_return_val_if_fail (DORSUM_IS_CHART (self), NULL);
  return self->state.initials;
}

void
dorsum_chart_set_initials (DorsumChart *self,
                           const char  *initials)
{
  g_autofree char *short_initials = NULL;

  g_return_if_fail (DORSUM_IS_CHART (self));

  /* Initials, not a name: nothing more identifying is kept. */
  if (initials)
    short_initials = g_utf8_substring (initials, 0, MIN (8, g_utf8_strlen (initials, -1)));
  set_string (self, &self->state.initials, short_initials);
}

const char *
dorsum_chart_get_date (DorsumChart *self)
{
  g_return_val_if_fail (DORSUM_IS_CHART (self), NULL);
  return self->state.date;
}

void
dorsum_chart_set_date (DorsumChart *self,
                       const char  *date)
{
  g_return_if_fail (DORSUM_IS_CHART (self));
  set_string (self, &self->state.date, date);
}

const char *
dorsum_chart_get_notes (DorsumChart *self)
{
  g_return_val_if_fail (DORSUM_IS_CHART (self), NULL);
  return self->state.notes;
}

void
dorsum_chart_set_notes (DorsumChart *self,
                        const char  *notes)
{
  g_return_if_fail (DORSUM_IS_CHART (self));
  set_string (self, &self->state.notes, notes);
}

const char * const *
dorsum_chart_get_plan (DorsumChart *self)
{
  g_return_val_if_fail (DORSUM_IS_CHART (self), NULL);
  return (const char * const *)self->state.plan;
}

void
dorsum_chart_set_plan (DorsumChart        *self,
                       const char * const *ids)
{
  g_return_if_fail (DORSUM_IS_CHART (self));

  if (ids && g_strv_equal (ids, (const char * const *)self->state.plan))
    return;

  push_undo (self);
  g_strfreev (self->state.plan);
  self->state.plan = ids ? g_strdupv ((char **)ids) : g_new0 (char *, 1);
  changed (self);
}

gboolean
dorsum_chart_can_undo (DorsumChart *self)
{
  g_return_val_if_fail (DORSUM_IS_CHART (self), FALSE);
  return self->undo->len > 0;
}

gboolean
dorsum_chart_can_redo (DorsumChart *self)
{
  g_return_val_if_fail (DORSUM_IS_CHART (self), FALSE);
  return self->redo->len > 0;
}

static void
swap_state (DorsumChart *self,
            GPtrArray   *from,
            GPtrArray   *to)
{
  State *snapshot;
  State *current;

  if (from->len == 0)
    return;

  snapshot = g_ptr_array_steal_index (from, from->len - 1);
  current = g_new0 (State, 1);
  *current = self->state;
  g_ptr_array_add (to, current);
  self->state = *snapshot;
  g_free (snapshot);

  notify_history (self);
  changed (self);
}

void
dorsum_chart_undo (DorsumChart *self)
{
  g_return_if_fail (DORSUM_IS_CHART (self));
  swap_state (self, self->undo, self->redo);
}

void
dorsum_chart_redo (DorsumChart *self)
{
  g_return_if_fail (DORSUM_IS_CHART (self));
  swap_state (self, self->redo, self->undo);
}

gboolean
dorsum_chart_get_modified (DorsumChart *self)
{
  g_return_val_if_fail (DORSUM_IS_CHART (self), FALSE);
  return self->modified;
}

void
dorsum_chart_set_modified (DorsumChart *self,
                           gboolean     modified)
{
  g_return_if_fail (DORSUM_IS_CHART (self));

  if (self->modified == !!modified)
    return;

  self->modified = !!modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

const char *
dorsum_quality_to_string (DorsumQuality quality)
{
  g_return_val_if_fail (quality < DORSUM_N_QUALITIES, NULL);
  return quality_names[quality];
}

gboolean
dorsum_quality_from_string (const char    *str,
                            DorsumQuality *quality)
{
  for (guint i = 0; i < DORSUM_N_QUALITIES; i++)
    if (g_strcmp0 (str, quality_names[i]) == 0)
      {
        *quality = i;
        return TRUE;
      }

  return FALSE;
}

const char *
dorsum_quality_get_title (DorsumQuality quality)
{
  static const char * const titles[DORSUM_N_QUALITIES] = {
    N_("Aching"), N_("Sharp"), N_("Burning"), N_("Tingling or numb"), N_("Stiff"),
  };

  g_return_val_if_fail (quality < DORSUM_N_QUALITIES, NULL);
  return _(titles[quality]);
}

/**
 * dorsum_chart_get_autosave_path:
 *
 * Unsaved work lives in the user's state directory until it is saved or discarded,
 * so a crash or a forced quit loses nothing.
 *
 * Returns: (transfer full): the path of the autosaved chart
 */
char *
dorsum_chart_get_autosave_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "dorsum", "unsaved-chart.xml", NULL);
}

/**
 * dorsum_chart_write_autosave:
 * @document_path: (nullable): where the chart is saved, if anywhere, to offer it back with it
 */
gboolean
dorsum_chart_write_autosave (DorsumChart  *self,
                             const char   *document_path,
                             GError      **error)
{
  g_autofree char *path = dorsum_chart_get_autosave_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *link_path = g_strconcat (path, ".source", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gboolean modified;

  g_return_val_if_fail (DORSUM_IS_CHART (self), FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s: %s", dir, g_strerror (errno));
      return FALSE;
    }

  /* Saving the autosave must not mark the document as saved. */
  modified = self->modified;
  if (!dorsum_chart_save (self, file, error))
    return FALSE;
  dorsum_chart_set_modified (self, modified);

  if (document_path != NULL)
    return g_file_set_contents (link_path, document_path, -1, error);

  g_remove (link_path);

  return TRUE;
}

/**
 * dorsum_chart_read_autosave:
 * @document_path: (out) (optional) (nullable): where the chart had been saved, if anywhere
 *
 * Returns: (transfer full) (nullable): unsaved work left by a crash, marked as modified
 */
DorsumChart *
dorsum_chart_read_autosave (char **document_path)
{
  g_autofree char *path = dorsum_chart_get_autosave_path ();
  g_autofree char *link_path = g_strconcat (path, ".source", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DorsumChart *chart;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;

  chart = dorsum_chart_new_from_file (file, &error);
  if (chart == NULL)
    {
      g_warning ("Could not read the unsaved chart: %s", error->message);
      return NULL;
    }

  if (document_path != NULL && !g_file_get_contents (link_path, document_path, NULL, NULL))
    *document_path = NULL;

  dorsum_chart_set_modified (chart, TRUE);

  return chart;
}

void
dorsum_chart_clear_autosave (void)
{
  g_autofree char *path = dorsum_chart_get_autosave_path ();
  g_autofree char *link_path = g_strconcat (path, ".source", NULL);

  g_remove (path);
  g_remove (link_path);
}

/* The one-letter key drawn in a mark on the chart and in the legend. */
const char *
dorsum_quality_get_letter (DorsumQuality quality)
{
  /* Translators: one-letter keys for pain qualities on the chart: Aching, Sharp, Burning,
   * Tingling/numb, stiFfness; keep them distinct in your language */
  static const char * const letters[DORSUM_N_QUALITIES] = { N_("A"), N_("S"), N_("B"), N_("T"), N_("F") };

  g_return_val_if_fail (quality < DORSUM_N_QUALITIES, NULL);
  return _(letters[quality]);
}
