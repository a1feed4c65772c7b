/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The client handout: nothing is dropped however much there is (every word is found again in
 * the PDF's text, read back with poppler), no page overflows, both figures, the empty plan,
 * A4 and Letter, pictures from resources, and pain qualities told apart without colour. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <poppler.h>

#include "dorsum-chart-render.h"
#include "dorsum-chart-compare.h"
#include "dorsum-handout.h"
#include "dorsum-handout-private.h"
#include "test-common.h"

/* poppler-glib (22.12 in Debian 12) defines no autoptr cleanups for its types. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

typedef struct
{
  DorsumLibrary *library;
  char          *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->library = dorsum_library_new ();
  g_assert_true (dorsum_library_load_builtin (fixture->library, NULL));
  fixture->dir = test_make_tmp_dir ("dorsum-handout-XXXXXX");
  dorsum_handout_set_default_options (NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* DORSUM_HANDOUT_KEEP=1 keeps the PDFs for a look (their folder is printed). */
  if (g_getenv ("DORSUM_HANDOUT_KEEP") != NULL)
    g_printerr ("handouts kept in %s\n", fixture->dir);
  else
    test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_object_unref (fixture->library);
}

static DorsumChart *
load (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "charts", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DorsumChart *chart = dorsum_chart_new_from_file (file, &error);

  g_assert_no_error (error);
  return chart;
}

/* Writes the handout and opens it with poppler. */
static PopplerDocument *
write_and_open (Fixture       *fixture,
                DorsumHandout *handout,
                const char    *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;

  g_assert_true (dorsum_handout_write_pdf (handout, path, &error));
  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, (int)dorsum_handout_get_n_pages (handout));

  return document;
}

static char *
document_text (PopplerDocument *document)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

/* The words of @text: runs of letters and digits, so punctuation and line breaks do not count. */
static void
add_words (GHashTable *words,
           const char *text)
{
  GString *word = g_string_new (NULL);

  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (word, c);
      else if (word->len > 0)
        {
          g_hash_table_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
        }
    }
  if (word->len > 0)
    g_hash_table_add (words, g_strdup (word->str));

  g_string_free (word, TRUE);
}

/* Every text item is inside the page, below the header's top and above the bottom margin. */
static void
assert_inside_pages (PopplerDocument *document)
{
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      PopplerRectangle *rects = NULL;
      guint n = 0;
      double width, height;

      poppler_page_get_size (page, &width, &height);
      g_assert_true (poppler_page_get_text_layout (page, &rects, &n));
      for (guint r = 0; r < n; r++)
        {
          g_assert_cmpfloat (rects[r].x1, >=, 20);
          g_assert_cmpfloat (rects[r].x2, <=, width - 20);
          g_assert_cmpfloat (rects[r].y1, >=, 20);
          g_assert_cmpfloat (rects[r].y2, <=, height - 30);
        }
      g_free (rects);
    }
}

static char *
words_text (guint  seed,
            gsize  max_chars)
{
  GString *text = g_string_new (NULL);

  /* Unique, pronounceable-enough words, so each can be looked for on its own. */
  for (guint i = 0; text->len + 12 < max_chars; i++)
    g_string_append_printf (text, "%sq%uz%u", i ? (i % 9 == 8 ? ". " : " ") : "", seed, i);

  return g_string_free (text, FALSE);
}

