/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The library's packs: found in the data directories, added from a folder or a file, listed
 * (loaded or skipped) and removed while the library is in use. Part of DorsumLibrary (its
 * insides are in dorsum-library-private.h), kept apart from the loader in dorsum-library.c. */

#define G_LOG_DOMAIN "dorsum-library"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dorsum-entry-private.h"
#include "dorsum-library-private.h"
#include "dorsum-pack.h"

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *pa = g_file_get_path (*(GFile **)a);
  g_autofree char *pb = g_file_get_path (*(GFile **)b);

  return g_strcmp0 (pa, pb);
}

/* Adds @files as the pack @pack, listed in dorsum_library_get_packs() with its entries. */
static gboolean
add_files_as_pack (DorsumLibrary  *self,
                   GFile          *pack,
                   GFile         **files,
                   guint           n_files,
                   GError        **error)
{
  guint n_before = g_hash_table_size (self->by_id);
  g_autoptr(DorsumPack) loaded = NULL;

  if (!dorsum_library_add_files (self, files, n_files, FALSE, error))
    return FALSE;

  loaded = _dorsum_pack_new (pack, g_hash_table_size (self->by_id) - n_before, NULL);
  g_list_store_append (self->packs, loaded);
  _dorsum_library_changed (self);

  return TRUE;
}

/**
 * dorsum_library_add_pack:
 * @file: a directory (every `*.xml` in it) or a single XML file
 *
 * Adds one pack, all or nothing.
 */
gboolean
dorsum_library_add_pack (DorsumLibrary  *self,
                         GFile          *file,
                         GError        **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) local_error = NULL;
  GFileType type;

  g_return_val_if_fail (DORSUM_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL);
  if (type != G_FILE_TYPE_DIRECTORY)
    return add_files_as_pack (self, file, &file, 1, error);

  enumerator = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (enumerator == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_IO, "%s: %s", name, local_error->message);
      return FALSE;
    }

  files = g_ptr_array_new_with_free_func (g_object_unref);
  for (;;)
    {
      GFileInfo *info;
      GFile *child;

      if (!g_file_enumerator_iterate (enumerator, &info, &child, NULL, error))
        return FALSE;
      if (info == NULL)
        break;

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
          g_str_has_suffix (g_file_info_get_name (info), ".xml"))
        g_ptr_array_add (files, g_object_ref (child));
    }

  g_ptr_array_sort (files, compare_files);

  return add_files_as_pack (self, file, (GFile **)files->pdata, files->len, error);
}

static void
load_packs_in (DorsumLibrary *self,
               const char    *data_dir)
{
  g_autofree char *path = g_build_filename (data_dir, "dorsum", "library", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) packs = g_ptr_array_new_with_free_func (g_object_unref);

  enumerator = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (enumerator == NULL)
    return;

  for (;;)
    {
      GFileInfo *info;
      GFile *child;

      if (!g_file_enumerator_iterate (enumerator, &info, &child, NULL, NULL) || info == NULL)
        break;

      /* Hidden names are packs being installed or removed (see dorsum-pack.c). */
      if (g_file_info_get_name (info)[0] == '.')
        continue;

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY ||
          g_str_has_suffix (g_file_info_get_name (info), ".xml"))
        g_ptr_array_add (packs, g_object_ref (child));
    }

  g_ptr_array_sort (packs, compare_files);

  for (guint i = 0; i < packs->len; i++)
    {
      GError *error = NULL;

      if (!dorsum_library_add_pack (self, g_ptr_array_index (packs, i), &error))
        {
          g_autoptr(DorsumPack) skipped = _dorsum_pack_new (g_ptr_array_index (packs, i), 0, error->message);

          g_debug ("Skipping pack: %s", error->message);
          g_list_store_append (self->packs, skipped);
          g_ptr_array_add (self->problems, error);
        }
    }
}

/**
 * dorsum_library_load_system_packs:
 *
 * Loads every pack under `dorsum/library/` in `$XDG_DATA_DIRS` and then the user's data
 * directory: each subdirectory is one pack, each loose `.xml` file too. A pack that fails
 * is skipped and kept in dorsum_library_get_problems(); the others still load.
 */
