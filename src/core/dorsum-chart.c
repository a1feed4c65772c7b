/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pain charts. Reading goes through dorsum-xml (no DTD, no entities, schema-checked) and
 * the limits in dorsum-chart.h; writing goes through libxml2's xmlTextWriter, and the
 * setters keep the model within what the reader accepts. Undo keeps whole snapshots whose
 * notes are shared reference-counted strings, so a snapshot costs a few bytes per mark. */

#define G_LOG_DOMAIN "dorsum-chart"
/* For O_TMPFILE. */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xmlwriter.h>

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

/* Every stored note is a GRefString, so undo snapshots share it. */
static void
mark_clear (gpointer data)
{
  g_clear_pointer (&((DorsumMark *)data)->note, g_ref_string_release);
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

      if (mark.note != NULL)
        mark.note = g_ref_string_acquire (mark.note);
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

/* The largest file the writer can produce, counted generously: in text xmlTextWriter
 * escapes no character to more than six bytes ('"' → &quot;); in attributes a libxml2
 * might write any character as &#x10FFFF; (ten bytes); the fixed parts of each element
 * (tags, attributes, numbers, indentation) stay well under the allowance given them. */
#define MAX_ESCAPED_BYTES_PER_CHAR 6
#define MAX_ATTRIBUTE_BYTES_PER_CHAR 10
#define WORST_CASE_FILE_SIZE                                                            \
  (512 /* declaration, <chart>, <client>, <plan>, their ends */                       \
   + DORSUM_CHART_MAX_INITIALS_CHARS * MAX_ATTRIBUTE_BYTES_PER_CHAR                   \
   + 64 + DORSUM_CHART_MAX_NOTES_CHARS * MAX_ESCAPED_BYTES_PER_CHAR                   \
   + DORSUM_CHART_MAX_MARKS * (256 + DORSUM_CHART_MAX_NOTE_CHARS * MAX_ESCAPED_BYTES_PER_CHAR) \
   + DORSUM_CHART_MAX_PLAN_ENTRIES * (64 + DORSUM_CHART_MAX_PLAN_REF_CHARS))

G_STATIC_ASSERT (WORST_CASE_FILE_SIZE < DORSUM_CHART_MAX_FILE_SIZE);

/* XML 1.0's Char production. */
static inline gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD ||
         (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

/**
 * dorsum_chart_clamp_text:
 * @text: (nullable): text from the user, in any state
 * @max_chars: how many characters to keep at most
 *
 * Makes @text something a chart can hold and write: valid UTF-8, only characters XML 1.0
 * allows (tab, newline and carriage return are kept), at most @max_chars characters, cut
 * between characters.
 *
 * Returns: (transfer full) (nullable): the clamped text, or %NULL if @text is %NULL
 */
char *
dorsum_chart_clamp_text (const char *text,
                         gsize       max_chars)
{
  g_autofree char *valid = NULL;
  GString *out;
  gsize n_chars = 0;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p && n_chars < max_chars; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_xml_char (c))
        continue;

      g_string_append_len (out, p, g_utf8_next_char (p) - p);
      n_chars++;
    }

  return g_string_free (out, FALSE);
}

/**
 * dorsum_chart_date_is_valid:
 * @date: (nullable): a date as the user typed it
 *
 * The one date form a chart keeps, stricter than the schema's xsd:date (which takes time
 * zones and years of five digits or more): exactly YYYY-MM-DD, a day that exists.
 *
 * Returns: %TRUE for %NULL, "" and a valid date
 */
gboolean
dorsum_chart_date_is_valid (const char *date)
{
  guint year = 0, month = 0, day = 0;

  if (date == NULL || date[0] == '\0')
    return TRUE;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (date[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (date[i]))
        return FALSE;
    }
  if (date[10] != '\0')
    return FALSE;

  for (guint i = 0; i < 4; i++)
    year = year * 10 + (guint)(date[i] - '0');
  month = (guint)(date[5] - '0') * 10 + (guint)(date[6] - '0');
  day = (guint)(date[8] - '0') * 10 + (guint)(date[9] - '0');

  /* GLib's calendar is proleptic Gregorian from year 1, as is XML Schema's. */
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 &&
         g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year);
}

