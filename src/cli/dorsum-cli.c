/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dorsum-cli: the command-line companion. A thin front on src/core for content authors
 * (validate), scripts (list, show, search) and anyone without a display. */

#define G_LOG_DOMAIN "dorsum-cli"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "dorsum-chart-render.h"
#include "dorsum-cli-private.h"
#include "dorsum-diagram.h"
#include "dorsum-figure.h"
#include "dorsum-lookup.h"
#include "dorsum-library.h"
#include "dorsum-search.h"

typedef struct
{
  const char *name;
  const char *args;
  const char *summary;
  int       (*run) (int argc, char **argv);
} Command;

static char **library_dirs;
static char *figure_name;
static char *layer_name;
static char **highlights;
static gboolean with_labels;
static gboolean with_trigger_points;
static int render_width = 800;
static char *output_path;

static const GOptionEntry library_entries[] = {
  { "library", 'l', 0, G_OPTION_ARG_FILENAME_ARRAY, &library_dirs,
    N_("Also load the content pack in DIR (a folder of .xml files, or one file)"), N_("DIR") },
  { NULL }
};

static const GOptionEntry layer_entries[] = {
  { "figure", 0, 0, G_OPTION_ARG_STRING, &figure_name,
    N_("The figure: posterior (the default) or anterior; “dorsum-cli list figures” lists them"), N_("FIGURE") },
  { "layer", 0, 0, G_OPTION_ARG_STRING, &layer_name,
    N_("The figure's layer, such as superficial, middle or deep"), N_("LAYER") },
  { NULL }
};

static const GOptionEntry render_entries[] = {
  { "highlight", 0, 0, G_OPTION_ARG_STRING_ARRAY, &highlights, N_("Highlight this muscle (repeatable)"), N_("MUSCLE-ID") },
  { "labels", 0, 0, G_OPTION_ARG_NONE, &with_labels, N_("Draw the muscle labels"), NULL },
  { "trigger-points", 0, 0, G_OPTION_ARG_NONE, &with_trigger_points,
    N_("Draw the highlighted muscles' trigger points and the referral zones on this figure"), NULL },
  { "width", 0, 0, G_OPTION_ARG_INT, &render_width, N_("Width of the picture in pixels (or points)"), N_("PX") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path, N_("Where to write: .png, .svg or .pdf"), N_("FILE") },
  { NULL }
};

GOptionContext *
dorsum_cli_command_context (const char *args,
                 const char *summary)
{
  GOptionContext *context = g_option_context_new (args);

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, library_entries, GETTEXT_PACKAGE);

  return context;
}

gboolean
dorsum_cli_parse_command (GOptionContext  *context,
               int             *argc,
               char          ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("dorsum-cli: %s\n", error->message);
      return FALSE;
    }

  return TRUE;
}

void
dorsum_cli_usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("dorsum-cli: %s\n\n%s", message, help);
}

/* Parses --figure (posterior when left out); prints what is wrong and returns NULL if it names no figure. */
static DorsumFigure *
parse_figure (GOptionContext *context)
{
  g_autoptr(GError) error = NULL;
  DorsumFigure *figure = dorsum_figure_lookup (figure_name ? figure_name : DORSUM_FIGURE_POSTERIOR, &error);

  if (figure == NULL)
    dorsum_cli_usage_error (context, error->message);

  return figure;
}

/* The figure's layer ids as "a, b or c", for messages. */
static char *
layer_choices (DorsumFigure *figure)
{
  GString *text = g_string_new (NULL);
  guint n = dorsum_figure_get_n_layers (figure);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (text, i + 1 == n ? _(" or ") : ", ");
      g_string_append (text, dorsum_figure_get_layer_id (figure, i));
    }

  return g_string_free (text, FALSE);
}

/* Parses --layer against the figure's layers; @required says whether leaving it out is an error. */
static gboolean
parse_layer (GOptionContext *context,
             DorsumFigure   *figure,
             gboolean        required)
{
  g_autofree char *message = NULL;
  g_autofree char *choices = NULL;

  if (layer_name == NULL && !required)
    return TRUE;

  if (layer_name != NULL && dorsum_figure_find_layer (figure, layer_name, NULL))
    return TRUE;

  choices = layer_choices (figure);
  message = layer_name ? g_strdup_printf (_("“%s” is not a layer of the %s figure; use %s"),
                                          layer_name, dorsum_figure_get_id (figure), choices)
                       : g_strdup_printf (_("say which layer with --layer (%s)"), choices);
  dorsum_cli_usage_error (context, message);

  return FALSE;
}

