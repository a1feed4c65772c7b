/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: a chart file read from bytes (or a new chart when it is refused), then
 * edited as the input's last bytes say (add, update, remove, undo, redo, the client's
 * details), written out and read back: the copy must equal the chart. Only the API of
 * dorsum-chart.h is used, with anything it promises to clean: text of any bytes, numbers
 * out of range or not finite, dates and plan entries that are not. */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "dorsum-chart.h"
#include "fuzz-common.h"

#define MAX_OPS 48

typedef struct
{
  const uint8_t *p;
  const uint8_t *end;
} Script;

static guint
next_byte (Script *script)
{
  return script->p < script->end ? *script->p++ : 0;
}

/* A coordinate a little beyond the figure on either side: the chart clamps it. */
static double
next_coordinate (Script *script,
                 double  range)
{
  guint v = next_byte (script) << 8 | next_byte (script);

  return -50 + (range + 100) * v / 65535.0;
}

/* Bytes cut from the input, up to a little more than @max_chars characters can take: any
 * text at all, invalid UTF-8 and characters XML cannot hold included. The chart's setters
 * clean and cut it (dorsum_chart_clamp_text()). */
static char *
text_from (const uint8_t *data,
           size_t         size,
           guint          offset,
           guint          max_chars)
{
  gsize start = size > 0 ? offset % size : 0;

  return g_strndup ((const char *)data + start, MIN (size - start, ((gsize)max_chars + 16) * 4));
}

/* Mostly in range, sometimes what no widget would pass: the chart clamps all of it. */
static double
next_number (Script *script,
             double  range)
{
  switch (next_byte (script) % 16)
    {
    case 0:
      return NAN;
    case 1:
      return INFINITY;
    case 2:
      return -1e300;
    default:
      return next_coordinate (script, range);
    }
}

static void
fill_mark (DorsumMark    *mark,
           Script        *script,
           const uint8_t *data,
           size_t         size,
           char         **note)
{
  mark->x = next_number (script, 800);
  mark->y = next_number (script, 1200);
  mark->radius = next_number (script, 400);
  mark->intensity = (int)(next_byte (script) % 15) - 2;
  mark->quality = next_byte (script) % (DORSUM_N_QUALITIES + 1);
  *note = next_byte (script) % 2 ? text_from (data, size, next_byte (script) * 7, DORSUM_CHART_MAX_NOTE_CHARS) : NULL;
  mark->note = *note;
}

static void
check_equal (DorsumChart *chart,
             DorsumChart *copy,
             const char  *how)
{
  if (!dorsum_chart_equal (chart, copy))
    {
      g_autoptr(GBytes) a = dorsum_chart_serialize (chart);
      g_autoptr(GBytes) b = dorsum_chart_serialize (copy);

      g_printerr ("the chart %s differs from the chart:\n%.*s\n-- read back:\n%.*s\n", how,
                  (int)MIN (g_bytes_get_size (a), 4096), (const char *)g_bytes_get_data (a, NULL),
                  (int)MIN (g_bytes_get_size (b), 4096), (const char *)g_bytes_get_data (b, NULL));
      __builtin_trap ();
    }
}

static void
check_round_trip (DorsumChart *chart)
{
  g_autoptr(GBytes) bytes = dorsum_chart_serialize (chart);
  g_autoptr(GError) error = NULL;
  g_autoptr(DorsumChart) copy = dorsum_chart_new_from_bytes (bytes, "fuzz.dorsum-chart", &error);

  if (copy == NULL)
    {
      g_printerr ("the chart as saved does not read back: %s\n%.*s\n", error->message,
                  (int)MIN (g_bytes_get_size (bytes), 4096), (const char *)g_bytes_get_data (bytes, NULL));
      __builtin_trap ();
    }
  check_equal (chart, copy, "serialized and read back");
}

static char *tmp_path;

