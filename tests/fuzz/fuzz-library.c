/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: one library pack file, loaded from bytes, and its entries searched. */

#include "config.h"

#include <string.h>

#include "dorsum-library-private.h"
#include "dorsum-search.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DorsumLibrary) library = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_init ();

  bytes = g_bytes_new (data, size);
  library = dorsum_library_new ();

  if (_dorsum_library_add_bytes (library, bytes, "fuzz.xml", &error))
    {
      g_autoptr(DorsumSearchIndex) index = dorsum_search_index_new (library);
      g_autoptr(GArray) results = dorsum_search_index_query (index, "a", 10);

      fuzz_assert (error == NULL);
      fuzz_assert (results->len <= 10);
      for (guint k = 0; k < DORSUM_N_KINDS; k++)
        {
          GListModel *model = dorsum_library_get_entries (library, k);

          for (guint i = 0; i < g_list_model_get_n_items (model); i++)
            {
              g_autoptr(DorsumEntry) entry = g_list_model_get_item (model, i);
              g_autoptr(GPtrArray) linking = dorsum_library_get_linking_entries (library, dorsum_entry_get_id (entry));
              g_auto(GStrv) parts = dorsum_library_expand_parts (library, dorsum_entry_get_id (entry));

              fuzz_assert (dorsum_library_lookup (library, dorsum_entry_get_id (entry)) == entry);
              fuzz_assert (linking->len <= dorsum_library_get_n_entries (library));
              fuzz_assert (g_strcmp0 (parts[0], dorsum_entry_get_id (entry)) == 0);
            }
        }
    }
  else
    {
      /* A message names the file and stays short: a hundred lines, each bounded. */
      fuzz_assert (error != NULL);
      fuzz_assert (g_str_has_prefix (error->message, "fuzz.xml:"));
      fuzz_assert (g_utf8_validate (error->message, -1, NULL));
      fuzz_assert (strlen (error->message) < 200 * 1024);
      fuzz_assert (dorsum_library_get_n_entries (library) == 0);
    }

  return 0;
}