void
dorsum_library_load_system_packs (DorsumLibrary *self)
{
  const char * const *dirs = g_get_system_data_dirs ();

  g_return_if_fail (DORSUM_IS_LIBRARY (self));

  for (guint i = 0; dirs[i]; i++)
    load_packs_in (self, dirs[i]);

  load_packs_in (self, g_get_user_data_dir ());
}

/**
 * dorsum_library_get_problems:
 *
 * Returns: (transfer none) (element-type GError): the packs that failed to load
 */
GPtrArray *
dorsum_library_get_problems (DorsumLibrary *self)
{
  g_return_val_if_fail (DORSUM_IS_LIBRARY (self), NULL);

  return self->problems;
}

/**
 * dorsum_library_get_packs:
 *
 * Returns: (transfer none): a #GListModel of #DorsumPack, every pack loaded or skipped,
 *   in the order they were tried
 */
GListModel *
dorsum_library_get_packs (DorsumLibrary *self)
{
  g_return_val_if_fail (DORSUM_IS_LIBRARY (self), NULL);

  return G_LIST_MODEL (self->packs);
}

static void
store_remove (GListStore *store,
              GHashTable *ids)
{
  GListModel *model = G_LIST_MODEL (store);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      DorsumEntry *entry = g_list_model_get_item (model, i);

      if (g_hash_table_contains (ids, dorsum_entry_get_id (entry)))
        g_object_unref (entry);
      else
        g_ptr_array_add (kept, entry);
    }

  if (kept->len != n)
    g_list_store_splice (store, 0, n, kept->pdata, kept->len);
}

/**
 * dorsum_library_remove_pack:
 * @file: a pack added with dorsum_library_add_pack() or loaded from the data directories
 *
 * Takes the pack's entries out of the library (and out of the links back to them), as if
 * it had never been added. It fails, changing nothing, when entries of another pack link
 * to them or name one as their whole: that pack would be left with links to nothing.
 */
gboolean
dorsum_library_remove_pack (DorsumLibrary  *self,
                            GFile          *file,
                            GError        **error)
{
  g_autofree char *pack_path = NULL;
  g_autoptr(GHashTable) ids = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint position = G_MAXUINT;

  g_return_val_if_fail (DORSUM_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->packs)); i++)
    {
      g_autoptr(DorsumPack) pack = g_list_model_get_item (G_LIST_MODEL (self->packs), i);

      if (g_file_equal (dorsum_pack_get_file (pack), file))
        position = i;
    }
  if (position == G_MAXUINT)
    return TRUE;

  /* Entries name their file as the loader did: by its parse name. */
  pack_path = g_file_get_parse_name (file);
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (_dorsum_library_is_in_pack (dorsum_entry_get_file (value), pack_path))
      g_hash_table_add (ids, key);

  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      DorsumEntry *entry = value;
      const char *target = NULL;

      if (g_hash_table_contains (ids, key))
        continue;

      if (dorsum_entry_get_part_of (entry) != NULL && g_hash_table_contains (ids, dorsum_entry_get_part_of (entry)))
        target = dorsum_entry_get_part_of (entry);
      for (guint j = 0; target == NULL && j < dorsum_entry_get_n_links (entry); j++)
        if (g_hash_table_contains (ids, dorsum_entry_get_link (entry, j)->id))
          target = dorsum_entry_get_link (entry, j)->id;

      if (target != NULL)
        {
          g_set_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_DANGLING,
                       _("%s:%u: “%s” links to “%s” of this pack; remove that pack first"),
                       dorsum_entry_get_file (entry), dorsum_entry_get_line (entry),
                       dorsum_entry_get_id (entry), target);
          return FALSE;
        }
    }

  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (ids, key))
      _dorsum_entry_drop_backlinks (value, ids);

  for (guint k = 0; k < DORSUM_N_KINDS; k++)
    store_remove (self->stores[k], ids);

  /* Last: the ids in @ids are the removed entries' own strings. */
  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_hash_table_iter_remove (&iter);
      g_hash_table_remove (self->by_id, key);
    }

  g_list_store_remove (self->packs, position);
  _dorsum_library_changed (self);

  return TRUE;
}
