/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Builds the page from the entry's fields in a fixed reading order per kind. Safety comes
 * first on technique and condition pages: contraindications and red flags sit above the steps. */

#define G_LOG_DOMAIN "dorsum-entry-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dorsum-a11y.h"
#include "dorsum-entry-page.h"
#include "dorsum-illustration-view.h"
#include "dorsum-illustration.h"

/* Widgets (headings, paragraphs, groups) laid out in a page's first frame. */
#define FIRST_SCREEN 12

struct _DorsumEntryPage
{
  GtkWidget        parent_instance;

  GtkWidget       *scroller;
  GtkBox          *box;
  DorsumEntry     *entry;
  GPtrArray       *pending;     /* groups whose rows are still to be added */
  GPtrArray       *hidden;      /* widgets below the first screen, shown after the first frame */
  guint            fill_idle;
  GPtrArray       *old_boxes;   /* previous pages' widgets, hidden until they are released */
  guint            release_idle;
  gboolean         shown[DORSUM_N_KINDS][2];  /* kinds of links shown, [1] for red flags */
  GtkWidget       *progress;    /* the student's progress on this muscle, hidden until known */
};

G_DEFINE_FINAL_TYPE (DorsumEntryPage, dorsum_entry_page, GTK_TYPE_WIDGET)

/* The column of text inside the page's scroller, centred and at most MAX_COLUMN_WIDTH wide.
 * GtkScrolledWindow measures its child without a width, and on every change GTK measures
 * the whole window that way for its minimum size: for wrapped paragraphs that means laying
 * each one out unwrapped and broken at every word, which took longer than the frame that
 * shows the page. The column asks for no width and for no height until it is given a
 * width, so its text is laid out once, for the width it gets. */
#define MAX_COLUMN_WIDTH 720
#define DORSUM_TYPE_PAGE_COLUMN (dorsum_page_column_get_type ())
G_DECLARE_FINAL_TYPE (DorsumPageColumn, dorsum_page_column, DORSUM, PAGE_COLUMN, GtkWidget)

struct _DorsumPageColumn
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (DorsumPageColumn, dorsum_page_column, GTK_TYPE_WIDGET)

static GtkSizeRequestMode
dorsum_page_column_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
dorsum_page_column_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  *minimum = *natural = 0;
  if (child != NULL && orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0)
    gtk_widget_measure (child, orientation, MIN (for_size, MAX_COLUMN_WIDTH), minimum, natural, NULL, NULL);
}

static void
dorsum_page_column_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);
  int child_width = MIN (width, MAX_COLUMN_WIDTH);

  if (child != NULL)
    gtk_widget_size_allocate (child,
                              &(GtkAllocation) { (width - child_width) / 2, 0, child_width, height },
                              -1);
}

static void
dorsum_page_column_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dorsum_page_column_parent_class)->dispose (object);
}

static void
dorsum_page_column_class_init (DorsumPageColumnClass *klass)
{
  GTK_WIDGET_CLASS (klass)->get_request_mode = dorsum_page_column_get_request_mode;
  GTK_WIDGET_CLASS (klass)->measure = dorsum_page_column_measure;
  GTK_WIDGET_CLASS (klass)->size_allocate = dorsum_page_column_size_allocate;
  G_OBJECT_CLASS (klass)->dispose = dorsum_page_column_dispose;
}

static void
dorsum_page_column_init (DorsumPageColumn *self)
{
}

