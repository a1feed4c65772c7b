/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the client takes home: gathers the chart's marks, muscles, plan and cautions into
 * blocks for the page flow (dorsum-handout-flow.c) once, then draws any page on demand. */

#define G_LOG_DOMAIN "dorsum-handout"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <librsvg/rsvg.h>

#include "dorsum-chart-render.h"
#include "dorsum-chart-compare.h"
#include "dorsum-handout.h"
#include "dorsum-handout-private.h"
#include "dorsum-lookup.h"

#define MARGIN          40.0
#define HEADER_HEIGHT   50.0
#define MM              (72.0 / 25.4)
#define PICTURE_WIDTH   (60 * MM)
#define MAX_MUSCLES     5
#define ILLUSTRATIONS   "/io/github/dorsum/Dorsum/illustrations/"

#define HEADING_COLOR   "#7a1f1a"

typedef struct
{
  DorsumEntry *entry;
  GPtrArray   *for_items;   /* DorsumEntry*: the plan items it is linked from */
} Caution;

/* The text the client reads for an entry: its client text (<client> in the library), or for
 * an entry without one (a content pack's), the fields written for the app. */
typedef struct
{
  const char * const *paragraphs;
  const char         *dose;
  const char         *about;
  const char         *position;
  const char * const *steps;
  const char         *hold;
  const char         *repetitions;
  const char         *frequency;
  const char         *feel;
  const char         *avoid;
  const char         *stop_if;
  const char         *referral;   /* muscles: where their trigger points send pain */
} HandoutText;

struct _DorsumHandout
{
  GObject        parent_instance;

  DorsumLibrary *library;
  DorsumChart   *chart;
  DorsumChart   *earlier;   /* compared with, or NULL */
  char          *therapist;
  char          *practice;
  char          *contact;
  double         page_width;
  double         page_height;

  HandoutFigures *figures;
  GPtrArray     *muscles;     /* DorsumEntry* */
  GPtrArray     *items;       /* DorsumEntry*, or NULL for an id the library lacks */
  GPtrArray     *item_ids;    /* char*, beside items */
  GPtrArray     *pictures;    /* RsvgHandle*, beside items, nullable */
  GPtrArray     *cautions;    /* Caution* */
  GPtrArray     *red_flags;   /* DorsumEntry* */
  HandoutFlow   *flow;
};

G_DEFINE_FINAL_TYPE (DorsumHandout, dorsum_handout, G_TYPE_OBJECT)

static struct
{
  char        *therapist;
  char        *practice;
  char        *contact;
  DorsumPaper  paper;
} defaults;

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
caution_free (Caution *caution)
{
  g_ptr_array_unref (caution->for_items);
  g_free (caution);
}

static void
handout_entry_text (DorsumEntry *entry,
                    HandoutText *text)
{
  memset (text, 0, sizeof *text);
  if (entry == NULL)
    return;

  /* Written for the client: what it is for, the steps, how much, when to stop. Nothing
   * written for the therapist (anatomy words, notes on the drawings) is printed. */
  if (dorsum_entry_has_client_text (entry))
    {
      text->paragraphs = dorsum_entry_get_client_paragraphs (entry);
      text->steps = dorsum_entry_get_client_steps (entry);
      text->dose = dorsum_entry_get_client_dose (entry);
      text->stop_if = dorsum_entry_get_client_stop_if (entry);
      return;
    }

  text->about = dorsum_entry_get_summary (entry);
  text->position = dorsum_entry_lookup_value (entry, "position");
  text->steps = dorsum_entry_lookup_field (entry, "steps");
  text->hold = dorsum_entry_lookup_value (entry, "hold");
  text->repetitions = dorsum_entry_lookup_value (entry, "repetitions");
  text->frequency = dorsum_entry_lookup_value (entry, "frequency");
  text->feel = dorsum_entry_lookup_value (entry, "feel");
  text->avoid = dorsum_entry_lookup_value (entry, "avoid");
  text->stop_if = dorsum_entry_lookup_value (entry, "stop-if");
  if (dorsum_entry_get_n_trigger_points (entry) > 0)
    text->referral = dorsum_entry_get_trigger_point (entry, 0)->referral;
}

