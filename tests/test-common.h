/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the test programs. */
#pragma once

#include <glib.h>

/* A new private directory for a test's files; the test fails, saying why, if there is none. */
static inline char *
test_make_tmp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);

  return dir;
}