static void
remove_tmp_files (void)
{
  g_autofree char *backup = g_strconcat (tmp_path, "~", NULL);
  g_autofree char *dir = g_path_get_dirname (tmp_path);

  g_unlink (tmp_path);
  g_unlink (backup);
  g_rmdir (dir);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DorsumChart) chart = NULL;
  size_t n_ops = MIN (size, MAX_OPS);
  Script script = { data + size - n_ops, data + size };
  gboolean saved = FALSE;

  fuzz_init ();

  bytes = g_bytes_new (data, size);
  chart = dorsum_chart_new_from_bytes (bytes, "fuzz.dorsum-chart", &error);
  if (chart == NULL)
    {
      fuzz_assert (error != NULL);
      fuzz_assert (g_str_has_prefix (error->message, "fuzz.dorsum-chart"));
      fuzz_assert (g_utf8_validate (error->message, -1, NULL));
      fuzz_assert (strlen (error->message) < 64 * 1024);
      chart = dorsum_chart_new ();
    }
  else
    check_round_trip (chart);

  while (script.p < script.end)
    {
      guint op = next_byte (&script);
      guint n = dorsum_chart_get_n_marks (chart);

      switch (op % 11)
        {
        case 0:
        case 1:
          {
            DorsumMark mark = { 0, };
            g_autofree char *note = NULL;

            fill_mark (&mark, &script, data, size, &note);
            dorsum_chart_add_mark (chart, &mark);
          }
          break;

        case 2:
          if (n > 0)
            {
              DorsumMark mark = { 0, };
              g_autofree char *note = NULL;
              guint position = next_byte (&script) % n;

              fill_mark (&mark, &script, data, size, &note);
              dorsum_chart_update_mark (chart, position, &mark);
            }
          break;

        case 3:
          if (n > 0)
            dorsum_chart_remove_mark (chart, next_byte (&script) % n);
          break;

        case 4:
          if (dorsum_chart_can_undo (chart))
            dorsum_chart_undo (chart);
          break;

        case 5:
          if (dorsum_chart_can_redo (chart))
            dorsum_chart_redo (chart);
          break;

        case 6:
          {
            g_autofree char *initials = text_from (data, size, next_byte (&script) * 13, DORSUM_CHART_MAX_INITIALS_CHARS);

            dorsum_chart_set_initials (chart, next_byte (&script) % 4 ? initials : NULL);
          }
          break;

        case 7:
          {
            g_autofree char *notes = text_from (data, size, next_byte (&script) * 31, DORSUM_CHART_MAX_NOTES_CHARS);

            dorsum_chart_set_notes (chart, next_byte (&script) % 4 ? notes : NULL);
          }
          break;

        case 8:
          {
            static const char * const dates[] = { "2026-11-20", "1999-01-31", "", NULL };
            g_autofree char *raw = text_from (data, size, next_byte (&script) * 17, 12);
            g_autofree char *id = text_from (data, size, next_byte (&script) * 19, DORSUM_CHART_MAX_PLAN_REF_CHARS);
            const char *plan[] = { "cat-cow", id, "pelvic-tilt", NULL };
            guint choice = next_byte (&script);
            const char *date = choice % 5 < 4 ? dates[choice % 5] : raw;

            /* The chart refuses a date that is not a real day, and a plan entry that is not an id. */
            fuzz_assert (dorsum_chart_set_date (chart, date) == dorsum_chart_date_is_valid (date));
            dorsum_chart_set_plan (chart, choice & 0x80 ? plan : NULL);
          }
          break;

        case 9:
          {
            int found = dorsum_chart_find_mark (chart, next_coordinate (&script, 800), next_coordinate (&script, 1200));

            fuzz_assert (found >= -1 && found < (int)n);
          }
          break;

        case 10:
          /* Saved to a file at most once per input, and only for one value of the byte:
           * a save syncs the disk, a hundred times slower than the rest. */
          if (!saved && op == 10)
            {
              g_autoptr(GFile) file = NULL;
              g_autoptr(DorsumChart) reopened = NULL;
              g_autoptr(GError) save_error = NULL;

              if (tmp_path == NULL)
                {
                  g_autofree char *dir = g_dir_make_tmp ("dorsum-fuzz-XXXXXX", NULL);

                  fuzz_assert (dir != NULL);
                  tmp_path = g_build_filename (dir, "chart.dorsum-chart", NULL);
                  atexit (remove_tmp_files);
                }
              file = g_file_new_for_path (tmp_path);
              fuzz_assert (dorsum_chart_save (chart, file, &save_error));
              reopened = dorsum_chart_new_from_file (file, &save_error);
              if (reopened == NULL)
                {
                  g_printerr ("the chart as saved does not reopen: %s\n", save_error->message);
                  __builtin_trap ();
                }
              check_equal (chart, reopened, "saved and reopened");
              saved = TRUE;
            }
          break;

        default:
          g_assert_not_reached ();
        }

      fuzz_assert (dorsum_chart_get_n_marks (chart) <= DORSUM_CHART_MAX_MARKS);
    }

  check_round_trip (chart);

  return 0;
}