/* The picture of an entry's pose, if the app has one; NULL leaves no gap. */
static RsvgHandle *
handout_entry_picture (const char *entry_id)
{
  g_autofree char *path = g_strconcat (ILLUSTRATIONS, entry_id, ".svg", NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  RsvgHandle *handle;
  gsize size;
  const guint8 *data;

  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  handle = rsvg_handle_new_from_data (data, size, &error);
  if (handle == NULL)
    g_debug ("%s: %s", path, error->message);

  return handle;
}

static double
picture_height (RsvgHandle *handle)
{
  double width = 0, height = 0;

  if (!rsvg_handle_get_intrinsic_size_in_pixels (handle, &width, &height))
    {
      gboolean has_viewbox;
      RsvgRectangle viewbox;

      rsvg_handle_get_intrinsic_dimensions (handle, NULL, NULL, NULL, NULL, &has_viewbox, &viewbox);
      if (has_viewbox)
        {
          width = viewbox.width;
          height = viewbox.height;
        }
    }

  if (width <= 0 || height <= 0)
    return PICTURE_WIDTH * 0.75;

  return CLAMP (PICTURE_WIDTH * height / width, 20 * MM, 80 * MM);
}

static void
dorsum_handout_finalize (GObject *object)
{
  DorsumHandout *self = (DorsumHandout *)object;

  g_clear_pointer (&self->flow, handout_flow_free);
  g_clear_object (&self->library);
  g_clear_object (&self->chart);
  g_clear_object (&self->earlier);
  g_free (self->therapist);
  g_free (self->practice);
  g_free (self->contact);
  g_clear_pointer (&self->figures, handout_figures_free);
  g_ptr_array_unref (self->muscles);
  g_ptr_array_unref (self->items);
  g_ptr_array_unref (self->item_ids);
  g_ptr_array_unref (self->pictures);
  g_ptr_array_unref (self->cautions);
  g_ptr_array_unref (self->red_flags);

  G_OBJECT_CLASS (dorsum_handout_parent_class)->finalize (object);
}

static void
dorsum_handout_class_init (DorsumHandoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dorsum_handout_finalize;
}

static void
dorsum_handout_init (DorsumHandout *self)
{
  self->muscles = g_ptr_array_new ();
  self->items = g_ptr_array_new ();
  self->item_ids = g_ptr_array_new_with_free_func (g_free);
  self->pictures = g_ptr_array_new_with_free_func (unref_nullable);
  self->cautions = g_ptr_array_new_with_free_func ((GDestroyNotify)caution_free);
  self->red_flags = g_ptr_array_new ();
}

static void
add_unique (GPtrArray *array,
            gpointer   item)
{
  if (item != NULL && !g_ptr_array_find (array, item, NULL))
    g_ptr_array_add (array, item);
}

static void
gather_plan (DorsumHandout      *self,
             const char * const *plan)
{
  for (guint i = 0; plan && plan[i]; i++)
    {
      DorsumEntry *entry = dorsum_library_lookup (self->library, plan[i]);
      DorsumKind kind = entry ? dorsum_entry_get_kind (entry) : DORSUM_N_KINDS;

      if (kind == DORSUM_KIND_MUSCLE)
        add_unique (self->muscles, entry);
      else if (entry == NULL || kind == DORSUM_KIND_STRETCH || kind == DORSUM_KIND_SELFCARE)
        {
          /* Ids the library lacks still print (by id), so nothing on the plan goes missing. */
          g_ptr_array_add (self->items, entry);
          g_ptr_array_add (self->item_ids, g_strdup (plan[i]));
          g_ptr_array_add (self->pictures, handout_entry_picture (plan[i]));
        }
    }
}

static gboolean
is_caution (DorsumHandout *self,
            DorsumEntry   *entry)
{
  for (guint i = 0; i < self->cautions->len; i++)
    if (((Caution *)g_ptr_array_index (self->cautions, i))->entry == entry)
      return TRUE;

  return FALSE;
}

static void
gather_cautions (DorsumHandout *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      DorsumEntry *item = g_ptr_array_index (self->items, i);

      for (guint j = 0; item && j < dorsum_entry_get_n_links (item); j++)
        {
          const DorsumLink *link = dorsum_entry_get_link (item, j);
          DorsumEntry *target = link->kind == DORSUM_KIND_CONTRAINDICATION ? dorsum_library_lookup (self->library, link->id) : NULL;
          Caution *caution = NULL;

          if (target == NULL)
            continue;
          for (guint k = 0; k < self->cautions->len && caution == NULL; k++)
            if (((Caution *)g_ptr_array_index (self->cautions, k))->entry == target)
              caution = g_ptr_array_index (self->cautions, k);
          if (caution == NULL)
            {
              caution = g_new0 (Caution, 1);
              caution->entry = target;
              caution->for_items = g_ptr_array_new ();
              g_ptr_array_add (self->cautions, caution);
            }
          add_unique (caution->for_items, item);
        }
    }

  /* The red flags of the conditions these muscles take part in. */
  for (guint i = 0; i < self->muscles->len; i++)
    {
      DorsumEntry *muscle = g_ptr_array_index (self->muscles, i);

      for (guint j = 0; j < dorsum_entry_get_n_backlinks (muscle); j++)
        {
          const DorsumLink *back = dorsum_entry_get_backlink (muscle, j);
          DorsumEntry *condition = back->kind == DORSUM_KIND_CONDITION ? dorsum_library_lookup (self->library, back->id) : NULL;

          for (guint k = 0; condition && k < dorsum_entry_get_n_links (condition); k++)
            {
              const DorsumLink *link = dorsum_entry_get_link (condition, k);
              DorsumEntry *flag = link->kind == DORSUM_KIND_CONTRAINDICATION ? dorsum_library_lookup (self->library, link->id) : NULL;

              if (flag && g_strcmp0 (dorsum_entry_get_attribute (flag, "severity"), "red-flag") == 0 &&
                  !is_caution (self, flag))
                add_unique (self->red_flags, flag);
            }
        }
    }
}