/* What data/dorsum-chart.rng says a plan entry's ref is: a library id. */
static gboolean
plan_ref_is_valid (const char *ref)
{
  gsize len = strlen (ref);

  if (len == 0 || len > DORSUM_CHART_MAX_PLAN_REF_CHARS || ref[0] == '-' || ref[len - 1] == '-')
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (ref[i] == '-')
        {
          if (ref[i + 1] == '-')
            return FALSE;
        }
      else if (!g_ascii_islower (ref[i]) && !g_ascii_isdigit (ref[i]))
        return FALSE;
    }

  return TRUE;
}

static char *
node_text (xmlNodePtr node)
{
  xmlChar *text = xmlNodeGetContent (node);
  char *copy = text && text[0] ? g_strdup ((const char *)text) : NULL;

  xmlFree (text);

  return copy;
}

static void
check_length (DorsumProblems *problems,
              const char     *display_name,
              xmlNodePtr      node,
              const char     *text,
              glong           max_chars,
              const char     *what)
{
  glong n_chars;

  if (text == NULL)
    return;

  n_chars = g_utf8_strlen (text, -1);
  if (n_chars > max_chars)
    /* Translators: the first %s says what is too long, such as "the note of this mark" */
    dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_TOO_LARGE, display_name, (guint)xmlGetLineNo (node),
                         _("%s: %ld characters, more than the %ld a chart allows"), what, n_chars, max_chars);
}

/* The limits of dorsum-chart.h, with a message for each, before the schema (which knows
 * most of them but says only "a value is not of the right form"). */
static void
check_limits (xmlNodePtr      root,
              const char     *display_name,
              DorsumProblems *problems)
{
  guint n_marks = 0;
  guint before = problems->count;
  g_autofree char *version = dorsum_xml_prop (root, "version");
  gint64 number = 0;

  /* A newer format is not a broken file: say so, rather than what the schema would. */
  if (version != NULL && g_ascii_string_to_signed (version, 10, 1, G_MAXINT, &number, NULL) &&
      number > DORSUM_CHART_FORMAT_VERSION)
    {
      dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_SCHEMA, display_name, (guint)xmlGetLineNo (root),
                           _("this chart is in format %d, written by a newer version of Dorsum; this version reads formats up to %d"),
                           (int)number, DORSUM_CHART_FORMAT_VERSION);
      return;
    }

  for (xmlNodePtr node = root->children; node; node = node->next)
    {
      /* A few are enough to say what is wrong. */
      if (problems->count - before >= 25)
        break;

      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (xmlStrEqual (node->name, BAD_CAST "client"))
        {
          g_autofree char *initials = dorsum_xml_prop (node, "initials");
          g_autofree char *date = dorsum_xml_prop (node, "date");

          check_length (problems, display_name, node, initials, DORSUM_CHART_MAX_INITIALS_CHARS,
                        _("the client’s initials"));
          if (date != NULL && !dorsum_chart_date_is_valid (date))
            {
              g_autofree char *shown = g_utf8_substring (date, 0, MIN (g_utf8_strlen (date, -1), 32));

              dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_SCHEMA, display_name, (guint)xmlGetLineNo (node),
                                   _("the date “%s” is not a day written as YYYY-MM-DD (such as 2026-03-31)"),
                                   shown);
            }
        }
      else if (xmlStrEqual (node->name, BAD_CAST "notes"))
        {
          g_autofree char *notes = node_text (node);

          check_length (problems, display_name, node, notes, DORSUM_CHART_MAX_NOTES_CHARS,
                        _("the chart’s notes"));
        }
      else if (xmlStrEqual (node->name, BAD_CAST "mark"))
        {
          g_autofree char *note = node_text (node);

          if (++n_marks == DORSUM_CHART_MAX_MARKS + 1)
            dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_TOO_LARGE, display_name,
                                 (guint)xmlGetLineNo (node), _("a chart may hold at most %d marks"),
                                 DORSUM_CHART_MAX_MARKS);
          check_length (problems, display_name, node, note, DORSUM_CHART_MAX_NOTE_CHARS,
                        _("the note of this mark"));
        }
      else if (xmlStrEqual (node->name, BAD_CAST "plan"))
        {
          guint n_entries = 0;

          for (xmlNodePtr entry = node->children; entry; entry = entry->next)
            if (entry->type == XML_ELEMENT_NODE && ++n_entries == DORSUM_CHART_MAX_PLAN_ENTRIES + 1)
              dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_TOO_LARGE, display_name,
                                   (guint)xmlGetLineNo (entry), _("a plan may hold at most %d entries"),
                                   DORSUM_CHART_MAX_PLAN_ENTRIES);
        }
    }
}

