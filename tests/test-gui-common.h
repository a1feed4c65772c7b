/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the widget tests: running the main loop until the window has done what it
 * does next, opening a window, and finding a widget in it. */
#pragma once

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

/* For find_widget(): a widget of the GType in @type (GSIZE_TO_POINTER). */
static inline gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}