static void
draw_picture_cb (cairo_t  *cr,
                 double    x,
                 double    y,
                 double    width,
                 double    height,
                 gpointer  data)
{
  RsvgHandle *handle = data;
  RsvgRectangle viewport = { x, y, width, height };

  rsvg_handle_render_document (handle, cr, &viewport, NULL);
}

static const HandoutStyle title_style = { "Sans Bold 18", 0, 0, 0, 4, TRUE };
static const HandoutStyle heading_style = { "Sans Bold 13", 0, 0, 14, 5, TRUE };
static const HandoutStyle item_title_style = { "Sans Bold 12", 0, 0, 12, 1, TRUE };
static const HandoutStyle subtitle_style = { "Sans Italic 9", 0, 0, 0, 4, TRUE };
static const HandoutStyle body_style = { "Sans 10", 0, 0, 0, 4, FALSE };
static const HandoutStyle lead_style = { "Sans 10", 0, 0, 0, 4, TRUE };
static const HandoutStyle mark_style = { "Sans 10", 14, 0, 3, 1, FALSE };
static const HandoutStyle note_style = { "Sans 9.5", 0, 22, 0, 2, FALSE };
static const HandoutStyle step_style = { "Sans 10", 14, 4, 0, 3, FALSE };
static const HandoutStyle small_style = { "Sans Italic 8.5", 0, 0, 12, 0, FALSE };

static void
add_labelled (HandoutFlow        *flow,
              const char         *label,
              const char         *text,
              const char         *color,
              const HandoutStyle *style)
{
  g_autofree char *markup = NULL;

  if (text == NULL || *text == '\0')
    return;

  markup = g_markup_printf_escaped ("<span foreground=\"%s\"><b>%s</b> %s</span>", color, label, text);
  handout_flow_add_markup (flow, markup, style);
}