enum {
  LINK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum {
  STYLE_PARAGRAPHS,
  STYLE_BULLETS,
  STYLE_NUMBERED,
} Style;

typedef struct
{
  const char *key;
  Style       style;
} Section;

static const Section muscle_sections[] = {
  { "origin", STYLE_PARAGRAPHS },
  { "insertion", STYLE_PARAGRAPHS },
  { "action", STYLE_BULLETS },
  { "innervation", STYLE_PARAGRAPHS },
  { "palpation", STYLE_PARAGRAPHS },
  { "overload", STYLE_BULLETS },
  { NULL },
};

static const Section technique_sections[] = {
  { "principle", STYLE_PARAGRAPHS },
  { "indications", STYLE_BULLETS },
  { "steps", STYLE_NUMBERED },
  { "pressure", STYLE_PARAGRAPHS },
  { "tempo", STYLE_PARAGRAPHS },
  { "duration", STYLE_PARAGRAPHS },
  { "feel", STYLE_PARAGRAPHS },
  { "too-much", STYLE_PARAGRAPHS },
  { "cautions", STYLE_PARAGRAPHS },
  { "aftercare", STYLE_PARAGRAPHS },
  { NULL },
};

static const Section exercise_sections[] = {
  { "equipment", STYLE_BULLETS },
  { "position", STYLE_PARAGRAPHS },
  { "steps", STYLE_NUMBERED },
  { "hold", STYLE_PARAGRAPHS },
  { "repetitions", STYLE_PARAGRAPHS },
  { "frequency", STYLE_PARAGRAPHS },
  { "feel", STYLE_PARAGRAPHS },
  { "avoid", STYLE_PARAGRAPHS },
  { "stop-if", STYLE_PARAGRAPHS },
  { "limitations", STYLE_PARAGRAPHS },
  { NULL },
};

static const Section contraindication_sections[] = {
  { "action-to-take", STYLE_PARAGRAPHS },
  { NULL },
};

static const Section condition_sections[] = {
  { "description", STYLE_PARAGRAPHS },
  { "plan", STYLE_NUMBERED },
  { "combine-with", STYLE_BULLETS },
  { "prevention", STYLE_BULLETS },
  { NULL },
};

static const Section article_sections[] = {
  { "text", STYLE_PARAGRAPHS },
  { NULL },
};

/* A word longer than this might not fit a phone-wide page (at 10 pt, about 200 px). */
#define LONG_WORD 24

static gboolean
has_long_word (const char *text)
{
  guint run = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      run = g_unichar_isspace (g_utf8_get_char (p)) ? 0 : run + 1;
      if (run > LONG_WORD)
        return TRUE;
    }

  return FALSE;
}

static GtkWidget *
add_label_with_role (DorsumEntryPage   *self,
                     const char        *text,
                     const char        *css_class,
                     GtkAccessibleRole  role)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", text, "accessible-role", role, NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* GTK measures a label's minimum width by laying it out as narrow as it will break.
   * Allowed to break anywhere, that is a character per line, which cost about 5 ms per
   * thousand characters each time a page opened; so break between words, and anywhere
   * only in text with a word too long for a narrow page. */
  gtk_label_set_wrap_mode (GTK_LABEL (label), has_long_word (text) ? PANGO_WRAP_WORD_CHAR : PANGO_WRAP_WORD);
  /* The title's few words are large: at 200 % text one of them can be wider than the page,
   * so it may break inside a word rather than run off the edge (a short text: cheap). */
  if (g_strcmp0 (css_class, "title-1") == 0)
    gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  /* Selectable with the mouse, but Tab goes from link to link, not through every paragraph.
   * Not focusable is not enough: GTK 4.8's label answers Tab as if it took focus when it
   * cannot, so Tab stopped at the control before the page and never reached its links. */
  gtk_widget_set_focusable (label, FALSE);
  gtk_widget_set_can_focus (label, FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (self->box, label);

  return label;
}

