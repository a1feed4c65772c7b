/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application object: loads the library once at startup, keeps a single instance,
 * and provides the about and quit actions. */

#define G_LOG_DOMAIN "dorsum-application"

#include "config.h"

#include <glib/gi18n.h>

#include "dorsum-a11y.h"
#include "dorsum-application.h"
#include "dorsum-chart.h"
#include "dorsum-diagram.h"
#include "dorsum-diagram-view.h"
#include "dorsum-first-frame.h"
#include "dorsum-gui-resources.h"
#include "dorsum-preferences-window.h"
#include "dorsum-search-provider.h"
#include "dorsum-window.h"
#include "dorsum-window-private.h"

struct _DorsumApplication
{
  AdwApplication  parent_instance;

  DorsumLibrary  *library;
  DorsumSearchIndex *search_index;

  /* The first window's diagram, rendered while GTK starts up. */
  gboolean        plan_first;
  DorsumLayer     first_layer;
  double          first_zoom;
  int             first_width;
  int             first_height;
  GdkTexture     *first_diagram;

  GThread        *preload;
  gboolean        preloaded;
  GThread        *indexer;   /* DorsumSearchIndex*: built once the first window is on screen */

  guint           search_provider_id;
};

G_DEFINE_FINAL_TYPE (DorsumApplication, dorsum_application, ADW_TYPE_APPLICATION)

static void
dorsum_application_about_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  DorsumApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Dorsum developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "application-name", "Dorsum",
                        "application-icon", APP_ID,
                        "developer-name", _("The Dorsum developers"),
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/dorsum/dorsum",
                        "issue-url", "https://github.com/dorsum/dorsum/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Dorsum developers",
                        "developers", developers,
                        /* Translators: replace with your names, one per line */
                        "translator-credits", _("translator-credits"),
                        "comments", _("Dorsum is an educational reference. It is not medical advice "
                                      "and does not replace a diagnosis by a qualified professional."),
                        "destroy-with-parent", TRUE,
                        NULL);
  /* The code is GPL (above); the library's texts, the diagrams and the artwork are not code. */
  /* No copyright line of its own: libadwaita 1.2 leaks a section's copyright string (the
   * window's own copyright above covers it). */
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Content and Artwork"),
                                      NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("The content library, the diagrams, the illustrations and the icons are licensed "
                                        "under the <a href=\"https://creativecommons.org/licenses/by-sa/4.0/\">Creative "
                                        "Commons Attribution-ShareAlike 4.0 International</a> licence (CC-BY-SA-4.0)."));
  dorsum_a11y_name_action_buttons (about, "about.copy-property", _("Copy"));
  dorsum_a11y_name_icon_buttons (about, "go-previous-symbolic", _("Back"));
  dorsum_a11y_name_text_views (about, _("About Dorsum"));
  /* The app's icon and the rows' arrows say nothing a screen reader needs. */
  dorsum_a11y_tidy_rows (about, NULL);
  dorsum_a11y_name_all_lists (about, _("About Dorsum"));
  dorsum_a11y_fix_mnemonics (about);
  gtk_window_present (GTK_WINDOW (about));
}

static void
dorsum_application_preferences_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  DorsumApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (dorsum_preferences_window_new (window)));
}

/* Preferences on its Content page (also a D-Bus action: the Flatpak check adds a pack so). */
static void
dorsum_application_content_packs_action (GSimpleAction *action,
                                         GVariant      *parameter,
                                         gpointer       user_data)
{
  DorsumApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *preferences = dorsum_preferences_window_new (window);

  dorsum_preferences_window_show_packs (DORSUM_PREFERENCES_WINDOW (preferences));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
dorsum_application_quit_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  DorsumApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window closes once the user has answered for its unsaved chart; the application
   * ends with the last one. Quitting outright would drop the chart while the question is
   * still on screen. */
  for (GList *l = windows; l != NULL; l = l->next)
    if (DORSUM_IS_WINDOW (l->data))
      gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "about", dorsum_application_about_action },
  { "preferences", dorsum_application_preferences_action },
  { "content-packs", dorsum_application_content_packs_action },
  { "quit", dorsum_application_quit_action },
};