static gboolean
is_chart_root (xmlNodePtr root)
{
  return root != NULL && xmlStrEqual (root->name, BAD_CAST "chart") &&
         root->ns != NULL && xmlStrEqual (root->ns->href, BAD_CAST CHART_NS);
}

/* What data/dorsum-chart.rng says a figure id is; anything else is the posterior figure. */
static const char *
figure_intern (const char *figure)
{
  if (figure == NULL || !figure[0] || strlen (figure) > DORSUM_CHART_MAX_FIGURE_CHARS)
    return g_intern_static_string (DORSUM_CHART_DEFAULT_FIGURE);

  for (const char *p = figure; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) ||
          (*p == '-' && p != figure && p[1] != '\0' && p[1] != '-')))
      return g_intern_static_string (DORSUM_CHART_DEFAULT_FIGURE);

  return g_intern_string (figure);
}

const char *
dorsum_mark_get_figure (const DorsumMark *mark)
{
  g_return_val_if_fail (mark != NULL, DORSUM_CHART_DEFAULT_FIGURE);

  return mark->figure ? mark->figure : DORSUM_CHART_DEFAULT_FIGURE;
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
                           _("the file is too large for a chart (more than %d MiB)"),
                           DORSUM_CHART_MAX_FILE_SIZE / (1024 * 1024));
      dorsum_problems_take_error (&problems, error);
      return NULL;
    }

  doc = dorsum_xml_parse (data, size, display_name, &problems);
  if (doc != NULL && is_chart_root (xmlDocGetRootElement (doc)))
    check_limits (xmlDocGetRootElement (doc), display_name, &problems);
  if (doc == NULL || problems.count > 0 ||
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

      /* Empty text is kept as NULL, as the setters keep it. */
      if (xmlStrEqual (node->name, BAD_CAST "client"))
        {
          self->state.initials = dorsum_xml_prop (node, "initials");
          self->state.date = dorsum_xml_prop (node, "date");
          if (self->state.initials && !self->state.initials[0])
            g_clear_pointer (&self->state.initials, g_free);
        }
      else if (xmlStrEqual (node->name, BAD_CAST "notes"))
        {
          self->state.notes = node_text (node);
        }
      else if (xmlStrEqual (node->name, BAD_CAST "mark"))
        {
          g_autofree char *quality = dorsum_xml_prop (node, "quality");
          g_autofree char *figure = dorsum_xml_prop (node, "figure");
          g_autofree char *note = node_text (node);
          DorsumMark mark = { 0, };

          /* check_limits() refused more marks than DORSUM_CHART_MAX_MARKS. */
          g_assert (self->state.marks->len < DORSUM_CHART_MAX_MARKS);

          mark.x = prop_double (node, "x");
          mark.y = prop_double (node, "y");
          mark.radius = prop_double (node, "radius");
          mark.intensity = (int)prop_double (node, "intensity");
          dorsum_quality_from_string (quality, &mark.quality);
          mark.note = note ? g_ref_string_new (note) : NULL;
          mark.figure = figure_intern (figure);
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

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s", path, g_strerror (saved_errno));

  return FALSE;
}

static void
set_too_large_error (GError     **error,
                     const char  *name)
{
  g_set_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_TOO_LARGE,
               _("%s: the file is too large for a chart (more than %d MiB)"),
               name, DORSUM_CHART_MAX_FILE_SIZE / (1024 * 1024));
}

static void
set_not_regular_error (GError     **error,
                       const char  *name,
                       gboolean     is_directory)
{
  g_set_error (error, G_IO_ERROR, is_directory ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
               is_directory ? _("%s is a folder, not a chart; choose a chart file")
                            : _("%s is not a regular file (it is a device, pipe or socket); choose a chart file"),
               name);
}

/* Opened without blocking (a FIFO would wait for a writer), refused unless it is a regular
 * file (/dev/zero never ends), read to at most one byte past the limit. */
static GBytes *
read_local (const char  *path,
            const char  *name,
            GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  gsize capacity;
  struct stat st;
  int fd;

  fd = open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    {
      set_errno_error (error, errno, name);
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      set_errno_error (error, errno, name);
      close (fd);
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      set_not_regular_error (error, name, S_ISDIR (st.st_mode));
      close (fd);
      return NULL;
    }

  if (st.st_size > DORSUM_CHART_MAX_FILE_SIZE)
    {
      set_too_large_error (error, name);
      close (fd);
      return NULL;
    }

  /* The file may have grown since fstat(): read to one byte past the limit, no further. */
  capacity = (gsize)st.st_size + 1;
  data = g_malloc (capacity);
  while (length < DORSUM_CHART_MAX_FILE_SIZE + 1)
    {
      gssize n;

      if (length == capacity)
        {
          capacity = MIN (capacity * 2, DORSUM_CHART_MAX_FILE_SIZE + 1);
          data = g_realloc (data, capacity);
        }

      n = read (fd, data + length, capacity - length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_errno_error (error, errno, name);
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      length += (gsize)n;
    }
  close (fd);

  if (length > DORSUM_CHART_MAX_FILE_SIZE)
    {
      set_too_large_error (error, name);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&data), length);
}

