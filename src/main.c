/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The entry point of the Dorsum application: set up gettext and run the application. */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "dorsum-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(DorsumApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Shown in the recently-used list and the task switcher. */
  g_set_application_name ("Dorsum");
  app = dorsum_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
