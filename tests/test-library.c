/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Loader tests: the good library and the seed pack load; every bad fixture is refused with
 * its own error code and a message that names the file and the line. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "dorsum-chart.h"
#include "dorsum-library.h"
#include "dorsum-library-private.h"
#include "dorsum-search.h"
#include "dorsum-xml-private.h"
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

  g_assert_null (tp->drawing_note);

  /* A posterior point with an anterior zone first, and a note for the artwork. */
  tp = dorsum_entry_get_trigger_point (muscle, 1);
  g_assert_cmpstr (tp->drawing_note, ==, "The front of the shoulder is drawn on the anterior figure.");
  g_assert_null (strstr (tp->referral, "drawn"));
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

  /* The client's text, kept apart from the therapist's fields. */
  g_assert_true (dorsum_entry_has_client_text (lats));
  g_assert_cmpstr (dorsum_entry_get_client_paragraphs (lats)[0], ==, "A test muscle, in plain words.");
  g_assert_null (dorsum_entry_get_client_steps (lats)[0]);
  g_assert_null (dorsum_entry_get_client_dose (lats));
  g_assert_null (dorsum_entry_get_client_stop_if (lats));
  {
    DorsumEntry *stretch = dorsum_library_lookup (library, "test-side-stretch");
    const char * const *steps = dorsum_entry_get_client_steps (stretch);
    g_autofree char *text = dorsum_entry_dup_client_text (stretch);

    g_assert_cmpstr (dorsum_entry_get_client_paragraphs (stretch)[0], ==, "A test routine, in plain words.");
    g_assert_cmpuint (g_strv_length ((GStrv)steps), ==, 2);
    g_assert_cmpstr (steps[1], ==, "Breathe.");
    g_assert_cmpstr (dorsum_entry_get_client_dose (stretch), ==, "Hold 20 seconds, twice a day.");
    g_assert_cmpstr (dorsum_entry_get_client_stop_if (stretch), ==, "It hurts.");
    g_assert_cmpstr (text, ==, "A test routine, in plain words.\n1. Sit down.\n2. Breathe.\n"
                               "How much: Hold 20 seconds, twice a day.\nStop if: It hurts.");
    /* The therapist's own steps are untouched. */
    g_assert_cmpuint (g_strv_length ((GStrv)dorsum_entry_lookup_field (stretch, "steps")), >=, 1);
  }

  technique = dorsum_library_lookup (library, "test-compression");
  g_assert_false (dorsum_entry_has_client_text (technique));
  g_assert_null (dorsum_entry_dup_client_text (technique));
  g_assert_null (dorsum_entry_get_client_paragraphs (technique)[0]);
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
  { "no-client.xml", DORSUM_LIBRARY_ERROR_SCHEMA, "no-client.xml:30:", "<muscle id=\"test-ql\"> has no <client>" },
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