/* Runs while GTK starts up: the library and the first diagram layer need no display. */
static gpointer
preload_thread (gpointer data)
{
  DorsumApplication *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DorsumDiagram) diagram = NULL;

  if (!dorsum_library_load_builtin (self->library, &error))
    g_warning ("The built-in library failed to load: %s", error->message);

  dorsum_library_load_system_packs (self->library);

  /* Parsed once and cached in the core; the window's view picks it up. */
  diagram = dorsum_diagram_new_for_layer (self->first_layer, NULL);
  if (self->plan_first)
    self->first_diagram = dorsum_diagram_view_render_first (self->first_layer, self->first_zoom,
                                                            self->first_width, self->first_height);

  return NULL;
}

/* Loading needs no display and no bus: it starts before either is set up. */
static void
start_preload (DorsumApplication *self)
{
  if (self->preload != NULL || self->preloaded)
    return;

  self->plan_first = dorsum_window_plan_first_diagram (&self->first_layer, &self->first_zoom,
                                                      &self->first_width, &self->first_height);
  self->preload = g_thread_new ("dorsum-preload", preload_thread, self);
}

static gpointer
index_thread (gpointer data)
{
  return dorsum_search_index_new (data);
}

static void
finish_preload (DorsumApplication *self)
{
  if (self->preload != NULL)
    g_thread_join (g_steal_pointer (&self->preload));
  self->preloaded = TRUE;
}

/* The search index (about 30 ms of a core) is built in a thread once the first window has
 * painted its first frame: started sooner, it took a core from the window's first layout
 * and paint on a two-core machine. A query that comes sooner (or without a window, from
 * the shell's search) builds it then. */
static void
start_indexer (DorsumApplication *self,
               GdkFrameClock     *clock)
{
  if (clock != NULL)
    g_signal_handlers_disconnect_by_func (clock, start_indexer, self);

  if (self->preloaded && self->indexer == NULL && self->search_index == NULL)
    self->indexer = g_thread_new ("dorsum-index", index_thread, self->library);
}

static void
first_window_realized (DorsumApplication *self,
                       GtkWidget         *window)
{
  g_signal_handlers_disconnect_by_func (window, first_window_realized, self);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (start_indexer), self, G_CONNECT_SWAPPED);
}

/* Runs before the application registers with the session bus, which can take a while. A
 * second instance only sends its command line on and drops what it loaded. */
static int
dorsum_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("Dorsum %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* Inside a Flatpak what the running instance prints for a second one is lost: the D-Bus
   * proxy lets a sandbox call only names it owns, not the second instance. So there the
   * launch reads the chart it names itself and says on its terminal what is wrong; the
   * command line still goes on, for the window to say so too and for the exit status. */
  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      g_autofree const char **files = NULL;

      if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files) && files[0] != NULL)
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[g_strv_length ((char **) files) - 1]);
          g_autoptr(GError) error = NULL;
          g_autoptr(DorsumChart) chart = dorsum_chart_new_from_file (file, &error);

          if (chart == NULL)
            g_printerr ("%s\n", error->message);
        }
    }

  start_preload (DORSUM_APPLICATION (app));

  return -1;
}

static gpointer
read_icon_themes_thread (gpointer data)
{
  g_autoptr(GtkIconTheme) theme = data;

  /* Any lookup reads the themes first. */
  gtk_icon_theme_has_icon (theme, APP_ID);

  return NULL;
}

static void
dorsum_application_startup (GApplication *app)
{
  DorsumApplication *self = DORSUM_APPLICATION (app);
  GPtrArray *problems;

  start_preload (self);

  G_APPLICATION_CLASS (dorsum_application_parent_class)->startup (app);

  /* The window's first icon would read the icon themes (a third of the time it takes to
   * show the window). GTK allows lookups from other threads, so read them in one while
   * the window is built. */
  g_thread_unref (g_thread_new ("dorsum-icons", read_icon_themes_thread,
                                g_object_ref (gtk_icon_theme_get_for_display (gdk_display_get_default ()))));

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", (const char *[]) { "<Control>w", NULL });

  finish_preload (self);

  problems = dorsum_library_get_problems (self->library);
  for (guint i = 0; i < problems->len; i++)
    g_message ("Skipped a content pack: %s", ((GError *)g_ptr_array_index (problems, i))->message);
}

