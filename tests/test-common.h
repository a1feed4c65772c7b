/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the test programs. */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

/* A new private directory for a test's files; the test fails, saying why, if there is none. */
static inline char *
test_make_tmp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);

  return dir;
}

/* Whether there is a display for a widget test. Without one (a headless build, as Flathub's),
 * the test is skipped rather than failed; CI runs them under Xvfb. */
static inline gboolean
test_have_display (int    argc,
                   char **argv)
{
  return g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL;
}

/* Exit code 77 means "skipped"; under meson's TAP protocol that is a plan of no tests. */
static inline int
test_skip_no_display (int    argc,
                      char **argv)
{
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--tap"))
      {
        g_print ("1..0 # SKIP no display\n");
        return 0;
      }

  g_printerr ("No display: skipped\n");
  return 77;
}

/* Removes a test's temporary directory and everything in it. */
static inline void
test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        test_remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}