static void
test_overflow (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(DorsumChart) chart = dorsum_chart_new ();
  g_autoptr(DorsumChart) bare = dorsum_chart_new ();
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) plan = NULL;
  g_autoptr(DorsumHandout) handout = NULL;
  g_autoptr(DorsumHandout) bare_handout = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *notes = words_text (0, DORSUM_CHART_MAX_NOTES_CHARS);
  g_autofree char *text = NULL;
  DorsumKind kinds[] = { DORSUM_KIND_STRETCH, DORSUM_KIND_SELFCARE };
  DorsumHandoutOptions options = { "Dana Reyes", "Northside Remedial Massage", "0400 123 456", DORSUM_PAPER_A4, NULL };
  guint missing = 0, n_plan = 0;
  GHashTableIter iter;
  const char *word;

  dorsum_chart_set_initials (chart, "QX");
  dorsum_chart_set_date (chart, "2026-12-02");
  dorsum_chart_set_notes (chart, notes);
  add_words (expected, notes);

  for (guint i = 0; i < DORSUM_CHART_MAX_MARKS; i++)
    {
      /* Long notes everywhere, the longest allowed on every tenth mark. */
      g_autofree char *note = words_text (i + 1, i % 10 == 0 ? DORSUM_CHART_MAX_NOTE_CHARS : 400);
      DorsumMark mark = { 250 + (i * 37) % 300, 150 + (i * 53) % 900, 20, (int)(i % 11), i % DORSUM_N_QUALITIES,
                          note, i % 2 ? "anterior" : "posterior" };

      dorsum_chart_add_mark (chart, &mark);
      mark.note = NULL;
      dorsum_chart_add_mark (bare, &mark);
      add_words (expected, note);
    }

  /* A plan of the most entries a chart holds: every stretch and self-care entry, round again. */
  while (n_plan < DORSUM_CHART_MAX_PLAN_ENTRIES)
    for (guint k = 0; k < G_N_ELEMENTS (kinds) && n_plan < DORSUM_CHART_MAX_PLAN_ENTRIES; k++)
      {
        GListModel *entries = dorsum_library_get_entries (fixture->library, kinds[k]);

        for (guint i = 0; i < g_list_model_get_n_items (entries) && n_plan < DORSUM_CHART_MAX_PLAN_ENTRIES; i++)
          {
            g_autoptr(DorsumEntry) entry = g_list_model_get_item (entries, i);
            const char * const *paragraphs = dorsum_entry_get_client_paragraphs (entry);
            const char * const *steps = dorsum_entry_get_client_steps (entry);

            /* What the client reads: the entry's client text, every word of it. */
            g_strv_builder_add (builder, dorsum_entry_get_id (entry));
            add_words (expected, dorsum_entry_get_name (entry));
            for (guint p = 0; paragraphs[p]; p++)
              add_words (expected, paragraphs[p]);
            for (guint s = 0; steps[s]; s++)
              add_words (expected, steps[s]);
            add_words (expected, dorsum_entry_get_client_dose (entry));
            add_words (expected, dorsum_entry_get_client_stop_if (entry));
            n_plan++;
          }
      }
  plan = g_strv_builder_end (builder);
  dorsum_chart_set_plan (chart, (const char * const *)plan);
  g_assert_cmpuint (g_strv_length ((GStrv)dorsum_chart_get_plan (chart)), ==, DORSUM_CHART_MAX_PLAN_ENTRIES);
  add_words (expected, options.therapist);
  add_words (expected, options.practice);

  handout = dorsum_handout_new_with_options (fixture->library, chart, &options);
  bare_handout = dorsum_handout_new_with_options (fixture->library, bare, &options);
  g_assert_cmpuint (dorsum_handout_get_n_pages (handout), >, dorsum_handout_get_n_pages (bare_handout) + 20);

  for (guint page = 0; page < dorsum_handout_get_n_pages (handout); page++)
    g_assert_cmpfloat (_dorsum_handout_get_page_bottom (handout, page), <=, _dorsum_handout_get_content_limit (handout) + 0.01);

  document = write_and_open (fixture, handout, "overflow.pdf");
  assert_inside_pages (document);
  text = document_text (document);
  add_words (found, text);
  /* Written for the client: no notes on the drawings, none of the therapist's anatomy. */
  g_assert_null (strstr (text, "drawn on the"));
  g_assert_null (strstr (text, "figure"));
  g_assert_null (strstr (text, "spinous process"));

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, (gpointer *)&word, NULL))
    if (!g_hash_table_contains (found, word))
      {
        if (missing++ < 10)
          g_test_message ("missing from the PDF: “%s”", word);
      }
  g_assert_cmpuint (missing, ==, 0);

  /* The header's page count on the last page. */
  {
    g_autofree char *last = g_strdup_printf ("Page %u of %u", dorsum_handout_get_n_pages (handout), dorsum_handout_get_n_pages (handout));

    g_assert_nonnull (strstr (text, last));
  }
}

