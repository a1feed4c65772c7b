/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The baseline for the startup benchmark: an empty AdwApplicationWindow that reports its
 * first frame the same way Dorsum does (see bench/startup.sh). */

#include "config.h"

#include <adwaita.h>

#include "dorsum-first-frame.h"

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  dorsum_first_frame_watch (GTK_WIDGET (window));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.dorsum.BlankWindow", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