static GtkWidget *
add_label (DorsumEntryPage *self,
           const char      *text,
           const char      *css_class)
{
  return add_label_with_role (self, text, css_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
add_heading (DorsumEntryPage *self,
             const char      *title)
{
  GtkWidget *heading = add_label_with_role (self, title, "heading", GTK_ACCESSIBLE_ROLE_HEADING);

  gtk_label_set_selectable (GTK_LABEL (heading), FALSE);
  gtk_widget_set_margin_top (heading, 18);
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
}

static char *
field_value (DorsumEntry *entry,
             const char  *key,
             const char  *value)
{
  if (g_str_equal (key, "pressure"))
    /* Translators: pressure on a 0–10 scale, then how it feels */
    return g_strdup_printf (_("%s to %s out of 10. %s"),
                            dorsum_entry_get_attribute (entry, "pressure-min"),
                            dorsum_entry_get_attribute (entry, "pressure-max"), value);

  return g_strdup (value);
}

static void
add_section (DorsumEntryPage *self,
             DorsumEntry     *entry,
             const Section   *section)
{
  const char * const *values = dorsum_entry_lookup_field (entry, section->key);
  GString *text;

  if (values == NULL)
    return;

  add_heading (self, dorsum_field_get_title (section->key));

  /* One label per section, not one per line: fewer widgets to build and lay out. */
  text = g_string_new (NULL);
  for (guint i = 0; values[i]; i++)
    {
      g_autofree char *value = field_value (entry, section->key, values[i]);

      if (i > 0)
        g_string_append (text, section->style == STYLE_PARAGRAPHS ? "\n\n" : "\n");

      switch (section->style)
        {
        case STYLE_BULLETS:
          g_string_append_printf (text, "•  %s", value);
          break;

        case STYLE_NUMBERED:
          /* Translators: a numbered step, e.g. "3.  Press until the muscle softens." */
          g_string_append_printf (text, _("%u.  %s"), i + 1, value);
          break;

        case STYLE_PARAGRAPHS:
        default:
          g_string_append (text, value);
          break;
        }
    }

  add_label (self, text->str, NULL);
  g_string_free (text, TRUE);

  if (g_str_equal (section->key, "innervation"))
    {
      const char *roots = dorsum_entry_get_attribute (entry, "innervation-roots");

      if (roots != NULL && !g_str_equal (roots, "none"))
        {
          /* Translators: the spinal segments of a nerve supply, e.g. "Spinal roots: C6-C8" */
          g_autofree char *roots_text = g_strdup_printf (_("Spinal roots: %s"), roots);

          add_label (self, roots_text, "secondary-text");
        }
    }
}

static void
row_activated_cb (DorsumEntryPage *self,
                  AdwActionRow    *row)
{
  g_signal_emit (self, signals[LINK_ACTIVATED], 0, g_object_get_data (G_OBJECT (row), "entry-id"));
}

static void
fill_link_group (DorsumEntryPage *self,
                 GtkWidget       *group,
                 GPtrArray       *targets)
{
  for (guint i = 0; i < targets->len; i++)
    {
      DorsumEntry *target = g_ptr_array_index (targets, i);
      const char *severity = dorsum_entry_get_attribute (target, "severity");
      const char *subtitle = dorsum_entry_get_latin (target);
      g_autofree char *tooltip = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (severity != NULL)
        subtitle = g_str_equal (severity, "red-flag") ? _("Red flag: see a doctor first")
                 : g_str_equal (severity, "absolute") ? _("Do not massage")
                 : g_str_equal (severity, "local") ? _("Avoid the area")
                 : _("Needs care or medical clearance");
      else if (subtitle == NULL)
        subtitle = dorsum_entry_get_summary (target);

      /* One line each (wrapping rows cost most of a page's layout); the tooltip has it all. */
      tooltip = g_strdup_printf ("%s\n%s", dorsum_entry_get_name (target), subtitle ? subtitle : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dorsum_entry_get_name (target));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : "");
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
      gtk_widget_set_tooltip_text (row, tooltip);
      /* The arrow only says the row opens something: not read out ("GtkImage"). */
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), g_object_new (GTK_TYPE_IMAGE, "icon-name", "go-next-symbolic",
                                                                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "entry-id", g_strdup (dorsum_entry_get_id (target)), g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static gboolean
fill_pending_cb (gpointer data)
{
  DorsumEntryPage *self = data;

  self->fill_idle = 0;

  for (guint i = 0; i < self->pending->len; i++)
    {
      GtkWidget *group = g_ptr_array_index (self->pending, i);

      fill_link_group (self, group, g_object_get_data (G_OBJECT (group), "targets"));
    }
  g_ptr_array_set_size (self->pending, 0);

  for (guint i = 0; i < self->hidden->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->hidden, i), TRUE);
  g_ptr_array_set_size (self->hidden, 0);

  return G_SOURCE_REMOVE;
}

/* A group of link rows; entries may come from the entry's links or from backlinks. The
 * heading goes in now, the rows once the page's first frame is out, so a page opens fast. */
static GtkWidget *
add_link_group (DorsumEntryPage *self,
                const char      *title,
                GPtrArray       *targets,
                const char      *css_class)
{
  GtkWidget *group;

  if (targets->len == 0)
    return NULL;

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  dorsum_a11y_name_group_list (ADW_PREFERENCES_GROUP (group));
  gtk_widget_set_margin_top (group, 18);
  if (css_class)
    gtk_widget_add_css_class (group, css_class);

  g_object_set_data_full (G_OBJECT (group), "targets", g_ptr_array_ref (targets), (GDestroyNotify)g_ptr_array_unref);
  g_ptr_array_add (self->pending, group);
  if (self->fill_idle == 0)
    self->fill_idle = g_idle_add_full (G_PRIORITY_LOW, fill_pending_cb, self, NULL);

  gtk_box_append (self->box, group);

  return group;
}

/* Which related entries a link group shows: contraindications split into red flags and the rest. */
typedef enum {
  ANY_SEVERITY,
  NOT_RED_FLAG,
  RED_FLAG,
} Severity;

static gboolean
is_red_flag (DorsumEntry *entry)
{
  return g_strcmp0 (dorsum_entry_get_attribute (entry, "severity"), "red-flag") == 0;
}

/* A group of the entries related to @entry (its links and the entries that link to it, one
 * model, see dorsum_library_get_related()), and a note that the page shows them. */
static void
add_links (DorsumEntryPage *self,
           DorsumLibrary   *library,
           DorsumEntry     *entry,
           DorsumKind       kind,
           const char      *title,
           Severity         severity,
           const char      *css_class)
{
  g_autoptr(GPtrArray) related = dorsum_library_get_related (library, entry, kind);
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();

  for (guint i = 0; i < related->len; i++)
    {
      DorsumEntry *target = g_ptr_array_index (related, i);

      if (severity == ANY_SEVERITY || (severity == RED_FLAG) == is_red_flag (target))
        g_ptr_array_add (targets, target);
    }

  if (severity != RED_FLAG)
    self->shown[kind][0] = TRUE;
  if (severity != NOT_RED_FLAG)
    self->shown[kind][1] = TRUE;

  add_link_group (self, title, targets, css_class);
}

/* Whatever is related and has no group of its own on this kind of page still gets one,
 * so every link can be followed back from the page it points to. */
static void
add_other_links (DorsumEntryPage *self,
                 DorsumLibrary   *library,
                 DorsumEntry     *entry)
{
  for (guint k = 0; k < DORSUM_N_KINDS; k++)
    {
      if (k == DORSUM_KIND_CONTRAINDICATION)
        {
          if (!self->shown[k][1])
            add_links (self, library, entry, k, _("Red Flags"), RED_FLAG, "safety");
          if (!self->shown[k][0])
            add_links (self, library, entry, k, dorsum_kind_get_title (k), NOT_RED_FLAG, NULL);
        }
      else if (!self->shown[k][0])
        add_links (self, library, entry, k, dorsum_kind_get_title (k), ANY_SEVERITY, NULL);
    }
}

static void
add_trigger_points (DorsumEntryPage *self,
                    DorsumEntry     *entry)
{
  GtkWidget *button;

  if (dorsum_entry_get_n_trigger_points (entry) == 0)
    return;

  add_heading (self, _("Trigger Points"));

  button = gtk_toggle_button_new_with_mnemonic (_("Show _Referral Chart on the Diagram"));
  /* GTK 4.8 would read the label out with its mnemonic underscore. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Show Referral Chart on the Diagram"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "diagram.trigger-points");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "pill");
  /* The column gives its children no more than the page's width (300 px on a phone); the
   * label wraps so the button is never wider than that (GTK 4.18 warns when it would be). */
  gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), TRUE);
  gtk_label_set_justify (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), GTK_JUSTIFY_CENTER);
  gtk_box_append (self->box, button);

  for (guint i = 0; i < dorsum_entry_get_n_trigger_points (entry); i++)
    {
      const DorsumTriggerPoint *tp = dorsum_entry_get_trigger_point (entry, i);
      /* Translators: %u counts the muscle's trigger points from 1 */
      g_autofree char *title = g_strdup_printf (_("Trigger point %u"), i + 1);
      g_autofree char *referral = g_strdup_printf (_("Refers pain: %s"), tp->referral);
      GtkWidget *label = add_label_with_role (self, title, "caption-heading", GTK_ACCESSIBLE_ROLE_HEADING);

      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);

      gtk_widget_set_margin_top (label, 6);
      add_label (self, tp->location, NULL);
      add_label (self, referral, "secondary-text");
      if (tp->drawing_note != NULL)
        {
          /* Translators: how a referral zone is drawn on the atlas, e.g. where the figure ends */
          g_autofree char *note = g_strdup_printf (_("On the figure: %s"), tp->drawing_note);
          GtkWidget *note_label = add_label (self, note, "caption");

          gtk_widget_add_css_class (note_label, "dim-label");
        }
    }
}

