/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the benchmarks: a generated library of many muscle entries, written as packs
 * in temporary directories, loaded, and removed again. */
#pragma once

#include <glib/gstdio.h>

#include "bench-common.h"
#include "dorsum-library.h"

#define ENTRIES_PER_FILE 500
/* A pack has at most DORSUM_LIBRARY_MAX_PACK_TAGS tags, about 40 an entry here: the
 * 10 000 entries are two packs, the second linking to the stretch of the first. */
#define ENTRIES_PER_PACK 5000

/* Writes muscle entries @first to @last - 1, linked to each other, split over files of
 * ENTRIES_PER_FILE. */
static inline char *
generate_pack (guint first,
               guint last)
{
  g_autofree char *dir = bench_make_tmp_dir ("dorsum-bench-XXXXXX");
  guint n = last - first;

  for (guint file = 0; file * ENTRIES_PER_FILE < n; file++)
    {
      g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                             "<library xmlns=\"https://dorsum.github.io/ns/library/1\" version=\"1\">\n");
      g_autofree char *name = g_strdup_printf ("pack-%04u.xml", file);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      for (guint i = first + file * ENTRIES_PER_FILE; i < first + MIN (n, (file + 1) * ENTRIES_PER_FILE); i++)
        {
          g_string_append_printf (xml,
            "  <muscle id=\"m%u\" region=\"upper-back\" layer=\"middle\">\n"
            "    <name>Generated muscle %u</name>\n"
            "    <alias>gm%u</alias>\n"
            "    <alias>lay name %u</alias>\n"
            "    <latin>Musculus generatus numero %u</latin>\n"
            "    <summary>A generated muscle for measuring the loader.</summary>\n"
            "    <client><p>A generated muscle, in plain words.</p></client>\n"
            "    <origin>Spinous processes of the generated vertebrae.</origin>\n"
            "    <insertion>The generated tubercle of the humerus.</insertion>\n"
            "    <action>Extends the generated joint.</action>\n"
            "    <action>Rotates it medially.</action>\n"
            "    <innervation roots=\"C5-C6\">Generated nerve</innervation>\n"
            "    <palpation>Ask the client to press the arm down and feel it contract.</palpation>\n"
            "    <trigger-point x=\"450\" y=\"300\">\n"
            "      <location>In the belly of the muscle.</location>\n"
            "      <referral>Over the shoulder blade.</referral>\n"
            "      <zone points=\"440,290 470,290 480,320 450,340 430,320\"/>\n"
            "    </trigger-point>\n"
            "    <overload>Long hours at a desk.</overload>\n"
            "    <links><stretch ref=\"m-stretch\"/></links>\n"
            "    <sources><source>Generated</source></sources>\n"
            "  </muscle>\n", i, i, i, i, i);
        }

      if (file == 0 && first == 0)
        g_string_append (xml,
          "  <stretch id=\"m-stretch\">\n"
          "    <name>Generated stretch</name><summary>For the benchmark.</summary>\n"
          "    <client><p>For the benchmark.</p><step>Stretch.</step><dose>Daily.</dose><stop-if>It hurts.</stop-if></client>\n"
          "    <equipment>none</equipment><position>Standing.</position>\n"
          "    <steps><step>Stretch.</step></steps><hold>30 s</hold><repetitions>2</repetitions>\n"
          "    <frequency>Daily</frequency><feel>A pull.</feel><avoid>Pain.</avoid><stop-if>It hurts.</stop-if>\n"
          "    <links><muscle ref=\"m0\"/></links><sources><source>Generated</source></sources>\n"
          "  </stretch>\n");

      g_string_append (xml, "</library>\n");
      g_assert_true (g_file_set_contents (path, xml->str, (gssize)xml->len, NULL));
    }

  return g_steal_pointer (&dir);
}

/* Writes @n entries as packs of ENTRIES_PER_PACK; returns their GFiles, in loading order. */
static inline GPtrArray *
generate_library (guint n)
{
  GPtrArray *packs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint first = 0; first < n; first += ENTRIES_PER_PACK)
    {
      g_autofree char *dir = generate_pack (first, MIN (n, first + ENTRIES_PER_PACK));

      g_ptr_array_add (packs, g_file_new_for_path (dir));
    }

  return packs;
}

static inline void
remove_pack (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static inline void
add_packs (DorsumLibrary *library,
           GPtrArray     *packs)
{
  for (guint i = 0; i < packs->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!dorsum_library_add_pack (library, g_ptr_array_index (packs, i), &error))
        g_error ("%s", error->message);
    }
}

static inline void
remove_packs (GPtrArray *packs)
{
  for (guint i = 0; i < packs->len; i++)
    {
      g_autofree char *dir = g_file_get_path (g_ptr_array_index (packs, i));

      remove_pack (dir);
    }
}