/* Files each under the limit, more than the pack limit together: refused before parsing. */
static void
test_pack_too_large (void)
{
  g_autofree char *dir = test_make_tmp_dir ("dorsum-test-XXXXXX");
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *third = g_build_filename (dir, "c.xml", NULL);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("%c.xml", 'a' + i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      FILE *stream = fopen (path, "w");

      /* Sparse: large on paper, nothing written to disk. */
      g_assert_nonnull (stream);
      g_assert_cmpint (ftruncate (fileno (stream), 6 * 1024 * 1024), ==, 0);
      fclose (stream);
    }

  g_assert_false (dorsum_library_add_pack (library, file, &error));
  g_assert_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, third));
  g_assert_nonnull (strstr (error->message, "16 MiB"));

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("%c.xml", 'a' + i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Two files of 249999 tags each: each is within the file limits, the pack is not. Both were
 * parsed at once on two cores, 250 MB; each takes half a second. */
static void
test_pack_many_tags (void)
{
  g_autofree char *dir = test_make_tmp_dir ("dorsum-test-XXXXXX");
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("<library xmlns=\"https://dorsum.github.io/ns/library/1\" version=\"1\">\n");
  g_autofree char *second = g_build_filename (dir, "b.xml", NULL);

  for (guint i = 0; i < (DORSUM_XML_MAX_TAGS - 10) / 10; i++)
    g_string_append (text, "<a/><a/><a/><a/><a/><a/><a/><a/><a/><a/>");
  g_string_append (text, "</library>\n");

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("%c.xml", 'a' + i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
    }

  g_assert_false (dorsum_library_add_pack (library, file, &error));
  g_assert_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, second));
  g_assert_nonnull (strstr (error->message, "more than 400000 tags"));

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("%c.xml", 'a' + i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* A file of 8 MiB of tiny elements made a tree of 300 MB and took 2 s: the number of tags
 * and of attributes in a file is bounded too. */
static void
test_many_tags (void)
{
  g_autoptr(GString) text = g_string_new ("<library xmlns=\"https://dorsum.github.io/ns/library/1\" version=\"1\">\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < DORSUM_XML_MAX_TAGS / 10; i++)
    g_string_append (text, "<a/><a/><a/><a/><a/><a/><a/><a/><a/><a/>");
  bytes = g_bytes_new (text->str, text->len);
  g_assert_false (_dorsum_library_add_bytes (library, bytes, "tags.xml", &error));
  g_assert_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "tags.xml:2: "));
  g_assert_nonnull (strstr (error->message, "more than 250000 tags"));
  g_clear_error (&error);
  g_clear_pointer (&bytes, g_bytes_unref);

  g_string_truncate (text, 0);
  g_string_append (text, "<library xmlns=\"https://dorsum.github.io/ns/library/1\" version=\"1\">\n");
  for (guint i = 0; i < 1000; i++)
    {
      /* The pre-scan counts before any check for duplicates. */
      g_string_append (text, "<a");
      for (guint j = 0; j < 251; j++)
        g_string_append (text, " a=\"\"");
      g_string_append (text, "/>\n");
    }
  bytes = g_bytes_new (text->str, text->len);
  g_assert_false (_dorsum_library_add_bytes (library, bytes, "attributes.xml", &error));
  g_assert_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "attributes.xml:998: "));
  g_assert_nonnull (strstr (error->message, "more than 250000 attributes"));
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
  /* Hidden folders are installs or removals under way (dorsum-pack.c), never packs. */
  g_assert_null (dorsum_library_lookup (library, "pack-stale-note"));

  problems = dorsum_library_get_problems (library);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_error (problem, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_NOT_XML);
  g_assert_nonnull (strstr (problem->message, "broken.xml:"));

  /* Both are listed, in order: the one that loaded with its entry, the other with why not. */
  {
    GListModel *packs = dorsum_library_get_packs (library);
    g_autoptr(DorsumPack) a = NULL;
    g_autoptr(DorsumPack) b = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (packs), ==, 2);
    a = g_list_model_get_item (packs, 0);
    b = g_list_model_get_item (packs, 1);
    g_assert_cmpstr (dorsum_pack_get_name (a), ==, "a-good");
    g_assert_cmpuint (dorsum_pack_get_n_entries (a), ==, 1);
    g_assert_null (dorsum_pack_get_problem (a));
    g_assert_cmpstr (dorsum_pack_get_name (b), ==, "b-broken");
    g_assert_cmpuint (dorsum_pack_get_n_entries (b), ==, 0);
    g_assert_cmpstr (dorsum_pack_get_problem (b), ==, problem->message);
    g_assert_false (dorsum_pack_is_user_pack (a));
  }

  g_unlink (link);
  g_rmdir (dorsum_dir);
  g_rmdir (tmp);
}

static void
count_changes_cb (DorsumLibrary *library,
                  guint         *changes)
{
  (*changes)++;
}

static gboolean
links_back_from (DorsumLibrary *library,
                 const char    *id,
                 const char    *from)
{
  DorsumEntry *entry = dorsum_library_lookup (library, id);

  for (guint i = 0; i < dorsum_entry_get_n_backlinks (entry); i++)
    if (g_str_equal (dorsum_entry_get_backlink (entry, i)->id, from))
      return TRUE;

  return FALSE;
}