/* What the client reads, word for word as the handout prints it, so the therapist
 * knows what they are handing over. */
static void
add_client_text (DorsumEntryPage *self,
                 DorsumEntry     *entry)
{
  g_autofree char *text = dorsum_entry_dup_client_text (entry);
  GtkWidget *label;

  if (text == NULL)
    return;

  add_heading (self, _("For Your Client"));
  label = add_label (self, text, NULL);
  gtk_widget_add_css_class (label, "client-text");
}

static void
add_sources (DorsumEntryPage *self,
             DorsumEntry     *entry)
{
  const char * const *sources = dorsum_entry_lookup_field (entry, "sources");
  g_autofree char *joined = NULL;
  GtkWidget *label;

  if (sources == NULL)
    return;

  add_heading (self, dorsum_field_get_title ("sources"));
  joined = g_strjoinv ("\n", (char **)sources);
  label = add_label (self, joined, "caption");
  gtk_widget_add_css_class (label, "secondary-text");
}

static void
add_header (DorsumEntryPage *self,
            DorsumEntry     *entry)
{
  const char * const *aliases = dorsum_entry_get_aliases (entry);
  const char *latin = dorsum_entry_get_latin (entry);
  const char *severity = dorsum_entry_get_attribute (entry, "severity");
  GtkWidget *title = add_label_with_role (self, dorsum_entry_get_name (entry), "title-1", GTK_ACCESSIBLE_ROLE_HEADING);

  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);

  if (latin != NULL)
    add_label (self, latin, "secondary-text");

  if (aliases[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **)aliases);
      /* Translators: other names of the entry, comma-separated */
      g_autofree char *text = g_strdup_printf (_("Also called: %s"), joined);

      add_label (self, text, "secondary-text");
    }

  /* Filled in by dorsum_entry_page_set_study_progress() once the progress file is open. */
  self->progress = add_label (self, "", "accent");
  gtk_widget_set_visible (self->progress, FALSE);

  if (severity != NULL)
    {
      const char *text = g_str_equal (severity, "red-flag") ? _("Red flag — do not massage; see a doctor first")
                       : g_str_equal (severity, "absolute") ? _("Absolute contraindication — do not massage")
                       : g_str_equal (severity, "local") ? _("Local contraindication — avoid the area")
                       : _("Relative contraindication — adapt, or get medical clearance first");
      GtkWidget *badge = add_label (self, text, "heading");

      gtk_widget_add_css_class (badge, g_str_equal (severity, "relative") ? "warning" : "error");
    }

  if (dorsum_entry_get_summary (entry))
    {
      GtkWidget *summary = add_label (self, dorsum_entry_get_summary (entry), "body");

      gtk_widget_add_css_class (summary, "summary");
      gtk_widget_set_margin_top (summary, 12);
    }
}

