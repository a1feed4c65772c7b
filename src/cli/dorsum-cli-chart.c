/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dorsum-cli's pain-chart commands: check a chart, rank the muscles behind it, list its
 * plan, and export it as a picture or as the client handout. */

#define G_LOG_DOMAIN "dorsum-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "dorsum-chart-render.h"
#include "dorsum-cli-private.h"
#include "dorsum-handout.h"
#include "dorsum-lookup.h"

static char *output_path;
static int export_width = 800;
static gboolean handout;
static char *plan_ids;
static char *paper_name;
static char *therapist;
static char *practice;
static char *contact;
static char *compare_path;

static const GOptionEntry export_entries[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path, N_("Where to write: .png, .svg or .pdf"), N_("FILE") },
  { "width", 0, 0, G_OPTION_ARG_INT, &export_width, N_("Width of the figure in pixels (or points)"), N_("PX") },
  { "handout", 0, 0, G_OPTION_ARG_NONE, &handout, N_("Write the client handout (PDF) instead"), NULL },
  { "plan", 0, 0, G_OPTION_ARG_STRING, &plan_ids,
    N_("Handout: the stretches, self-care and muscles to print instead of the chart's plan"), N_("ID,ID,…") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name, N_("Handout: a4 (the default) or letter"), N_("SIZE") },
  { "therapist", 0, 0, G_OPTION_ARG_STRING, &therapist, N_("Handout: the therapist's name for the header"), N_("NAME") },
  { "practice", 0, 0, G_OPTION_ARG_STRING, &practice, N_("Handout: the practice's name for the header"), N_("NAME") },
  { "contact", 0, 0, G_OPTION_ARG_STRING, &contact, N_("Handout: a phone number or address for the header"), N_("TEXT") },
  { "compare", 0, 0, G_OPTION_ARG_FILENAME, &compare_path,
    N_("Handout: an earlier chart of the client, to say what changed since"), N_("FILE") },
  { NULL }
};

static void
clear_options (void)
{
  g_clear_pointer (&output_path, g_free);
  g_clear_pointer (&plan_ids, g_free);
  g_clear_pointer (&paper_name, g_free);
  g_clear_pointer (&therapist, g_free);
  g_clear_pointer (&practice, g_free);
  g_clear_pointer (&contact, g_free);
  g_clear_pointer (&compare_path, g_free);
}

static DorsumChart *
open_chart (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  DorsumChart *chart = dorsum_chart_new_from_file (file, &error);

  if (chart == NULL)
    g_printerr ("%s\n", error->message);

  return chart;
}

static void
print_plan (DorsumChart   *chart,
            DorsumLibrary *library)
{
  const char * const *plan = dorsum_chart_get_plan (chart);

  for (guint i = 0; plan && plan[i]; i++)
    {
      DorsumEntry *entry = dorsum_library_lookup (library, plan[i]);

      if (entry != NULL)
        g_print ("%s\t%s\t%s\n", plan[i], dorsum_kind_to_string (dorsum_entry_get_kind (entry)), dorsum_entry_get_name (entry));
      else
        /* Translators: a plan entry the library does not have, in `dorsum-cli chart plan` */
        g_print ("%s\t%s\t%s\n", plan[i], "-", _("(not in the library)"));
    }
}

