/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Pain chart tests: round trip, every bad fixture refused with a line, a failed save that
 * leaves the old file byte for byte, autosave restore, undo, lookup, exports. */

#include "config.h"

#define _GNU_SOURCE
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#if defined(__has_include)
# if __has_include(<valgrind/valgrind.h>)
#  include <valgrind/valgrind.h>
# endif
#endif
#ifndef RUNNING_ON_VALGRIND
# define RUNNING_ON_VALGRIND 0
#endif

#include "dorsum-chart.h"
#include "dorsum-chart-render.h"
#include "dorsum-lookup.h"
#include "test-common.h"
#include "test-pdf.h"

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
assert_charts_equal (DorsumChart *a,
                     DorsumChart *b)
{
  /* On a difference, compare the files' texts so the message shows where it is. */
  if (!dorsum_chart_equal (a, b))
    {
      g_autoptr(GBytes) ba = dorsum_chart_serialize (a);
      g_autoptr(GBytes) bb = dorsum_chart_serialize (b);
      g_autofree char *sa = g_strndup (g_bytes_get_data (ba, NULL), g_bytes_get_size (ba));
      g_autofree char *sb = g_strndup (g_bytes_get_data (bb, NULL), g_bytes_get_size (bb));

      g_assert_cmpstr (sa, ==, sb);
      g_assert_not_reached ();
    }
}

/* Format 2 records each mark's figure; a format-1 file (the only figure then was the back)
 * opens with every mark on the posterior figure and is saved as format 2. */
static void
test_format_versions (void)
{
  const char *v1 =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<chart xmlns=\"https://dorsum.github.io/ns/chart/1\" version=\"1\">\n"
    "  <mark x=\"450.0\" y=\"700.0\" radius=\"20.0\" intensity=\"7\" quality=\"aching\">low back</mark>\n"
    "</chart>\n";
  const char *newer =
    "<chart xmlns=\"https://dorsum.github.io/ns/chart/1\" version=\"3\">\n"
    "  <mark figure=\"lateral\" x=\"450\" y=\"700\" radius=\"20\" intensity=\"7\" quality=\"aching\"/>\n"
    "</chart>\n";
  const char *bad_figure =
    "<chart xmlns=\"https://dorsum.github.io/ns/chart/1\" version=\"2\">\n"
    "  <mark figure=\"Front View\" x=\"450\" y=\"700\" radius=\"20\" intensity=\"7\" quality=\"aching\"/>\n"
    "</chart>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (v1, strlen (v1));
  g_autoptr(DorsumChart) chart = NULL;
  g_autoptr(DorsumChart) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) newer_bytes = g_bytes_new_static (newer, strlen (newer));
  g_autoptr(GBytes) bad_bytes = g_bytes_new_static (bad_figure, strlen (bad_figure));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  DorsumMark front = { 400, 800, 30, 6, DORSUM_QUALITY_SHARP, (char *)"groin", "anterior" };
  DorsumMark odd = { 400, 800, 30, 6, DORSUM_QUALITY_SHARP, NULL, "../etc" };

  chart = dorsum_chart_new_from_bytes (bytes, "old.dorsum-chart", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dorsum_chart_get_n_marks (chart), ==, 1);
  g_assert_cmpstr (dorsum_mark_get_figure (dorsum_chart_get_mark (chart, 0)), ==, "posterior");

  dorsum_chart_add_mark (chart, &front);
  g_assert_cmpstr (dorsum_mark_get_figure (dorsum_chart_get_mark (chart, 1)), ==, "anterior");
  /* Anything that is not an id is not trusted as one. */
  dorsum_chart_add_mark (chart, &odd);
  g_assert_cmpstr (dorsum_mark_get_figure (dorsum_chart_get_mark (chart, 2)), ==, "posterior");

  saved = dorsum_chart_serialize (chart);
  text = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  g_assert_nonnull (strstr (text, "version=\"2\""));
  g_assert_nonnull (strstr (text, "<mark figure=\"posterior\" x=\"450.0\""));
  g_assert_nonnull (strstr (text, "<mark figure=\"anterior\" x=\"400.0\""));

  again = dorsum_chart_new_from_bytes (saved, "new.dorsum-chart", &error);
  g_assert_no_error (error);
  assert_charts_equal (chart, again);
  g_assert_cmpstr (dorsum_mark_get_figure (dorsum_chart_get_mark (again, 1)), ==, "anterior");
  g_assert_cmpstr (dorsum_chart_get_mark (again, 1)->note, ==, "groin");

  g_clear_object (&again);
  again = dorsum_chart_new_from_bytes (newer_bytes, "future.dorsum-chart", &error);
  g_assert_null (again);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "future.dorsum-chart"));
  g_assert_nonnull (strstr (error->message, "newer version of Dorsum"));
  g_clear_error (&error);

  again = dorsum_chart_new_from_bytes (bad_bytes, "bad.dorsum-chart", &error);
  g_assert_null (again);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "bad.dorsum-chart:2"));
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

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The names in @dir, sorted and joined by spaces: all that a save may leave there. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **)names->pdata);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);

  return st.st_mode & 0777;
}

static void
assert_dir_holds (const char *dir,
                  const char *names)
{
  g_autofree char *listed = list_dir (dir);

  g_assert_cmpstr (listed, ==, names);
}