static void
add_heading (HandoutFlow *flow,
             const char  *text)
{
  g_autofree char *markup = g_markup_printf_escaped ("<span foreground=\"" HEADING_COLOR "\">%s</span>", text);

  handout_flow_add_markup (flow, markup, &heading_style);
}

static void
layout_marks (DorsumHandout *self)
{
  guint n = dorsum_chart_get_n_marks (self->chart);

  if (n == 0)
    return;

  add_heading (self->flow, _("Where it hurts"));
  for (guint i = 0; i < n; i++)
    {
      const DorsumMark *mark = dorsum_chart_get_mark (self->chart, i);
      g_autofree char *area = handout_figures_describe_area (self->figures, self->library, mark);
      g_autofree char *figure = NULL;
      g_autofree char *markup = NULL;
      g_autofree char *quality = g_utf8_strdown (dorsum_quality_get_title (mark->quality), -1);

      if (handout_figures_get_n (self->figures) > 1)
        /* Translators: which figure a mark is on, after its place: ", back" */
        figure = g_strdup_printf (_(", %s"), handout_figures_get_title (self->figures, dorsum_mark_get_figure (mark)));

      /* Translators: one mark on the handout: its number, its shape, where, how strong (0–10), how it feels */
      markup = g_markup_printf_escaped (_("<b>%u</b> %s  <b>%s</b>%s — pain %d of 10, %s"), i + 1,
                                        dorsum_symbol_get_character (dorsum_quality_get_symbol (mark->quality)),
                                        area, figure ? figure : "", mark->intensity, quality);

      handout_flow_begin_group (self->flow);
      handout_flow_add_markup (self->flow, markup, &mark_style);
      if (mark->note != NULL && *mark->note != '\0')
        handout_flow_add_text (self->flow, mark->note, &note_style);
      handout_flow_end_group (self->flow);
    }
}

static void
layout_muscles (DorsumHandout *self)
{
  add_heading (self->flow, _("Muscles that may be involved"));

  if (self->muscles->len == 0)
    {
      handout_flow_add_text (self->flow, _("None of the muscles in Dorsum's library typically sends pain to the places marked. "
                                           "Your therapist will explain what they found."), &body_style);
      return;
    }

  handout_flow_add_text (self->flow, _("These muscles can cause pain in the places you marked, often from tight, tender spots "
                                       "(“knots”) in them. Your therapist checks which ones are involved."), &lead_style);

  for (guint i = 0; i < self->muscles->len; i++)
    {
      DorsumEntry *muscle = g_ptr_array_index (self->muscles, i);
      g_autofree char *name = g_markup_printf_escaped ("<span foreground=\"" HEADING_COLOR "\">%s</span>",
                                                       dorsum_entry_get_name (muscle));
      HandoutText text;

      handout_entry_text (muscle, &text);
      handout_flow_begin_group (self->flow);
      handout_flow_add_markup (self->flow, name, &item_title_style);
      for (guint p = 0; text.paragraphs && text.paragraphs[p]; p++)
        handout_flow_add_text (self->flow, text.paragraphs[p], &body_style);
      if (text.about)
        handout_flow_add_text (self->flow, text.about, &body_style);
      add_labelled (self->flow, _("Where it can send pain:"), text.referral, "#000000", &body_style);
      handout_flow_end_group (self->flow);
    }
}