static DorsumDiagram *
open_diagram (DorsumFigure *figure,
              const char   *layer)
{
  g_autoptr(GError) error = NULL;
  DorsumDiagram *diagram = dorsum_figure_load_layer (figure, layer, &error);

  if (diagram == NULL)
    g_printerr ("dorsum-cli: %s\n", error->message);

  return diagram;
}

static int
list_regions (GOptionContext *context)
{
  DorsumFigure *figure;

  if (!(figure = parse_figure (context)) || !parse_layer (context, figure, FALSE))
    return 2;

  for (guint l = 0; l < dorsum_figure_get_n_layers (figure); l++)
    {
      const char *layer = dorsum_figure_get_layer_id (figure, l);
      g_autoptr(DorsumDiagram) diagram = NULL;

      if (layer_name != NULL && !g_str_equal (layer, layer_name))
        continue;

      if (!(diagram = open_diagram (figure, layer)))
        return 1;

      for (guint i = 0; i < dorsum_diagram_get_n_regions (diagram); i++)
        {
          const DorsumRegion *r = dorsum_diagram_get_region (diagram, i);

          g_print ("%s\t%s\t%s\t%s\t%s\t%.1f\t%.1f\t%.1f\t%.1f\n", r->id, r->muscle,
                   r->side == DORSUM_SIDE_LEFT ? "left" : "right", dorsum_figure_get_id (figure), layer,
                   r->bounds.x, r->bounds.y, r->bounds.width, r->bounds.height);
        }
    }

  return 0;
}

