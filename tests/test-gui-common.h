/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the widget tests: running the main loop until the window has done what it
 * does next, opening a window, and finding a widget in it. */
#pragma once

#include <stdio.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "dorsum-application.h"
#include "dorsum-question.h"
#include "dorsum-window.h"

/* libadwaita 1.7 (with GTK 4.18) measures the heading of its alert and message dialogs at
 * less than the width the heading needs, and GTK warns "Trying to measure GtkLabel … for
 * width of 292, but it needs at least 341" for any heading longer than the dialog is wide; a
 * ten-line program that shows an AdwAlertDialog with such a heading gets it too. That one
 * warning, from that one label, is not made fatal; every other warning still is. */
static inline gboolean
is_upstream_dialog_heading_warning (const char *message)
{
  const char *at = strstr (message, "Trying to measure GtkLabel 0x");
  gpointer pointer = NULL;
  GtkWidget *label, *parent;

  if (at == NULL || sscanf (at + strlen ("Trying to measure GtkLabel "), "%p", &pointer) != 1)
    return FALSE;
  /* The label is being measured as the warning is given: it is alive. */
  label = pointer;
  if (!GTK_IS_LABEL (label) || (parent = gtk_widget_get_parent (label)) == NULL ||
      !gtk_widget_has_css_class (parent, "heading-bin"))
    return FALSE;
  for (GtkWidget *up = parent; up != NULL; up = gtk_widget_get_parent (up))
    if (dorsum_question_is_question (up))
      return TRUE;
  return FALSE;
}

static inline GLogWriterOutput
test_log_writer (GLogLevelFlags   level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if (level & G_LOG_LEVEL_WARNING)
    for (gsize i = 0; i < n_fields; i++)
      if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 &&
          is_upstream_dialog_heading_warning (fields[i].value))
        {
          g_test_message ("Known libadwaita warning, not fatal: %s", (const char *)fields[i].value);
          return G_LOG_WRITER_HANDLED;
        }

  return g_log_writer_default (level, fields, n_fields, user_data);
}

/* Each test program its own state folder (meson gives them one to share): a pain chart one
 * test leaves unsaved would be offered back, in a question over the window, to a test
 * running beside it. What a program left there on its last run is cleared. */
static inline void
use_own_state_dir (const char *program)
{
  const char *shared = g_getenv ("DORSUM_TEST_SHARED_STATE");
  g_autofree char *name = NULL;
  g_autofree char *own = NULL;
  g_autofree char *app_dir = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *child;

  if (shared == NULL || g_strcmp0 (g_getenv ("XDG_STATE_HOME"), shared) != 0)
    return;
  name = g_path_get_basename (program);
  own = g_build_filename (shared, name, NULL);
  app_dir = g_build_filename (own, "dorsum", NULL);
  if ((dir = g_dir_open (app_dir, 0, NULL)) != NULL)
    while ((child = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (app_dir, child, NULL);

        g_remove (path);
      }
  g_mkdir_with_parents (own, 0700);
  g_setenv ("XDG_STATE_HOME", own, TRUE);
}

/* gtk_test_init() for the widget tests. */
static inline void
test_gui_init (int    *argc,
               char ***argv)
{
  g_log_set_writer_func (test_log_writer, NULL, NULL);
  use_own_state_dir ((*argv)[0]);
  gtk_test_init (argc, argv, NULL);
}

/* Lets the main loop run what is pending: idles, layout, a frame. */
static inline void
settle (void)
{
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef gboolean (*Condition) (gconstpointer data);

/* Runs the main loop until @condition holds, for up to @seconds. */
static inline gboolean
wait_for (Condition     condition,
          gconstpointer data,
          double        seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64)(seconds * G_USEC_PER_SEC);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }

  return TRUE;
}

/* A new window of @application, shown and laid out. */
static inline DorsumWindow *
test_new_window (DorsumApplication *application,
                 int                width,
                 int                height)
{
  DorsumWindow *window = dorsum_window_new (application);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 200 && !gtk_widget_get_mapped (GTK_WIDGET (window)); i++)
    g_main_context_iteration (NULL, TRUE);
  settle ();

  return window;
}

typedef gboolean (*WidgetTest) (GtkWidget    *widget,
                                gconstpointer data);

