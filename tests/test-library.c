/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Loader tests: the good library and the seed pack load; every bad fixture is refused with
 * its own error code and a message that names the file and the line. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "dorsum-library.h"
#include "dorsum-search.h"
#include "test-common.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static DorsumLibrary *
load_fixture (const char  *name,
              GError     **error)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DorsumLibrary *library = dorsum_library_new ();

  dorsum_library_add_pack (library, file, error);

  return library;
}

static void
test_builtin (void)
{
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  g_autoptr(GError) error = NULL;
  DorsumEntry *lats;

  g_assert_true (dorsum_library_load_builtin (library, &error));
  g_assert_no_error (error);

  /* The built-in library is the full one, not a stub. */
  g_assert_cmpuint (g_list_model_get_n_items (dorsum_library_get_entries (library, DORSUM_KIND_MUSCLE)), >=, 36);
  g_assert_cmpuint (g_list_model_get_n_items (dorsum_library_get_entries (library, DORSUM_KIND_TECHNIQUE)), >=, 10);

  lats = dorsum_library_lookup (library, "latissimus-dorsi");
  g_assert_nonnull (lats);
  g_assert_cmpint (dorsum_entry_get_kind (lats), ==, DORSUM_KIND_MUSCLE);
  g_assert_cmpstr (dorsum_entry_get_attribute (lats, "layer"), ==, "superficial");
  g_assert_nonnull (dorsum_entry_lookup_value (lats, "origin"));
  g_assert_nonnull (dorsum_entry_lookup_value (lats, "insertion"));
}

/* Zones and points on either figure: a zone is on its point's figure unless it names one;
 * the posterior-only zones list keeps what the back atlas and charts use. */
static void
test_zone_figures (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DorsumLibrary) library = load_fixture ("good/zone-figures.xml", &error);
  DorsumEntry *muscle;
  const DorsumTriggerPoint *tp;
  const DorsumZone *zone;

  g_assert_no_error (error);
  muscle = dorsum_library_lookup (library, "test-front");
  g_assert_nonnull (muscle);
  g_assert_cmpuint (dorsum_entry_get_n_trigger_points (muscle), ==, 3);

  /* No figure named: posterior throughout. */
  tp = dorsum_entry_get_trigger_point (muscle, 0);
  g_assert_cmpstr (tp->figure, ==, "posterior");
  g_assert_cmpuint (tp->all_zones->len, ==, 1);
  g_assert_cmpuint (tp->zones->len, ==, 1);
  zone = g_ptr_array_index (tp->all_zones, 0);
  g_assert_cmpstr (zone->figure, ==, "posterior");
  g_assert_true (zone->points == g_ptr_array_index (tp->zones, 0));

  /* A posterior point with an anterior zone first. */
  tp = dorsum_entry_get_trigger_point (muscle, 1);
  g_assert_cmpstr (tp->figure, ==, "posterior");
  g_assert_cmpuint (tp->all_zones->len, ==, 2);
  zone = g_ptr_array_index (tp->all_zones, 0);
  g_assert_cmpstr (zone->figure, ==, "anterior");
  g_assert_cmpuint (zone->points->len, ==, 4);
  g_assert_cmpfloat (g_array_index (zone->points, DorsumPoint, 0).x, ==, 200);
  g_assert_cmpfloat (g_array_index (zone->points, DorsumPoint, 2).y, ==, 340);
  zone = g_ptr_array_index (tp->all_zones, 1);
  g_assert_cmpstr (zone->figure, ==, "posterior");
  g_assert_cmpuint (tp->zones->len, ==, 1);
  g_assert_true (zone->points == g_ptr_array_index (tp->zones, 0));

  /* An anterior point: its unmarked zone is anterior, the marked one posterior. */
  tp = dorsum_entry_get_trigger_point (muscle, 2);
  g_assert_cmpstr (tp->figure, ==, "anterior");
  g_assert_cmpfloat (tp->point.x, ==, 300);
  g_assert_cmpuint (tp->all_zones->len, ==, 2);
  g_assert_cmpstr (((DorsumZone *)g_ptr_array_index (tp->all_zones, 0))->figure, ==, "anterior");
  zone = g_ptr_array_index (tp->all_zones, 1);
  g_assert_cmpstr (zone->figure, ==, "posterior");
  g_assert_cmpuint (tp->zones->len, ==, 1);
  g_assert_true (zone->points == g_ptr_array_index (tp->zones, 0));
  g_assert_cmpfloat (g_array_index (zone->points, DorsumPoint, 0).x, ==, 450);
}

