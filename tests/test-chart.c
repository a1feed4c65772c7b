/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pain chart tests: round trip, every bad fixture refused with a line, a failed save that
 * leaves the old file byte for byte, autosave restore, undo, lookup, exports. */

#include "config.h"

#define _GNU_SOURCE
#include <string.h>

#include <glib/gstdio.h>

#include "dorsum-chart.h"
#include "dorsum-chart-render.h"
#include "dorsum-lookup.h"
#include "test-common.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "charts", name, NULL);
}

static DorsumChart *
load (const char  *name,
      GError     **error)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return dorsum_chart_new_from_file (file, error);
}

static DorsumChart *
sample_chart (void)
{
  DorsumChart *chart = dorsum_chart_new ();
  DorsumMark a = { 450, 700, 20, 7, DORSUM_QUALITY_ACHING, (char *)"Worse & sharper at <night>" };
  DorsumMark b = { 330.5, 240.25, 12, 3, DORSUM_QUALITY_TINGLING, NULL };

  dorsum_chart_add_mark (chart, &a);
  dorsum_chart_add_mark (chart, &b);
  dorsum_chart_set_initials (chart, "J.S.");
  dorsum_chart_set_date (chart, "2026-11-22");
  dorsum_chart_set_notes (chart, "Desk job; \"stiff\" in the morning.");
  dorsum_chart_set_plan (chart, (const char * const []) { "figure-four-stretch", "ball-glute-release", NULL });

  return chart;
}

static void
test_round_trip (void)
{
  g_autoptr(DorsumChart) chart = sample_chart ();
  g_autofree char *dir = test_make_tmp_dir ("dorsum-chart-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "client.dorsum-chart", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DorsumChart) again = NULL;
  g_autoptr(GError) error = NULL;
  const DorsumMark *m;

  g_assert_true (dorsum_chart_get_modified (chart));
  g_assert_true (dorsum_chart_save (chart, file, &error));
  g_assert_no_error (error);
  g_assert_false (dorsum_chart_get_modified (chart));

  again = dorsum_chart_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_true (dorsum_chart_equal (chart, again));
  g_assert_cmpuint (dorsum_chart_get_n_marks (again), ==, 2);
  m = dorsum_chart_get_mark (again, 0);
  g_assert_cmpfloat (m->x, ==, 450);
  g_assert_cmpint (m->intensity, ==, 7);
  g_assert_cmpstr (m->note, ==, "Worse & sharper at <night>");
  m = dorsum_chart_get_mark (again, 1);
  g_assert_cmpfloat_with_epsilon (m->y, 240.2, 0.051);
  g_assert_cmpint (m->quality, ==, DORSUM_QUALITY_TINGLING);
  g_assert_cmpstr (dorsum_chart_get_initials (again), ==, "J.S.");
  g_assert_cmpstr (dorsum_chart_get_notes (again), ==, "Desk job; \"stiff\" in the morning.");
  g_assert_cmpstr (dorsum_chart_get_plan (again)[1], ==, "ball-glute-release");

  g_unlink (path);
  g_rmdir (dir);
}

typedef struct
{
  const char *file;
  int         code;
  const char *where;
} BadChart;

static const BadChart bad_charts[] = {
  { "not-xml.xml", DORSUM_LIBRARY_ERROR_NOT_XML, "not-xml.xml:1:" },
  { "doctype.xml", DORSUM_LIBRARY_ERROR_DOCTYPE, "doctype.xml:2:" },
  { "wrong-root.xml", DORSUM_LIBRARY_ERROR_WRONG_ROOT, "wrong-root.xml:2:" },
  { "bad-intensity.xml", DORSUM_LIBRARY_ERROR_SCHEMA, "bad-intensity.xml:4:" },
  { "bad-quality.xml", DORSUM_LIBRARY_ERROR_SCHEMA, "bad-quality.xml:3:" },
  { "truncated.xml", DORSUM_LIBRARY_ERROR_NOT_XML, "truncated.xml:" },
};

static void
test_bad (gconstpointer data)
{
  const BadChart *bad = data;
  g_autofree char *name = g_build_filename ("bad", bad->file, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DorsumChart) chart = load (name, &error);

  g_assert_null (chart);
  g_assert_error (error, DORSUM_LIBRARY_ERROR, bad->code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, bad->where));
  g_assert_true (g_ascii_isdigit (strstr (error->message, bad->where)[strlen (bad->where)]) ||
                 g_str_has_suffix (bad->where, ":"));
}

