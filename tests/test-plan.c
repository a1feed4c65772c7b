/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plan of a chart (likely muscles, suggested and chosen stretches and self-care, their
 * cautions, edits as single undo steps) and the comparison of two charts of one client. */

#include "config.h"

#include <string.h>

#include "dorsum-chart-compare.h"
#include "dorsum-plan.h"

static DorsumLibrary *library;

static void
add_mark (DorsumChart *chart,
          const char  *figure,
          double       x,
          double       y,
          int          intensity)
{
  DorsumMark mark = { x, y, 30, intensity, DORSUM_QUALITY_ACHING, NULL, figure };

  dorsum_chart_add_mark (chart, &mark);
}

static gboolean
has_entry (GPtrArray  *entries,
           const char *id)
{
  for (guint i = 0; i < entries->len; i++)
    if (g_str_equal (dorsum_entry_get_id (entries->pdata[i]), id))
      return TRUE;

  return FALSE;
}

static char *
joined_plan (DorsumChart *chart)
{
  return g_strjoinv (",", (char **)dorsum_chart_get_plan (chart));
}

/* A chart with a buttock mark and a low back mark. */
static DorsumChart *
buttock_chart (void)
{
  DorsumChart *chart = dorsum_chart_new ();

  add_mark (chart, NULL, 450, 760, 6);
  add_mark (chart, NULL, 300, 700, 4);
  dorsum_chart_set_modified (chart, FALSE);

  return chart;
}

static void
test_plan_prefill (void)
{
  g_autoptr(DorsumChart) chart = buttock_chart ();
  g_autoptr(DorsumChart) empty = dorsum_chart_new ();
  g_autoptr(GPtrArray) muscles = dorsum_plan_get_muscles (library, chart);
  g_autoptr(GPtrArray) none = dorsum_plan_get_muscles (library, empty);
  g_autoptr(GPtrArray) items = dorsum_plan_get_items (library, chart);
  g_autoptr(GPtrArray) suggested = dorsum_plan_suggest (library, chart, NULL);

  /* The lookup's muscles, while the plan names none; nothing stored yet. */
  g_assert_cmpuint (muscles->len, >, 0);
  g_assert_cmpuint (muscles->len, <=, DORSUM_PLAN_LIKELY_MUSCLES);
  g_assert_false (dorsum_plan_has_muscles (library, chart));
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (items->len, ==, 0);
  g_assert_null (dorsum_chart_get_plan (chart)[0]);

  /* Suggestions are the stretches and self-care of those muscles, nothing else. */
  g_assert_cmpuint (suggested->len, >, 0);
  for (guint i = 0; i < suggested->len; i++)
    g_assert_true (dorsum_plan_is_item (suggested->pdata[i]));
  g_assert_true (has_entry (suggested, "ball-glute-release"));
}

static void
test_plan_edit (void)
{
  g_autoptr(DorsumChart) chart = buttock_chart ();
  g_autoptr(GPtrArray) shown = dorsum_plan_get_muscles (library, chart);
  g_autoptr(GPtrArray) muscles = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) suggested = NULL;
  g_autofree char *removed = g_strdup (dorsum_entry_get_id (shown->pdata[0]));
  g_autofree char *text = NULL;

  /* Removing a likely muscle keeps the others it showed, in one undo step. */
  dorsum_plan_remove (library, chart, removed);
  g_assert_true (dorsum_chart_get_modified (chart));
  g_assert_true (dorsum_plan_has_muscles (library, chart));
  muscles = dorsum_plan_get_muscles (library, chart);
  g_assert_cmpuint (muscles->len, ==, shown->len - 1);
  g_assert_false (has_entry (muscles, removed));
  g_assert_true (has_entry (muscles, dorsum_entry_get_id (shown->pdata[1])));

  dorsum_plan_add (library, chart, "levator-scapulae");
  dorsum_plan_add (library, chart, "cross-leg-glute-stretch");
  dorsum_plan_add (library, chart, "ball-glute-release");
  dorsum_plan_add (library, chart, "figure-four-stretch");
  /* Twice is once; other kinds are not plan entries. */
  dorsum_plan_add (library, chart, "figure-four-stretch");
  dorsum_plan_add (library, chart, "fever");
  items = dorsum_plan_get_items (library, chart);
  g_assert_cmpuint (items->len, ==, 3);
  g_assert_cmpstr (dorsum_entry_get_id (items->pdata[0]), ==, "cross-leg-glute-stretch");

  /* Reorder: the self-care first, then to the end and no further. */
  g_assert_true (dorsum_plan_move (library, chart, "ball-glute-release", -1));
  g_assert_false (dorsum_plan_move (library, chart, "ball-glute-release", -1));
  g_assert_true (dorsum_plan_move (library, chart, "cross-leg-glute-stretch", 5));
  g_assert_false (dorsum_plan_move (library, chart, "not-an-entry", 1));
  g_clear_pointer (&items, g_ptr_array_unref);
  items = dorsum_plan_get_items (library, chart);
  g_assert_cmpstr (dorsum_entry_get_id (items->pdata[0]), ==, "ball-glute-release");
  g_assert_cmpstr (dorsum_entry_get_id (items->pdata[1]), ==, "figure-four-stretch");
  g_assert_cmpstr (dorsum_entry_get_id (items->pdata[2]), ==, "cross-leg-glute-stretch");

  /* What is chosen is no longer suggested. */
  suggested = dorsum_plan_suggest (library, chart, NULL);
  g_assert_false (has_entry (suggested, "ball-glute-release"));

  /* Saved and read back in the same order; undo walks back one edit at a time. */
  {
    g_autoptr(GBytes) bytes = dorsum_chart_serialize (chart);
    g_autoptr(DorsumChart) again = dorsum_chart_new_from_bytes (bytes, "plan", NULL);
    g_autofree char *a = joined_plan (chart);
    g_autofree char *b = NULL;

    g_assert_nonnull (again);
    b = joined_plan (again);
    g_assert_cmpstr (a, ==, b);
    g_assert_nonnull (strstr (a, "levator-scapulae,ball-glute-release,figure-four-stretch,cross-leg-glute-stretch"));
  }
  dorsum_chart_undo (chart);
  text = joined_plan (chart);
  g_assert_nonnull (strstr (text, "ball-glute-release,cross-leg-glute-stretch,figure-four-stretch"));
}

