/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: a search query, any bytes, over the built-in library. */

#include "config.h"

#include "dorsum-search.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static DorsumLibrary *library;
  static DorsumSearchIndex *index;
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) some = NULL;

  fuzz_init ();

  if (index == NULL)
    {
      library = dorsum_library_new ();
      fuzz_assert (dorsum_library_load_builtin (library, NULL));
      index = dorsum_search_index_new (library);
    }

  /* What a terminal or a search entry hands over: a string, not necessarily UTF-8. */
  text = g_strndup ((const char *)data, size);

  folded = dorsum_search_normalize (text);
  fuzz_assert (g_utf8_validate (folded, -1, NULL));

  all = dorsum_search_index_query (index, text, 0);
  some = dorsum_search_index_query (index, text, 5);
  fuzz_assert (some->len <= 5 && some->len <= all->len);
  for (guint i = 1; i < all->len; i++)
    fuzz_assert (g_array_index (all, DorsumSearchResult, i - 1).score >= g_array_index (all, DorsumSearchResult, i).score);

  return 0;
}