static void
test_too_many_marks (void)
{
  GString *xml = g_string_new ("<chart xmlns=\"https://dorsum.github.io/ns/chart/1\" version=\"1\">");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DorsumChart) chart = NULL;

  for (guint i = 0; i < DORSUM_CHART_MAX_MARKS + 1; i++)
    g_string_append (xml, "<mark x=\"400\" y=\"600\" radius=\"10\" intensity=\"1\" quality=\"aching\"/>\n");
  g_string_append (xml, "</chart>");
  bytes = g_string_free_to_bytes (xml);

  chart = dorsum_chart_new_from_bytes (bytes, "many.xml", &error);
  g_assert_null (chart);
  g_assert_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "many.xml:"));
}

/* An output stream that fails after a number of bytes, as a full disk would. */
typedef struct { GFilterOutputStream parent_instance; gsize left; } FailingStream;
typedef struct { GFilterOutputStreamClass parent_class; } FailingStreamClass;
GType failing_stream_get_type (void);
G_DEFINE_TYPE (FailingStream, failing_stream, G_TYPE_FILTER_OUTPUT_STREAM)

static gssize
failing_stream_write (GOutputStream  *stream,
                      const void     *buffer,
                      gsize           count,
                      GCancellable   *cancellable,
                      GError        **error)
{
  FailingStream *self = (FailingStream *)stream;
  GOutputStream *base = g_filter_output_stream_get_base_stream (G_FILTER_OUTPUT_STREAM (stream));
  gssize written;

  if (self->left == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device (simulated)");
      return -1;
    }

  written = g_output_stream_write (base, buffer, MIN (count, self->left), cancellable, error);
  if (written > 0)
    self->left -= written;

  return written;
}

static void
failing_stream_class_init (FailingStreamClass *klass)
{
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = failing_stream_write;
}

static void
failing_stream_init (FailingStream *self)
{
}

static GOutputStream *
wrap_failing (GOutputStream *base,
              gpointer       user_data)
{
  FailingStream *stream = g_object_new (failing_stream_get_type (), "base-stream", base, "close-base-stream", FALSE, NULL);

  stream->left = GPOINTER_TO_SIZE (user_data);

  return G_OUTPUT_STREAM (stream);
}

