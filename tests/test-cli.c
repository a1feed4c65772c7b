/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the real dorsum-cli binary (path in DORSUM_CLI) and checks exit codes and output:
 * validate accepts the shipped library and rejects every bad fixture with FILE:LINE. */

#include "config.h"

/* memmem(), to look into the handout PDFs. */
#define _GNU_SOURCE
#include <string.h>

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include "test-common.h"
#include "test-pdf.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("DORSUM_CLI");
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *)cli);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &run->status, &error));
  g_assert_no_error (error);
}

static int
exit_code (Run *run)
{
  return WIFEXITED (run->status) ? WEXITSTATUS (run->status) : -1;
}

static void
test_validate_shipped (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "data", "library", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  const char *name;
  int status;

  g_assert_nonnull (d);
  g_ptr_array_add (argv, g_strdup (g_getenv ("DORSUM_CLI")));
  g_ptr_array_add (argv, g_strdup ("validate"));
  while ((name = g_dir_read_name (d)))
    if (g_str_has_suffix (name, ".xml"))
      g_ptr_array_add (argv, g_build_filename (dir, name, NULL));
  g_assert_cmpuint (argv->len, >=, 7);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_test_message ("%s%s", out, err);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_cmpstr (err, ==, "");
}

static void
test_validate_bad (void)
{
  const char *files[] = {
    "not-xml.xml", "truncated.xml", "wrong-root.xml", "billion-laughs.xml", "external-entity.xml",
    "schema-violation.xml", "duplicate-id.xml", "dangling-ref.xml", "blank-text.xml", "bad-roots.xml", "bad-id.xml",
    "no-client.xml",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", files[i], NULL);
      g_autofree char *prefix = g_strdup_printf ("%s:", path);
      g_auto(Run) run = { 0 };

      run_cli (&run, "validate", path, NULL);
      g_test_message ("%s", run.err);
      g_assert_cmpint (exit_code (&run), ==, 1);

      /* FILE:LINE: message, with a real line number. */
      g_assert_true (g_str_has_prefix (run.err, prefix));
      g_assert_true (g_ascii_isdigit (run.err[strlen (prefix)]));
    }
}

/* A muscle without text for the client is refused, naming the file, the line and what is missing. */
static void
test_validate_no_client (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", "no-client.xml", NULL);
  g_autofree char *where = g_strdup_printf ("%s:30: ", path);
  g_auto(Run) run = { 0 };

  run_cli (&run, "validate", path, NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (exit_code (&run), ==, 1);
  g_assert_true (g_str_has_prefix (run.err, where));
  g_assert_nonnull (strstr (run.err, "<muscle id=\"test-ql\"> has no <client>"));
}

/* show --client prints what the handout prints, and nothing of the therapist's page. */
static void
test_show_client (void)
{
  g_auto(Run) muscle = { 0 };
  g_auto(Run) stretch = { 0 };
  g_auto(Run) technique = { 0 };
  g_auto(Run) full = { 0 };

  run_cli (&muscle, "show", "--client", "levator-scapulae", NULL);
  g_assert_cmpint (exit_code (&muscle), ==, 0);
  g_assert_nonnull (strstr (muscle.out, "shoulder blade"));
  g_assert_null (strstr (muscle.out, "Origin:"));
  g_assert_null (strstr (muscle.out, "scapula"));

  run_cli (&stretch, "show", "--client", "levator-scapulae-stretch", NULL);
  g_assert_cmpint (exit_code (&stretch), ==, 0);
  g_assert_nonnull (strstr (stretch.out, "\n1. "));
  g_assert_nonnull (strstr (stretch.out, "\nHow much: "));
  g_assert_nonnull (strstr (stretch.out, "\nStop if: "));

  run_cli (&technique, "show", "--client", "effleurage", NULL);
  g_assert_cmpint (exit_code (&technique), ==, 1);
  g_assert_nonnull (strstr (technique.err, "no text for clients"));

  /* The full page leaves the client's text to --client. */
  run_cli (&full, "show", "levator-scapulae", NULL);
  g_assert_cmpint (exit_code (&full), ==, 0);
  g_assert_null (strstr (full.out, "In plain words"));
}

static void
test_list_and_show (void)
{
  g_auto(Run) list = { 0 };
  g_auto(Run) show = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) stretch = { 0 };
  g_auto(GStrv) lines = NULL;
  gboolean found = FALSE;

  run_cli (&list, "list", "muscles", NULL);
  g_assert_cmpint (exit_code (&list), ==, 0);
  lines = g_strsplit (list.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 37);
  for (guint i = 0; lines[i] && lines[i][0]; i++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (cols), ==, 3);
      if (g_str_equal (cols[0], "latissimus-dorsi"))
        {
          found = TRUE;
          g_assert_cmpstr (cols[1], ==, "Latissimus dorsi");
          g_assert_nonnull (strstr (cols[2], "latissimus dorsi"));
        }
    }
  g_assert_true (found);

  run_cli (&show, "show", "latissimus-dorsi", NULL);
  g_assert_cmpint (exit_code (&show), ==, 0);
  g_assert_nonnull (strstr (show.out, "\nName: Latissimus dorsi\n"));
  g_assert_nonnull (strstr (show.out, "\nLatin: "));
  g_assert_nonnull (strstr (show.out, "\nOrigin: "));
  g_assert_nonnull (strstr (show.out, "\nInsertion: "));
  g_assert_nonnull (strstr (show.out, "\nAction: "));
  g_assert_nonnull (strstr (show.out, "\nInnervation: "));
  g_assert_nonnull (strstr (show.out, "Thoracodorsal"));
  g_assert_nonnull (strstr (show.out, "\nLink technique: "));

  /* A stretch's <avoid> is printed as what it is. */
  run_cli (&stretch, "show", "childs-pose", NULL);
  g_assert_cmpint (exit_code (&stretch), ==, 0);
  g_assert_nonnull (strstr (stretch.out, "\nAvoid: Forcing the buttocks"));
  g_assert_null (strstr (stretch.out, "Should not feel"));

  run_cli (&missing, "show", "latisimus", NULL);
  g_assert_cmpint (exit_code (&missing), ==, 1);
  g_assert_nonnull (strstr (missing.err, "latisimus"));
}

