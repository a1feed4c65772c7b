/* SPDX-License-Identifier: GPL-3.0-or-later */
/* With DORSUM_FIRST_FRAME set, prints "first-frame RSS_KB WALL_CLOCK_US" after the window's
 * first paint, then "first-frame-cpu MAIN_MS PROCESS_MS" (the CPU time the main thread and
 * all threads had used by then), and quits; bench/startup.sh times launch to that line for
 * Dorsum and for a blank window. */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "dorsum-first-frame.h"

static long
resident_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");

  return line ? strtol (line + 6, NULL, 10) : -1;
}

static double
cpu_ms (clockid_t clock)
{
  struct timespec ts;

  clock_gettime (clock, &ts);

  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  /* The wall-clock time is taken here, not when the process has exited. */
  printf ("first-frame %ld %" G_GINT64_FORMAT "\n", resident_kb (), g_get_real_time ());
  printf ("first-frame-cpu %.1f %.1f\n", cpu_ms (CLOCK_THREAD_CPUTIME_ID), cpu_ms (CLOCK_PROCESS_CPUTIME_ID));
  fflush (stdout);
  g_application_quit (g_application_get_default ());
}

static void
realize_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), window);
}

void
dorsum_first_frame_watch (GtkWidget *window)
{
  if (g_getenv ("DORSUM_FIRST_FRAME") == NULL)
    return;

  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
}