int
dorsum_cli_run_chart (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = dorsum_cli_command_context (_("validate|lookup|plan FILE"),
    _("validate: check a pain chart file; exits 0 when valid, 1 otherwise (FILE:LINE: message).\n"
      "lookup: list the muscles whose trigger-point referral zones cover the chart's marks,\n"
      "best first, as score<TAB>muscle-id<TAB>name<TAB>marks covered.\n"
      "plan: list what the chart's plan gives the client, in order, as id<TAB>kind<TAB>name."));
  g_autoptr(DorsumChart) chart = NULL;
  g_autoptr(DorsumLibrary) library = NULL;

  if (!dorsum_cli_parse_command (context, &argc, &argv))
    return 2;

  if (argc != 3 || !(g_str_equal (argv[1], "validate") || g_str_equal (argv[1], "lookup") || g_str_equal (argv[1], "plan")))
    {
      dorsum_cli_usage_error (context, _("say validate, lookup or plan, then one chart file"));
      return 2;
    }

  if (!(chart = open_chart (argv[2])))
    return 1;

  if (g_str_equal (argv[1], "validate"))
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "%s is a valid chart with %u mark\n",
                            "%s is a valid chart with %u marks\n", dorsum_chart_get_n_marks (chart)),
               argv[2], dorsum_chart_get_n_marks (chart));
      return 0;
    }

  library = dorsum_cli_open_library ();
  if (g_str_equal (argv[1], "plan"))
    {
      print_plan (chart, library);
      return 0;
    }
  else
    {
      g_autoptr(GArray) results = dorsum_lookup_muscles (library, chart);

      for (guint i = 0; i < results->len; i++)
        {
          const DorsumLookupResult *r = &g_array_index (results, DorsumLookupResult, i);
          char score[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (score, sizeof score, "%.3f", r->score);
          g_print ("%s\t%s\t%s\t%u\n", score, dorsum_entry_get_id (r->muscle),
                   dorsum_entry_get_name (r->muscle), r->n_marks);
        }

      return 0;
    }
}

static gboolean
write_handout (DorsumChart    *chart,
               DorsumLibrary  *library,
               GError        **error)
{
  g_auto(GStrv) plan = NULL;
  g_autoptr(DorsumHandout) sheet = NULL;
  g_autoptr(DorsumChart) earlier = NULL;
  DorsumHandoutOptions options = { therapist, practice, contact, DORSUM_PAPER_A4, NULL, NULL };

  if (paper_name != NULL && !dorsum_paper_from_string (paper_name, &options.paper))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--paper is a4 or letter, not “%s”"), paper_name);
      return FALSE;
    }

  if (plan_ids != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) parts = g_strsplit (plan_ids, ",", -1);

      for (guint i = 0; parts[i]; i++)
        {
          g_strstrip (parts[i]);
          if (*parts[i] == '\0')
            continue;
          if (dorsum_library_lookup (library, parts[i]) == NULL)
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--plan: “%s” is not in the library (dorsum-cli list stretches, selfcare)"), parts[i]);
              return FALSE;
            }
          g_strv_builder_add (builder, parts[i]);
        }
      plan = g_strv_builder_end (builder);
      options.plan = (const char * const *)plan;
    }

  if (compare_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (compare_path);

      if (!(earlier = dorsum_chart_new_from_file (file, error)))
        return FALSE;
      options.earlier = earlier;
    }

  sheet = dorsum_handout_new_with_options (library, chart, &options);

  return dorsum_handout_write_pdf (sheet, output_path, error);
}

static int
run_export (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = dorsum_cli_command_context (_("CHART"),
    _("Draw a pain chart (the marks on the figures, with a legend) to PNG, SVG or PDF,\n"
      "or with --handout the client handout as a PDF of as many pages as it needs:\n"
      "the chart, the marks and their notes, the likely muscles, the plan (the chart's,\n"
      "or --plan's), cautions and the disclaimer."));
  g_autoptr(DorsumChart) chart = NULL;
  g_autoptr(DorsumLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_option_context_add_main_entries (context, export_entries, GETTEXT_PACKAGE);
  if (!dorsum_cli_parse_command (context, &argc, &argv))
    return 2;

  if (argc != 2 || output_path == NULL)
    {
      dorsum_cli_usage_error (context, _("name one chart file and give -o OUT.png, .svg or .pdf"));
      return 2;
    }

  if (!handout && (plan_ids || paper_name || therapist || practice || contact || compare_path))
    {
      dorsum_cli_usage_error (context, _("--plan, --paper, --therapist, --practice, --contact and --compare go with --handout"));
      return 2;
    }

  if (!(chart = open_chart (argv[1])))
    return 1;

  library = dorsum_cli_open_library ();
  if (handout)
    ok = write_handout (chart, library, &error);
  else
    ok = dorsum_chart_export (chart, library, output_path, export_width, FALSE, &error);

  if (!ok)
    {
      g_printerr ("dorsum-cli: %s\n", error->message);
      return g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE) ? 2 : 1;
    }

  return 0;
}

int
dorsum_cli_run_export (int    argc,
                       char **argv)
{
  int ret = run_export (argc, argv);

  clear_options ();

  return ret;
}
