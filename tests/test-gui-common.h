/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the widget tests: running the main loop until the window has done what it
 * does next, opening a window, and finding a widget in it. */
#pragma once

#include <string.h>

#include <adwaita.h>
#include <gtk/gtk.h>

#include "dorsum-application.h"
#include "dorsum-window.h"

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

static inline gboolean
message_dialog_shown (gconstpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
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
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != dialog;
}

/* Waits for the question on the screen, checks its heading, and answers it. */
static inline void
answer_dialog (const char *heading_part,
               const char *response)
{
  AdwMessageDialog *dialog;
  GtkWidget *button;

  g_assert_true (wait_for (message_dialog_shown, NULL, 5));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  if (strstr (adw_message_dialog_get_heading (dialog), heading_part) == NULL)
    g_error ("Expected a dialog about “%s”, saw “%s”", heading_part, adw_message_dialog_get_heading (dialog));
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  /* Its button, clicked: the dialog answers and closes. */
  button = find_widget (GTK_WIDGET (dialog), is_button_labelled, adw_message_dialog_get_response_label (dialog, response));
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
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (toplevel)), node, NULL);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