static void
layout_item (DorsumHandout *self,
             guint          position)
{
  DorsumEntry *entry = g_ptr_array_index (self->items, position);
  RsvgHandle *picture = g_ptr_array_index (self->pictures, position);
  const char *id = g_ptr_array_index (self->item_ids, position);
  g_autofree char *title = NULL;
  HandoutText text;

  handout_entry_text (entry, &text);
  title = g_markup_printf_escaped ("<span foreground=\"" HEADING_COLOR "\">%u. %s</span>", position + 1,
                                   entry ? dorsum_entry_get_name (entry) : id);

  handout_flow_begin_group (self->flow);
  handout_flow_add_markup (self->flow, title, &item_title_style);
  handout_flow_add_text (self->flow,
                         entry == NULL ? _("Your therapist will show you this one.")
                         : dorsum_entry_get_kind (entry) == DORSUM_KIND_STRETCH ? _("Stretch") : _("Self-care"),
                         &subtitle_style);
  if (picture != NULL)
    handout_flow_add_box (self->flow, PICTURE_WIDTH, picture_height (picture), TRUE, draw_picture_cb, picture);

  for (guint p = 0; text.paragraphs && text.paragraphs[p]; p++)
    handout_flow_add_text (self->flow, text.paragraphs[p], &body_style);
  add_labelled (self->flow, _("Get ready:"), text.position, "#000000", &body_style);
  for (guint s = 0; text.steps && text.steps[s]; s++)
    {
      g_autofree char *step = g_markup_printf_escaped ("<b>%u.</b>  %s", s + 1, text.steps[s]);

      handout_flow_add_markup (self->flow, step, &step_style);
    }
  add_labelled (self->flow, _("How much:"), text.dose, "#000000", &body_style);
  add_labelled (self->flow, _("Hold:"), text.hold, "#000000", &body_style);
  add_labelled (self->flow, _("Repeat:"), text.repetitions, "#000000", &body_style);
  add_labelled (self->flow, _("How often:"), text.frequency, "#000000", &body_style);
  add_labelled (self->flow, _("You should feel:"), text.feel, "#000000", &body_style);
  add_labelled (self->flow, _("Avoid:"), text.avoid, "#000000", &body_style);
  add_labelled (self->flow, _("Stop if:"), text.stop_if, HEADING_COLOR, &body_style);
  handout_flow_end_group (self->flow);
}

static const char *
caution_advice (DorsumEntry *caution)
{
  const char *severity = dorsum_entry_get_attribute (caution, "severity");

  if (g_strcmp0 (severity, "red-flag") == 0)
    return _("see a doctor straight away.");
  if (g_strcmp0 (severity, "absolute") == 0)
    return _("do not do these until it has passed; ask your doctor.");
  if (g_strcmp0 (severity, "local") == 0)
    return _("keep away from the area it affects.");
  return _("ask your doctor or therapist before you start.");
}

static void
layout_cautions (DorsumHandout *self)
{
  if (self->cautions->len == 0 && self->red_flags->len == 0)
    return;

  add_heading (self->flow, _("Take care"));

  if (self->cautions->len > 0)
    handout_flow_add_text (self->flow, _("If one of these applies to you:"), &lead_style);
  for (guint i = 0; i < self->cautions->len; i++)
    {
      Caution *caution = g_ptr_array_index (self->cautions, i);
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *markup = NULL;

      for (guint j = 0; j < caution->for_items->len; j++)
        g_string_append_printf (names, "%s%s", j ? ", " : "", dorsum_entry_get_name (g_ptr_array_index (caution->for_items, j)));

      /* Translators: a caution on the handout: what, what to do, and for which exercises */
      markup = g_markup_printf_escaped (_("•  <b>%s</b>: %s (For: %s.)"), dorsum_entry_get_name (caution->entry),
                                        caution_advice (caution->entry), names->str);
      handout_flow_add_markup (self->flow, markup, &step_style);
    }

  if (self->red_flags->len > 0)
    handout_flow_add_text (self->flow, _("See a doctor straight away, before any exercise or massage, if you have:"), &lead_style);
  for (guint i = 0; i < self->red_flags->len; i++)
    {
      g_autofree char *markup = g_markup_printf_escaped ("•  <b>%s</b>", dorsum_entry_get_name (g_ptr_array_index (self->red_flags, i)));

      handout_flow_add_markup (self->flow, markup, &step_style);
    }
}

