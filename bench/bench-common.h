/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the benchmarks: medians and percentiles of timing samples (in ms). */
#pragma once

#include <glib.h>

static inline int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double da = *(const double *)a, db = *(const double *)b;

  return (da > db) - (da < db);
}

static inline double
bench_median (GArray *samples)
{
  g_array_sort (samples, bench_compare_doubles);

  return g_array_index (samples, double, samples->len / 2);
}

static inline double
bench_percentile (GArray *samples,
                  double  fraction)
{
  g_array_sort (samples, bench_compare_doubles);

  return g_array_index (samples, double, MIN (samples->len - 1, (guint)(samples->len * fraction)));
}

/* A new private directory for generated files; stops the benchmark, saying why, if there is none. */
static inline char *
bench_make_tmp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  if (dir == NULL)
    g_error ("Could not make a directory for the benchmark's files: %s", error->message);

  return dir;
}