/* The first widget, depth first from @widget, that @test accepts. */
static inline GtkWidget *
find_widget (GtkWidget     *widget,
             WidgetTest     test,
             gconstpointer  data)
{
  if (test (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, test, data);

      if (found)
        return found;
    }

  return NULL;
}

/* A row of a preferences list titled @title (mnemonic underscores included). */
static inline gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* For find_widget(): a widget of the GType in @type (GSIZE_TO_POINTER). */
static inline gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* ---- Dialogs: finding them and answering them as a user would ---- */

/* The first shown toplevel of @type (a dialog on the screen), or NULL. */
static inline GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* A question (dorsum-question.h: a window of its own on libadwaita 1.2, inside its window on
 * newer ones) is on the screen. */
static inline gboolean
message_dialog_shown (gconstpointer data)
{
  GtkWidget *question = dorsum_question_find ();

  /* Mapped: its buttons answer only once they are on the screen. */
  return question != NULL && gtk_widget_get_mapped (question);
}

static inline gboolean
file_chooser_shown (gconstpointer data)
{
  return find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static inline gboolean
file_chooser_gone (gconstpointer data)
{
  return find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL;
}

static inline gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static inline gboolean
message_dialog_gone (gconstpointer dialog)
{
  return dorsum_question_find () != dialog;
}

static inline gboolean
is_shown_button_labelled (GtkWidget     *widget,
                          gconstpointer  label)
{
  return is_button_labelled (widget, label) && gtk_widget_get_mapped (widget);
}

/* Waits for the question on the screen, checks its heading, and answers it. */
static inline void
answer_dialog (const char *heading_part,
               const char *response)
{
  GtkWidget *dialog;
  GtkWidget *button;

  g_assert_true (wait_for (message_dialog_shown, NULL, 5));
  dialog = dorsum_question_find ();
  if (strstr (dorsum_question_get_heading (dialog), heading_part) == NULL)
    g_error ("Expected a dialog about “%s”, saw “%s”", heading_part, dorsum_question_get_heading (dialog));
  g_assert_true (dorsum_question_has_response (dialog, response));
  /* Its button, clicked once it is on the screen (newer libadwaita lays out two sets of
   * buttons and shows one): the dialog answers and closes. */
  for (guint i = 0; i < 500 && (button = find_widget (dialog, is_shown_button_labelled,
                                                        dorsum_question_get_response_label (dialog, response))) == NULL; i++)
    {
      g_usleep (10000);
      settle ();
    }
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  /* Gone before the next step looks for a dialog. */
  g_assert_true (wait_for (message_dialog_gone, dialog, 5));
  settle ();
}

/* Answers the file chooser on the screen with @file, as a user picking it would. */
static inline void
answer_file_chooser (GFile *file)
{
  GtkWindow *dialog;
  GtkWidget *chooser;
  g_autofree char *path = g_file_get_path (file);

  g_assert_true (wait_for (file_chooser_shown, NULL, 5));
  dialog = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  /* As a user types a path: "/" opens the location bar with what follows. */
  chooser = find_widget (GTK_WIDGET (dialog), is_type, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_WIDGET));
  g_assert_nonnull (chooser);
  g_signal_emit_by_name (chooser, "location-popup", path);
  /* The folder loads asynchronously: answer once it shows. */
  for (guint i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  settle ();
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  /* The chooser checks the name before it answers (asynchronously, in Save mode). */
  g_assert_true (wait_for (file_chooser_gone, NULL, 5));
  settle ();
}

/* With DORSUM_SHOT_DIR set: @toplevel as drawn, to NAME.png. */
static inline void
shoot_toplevel (GtkWidget  *toplevel,
                const char *name)
{
  const char *dir = g_getenv ("DORSUM_SHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  /* A dialog just shown is laid out over the next frames. */
  for (guint i = 0; i < 100 && (gtk_widget_get_width (toplevel) == 0 || !gtk_widget_get_mapped (toplevel)); i++)
    {
      g_usleep (10000);
      settle ();
    }
  for (guint i = 0; i < 5; i++)
    {
      g_usleep (10000);
      settle ();
    }

  paintable = gtk_widget_paintable_new (toplevel);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (toplevel), gtk_widget_get_height (toplevel));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (toplevel)), node, NULL);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

