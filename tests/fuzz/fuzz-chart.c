/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: a chart file read from bytes (or a new chart when it is refused), then
 * edited as the input's last bytes say (add, update, remove, undo, redo, the client's
 * details), written out and read back: the copy must equal the chart. Only the API of
 * dorsum-chart.h is used, within what the window would pass it. */

#include "config.h"

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

/* Text the chart does not yet write so that it reads back the same (reported to the chart's
 * owner, reproducers in tests/fuzz/reported/chart/): line breaks and tabs in initials, CR
 * anywhere, characters XML 1.0 does not allow. Left out unless DORSUM_FUZZ_CHART_ALL_TEXT
 * is set, so that fuzzing goes on to find what else there is. */
static void
avoid_known_chart_bugs (char     *text,
                        gboolean  one_line)
{
  static int all_text = -1;

  if (all_text < 0)
    all_text = g_getenv ("DORSUM_FUZZ_CHART_ALL_TEXT") != NULL;
  if (all_text)
    return;

  for (char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && (one_line || (c != '\n' && c != '\t'))) || c == 0xfffe || c == 0xffff)
        memset (p, ' ', g_utf8_next_char (p) - p);
    }
}

/* Valid UTF-8 cut from the input, at most @max_chars characters, as typed into the window. */
static char *
text_from (const uint8_t *data,
           size_t         size,
           guint          offset,
           guint          max_chars,
           gboolean       one_line)
{
  g_autofree char *valid = NULL;
  gsize start = size > 0 ? offset % size : 0;
  gsize length = MIN (size - start, (gsize)max_chars * 4);
  char *text;

  valid = g_utf8_make_valid ((const char *)data + start, length);
  if (g_utf8_strlen (valid, -1) > max_chars)
    text = g_utf8_substring (valid, 0, max_chars);
  else
    text = g_steal_pointer (&valid);

  avoid_known_chart_bugs (text, one_line);

  return text;
}

static void
fill_mark (DorsumMark    *mark,
           Script        *script,
           const uint8_t *data,
           size_t         size,
           char         **note)
{
  mark->x = next_coordinate (script, 800);
  mark->y = next_coordinate (script, 1200);
  mark->radius = next_byte (script) * 2.0;
  mark->intensity = (int)(next_byte (script) % 13) - 1;
  mark->quality = next_byte (script) % (DORSUM_N_QUALITIES + 1);
  *note = next_byte (script) % 2 ? text_from (data, size, next_byte (script) * 7, 2000, FALSE) : NULL;
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
            g_autofree char *initials = text_from (data, size, next_byte (&script) * 13, 8, TRUE);

            dorsum_chart_set_initials (chart, next_byte (&script) % 4 ? initials : NULL);
          }
          break;

        case 7:
          {
            g_autofree char *notes = text_from (data, size, next_byte (&script) * 31, 10000, FALSE);

            dorsum_chart_set_notes (chart, next_byte (&script) % 4 ? notes : NULL);
          }
          break;

        case 8:
          {
            static const char * const dates[] = { "2026-11-20", "1999-01-31", NULL };
            static const char * const plan[] = { "cat-cow", "pelvic-tilt", "open-book", NULL };
            guint choice = next_byte (&script);

            dorsum_chart_set_date (chart, dates[choice % 3]);
            dorsum_chart_set_plan (chart, plan + (choice / 3) % 4);
          }
          break;

        case 9:
          {
            int found = dorsum_chart_find_mark (chart, next_coordinate (&script, 800), next_coordinate (&script, 1200));

            fuzz_assert (found >= -1 && found < (int)n);
          }
          break;

        case 10:
          /* Saved to a file once per input: slower than memory, and a different path. */
          if (!saved)
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