static void
test_figures (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(DorsumChart) both = load ("groin-and-low-back.xml");
  g_autoptr(DorsumChart) back = load ("low-back.xml");
  g_autoptr(DorsumChart) front = load ("front-groin.xml");
  g_autoptr(DorsumChart) none = dorsum_chart_new ();
  g_autoptr(DorsumHandout) both_handout = dorsum_handout_new (fixture->library, both);
  g_autoptr(DorsumHandout) back_handout = dorsum_handout_new (fixture->library, back);
  g_autoptr(DorsumHandout) front_handout = dorsum_handout_new (fixture->library, front);
  g_autoptr(DorsumHandout) none_handout = dorsum_handout_new (fixture->library, none);
  g_autoptr(PopplerDocument) document = write_and_open (fixture, both_handout, "both.pdf");
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, 0);
  g_autofree char *text = poppler_page_get_text (page);

  g_assert_cmpuint (_dorsum_handout_get_n_figures (both_handout), ==, 2);
  g_assert_cmpuint (_dorsum_handout_get_n_figures (back_handout), ==, 1);
  g_assert_cmpuint (_dorsum_handout_get_n_figures (front_handout), ==, 1);
  g_assert_cmpuint (_dorsum_handout_get_n_figures (none_handout), ==, 1);

  /* Both titled on page 1, with the sides and each mark's figure in the list. */
  g_assert_nonnull (strstr (text, "Back"));
  g_assert_nonnull (strstr (text, "Front"));
  g_assert_nonnull (strstr (text, "Over the SI joint"));
  g_assert_nonnull (strstr (text, "Groin, worse standing up from sitting"));
  g_assert_nonnull (strstr (text, "(right)"));
}

static void
test_empty_plan (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(DorsumChart) chart = load ("neck-temple.xml");
  const char *plan[] = { "upper-trapezius-stretch", "neck-shoulder-self-massage", NULL };
  DorsumHandoutOptions options = { NULL, NULL, NULL, DORSUM_PAPER_A4, plan };
  g_autoptr(DorsumHandout) empty = dorsum_handout_new (fixture->library, chart);
  g_autoptr(DorsumHandout) planned = dorsum_handout_new_with_options (fixture->library, chart, &options);
  g_autoptr(PopplerDocument) empty_doc = write_and_open (fixture, empty, "empty.pdf");
  g_autoptr(PopplerDocument) planned_doc = write_and_open (fixture, planned, "planned.pdf");
  g_autofree char *empty_text = document_text (empty_doc);
  g_autofree char *planned_text = document_text (planned_doc);

  g_assert_null (dorsum_chart_get_plan (chart)[0]);

  /* The chart pages alone: no plan, no stretch, no cautions; the disclaimer still. */
  g_assert_null (strstr (empty_text, "Your plan"));
  g_assert_null (strstr (empty_text, "Upper trapezius stretch"));
  g_assert_null (strstr (empty_text, "Take care"));
  g_assert_nonnull (strstr (empty_text, "Where it hurts"));
  g_assert_nonnull (strstr (empty_text, "not medical advice") ?: strstr (empty_text, "medical"));
  g_assert_cmpuint (dorsum_handout_get_n_pages (empty), <=, 2);

  /* The options' plan replaces the chart's (empty) one, in its order, with cautions. */
  g_assert_nonnull (strstr (planned_text, "Your plan"));
  g_assert_nonnull (strstr (planned_text, "Take care"));
  g_assert_nonnull (strstr (planned_text, "1. Upper trapezius stretch"));
  g_assert_nonnull (strstr (planned_text, "2. Neck and shoulder self-massage"));
  g_assert_cmpuint (dorsum_handout_get_n_pages (planned), >, dorsum_handout_get_n_pages (empty));

  /* Muscles on the plan replace the lookup's; they are not plan items. */
  {
    const char *with_muscle[] = { "piriformis", "upper-trapezius-stretch", NULL };
    g_autoptr(DorsumHandout) handout = NULL;
    g_autoptr(PopplerDocument) document = NULL;
    g_autofree char *text = NULL;

    options.plan = with_muscle;
    handout = dorsum_handout_new_with_options (fixture->library, chart, &options);
    document = write_and_open (fixture, handout, "muscle-plan.pdf");
    text = document_text (document);
    g_assert_nonnull (strstr (empty_text, "Splenius cervicis"));
    g_assert_null (strstr (text, "Splenius cervicis"));
    g_assert_nonnull (strstr (text, "Piriformis"));
    g_assert_nonnull (strstr (text, "1. Upper trapezius stretch"));
    g_assert_null (strstr (text, "1. Piriformis"));
    g_assert_null (strstr (text, "2. Upper trapezius stretch"));
  }
}