static void
test_seed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DorsumLibrary) library = load_fixture ("good/seed.xml", &error);
  DorsumEntry *lats, *technique, *article;
  const DorsumTriggerPoint *tp;
  const char * const *actions;

  g_assert_no_error (error);
  g_assert_cmpuint (dorsum_library_get_n_entries (library), ==, 9);

  lats = dorsum_library_lookup (library, "test-latissimus");
  g_assert_nonnull (lats);
  g_assert_cmpstr (dorsum_entry_get_name (lats), ==, "Latissimus dorsi");
  g_assert_cmpstr (dorsum_entry_get_latin (lats), ==, "Musculus latissimus dorsi");
  g_assert_cmpstr (dorsum_entry_get_aliases (lats)[0], ==, "lats");
  g_assert_cmpstr (dorsum_entry_get_attribute (lats, "innervation-roots"), ==, "C6-C8");
  g_assert_cmpstr (dorsum_entry_get_attribute (lats, "region"), ==, "upper-back");
  actions = dorsum_entry_lookup_field (lats, "action");
  g_assert_cmpuint (g_strv_length ((GStrv)actions), ==, 2);
  g_assert_cmpstr (actions[1], ==, "Adducts and medially rotates the arm.");
  g_assert_cmpuint (dorsum_entry_get_line (lats), ==, 5);

  g_assert_cmpuint (dorsum_entry_get_n_trigger_points (lats), ==, 1);
  tp = dorsum_entry_get_trigger_point (lats, 0);
  g_assert_cmpfloat (tp->point.x, ==, 520);
  g_assert_cmpfloat (tp->point.y, ==, 430);
  g_assert_cmpuint (tp->zones->len, ==, 1);
  g_assert_cmpuint (((GArray *)g_ptr_array_index (tp->zones, 0))->len, ==, 5);

  g_assert_cmpuint (dorsum_entry_get_n_links (lats), ==, 3);
  g_assert_cmpint (dorsum_entry_get_link (lats, 2)->kind, ==, DORSUM_KIND_SELFCARE);
  g_assert_cmpstr (dorsum_entry_get_link (lats, 2)->id, ==, "test-roller");

  technique = dorsum_library_lookup (library, "test-compression");
  g_assert_cmpstr (dorsum_entry_get_attribute (technique, "pressure-min"), ==, "5");
  g_assert_cmpuint (g_strv_length ((GStrv)dorsum_entry_lookup_field (technique, "steps")), ==, 2);

  article = dorsum_library_lookup (library, "test-about");
  g_assert_cmpuint (g_strv_length ((GStrv)dorsum_entry_lookup_field (article, "text")), ==, 3);

  /* Lists are sorted by name. */
  {
    GListModel *muscles = dorsum_library_get_entries (library, DORSUM_KIND_MUSCLE);
    g_autoptr(DorsumEntry) first = g_list_model_get_item (muscles, 0);

    g_assert_cmpstr (dorsum_entry_get_id (first), ==, "test-latissimus");
  }
}

typedef struct
{
  const char *file;
  int         code;
  const char *where;   /* "file.xml:LINE:" that must start the message */
  const char *words;   /* a phrase a content author needs to read */
} BadCase;

static const BadCase bad_cases[] = {
  { "not-xml.xml", DORSUM_LIBRARY_ERROR_NOT_XML, "not-xml.xml:1:", "not well-formed XML" },
  { "truncated.xml", DORSUM_LIBRARY_ERROR_NOT_XML, "truncated.xml:", "not well-formed XML" },
  { "wrong-root.xml", DORSUM_LIBRARY_ERROR_WRONG_ROOT, "wrong-root.xml:3:", "<catalogue>" },
  { "billion-laughs.xml", DORSUM_LIBRARY_ERROR_DOCTYPE, "billion-laughs.xml:2:", "DOCTYPE" },
  { "external-entity.xml", DORSUM_LIBRARY_ERROR_DOCTYPE, "external-entity.xml:3:", "DOCTYPE" },
  { "schema-violation.xml", DORSUM_LIBRARY_ERROR_SCHEMA, "schema-violation.xml:11:", "<insertion> is not expected here" },
  { "duplicate-id.xml", DORSUM_LIBRARY_ERROR_DUPLICATE, "duplicate-id.xml:68:", "\"test-latissimus\" is already used" },
  { "bad-roots.xml", DORSUM_LIBRARY_ERROR_SCHEMA, "bad-roots.xml:38:", "roots=\"T12 to L3\"" },
  { "bad-id.xml", DORSUM_LIBRARY_ERROR_SCHEMA, "bad-id.xml:68:", "is not an id" },
  { "blank-text.xml", DORSUM_LIBRARY_ERROR_SCHEMA, "blank-text.xml:55:", "<tempo> is empty" },
  { "blank-referral.xml", DORSUM_LIBRARY_ERROR_SCHEMA, "blank-referral.xml:19:", "<referral> is empty" },
  { "bad-pressure.xml", DORSUM_LIBRARY_ERROR_SCHEMA, "bad-pressure.xml:54:", "max=\"12\" on <pressure> is not a whole number from 0 to 10" },
  { "bad-coordinate.xml", DORSUM_LIBRARY_ERROR_SCHEMA, "bad-coordinate.xml:17:", "y=\"-4.5\" on <trigger-point> is not a number" },
  { "bad-figure.xml", DORSUM_LIBRARY_ERROR_SCHEMA, "bad-figure.xml:25:", "the attribute “figure” of <zone>" },
  { "long-ref.xml", DORSUM_LIBRARY_ERROR_SCHEMA, "long-ref.xml:25:", "is not an id" },
  { "dangling-ref.xml", DORSUM_LIBRARY_ERROR_DANGLING, "dangling-ref.xml:24:",
    "technique \"test-compresion\" is not defined (did you mean \"test-compression\"?)" },
};