/* The picture of a stretch or self-care routine, under its summary: at most its drawn size
 * (a larger one tells no more and pushes the steps down), smaller in a narrow column. The
 * drawing is made for a light page (it prints too), so it sits on a light card in the dark
 * style as well (style.css). */
static void
add_illustration (DorsumEntryPage *self,
                  DorsumEntry     *entry)
{
  const char *id = dorsum_entry_get_id (entry);
  GtkWidget *view;

  if (!dorsum_library_has_illustration (id))
    return;

  view = dorsum_illustration_view_new (id);
  gtk_widget_set_halign (view, GTK_ALIGN_START);
  gtk_widget_set_margin_top (view, 12);
  gtk_widget_set_margin_bottom (view, 6);
  gtk_box_append (self->box, view);
  /* Drawing the picture takes longer than laying out the page's first screen of text: it
   * comes in the frame after, with the rest of the page. */
  gtk_widget_set_visible (view, FALSE);
  g_ptr_array_add (self->hidden, view);
}

static void
add_sections (DorsumEntryPage *self,
              DorsumEntry     *entry,
              const Section   *sections)
{
  for (guint i = 0; sections[i].key; i++)
    add_section (self, entry, &sections[i]);
}

static void
build (DorsumEntryPage *self,
       DorsumLibrary   *library,
       DorsumEntry     *entry)
{
  memset (self->shown, 0, sizeof self->shown);
  add_header (self, entry);

  switch (dorsum_entry_get_kind (entry))
    {
    case DORSUM_KIND_MUSCLE:
      add_sections (self, entry, muscle_sections);
      add_trigger_points (self, entry);
      add_client_text (self, entry);
      add_links (self, library, entry, DORSUM_KIND_TECHNIQUE, _("Techniques"), ANY_SEVERITY, NULL);
      add_links (self, library, entry, DORSUM_KIND_STRETCH, _("Stretches"), ANY_SEVERITY, NULL);
      add_links (self, library, entry, DORSUM_KIND_SELFCARE, _("Self-Massage"), ANY_SEVERITY, NULL);
      add_links (self, library, entry, DORSUM_KIND_CONDITION, _("Often Involved In"), ANY_SEVERITY, NULL);
      break;

    case DORSUM_KIND_TECHNIQUE:
      /* Safety before the steps. */
      add_links (self, library, entry, DORSUM_KIND_CONTRAINDICATION, _("Contraindications — Check First"),
                 NOT_RED_FLAG, "safety");
      add_links (self, library, entry, DORSUM_KIND_CONTRAINDICATION, _("Red Flags — See a Doctor First"),
                 RED_FLAG, "safety");
      add_sections (self, entry, technique_sections);
      add_links (self, library, entry, DORSUM_KIND_MUSCLE, _("Used On"), ANY_SEVERITY, NULL);
      add_links (self, library, entry, DORSUM_KIND_CONDITION, _("Used For"), ANY_SEVERITY, NULL);
      {
        g_auto(GStrv) parts = dorsum_library_expand_parts (library, dorsum_entry_get_id (entry));
        g_autoptr(GPtrArray) strokes = g_ptr_array_new ();

        /* The first id is the technique itself; the rest are its strokes. */
        for (guint k = 1; parts[k]; k++)
          g_ptr_array_add (strokes, dorsum_library_lookup (library, parts[k]));
        add_link_group (self, _("Strokes"), strokes, NULL);
      }
      break;

    case DORSUM_KIND_STRETCH:
    case DORSUM_KIND_SELFCARE:
      add_illustration (self, entry);
      add_links (self, library, entry, DORSUM_KIND_CONTRAINDICATION, _("Cautions — Check First"),
                 NOT_RED_FLAG, "safety");
      add_sections (self, entry, exercise_sections);
      add_client_text (self, entry);
      add_links (self, library, entry, DORSUM_KIND_MUSCLE, _("Target Muscles"), ANY_SEVERITY, NULL);
      add_links (self, library, entry, DORSUM_KIND_CONDITION, _("Used For"), ANY_SEVERITY, NULL);
      break;

    case DORSUM_KIND_CONDITION:
      add_links (self, library, entry, DORSUM_KIND_CONTRAINDICATION, _("Red Flags — See a Doctor First"),
                 RED_FLAG, "safety");
      add_sections (self, entry, condition_sections);
      add_links (self, library, entry, DORSUM_KIND_MUSCLE, _("Likely Muscles"), ANY_SEVERITY, NULL);
      add_links (self, library, entry, DORSUM_KIND_TECHNIQUE, _("Techniques"), ANY_SEVERITY, NULL);
      add_links (self, library, entry, DORSUM_KIND_STRETCH, _("Stretches"), ANY_SEVERITY, NULL);
      add_links (self, library, entry, DORSUM_KIND_SELFCARE, _("Self-Massage"), ANY_SEVERITY, NULL);
      add_links (self, library, entry, DORSUM_KIND_CONTRAINDICATION, _("Cautions"), NOT_RED_FLAG, NULL);
      break;

    case DORSUM_KIND_CONTRAINDICATION:
      add_sections (self, entry, contraindication_sections);
      add_links (self, library, entry, DORSUM_KIND_TECHNIQUE, _("Applies to Techniques"), ANY_SEVERITY, NULL);
      add_links (self, library, entry, DORSUM_KIND_STRETCH, _("Applies to Stretches"), ANY_SEVERITY, NULL);
      add_links (self, library, entry, DORSUM_KIND_SELFCARE, _("Applies to Self-Massage"), ANY_SEVERITY, NULL);
      add_links (self, library, entry, DORSUM_KIND_CONDITION, _("Watch For It In"), ANY_SEVERITY, NULL);
      break;

    case DORSUM_KIND_ARTICLE:
      add_sections (self, entry, article_sections);
      break;

    case DORSUM_N_KINDS:
    default:
      g_assert_not_reached ();
    }

  add_other_links (self, library, entry);
  add_sources (self, entry);
}