static void
test_paper (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(DorsumChart) chart = load ("low-back.xml");
  DorsumHandoutOptions a4 = { NULL, NULL, NULL, DORSUM_PAPER_A4, NULL };
  DorsumHandoutOptions letter = { NULL, NULL, NULL, DORSUM_PAPER_LETTER, NULL };
  g_autoptr(DorsumHandout) a4_handout = dorsum_handout_new_with_options (fixture->library, chart, &a4);
  g_autoptr(DorsumHandout) letter_handout = dorsum_handout_new_with_options (fixture->library, chart, &letter);
  g_autoptr(PopplerDocument) a4_doc = write_and_open (fixture, a4_handout, "a4.pdf");
  g_autoptr(PopplerDocument) letter_doc = write_and_open (fixture, letter_handout, "letter.pdf");
  g_autoptr(PopplerPage) a4_page = poppler_document_get_page (a4_doc, 0);
  g_autoptr(PopplerPage) letter_page = poppler_document_get_page (letter_doc, 0);
  DorsumPaper paper;
  double width, height;

  poppler_page_get_size (a4_page, &width, &height);
  g_assert_cmpfloat (fabs (width - 595.28), <, 0.5);
  g_assert_cmpfloat (fabs (height - 841.89), <, 0.5);
  poppler_page_get_size (letter_page, &width, &height);
  g_assert_cmpfloat (fabs (width - 612), <, 0.5);
  g_assert_cmpfloat (fabs (height - 792), <, 0.5);
  assert_inside_pages (letter_doc);

  g_assert_true (dorsum_paper_from_string ("letter", &paper));
  g_assert_cmpint (paper, ==, DORSUM_PAPER_LETTER);
  g_assert_true (dorsum_paper_from_string ("a4", &paper));
  g_assert_cmpint (paper, ==, DORSUM_PAPER_A4);
  g_assert_false (dorsum_paper_from_string ("A5", &paper));

  /* The defaults (what the app sets from its settings) reach dorsum_handout_new(). */
  {
    DorsumHandoutOptions defaults = { "Dana Reyes", "Northside", "dana@example.org", DORSUM_PAPER_LETTER, NULL };
    g_autoptr(DorsumHandout) handout = NULL;
    g_autoptr(PopplerDocument) document = NULL;
    g_autoptr(PopplerPage) page = NULL;
    g_autofree char *text = NULL;

    dorsum_handout_set_default_options (&defaults);
    handout = dorsum_handout_new (fixture->library, chart);
    dorsum_handout_set_default_options (NULL);
    dorsum_handout_get_page_size (handout, &width, &height);
    g_assert_cmpfloat (width, ==, 612);
    document = write_and_open (fixture, handout, "defaults.pdf");
    page = poppler_document_get_page (document, 0);
    text = poppler_page_get_text (page);
    g_assert_nonnull (strstr (text, "Dana Reyes"));
    g_assert_nonnull (strstr (text, "dana@example.org"));
    g_assert_nonnull (strstr (text, "Northside"));
  }

  /* Drawn on another sheet (a printer's A4 for a Letter handout), the page is scaled to fit. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 300);
    cairo_t *cr = cairo_create (surface);

    dorsum_handout_draw_page (letter_handout, cr, 0, 200, 300);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

/* The shapes of the five qualities differ from each other drawn in black on white alone. */
static void
test_symbols (void)
{
  guchar *masks[DORSUM_N_QUALITIES];
  const int size = 32;

  for (guint a = 0; a < DORSUM_N_QUALITIES; a++)
    for (guint b = a + 1; b < DORSUM_N_QUALITIES; b++)
      {
        g_assert_cmpint (dorsum_quality_get_symbol (a), !=, dorsum_quality_get_symbol (b));
        g_assert_cmpstr (dorsum_symbol_get_character (dorsum_quality_get_symbol (a)), !=,
                         dorsum_symbol_get_character (dorsum_quality_get_symbol (b)));
      }

  for (guint q = 0; q < DORSUM_N_QUALITIES; q++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, size, size);
      cairo_t *cr = cairo_create (surface);

      dorsum_append_symbol_path (cr, dorsum_quality_get_symbol (q), size / 2.0, size / 2.0, 9);
      cairo_fill (cr);
      cairo_surface_flush (surface);
      masks[q] = g_memdup2 (cairo_image_surface_get_data (surface), cairo_image_surface_get_stride (surface) * size);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  /* Pairwise, over a tenth of the smaller shape differs (a circle and a square differ by
   * their corners, about 14%). */
  for (guint a = 0; a < DORSUM_N_QUALITIES; a++)
    for (guint b = a + 1; b < DORSUM_N_QUALITIES; b++)
      {
        guint differ = 0, area_a = 0, area_b = 0;

        for (int i = 0; i < size * size; i++)
          {
            differ += (masks[a][i] > 127) != (masks[b][i] > 127);
            area_a += masks[a][i] > 127;
            area_b += masks[b][i] > 127;
          }
        g_test_message ("%u, %u: %u pixels differ of %u and %u", a, b, differ, area_a, area_b);
        g_assert_cmpuint (differ * 10, >, MIN (area_a, area_b));
      }

  for (guint q = 0; q < DORSUM_N_QUALITIES; q++)
    g_free (masks[q]);
}

static void
no_draw (cairo_t  *cr,
         double    x,
         double    y,
         double    width,
         double    height,
         gpointer  data)
{
}

/* The page flow on a small page (300 points of column): headings stay with what follows,
 * a long paragraph is split between lines with none lost and none left alone, small groups
 * move whole, and nothing goes below the bottom. */
static void
test_flow (void)
{
  const HandoutStyle heading = { "Sans Bold 12", 0, 0, 6, 2, TRUE };
  const HandoutStyle body = { "Sans 10", 0, 0, 0, 2, FALSE };
  HandoutFlow *flow = handout_flow_new (20, 20, 200, 320);
  GString *long_text = g_string_new (NULL);
  guint page, n;
  double y, height;
  int lines, total_lines = 0;
  g_autoptr(PangoLayout) measure = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (long_text, "word%u ", i);

  /* A box leaves too little room for a heading and two lines: the heading moves on. */
  handout_flow_add_box (flow, 200, 270, FALSE, no_draw, NULL);
  handout_flow_add_text (flow, "A heading", &heading);
  handout_flow_add_text (flow, long_text->str, &body);

  /* A small group that does not fit moves whole. */
  handout_flow_begin_group (flow);
  handout_flow_add_text (flow, "Group title", &heading);
  handout_flow_add_text (flow, "One short line of text.", &body);
  handout_flow_add_text (flow, "Another short line of text.", &body);
  handout_flow_end_group (flow);
  handout_flow_finish (flow);

  n = handout_flow_get_n_placed (flow);
  g_assert_cmpuint (n, >=, 5);

  handout_flow_get_placed (flow, 0, &page, &y, &height, &lines);
  g_assert_cmpuint (page, ==, 0);
  handout_flow_get_placed (flow, 1, &page, &y, &height, &lines);
  g_assert_cmpuint (page, ==, 1);     /* the heading, moved */
  g_assert_cmpfloat (y, ==, 20);
  handout_flow_get_placed (flow, 2, &page, &y, &height, &lines);
  g_assert_cmpuint (page, ==, 1);     /* with the paragraph's start */

  /* The long paragraph's pieces: every line placed once, at least two on each page. */
  measure = pango_layout_new (handout_flow_get_context (flow));
  {
    PangoFontDescription *font = pango_font_description_from_string (body.font);

    pango_layout_set_font_description (measure, font);
    pango_font_description_free (font);
  }
  pango_layout_set_width (measure, 200 * PANGO_SCALE);
  pango_layout_set_wrap (measure, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (measure, long_text->str, -1);
  for (guint i = 2; i < n - 3; i++)
    {
      handout_flow_get_placed (flow, i, &page, &y, &height, &lines);
      g_assert_cmpint (lines, >=, 2);
      g_assert_cmpfloat (y + height, <=, 320.01);
      total_lines += lines;
    }
  g_assert_cmpint (total_lines, ==, pango_layout_get_line_count (measure));
  g_assert_cmpuint (handout_flow_get_n_pages (flow), >=, 3);

  /* The group: its three paragraphs on one page. */
  {
    guint first;

    handout_flow_get_placed (flow, n - 3, &first, &y, &height, &lines);
    for (guint i = n - 2; i < n; i++)
      {
        handout_flow_get_placed (flow, i, &page, &y, &height, &lines);
        g_assert_cmpuint (page, ==, first);
      }
  }

  for (guint p = 0; p < handout_flow_get_n_pages (flow); p++)
    g_assert_cmpfloat (handout_flow_get_bottom_on_page (flow, p), <=, 320.01);

  g_string_free (long_text, TRUE);
  handout_flow_free (flow);
}

/* Every stretch and self-care routine has a picture (data/illustrations); an item the
 * library does not know has none, and leaves no gap. */
static void
test_pictures (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(DorsumChart) chart = load ("neck-temple.xml");
  const char *with[] = { "upper-trapezius-stretch", "levator-scapulae-stretch", "neck-shoulder-self-massage", NULL };
  const char *without[] = { "no-such-exercise", NULL };
  DorsumHandoutOptions options = { NULL, NULL, NULL, DORSUM_PAPER_A4, with };
  g_autoptr(DorsumHandout) pictured = NULL;
  g_autoptr(DorsumHandout) plain = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GBytes) svg = g_resources_lookup_data ("/io/github/dorsum/Dorsum/illustrations/upper-trapezius-stretch.svg", 0, NULL);

  g_assert_nonnull (svg);
  pictured = dorsum_handout_new_with_options (fixture->library, chart, &options);
  g_assert_cmpuint (_dorsum_handout_get_n_pictures (pictured), ==, 3);
  document = write_and_open (fixture, pictured, "pictures.pdf");
  assert_inside_pages (document);

  options.plan = without;
  plain = dorsum_handout_new_with_options (fixture->library, chart, &options);
  g_assert_cmpuint (_dorsum_handout_get_n_pictures (plain), ==, 0);
}

/* Compared with an earlier chart of the client, the handout says what changed, area by area. */
static void
test_compare (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(DorsumChart) earlier = load ("low-back.xml");
  g_autoptr(DorsumChart) now = load ("groin-and-low-back.xml");
  DorsumHandoutOptions options = { NULL, NULL, NULL, DORSUM_PAPER_A4, NULL, earlier };
  g_autoptr(DorsumHandout) handout = dorsum_handout_new_with_options (fixture->library, now, &options);
  g_autoptr(DorsumHandout) plain = dorsum_handout_new_with_options (fixture->library, now, NULL);
  g_autoptr(PopplerDocument) document = write_and_open (fixture, handout, "compare.pdf");
  g_autoptr(PopplerDocument) plain_document = write_and_open (fixture, plain, "plain.pdf");
  g_autofree char *text = document_text (document);
  g_autofree char *plain_text = document_text (plain_document);
  g_auto(GStrv) lines = dorsum_chart_compare_describe (earlier, now, fixture->library);

  g_assert_nonnull (strstr (text, "Since your earlier visit"));
  g_assert_null (strstr (plain_text, "Since your earlier visit"));
  g_assert_cmpuint (g_strv_length (lines), >, 0);
  /* Each line's first words are there (a long line may wrap). */
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) words = g_strsplit (lines[i], " ", 3);

      g_assert_nonnull (strstr (text, words[0]));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/handout/symbols", test_symbols);
  g_test_add_func ("/handout/flow", test_flow);
  g_test_add ("/handout/figures", Fixture, NULL, fixture_set_up, test_figures, fixture_tear_down);
  g_test_add ("/handout/empty-plan", Fixture, NULL, fixture_set_up, test_empty_plan, fixture_tear_down);
  g_test_add ("/handout/paper", Fixture, NULL, fixture_set_up, test_paper, fixture_tear_down);
  g_test_add ("/handout/pictures", Fixture, NULL, fixture_set_up, test_pictures, fixture_tear_down);
  g_test_add ("/handout/overflow", Fixture, NULL, fixture_set_up, test_overflow, fixture_tear_down);
  g_test_add ("/handout/compare", Fixture, NULL, fixture_set_up, test_compare, fixture_tear_down);

  return g_test_run ();
}