static void
layout_document (DorsumHandout *self)
{
  const char *notes = dorsum_chart_get_notes (self->chart);
  DorsumEntry *disclaimer = dorsum_library_lookup (self->library, "disclaimer");
  g_autofree char *full = NULL;
  double content = self->page_height - MARGIN - HEADER_HEIGHT - MARGIN;
  double figures;

  self->flow = handout_flow_new (MARGIN, MARGIN + HEADER_HEIGHT, self->page_width - 2 * MARGIN,
                                 self->page_height - MARGIN);

  handout_flow_add_text (self->flow, _("Your pain chart"), &title_style);
  figures = handout_figures_get_height (self->figures, self->page_width - 2 * MARGIN, content * 0.58);
  handout_flow_add_box (self->flow, self->page_width - 2 * MARGIN, figures, FALSE, handout_figures_draw, self->figures);
  handout_flow_add_space (self->flow, 8);
  handout_flow_add_box (self->flow, self->page_width - 2 * MARGIN, HANDOUT_LEGEND_HEIGHT, FALSE, handout_draw_legend, NULL);

  layout_marks (self);
  /* Progress since an earlier session: each area before → now. */
  if (self->earlier != NULL)
    {
      g_auto(GStrv) lines = dorsum_chart_compare_describe (self->earlier, self->chart, self->library);

      add_heading (self->flow, _("Since your earlier visit"));
      for (guint i = 0; lines && lines[i]; i++)
        {
          g_autofree char *bullet = g_strdup_printf ("•  %s", lines[i]);

          handout_flow_add_text (self->flow, bullet, &body_style);
        }
    }
  if (notes != NULL && *notes != '\0')
    {
      add_heading (self->flow, _("Notes from your session"));
      handout_flow_add_text (self->flow, notes, &body_style);
    }
  layout_muscles (self);

  if (self->items->len > 0)
    {
      add_heading (self->flow, _("Your plan: stretches and self-care"));
      handout_flow_add_text (self->flow, _("Do these as your therapist showed you. Move slowly, breathe, and never push into sharp pain."),
                             &lead_style);
      for (guint i = 0; i < self->items->len; i++)
        layout_item (self, i);
      layout_cautions (self);
    }

  full = g_strdup_printf (_("%s See a doctor at once for numbness in the saddle area, loss of bladder or bowel control, "
                            "or weakness that gets worse in a leg."),
                          disclaimer ? dorsum_entry_get_summary (disclaimer)
                                     : _("This sheet is for education and self-care. It is not medical advice."));
  handout_flow_add_text (self->flow, full, &small_style);
  handout_flow_finish (self->flow);
}

gboolean
dorsum_paper_from_string (const char  *str,
                          DorsumPaper *paper)
{
  if (g_strcmp0 (str, "a4") == 0)
    *paper = DORSUM_PAPER_A4;
  else if (g_strcmp0 (str, "letter") == 0)
    *paper = DORSUM_PAPER_LETTER;
  else
    return FALSE;

  return TRUE;
}

/* In points: A4 is 210 × 297 mm, Letter 8.5 × 11 in. */
void
dorsum_paper_get_size (DorsumPaper  paper,
                       double      *width,
                       double      *height)
{
  *width = paper == DORSUM_PAPER_LETTER ? 612 : 595.28;
  *height = paper == DORSUM_PAPER_LETTER ? 792 : 841.89;
}

void
dorsum_handout_set_default_options (const DorsumHandoutOptions *options)
{
  g_clear_pointer (&defaults.therapist, g_free);
  g_clear_pointer (&defaults.practice, g_free);
  g_clear_pointer (&defaults.contact, g_free);
  defaults.paper = DORSUM_PAPER_A4;

  if (options != NULL)
    {
      defaults.therapist = g_strdup (options->therapist);
      defaults.practice = g_strdup (options->practice);
      defaults.contact = g_strdup (options->contact);
      defaults.paper = options->paper;
    }
}

/**
 * dorsum_handout_new:
 *
 * A handout of the chart's own plan, with the options last given to
 * dorsum_handout_set_default_options() (none: A4, no therapist's details).
 */
DorsumHandout *
dorsum_handout_new (DorsumLibrary *library,
                    DorsumChart   *chart)
{
  DorsumHandoutOptions options;

  dorsum_handout_get_default_options (&options);

  return dorsum_handout_new_with_options (library, chart, &options);
}