static DorsumWindow *
ensure_window (DorsumApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (dorsum_window_new (self));
      dorsum_first_frame_watch (GTK_WIDGET (window));
      if (self->indexer == NULL && self->search_index == NULL)
        g_signal_connect_object (window, "realize", G_CALLBACK (first_window_realized), self, G_CONNECT_SWAPPED);
      gtk_window_present (window);
    }

  return DORSUM_WINDOW (window);
}

static void
dorsum_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (ensure_window (DORSUM_APPLICATION (app))));
}

/* Runs in the first instance, also for a second launch: one window, told what to show. */
static int
dorsum_application_command_line (GApplication            *app,
                                 GApplicationCommandLine *command_line)
{
  DorsumApplication *self = DORSUM_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  DorsumWindow *window = ensure_window (self);
  const char *id = NULL, *text = NULL;
  g_autofree const char **files = NULL;
  int status = 0;

  /* A chart file (from Files, or `dorsum client.dorsum-chart`): a bad one is refused with
   * the reason on the caller's terminal and in the window, and the open chart stays. */
  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files))
    for (guint i = 0; files[i] != NULL; i++)
      {
        g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, files[i]);
        g_autoptr(GError) error = NULL;

        /* One window has one chart: the last file named wins. */
        if (files[i + 1] != NULL)
          continue;

        if (!dorsum_window_open_chart (window, file, &error))
          {
            g_application_command_line_printerr (command_line, "%s\n", error->message);
            dorsum_window_report (window, _("Could Not Open the Chart"), error->message);
            status = 1;
          }
      }

  if (g_variant_dict_contains (options, "study"))
    dorsum_window_show_study (window);
  if (g_variant_dict_contains (options, "new-chart"))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-new", NULL);

  if (!g_variant_dict_lookup (options, "muscle", "&s", &id))
    g_variant_dict_lookup (options, "technique", "&s", &id);
  g_variant_dict_lookup (options, "search", "&s", &text);

  if (id != NULL && !dorsum_window_show_entry (window, id))
    {
      g_application_command_line_printerr (command_line, _("No entry has the id “%s”; showing a search for it\n"), id);
      dorsum_window_search (window, id);
      status = 1;
    }
  else if (text != NULL)
    dorsum_window_search (window, text);

  gtk_window_present (GTK_WINDOW (window));

  return status;
}

#define SEARCH_PROVIDER_PATH "/io/github/dorsum/Dorsum/SearchProvider"

/* The Activities overview's search asks the running (or D-Bus started) application. */
static gboolean
dorsum_application_dbus_register (GApplication     *app,
                                  GDBusConnection  *connection,
                                  const char       *object_path,
                                  GError          **error)
{
  DorsumApplication *self = DORSUM_APPLICATION (app);

  if (!G_APPLICATION_CLASS (dorsum_application_parent_class)->dbus_register (app, connection, object_path, error))
    return FALSE;

  self->search_provider_id = dorsum_search_provider_register (self, connection, SEARCH_PROVIDER_PATH, error);

  return self->search_provider_id != 0;
}

static void
dorsum_application_dbus_unregister (GApplication    *app,
                                    GDBusConnection *connection,
                                    const char      *object_path)
{
  DorsumApplication *self = DORSUM_APPLICATION (app);

  if (self->search_provider_id != 0)
    g_dbus_connection_unregister_object (connection, self->search_provider_id);
  self->search_provider_id = 0;

  G_APPLICATION_CLASS (dorsum_application_parent_class)->dbus_unregister (app, connection, object_path);
}

static void
dorsum_application_finalize (GObject *object)
{
  DorsumApplication *self = (DorsumApplication *)object;

  finish_preload (self);
  if (self->indexer != NULL)
    self->search_index = g_thread_join (g_steal_pointer (&self->indexer));
  g_clear_object (&self->search_index);
  g_clear_object (&self->library);
  g_clear_object (&self->first_diagram);

  G_OBJECT_CLASS (dorsum_application_parent_class)->finalize (object);
}

static void
dorsum_application_class_init (DorsumApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = dorsum_application_finalize;

  app_class->handle_local_options = dorsum_application_handle_local_options;
  app_class->startup = dorsum_application_startup;
  app_class->activate = dorsum_application_activate;
  app_class->command_line = dorsum_application_command_line;
  app_class->dbus_register = dorsum_application_dbus_register;
  app_class->dbus_unregister = dorsum_application_dbus_unregister;
}