static void
test_plan_cautions (void)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GPtrArray) cautions = NULL;
  g_autoptr(GPtrArray) one = NULL;
  gboolean seen_other = FALSE;

  g_ptr_array_add (items, dorsum_library_lookup (library, "upper-trapezius-stretch"));
  g_ptr_array_add (items, dorsum_library_lookup (library, "levator-scapulae-stretch"));
  g_ptr_array_add (items, dorsum_library_lookup (library, "ball-glute-release"));
  g_assert_nonnull (items->pdata[0]);
  g_assert_nonnull (items->pdata[2]);
  g_assert_nonnull (items->pdata[1]);
  cautions = dorsum_plan_get_cautions (library, items);
  one = dorsum_plan_get_entry_cautions (library, items->pdata[1]);

  /* Each once, from both items; red flags before the others. */
  g_assert_true (has_entry (cautions, "acute-injury"));
  g_assert_true (has_entry (cautions, "neurological-disorders"));
  g_assert_true (has_entry (cautions, "fever"));
  g_assert_true (has_entry (one, "fever"));
  g_assert_true (has_entry (cautions, "saddle-numbness"));
  g_assert_true (dorsum_plan_is_red_flag (cautions->pdata[0]));
  g_assert_false (has_entry (one, "neurological-disorders"));
  for (guint i = 0; i < cautions->len; i++)
    {
      gboolean red = dorsum_plan_is_red_flag (cautions->pdata[i]);

      g_assert_false (red && seen_other);
      seen_other |= !red;
      for (guint j = i + 1; j < cautions->len; j++)
        g_assert_true (cautions->pdata[i] != cautions->pdata[j]);
    }
}

/* Unknown ids (a pack since removed) survive an edit of the rest. */
static void
test_plan_unknown (void)
{
  g_autoptr(DorsumChart) chart = buttock_chart ();
  const char *ids[] = { "cross-leg-glute-stretch", "from-a-removed-pack", NULL };
  g_autofree char *text = NULL;

  dorsum_chart_set_plan (chart, ids);
  dorsum_plan_add (library, chart, "cat-cow");
  text = joined_plan (chart);
  g_assert_nonnull (strstr (text, "cross-leg-glute-stretch,cat-cow,from-a-removed-pack"));
}