static void
test_search (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) none = { 0 };

  run_cli (&run, "search", "lats", NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "latissimus-dorsi\t"));

  run_cli (&none, "search", "xylophone", NULL);
  g_assert_cmpint (exit_code (&none), ==, 1);
  g_assert_nonnull (strstr (none.err, "no results"));
  g_assert_cmpstr (none.out, ==, "");
}

/* Four columns: id, name, kind and why it matched; a misspelt query still exits 0. */
static void
test_search_reasons (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) typo = { 0 };
  g_auto(Run) body = { 0 };
  g_auto(GStrv) lines = NULL;
  gboolean seen = FALSE;

  run_cli (&run, "search", "tailbone", NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] && lines[i][0]; i++)
    {
      g_auto(GStrv) columns = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (columns), ==, 4);
      g_assert_cmpstr (columns[3], !=, "");
      if (g_str_equal (columns[0], "gluteus-maximus"))
        {
          seen = TRUE;
          g_assert_true (g_str_has_prefix (columns[3], "Refers pain: "));
          g_assert_nonnull (strstr (columns[3], "tailbone"));
        }
    }
  g_assert_true (seen);

  run_cli (&typo, "search", "piriformus", NULL);
  g_assert_cmpint (exit_code (&typo), ==, 0);
  g_assert_true (g_str_has_prefix (typo.out, "piriformis\tPiriformis\tmuscle\tName: Piriformis\n"));
  g_assert_nonnull (strstr (typo.err, "Did you mean “piriformis”?"));

  /* Found only in body text: still a result, not "no results". */
  run_cli (&body, "search", "Pilates", NULL);
  g_assert_cmpint (exit_code (&body), ==, 0);
  g_assert_nonnull (strstr (body.out, "\tcondition\tCombine with: "));
}

/* A query cut in the middle of a character, as a script might pass it. */
static void
test_search_invalid_utf8 (void)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, "search", "latiss\xf0", NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "latissimus-dorsi\t"));
}