static const GOptionEntry options[] = {
  { "muscle", 'm', 0, G_OPTION_ARG_STRING, NULL, N_("Open the page of a muscle, e.g. latissimus-dorsi"), N_("ID") },
  { "technique", 't', 0, G_OPTION_ARG_STRING, NULL, N_("Open the page of a technique, e.g. trigger-point-therapy"), N_("ID") },
  { "search", 's', 0, G_OPTION_ARG_STRING, NULL, N_("Search the library"), N_("TEXT") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { "study", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open the Study page"), NULL },
  { "new-chart", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Start a new pain chart (asks first about unsaved changes)"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[CHART…]") },
  { NULL }
};

static void
dorsum_application_init (DorsumApplication *self)
{
  static gsize registered;

  g_application_add_main_option_entries (G_APPLICATION (self), options);

  if (g_once_init_enter (&registered))
    {
      dorsum_gui_register_resource ();
      g_once_init_leave (&registered, 1);
    }

  self->library = dorsum_library_new ();
}

DorsumApplication *
dorsum_application_new (void)
{
  return g_object_new (DORSUM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/dorsum/Dorsum",
                       NULL);
}

DorsumLibrary *
dorsum_application_get_library (DorsumApplication *self)
{
  g_return_val_if_fail (DORSUM_IS_APPLICATION (self), NULL);

  return self->library;
}

/**
 * dorsum_application_get_search_index:
 *
 * The index over the library: built in a thread once the first window has painted, or here if it is asked for sooner.
 *
 * Returns: (transfer none): the index
 */
DorsumSearchIndex *
dorsum_application_get_search_index (DorsumApplication *self)
{
  g_return_val_if_fail (DORSUM_IS_APPLICATION (self), NULL);

  finish_preload (self);
  if (self->indexer != NULL)
    self->search_index = g_thread_join (g_steal_pointer (&self->indexer));
  if (self->search_index == NULL)
    self->search_index = dorsum_search_index_new (self->library);

  return self->search_index;
}

/* The library is about to change: the index being built over it is waited for (it reads
 * the library in its thread) and dropped, to be built again over what the library has. */
static void
drop_search_index (DorsumApplication *self)
{
  finish_preload (self);
  if (self->indexer != NULL)
    self->search_index = g_thread_join (g_steal_pointer (&self->indexer));
  g_clear_object (&self->search_index);
}

/**
 * dorsum_application_add_pack:
 * @pack: a pack installed in the user's library folder
 * @read: (nullable): a scratch library that has read @pack, to take its entries from
 *   rather than read the files here (see dorsum_library_take_pack())
 *
 * Adds the pack to the running library: every window lists and finds its entries at once
 * (they follow DorsumLibrary::changed).
 */
gboolean
dorsum_application_add_pack (DorsumApplication  *self,
                             GFile              *pack,
                             DorsumLibrary      *read,
                             GError            **error)
{
  g_return_val_if_fail (DORSUM_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (pack), FALSE);
  g_return_val_if_fail (read == NULL || DORSUM_IS_LIBRARY (read), FALSE);

  drop_search_index (self);

  if (read != NULL)
    return dorsum_library_take_pack (self->library, read, pack, error);

  return dorsum_library_add_pack (self->library, pack, error);
}

/**
 * dorsum_application_remove_pack:
 *
 * Takes the pack's entries out of the running library (see dorsum_library_remove_pack()).
 */
gboolean
dorsum_application_remove_pack (DorsumApplication  *self,
                                GFile              *pack,
                                GError            **error)
{
  g_return_val_if_fail (DORSUM_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (pack), FALSE);

  drop_search_index (self);

  return dorsum_library_remove_pack (self->library, pack, error);
}

/**
 * dorsum_application_take_first_diagram:
 * @layer: (out): the layer it shows
 *
 * The diagram texture rendered for the first window while GTK started up, once.
 *
 * Returns: (transfer full) (nullable): the texture, or %NULL for later windows
 */
GdkTexture *
dorsum_application_take_first_diagram (DorsumApplication *self,
                                       DorsumLayer       *layer)
{
  g_return_val_if_fail (DORSUM_IS_APPLICATION (self), NULL);

  *layer = self->first_layer;

  return g_steal_pointer (&self->first_diagram);
}