/* Issue #11: saves left a backup (name~), made a 0600 chart 0644. */
static void
test_save_leaves_only_the_chart (void)
{
  g_autoptr(DorsumChart) chart = sample_chart ();
  g_autofree char *dir = test_make_tmp_dir ("dorsum-chart-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "client.dorsum-chart", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DorsumMark extra = { 500, 900, 30, 9, DORSUM_QUALITY_BURNING, (char *)"new" };

  /* The first save. */
  g_assert_true (dorsum_chart_save (chart, file, &error));
  g_assert_no_error (error);
  assert_dir_holds (dir, "client.dorsum-chart");
  g_assert_cmpuint (file_mode (path), ==, 0600);

  /* Saves over it. */
  for (guint i = 0; i < 2; i++)
    {
      dorsum_chart_add_mark (chart, &extra);
      g_assert_true (dorsum_chart_save (chart, file, &error));
      g_assert_no_error (error);
      assert_dir_holds (dir, "client.dorsum-chart");
      g_assert_cmpuint (file_mode (path), ==, 0600);
    }

  /* A chart left readable by all (by an older Dorsum) is private once saved. */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_true (dorsum_chart_save (chart, file, &error));
  g_assert_cmpuint (file_mode (path), ==, 0600);
  assert_dir_holds (dir, "client.dorsum-chart");

  {
    g_autoptr(DorsumChart) again = dorsum_chart_new_from_file (file, &error);

    g_assert_no_error (error);
    assert_charts_equal (chart, again);
  }

  g_unlink (path);
  g_rmdir (dir);
}

/* Issue #11: the first save of a new file wrote in place, so a failure left a truncated chart. */
static void
test_failed_first_save (void)
{
  g_autoptr(DorsumChart) chart = sample_chart ();
  g_autofree char *dir = test_make_tmp_dir ("dorsum-chart-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "client.dorsum-chart", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const gsize fail_after[] = { 0, 1, 100 };

  for (guint i = 0; i < G_N_ELEMENTS (fail_after); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (_dorsum_chart_save_wrapped (chart, file, wrap_failing, GSIZE_TO_POINTER (fail_after[i]), &error));
      assert_dir_holds (dir, "");
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_true (dorsum_chart_get_modified (chart));
    }

  g_rmdir (dir);
}

/* Saves that cannot happen fail, saying why, and leave nothing behind. */
static void
test_save_errors (void)
{
  g_autoptr(DorsumChart) chart = sample_chart ();
  g_autofree char *dir = test_make_tmp_dir ("dorsum-chart-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "client.dorsum-chart", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "client.dorsum-chart", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;

  /* A folder where the chart should be. */
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_false (dorsum_chart_save (chart, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  assert_dir_holds (dir, "client.dorsum-chart");
  g_rmdir (path);

  g_assert_false (dorsum_chart_save (chart, missing_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_dir_holds (dir, "");

  g_assert_true (dorsum_chart_get_modified (chart));
  g_rmdir (dir);
}

static void
check_save_permissions (const char *dir)
{
  g_autoptr(DorsumChart) chart = sample_chart ();
  g_autofree char *path = g_build_filename (dir, "client.dorsum-chart", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  gsize before_len, after_len;

  /* A chart the user made read-only stays as it is. */
  g_assert_true (dorsum_chart_save (chart, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  dorsum_chart_set_notes (chart, "changed");
  g_assert_false (dorsum_chart_save (chart, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  assert_dir_holds (dir, "client.dorsum-chart");
  g_assert_cmpint (g_unlink (path), ==, 0);

  /* So does a folder the user may not write to. */
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  g_assert_false (dorsum_chart_save (chart, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  assert_dir_holds (dir, "");
  g_assert_true (dorsum_chart_get_modified (chart));
}

/* Permissions are the user's: a save does not get round them. */
static void
test_save_permissions (void)
{
  g_autofree char *dir = NULL;

  if (g_test_subprocess ())
    {
      /* Root may write anywhere (CI runs as root): check as nobody. */
      if (geteuid () == 0)
        {
          g_assert_cmpint (setgid (65534), ==, 0);
          g_assert_cmpint (setuid (65534), ==, 0);
        }
      check_save_permissions (g_getenv ("DORSUM_TEST_PERMISSIONS_DIR"));
      return;
    }

  dir = test_make_tmp_dir ("dorsum-chart-XXXXXX");
  if (geteuid () != 0)
    check_save_permissions (dir);
  else
    {
      g_assert_cmpint (chown (dir, 65534, 65534), ==, 0);
      g_setenv ("DORSUM_TEST_PERMISSIONS_DIR", dir, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      g_unsetenv ("DORSUM_TEST_PERMISSIONS_DIR");
    }
  assert_dir_holds (dir, "");
  g_rmdir (dir);
}

/* Saving through a symbolic link replaces the file it points to and keeps the link. */
static void
test_save_through_link (void)
{
  g_autoptr(DorsumChart) chart = sample_chart ();
  g_autofree char *dir = test_make_tmp_dir ("dorsum-chart-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "client.dorsum-chart", NULL);
  g_autofree char *link = g_build_filename (dir, "link.dorsum-chart", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(GError) error = NULL;
  g_autoptr(DorsumChart) again = NULL;
  DorsumMark extra = { 500, 900, 30, 9, DORSUM_QUALITY_BURNING, NULL };

  g_assert_true (dorsum_chart_save (chart, file, &error));
  g_assert_cmpint (symlink ("client.dorsum-chart", link), ==, 0);
  dorsum_chart_add_mark (chart, &extra);
  g_assert_true (dorsum_chart_save (chart, link_file, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  assert_dir_holds (dir, "client.dorsum-chart link.dorsum-chart");
  again = dorsum_chart_new_from_file (file, &error);
  g_assert_no_error (error);
  assert_charts_equal (chart, again);

  g_unlink (link);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_interrupted_save (void)
{
  g_autoptr(DorsumChart) chart = sample_chart ();
  g_autofree char *dir = test_make_tmp_dir ("dorsum-chart-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "client.dorsum-chart", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gsize before_len;
  DorsumMark extra = { 500, 900, 30, 9, DORSUM_QUALITY_BURNING, NULL };
  g_autoptr(GBytes) bytes = NULL;
  gsize fail_after[] = { 0, 1, 100, 0 };

  g_assert_true (dorsum_chart_save (chart, file, &error));
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  /* Change the chart, then fail the save at points up to its last byte. */
  dorsum_chart_add_mark (chart, &extra);
  bytes = dorsum_chart_serialize (chart);
  fail_after[G_N_ELEMENTS (fail_after) - 1] = g_bytes_get_size (bytes) - 1;
  for (guint i = 0; i < G_N_ELEMENTS (fail_after); i++)
    {
      g_autofree char *after = NULL;
      gsize after_len;

      g_clear_error (&error);
      g_assert_false (_dorsum_chart_save_wrapped (chart, file, wrap_failing, GSIZE_TO_POINTER (fail_after[i]), &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_assert_true (dorsum_chart_get_modified (chart));

      /* The old file is there, byte for byte, still private, and nothing beside it. */
      g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
      g_assert_cmpmem (before, before_len, after, after_len);
      assert_dir_holds (dir, "client.dorsum-chart");
      g_assert_cmpuint (file_mode (path), ==, 0600);
    }

  g_unlink (path);
  g_rmdir (dir);
}

static void
read_special_files_child (void)
{
  const char *dir = g_getenv ("DORSUM_TEST_SPECIAL_DIR");
  g_autofree char *fifo = g_build_filename (dir, "fifo.dorsum-chart", NULL);
  g_autoptr(GFile) fifo_file = g_file_new_for_path (fifo);
  g_autoptr(GFile) zero_file = g_file_new_for_path ("/dev/zero");
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;

  /* A FIFO with no writer: reading it would wait for ever. */
  g_assert_null (dorsum_chart_new_from_file (fifo_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, fifo));
  g_clear_error (&error);

  /* A device that never ends, and reports a size of 0. */
  g_assert_null (dorsum_chart_new_from_file (zero_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "/dev/zero"));
  g_clear_error (&error);

  g_assert_null (dorsum_chart_new_from_file (dir_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);
}

/* Issue #11: only regular files are read, and without blocking; run in a child process
 * so that a read that blocks fails the test instead of hanging it. */
static void
test_read_special_files (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *fifo = NULL;

  if (g_test_subprocess ())
    {
      read_special_files_child ();
      return;
    }

  dir = test_make_tmp_dir ("dorsum-chart-XXXXXX");
  fifo = g_build_filename (dir, "fifo.dorsum-chart", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_setenv ("DORSUM_TEST_SPECIAL_DIR", dir, TRUE);

  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  g_unsetenv ("DORSUM_TEST_SPECIAL_DIR");
  g_unlink (fifo);
  g_rmdir (dir);
}

/* A file at the read limit is read; one byte more, or a file that claims to be huge, is not. */
static void
test_read_limit (void)
{
  g_autofree char *dir = test_make_tmp_dir ("dorsum-chart-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "padded.dorsum-chart", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *head = "<chart xmlns=\"https://dorsum.github.io/ns/chart/1\" version=\"1\"><!--";
  const char *tail = "--></chart>\n";
  g_autofree char *padding = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DorsumChart) chart = NULL;
  FILE *stream;

  padding = g_strnfill (DORSUM_CHART_MAX_FILE_SIZE - strlen (head) - strlen (tail), 'x');
  contents = g_strconcat (head, padding, tail, NULL);
  g_assert_cmpuint (strlen (contents), ==, DORSUM_CHART_MAX_FILE_SIZE);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  chart = dorsum_chart_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (chart);
  g_clear_object (&chart);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  stream = fopen (path, "a");
  fputc ('\n', stream);
  fclose (stream);
  g_assert_null (dorsum_chart_new_from_file (file, &error));
  g_assert_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  /* Sparse: a terabyte that takes no disk, refused before anything is read. */
  g_assert_cmpint (truncate (path, (off_t)1 << 40), ==, 0);
  g_assert_null (dorsum_chart_new_from_file (file, &error));
  g_assert_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_TOO_LARGE);
  g_clear_error (&error);

  g_unlink (path);
  g_rmdir (dir);
}

/* A file with no local path goes through GIO, with the same checks. */
static void
test_read_without_path (void)
{
  g_autoptr(GFile) folder = g_file_new_for_uri ("resource:///io/github/dorsum/Dorsum/library");
  g_autoptr(GFile) library = g_file_new_for_uri ("resource:///io/github/dorsum/Dorsum/library/safety.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(DorsumChart) loaded = load ("low-back.xml", NULL);

  /* Loading a chart registered the resources. */
  g_assert_nonnull (loaded);
  g_assert_null (g_file_peek_path (library));

  g_assert_null (dorsum_chart_new_from_file (folder, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  /* Read, and refused for what it is: a library, not a chart. */
  g_assert_null (dorsum_chart_new_from_file (library, &error));
  g_assert_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_WRONG_ROOT);
  g_assert_nonnull (strstr (error->message, "safety.xml:"));
}

static void
test_autosave (void)
{
  g_autoptr(DorsumChart) chart = sample_chart ();
  g_autoptr(DorsumChart) restored = NULL;
  g_autofree char *source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dorsum_chart_get_autosave_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *source_path = g_strconcat (path, ".source", NULL);
  g_autofree char *old_backup = g_strconcat (path, "~", NULL);
  g_autofree char *stray = g_build_filename (dir, ".dorsum-saving-Ab12Cd", NULL);
  DorsumMark extra = { 500, 900, 30, 9, DORSUM_QUALITY_BURNING, NULL };

  /* XDG_STATE_HOME points into a temporary directory (see main). */
  g_assert_null (dorsum_chart_read_autosave (NULL, NULL));
  g_assert_true (dorsum_chart_write_autosave (chart, "/home/someone/charts/js.dorsum-chart", &error));
  g_assert_no_error (error);
  /* Autosaving does not count as saving. */
  g_assert_true (dorsum_chart_get_modified (chart));

  /* Autosaved again: still the two files, private (the path may name the client). */
  dorsum_chart_add_mark (chart, &extra);
  g_assert_true (dorsum_chart_write_autosave (chart, "/home/someone/charts/js.dorsum-chart", &error));
  g_assert_no_error (error);
  assert_dir_holds (dir, "unsaved-chart.xml unsaved-chart.xml.source");
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_cmpuint (file_mode (source_path), ==, 0600);

  restored = dorsum_chart_read_autosave (&source, NULL);
  g_assert_nonnull (restored);
  g_assert_true (dorsum_chart_equal (chart, restored));
  g_assert_true (dorsum_chart_get_modified (restored));
  g_assert_cmpstr (source, ==, "/home/someone/charts/js.dorsum-chart");

  /* Discarding removes every file the autosave made, and what an older Dorsum (a backup)
   * or a killed save (a temporary file) left. */
  g_assert_true (g_file_set_contents (old_backup, "old", -1, NULL));
  g_assert_true (g_file_set_contents (stray, "<chart", -1, NULL));
  dorsum_chart_clear_autosave ();
  g_assert_null (dorsum_chart_read_autosave (NULL, NULL));
  assert_dir_holds (dir, "");

  /* An autosave with no document leaves no source file. */
  g_assert_true (dorsum_chart_write_autosave (chart, NULL, &error));
  assert_dir_holds (dir, "unsaved-chart.xml");
  dorsum_chart_clear_autosave ();
  assert_dir_holds (dir, "");
}

/* A stream that ends the process part-way, as a crash or kill -9 during a save would. */
typedef struct { GFilterOutputStream parent_instance; } DyingStream;
typedef struct { GFilterOutputStreamClass parent_class; } DyingStreamClass;
GType dying_stream_get_type (void);
G_DEFINE_TYPE (DyingStream, dying_stream, G_TYPE_FILTER_OUTPUT_STREAM)

static gssize
dying_stream_write (GOutputStream  *stream,
                    const void     *buffer,
                    gsize           count,
                    GCancellable   *cancellable,
                    GError        **error)
{
  GOutputStream *base = g_filter_output_stream_get_base_stream (G_FILTER_OUTPUT_STREAM (stream));

  g_output_stream_write (base, buffer, MIN (count, 50), cancellable, NULL);
  _exit (3);
}

static void
dying_stream_class_init (DyingStreamClass *klass)
{
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = dying_stream_write;
}

static void
dying_stream_init (DyingStream *self)
{
}

static GOutputStream *
wrap_dying (GOutputStream *base,
            gpointer       user_data)
{
  return g_object_new (dying_stream_get_type (), "base-stream", base, "close-base-stream", FALSE, NULL);
}

static void
killed_save_child (void)
{
  g_autoptr(DorsumChart) chart = sample_chart ();
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("DORSUM_TEST_KILLED_SAVE"));

  _dorsum_chart_save_wrapped (chart, file, wrap_dying, NULL, NULL);
  g_assert_not_reached ();
}

/* A save killed part-way leaves the old file as it was and no temporary file, on file
 * systems with O_TMPFILE (ext4, XFS, Btrfs, tmpfs); elsewhere a .dorsum-saving-* file
 * stays, which the next autosave clearing or the user removes. */
static void
test_killed_save (void)
{
  g_autoptr(DorsumChart) chart = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *before = NULL, *after = NULL;
  gsize before_len, after_len;
  int probe;

  if (g_test_subprocess ())
    {
      killed_save_child ();
      return;
    }

  chart = sample_chart ();
  dir = test_make_tmp_dir ("dorsum-chart-XXXXXX");
  path = g_build_filename (dir, "client.dorsum-chart", NULL);
  file = g_file_new_for_path (path);
  probe = open (dir, O_TMPFILE | O_WRONLY, 0600);
  if (probe < 0)
    {
      g_test_skip ("no O_TMPFILE in the temporary directory's file system");
      g_rmdir (dir);
      return;
    }
  close (probe);

  g_setenv ("DORSUM_TEST_KILLED_SAVE", path, TRUE);

  /* The first save of a new file. */
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  assert_dir_holds (dir, "");

  /* A save over a chart. */
  g_assert_true (dorsum_chart_save (chart, file, NULL));
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  assert_dir_holds (dir, "client.dorsum-chart");
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);

  g_unsetenv ("DORSUM_TEST_KILLED_SAVE");
  g_unlink (path);
  g_rmdir (dir);
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

static void
test_clamp_text (void)
{
  g_autofree char *cut = NULL;

  g_assert_null (dorsum_chart_clamp_text (NULL, 10));

  /* Control characters go, tab, newline and carriage return stay (XML 1.0's Char). */
  cut = dorsum_chart_clamp_text ("a\vb\x01\x1f\tc\nd\re\x7f", 100);
  g_assert_cmpstr (cut, ==, "ab\tc\nd\re\x7f");
  g_clear_pointer (&cut, g_free);

  /* U+FFFE and U+FFFF are not characters; U+FFFD and U+10FFFF are. */
  cut = dorsum_chart_clamp_text ("\xef\xbf\xbe\xef\xbf\xbf\xef\xbf\xbd\xf4\x8f\xbf\xbf", 100);
  g_assert_cmpstr (cut, ==, "\xef\xbf\xbd\xf4\x8f\xbf\xbf");
  g_clear_pointer (&cut, g_free);

  /* Invalid UTF-8 becomes U+FFFD. */
  cut = dorsum_chart_clamp_text ("a\xff" "b", 100);
  g_assert_cmpstr (cut, ==, "a\xef\xbf\xbd" "b");
  g_clear_pointer (&cut, g_free);

  /* Cut after whole characters, counted as characters. */
  cut = dorsum_chart_clamp_text ("\xc3\xa9\xf0\x9f\x98\x80&x", 2);
  g_assert_cmpstr (cut, ==, "\xc3\xa9\xf0\x9f\x98\x80");
  g_clear_pointer (&cut, g_free);
  cut = dorsum_chart_clamp_text ("abc", 0);
  g_assert_cmpstr (cut, ==, "");
}

static void
test_date_is_valid (void)
{
  const char *valid[] = { NULL, "", "2026-11-22", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31" };
  const char *invalid[] = {
    " 2026-1-01", "+123-01-01", "2026-1-01", "2026-01-1", "2026-02-29", "1900-02-29", "2026-04-31",
    "2026-13-01", "2026-00-10", "2026-01-00", "0000-01-01", "-001-01-01", "12026-01-01", "2026-01-01Z",
    "2026-01-01 ", " 2026-01-01", "2026/01/01", "20260101", "2026-01-01T00:00", "2026-0a-01", "x",
  };

  /* Compared as strings so that a failure names the date. */
  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_cmpstr (dorsum_chart_date_is_valid (valid[i]) ? valid[i] : "refused", ==, valid[i]);
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_cmpstr (dorsum_chart_date_is_valid (invalid[i]) ? invalid[i] : NULL, ==, NULL);
}

static char *
repeat (const char *unit,
        guint       n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (text, unit);

  return g_string_free (text, FALSE);
}

static DorsumChart *
save_and_reopen (DorsumChart *chart,
                 const char  *name)
{
  g_autofree char *dir = test_make_tmp_dir ("dorsum-chart-XXXXXX");
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DorsumChart *again;

  g_assert_true (dorsum_chart_save (chart, file, &error));
  g_assert_no_error (error);
  again = dorsum_chart_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);

  g_unlink (path);
  g_rmdir (dir);

  return again;
}

/* Issue #11: each of these used to save, and the file was then refused. */
static void
test_saved_charts_reopen (void)
{
  g_autoptr(DorsumChart) chart = dorsum_chart_new ();
  g_autoptr(DorsumChart) again = NULL;
  g_autofree char *long_note = repeat ("&", DORSUM_CHART_MAX_NOTE_CHARS + 500);
  g_autofree char *long_notes = repeat ("b", DORSUM_CHART_MAX_NOTES_CHARS + 2000);
  DorsumMark mark = { 400, 600, 20, 5, DORSUM_QUALITY_SHARP, (char *)"vertical\vtab & \x01" };

  /* A control character: written as &#xb; it was not XML 1.0. */
  dorsum_chart_add_mark (chart, &mark);
  g_assert_cmpstr (dorsum_chart_get_mark (chart, 0)->note, ==, "verticaltab & ");

  /* Text past the limits is cut to them. */
  mark.note = long_note;
  dorsum_chart_add_mark (chart, &mark);
  g_assert_cmpint (g_utf8_strlen (dorsum_chart_get_mark (chart, 1)->note, -1), ==, DORSUM_CHART_MAX_NOTE_CHARS);
  dorsum_chart_set_notes (chart, long_notes);
  g_assert_cmpint (g_utf8_strlen (dorsum_chart_get_notes (chart), -1), ==, DORSUM_CHART_MAX_NOTES_CHARS);
  dorsum_chart_set_initials (chart, "J\x02.\xc3\x89.S.-K.-L.");
  g_assert_cmpstr (dorsum_chart_get_initials (chart), ==, "J.\xc3\x89.S.-K");

  /* Dates the old check let through are refused, and the date stays. */
  g_assert_true (dorsum_chart_set_date (chart, "2026-11-22"));
  g_assert_false (dorsum_chart_set_date (chart, " 2026-1-01"));
  g_assert_false (dorsum_chart_set_date (chart, "+123-01-01"));
  g_assert_cmpstr (dorsum_chart_get_date (chart), ==, "2026-11-22");

  /* 200 long notes: past the old 1 MiB read limit. */
  while (dorsum_chart_get_n_marks (chart) < DORSUM_CHART_MAX_MARKS)
    g_assert_cmpuint (dorsum_chart_add_mark (chart, &mark), !=, G_MAXUINT);
  g_assert_cmpuint (dorsum_chart_add_mark (chart, &mark), ==, G_MAXUINT);
  {
    g_autoptr(GBytes) bytes = dorsum_chart_serialize (chart);

    g_assert_cmpuint (g_bytes_get_size (bytes), >, 1024 * 1024);
  }

  again = save_and_reopen (chart, "limits.dorsum-chart");
  assert_charts_equal (chart, again);
  g_assert_cmpstr (dorsum_chart_get_mark (again, 0)->note, ==, "verticaltab & ");
}

typedef struct
{
  const char *file;
  int         code;
  const char *what;
  char       *xml;
} LimitCase;

/* The reader refuses what the setters would have cut, naming file, line and problem. */
static void
test_reader_limits (void)
{
  g_autofree char *note = repeat ("x", DORSUM_CHART_MAX_NOTE_CHARS + 1);
  g_autofree char *notes = repeat ("x", DORSUM_CHART_MAX_NOTES_CHARS + 1);
  g_autofree char *entries = repeat ("<entry ref=\"a\"/>", DORSUM_CHART_MAX_PLAN_ENTRIES + 1);
  LimitCase cases[] = {
    { "note.xml", DORSUM_LIBRARY_ERROR_TOO_LARGE, "the note of this mark: 2001 characters, more than the 2000",
      g_strdup_printf ("<mark x=\"1\" y=\"1\" radius=\"5\" intensity=\"1\" quality=\"aching\">%s</mark>", note) },
    { "notes.xml", DORSUM_LIBRARY_ERROR_TOO_LARGE, "the chart’s notes: 10001 characters, more than the 10000",
      g_strdup_printf ("<notes>%s</notes>", notes) },
    { "initials.xml", DORSUM_LIBRARY_ERROR_TOO_LARGE, "initials: 9 characters, more than the 8",
      g_strdup ("<client initials=\"ABCDEFGHI\"/>") },
    { "date.xml", DORSUM_LIBRARY_ERROR_SCHEMA, "2026-02-30",
      g_strdup ("<client date=\"2026-02-30\"/>") },
    /* xsd:date takes a time zone; a chart does not. */
    { "date-zone.xml", DORSUM_LIBRARY_ERROR_SCHEMA, "2026-02-03Z",
      g_strdup ("<client date=\"2026-02-03Z\"/>") },
    { "plan.xml", DORSUM_LIBRARY_ERROR_TOO_LARGE, "at most 100 entries",
      g_strdup_printf ("<plan>%s</plan>", entries) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *xml = g_strdup_printf ("<chart xmlns=\"https://dorsum.github.io/ns/chart/1\" version=\"1\">\n"
                                              "\n%s\n</chart>\n", cases[i].xml);
      g_autofree char *where = g_strdup_printf ("%s:3: ", cases[i].file);
      g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
      g_autoptr(GError) error = NULL;
      g_autoptr(DorsumChart) chart = dorsum_chart_new_from_bytes (bytes, cases[i].file, &error);

      g_assert_null (chart);
      g_assert_error (error, DORSUM_LIBRARY_ERROR, cases[i].code);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, where));
      g_assert_nonnull (strstr (error->message, cases[i].what));
      g_free (cases[i].xml);
    }
}

/* The largest chart the writer can make: every limit reached, every character one that
 * escapes to many bytes or takes four in UTF-8. It saves, reopens, and fits the read limit. */
static void
test_worst_case (void)
{
  const char *units[] = { "\"", "&", "\xf4\x8f\xbf\xbf" };
  gsize largest = 0;

  /* The first is the largest file; under valgrind (for leaks) it is enough. */
  for (guint u = 0; u < (RUNNING_ON_VALGRIND ? 1 : G_N_ELEMENTS (units)); u++)
    {
      g_autoptr(DorsumChart) chart = dorsum_chart_new ();
      g_autoptr(DorsumChart) again = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GStrvBuilder) plan_builder = g_strv_builder_new ();
      g_auto(GStrv) plan = NULL;
      g_autofree char *note = repeat (units[u], DORSUM_CHART_MAX_NOTE_CHARS);
      g_autofree char *notes = repeat (units[u], DORSUM_CHART_MAX_NOTES_CHARS);
      g_autofree char *initials = repeat (units[u], DORSUM_CHART_MAX_INITIALS_CHARS);
      DorsumMark mark = { 799.99, 1199.99, 399.99, 10, DORSUM_QUALITY_STIFFNESS, note };

      for (guint i = 0; i < DORSUM_CHART_MAX_MARKS; i++)
        g_assert_cmpuint (dorsum_chart_add_mark (chart, &mark), ==, i);
      dorsum_chart_set_notes (chart, notes);
      dorsum_chart_set_initials (chart, initials);
      g_assert_true (dorsum_chart_set_date (chart, "9999-12-31"));
      for (guint i = 0; i < DORSUM_CHART_MAX_PLAN_ENTRIES; i++)
        {
          g_autofree char *ref = g_strdup_printf ("%0*u", DORSUM_CHART_MAX_PLAN_REF_CHARS, i);

          g_strv_builder_add (plan_builder, ref);
        }
      plan = g_strv_builder_end (plan_builder);
      dorsum_chart_set_plan (chart, (const char * const *)plan);
      g_assert_cmpuint (g_strv_length ((char **)dorsum_chart_get_plan (chart)), ==, DORSUM_CHART_MAX_PLAN_ENTRIES);

      bytes = dorsum_chart_serialize (chart);
      largest = MAX (largest, g_bytes_get_size (bytes));
      g_test_message ("notes of U+%04X: %" G_GSIZE_FORMAT " bytes", g_utf8_get_char (units[u]), g_bytes_get_size (bytes));

      again = save_and_reopen (chart, "worst.dorsum-chart");
      assert_charts_equal (chart, again);
    }

  g_assert_cmpuint (largest, >, 1024 * 1024);
  g_assert_cmpuint (largest, <, DORSUM_CHART_MAX_FILE_SIZE);
}

/* Characters that have broken XML writers: markup, controls, non-characters, the edges
 * of the planes, separators. */
static const gunichar awkward[] = {
  '&', '<', '>', '"', '\'', ']', ' ', '\t', '\n', '\r', 0x01, 0x0b, 0x1f, 0x7f, 0x85, 0xa0, 0xe9,
  0x2028, 0xd7ff, 0xe000, 0xfdd0, 0xfffd, 0xfffe, 0xffff, 0x1f600, 0x10ffff,
};

static char *
random_text (guint limit)
{
  GString *text = g_string_new (NULL);
  guint length;

  switch (g_test_rand_int_range (0, 8))
    {
    case 0:
      g_string_free (text, TRUE);
      return NULL;
    case 1:
      return g_string_free (text, FALSE);
    case 2:
      /* Around the limit, mostly past it. */
      length = (guint)g_test_rand_int_range ((gint32)limit - 3, (gint32)limit + 40);
      break;
    case 3:
      /* Only white space, which a parser may take for formatting. */
      for (guint i = (guint)g_test_rand_int_range (1, 12); i > 0; i--)
        g_string_append_c (text, " \t\n\r"[g_test_rand_int_range (0, 4)]);
      return g_string_free (text, FALSE);
    default:
      length = (guint)g_test_rand_int_range (1, 30);
    }

  for (guint i = 0; i < length; i++)
    switch (g_test_rand_int_range (0, 10))
      {
      case 0: case 1: case 2: case 3:
        g_string_append_c (text, (char)g_test_rand_int_range (0x20, 0x7f));
        break;
      case 4: case 5: case 6:
        g_string_append_unichar (text, awkward[g_test_rand_int_range (0, G_N_ELEMENTS (awkward))]);
        break;
      case 7:
        /* Anything, surrogates (invalid in UTF-8) included. */
        g_string_append_unichar (text, (gunichar)g_test_rand_int_range (0x80, 0x110000));
        break;
      case 8:
        /* A stray byte: invalid UTF-8. */
        g_string_append_c (text, (char)g_test_rand_int_range (0x80, 0x100));
        break;
      default:
        g_string_append_c (text, (char)g_test_rand_int_range (1, 0x20));
      }

  return g_string_free (text, FALSE);
}

static char *
random_date (void)
{
  static const char * const odd[] = {
    " 2026-1-01", "+123-01-01", "2026-02-29", "0000-01-01", "2026-01-01Z", "12026-01-01", "2026-1-1",
    "2024-02-29", "9999-12-31", "0001-01-01",
  };
  char *date;

  switch (g_test_rand_int_range (0, 6))
    {
    case 0:
      return g_test_rand_bit () ? NULL : g_strdup ("");
    case 1:
      return g_strdup (odd[g_test_rand_int_range (0, G_N_ELEMENTS (odd))]);
    case 2:
      /* A valid-looking date with one character changed. */
      date = g_strdup_printf ("%04d-%02d-%02d", g_test_rand_int_range (1, 10000),
                              g_test_rand_int_range (1, 13), g_test_rand_int_range (1, 29));
      date[g_test_rand_int_range (0, 10)] = (char)g_test_rand_int_range (0x20, 0x7f);
      return date;
    default:
      /* Days up to 31 in every month: some do not exist. */
      return g_strdup_printf ("%04d-%02d-%02d", g_test_rand_int_range (1, 10000),
                              g_test_rand_int_range (1, 13), g_test_rand_int_range (1, 32));
    }
}

/* An oracle that shares no code with dorsum_chart_date_is_valid(). */
static gboolean
date_oracle (const char *date)
{
  g_autoptr(GDateTime) time = NULL;
  int y, m, d;

  if (date == NULL || date[0] == '\0')
    return TRUE;
  if (!g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", date, 0, 0))
    return FALSE;
  sscanf (date, "%d-%d-%d", &y, &m, &d);
  time = g_date_time_new_utc (y, m, d, 0, 0, 0);

  return time != NULL;
}

static void
random_plan (GStrvBuilder *builder)
{
  static const char * const refs[] = {
    "figure-four-stretch", "ball-glute-release", "Bad_Ref", "-a", "a--b", "", "a-", "x",
    "0123456789012345678901234567890123456789012345678901234567890123",
    "01234567890123456789012345678901234567890123456789012345678901234",
  };

  for (guint i = (guint)g_test_rand_int_range (0, 6); i > 0; i--)
    g_strv_builder_add (builder, refs[g_test_rand_int_range (0, G_N_ELEMENTS (refs))]);
}

static double
random_coordinate (double high)
{
  switch (g_test_rand_int_range (0, 12))
    {
    case 0: return NAN;
    case 1: return g_test_rand_bit () ? INFINITY : -INFINITY;
    case 2: return -0.0;
    default: return g_test_rand_double_range (-50, high + 50);
    }
}

static gboolean
text_within (const char *text,
             guint       limit)
{
  if (text == NULL)
    return TRUE;
  if (text[0] == '\0' || !g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > limit)
    return FALSE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 ? (c != '\t' && c != '\n' && c != '\r') : (c == 0xfffe || c == 0xffff))
        return FALSE;
    }

  return TRUE;
}

/* What the model holds is always what a chart may hold. */
static void
assert_within_limits (DorsumChart *chart)
{
  g_assert_cmpuint (dorsum_chart_get_n_marks (chart), <=, DORSUM_CHART_MAX_MARKS);
  for (guint i = 0; i < dorsum_chart_get_n_marks (chart); i++)
    g_assert_true (text_within (dorsum_chart_get_mark (chart, i)->note, DORSUM_CHART_MAX_NOTE_CHARS));
  g_assert_true (text_within (dorsum_chart_get_notes (chart), DORSUM_CHART_MAX_NOTES_CHARS));
  g_assert_true (text_within (dorsum_chart_get_initials (chart), DORSUM_CHART_MAX_INITIALS_CHARS));
  g_assert_true (dorsum_chart_date_is_valid (dorsum_chart_get_date (chart)));
  g_assert_true (dorsum_chart_get_date (chart) == NULL || dorsum_chart_get_date (chart)[0] != '\0');
  g_assert_cmpuint (g_strv_length ((char **)dorsum_chart_get_plan (chart)), <=, DORSUM_CHART_MAX_PLAN_ENTRIES);
}

static void
random_edit (DorsumChart *chart)
{
  guint n_marks = dorsum_chart_get_n_marks (chart);
  g_autofree char *note = random_text (DORSUM_CHART_MAX_NOTE_CHARS);
  DorsumMark mark = {
    random_coordinate (800), random_coordinate (1200), random_coordinate (400),
    g_test_rand_int_range (-3, 14), (DorsumQuality)g_test_rand_int_range (0, DORSUM_N_QUALITIES + 2), note,
  };

  switch (g_test_rand_int_range (0, 12))
    {
    case 0: case 1: case 2:
      g_assert_cmpuint (dorsum_chart_add_mark (chart, &mark), ==, n_marks < DORSUM_CHART_MAX_MARKS ? n_marks : G_MAXUINT);
      break;
    case 3:
      if (n_marks > 0)
        dorsum_chart_update_mark (chart, (guint)g_test_rand_int_range (0, (gint32)n_marks), &mark);
      break;
    case 4:
      /* As the diagram's drag does: a copy of a stored mark, its note shared. */
      if (n_marks > 0)
        {
          guint position = (guint)g_test_rand_int_range (0, (gint32)n_marks);
          DorsumMark moved = *dorsum_chart_get_mark (chart, position);

          moved.x = mark.x;
          dorsum_chart_update_mark (chart, position, &moved);
        }
      break;
    case 5:
      if (n_marks > 0)
        dorsum_chart_remove_mark (chart, (guint)g_test_rand_int_range (0, (gint32)n_marks));
      break;
    case 6:
      {
        g_autofree char *initials = random_text (DORSUM_CHART_MAX_INITIALS_CHARS);
        g_autofree char *notes = random_text (DORSUM_CHART_MAX_NOTES_CHARS);

        dorsum_chart_set_initials (chart, initials);
        dorsum_chart_set_notes (chart, notes);
      }
      break;
    case 7:
      {
        g_autofree char *date = random_date ();
        g_autofree char *before = g_strdup (dorsum_chart_get_date (chart));
        gboolean valid = date_oracle (date);

        g_assert_cmpint (dorsum_chart_set_date (chart, date), ==, valid);
        g_assert_cmpstr (dorsum_chart_get_date (chart), ==, !valid ? before : date && date[0] ? date : NULL);
      }
      break;
    case 8:
      {
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        g_auto(GStrv) plan = NULL;

        random_plan (builder);
        plan = g_strv_builder_end (builder);
        dorsum_chart_set_plan (chart, g_test_rand_bit () ? (const char * const *)plan : NULL);
      }
      break;
    case 9: case 10:
      dorsum_chart_undo (chart);
      break;
    default:
      dorsum_chart_redo (chart);
    }
}

/* Random edits, then save and reopen: what the app saves, it opens, unchanged. Run with
 * --seed to repeat a failure; -m thorough for ten times as many rounds. */
static void
test_random_edits_round_trip (void)
{
  guint rounds = RUNNING_ON_VALGRIND ? 15 : 250;
  g_autofree char *dir = g_strdup ("/dev/shm/dorsum-chart-XXXXXX");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  /* In memory where there is a tmpfs, so the rounds do not wait on the disk's syncs. */
  if (g_mkdtemp (dir) == NULL)
    {
      g_free (dir);
      dir = test_make_tmp_dir ("dorsum-chart-XXXXXX");
    }
  path = g_build_filename (dir, "random.dorsum-chart", NULL);
  file = g_file_new_for_path (path);

  if (g_test_thorough ())
    rounds *= 10;

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(DorsumChart) chart = dorsum_chart_new ();
      g_autoptr(DorsumChart) again = NULL;
      g_autoptr(GError) error = NULL;
      guint n_edits = (guint)g_test_rand_int_range (1, 60);

      /* Now and then a chart near its limit of marks, for adds that must be refused. */
      if (g_test_rand_int_range (0, 20) == 0)
        for (guint i = 0; i < DORSUM_CHART_MAX_MARKS - 5; i++)
          {
            DorsumMark mark = { i, i, 10, 5, DORSUM_QUALITY_ACHING, (char *)"&" };

            dorsum_chart_add_mark (chart, &mark);
          }

      for (guint i = 0; i < n_edits; i++)
        {
          random_edit (chart);
          if (0) assert_within_limits (chart);
        }

      if (!dorsum_chart_save (chart, file, &error))
        g_test_message ("round %u", round);
      g_assert_no_error (error);
      again = dorsum_chart_new_from_file (file, &error);
      g_assert_no_error (error);
      assert_charts_equal (chart, again);
    }

  g_unlink (path);
  g_rmdir (dir);
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

/* Pain on the front: each fixture ranks a textbook referrer (Travell & Simons) near the top. */
static void
test_lookup_front (void)
{
  const struct { const char *chart; const char *muscle; guint within; } cases[] = {
    { "front-groin.xml", "psoas-major", 3 },
    { "front-groin.xml", "iliacus", 3 },
    { "front-lower-abdomen.xml", "rectus-abdominis", 3 },
    { "front-shoulder.xml", "anterior-deltoid", 3 },
    { "front-shoulder.xml", "infraspinatus", 5 },
    { "front-thigh.xml", "psoas-major", 3 },
    { "front-neck-jaw.xml", "sternocleidomastoid", 3 },
    { "front-neck-jaw.xml", "trapezius-descending", 3 },
    /* One chart, front and back: the groin and the low back. */
    { "groin-and-low-back.xml", "psoas-major", 3 },
    { "groin-and-low-back.xml", "iliacus", 3 },
    { "groin-and-low-back.xml", "quadratus-lumborum", 5 },
  };
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();

  g_assert_true (dorsum_library_load_builtin (library, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DorsumChart) chart = load (cases[i].chart, &error);
      g_autoptr(GArray) results = NULL;

      g_assert_no_error (error);
      results = dorsum_lookup_muscles (library, chart);
      g_test_message ("%s: %s ranks %u", cases[i].chart, cases[i].muscle, rank_of (results, cases[i].muscle));
      g_assert_cmpuint (rank_of (results, cases[i].muscle), <=, cases[i].within);
    }

  /* The same groin mark on the back of the figure is not the groin. */
  {
    g_autoptr(DorsumChart) chart = load ("front-groin.xml", NULL);
    g_autoptr(GArray) results = NULL;
    DorsumMark m = *dorsum_chart_get_mark (chart, 0);

    m.figure = "posterior";
    m.note = NULL;
    dorsum_chart_update_mark (chart, 0, &m);
    results = dorsum_lookup_muscles (library, chart);
    g_assert_cmpuint (rank_of (results, "psoas-major"), >, 3);
  }
}

/* A chart with marks on the front exports both figures side by side, each with its own
 * marks; a back-only chart the back alone. */
static void
test_export_figures (void)
{
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  g_autofree char *dir = test_make_tmp_dir ("dorsum-export-XXXXXX");
  const struct { const char *chart; int width; } cases[] = {
    { "groin-and-low-back.xml", 1200 },
    { "low-back.xml", 600 },
  };

  g_assert_true (dorsum_library_load_builtin (library, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DorsumChart) chart = load (cases[i].chart, NULL);
      g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
      g_autoptr(GError) error = NULL;
      cairo_surface_t *png;

      g_assert_true (dorsum_chart_export (chart, library, path, 600, FALSE, &error));
      g_assert_no_error (error);
      png = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (png), ==, cases[i].width);
      cairo_surface_destroy (png);
      g_unlink (path);
    }
  g_rmdir (dir);
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
  /* A4 pages (tests/test-handout.c reads the handout back in detail). */
  {
    double width = 0, height = 0;

    if (test_pdf_get_n_pages (pdf, &width, &height) >= 0)
      {
        g_assert_cmpfloat_with_epsilon (width, 595.28, 0.01);
        g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
      }
  }

  g_assert_false (dorsum_chart_export (chart, library, png, 400, TRUE, &error) && error == NULL);

  g_unlink (png);
  g_unlink (svg);
  g_unlink (pdf);
  g_rmdir (dir);
}

/* Runs a save test as the document portal would have it, with no O_TMPFILE. */
static void
with_named_temp (gconstpointer data)
{
  GTestFunc test = (GTestFunc)data;

  g_setenv ("DORSUM_TEST_NO_O_TMPFILE", "1", TRUE);
  test ();
  g_unsetenv ("DORSUM_TEST_NO_O_TMPFILE");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *state = NULL;
  g_autofree char *dorsum_state = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Not in the child processes of the tests that trap one: they may end by _exit() or as
   * another user, and would leave it behind. */
  if (!g_test_subprocess ())
    {
      state = test_make_tmp_dir ("dorsum-state-XXXXXX");
      g_setenv ("XDG_STATE_HOME", state, TRUE);
    }

  g_test_add_func ("/chart/round-trip", test_round_trip);
  g_test_add_func ("/chart/format-versions", test_format_versions);
  for (guint i = 0; i < G_N_ELEMENTS (bad_charts); i++)
    {
      g_autofree char *path = g_strdup_printf ("/chart/bad/%s", bad_charts[i].file);

      g_test_add_data_func (path, &bad_charts[i], test_bad);
    }
  g_test_add_func ("/chart/too-many-marks", test_too_many_marks);
  g_test_add_func ("/chart/interrupted-save", test_interrupted_save);
  g_test_add_func ("/chart/save-leaves-only-the-chart", test_save_leaves_only_the_chart);
  g_test_add_func ("/chart/failed-first-save", test_failed_first_save);
  g_test_add_func ("/chart/save-errors", test_save_errors);
  g_test_add_func ("/chart/save-permissions", test_save_permissions);
  g_test_add_func ("/chart/save-through-link", test_save_through_link);
  g_test_add_func ("/chart/killed-save", test_killed_save);
  g_test_add_func ("/chart/read-special-files", test_read_special_files);
  g_test_add_func ("/chart/read-limit", test_read_limit);
  g_test_add_func ("/chart/read-without-path", test_read_without_path);
  /* The same saves with a named temporary file, as on the Flatpak document portal. */
  g_test_add_data_func ("/chart/named-temp/interrupted-save", test_interrupted_save, with_named_temp);
  g_test_add_data_func ("/chart/named-temp/save-leaves-only-the-chart", test_save_leaves_only_the_chart, with_named_temp);
  g_test_add_data_func ("/chart/named-temp/failed-first-save", test_failed_first_save, with_named_temp);
  g_test_add_data_func ("/chart/named-temp/save-errors", test_save_errors, with_named_temp);
  g_test_add_data_func ("/chart/named-temp/save-permissions", test_save_permissions, with_named_temp);
  g_test_add_data_func ("/chart/named-temp/save-through-link", test_save_through_link, with_named_temp);
  g_test_add_func ("/chart/autosave", test_autosave);
  g_test_add_func ("/chart/undo", test_undo);
  g_test_add_func ("/chart/move-mark-with-note", test_move_mark_with_note);
  g_test_add_func ("/chart/clamp-text", test_clamp_text);
  g_test_add_func ("/chart/date-is-valid", test_date_is_valid);
  g_test_add_func ("/chart/saved-charts-reopen", test_saved_charts_reopen);
  g_test_add_func ("/chart/reader-limits", test_reader_limits);
  g_test_add_func ("/chart/worst-case", test_worst_case);
  g_test_add_func ("/chart/random-edits-round-trip", test_random_edits_round_trip);
  g_test_add_func ("/chart/lookup", test_lookup);
  g_test_add_func ("/chart/lookup-front", test_lookup_front);
  g_test_add_func ("/chart/export", test_export);
  g_test_add_func ("/chart/export-figures", test_export_figures);

  status = g_test_run ();

  /* What the autosave test leaves: the state directory's (empty) dorsum folder. */
  if (state != NULL)
    {
      dorsum_state = g_build_filename (state, "dorsum", NULL);
      g_rmdir (dorsum_state);
      g_rmdir (state);
    }

  return status;
}
