/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A content pack the library loaded or skipped, and the user's packs installed and removed:
 * a pack is checked in a scratch library before it is copied, and copied beside its place
 * and renamed into it, so the library never sees half a pack. */

#define G_LOG_DOMAIN "dorsum-pack"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dorsum-library-private.h"
#include "dorsum-pack.h"

struct _DorsumPack
{
  GObject  parent_instance;

  GFile   *file;
  char    *name;
  guint    n_entries;
  char    *problem;   /* why it was skipped, or NULL */
};

G_DEFINE_FINAL_TYPE (DorsumPack, dorsum_pack, G_TYPE_OBJECT)

typedef struct
{
  GFile     *source;
  GPtrArray *other_packs;   /* GFile*: what the scratch library loads besides the built-in */
  gboolean   replace;
} InstallJob;

typedef struct
{
  GFile         *pack;       /* where it is installed */
  DorsumLibrary *read;       /* a scratch library that read it there */
} Installed;

static void
installed_free (gpointer data)
{
  Installed *installed = data;

  g_clear_object (&installed->pack);
  g_clear_object (&installed->read);
  g_free (installed);
}

/* A scratch library of the built-in content and @other_packs but @except: what @except is
 * checked against, as it will be loaded. */
static DorsumLibrary *
scratch_new (GPtrArray  *other_packs,
             GFile      *except,
             GError    **error)
{
  g_autoptr(DorsumLibrary) scratch = dorsum_library_new ();

  if (!dorsum_library_load_builtin (scratch, error))
    return NULL;
  for (guint i = 0; i < other_packs->len; i++)
    if (!g_file_equal (g_ptr_array_index (other_packs, i), except))
      dorsum_library_add_pack (scratch, g_ptr_array_index (other_packs, i), NULL);

  return g_steal_pointer (&scratch);
}

static void
install_job_free (gpointer data)
{
  InstallJob *job = data;

  g_clear_object (&job->source);
  g_clear_pointer (&job->other_packs, g_ptr_array_unref);
  g_free (job);
}

static gboolean
set_io_error (GError     **error,
              int          saved_errno,
              const char  *what,
              const char  *path)
{
  g_autofree char *shown = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s: %s: %s", shown, what, g_strerror (saved_errno));
  return FALSE;
}

/* Deletes @file and, when it is a folder, all in it; symbolic links are deleted, never followed. */
static gboolean
delete_tree (GFile   *file,
             GError **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_DIRECTORY)
    {
      enumerator = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                              G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, error);
      if (enumerator == NULL)
        return FALSE;

      for (;;)
        {
          GFileInfo *info;
          GFile *child;

          if (!g_file_enumerator_iterate (enumerator, &info, &child, NULL, error))
            return FALSE;
          if (info == NULL)
            break;
          if (!delete_tree (child, error))
            return FALSE;
        }
    }

  return g_file_delete (file, NULL, error);
}

/* Copies the files of @source the library reads (every .xml file of a folder, or the one
 * file) to @staged, a new path. */
static gboolean
copy_pack (GFile    *source,
           gboolean  is_folder,
           GFile    *staged,
           GError  **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;

  if (!is_folder)
    return g_file_copy (source, staged, G_FILE_COPY_TARGET_DEFAULT_PERMS, NULL, NULL, NULL, error);

  if (!g_file_make_directory (staged, NULL, error))
    return FALSE;

  enumerator = g_file_enumerate_children (source, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, NULL, error);
  if (enumerator == NULL)
    return FALSE;

  for (;;)
    {
      GFileInfo *info;
      GFile *child;
      g_autoptr(GFile) copy = NULL;

      if (!g_file_enumerator_iterate (enumerator, &info, &child, NULL, error))
        return FALSE;
      if (info == NULL)
        return TRUE;

      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
          !g_str_has_suffix (g_file_info_get_name (info), ".xml"))
        continue;

      copy = g_file_get_child (staged, g_file_info_get_name (info));
      if (!g_file_copy (child, copy, G_FILE_COPY_TARGET_DEFAULT_PERMS, NULL, NULL, NULL, error))
        return FALSE;
    }
}

/* Puts a copy of @source at @target: copied into a hidden folder beside it (the library
 * skips hidden names), then renamed into place; a pack it replaces is moved aside first and
 * put back if the rename fails. */