/* A pack added and removed while the library is in use: its entries, the links back to
 * them from built-in entries, and its place in the list of packs come and go; a pack that
 * another links into is kept. */
static void
test_packs_remove (void)
{
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "user-packs", "pelvic-floor", NULL);
  g_autoptr(GFile) pack = g_file_new_for_path (path);
  g_autofree char *tmp = test_make_tmp_dir ("dorsum-packs-XXXXXX");
  g_autofree char *dependent_path = g_build_filename (tmp, "dependent.xml", NULL);
  g_autoptr(GFile) dependent = g_file_new_for_path (dependent_path);
  g_autoptr(DorsumPack) listed = NULL;
  const char *xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<library xmlns=\"https://dorsum.github.io/ns/library/1\" version=\"1\">\n"
    "  <article id=\"pack-coccyx-note\">\n"
    "    <name>Coccyx note</name>\n"
    "    <summary>A note on the coccygeus.</summary>\n"
    "    <p>See the coccygeus.</p>\n"
    "    <links><muscle ref=\"pack-coccygeus\"/></links>\n"
    "    <sources><source>Dorsum test suite</source></sources>\n"
    "  </article>\n"
    "</library>\n";
  guint builtin, changes = 0;

  g_assert_true (dorsum_library_load_builtin (library, &error));
  builtin = dorsum_library_get_n_entries (library);
  g_signal_connect (library, "changed", G_CALLBACK (count_changes_cb), &changes);

  g_assert_true (dorsum_library_add_pack (library, pack, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (dorsum_library_get_n_entries (library), ==, builtin + 2);
  g_assert_cmpuint (g_list_model_get_n_items (dorsum_library_get_packs (library)), ==, 1);
  listed = g_list_model_get_item (dorsum_library_get_packs (library), 0);
  g_assert_cmpstr (dorsum_pack_get_name (listed), ==, "pelvic-floor");
  g_assert_cmpuint (dorsum_pack_get_n_entries (listed), ==, 2);
  g_assert_null (dorsum_pack_get_problem (listed));
  g_assert_true (links_back_from (library, "piriformis", "pack-sacral-hold"));

  g_assert_true (g_file_set_contents (dependent_path, xml, -1, NULL));
  g_assert_true (dorsum_library_add_pack (library, dependent, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dorsum_library_get_n_entries (library), ==, builtin + 3);

  /* Kept while the note links into it: the message names the note's file and line. */
  g_assert_false (dorsum_library_remove_pack (library, pack, &error));
  g_assert_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_DANGLING);
  g_assert_nonnull (strstr (error->message, "dependent.xml:3: “pack-coccyx-note” links to “pack-coccygeus”"));
  g_clear_error (&error);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpuint (dorsum_library_get_n_entries (library), ==, builtin + 3);
  g_assert_nonnull (dorsum_library_lookup (library, "pack-coccygeus"));

  g_assert_true (dorsum_library_remove_pack (library, dependent, &error));
  g_assert_true (dorsum_library_remove_pack (library, pack, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 4);
  g_assert_cmpuint (dorsum_library_get_n_entries (library), ==, builtin);
  g_assert_null (dorsum_library_lookup (library, "pack-coccygeus"));
  g_assert_false (links_back_from (library, "piriformis", "pack-sacral-hold"));
  g_assert_cmpuint (g_list_model_get_n_items (dorsum_library_get_packs (library)), ==, 0);
  for (guint k = 0; k < DORSUM_N_KINDS; k++)
    {
      GListModel *model = dorsum_library_get_entries (library, k);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(DorsumEntry) entry = g_list_model_get_item (model, i);

          g_assert_false (g_str_has_prefix (dorsum_entry_get_id (entry), "pack-"));
        }
    }

  /* Added again, as after a restart. */
  g_assert_true (dorsum_library_add_pack (library, pack, &error));
  g_assert_no_error (error);
  g_assert_true (links_back_from (library, "piriformis", "pack-sacral-hold"));

  g_unlink (dependent_path);
  g_rmdir (tmp);
}

static guint
count_backlinks_from (DorsumLibrary *library,
                      const char    *id,
                      const char    *from)
{
  DorsumEntry *entry = dorsum_library_lookup (library, id);
  guint n = 0;

  for (guint i = 0; i < dorsum_entry_get_n_backlinks (entry); i++)
    n += g_str_equal (dorsum_entry_get_backlink (entry, i)->id, from);

  return n;
}

/* A pack read by a scratch library (in a thread, in the app) and taken into another: the
 * same entries, links back and listing as adding it there, each link back once; taking it
 * twice is refused as adding it twice is. */
static void
test_packs_take (void)
{
  g_autoptr(DorsumLibrary) added = dorsum_library_new ();
  g_autoptr(DorsumLibrary) taken = dorsum_library_new ();
  g_autoptr(DorsumLibrary) scratch = dorsum_library_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "user-packs", "pelvic-floor", NULL);
  g_autoptr(GFile) pack = g_file_new_for_path (path);
  g_autoptr(DorsumPack) listed = NULL;
  guint changes = 0;

  g_assert_true (dorsum_library_load_builtin (added, &error));
  g_assert_true (dorsum_library_load_builtin (taken, &error));
  g_assert_true (dorsum_library_load_builtin (scratch, &error));
  g_assert_true (dorsum_library_add_pack (added, pack, &error));
  g_assert_true (dorsum_library_add_pack (scratch, pack, &error));
  g_assert_no_error (error);
  g_signal_connect (taken, "changed", G_CALLBACK (count_changes_cb), &changes);

  g_assert_true (dorsum_library_take_pack (taken, scratch, pack, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (dorsum_library_get_n_entries (taken), ==, dorsum_library_get_n_entries (added));
  g_assert_true (dorsum_library_lookup (taken, "pack-coccygeus") == dorsum_library_lookup (scratch, "pack-coccygeus"));
  for (guint k = 0; k < DORSUM_N_KINDS; k++)
    {
      GListModel *a = dorsum_library_get_entries (added, k);
      GListModel *b = dorsum_library_get_entries (taken, k);

      g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
      for (guint i = 0; i < g_list_model_get_n_items (a); i++)
        {
          g_autoptr(DorsumEntry) ea = g_list_model_get_item (a, i);
          g_autoptr(DorsumEntry) eb = g_list_model_get_item (b, i);

          g_assert_cmpstr (dorsum_entry_get_id (ea), ==, dorsum_entry_get_id (eb));
        }
    }
  g_assert_cmpuint (count_backlinks_from (taken, "piriformis", "pack-sacral-hold"), ==, 1);
  g_assert_cmpuint (count_backlinks_from (taken, "myofascial-release", "pack-coccygeus"), ==, 1);
  g_assert_cmpuint (count_backlinks_from (taken, "pack-coccygeus", "pack-sacral-hold"), ==,
                    count_backlinks_from (added, "pack-coccygeus", "pack-sacral-hold"));
  g_assert_cmpuint (count_backlinks_from (taken, "pack-coccygeus", "pack-sacral-hold"), ==, 1);
  listed = g_list_model_get_item (dorsum_library_get_packs (taken), 0);
  g_assert_cmpuint (dorsum_pack_get_n_entries (listed), ==, 2);

  g_assert_false (dorsum_library_take_pack (taken, scratch, pack, &error));
  g_assert_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "coccygeus.xml:5: the id \"pack-coccygeus\" is already used"));
  g_clear_error (&error);
  g_assert_cmpuint (changes, ==, 1);

  /* And removed like any other. */
  g_assert_true (dorsum_library_remove_pack (taken, pack, &error));
  g_assert_cmpuint (count_backlinks_from (taken, "piriformis", "pack-sacral-hold"), ==, 0);
  g_assert_null (dorsum_library_lookup (taken, "pack-coccygeus"));
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

/* Hostile packs, built in memory from the seed pack: each must be refused (or loaded)
 * within a second and with a message of bounded size. */
static char *
seed_text (void)
{
  g_autofree char *path = fixture ("good/seed.xml");
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));

  return contents;
}