/* The strings stay the module's: copy what is kept. */
void
dorsum_handout_get_default_options (DorsumHandoutOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (DorsumHandoutOptions) { defaults.therapist, defaults.practice, defaults.contact, defaults.paper, NULL, NULL };
}

static char *
nonempty_strdup (const char *str)
{
  return str && *str ? g_strdup (str) : NULL;
}

/**
 * dorsum_handout_new_with_options:
 * @options: (nullable): the therapist's details, the paper and a plan to use instead of
 *   the chart's
 *
 * Gathers what the handout shows and lays it out on as many pages as it takes.
 */
DorsumHandout *
dorsum_handout_new_with_options (DorsumLibrary              *library,
                                 DorsumChart                *chart,
                                 const DorsumHandoutOptions *options)
{
  DorsumHandout *self;
  const char * const *plan;

  g_return_val_if_fail (DORSUM_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (DORSUM_IS_CHART (chart), NULL);

  self = g_object_new (DORSUM_TYPE_HANDOUT, NULL);
  self->library = g_object_ref (library);
  self->chart = g_object_ref (chart);
  self->earlier = options && options->earlier ? g_object_ref (options->earlier) : NULL;
  self->therapist = nonempty_strdup (options ? options->therapist : NULL);
  self->practice = nonempty_strdup (options ? options->practice : NULL);
  self->contact = nonempty_strdup (options ? options->contact : NULL);
  dorsum_paper_get_size (options ? options->paper : DORSUM_PAPER_A4, &self->page_width, &self->page_height);

  self->figures = handout_figures_new (chart);
  plan = options && options->plan ? options->plan : dorsum_chart_get_plan (chart);
  gather_plan (self, plan);

  /* The plan's muscles when it names some; otherwise those the lookup ranks first. */
  if (self->muscles->len == 0)
    {
      g_autoptr(GArray) found = dorsum_lookup_muscles (library, chart);

      for (guint i = 0; i < found->len && self->muscles->len < MAX_MUSCLES; i++)
        g_ptr_array_add (self->muscles, g_array_index (found, DorsumLookupResult, i).muscle);
    }

  gather_cautions (self);
  layout_document (self);

  return self;
}

void
dorsum_handout_get_page_size (DorsumHandout *self,
                              double        *width,
                              double        *height)
{
  g_return_if_fail (DORSUM_IS_HANDOUT (self));

  if (width)
    *width = self->page_width;
  if (height)
    *height = self->page_height;
}

guint
dorsum_handout_get_n_pages (DorsumHandout *self)
{
  g_return_val_if_fail (DORSUM_IS_HANDOUT (self), 0);

  return handout_flow_get_n_pages (self->flow);
}

/* "2 December 2026" for the client rather than the file's 2026-12-02. */
static char *
format_date (const char *date)
{
  int year, month, day;
  g_autoptr(GDateTime) when = NULL;
  char *shown = NULL;

  if (sscanf (date, "%4d-%2d-%2d", &year, &month, &day) == 3)
    when = g_date_time_new_utc (year, month, day, 12, 0, 0);
  if (when != NULL)
    /* Translators: the session's date in the handout's header (g_date_time_format()) */
    shown = g_date_time_format (when, C_("handout date", "%-d %B %Y"));

  return shown ? shown : g_strdup (date);
}

static void
draw_header (DorsumHandout *self,
             cairo_t       *cr,
             guint          page)
{
  double width = self->page_width - 2 * MARGIN;
  const char *initials = dorsum_chart_get_initials (self->chart);
  const char *date = dorsum_chart_get_date (self->chart);
  g_autoptr(GString) left = g_string_new (NULL);
  g_autoptr(GString) right = g_string_new (NULL);
  g_autofree char *who = NULL;
  g_autofree char *pages = NULL;

  if (initials && *initials)
    /* Translators: the client's initials in the handout's header */
    who = g_markup_printf_escaped (_("For <b>%s</b>"), initials);
  if (date && *date)
    {
      g_autofree char *shown = format_date (date);
      g_autofree char *escaped = g_markup_escape_text (shown, -1);
      g_autofree char *with_date = g_strconcat (who ? who : "", who ? " · " : "", escaped, NULL);

      g_free (who);
      who = g_steal_pointer (&with_date);
    }
  /* Translators: page numbers in the handout's header */
  pages = g_strdup_printf (_("Page %u of %u"), page + 1, dorsum_handout_get_n_pages (self));
  g_string_append_printf (right, "%s%s%s", who ? who : "", who ? "\n" : "", pages);

  /* The therapist's own text escaped, the bold around the practice kept as markup. */
  {
    if (self->practice)
      {
        g_autofree char *practice = g_markup_escape_text (self->practice, -1);

        g_string_append_printf (left, "<b>%s</b>", practice);
      }
    if (self->therapist)
      {
        g_autofree char *therapist = g_markup_escape_text (self->therapist, -1);

        g_string_append_printf (left, "%s%s", left->len ? "\n" : "", therapist);
      }
    if (self->contact)
      {
        g_autofree char *contact = g_markup_escape_text (self->contact, -1);

        g_string_append_printf (left, "%s%s", left->len ? "\n" : "", contact);
      }
    if (left->len == 0)
      g_string_append (left, _("<b>Your pain chart and self-care plan</b>"));
  }

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  handout_draw_text (cr, left->str, "Sans 9", MARGIN, MARGIN - 6, width * 0.62, PANGO_ALIGN_LEFT, TRUE);
  handout_draw_text (cr, right->str, "Sans 9", MARGIN + width * 0.62, MARGIN - 6, width * 0.38, PANGO_ALIGN_RIGHT, TRUE);

  cairo_rectangle (cr, MARGIN, MARGIN + HEADER_HEIGHT - 10, width, 0.8);
  cairo_fill (cr);
}

/**
 * dorsum_handout_draw_page:
 * @width: the sheet's width in points; a sheet of another size than the handout's paper
 *   gets the page scaled to fit, centred
 */
void
dorsum_handout_draw_page (DorsumHandout *self,
                          cairo_t       *cr,
                          guint          page,
                          double         width,
                          double         height)
{
  double scale;

  g_return_if_fail (DORSUM_IS_HANDOUT (self));
  g_return_if_fail (page < dorsum_handout_get_n_pages (self));

  scale = MIN (width / self->page_width, height / self->page_height);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, (width - self->page_width * scale) / 2, (height - self->page_height * scale) / 2);
  cairo_scale (cr, scale, scale);

  draw_header (self, cr, page);
  handout_flow_draw_page (self->flow, cr, page);

  cairo_restore (cr);
}