static void
test_library_option (void)
{
  g_autofree char *pack = g_test_build_filename (G_TEST_DIST, "data", "packs", "a-good", NULL);
  g_auto(Run) run = { 0 };
  g_auto(Run) usage = { 0 };

  run_cli (&run, "--library", pack, "show", "pack-a-note", NULL);
  g_assert_cmpint (exit_code (&run), ==, 0);
  g_assert_nonnull (strstr (run.out, "Name: School notes"));

  run_cli (&usage, "frobnicate", NULL);
  g_assert_cmpint (exit_code (&usage), ==, 2);
  g_assert_nonnull (strstr (usage.err, "validate"));
}

static void
test_chart_commands (void)
{
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "charts", "neck-temple.xml", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "charts", "bad", "bad-intensity.xml", NULL);
  g_autofree char *dir = test_make_tmp_dir ("dorsum-cli-XXXXXX");
  g_autofree char *pdf = g_build_filename (dir, "handout.pdf", NULL);
  g_autofree char *prefix = g_strdup_printf ("%s:4:", bad);
  g_auto(Run) valid = { 0 };
  g_auto(Run) invalid = { 0 };
  g_auto(Run) lookup = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(GStrv) lines = NULL;
  gboolean found = FALSE;

  run_cli (&valid, "chart", "validate", good, NULL);
  g_assert_cmpint (exit_code (&valid), ==, 0);

  run_cli (&invalid, "chart", "validate", bad, NULL);
  g_assert_cmpint (exit_code (&invalid), ==, 1);
  g_assert_true (g_str_has_prefix (invalid.err, prefix));

  /* score<TAB>id<TAB>name<TAB>marks, best first; the upper trapezius in the top three. */
  run_cli (&lookup, "chart", "lookup", good, NULL);
  g_assert_cmpint (exit_code (&lookup), ==, 0);
  lines = g_strsplit (lookup.out, "\n", -1);
  for (guint i = 0; i < 3 && lines[i]; i++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (cols), ==, 4);
      found |= g_str_equal (cols[1], "trapezius-descending");
    }
  g_assert_true (found);

  run_cli (&export, "export", good, "--handout", "-o", pdf, NULL);
  g_assert_cmpint (exit_code (&export), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_handout_commands (void)
{
  g_autofree char *chart = g_test_build_filename (G_TEST_DIST, "data", "charts", "with-plan.xml", NULL);
  g_autofree char *no_plan = g_test_build_filename (G_TEST_DIST, "data", "charts", "neck-temple.xml", NULL);
  g_autofree char *dir = test_make_tmp_dir ("dorsum-cli-XXXXXX");
  g_autofree char *a4 = g_build_filename (dir, "a4.pdf", NULL);
  g_autofree char *letter = g_build_filename (dir, "letter.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *contents = NULL;
  g_auto(Run) plan = { 0 };
  g_auto(Run) empty_plan = { 0 };
  g_auto(Run) export_a4 = { 0 };
  g_auto(Run) export_letter = { 0 };
  g_auto(Run) bad_plan = { 0 };
  g_auto(Run) bad_paper = { 0 };
  g_auto(Run) not_handout = { 0 };
  gsize length;

  /* id<TAB>kind<TAB>name, in the plan's order. */
  run_cli (&plan, "chart", "plan", chart, NULL);
  g_assert_cmpint (exit_code (&plan), ==, 0);
  g_assert_cmpstr (plan.out, ==,
                   "upper-trapezius-stretch\tstretch\tUpper trapezius stretch\n"
                   "levator-scapulae-stretch\tstretch\tLevator scapulae stretch\n"
                   "neck-shoulder-self-massage\tselfcare\tNeck and shoulder self-massage\n");
  run_cli (&empty_plan, "chart", "plan", no_plan, NULL);
  g_assert_cmpint (exit_code (&empty_plan), ==, 0);
  g_assert_cmpstr (empty_plan.out, ==, "");

  run_cli (&export_a4, "export", chart, "--handout", "--therapist", "Dana Reyes", "--practice", "Northside",
           "--contact", "0400 123 456", "-o", a4, NULL);
  g_assert_cmpint (exit_code (&export_a4), ==, 0);
  g_assert_true (g_file_get_contents (a4, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  test_pdf_assert_page_size (a4, 595.28, 841.89);
  g_clear_pointer (&contents, g_free);

  /* --plan replaces the chart's plan; Letter pages. */
  run_cli (&export_letter, "export", no_plan, "--handout", "--plan", "chin-tuck,suboccipital-ball-release",
           "--paper", "letter", "-o", letter, NULL);
  g_assert_cmpint (exit_code (&export_letter), ==, 0);
  g_assert_true (g_file_get_contents (letter, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  test_pdf_assert_page_size (letter, 612, 792);

  /* Mistakes are usage errors that say what is wrong. */
  run_cli (&bad_plan, "export", chart, "--handout", "--plan", "no-such-stretch", "-o", a4, NULL);
  g_assert_cmpint (exit_code (&bad_plan), ==, 2);
  g_assert_nonnull (strstr (bad_plan.err, "no-such-stretch"));
  run_cli (&bad_paper, "export", chart, "--handout", "--paper", "a5", "-o", a4, NULL);
  g_assert_cmpint (exit_code (&bad_paper), ==, 2);
  g_assert_nonnull (strstr (bad_paper.err, "a5"));
  run_cli (&not_handout, "export", chart, "--paper", "letter", "-o", png, NULL);
  g_assert_cmpint (exit_code (&not_handout), ==, 2);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  g_unlink (a4);
  g_unlink (letter);
  g_rmdir (dir);
}

static void
test_diagram_commands (void)
{
  g_autofree char *dir = test_make_tmp_dir ("dorsum-cli-XXXXXX");
  g_autofree char *png = g_build_filename (dir, "deep.png", NULL);
  g_auto(Run) regions = { 0 };
  g_auto(Run) hit = { 0 };
  g_auto(Run) gap = { 0 };
  g_auto(Run) render = { 0 };
  g_auto(Run) bad_layer = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autofree char *cx = NULL, *cy = NULL;
  g_autofree char *expected = NULL;
  int width = 0, height = 0;
  guint n = 0;

  /* region-id, muscle, side, figure, layer, x, y, w, h: the piriformis is a compact wedge, so
   * the centre of its box lies in its shape and must hit it. Without --figure: the posterior. */
  run_cli (&regions, "list", "regions", "--layer", "deep", NULL);
  g_assert_cmpint (exit_code (&regions), ==, 0);
  lines = g_strsplit (regions.out, "\n", -1);
  for (guint i = 0; lines[i] && lines[i][0]; i++, n++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (cols), ==, 9);
      g_assert_cmpstr (cols[3], ==, "posterior");
      g_assert_cmpstr (cols[4], ==, "deep");
      g_assert_true (g_str_equal (cols[2], "left") || g_str_equal (cols[2], "right"));
      if (g_str_equal (cols[0], "piriformis.right"))
        {
          double x = g_ascii_strtod (cols[5], NULL), y = g_ascii_strtod (cols[6], NULL);
          double w = g_ascii_strtod (cols[7], NULL), h = g_ascii_strtod (cols[8], NULL);

          g_assert_cmpfloat (x, >, 400);
          cx = g_strdup_printf ("%.1f", x + w / 2);
          cy = g_strdup_printf ("%.1f", y + h / 2);
        }
    }
  g_assert_cmpuint (n, >=, 16);
  g_assert_nonnull (cx);

  run_cli (&hit, "hit", "--layer", "deep", cx, cy, NULL);
  g_assert_cmpint (exit_code (&hit), ==, 0);
  g_assert_true (g_str_has_prefix (hit.out, "piriformis.right\tpiriformis\tright"));

  /* Above the head there is no muscle: nothing printed, exit 1. */
  run_cli (&gap, "hit", "--layer", "deep", "400", "5", NULL);
  g_assert_cmpint (exit_code (&gap), ==, 1);
  g_assert_cmpstr (gap.out, ==, "");

  run_cli (&render, "render", "--layer", "deep", "--highlight", "piriformis", "--labels",
           "--width", "300", "-o", png, NULL);
  g_assert_cmpint (exit_code (&render), ==, 0);
  {
    g_autofree char *contents = NULL;
    gsize length;

    /* The PNG header gives the size: 300 wide, 450 high (the diagram is 2:3). */
    g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 24);
    width = (guchar)contents[16] << 24 | (guchar)contents[17] << 16 | (guchar)contents[18] << 8 | (guchar)contents[19];
    height = (guchar)contents[20] << 24 | (guchar)contents[21] << 16 | (guchar)contents[22] << 8 | (guchar)contents[23];
  }
  g_assert_cmpint (width, ==, 300);
  g_assert_cmpint (height, ==, 450);

  run_cli (&bad_layer, "hit", "--layer", "skin", "1", "1", NULL);
  g_assert_cmpint (exit_code (&bad_layer), ==, 2);
  expected = g_strdup ("“skin” is not a layer");
  g_assert_nonnull (strstr (bad_layer.err, expected));

  g_unlink (png);
  g_rmdir (dir);
}

/* The figures: listed from the manifest; --figure picks one (the posterior when left out),
 * and the layers a figure does not have are refused with the ones it has. */
static void
test_figure_options (void)
{
  g_auto(Run) figures = { 0 };
  g_auto(Run) explicit = { 0 };
  g_auto(Run) implicit = { 0 };
  g_auto(Run) bad_figure = { 0 };
  g_auto(Run) bad_layer = { 0 };
  g_auto(Run) front = { 0 };
  g_auto(Run) front_hit = { 0 };
  g_auto(Run) front_render = { 0 };
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) cols = NULL;
  g_autofree char *dir = test_make_tmp_dir ("dorsum-cli-XXXXXX");
  g_autofree char *png = g_build_filename (dir, "front.png", NULL);
  g_autofree char *cx = NULL, *cy = NULL;

  run_cli (&figures, "list", "figures", NULL);
  g_assert_cmpint (exit_code (&figures), ==, 0);
  lines = g_strsplit (figures.out, "\n", -1);
  cols = g_strsplit (lines[0], "\t", -1);
  g_assert_cmpuint (g_strv_length (cols), ==, 4);
  g_assert_cmpstr (cols[0], ==, "posterior");
  g_assert_cmpstr (cols[2], ==, "posterior");
  g_assert_cmpstr (cols[3], ==, "superficial,middle,deep");
  g_strfreev (cols);
  cols = g_strsplit (lines[1], "\t", -1);
  g_assert_cmpuint (g_strv_length (cols), ==, 4);
  g_assert_cmpstr (cols[0], ==, "anterior");
  g_assert_cmpstr (cols[2], ==, "anterior");
  g_assert_true (g_str_has_prefix (cols[3], "superficial,"));
  g_assert_true (g_str_has_suffix (cols[3], ",deep"));

  /* The default figure is the posterior one: the same regions either way. */
  run_cli (&explicit, "list", "regions", "--figure", "posterior", "--layer", "middle", NULL);
  run_cli (&implicit, "list", "regions", "--layer", "middle", NULL);
  g_assert_cmpint (exit_code (&explicit), ==, 0);
  g_assert_cmpstr (explicit.out, ==, implicit.out);
  g_assert_nonnull (strstr (explicit.out, "rhomboid-major.right\trhomboid-major\tright\tposterior\tmiddle\t"));

  run_cli (&bad_figure, "hit", "--figure", "lateral-left", "--layer", "deep", "1", "1", NULL);
  g_assert_cmpint (exit_code (&bad_figure), ==, 2);
  g_assert_nonnull (strstr (bad_figure.err, "“lateral-left” is not a figure; use posterior"));
  g_assert_cmpstr (bad_figure.out, ==, "");

  run_cli (&bad_layer, "render", "--figure", "posterior", "--layer", "skin", "-o", "never.png", NULL);
  g_assert_cmpint (exit_code (&bad_layer), ==, 2);
  g_assert_nonnull (strstr (bad_layer.err, "“skin” is not a layer of the posterior figure; use superficial, middle or deep"));
  g_assert_false (g_file_test ("never.png", G_FILE_TEST_EXISTS));

  /* The anterior figure faces the viewer: the figure's left rectus abdominis is on the
   * picture's right, and the centre of its box (a long, nearly straight strap) is inside it. */
  run_cli (&front, "list", "regions", "--figure", "anterior", "--layer", "superficial", NULL);
  g_assert_cmpint (exit_code (&front), ==, 0);
  g_strfreev (lines);
  lines = g_strsplit (front.out, "\n", -1);
  for (guint i = 0; lines[i] && lines[i][0]; i++)
    {
      g_strfreev (cols);
      cols = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (cols), ==, 9);
      g_assert_cmpstr (cols[3], ==, "anterior");
      g_assert_cmpstr (cols[4], ==, "superficial");
      if (g_str_equal (cols[0], "rectus-abdominis.left"))
        {
          double x = g_ascii_strtod (cols[5], NULL), y = g_ascii_strtod (cols[6], NULL);
          double w = g_ascii_strtod (cols[7], NULL), h = g_ascii_strtod (cols[8], NULL);

          g_assert_cmpstr (cols[2], ==, "left");
          g_assert_cmpfloat (x, >=, 400);
          cx = g_strdup_printf ("%.1f", x + w / 2);
          cy = g_strdup_printf ("%.1f", y + h / 2);
        }
    }
  g_assert_nonnull (cx);

  run_cli (&front_hit, "hit", "--figure", "anterior", "--layer", "superficial", cx, cy, NULL);
  g_assert_cmpint (exit_code (&front_hit), ==, 0);
  g_assert_cmpstr (front_hit.out, ==, "rectus-abdominis.left\trectus-abdominis\tleft\n");

  run_cli (&front_render, "render", "--figure", "anterior", "--layer", "deep", "--highlight", "psoas-major",
           "--labels", "--width", "200", "-o", png, NULL);
  g_assert_cmpint (exit_code (&front_render), ==, 0);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));

  g_unlink (png);
  g_rmdir (dir);
}