/* The seed pack with @insert put right after the first occurrence of @after. */
static GBytes *
seed_with (const char *after,
           const char *insert)
{
  g_autofree char *seed = seed_text ();
  const char *at = strstr (seed, after);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (at);
  at += strlen (after);
  g_string_append_len (out, seed, at - seed);
  g_string_append (out, insert);
  g_string_append (out, at);

  return g_string_free_to_bytes (out);
}

static guint
count_lines (const char *text)
{
  guint lines = 1;

  for (const char *p = text; *p; p++)
    lines += *p == '\n';

  return lines;
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p; p = strstr (p + 1, needle))
    n++;

  return n;
}

static GString *
many_attributes (guint n)
{
  GString *attributes = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (attributes, " a%u=\"\"", i);

  return attributes;
}

/* libxml2 2.9 checks an element's attributes for duplicates pairwise: 200000 of them took
 * minutes. They are refused before it sees them, with the element's line (fewer here, to
 * keep the test fast under valgrind: any number over the limit is refused the same way). */
static void
test_many_attributes (void)
{
  g_autoptr(GString) attributes = many_attributes (20000);
  g_autoptr(GBytes) bytes = seed_with ("<muscle id=\"test-latissimus\"", attributes->str);
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_false (_dorsum_library_add_bytes (library, bytes, "many.xml", &error));
  g_test_message ("refused in %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - start);
  g_assert_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "many.xml:5: "));
  g_assert_nonnull (strstr (error->message, "more than 256 attributes"));
  g_assert_cmpuint (dorsum_library_get_n_entries (library), ==, 0);
}

