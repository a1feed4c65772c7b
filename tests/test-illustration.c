/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pictures of the stretches and self-care routines: one for every such entry of the
 * built-in library and none for anything else, each with a description, each drawable. */

#include "config.h"

#include <string.h>

#include <cairo.h>

#include "dorsum-illustration.h"
#include "dorsum-library.h"

static DorsumLibrary *
load_library (void)
{
  g_autoptr(GError) error = NULL;
  DorsumLibrary *library = dorsum_library_new ();

  g_assert_true (dorsum_library_load_builtin (library, &error));
  g_assert_no_error (error);

  return library;
}

/* The share of a drawing's pixels that are not transparent. */
static double
inked_share (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  guint inked = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (((const guint32 *)(data + y * stride))[x] >> 24 > 0)
        inked++;

  return (double)inked / (width * height);
}

static void
test_every_exercise (void)
{
  g_autoptr(DorsumLibrary) library = load_library ();
  DorsumKind kinds[] = { DORSUM_KIND_STRETCH, DORSUM_KIND_SELFCARE };
  guint n = 0;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GListModel *entries = dorsum_library_get_entries (library, kinds[k]);

      for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
        {
          g_autoptr(DorsumEntry) entry = g_list_model_get_item (entries, i);
          const char *id = dorsum_entry_get_id (entry);
          g_autoptr(GBytes) svg = dorsum_library_get_illustration (id);
          g_autofree char *description = dorsum_library_dup_illustration_description (id);
          g_autoptr(GError) error = NULL;
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 150);
          cairo_t *cr = cairo_create (surface);
          double share;

          g_test_message ("%s", id);
          g_assert_true (dorsum_library_has_illustration (id));
          g_assert_nonnull (svg);
          g_assert_nonnull (description);
          g_assert_cmpuint (strlen (description), >, 20);
          g_assert_true (dorsum_library_draw_illustration (id, cr, 0, 0, 200, 150, &error));
          g_assert_no_error (error);
          cairo_destroy (cr);

          /* A person and their props, not an empty frame nor a filled one. */
          share = inked_share (surface);
          g_assert_cmpfloat (share, >, 0.04);
          g_assert_cmpfloat (share, <, 0.7);
          cairo_surface_destroy (surface);
          n++;
        }
    }

  g_assert_cmpuint (n, >=, 30);
}

/* No picture is left over: each belongs to a stretch or self-care entry. */
static void
test_no_stray_pictures (void)
{
  g_autoptr(DorsumLibrary) library = load_library ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = g_resources_enumerate_children ("/io/github/dorsum/Dorsum/illustrations/", 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *id = g_strndup (names[i], strlen (names[i]) - strlen (".svg"));
      DorsumEntry *entry = dorsum_library_lookup (library, id);

      g_assert_true (g_str_has_suffix (names[i], ".svg"));
      g_assert_nonnull (entry);
      g_assert_true (dorsum_entry_get_kind (entry) == DORSUM_KIND_STRETCH ||
                     dorsum_entry_get_kind (entry) == DORSUM_KIND_SELFCARE);
    }
}

static void
test_none (void)
{
  const char *ids[] = { "trapezius-descending", "", "../library/stretches", "childs-pose.svg", "CHILDS-POSE" };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 4, 4);
  cairo_t *cr = cairo_create (surface);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GBytes) svg = dorsum_library_get_illustration (ids[i]);
      g_autofree char *description = dorsum_library_dup_illustration_description (ids[i]);
      g_autoptr(GError) error = NULL;

      g_assert_false (dorsum_library_has_illustration (ids[i]));
      g_assert_null (svg);
      g_assert_null (description);
      g_assert_false (dorsum_library_draw_illustration (ids[i], cr, 0, 0, 4, 4, &error));
      g_assert_error (error, DORSUM_ILLUSTRATION_ERROR, DORSUM_ILLUSTRATION_ERROR_NONE_FOR_ENTRY);
    }
  g_assert_false (dorsum_library_has_illustration (NULL));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/illustration/every-exercise", test_every_exercise);
  g_test_add_func ("/illustration/no-stray-pictures", test_no_stray_pictures);
  g_test_add_func ("/illustration/none", test_none);

  return g_test_run ();
}