/* A page's column of widgets, first in the page's column. */
static GtkBox *
new_box (GtkWidget *column)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_insert_after (box, column, NULL);

  return GTK_BOX (box);
}

static void
release_box (GtkWidget *box)
{
  if (gtk_widget_get_parent (box) != NULL)
    gtk_widget_unparent (box);
  g_object_unref (box);
}

static gboolean
release_old_boxes_cb (gpointer data)
{
  DorsumEntryPage *self = data;

  self->release_idle = 0;
  g_ptr_array_set_size (self->old_boxes, 0);

  return G_SOURCE_REMOVE;
}

static void
dorsum_entry_page_dispose (GObject *object)
{
  DorsumEntryPage *self = (DorsumEntryPage *)object;

  g_clear_handle_id (&self->fill_idle, g_source_remove);
  g_clear_handle_id (&self->release_idle, g_source_remove);
  g_clear_pointer (&self->old_boxes, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->hidden, g_ptr_array_unref);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->entry);

  G_OBJECT_CLASS (dorsum_entry_page_parent_class)->dispose (object);
}

static void
dorsum_entry_page_class_init (DorsumEntryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dorsum_entry_page_dispose;

  /**
   * DorsumEntryPage::link-activated:
   * @id: the entry to open
   */
  signals[LINK_ACTIVATED] =
    g_signal_new ("link-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "entrypage");
}

static void
dorsum_entry_page_init (DorsumEntryPage *self)
{
  GtkWidget *column = g_object_new (DORSUM_TYPE_PAGE_COLUMN, NULL);

  self->pending = g_ptr_array_new ();
  self->hidden = g_ptr_array_new ();

  self->old_boxes = g_ptr_array_new_with_free_func ((GDestroyNotify)release_box);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), column);
  self->box = new_box (column);
}