static gboolean
install_copy (GFile    *source,
              gboolean  is_folder,
              GFile    *target,
              GError  **error)
{
  g_autoptr(GFile) dir = g_file_get_parent (target);
  g_autofree char *dir_path = g_file_get_path (dir);
  g_autofree char *tmp_path = g_build_filename (dir_path, ".install-XXXXXX", NULL);
  g_autofree char *target_path = g_file_get_path (target);
  g_autofree char *staged_path = NULL;
  g_autofree char *old_path = NULL;
  g_autoptr(GFile) tmp = NULL;
  g_autoptr(GFile) staged = NULL;
  gboolean replacing, ok = FALSE;

  if (g_mkdir_with_parents (dir_path, 0700) != 0)
    return set_io_error (error, errno, _("could not make the folder"), dir_path);
  if (g_mkdtemp (tmp_path) == NULL)
    return set_io_error (error, errno, _("could not make a folder"), tmp_path);

  tmp = g_file_new_for_path (tmp_path);
  staged = g_file_get_child (tmp, "pack");
  staged_path = g_file_get_path (staged);
  old_path = g_build_filename (tmp_path, "old", NULL);
  replacing = g_file_query_exists (target, NULL);

  if (copy_pack (source, is_folder, staged, error))
    {
      if (replacing && g_rename (target_path, old_path) != 0)
        set_io_error (error, errno, _("could not move the installed pack aside"), target_path);
      else if (g_rename (staged_path, target_path) != 0)
        {
          set_io_error (error, errno, _("could not install the pack"), target_path);
          if (replacing)
            g_rename (old_path, target_path);
        }
      else
        ok = TRUE;
    }

  /* What is left in the hidden folder: the old pack, or a failed copy. */
  delete_tree (tmp, NULL);

  return ok;
}