/* Runs dorsum-cli with @input on its stdin; @args is NULL-terminated. */
static void
run_cli_input (Run                *run,
               const char         *input,
               const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *)g_getenv ("DORSUM_CLI"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *)argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, input, NULL, &run->out, &run->err, &error));
  g_assert_no_error (error);
  run->status = g_subprocess_get_status (process);
}

static guint
count_lines_starting (const char *text,
                      const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i]; i++)
    n += g_str_has_prefix (lines[i], prefix);

  return n;
}

/* The letters of the right answers, read off a session's output. */
static char *
right_letters (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  GString *letters = g_string_new (NULL);

  for (guint i = 0; lines[i]; i++)
    {
      const char *answer = strstr (lines[i], "The answer: ");
      const char *right = g_str_has_prefix (lines[i], "> Right: ") ? lines[i] + strlen ("> Right: ") : NULL;

      if (answer)
        g_string_append_printf (letters, "%c\n", answer[strlen ("The answer: ")]);
      else if (right)
        g_string_append_printf (letters, "%c\n", right[0]);
    }

  return g_string_free (letters, FALSE);
}

static void
test_quiz (void)
{
  const char * const session[] = { "quiz", "--seed", "11", "--count", "6", "--no-record", NULL };
  g_auto(Run) first = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) perfect = { 0 };
  g_auto(Run) early = { 0 };
  g_auto(Run) find = { 0 };
  g_autofree char *letters = NULL;
  g_autofree char *score = NULL;

  /* The same seed asks the same questions with the same choices. */
  run_cli_input (&first, "a\nb\nc\nd\na\nb\n", session);
  g_test_message ("%s%s", first.out, first.err);
  g_assert_cmpint (exit_code (&first), ==, 0);
  run_cli_input (&again, "a\nb\nc\nd\na\nb\n", session);
  g_assert_cmpstr (first.out, ==, again.out);
  g_assert_cmpuint (count_lines_starting (first.out, "Read more: dorsum-cli show "), ==, 6);

  score = g_strdup_printf ("score: %u/6\n", count_lines_starting (first.out, "> Right"));
  g_assert_true (g_str_has_suffix (first.out, score));

  /* Answering with the right letters scores full marks. */
  letters = right_letters (first.out);
  g_assert_cmpuint (strlen (letters), ==, 12);
  run_cli_input (&perfect, letters, session);
  g_assert_cmpint (exit_code (&perfect), ==, 0);
  g_assert_true (g_str_has_suffix (perfect.out, "score: 6/6\n"));

  /* Input ending early ends the session, scored over the questions answered. */
  run_cli_input (&early, "a\n", session);
  g_assert_cmpint (exit_code (&early), ==, 0);
  g_assert_nonnull (strstr (early.out, "score: "));
  g_assert_true (g_str_has_suffix (early.out, "/1\n"));

  /* Find-it only when asked for, then by name, region id or letter. */
  g_assert_null (strstr (first.out, "Click the"));
  run_cli_input (&find, "rhomboid-major.left\n", (const char *[]) { "quiz", "--type", "find", "--count", "3", "--no-record", "--seed", "2", NULL });
  g_assert_cmpint (exit_code (&find), ==, 0);
  g_assert_cmpuint (count_lines_starting (find.out, "1/3. Click the "), ==, 1);
}