gboolean
dorsum_handout_write_pdf (DorsumHandout  *self,
                          const char     *path,
                          GError        **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (DORSUM_IS_HANDOUT (self), FALSE);

  if (!g_str_has_suffix (path, ".pdf"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("%s: a handout is written as a .pdf file"), path);
      return FALSE;
    }

  surface = cairo_pdf_surface_create (path, self->page_width, self->page_height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Your pain chart and self-care plan"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Dorsum");
  cr = cairo_create (surface);
  for (guint page = 0; page < dorsum_handout_get_n_pages (self); page++)
    {
      dorsum_handout_draw_page (self, cr, page, self->page_width, self->page_height);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: could not write the file: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

double
_dorsum_handout_get_page_bottom (DorsumHandout *self,
                                 guint          page)
{
  return handout_flow_get_bottom_on_page (self->flow, page);
}

double
_dorsum_handout_get_content_limit (DorsumHandout *self)
{
  return self->page_height - MARGIN;
}

guint
_dorsum_handout_get_n_figures (DorsumHandout *self)
{
  return handout_figures_get_n (self->figures);
}

guint
_dorsum_handout_get_n_pictures (DorsumHandout *self)
{
  guint n = 0;

  for (guint i = 0; i < self->pictures->len; i++)
    n += g_ptr_array_index (self->pictures, i) != NULL;

  return n;
}