static void
test_bad (gconstpointer data)
{
  const BadCase *bad = data;
  g_autofree char *name = g_build_filename ("bad", bad->file, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DorsumLibrary) library = load_fixture (name, &error);
  const char *where;

  g_assert_error (error, DORSUM_LIBRARY_ERROR, bad->code);
  g_test_message ("%s", error->message);

  /* The message starts with the path as given, then the line. */
  where = strstr (error->message, bad->where);
  g_assert_nonnull (where);
  if (g_str_equal (bad->file, "truncated.xml"))
    {
      /* The error is on the last line, where the file stops. */
      g_autofree char *path = fixture (name);
      g_autofree char *contents = NULL;
      guint lines = 1;
      int line = atoi (where + strlen (bad->where));

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      for (const char *p = contents; *p; p++)
        lines += *p == '\n';
      g_assert_cmpint (line, >=, (int)lines - 1);
      g_assert_cmpint (line, <=, (int)lines);
    }
  g_assert_nonnull (strstr (error->message, bad->words));

  /* Nothing of a refused pack is added. */
  g_assert_cmpuint (dorsum_library_get_n_entries (library), ==, 0);
}

static void
test_external_entity_not_read (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DorsumLibrary) library = load_fixture ("bad/external-entity.xml", &error);

  g_assert_nonnull (error);
  g_assert_null (strstr (error->message, "root:"));
  g_assert_null (dorsum_library_lookup (library, "leak"));
}

static void
test_too_large (void)
{
  g_autofree char *dir = test_make_tmp_dir ("dorsum-test-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "huge.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  g_autoptr(GError) error = NULL;
  FILE *stream;

  /* A sparse file: large on paper, nothing written to disk. */
  stream = fopen (path, "w");
  g_assert_nonnull (stream);
  g_assert_cmpint (fseek (stream, DORSUM_LIBRARY_MAX_FILE_SIZE + 1, SEEK_SET), ==, 0);
  fputc ('\n', stream);
  fclose (stream);

  g_assert_false (dorsum_library_add_pack (library, file, &error));
  g_assert_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.xml"));
  g_assert_nonnull (strstr (error->message, "8 MiB"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_packs_side_by_side (void)
{
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  g_autofree char *root = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autofree char *library_dir = g_build_filename (root, "packs", NULL);
  GPtrArray *problems;
  GError *problem;

  /* Packs live in DATADIR/dorsum/library/; make one that points at the fixtures. */
  g_autofree char *tmp = test_make_tmp_dir ("dorsum-packs-XXXXXX");
  g_autofree char *dorsum_dir = g_build_filename (tmp, "dorsum", NULL);
  g_autofree char *link = g_build_filename (dorsum_dir, "library", NULL);

  g_assert_cmpint (g_mkdir (dorsum_dir, 0700), ==, 0);
  g_assert_cmpint (symlink (library_dir, link), ==, 0);

  g_setenv ("XDG_DATA_DIRS", tmp, TRUE);
  g_setenv ("XDG_DATA_HOME", "/nonexistent-dorsum-test", TRUE);

  /* GLib caches the data dirs; this test runs in its own process (see main). */
  dorsum_library_load_system_packs (library);

  g_assert_nonnull (dorsum_library_lookup (library, "pack-a-note"));
  g_assert_null (dorsum_library_lookup (library, "pack-b-note"));

  problems = dorsum_library_get_problems (library);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_error (problem, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_NOT_XML);
  g_assert_nonnull (strstr (problem->message, "broken.xml:"));

  g_unlink (link);
  g_rmdir (dorsum_dir);
  g_rmdir (tmp);
}

static void
test_pack_on_builtin (void)
{
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture ("good/seed.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint before;

  g_assert_true (dorsum_library_load_builtin (library, &error));
  before = dorsum_library_get_n_entries (library);

  /* The same pack twice: the second time every id clashes and nothing is added. */
  g_assert_true (dorsum_library_add_pack (library, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dorsum_library_get_n_entries (library), ==, before + 9);
  g_assert_false (dorsum_library_add_pack (library, file, &error));
  g_assert_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_DUPLICATE);
  g_assert_cmpuint (dorsum_library_get_n_entries (library), ==, before + 9);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/library/load/builtin", test_builtin);
  g_test_add_func ("/library/load/seed", test_seed);
  g_test_add_func ("/library/load/zone-figures", test_zone_figures);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/library/load/bad/%s", bad_cases[i].file);

      g_test_add_data_func (path, &bad_cases[i], test_bad);
    }
  g_test_add_func ("/library/load/external-entity-not-read", test_external_entity_not_read);
  g_test_add_func ("/library/load/too-large", test_too_large);
  g_test_add_func ("/library/load/pack-on-builtin", test_pack_on_builtin);
  g_test_add_func ("/library/packs/side-by-side", test_packs_side_by_side);

  return g_test_run ();
}