static void
test_compare (void)
{
  g_autoptr(DorsumChart) earlier = dorsum_chart_new ();
  g_autoptr(DorsumChart) now = dorsum_chart_new ();
  g_autoptr(GArray) changes = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *all = NULL;

  add_mark (earlier, NULL, 450, 760, 7);          /* right gluteus maximus */
  add_mark (earlier, NULL, 455, 770, 5);          /* the same area: the highest counts */
  add_mark (earlier, NULL, 300, 700, 6);          /* left gluteus medius, gone by now */
  add_mark (now, NULL, 450, 760, 3);
  add_mark (now, "posterior", 200, 300, 4);       /* outside the muscles drawn, on the left */

  changes = dorsum_chart_compare (earlier, now);
  g_assert_cmpuint (changes->len, ==, 3);
  {
    const DorsumAreaChange *both = &g_array_index (changes, DorsumAreaChange, 0);
    const DorsumAreaChange *gone = &g_array_index (changes, DorsumAreaChange, 1);
    const DorsumAreaChange *added = &g_array_index (changes, DorsumAreaChange, 2);

    g_assert_cmpstr (both->muscle, ==, "gluteus-maximus");
    g_assert_cmpint (both->side, ==, DORSUM_SIDE_RIGHT);
    g_assert_cmpint (both->before, ==, 7);
    g_assert_cmpint (both->now, ==, 3);
    g_assert_cmpstr (gone->muscle, ==, "gluteus-medius");
    g_assert_cmpint (gone->now, ==, -1);
    g_assert_null (added->muscle);
    g_assert_cmpint (added->side, ==, DORSUM_SIDE_LEFT);
    g_assert_cmpint (added->before, ==, -1);
  }

  lines = dorsum_chart_compare_describe (earlier, now, library);
  all = g_strjoinv ("\n", lines);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[0], "Overall: mixed"));
  g_assert_nonnull (strstr (lines[0], "1 gone, 1 eased, 1 new"));
  g_assert_cmpstr (lines[1], ==, "Right gluteus maximus (back): 7 → 3");
  g_assert_cmpstr (lines[2], ==, "Left gluteus medius (back): gone (was 6)");
  g_assert_cmpstr (lines[3], ==, "Left side, outside the muscles drawn (back): new, 4");

  /* Only better: the new mark gone too. */
  dorsum_chart_remove_mark (now, 1);
  g_strfreev (lines);
  lines = dorsum_chart_compare_describe (earlier, now, library);
  g_assert_true (g_str_has_prefix (lines[0], "Overall: better"));

  /* The front's left is on the picture's right. */
  {
    g_autoptr(DorsumChart) front = dorsum_chart_new ();
    g_autoptr(DorsumChart) blank = dorsum_chart_new ();
    g_autoptr(GArray) front_changes = NULL;

    add_mark (front, "anterior", 700, 60, 2);
    front_changes = dorsum_chart_compare (blank, front);
    g_assert_cmpuint (front_changes->len, ==, 1);
    g_assert_cmpint (g_array_index (front_changes, DorsumAreaChange, 0).side, ==, DORSUM_SIDE_LEFT);
    g_assert_cmpstr (g_array_index (front_changes, DorsumAreaChange, 0).figure, ==, "anterior");
  }

  /* Two empty charts. */
  {
    g_autoptr(DorsumChart) a = dorsum_chart_new ();
    g_autoptr(DorsumChart) b = dorsum_chart_new ();
    g_auto(GStrv) empty = dorsum_chart_compare_describe (a, b, NULL);

    g_assert_cmpuint (g_strv_length (empty), ==, 1);
  }
}

/* The earlier marks are drawn on their own figure only, with a tag of their intensity. */
static void
test_compare_draw (void)
{
  g_autoptr(DorsumChart) earlier = dorsum_chart_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 1200);
  cairo_t *cr = cairo_create (surface);
  const guint8 *data;
  int stride;

  add_mark (earlier, NULL, 400, 600, 7);
  add_mark (earlier, "anterior", 200, 300, 3);
  dorsum_chart_compare_draw_earlier (cr, earlier, 1.0, "posterior");
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);

  /* Alpha (the high byte on a little-endian ARGB32): inside the posterior mark, not on the
   * anterior one, and the tag up and right of the circle is solid. */
#define ALPHA(x, y) (((const guint32 *)(data + (y) * stride))[(x)] >> 24)
  g_assert_cmpuint (ALPHA (400, 600), >, 0);
  g_assert_cmpuint (ALPHA (200, 300), ==, 0);
  g_assert_cmpuint (ALPHA (421, 579), >, 200);
#undef ALPHA

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  library = dorsum_library_new ();
  g_assert_true (dorsum_library_load_builtin (library, NULL));

  g_test_add_func ("/plan/prefill", test_plan_prefill);
  g_test_add_func ("/plan/edit", test_plan_edit);
  g_test_add_func ("/plan/cautions", test_plan_cautions);
  g_test_add_func ("/plan/unknown", test_plan_unknown);
  g_test_add_func ("/compare/areas", test_compare);
  g_test_add_func ("/compare/draw", test_compare_draw);

  status = g_test_run ();
  g_object_unref (library);

  return status;
}