/* A file with no local path: GIO tells its type before it is opened. */
static GBytes *
read_with_gio (GFile       *file,
               const char  *name,
               GError     **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      set_not_regular_error (error, name, g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY);
      return NULL;
    }

  if (g_file_info_get_size (info) > DORSUM_CHART_MAX_FILE_SIZE)
    {
      set_too_large_error (error, name);
      return NULL;
    }

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;

  /* Read to one byte past the limit, no further. */
  for (;;)
    {
      guint8 chunk[16384];
      gsize n;

      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), chunk,
                                    MIN (sizeof chunk, DORSUM_CHART_MAX_FILE_SIZE + 1 - data->len),
                                    &n, NULL, error))
        return NULL;
      if (n == 0)
        break;
      g_byte_array_append (data, chunk, (guint)n);
      if (data->len > DORSUM_CHART_MAX_FILE_SIZE)
        {
          set_too_large_error (error, name);
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * dorsum_chart_new_from_file:
 *
 * Reads only regular files, never more than %DORSUM_CHART_MAX_FILE_SIZE bytes, and never
 * waits on a FIFO or reads a device that does not end.
 *
 * Returns: (transfer full) (nullable): the chart, or %NULL with @error naming the file
 *   (and the line, for a problem in its content)
 */
DorsumChart *
dorsum_chart_new_from_file (GFile   *file,
                            GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  const char *path;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  path = g_file_peek_path (file);

  bytes = path != NULL ? read_local (path, name, error) : read_with_gio (file, name, error);
  if (bytes == NULL)
    return NULL;

  return dorsum_chart_new_from_bytes (bytes, name, error);
}

/* xmlTextWriter reports only running out of memory, which GLib treats as fatal too. */
#define WRITE(call)                                                  \
  G_STMT_START {                                                     \
    if ((call) < 0)                                                  \
      g_error ("libxml2 could not write a chart: out of memory");    \
  } G_STMT_END

/**
 * dorsum_chart_serialize:
 *
 * Written with xmlTextWriter, which escapes what XML needs escaped; the setters have
 * already kept out what XML 1.0 cannot hold at all, so the result always reads back.
 *
 * Returns: (transfer full): the chart as XML, valid against data/dorsum-chart.rng
 */
GBytes *
dorsum_chart_serialize (DorsumChart *self)
{
  xmlBufferPtr buffer;
  xmlTextWriterPtr writer;
  GBytes *bytes;

  g_return_val_if_fail (DORSUM_IS_CHART (self), NULL);

  buffer = xmlBufferCreate ();
  if (buffer == NULL || (writer = xmlNewTextWriterMemory (buffer, 0)) == NULL)
    g_error ("libxml2 could not write a chart: out of memory");

  WRITE (xmlTextWriterSetIndent (writer, 1));
  WRITE (xmlTextWriterSetIndentString (writer, BAD_CAST "  "));
  WRITE (xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL));
  WRITE (xmlTextWriterStartElementNS (writer, NULL, BAD_CAST "chart", BAD_CAST CHART_NS));
  WRITE (xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "version", "%d", DORSUM_CHART_FORMAT_VERSION));

  if (self->state.initials || self->state.date)
    {
      WRITE (xmlTextWriterStartElement (writer, BAD_CAST "client"));
      if (self->state.initials)
        WRITE (xmlTextWriterWriteAttribute (writer, BAD_CAST "initials", BAD_CAST self->state.initials));
      if (self->state.date)
        WRITE (xmlTextWriterWriteAttribute (writer, BAD_CAST "date", BAD_CAST self->state.date));
      WRITE (xmlTextWriterEndElement (writer));
    }

  if (self->state.notes)
    WRITE (xmlTextWriterWriteElement (writer, BAD_CAST "notes", BAD_CAST self->state.notes));

  for (guint i = 0; i < self->state.marks->len; i++)
    {
      const DorsumMark *m = &g_array_index (self->state.marks, DorsumMark, i);
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      WRITE (xmlTextWriterStartElement (writer, BAD_CAST "mark"));
      WRITE (xmlTextWriterWriteAttribute (writer, BAD_CAST "figure", BAD_CAST dorsum_mark_get_figure (m)));
      /* Locale-independent numbers, one decimal: plenty for a finger on a figure. */
      WRITE (xmlTextWriterWriteAttribute (writer, BAD_CAST "x", BAD_CAST g_ascii_formatd (number, sizeof number, "%.1f", m->x)));
      WRITE (xmlTextWriterWriteAttribute (writer, BAD_CAST "y", BAD_CAST g_ascii_formatd (number, sizeof number, "%.1f", m->y)));
      WRITE (xmlTextWriterWriteAttribute (writer, BAD_CAST "radius", BAD_CAST g_ascii_formatd (number, sizeof number, "%.1f", m->radius)));
      WRITE (xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "intensity", "%d", m->intensity));
      WRITE (xmlTextWriterWriteAttribute (writer, BAD_CAST "quality", BAD_CAST quality_names[m->quality]));
      if (m->note)
        WRITE (xmlTextWriterWriteString (writer, BAD_CAST m->note));
      WRITE (xmlTextWriterEndElement (writer));
    }

  if (self->state.plan && self->state.plan[0])
    {
      WRITE (xmlTextWriterStartElement (writer, BAD_CAST "plan"));
      for (guint i = 0; self->state.plan[i]; i++)
        {
          WRITE (xmlTextWriterStartElement (writer, BAD_CAST "entry"));
          WRITE (xmlTextWriterWriteAttribute (writer, BAD_CAST "ref", BAD_CAST self->state.plan[i]));
          WRITE (xmlTextWriterEndElement (writer));
        }
      WRITE (xmlTextWriterEndElement (writer));
    }

  WRITE (xmlTextWriterEndDocument (writer));
  xmlFreeTextWriter (writer);

  bytes = g_bytes_new (xmlBufferContent (buffer), (gsize)xmlBufferLength (buffer));
  xmlBufferFree (buffer);

  return bytes;
}