GtkWidget *
dorsum_entry_page_new (void)
{
  return g_object_new (DORSUM_TYPE_ENTRY_PAGE, NULL);
}

DorsumEntry *
dorsum_entry_page_get_entry (DorsumEntryPage *self)
{
  g_return_val_if_fail (DORSUM_IS_ENTRY_PAGE (self), NULL);

  return self->entry;
}

void
dorsum_entry_page_set_entry (DorsumEntryPage *self,
                             DorsumLibrary   *library,
                             DorsumEntry     *entry)
{
  GtkWidget *child;
  GtkAdjustment *adjustment;

  g_return_if_fail (DORSUM_IS_ENTRY_PAGE (self));
  g_return_if_fail (DORSUM_IS_LIBRARY (library));
  g_return_if_fail (DORSUM_IS_ENTRY (entry));

  g_set_object (&self->entry, entry);

  g_ptr_array_set_size (self->pending, 0);
  g_ptr_array_set_size (self->hidden, 0);

  /* Taking the previous page's widgets down took as long as building the new ones: they
   * are hidden now and released after the new page's frame. */
  gtk_widget_set_visible (GTK_WIDGET (self->box), FALSE);
  g_ptr_array_add (self->old_boxes, g_object_ref (self->box));
  self->box = new_box (gtk_widget_get_parent (GTK_WIDGET (self->box)));
  if (self->release_idle == 0)
    self->release_idle = g_idle_add_full (G_PRIORITY_LOW, release_old_boxes_cb, self, NULL);

  build (self, library, entry);

  /* What is below the first screenful waits for the next frame: hidden widgets cost no layout. */
  {
    guint n = 0;

    for (child = gtk_widget_get_first_child (GTK_WIDGET (self->box)); child; child = gtk_widget_get_next_sibling (child))
      if (++n > FIRST_SCREEN)
        {
          gtk_widget_set_visible (child, FALSE);
          g_ptr_array_add (self->hidden, child);
        }

    if (self->hidden->len > 0 && self->fill_idle == 0)
      self->fill_idle = g_idle_add_full (G_PRIORITY_LOW, fill_pending_cb, self, NULL);
  }

  /* A new page starts at its top. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  gtk_adjustment_set_value (adjustment, 0);
}

/**
 * dorsum_entry_page_set_study_progress:
 * @text: (nullable): what the student's answers on this entry show, or %NULL for nothing
 */
void
dorsum_entry_page_set_study_progress (DorsumEntryPage *self,
                                      const char      *text)
{
  g_return_if_fail (DORSUM_IS_ENTRY_PAGE (self));

  if (self->progress == NULL)
    return;
  gtk_label_set_label (GTK_LABEL (self->progress), text ? text : "");
  gtk_widget_set_visible (self->progress, text != NULL && *text != '\0');
}