static void
install_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  InstallJob *job = task_data;
  g_autoptr(DorsumLibrary) scratch = NULL;
  g_autoptr(GFile) dir = dorsum_pack_dup_user_dir ();
  Installed *installed;
  g_autofree char *name = g_file_get_basename (job->source);
  g_autofree char *shown = g_file_get_parse_name (job->source);
  g_autoptr(GFile) target = NULL;
  GError *error = NULL;
  GFileType type;
  guint n_before;

  type = g_file_query_file_type (job->source, G_FILE_QUERY_INFO_NONE, NULL);
  if (type != G_FILE_TYPE_DIRECTORY && (type != G_FILE_TYPE_REGULAR || !g_str_has_suffix (name, ".xml")))
    {
      g_task_return_new_error (task, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_IO,
                               _("%s: a content pack is a folder of .xml files or a single .xml file"), shown);
      return;
    }
  if (name[0] == '.')
    {
      g_task_return_new_error (task, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_IO,
                               _("%s: the name starts with a dot, which would hide the pack; rename it first"), shown);
      return;
    }

  target = g_file_get_child (dir, name);
  if (g_file_equal (target, job->source))
    {
      g_task_return_new_error (task, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_IO,
                               _("%s is the installed pack itself"), shown);
      return;
    }

  /* Checked against the built-in library and the other packs, as it will be loaded: its
   * references to them resolve and its ids must not clash with theirs. */
  if ((scratch = scratch_new (job->other_packs, target, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  n_before = dorsum_library_get_n_entries (scratch);
  if (!dorsum_library_add_pack (scratch, job->source, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (dorsum_library_get_n_entries (scratch) == n_before)
    {
      g_task_return_new_error (task, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_WRONG_ROOT,
                               _("%s: has no entries; a pack is a folder of .xml files in the library "
                                 "format, or one such file"), shown);
      return;
    }

  if (!job->replace && g_file_query_exists (target, NULL))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_EXISTS,
                               _("A pack named “%s” is already installed"), name);
      return;
    }

  if (!install_copy (job->source, type == G_FILE_TYPE_DIRECTORY, target, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Read again where it now lives (its entries name these files), so that the running
   * library takes it in without reading it on the main thread. */
  g_clear_object (&scratch);
  if ((scratch = scratch_new (job->other_packs, target, &error)) == NULL ||
      !dorsum_library_add_pack (scratch, target, &error))
    {
      dorsum_pack_delete (target, NULL);
      g_task_return_error (task, error);
      return;
    }

  installed = g_new0 (Installed, 1);
  installed->pack = g_steal_pointer (&target);
  installed->read = g_steal_pointer (&scratch);
  g_task_return_pointer (task, installed, installed_free);
}

static void
dorsum_pack_finalize (GObject *object)
{
  DorsumPack *self = (DorsumPack *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (dorsum_pack_parent_class)->finalize (object);
}

static void
dorsum_pack_class_init (DorsumPackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dorsum_pack_finalize;
}

static void
dorsum_pack_init (DorsumPack *self)
{
}

/**
 * _dorsum_pack_new:
 * @problem: (nullable): why the library skipped it
 *
 * For the library loader: a pack it loaded with @n_entries entries, or skipped.
 */
DorsumPack *
_dorsum_pack_new (GFile      *file,
                  guint       n_entries,
                  const char *problem)
{
  DorsumPack *self = g_object_new (DORSUM_TYPE_PACK, NULL);

  self->file = g_object_ref (file);
  self->name = g_file_get_basename (file);
  self->n_entries = n_entries;
  self->problem = g_strdup (problem);

  return self;
}

const char *
dorsum_pack_get_name (DorsumPack *self)
{
  g_return_val_if_fail (DORSUM_IS_PACK (self), NULL);

  return self->name;
}

/**
 * dorsum_pack_get_file:
 *
 * Returns: (transfer none): the pack's folder or file
 */
GFile *
dorsum_pack_get_file (DorsumPack *self)
{
  g_return_val_if_fail (DORSUM_IS_PACK (self), NULL);

  return self->file;
}

guint
dorsum_pack_get_n_entries (DorsumPack *self)
{
  g_return_val_if_fail (DORSUM_IS_PACK (self), 0);

  return self->n_entries;
}

/**
 * dorsum_pack_get_problem:
 *
 * Returns: (nullable): why the library skipped the pack, `FILE:LINE: message` lines
 */
const char *
dorsum_pack_get_problem (DorsumPack *self)
{
  g_return_val_if_fail (DORSUM_IS_PACK (self), NULL);

  return self->problem;
}

/* Packs in the user's data directory are the user's to remove; system ones are not. */
gboolean
dorsum_pack_is_user_pack (DorsumPack *self)
{
  g_autoptr(GFile) dir = dorsum_pack_dup_user_dir ();

  g_return_val_if_fail (DORSUM_IS_PACK (self), FALSE);

  return g_file_has_parent (self->file, dir);
}

/**
 * dorsum_pack_dup_user_dir:
 *
 * Where the user's packs live: `dorsum/library` in the user data directory
 * (`~/.local/share`, or `~/.var/app/io.github.dorsum.Dorsum/data` inside Flatpak).
 *
 * Returns: (transfer full): the folder, which may not exist yet
 */
GFile *
dorsum_pack_dup_user_dir (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "dorsum", "library", NULL);

  return g_file_new_for_path (path);
}

/**
 * dorsum_pack_install_async:
 * @source: a folder of .xml files, or one .xml file
 * @other_packs: (element-type GFile): the packs loaded now, to check @source against
 * @replace: whether to replace an installed pack of the same name
 *
 * In a thread: checks @source as the library would load it, in a scratch library of the
 * built-in content and @other_packs, and if it is sound copies it into
 * dorsum_pack_dup_user_dir() under its own name, and reads the copy. Nothing is copied when
 * it fails; when a pack of that name is there and @replace is %FALSE, it fails with
 * %G_IO_ERROR_EXISTS.
 */
void
dorsum_pack_install_async (GFile               *source,
                           GPtrArray           *other_packs,
                           gboolean             replace,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  InstallJob *job;

  g_return_if_fail (G_IS_FILE (source));
  g_return_if_fail (other_packs != NULL);

  job = g_new0 (InstallJob, 1);
  job->source = g_object_ref (source);
  job->other_packs = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < other_packs->len; i++)
    g_ptr_array_add (job->other_packs, g_object_ref (g_ptr_array_index (other_packs, i)));
  job->replace = replace;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dorsum_pack_install_async);
  g_task_set_task_data (task, job, install_job_free);
  g_task_run_in_thread (task, install_thread);
}

/**
 * dorsum_pack_install_finish:
 * @read: (out) (optional) (transfer full): a scratch library that has read the installed
 *   pack, for dorsum_library_take_pack()
 *
 * Returns: (transfer full): the installed pack, or %NULL with @error set
 */
GFile *
dorsum_pack_install_finish (GAsyncResult   *result,
                            DorsumLibrary **read,
                            GError        **error)
{
  Installed *installed;
  GFile *pack;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  installed = g_task_propagate_pointer (G_TASK (result), error);
  if (installed == NULL)
    return NULL;

  pack = g_steal_pointer (&installed->pack);
  if (read != NULL)
    *read = g_steal_pointer (&installed->read);
  installed_free (installed);

  return pack;
}

/**
 * dorsum_pack_delete:
 * @pack: an installed pack, in dorsum_pack_dup_user_dir()
 *
 * Deletes the pack's files: it is renamed out of the library's sight first, so the
 * library never finds half of it.
 */
gboolean
dorsum_pack_delete (GFile   *pack,
                    GError **error)
{
  g_autoptr(GFile) dir = dorsum_pack_dup_user_dir ();
  g_autofree char *dir_path = g_file_get_path (dir);
  g_autofree char *tmp_path = g_build_filename (dir_path, ".remove-XXXXXX", NULL);
  g_autofree char *pack_path = g_file_get_path (pack);
  g_autofree char *moved_path = NULL;
  g_autoptr(GFile) tmp = NULL;

  g_return_val_if_fail (G_IS_FILE (pack), FALSE);

  if (!g_file_has_parent (pack, dir))
    {
      g_autofree char *shown = g_file_get_parse_name (pack);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("%s: only packs in your own library folder can be removed"), shown);
      return FALSE;
    }

  if (g_mkdtemp (tmp_path) == NULL)
    return set_io_error (error, errno, _("could not make a folder"), tmp_path);
  tmp = g_file_new_for_path (tmp_path);
  moved_path = g_build_filename (tmp_path, "pack", NULL);

  if (g_rename (pack_path, moved_path) != 0)
    {
      set_io_error (error, errno, _("could not remove the pack"), pack_path);
      delete_tree (tmp, NULL);
      return FALSE;
    }

  return delete_tree (tmp, error);
}