/* The limit counts attribute values only: as many quotes as you like in text, and up to
 * the limit on one element, go through to the parser and the schema. */
static void
test_attribute_limit_exact (void)
{
  g_autoptr(GString) attributes = many_attributes (DORSUM_XML_MAX_ATTRIBUTES - 3);
  g_autoptr(GString) quotes = g_string_new ("<summary>");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) at_limit = NULL;
  g_autoptr(GBytes) quoted = NULL;
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();

  /* With id, region and layer, the muscle has exactly the limit: the schema refuses the
   * names, not the parser. */
  at_limit = seed_with ("<muscle id=\"test-latissimus\"", attributes->str);
  g_assert_false (_dorsum_library_add_bytes (library, at_limit, "limit.xml", &error));
  g_assert_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_SCHEMA);
  g_clear_error (&error);

  /* Quotes and equals signs in text are not attributes. */
  for (guint i = 0; i < 2000; i++)
    g_string_append (quotes, "it's \"so\" = 'said' ");
  {
    g_autofree char *seed = seed_text ();
    GString *text = g_string_new (seed);

    g_string_replace (text, "<summary>", quotes->str, 1);
    quoted = g_string_free_to_bytes (text);
  }
  g_assert_true (_dorsum_library_add_bytes (library, quoted, "quoted.xml", &error));
  g_assert_no_error (error);
}

/* The same parser reads charts: an 80000-attribute chart took 25 s (5000 here). */
static void
test_chart_many_attributes (void)
{
  g_autoptr(GString) chart = g_string_new ("<?xml version=\"1.0\"?>\n"
                                           "<chart xmlns=\"https://dorsum.github.io/ns/chart/1\" version=\"1\">\n"
                                           "  <client initials=\"JS\" date=\"2026-11-20\"");
  g_autoptr(GString) attributes = many_attributes (5000);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DorsumChart) loaded = NULL;

  g_string_append (chart, attributes->str);
  g_string_append (chart, "/>\n</chart>\n");
  bytes = g_string_free_to_bytes (g_steal_pointer (&chart));

  loaded = dorsum_chart_new_from_bytes (bytes, "many.dorsum-chart", &error);
  g_assert_null (loaded);
  g_assert_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "many.dorsum-chart:3: "));
}