static int
list_figures (void)
{
  g_autoptr(GError) error = NULL;
  GListModel *figures = dorsum_figures_get_default (&error);

  if (figures == NULL)
    {
      g_printerr ("dorsum-cli: %s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(DorsumFigure) figure = g_list_model_get_item (figures, i);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) layers = NULL;
      g_autofree char *joined = NULL;

      for (guint l = 0; l < dorsum_figure_get_n_layers (figure); l++)
        g_strv_builder_add (builder, dorsum_figure_get_layer_id (figure, l));
      layers = g_strv_builder_end (builder);
      joined = g_strjoinv (",", layers);

      g_print ("%s\t%s\t%s\t%s\n", dorsum_figure_get_id (figure), dorsum_figure_get_title (figure),
               dorsum_view_to_string (dorsum_figure_get_view (figure)), joined);
    }

  return 0;
}

/* The built-in library plus every system pack and --library pack; failures are reported, never fatal. */
DorsumLibrary *
dorsum_cli_open_library (void)
{
  g_autoptr(GError) error = NULL;
  DorsumLibrary *library = dorsum_library_new ();
  GPtrArray *problems;

  if (!dorsum_library_load_builtin (library, &error))
    g_printerr (_("dorsum-cli: the built-in library failed to load:\n%s\n"), error->message);

  dorsum_library_load_system_packs (library);

  for (guint i = 0; library_dirs && library_dirs[i]; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (library_dirs[i]);
      GError *pack_error = NULL;

      if (!dorsum_library_add_pack (library, file, &pack_error))
        g_ptr_array_add (dorsum_library_get_problems (library), pack_error);
    }

  problems = dorsum_library_get_problems (library);
  for (guint i = 0; i < problems->len; i++)
    {
      const GError *problem = g_ptr_array_index (problems, i);

      g_printerr (_("dorsum-cli: a content pack was skipped:\n%s\n"), problem->message);
    }

  return library;
}

static int
run_validate (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = dorsum_cli_command_context (_("FILE…"),
    _("Check content library files: well-formed XML, the schema, unique ids and\n"
      "references that resolve (within the files, then the built-in library).\n"
      "Exits 0 when all are valid, 1 otherwise; problems print as FILE:LINE: message."));
  g_autoptr(DorsumLibrary) library = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  if (!dorsum_cli_parse_command (context, &argc, &argv))
    return 2;

  if (argc < 2)
    {
      dorsum_cli_usage_error (context, _("name at least one file to validate"));
      return 2;
    }

  library = dorsum_library_new ();
  if (!dorsum_library_load_builtin (library, &error))
    g_clear_error (&error);

  for (guint i = 0; library_dirs && library_dirs[i]; i++)
    {
      g_autoptr(GFile) dir = g_file_new_for_commandline_arg (library_dirs[i]);

      if (!dorsum_library_add_pack (library, dir, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  for (int i = 1; i < argc; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (argv[i]));

  if (!dorsum_library_add_files (library, (GFile **)files->pdata, files->len, TRUE, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "%u file is valid\n", "%u files are valid\n", files->len),
           files->len);

  return 0;
}

static int
run_list (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = dorsum_cli_command_context (_("KIND"),
    _("List the entries of one kind as id<TAB>name<TAB>Latin name or summary.\n"
      "KIND is muscles, techniques, stretches, selfcare, contraindications, conditions or articles.\n"
      "KIND figures lists the figures of the atlas as id<TAB>title<TAB>view<TAB>layers.\n"
      "KIND regions lists a figure's diagram regions (--figure, posterior by default) as\n"
      "region-id<TAB>muscle-id<TAB>side<TAB>figure<TAB>layer<TAB>x<TAB>y<TAB>w<TAB>h (diagram units)."));
  g_autoptr(DorsumLibrary) library = NULL;
  GListModel *model = NULL;
  guint n;

  g_option_context_add_main_entries (context, layer_entries, GETTEXT_PACKAGE);
  if (!dorsum_cli_parse_command (context, &argc, &argv))
    return 2;

  if (argc != 2)
    {
      dorsum_cli_usage_error (context, _("name one kind of entry to list"));
      return 2;
    }

  if (g_str_equal (argv[1], "regions"))
    return list_regions (context);
  if (g_str_equal (argv[1], "figures"))
    return list_figures ();

  library = dorsum_cli_open_library ();

  for (guint k = 0; k < DORSUM_N_KINDS; k++)
    {
      if (g_str_equal (argv[1], dorsum_kind_get_plural (k)) || g_str_equal (argv[1], dorsum_kind_to_string (k)))
        model = dorsum_library_get_entries (library, k);
    }

  if (model == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a kind of entry"), argv[1]);

      dorsum_cli_usage_error (context, message);
      return 2;
    }

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DorsumEntry) entry = g_list_model_get_item (model, i);
      const char *third = dorsum_entry_get_latin (entry);

      if (third == NULL)
        third = dorsum_entry_get_summary (entry);

      g_print ("%s\t%s\t%s\n", dorsum_entry_get_id (entry), dorsum_entry_get_name (entry), third ? third : "");
    }

  return 0;
}

static void
print_field (const char *title,
             const char *value)
{
  g_print ("%s: %s\n", title, value);
}

static int
run_show (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = dorsum_cli_command_context (_("ID"),
    _("Print one entry as Field: value lines, then its links.\n"
      "With --client, print only what the client reads (a muscle, stretch or self-care routine)."));
  g_autoptr(DorsumLibrary) library = NULL;
  g_autoptr(GPtrArray) linking = NULL;
  DorsumEntry *entry;
  const char *value;
  gboolean client = FALSE;
  const GOptionEntry show_entries[] = {
    { "client", 0, 0, G_OPTION_ARG_NONE, &client,
      N_("Print only the text written for the client, as a handout prints it"), NULL },
    { NULL },
  };

  g_option_context_add_main_entries (context, show_entries, GETTEXT_PACKAGE);
  if (!dorsum_cli_parse_command (context, &argc, &argv))
    return 2;

  if (argc != 2)
    {
      dorsum_cli_usage_error (context, _("name the id of one entry"));
      return 2;
    }

  library = dorsum_cli_open_library ();
  entry = dorsum_library_lookup (library, argv[1]);
  if (entry == NULL)
    {
      g_printerr (_("dorsum-cli: no entry has the id “%s”; try “dorsum-cli search %s”\n"), argv[1], argv[1]);
      return 1;
    }

  if (client)
    {
      g_autofree char *text = dorsum_entry_dup_client_text (entry);

      if (text == NULL)
        {
          g_printerr (_("dorsum-cli: “%s” has no text for clients; muscles, stretches and self-care routines have\n"),
                      argv[1]);
          return 1;
        }
      g_print ("%s\n", text);
      return 0;
    }

  print_field (_("Id"), dorsum_entry_get_id (entry));
  print_field (_("Kind"), dorsum_entry_get_kind (entry) == DORSUM_KIND_MUSCLE ? _("muscle") : dorsum_kind_to_string (dorsum_entry_get_kind (entry)));

  for (guint i = 0; i < dorsum_entry_get_n_fields (entry); i++)
    {
      const DorsumField *field = dorsum_entry_get_field (entry, i);
      const char *title = dorsum_field_get_title (field->key);

      /* The client's text is printed with --client, the way a handout prints it. */
      if (g_str_equal (field->key, "sources") || g_str_has_prefix (field->key, "client-"))
        continue;

      for (guint j = 0; field->values[j]; j++)
        {
          if (g_str_equal (field->key, "innervation") &&
              (value = dorsum_entry_get_attribute (entry, "innervation-roots")))
            {
              g_autofree char *text = g_strdup_printf ("%s (%s)", field->values[j], value);

              print_field (title, text);
            }
          else if (g_str_equal (field->key, "pressure"))
            {
              g_autofree char *text = g_strdup_printf (_("%s–%s of 10: %s"),
                                                       dorsum_entry_get_attribute (entry, "pressure-min"),
                                                       dorsum_entry_get_attribute (entry, "pressure-max"),
                                                       field->values[j]);

              print_field (title, text);
            }
          else
            print_field (title, field->values[j]);
        }
    }

  if ((value = dorsum_entry_get_attribute (entry, "region")))
    print_field (_("Region"), value);
  if ((value = dorsum_entry_get_attribute (entry, "layer")))
    print_field (_("Layer"), value);
  if ((value = dorsum_entry_get_attribute (entry, "severity")))
    print_field (_("Type"), value);
  if ((value = dorsum_entry_get_part_of (entry)))
    print_field (_("Part of"), value);

  for (guint i = 0; i < dorsum_entry_get_n_trigger_points (entry); i++)
    {
      const DorsumTriggerPoint *tp = dorsum_entry_get_trigger_point (entry, i);
      g_autofree char *text = g_strdup_printf (_("%s Refers pain: %s"), tp->location, tp->referral);

      print_field (_("Trigger point"), text);
      if (tp->drawing_note != NULL)
        print_field (_("Drawing note"), tp->drawing_note);
    }

  for (guint i = 0; i < dorsum_entry_get_n_links (entry); i++)
    {
      const DorsumLink *link = dorsum_entry_get_link (entry, i);
      DorsumEntry *target = dorsum_library_lookup (library, link->id);
      g_autofree char *text = g_strdup_printf ("%s\t%s", link->id, target ? dorsum_entry_get_name (target) : "");
      g_autofree char *title = g_strdup_printf ("Link %s", dorsum_kind_to_string (link->kind));

      print_field (title, text);
    }

  linking = dorsum_library_get_linking_entries (library, dorsum_entry_get_id (entry));
  for (guint i = 0; i < linking->len; i++)
    {
      DorsumEntry *other = g_ptr_array_index (linking, i);
      g_autofree char *text = g_strdup_printf ("%s\t%s", dorsum_entry_get_id (other), dorsum_entry_get_name (other));
      g_autofree char *title = g_strdup_printf ("Linked from %s", dorsum_kind_to_string (dorsum_entry_get_kind (other)));

      print_field (title, text);
    }

  {
    const char * const *sources = dorsum_entry_lookup_field (entry, "sources");

    for (guint i = 0; sources && sources[i]; i++)
      print_field (_("Source"), sources[i]);
  }

  return 0;
}

static int
run_search (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = dorsum_cli_command_context (_("TEXT…"),
    _("Search names, everyday names, where trigger points refer pain, and the text of every entry;\n"
      "prints id<TAB>name<TAB>kind<TAB>why it matched, best first. Exits 1 when nothing matched."));
  g_autoptr(DorsumLibrary) library = NULL;
  g_autoptr(DorsumSearchIndex) index = NULL;
  g_autoptr(GArray) results = NULL;
  g_autofree char *text = NULL;
  g_autofree char *suggestion = NULL;

  if (!dorsum_cli_parse_command (context, &argc, &argv))
    return 2;

  if (argc < 2)
    {
      dorsum_cli_usage_error (context, _("say what to search for"));
      return 2;
    }

  text = g_strjoinv (" ", argv + 1);
  library = dorsum_cli_open_library ();
  index = dorsum_search_index_new (library);
  results = dorsum_search_index_query (index, text, 0);

  if (results->len == 0)
    {
      g_printerr (_("dorsum-cli: no results for “%s”\n"), text);
      return 1;
    }

  if ((suggestion = dorsum_search_results_get_suggestion (results)))
    /* Translators: the search found only near spellings; %s is the corrected query */
    g_printerr (_("Did you mean “%s”?\n"), suggestion);

  for (guint i = 0; i < results->len; i++)
    {
      const DorsumSearchResult *result = &g_array_index (results, DorsumSearchResult, i);
      g_autofree char *reason = dorsum_search_result_get_reason (result, FALSE);

      g_print ("%s\t%s\t%s\t%s\n",
               dorsum_entry_get_id (result->entry),
               dorsum_entry_get_name (result->entry),
               dorsum_kind_to_string (dorsum_entry_get_kind (result->entry)),
               reason);
    }

  return 0;
}

static int
run_hit (int    argc,
         char **argv)
{
  g_autoptr(GOptionContext) context = dorsum_cli_command_context (_("X Y"),
    _("Print the region at the point (X, Y) of a figure's layer in diagram units (0–800 across,\n"
      "0–1200 down) as region-id<TAB>muscle-id<TAB>side; exits 1 when the point is on no muscle.\n"
      "The side is the figure's own: on the anterior figure its left is on the picture's right."));
  g_autoptr(DorsumDiagram) diagram = NULL;
  const DorsumRegion *region;
  DorsumFigure *figure = NULL;
  char *end_x, *end_y;
  double x, y;

  g_option_context_add_main_entries (context, layer_entries, GETTEXT_PACKAGE);
  if (!dorsum_cli_parse_command (context, &argc, &argv) || !(figure = parse_figure (context)) ||
      !parse_layer (context, figure, TRUE))
    return 2;

  if (argc != 3)
    {
      dorsum_cli_usage_error (context, _("give the point as two numbers, X and Y"));
      return 2;
    }

  x = g_ascii_strtod (argv[1], &end_x);
  y = g_ascii_strtod (argv[2], &end_y);
  if (*end_x != '\0' || *end_y != '\0')
    {
      dorsum_cli_usage_error (context, _("X and Y must be numbers"));
      return 2;
    }

  if (!(diagram = open_diagram (figure, layer_name)))
    return 1;

  region = dorsum_diagram_hit (diagram, x, y);
  if (region == NULL)
    return 1;

  g_print ("%s\t%s\t%s\n", region->id, region->muscle, region->side == DORSUM_SIDE_LEFT ? "left" : "right");

  return 0;
}

static int
run_render (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = dorsum_cli_command_context (NULL,
    _("Draw a layer of a figure of the atlas (--figure, posterior by default) to a PNG, SVG or PDF file."));
  g_autoptr(DorsumDiagram) diagram = NULL;
  g_autoptr(DorsumLibrary) library = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) muscles = NULL;
  g_autoptr(GPtrArray) trigger_points = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  DorsumFigure *figure = NULL;
  double height;

  g_option_context_add_main_entries (context, layer_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, render_entries, GETTEXT_PACKAGE);
  if (!dorsum_cli_parse_command (context, &argc, &argv) || !(figure = parse_figure (context)) ||
      !parse_layer (context, figure, TRUE))
    return 2;

  if (output_path == NULL || render_width < 16 || render_width > 16384 || argc != 1)
    {
      dorsum_cli_usage_error (context, _("give --width between 16 and 16384 and -o OUT.png, .svg or .pdf"));
      return 2;
    }

  if (!(diagram = open_diagram (figure, layer_name)))
    return 1;

  library = dorsum_cli_open_library ();
  for (guint i = 0; highlights && highlights[i]; i++)
    {
      DorsumEntry *entry = dorsum_library_lookup (library, highlights[i]);
      g_auto(GStrv) parts = NULL;

      if (entry == NULL || dorsum_entry_get_kind (entry) != DORSUM_KIND_MUSCLE)
        {
          g_printerr (_("dorsum-cli: “%s” is not a muscle id; see “dorsum-cli list muscles”\n"), highlights[i]);
          return 1;
        }

      parts = dorsum_library_expand_parts (library, highlights[i]);
      g_strv_builder_addv (builder, (const char **)parts);
    }
  muscles = g_strv_builder_end (builder);
  for (guint i = 0; with_trigger_points && muscles[i]; i++)
    {
      DorsumEntry *entry = dorsum_library_lookup (library, muscles[i]);

      for (guint t = 0; entry && t < dorsum_entry_get_n_trigger_points (entry); t++)
        g_ptr_array_add (trigger_points, (gpointer)dorsum_entry_get_trigger_point (entry, t));
    }

  height = render_width * dorsum_diagram_get_height (diagram) / dorsum_diagram_get_width (diagram);

  if (g_str_has_suffix (output_path, ".png"))
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, render_width, (int)ceil (height));
  else if (g_str_has_suffix (output_path, ".svg"))
    surface = cairo_svg_surface_create (output_path, render_width, height);
  else if (g_str_has_suffix (output_path, ".pdf"))
    surface = cairo_pdf_surface_create (output_path, render_width, height);
  else
    {
      dorsum_cli_usage_error (context, _("the output must end in .png, .svg or .pdf"));
      return 2;
    }

  cr = cairo_create (surface);
  if (!dorsum_diagram_render (diagram, cr, render_width, height,
                               with_labels ? DORSUM_RENDER_LABELS : DORSUM_RENDER_DEFAULT, &error))
    {
      g_printerr ("dorsum-cli: %s\n", error->message);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      return 1;
    }

  cairo_scale (cr, render_width / dorsum_diagram_get_width (diagram), height / dorsum_diagram_get_height (diagram));
  /* The accent blue of the GNOME palette. */
  dorsum_diagram_draw_highlight (diagram, cr, (const char * const *)muscles, 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 1.0);
  /* The red of the GNOME palette, as the app draws trigger point charts. */
  if (trigger_points->len > 0)
    dorsum_draw_trigger_points_on_figure (cr, dorsum_figure_get_id (figure),
                                          (const DorsumTriggerPoint * const *)trigger_points->pdata,
                                          trigger_points->len, render_width / dorsum_diagram_get_width (diagram),
                                          0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0);
  cairo_destroy (cr);

  if (g_str_has_suffix (output_path, ".png"))
    status = cairo_surface_write_to_png (surface, output_path);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_printerr (_("dorsum-cli: could not write %s: %s\n"), output_path, cairo_status_to_string (status));
      return 1;
    }

  return 0;
}