#undef WRITE

/* A stream over a file descriptor that the save owns and closes itself (GUnixOutputStream
 * would need gio-unix-2.0 for one class). */
typedef struct
{
  GOutputStream parent_instance;
  int           fd;
} FdStream;

typedef struct
{
  GOutputStreamClass parent_class;
} FdStreamClass;

static GType fd_stream_get_type (void);

G_DEFINE_TYPE (FdStream, fd_stream, G_TYPE_OUTPUT_STREAM)

static gssize
fd_stream_write (GOutputStream  *stream,
                 const void     *buffer,
                 gsize           count,
                 GCancellable   *cancellable,
                 GError        **error)
{
  FdStream *self = (FdStream *)stream;
  gssize written;

  do
    written = write (self->fd, buffer, MIN (count, G_MAXSSIZE));
  while (written < 0 && errno == EINTR);

  if (written < 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
    }

  return written;
}

static gboolean
fd_stream_close (GOutputStream  *stream,
                 GCancellable   *cancellable,
                 GError        **error)
{
  return TRUE;
}

static void
fd_stream_class_init (FdStreamClass *klass)
{
  GOutputStreamClass *stream_class = G_OUTPUT_STREAM_CLASS (klass);

  stream_class->write_fn = fd_stream_write;
  stream_class->close_fn = fd_stream_close;
}

static void
fd_stream_init (FdStream *self)
{
  self->fd = -1;
}

/* Temporary files are named so that a user who finds one knows what made it. */
#define TEMP_PREFIX ".dorsum-saving-"

