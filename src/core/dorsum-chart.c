/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pain charts: the model. Reading is dorsum-chart-read.c (through dorsum-xml: no DTD, no
 * entities, schema-checked, within the limits in dorsum-chart.h), writing and the autosave
 * dorsum-chart-write.c (libxml2's xmlTextWriter); the setters keep the model within what
 * the reader accepts. Undo keeps whole snapshots whose
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

#include "dorsum-chart-private.h"
#include "dorsum-library.h"
#include "dorsum-resources.h"
#include "dorsum-xml-private.h"


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
  copy.figure = _dorsum_chart_figure_intern (mark->figure);

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