static void
test_interrupted_save (void)
{
  g_autoptr(DorsumChart) chart = sample_chart ();
  g_autofree char *dir = test_make_tmp_dir ("dorsum-chart-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "client.dorsum-chart", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  gsize before_len, after_len;
  DorsumMark extra = { 500, 900, 30, 9, DORSUM_QUALITY_BURNING, NULL };
  g_autoptr(GDir) d = NULL;
  guint n_files = 0;

  g_assert_true (dorsum_chart_save (chart, file, &error));
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  /* Change the chart, then fail the save 100 bytes in. */
  dorsum_chart_add_mark (chart, &extra);
  g_assert_false (_dorsum_chart_save_wrapped (chart, file, wrap_failing, GSIZE_TO_POINTER (100), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_true (dorsum_chart_get_modified (chart));

  /* The old file is there, byte for byte, and no temporary file is left beside it. */
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  d = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (d))
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_autosave (void)
{
  g_autoptr(DorsumChart) chart = sample_chart ();
  g_autoptr(DorsumChart) restored = NULL;
  g_autofree char *source = NULL;
  g_autoptr(GError) error = NULL;

  /* XDG_STATE_HOME points into a temporary directory (see main). */
  g_assert_null (dorsum_chart_read_autosave (NULL));
  g_assert_true (dorsum_chart_write_autosave (chart, "/home/someone/charts/js.dorsum-chart", &error));
  g_assert_no_error (error);
  /* Autosaving does not count as saving. */
  g_assert_true (dorsum_chart_get_modified (chart));

  restored = dorsum_chart_read_autosave (&source);
  g_assert_nonnull (restored);
  g_assert_true (dorsum_chart_equal (chart, restored));
  g_assert_true (dorsum_chart_get_modified (restored));
  g_assert_cmpstr (source, ==, "/home/someone/charts/js.dorsum-chart");

  dorsum_chart_clear_autosave ();
  g_assert_null (dorsum_chart_read_autosave (NULL));
}

static void
test_undo (void)
{
  g_autoptr(DorsumChart) chart = dorsum_chart_new ();
  DorsumMark mark = { 450, 700, 20, 4, DORSUM_QUALITY_ACHING, NULL };
  DorsumMark moved;

  g_assert_false (dorsum_chart_can_undo (chart));
  dorsum_chart_add_mark (chart, &mark);
  moved = *dorsum_chart_get_mark (chart, 0);
  moved.x = 520;
  moved.intensity = 8;
  dorsum_chart_update_mark (chart, 0, &moved);
  g_assert_cmpfloat (dorsum_chart_get_mark (chart, 0)->x, ==, 520);

  dorsum_chart_undo (chart);
  g_assert_cmpfloat (dorsum_chart_get_mark (chart, 0)->x, ==, 450);
  g_assert_cmpint (dorsum_chart_get_mark (chart, 0)->intensity, ==, 4);
  dorsum_chart_undo (chart);
  g_assert_cmpuint (dorsum_chart_get_n_marks (chart), ==, 0);
  g_assert_false (dorsum_chart_can_undo (chart));

  dorsum_chart_redo (chart);
  dorsum_chart_redo (chart);
  g_assert_cmpfloat (dorsum_chart_get_mark (chart, 0)->x, ==, 520);
  g_assert_false (dorsum_chart_can_redo (chart));

  dorsum_chart_remove_mark (chart, 0);
  g_assert_cmpuint (dorsum_chart_get_n_marks (chart), ==, 0);
  g_assert_false (dorsum_chart_can_redo (chart));
  g_assert_cmpint (dorsum_chart_find_mark (chart, 520, 700), ==, -1);
}

/* The diagram's drag copies the stored mark, note pointer and all, moves the copy and
 * hands it back: the note it passes is the one the chart is about to replace. */
static void
test_move_mark_with_note (void)
{
  g_autoptr(DorsumChart) chart = dorsum_chart_new ();
  DorsumMark mark = { 450, 700, 20, 4, DORSUM_QUALITY_SHARP, (char *)"Worse after sitting" };
  DorsumMark moved;

  dorsum_chart_add_mark (chart, &mark);
  moved = *dorsum_chart_get_mark (chart, 0);
  moved.x = 520;
  dorsum_chart_update_mark (chart, 0, &moved);

  g_assert_cmpfloat (dorsum_chart_get_mark (chart, 0)->x, ==, 520);
  g_assert_cmpstr (dorsum_chart_get_mark (chart, 0)->note, ==, "Worse after sitting");

  /* Adding a copy of a stored mark, while the array may grow under it. */
  for (guint i = 0; i < 40; i++)
    dorsum_chart_add_mark (chart, dorsum_chart_get_mark (chart, i));
  g_assert_cmpstr (dorsum_chart_get_mark (chart, 40)->note, ==, "Worse after sitting");

  dorsum_chart_undo (chart);
  dorsum_chart_undo (chart);
  g_assert_cmpstr (dorsum_chart_get_mark (chart, 0)->note, ==, "Worse after sitting");
}

static guint
rank_of (GArray     *results,
         const char *id)
{
  for (guint i = 0; i < results->len; i++)
    if (g_str_equal (dorsum_entry_get_id (g_array_index (results, DorsumLookupResult, i).muscle), id))
      return i + 1;

  return G_MAXUINT;
}

static void
test_lookup (void)
{
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  g_autoptr(DorsumChart) low_back = load ("low-back.xml", NULL);
  g_autoptr(DorsumChart) neck = load ("neck-temple.xml", NULL);
  g_autoptr(DorsumChart) empty = dorsum_chart_new ();
  g_autoptr(GArray) a = NULL, b = NULL, c = NULL;

  g_assert_true (dorsum_library_load_builtin (library, NULL));

  a = dorsum_lookup_muscles (library, low_back);
  g_assert_cmpuint (rank_of (a, "quadratus-lumborum"), <=, 3);
  /* Nothing about the neck explains buttock pain. */
  g_assert_cmpuint (rank_of (a, "levator-scapulae"), ==, G_MAXUINT);

  b = dorsum_lookup_muscles (library, neck);
  g_assert_cmpuint (rank_of (b, "trapezius-descending"), <=, 3);
  g_assert_cmpuint (rank_of (b, "gluteus-maximus"), ==, G_MAXUINT);

  /* The mirror works: the same neck marks on the left side rank the same muscle. */
  {
    g_autoptr(DorsumChart) left = dorsum_chart_new ();
    g_autoptr(GArray) d = NULL;

    for (guint i = 0; i < dorsum_chart_get_n_marks (neck); i++)
      {
        DorsumMark m = *dorsum_chart_get_mark (neck, i);

        m.x = 800 - m.x;
        m.note = NULL;
        dorsum_chart_add_mark (left, &m);
      }
    d = dorsum_lookup_muscles (library, left);
    g_assert_cmpuint (rank_of (d, "trapezius-descending"), <=, 3);
  }

  c = dorsum_lookup_muscles (library, empty);
  g_assert_cmpuint (c->len, ==, 0);
}

static void
test_export (void)
{
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  g_autoptr(DorsumChart) chart = load ("low-back.xml", NULL);
  g_autofree char *dir = test_make_tmp_dir ("dorsum-export-XXXXXX");
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "handout.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  cairo_surface_t *image;
  gsize length;

  g_assert_true (dorsum_library_load_builtin (library, NULL));

  g_assert_true (dorsum_chart_export (chart, library, png, 400, FALSE, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 400);
  g_assert_cmpint (cairo_image_surface_get_height (image), >=, 600);

  /* Against the same export with no marks: the marks' discs change pixels, and the
   * pixels far from every mark stay as they were. */
  {
    g_autoptr(DorsumChart) empty = dorsum_chart_new ();
    g_autofree char *plain_png = g_build_filename (dir, "plain.png", NULL);
    cairo_surface_t *plain;
    guchar *a, *b;
    int stride;

    g_assert_true (dorsum_chart_export (empty, library, plain_png, 400, FALSE, &error));
    plain = cairo_image_surface_create_from_png (plain_png);
    a = cairo_image_surface_get_data (image);
    b = cairo_image_surface_get_data (plain);
    stride = cairo_image_surface_get_stride (image);

    for (guint i = 0; i < dorsum_chart_get_n_marks (chart); i++)
      {
        const DorsumMark *m = dorsum_chart_get_mark (chart, i);
        int px = (int)((m->x + m->radius * 0.8) * 0.5), py = (int)(m->y * 0.5);

        g_assert_cmpint (memcmp (a + py * stride + px * 4, b + py * stride + px * 4, 4), !=, 0);
      }
    g_assert_cmpint (memcmp (a + 100 * stride + 200 * 4, b + 100 * stride + 200 * 4, 4), ==, 0);

    cairo_surface_destroy (plain);
    g_unlink (plain_png);
  }
  cairo_surface_destroy (image);

  g_assert_true (dorsum_chart_export (chart, library, svg, 400, FALSE, &error));
  g_assert_true (g_file_get_contents (svg, &contents, &length, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "width=\"400"));
  g_clear_pointer (&contents, g_free);

  g_assert_true (dorsum_chart_export (chart, library, pdf, 0, TRUE, &error));
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* Two A4 pages. */
  g_assert_nonnull (memmem (contents, length, "/Count 2", 8));
  g_assert_nonnull (memmem (contents, length, "595.28 841.89", 13));

  g_assert_false (dorsum_chart_export (chart, library, png, 400, TRUE, &error) && error == NULL);

  g_unlink (png);
  g_unlink (svg);
  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *state = test_make_tmp_dir ("dorsum-state-XXXXXX");
  g_autofree char *dorsum_state = NULL;
  int status;

  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/round-trip", test_round_trip);
  for (guint i = 0; i < G_N_ELEMENTS (bad_charts); i++)
    {
      g_autofree char *path = g_strdup_printf ("/chart/bad/%s", bad_charts[i].file);

      g_test_add_data_func (path, &bad_charts[i], test_bad);
    }
  g_test_add_func ("/chart/too-many-marks", test_too_many_marks);
  g_test_add_func ("/chart/interrupted-save", test_interrupted_save);
  g_test_add_func ("/chart/autosave", test_autosave);
  g_test_add_func ("/chart/undo", test_undo);
  g_test_add_func ("/chart/move-mark-with-note", test_move_mark_with_note);
  g_test_add_func ("/chart/lookup", test_lookup);
  g_test_add_func ("/chart/export", test_export);

  status = g_test_run ();

  /* What the autosave test leaves: the state directory's (empty) dorsum folder. */
  dorsum_state = g_build_filename (state, "dorsum", NULL);
  g_rmdir (dorsum_state);
  g_rmdir (state);

  return status;
}