/* Many namespace declarations make every name lookup slow; a Dorsum file needs one. */
static void
test_many_namespaces (void)
{
  g_autoptr(GString) text = g_string_new ("<library xmlns=\"https://dorsum.github.io/ns/library/1\" version=\"1\">\n");
  DorsumProblems problems = { g_string_new (NULL), 0, 0 };
  g_autoptr(GError) error = NULL;
  xmlDocPtr doc;

  for (guint i = 0; i < 100; i++)
    g_string_append_printf (text, "<x xmlns:n%u=\"urn:n%u\">\n", i, i);
  doc = dorsum_xml_parse (text->str, text->len, "ns.xml", &problems);
  g_assert_null (doc);
  g_assert_false (dorsum_problems_take_error (&problems, &error));
  g_assert_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "ns.xml:65: "));
}

/* An empty GBytes has no data pointer; found by fuzz-library under UBSan. */
static void
test_empty (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new (NULL, 0);
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (_dorsum_library_add_bytes (library, bytes, "empty.xml", &error));
  g_assert_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_NOT_XML);
  g_assert_true (g_str_has_prefix (error->message, "empty.xml:1: "));
}

/* Text that is not UTF-8 (or holds a NUL) is refused before parsing, with its line, counted
 * as libxml2 counts them (a CR alone ends a line too). */
static void
test_not_utf8 (void)
{
  static const char text[] = "<library>\n<x a='\xe9'/>\n</library>";
  static const char nul[] = "<library>\r\r<x>\0</x></library>";
  DorsumProblems problems = { g_string_new (NULL), 0, 0 };
  g_autoptr(GError) error = NULL;

  g_assert_null (dorsum_xml_parse (text, sizeof text - 1, "latin1.xml", &problems));
  g_assert_null (dorsum_xml_parse (nul, sizeof nul - 1, "nul.xml", &problems));
  g_assert_false (dorsum_problems_take_error (&problems, &error));
  g_assert_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_NOT_XML);
  g_assert_true (g_str_has_prefix (error->message, "latin1.xml:2: "));
  g_assert_nonnull (strstr (error->message, "\nnul.xml:3: "));
}

/* 110000 dangling references took 25 s, one "did you mean" each, and made a message of
 * 110000 lines. Now: the first hundred, a count of the rest, at most 20 suggestions
 * (shown with 1000 here). */
static void
test_many_dangling (void)
{
  GString *links = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  g_autoptr(GError) error = NULL;
  const char *last;
  gint64 start;

  for (guint i = 0; i < 1000; i++)
    g_string_append (links, "<technique ref=\"test-compresion\"/>");
  bytes = seed_with ("<links>", links->str);
  g_string_free (links, TRUE);

  start = g_get_monotonic_time ();
  g_assert_false (_dorsum_library_add_bytes (library, bytes, "dangling.xml", &error));
  g_test_message ("refused in %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - start);
  g_assert_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_DANGLING);

  g_assert_cmpuint (count_lines (error->message), ==, DORSUM_MAX_PROBLEMS + 1);
  last = strrchr (error->message, '\n') + 1;
  g_assert_cmpstr (last, ==, "and 900 more problems");
  g_assert_cmpuint (count_occurrences (error->message, "did you mean \"test-compression\""), ==, 20);
  g_assert_true (g_str_has_prefix (error->message, "dangling.xml:23: technique \"test-compresion\" is not defined (did you mean"));
}

/* An attribute of 64 KiB (17 MB in the report) is quoted in a message as its first 60
 * characters. */