static void
test_quiz_records (void)
{
  g_autofree char *dir = test_make_tmp_dir ("dorsum-cli-study-XXXXXX");
  g_autofree char *db = g_build_filename (dir, "study.sqlite", NULL);
  g_autofree char *exported = g_build_filename (dir, "progress.sqlite", NULL);
  g_auto(Run) quiz = { 0 };
  g_auto(Run) status = { 0 };
  g_auto(Run) bad_deck = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(Run) unreadable = { 0 };
  g_auto(GStrv) lines = NULL;
  gboolean found_all = FALSE;

  run_cli_input (&quiz, "a\nb\nc\nd\n",
                 (const char *[]) { "quiz", "--db", db, "--deck", "upper-back", "--count", "4", "--seed", "5", NULL });
  g_assert_cmpint (exit_code (&quiz), ==, 0);
  g_assert_nonnull (strstr (quiz.out, "/4\n"));
  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));

  run_cli (&status, "study", "status", "--db", db, NULL);
  g_test_message ("%s%s", status.out, status.err);
  g_assert_cmpint (exit_code (&status), ==, 0);
  lines = g_strsplit (status.out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      if (fields[0] == NULL)
        continue;
      if (g_str_equal (fields[0], "all") || g_str_equal (fields[0], "region:upper-back"))
        {
          /* deck, due today, new, studied, reviews, retention, title */
          g_assert_cmpuint (g_strv_length (fields), ==, 7);
          g_assert_cmpstr (fields[3], ==, "4");
          g_assert_cmpstr (fields[4], ==, "4");
          found_all |= g_str_equal (fields[0], "all");
        }
      if (g_str_equal (fields[0], "region:lower-back"))
        g_assert_cmpstr (fields[4], ==, "0");
    }
  g_assert_true (found_all);
  g_assert_nonnull (strstr (status.out, "streak: 1 day"));

  run_cli (&export, "study", "export", exported, "--db", db, NULL);
  g_assert_cmpint (exit_code (&export), ==, 0);
  g_assert_true (g_file_test (exported, G_FILE_TEST_EXISTS));

  run_cli_input (&bad_deck, "", (const char *[]) { "quiz", "--db", db, "--deck", "elbow", NULL });
  g_assert_cmpint (exit_code (&bad_deck), ==, 2);
  g_assert_nonnull (strstr (bad_deck.err, "region:upper-back"));

  /* A file that is not a progress file is moved aside, said so, and a new one begun. */
  g_assert_true (g_file_set_contents (db, "not a database, not at all; not even close to one, really", -1, NULL));
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  run_cli (&unreadable, "study", "status", "--db", db, NULL);
  g_assert_cmpint (exit_code (&unreadable), ==, 0);
  g_assert_nonnull (strstr (unreadable.err, "unreadable-"));

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_unlink (path);
      }
  }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/validate/shipped", test_validate_shipped);
  g_test_add_func ("/cli/validate/bad", test_validate_bad);
  g_test_add_func ("/cli/validate/no-client", test_validate_no_client);
  g_test_add_func ("/cli/show-client", test_show_client);
  g_test_add_func ("/cli/list-and-show", test_list_and_show);
  g_test_add_func ("/cli/search", test_search);
  g_test_add_func ("/cli/search-reasons", test_search_reasons);
  g_test_add_func ("/cli/search-invalid-utf8", test_search_invalid_utf8);
  g_test_add_func ("/cli/library-option", test_library_option);
  g_test_add_func ("/cli/chart", test_chart_commands);
  g_test_add_func ("/cli/handout", test_handout_commands);
  g_test_add_func ("/cli/diagram", test_diagram_commands);
  g_test_add_func ("/cli/figure", test_figure_options);
  g_test_add_func ("/cli/quiz", test_quiz);
  g_test_add_func ("/cli/quiz/records", test_quiz_records);

  return g_test_run ();
}