static const Command commands[] = {
  { "validate", N_("FILE..."), N_("Check content library files"), run_validate },
  { "list", N_("KIND"), N_("List muscles, techniques, …, conditions, figures or diagram regions"), run_list },
  { "show", N_("ID"), N_("Show one entry"), run_show },
  { "search", N_("TEXT"), N_("Search the library"), run_search },
  { "hit", N_("X Y"), N_("Name the region at a point of a figure's layer (--figure F --layer L)"), run_hit },
  { "chart", N_("validate|lookup|plan FILE"), N_("Check a pain chart, rank the muscles behind it, or list its plan"),
    dorsum_cli_run_chart },
  { "export", N_("CHART -o FILE"), N_("Draw a chart, or its client handout (--handout)"), dorsum_cli_run_export },
  { "render", N_("-o FILE"), N_("Draw a layer to PNG, SVG or PDF (--figure F --layer L --width PX)"), run_render },
  { "quiz", N_("[--deck D --count N]"), N_("Study: answer questions, recorded for spaced repetition"), dorsum_cli_run_quiz },
  { "study", N_("status|export|import"), N_("Study progress: due cards and retention per deck"), dorsum_cli_run_study },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: dorsum-cli [--library DIR] COMMAND [ARGUMENTS…]"));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-9s %-21s %s\n", commands[i].name, _(commands[i].args), _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("“dorsum-cli COMMAND --help” tells more about each."));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char **sub_argv = NULL;
  const char *name = NULL;
  int command_index = -1;
  int sub_argc = 0;
  int ret;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The command is the first word that is not an option or an option's value. */
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--library") || g_str_equal (argv[i], "-l"))
        {
          i++;
          continue;
        }
      if (argv[i][0] != '-')
        {
          command_index = i;
          name = argv[i];
          break;
        }
      if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_usage (stdout);
          return 0;
        }
      if (g_str_equal (argv[i], "--version"))
        {
          g_print ("dorsum-cli %s\n", PACKAGE_VERSION);
          return 0;
        }
    }

  if (name == NULL)
    {
      print_usage (stderr);
      return 2;
    }

  /* Hand the command everything but its own name, global options included. */
  sub_argv = g_new0 (char *, argc + 1);
  sub_argv[sub_argc++] = argv[0];
  for (int i = 1; i < argc; i++)
    if (i != command_index)
      sub_argv[sub_argc++] = argv[i];

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (commands[i].name, name))
        {
          g_autofree char *prgname = g_strdup_printf ("dorsum-cli %s", name);

          g_set_prgname (prgname);
          ret = commands[i].run (sub_argc, sub_argv);
          g_strfreev (library_dirs);
          g_strfreev (highlights);
          g_free (figure_name);
          g_free (layer_name);
          g_free (output_path);
          return ret;
        }
    }

  g_printerr (_("dorsum-cli: “%s” is not a command\n\n"), name);
  print_usage (stderr);

  return 2;
}