static void
test_long_value_message (void)
{
  g_autoptr(GString) id = g_string_new (" part-of=\"");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 64 * 1024 / 5; i++)
    g_string_append (id, "Ab€");
  g_string_append (id, "\"");
  bytes = seed_with ("<muscle id=\"test-latissimus\"", id->str);

  g_assert_false (_dorsum_library_add_bytes (library, bytes, "long.xml", &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_SCHEMA);
  g_assert_cmpuint (strlen (error->message), <, 600);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  /* 60 characters, the cut on a character boundary, then an ellipsis. */
  g_assert_nonnull (strstr (error->message, "part-of=\"Ab€Ab€Ab€Ab€Ab€Ab€Ab€Ab€Ab€Ab€Ab€Ab€Ab€Ab€Ab€Ab€Ab€Ab€Ab€Ab€…\""));
}

/* Loads @path as a pack in a thread; fails the test if that takes more than 60 s (it takes
 * milliseconds; the margin is for valgrind). A blocked thread is left behind: the test
 * program ends on the failure. */
typedef struct
{
  GFile    *file;
  GError   *error;
  gboolean  ok;
  gboolean  done;
  GMutex    lock;
  GCond     cond;
} LoadJob;

static gpointer
load_thread (gpointer data)
{
  LoadJob *job = data;
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  GError *error = NULL;
  gboolean ok = dorsum_library_add_pack (library, job->file, &error);

  g_mutex_lock (&job->lock);
  job->ok = ok;
  job->error = error;
  job->done = TRUE;
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->lock);

  return NULL;
}

static void
assert_refused_quickly (const char *path)
{
  LoadJob job = { g_file_new_for_path (path), NULL, FALSE, FALSE };
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  GThread *thread;

  g_mutex_init (&job.lock);
  g_cond_init (&job.cond);
  thread = g_thread_new ("load", load_thread, &job);

  g_mutex_lock (&job.lock);
  while (!job.done)
    if (!g_cond_wait_until (&job.cond, &job.lock, deadline))
      break;
  g_mutex_unlock (&job.lock);

  if (!job.done)
    g_error ("reading %s did not end within 60 s", path);

  g_thread_join (thread);
  g_assert_false (job.ok);
  g_assert_error (job.error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_IO);
  g_assert_nonnull (strstr (job.error->message, path));
  g_assert_nonnull (strstr (job.error->message, "not a regular file"));

  g_error_free (job.error);
  g_object_unref (job.file);
  g_mutex_clear (&job.lock);
  g_cond_clear (&job.cond);
}

/* A FIFO in a pack folder blocked start-up forever; a device was read without end. */
static void
test_not_regular (void)
{
  g_autofree char *dir = test_make_tmp_dir ("dorsum-test-XXXXXX");
  g_autofree char *fifo = g_build_filename (dir, "fifo.xml", NULL);
  g_autofree char *zero = g_build_filename (dir, "zero.xml", NULL);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);

  assert_refused_quickly (fifo);
  assert_refused_quickly (zero);
  assert_refused_quickly ("/dev/zero");

  g_unlink (fifo);
  g_unlink (zero);
  g_rmdir (dir);
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
  g_test_add_func ("/library/packs/remove", test_packs_remove);
  g_test_add_func ("/library/packs/take", test_packs_take);
  g_test_add_func ("/library/hostile/many-attributes", test_many_attributes);
  g_test_add_func ("/library/hostile/attribute-limit", test_attribute_limit_exact);
  g_test_add_func ("/library/hostile/chart-many-attributes", test_chart_many_attributes);
  g_test_add_func ("/library/hostile/many-namespaces", test_many_namespaces);
  g_test_add_func ("/library/hostile/not-utf8", test_not_utf8);
  g_test_add_func ("/library/hostile/empty", test_empty);
  g_test_add_func ("/library/hostile/many-tags", test_many_tags);
  g_test_add_func ("/library/hostile/pack-too-large", test_pack_too_large);
  g_test_add_func ("/library/hostile/pack-many-tags", test_pack_many_tags);
  g_test_add_func ("/library/hostile/many-dangling", test_many_dangling);
  g_test_add_func ("/library/hostile/long-value", test_long_value_message);
  g_test_add_func ("/library/hostile/not-regular", test_not_regular);

  return g_test_run ();
}