/* Writes @bytes to @fd through the test's wrapper, if any, and makes them durable. */
static gboolean
write_and_sync (int                  fd,
                GBytes              *bytes,
                DorsumStreamWrapper  wrapper,
                gpointer             user_data,
                GError             **error)
{
  g_autoptr(GOutputStream) base = g_object_new (fd_stream_get_type (), NULL);
  g_autoptr(GOutputStream) stream = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  ((FdStream *)base)->fd = fd;
  stream = wrapper ? wrapper (base, user_data) : g_object_ref (base);

  if (!g_output_stream_write_all (stream, data, size, NULL, NULL, error) ||
      !g_output_stream_close (stream, NULL, error))
    return FALSE;

  if (fsync (fd) != 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Gives the unnamed file @fd a name in @dir, to rename over the target. */
static char *
link_unnamed (int         fd,
              const char *dir)
{
#ifdef O_TMPFILE
  g_autofree char *proc_path = g_strdup_printf ("/proc/self/fd/%d", fd);

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = g_strdup_printf (TEMP_PREFIX "%08x", g_random_int ());
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (linkat (AT_FDCWD, proc_path, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0)
        return g_steal_pointer (&path);
      if (errno != EEXIST)
        return NULL;
    }
#endif

  return NULL;
}

static void
sync_directory (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  /* Best effort: some file systems (the document portal's among them) cannot. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Every save, the first one too, writes a new file beside the target, mode 0600, syncs it
 * and renames it over the target: the old file, if any, stays whole until the rename, no
 * backup is left, and a failure removes the new file. The file is first made unnamed
 * (O_TMPFILE) where the file system can, so a killed save leaves nothing behind; the
 * Flatpak document portal cannot, and gets a named temporary file, which it supports. */
static gboolean
save_to_path (const char           *path,
              GBytes               *bytes,
              DorsumStreamWrapper   wrapper,
              gpointer              user_data,
              GError              **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *temp_path = NULL;
  struct stat st;
  int fd = -1;

  /* Replace what a symbolic link points to, not the link. */
  if (lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
    target = realpath (path, NULL);
  if (target == NULL)
    target = g_strdup (path);
  dir = g_path_get_dirname (target);

  if (stat (target, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       _("%s is not a regular file; choose another name"), path);
          return FALSE;
        }

      /* The rename would replace a file the user made read-only; writing in place would not. */
      if (access (target, W_OK) != 0)
        return set_errno_error (error, errno, path);
    }

#ifdef O_TMPFILE
  /* The tests set this to save as on the document portal, which has no O_TMPFILE. */
  if (g_getenv ("DORSUM_TEST_NO_O_TMPFILE") == NULL)
    fd = open (dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  if (fd >= 0)
    {
      if (!write_and_sync (fd, bytes, wrapper, user_data, error))
        {
          close (fd);
          g_prefix_error (error, "%s: ", path);
          return FALSE;
        }

      temp_path = link_unnamed (fd, dir);
      close (fd);
      fd = -1;
    }
#endif

  /* No O_TMPFILE here, or no way to name the file: a named temporary file. */
  if (temp_path == NULL)
    {
      temp_path = g_build_filename (dir, TEMP_PREFIX "XXXXXX", NULL);
      fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0600);
      if (fd < 0)
        return set_errno_error (error, errno, path);

      if (!write_and_sync (fd, bytes, wrapper, user_data, error))
        {
          close (fd);
          g_unlink (temp_path);
          g_prefix_error (error, "%s: ", path);
          return FALSE;
        }

      if (close (fd) != 0)
        {
          int saved_errno = errno;

          g_unlink (temp_path);
          return set_errno_error (error, saved_errno, path);
        }
    }

  if (rename (temp_path, target) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp_path);
      return set_errno_error (error, saved_errno, path);
    }

  sync_directory (dir);

  return TRUE;
}

/* A file with no local path (a GVfs location without FUSE): GIO's own replace, which
 * writes a temporary file and renames it where the backend can. */
static gboolean
save_with_gio (GFile                *file,
               GBytes               *bytes,
               DorsumStreamWrapper   wrapper,
               gpointer              user_data,
               GError              **error)
{
  g_autoptr(GFileOutputStream) replace = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *name = g_file_get_parse_name (file);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  replace = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                            cancellable, error);
  if (replace == NULL)
    return FALSE;

  stream = wrapper ? wrapper (G_OUTPUT_STREAM (replace), user_data) : g_object_ref (G_OUTPUT_STREAM (replace));

  if (!g_output_stream_write_all (stream, data, size, NULL, cancellable, error) ||
      !g_output_stream_flush (stream, cancellable, error))
    {
      /* Closing a cancelled replace drops the temporary file and keeps the old one. */
      g_cancellable_cancel (cancellable);
      g_output_stream_close (G_OUTPUT_STREAM (replace), cancellable, NULL);
      g_prefix_error (error, "%s: ", name);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (replace), NULL, error);
}

gboolean
_dorsum_chart_save_wrapped (DorsumChart          *self,
                            GFile                *file,
                            DorsumStreamWrapper   wrapper,
                            gpointer              user_data,
                            GError              **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  const char *path;

  g_return_val_if_fail (DORSUM_IS_CHART (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = dorsum_chart_serialize (self);
  name = g_file_get_parse_name (file);

  /* The limits make this impossible; if a bug ever breaks them, the user hears it now,
   * with the chart still open, rather than when the file will not open next week. */
  {
    g_autoptr(DorsumChart) check = NULL;
    g_autoptr(GError) check_error = NULL;
    g_autoptr(GBytes) again = NULL;

    check = dorsum_chart_new_from_bytes (bytes, name, &check_error);
    if (check != NULL && !g_bytes_equal (bytes, (again = dorsum_chart_serialize (check))))
      g_set_error_literal (&check_error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_IO,
                           _("it reads back different from what was written"));
    if (check_error != NULL)
      {
        g_set_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_IO,
                     _("%s was not saved: Dorsum would not be able to open it again (%s). "
                       "This is a bug; please report it. The chart is still open."),
                     name, check_error->message);
        return FALSE;
      }
  }

  path = g_file_peek_path (file);
  if (path != NULL ? !save_to_path (path, bytes, wrapper, user_data, error)
                   : !save_with_gio (file, bytes, wrapper, user_data, error))
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

/* NaN would be written as "nan" and -0 as "-0.0"; neither reads back. */
static double
clamp_number (double value,
              double low,
              double high)
{
  if (isnan (value))
    return low;

  return CLAMP (value, low, high) + 0.0;
}

/* Text as the model keeps it: clamped, and NULL rather than empty. */
static char *
clamp_field (const char *text,
             gsize       max_chars)
{
  char *clamped = dorsum_chart_clamp_text (text, max_chars);

  if (clamped != NULL && clamped[0] == '\0')
    g_clear_pointer (&clamped, g_free);

  return clamped;
}

static DorsumMark
mark_sanitize (const DorsumMark *mark)
{
  DorsumMark copy = *mark;
  g_autofree char *note = clamp_field (mark->note, DORSUM_CHART_MAX_NOTE_CHARS);

  copy.x = clamp_number (copy.x, 0, 800);
  copy.y = clamp_number (copy.y, 0, 1200);
  copy.radius = clamp_number (copy.radius, 2, 400);
  copy.intensity = CLAMP (copy.intensity, 0, 10);
  if ((guint)copy.quality >= DORSUM_N_QUALITIES)
    copy.quality = DORSUM_QUALITY_ACHING;
  copy.note = note ? g_ref_string_new (note) : NULL;
  copy.figure = figure_intern (mark->figure);

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
  return dorsum_chart_find_mark_on_figure (self, NULL, x, y);
}

/**
 * dorsum_chart_find_mark_on_figure:
 * @figure: (nullable): only marks on this figure; %NULL for any
 *
 * Returns: the topmost mark of @figure under (@x, @y) in diagram units, or -1
 */
int
dorsum_chart_find_mark_on_figure (DorsumChart *self,
                                  const char  *figure,
                                  double       x,
                                  double       y)
{
  g_return_val_if_fail (DORSUM_IS_CHART (self), -1);

  for (guint i = self->state.marks->len; i > 0; i--)
    {
      const DorsumMark *m = &g_array_index (self->state.marks, DorsumMark, i - 1);

      if (figure != NULL && !g_str_equal (dorsum_mark_get_figure (m), figure))
        continue;
      if (hypot (m->x - x, m->y - y) <= m->radius)
        return (int)i - 1;
    }

  return -1;
}

static void
set_string (DorsumChart  *self,
            char        **field,
            const char   *value,
            gsize         max_chars)
{
  g_autofree char *clamped = clamp_field (value, max_chars);

  if (g_strcmp0 (*field, clamped) == 0)
    return;

  push_undo (self);
  g_free (*field);
  *field = g_steal_pointer (&clamped);
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
  g_return_if_fail (DORSUM_IS_CHART (self));

  /* Initials, not a name: nothing more identifying is kept. */
  set_string (self, &self->state.initials, initials, DORSUM_CHART_MAX_INITIALS_CHARS);
}

const char *
dorsum_chart_get_date (DorsumChart *self)
{
  g_return_val_if_fail (DORSUM_IS_CHART (self), NULL);
  return self->state.date;
}

/**
 * dorsum_chart_set_date:
 * @date: (nullable): YYYY-MM-DD, or %NULL or "" for no date
 *
 * Returns: %FALSE, changing nothing, if @date is not a valid date (see
 *   dorsum_chart_date_is_valid()): a chart never holds a date its file could not keep
 */
gboolean
dorsum_chart_set_date (DorsumChart *self,
                       const char  *date)
{
  g_return_val_if_fail (DORSUM_IS_CHART (self), FALSE);

  if (!dorsum_chart_date_is_valid (date))
    return FALSE;

  set_string (self, &self->state.date, date, 10);

  return TRUE;
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
  set_string (self, &self->state.notes, notes, DORSUM_CHART_MAX_NOTES_CHARS);
}

const char * const *
dorsum_chart_get_plan (DorsumChart *self)
{
  g_return_val_if_fail (DORSUM_IS_CHART (self), NULL);
  return (const char * const *)self->state.plan;
}

/**
 * dorsum_chart_set_plan:
 * @ids: (nullable) (array zero-terminated=1): library ids of the self-care to hand out
 *
 * Keeps the first %DORSUM_CHART_MAX_PLAN_ENTRIES ids that are library ids
 * ([a-z0-9]+(-[a-z0-9]+)*, at most %DORSUM_CHART_MAX_PLAN_REF_CHARS long) and drops the others.
 */
void
dorsum_chart_set_plan (DorsumChart        *self,
                       const char * const *ids)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) plan = NULL;
  guint n_entries = 0;

  g_return_if_fail (DORSUM_IS_CHART (self));

  for (guint i = 0; ids && ids[i] && n_entries < DORSUM_CHART_MAX_PLAN_ENTRIES; i++)
    if (plan_ref_is_valid (ids[i]))
      {
        g_strv_builder_add (builder, ids[i]);
        n_entries++;
      }
  plan = g_strv_builder_end (builder);

  if (g_strv_equal ((const char * const *)plan, (const char * const *)self->state.plan))
    return;

  push_undo (self);
  g_strfreev (self->state.plan);
  self->state.plan = g_steal_pointer (&plan);
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

  /* The path may name the client: private, as the chart is. */
  if (document_path != NULL)
    return g_file_set_contents_full (link_path, document_path, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);

  g_remove (link_path);

  return TRUE;
}

/**
 * dorsum_chart_read_autosave:
 * @document_path: (out) (optional) (nullable): where the chart had been saved, if anywhere
 *
 * The unsaved chart a crash or a kill left behind. One that cannot be read is set aside
 * under another name, never deleted, and @error says where it went.
 *
 * Returns: (transfer full) (nullable): unsaved work left by a crash, marked as modified;
 *   %NULL if there is none or (with @error set) it could not be read
 */
DorsumChart *
dorsum_chart_read_autosave (char   **document_path,
                            GError **error)
{
  g_autofree char *path = dorsum_chart_get_autosave_path ();
  g_autofree char *link_path = g_strconcat (path, ".source", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) local_error = NULL;
  DorsumChart *chart;

  if (document_path != NULL)
    *document_path = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;

  chart = dorsum_chart_new_from_file (file, &local_error);
  if (chart == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      g_autofree char *aside = g_strdup_printf ("%s.unreadable-%s", path, stamp);

      if (g_rename (path, aside) != 0)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("%s It could not be set aside either (%s): it stays at %s."),
                     local_error->message, g_strerror (errno), path);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("%s It was set aside as %s."), local_error->message, aside);
      return NULL;
    }

  if (document_path != NULL && !g_file_get_contents (link_path, document_path, NULL, NULL))
    *document_path = NULL;

  dorsum_chart_set_modified (chart, TRUE);

  return chart;
}

/**
 * dorsum_chart_clear_autosave:
 *
 * Removes every file the autosave made: the chart, where it came from, and what a save
 * killed part-way or an older Dorsum (a `~` backup) left in the autosave's own directory.
 */
void
dorsum_chart_clear_autosave (void)
{
  g_autofree char *path = dorsum_chart_get_autosave_path ();
  g_autofree char *link_path = g_strconcat (path, ".source", NULL);
  g_autofree char *backup_path = g_strconcat (path, "~", NULL);
  g_autofree char *dir_path = g_path_get_dirname (path);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_remove (path);
  g_remove (link_path);
  g_remove (backup_path);

  /* The directory is Dorsum's alone, and saves run on the main thread: no save is under way. */
  dir = g_dir_open (dir_path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, TEMP_PREFIX) ||
        (g_str_has_prefix (name, "unsaved-chart.xml.source.") && strlen (name) == strlen ("unsaved-chart.xml.source.XXXXXX")))
      {
        g_autofree char *stray = g_build_filename (dir_path, name, NULL);

        g_remove (stray);
      }
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
