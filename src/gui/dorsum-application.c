/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application object: loads the library once at startup, keeps a single instance,
 * and provides the about and quit actions. */

#define G_LOG_DOMAIN "dorsum-application"

#include "config.h"

#include <glib/gi18n.h>

#include "dorsum-application.h"
#include "dorsum-diagram.h"
#include "dorsum-first-frame.h"
#include "dorsum-gui-resources.h"
#include "dorsum-window.h"

struct _DorsumApplication
{
  AdwApplication  parent_instance;

  DorsumLibrary  *library;
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
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
dorsum_application_quit_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  DorsumApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close windows so they save their state, then quit. */
  for (GList *l = windows; l != NULL; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }

  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "about", dorsum_application_about_action },
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
  diagram = dorsum_diagram_new_for_layer (DORSUM_LAYER_SUPERFICIAL, NULL);

  return NULL;
}

static void
dorsum_application_startup (GApplication *app)
{
  DorsumApplication *self = DORSUM_APPLICATION (app);
  GPtrArray *problems;
  GThread *preload;

  preload = g_thread_new ("dorsum-preload", preload_thread, self);

  G_APPLICATION_CLASS (dorsum_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", (const char *[]) { "<Control>w", NULL });

  g_thread_join (preload);

  problems = dorsum_library_get_problems (self->library);
  for (guint i = 0; i < problems->len; i++)
    g_message ("Skipped a content pack: %s", ((GError *)g_ptr_array_index (problems, i))->message);
}

static void
dorsum_application_activate (GApplication *app)
{
  DorsumApplication *self = DORSUM_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (dorsum_window_new (self));
      dorsum_first_frame_watch (GTK_WIDGET (window));
    }

  gtk_window_present (window);
}

static void
dorsum_application_finalize (GObject *object)
{
  DorsumApplication *self = (DorsumApplication *)object;

  g_clear_object (&self->library);

  G_OBJECT_CLASS (dorsum_application_parent_class)->finalize (object);
}

static void
dorsum_application_class_init (DorsumApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = dorsum_application_finalize;

  app_class->startup = dorsum_application_startup;
  app_class->activate = dorsum_application_activate;
}

static void
dorsum_application_init (DorsumApplication *self)
{
  static gsize registered;

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
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/dorsum/Dorsum",
                       NULL);
}

DorsumLibrary *
dorsum_application_get_library (DorsumApplication *self)
{
  g_return_val_if_fail (DORSUM_IS_APPLICATION (self), NULL);

  return self->library;
}
