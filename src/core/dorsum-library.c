/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Loads content packs safely (no DTDs, no entities, no network, bounded size), validates
 * them against the RELAX NG schema, resolves every reference and adds them all-or-nothing.
 * An <entry> element becomes a DorsumEntry in dorsum-library-entry.c; finding packs in
 * the data directories, listing and removing them is dorsum-library-packs.c. */

#define G_LOG_DOMAIN "dorsum-library"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include "dorsum-entry-private.h"
#include "dorsum-library.h"
#include "dorsum-library-entry.h"
#include "dorsum-library-private.h"
#include "dorsum-resources.h"
#include "dorsum-xml-private.h"

#define LIBRARY_NS "https://dorsum.github.io/ns/library/1"
#define RESOURCE_PATH "/io/github/dorsum/Dorsum/library"
#define SCHEMA_RESOURCE "/io/github/dorsum/Dorsum/dorsum-library-loader.rng"


G_DEFINE_FINAL_TYPE (DorsumLibrary, dorsum_library, G_TYPE_OBJECT)

G_DEFINE_QUARK (dorsum-library-error-quark, dorsum_library_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* For the packs' side (dorsum-library-packs.c): lists and indexes made from it are out of date. */
void
_dorsum_library_changed (DorsumLibrary *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static xmlRelaxNGPtr schema;

/* Levenshtein distance, or @limit + 1 as soon as it is sure to be more than @limit. */
static guint
edit_distance (const char *a,
               gsize       la,
               const char *b,
               gsize       lb,
               guint       limit)
{
  g_autofree guint *row = g_new (guint, lb + 1);

  for (gsize j = 0; j <= lb; j++)
    row[j] = (guint)j;

  for (gsize i = 1; i <= la; i++)
    {
      guint diag = row[0];
      guint row_min;

      row[0] = (guint)i;
      row_min = row[0];
      for (gsize j = 1; j <= lb; j++)
        {
          guint up = row[j];
          guint best = MIN (row[j] + 1, row[j - 1] + 1);

          best = MIN (best, diag + (a[i - 1] == b[j - 1] ? 0 : 1));
          diag = up;
          row[j] = best;
          row_min = MIN (row_min, best);
        }

      if (row_min > limit)
        return limit + 1;
    }

  return row[lb];
}

static DorsumEntry *
lookup_in (GHashTable *pack,
           GHashTable *library,
           const char *id)
{
  DorsumEntry *entry = g_hash_table_lookup (pack, id);

  return entry ? entry : g_hash_table_lookup (library, id);
}

/* "Did you mean" costs a look at every id; a pack of a hundred thousand dangling
 * references must not cost a hundred thousand looks at every id. */
#define MAX_SUGGESTIONS 20
#define MAX_SUGGESTION_LOOKS 100000

typedef struct
{
  guint suggestions;   /* left to make */
  guint looks;         /* ids left to compare with */
} SuggestBudget;

static const char *
closest_id (GHashTable    *pack,
            GHashTable    *library,
            DorsumKind     kind,
            const char    *id,
            SuggestBudget *budget)
{
  GHashTable *tables[] = { pack, library };
  const char *best = NULL;
  gsize la = strlen (id);
  guint best_distance = G_MAXUINT;
  guint limit = MAX (2, (guint)la / 4);
  guint looks = g_hash_table_size (pack) + g_hash_table_size (library);

  /* Ids have at most 64 characters; a longer one is reported as such already. All or
   * nothing within the budget, so that the answer never depends on where it ran out. */
  if (la > 64 || budget->suggestions == 0 || budget->looks < looks)
    return NULL;
  budget->suggestions--;
  budget->looks -= looks;

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, tables[t]);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          gsize lb;
          guint distance;

          if (dorsum_entry_get_kind (value) != kind)
            continue;

          /* The distance is at least the difference in length. */
          lb = strnlen (key, la + limit + 1);
          if (lb > la + limit || la > lb + limit)
            continue;

          distance = edit_distance (id, la, key, lb, limit);
          if (distance < best_distance || (distance == best_distance && g_strcmp0 (key, best) < 0))
            {
              best_distance = distance;
              best = key;
            }
        }
    }

  return best_distance <= limit ? best : NULL;
}

static void
check_reference (DorsumEntry    *entry,
                 DorsumKind      kind,
                 const char     *id,
                 guint           line,
                 GHashTable     *pack,
                 GHashTable     *library,
                 SuggestBudget  *budget,
                 DorsumProblems *problems)
{
  DorsumEntry *target = lookup_in (pack, library, id);
  const char *file = dorsum_entry_get_file (entry);
  g_autofree char *shown = NULL;

  /* Past the first hundred problems only the count is kept: no need for words. */
  if (target != NULL && dorsum_entry_get_kind (target) == kind)
    return;
  if (problems->count >= DORSUM_MAX_PROBLEMS)
    {
      problems->count++;
      return;
    }

  shown = dorsum_shorten (id);
  if (target == NULL)
    {
      const char *suggestion = closest_id (pack, library, kind, id, budget);

      if (suggestion != NULL)
        dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_DANGLING, file, line,
                             _("%s \"%s\" is not defined (did you mean \"%s\"?)"),
                             dorsum_kind_to_string (kind), shown, suggestion);
      else
        dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_DANGLING, file, line,
                             _("%s \"%s\" is not defined"), dorsum_kind_to_string (kind), shown);
    }
  else
    {
      dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_DANGLING, file, line,
                           _("\"%s\" is a %s, but it is linked here as a %s"),
                           shown, dorsum_kind_to_string (dorsum_entry_get_kind (target)),
                           dorsum_kind_to_string (kind));
    }
}

typedef struct
{
  char   *display_name;
  GBytes *bytes;
  gboolean built_in;  /* compiled in and checked against the schema by the build's tests */
} Source;

static void
source_free (gpointer data)
{
  Source *source = data;

  g_free (source->display_name);
  g_bytes_unref (source->bytes);
  g_free (source);
}

static int
compare_sort_keys (gconstpointer a,
                   gconstpointer b)
{
  return strcmp (_dorsum_entry_get_sort_key (*(DorsumEntry **)a), _dorsum_entry_get_sort_key (*(DorsumEntry **)b));
}

/* Adds @entries to @store keeping it sorted by name, by the collation keys the reading
 * threads made: collating pairwise in a sorted insert dominated loading large packs. */
static void
store_add_sorted (GListStore *store,
                  GPtrArray  *entries)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint n = n_old + entries->len;
  g_autofree gpointer *sorted = g_new (gpointer, n);

  for (guint i = 0; i < n; i++)
    sorted[i] = i < n_old ? g_list_model_get_item (G_LIST_MODEL (store), i)
                          : g_object_ref (g_ptr_array_index (entries, i - n_old));

  qsort (sorted, n, sizeof (gpointer), compare_sort_keys);
  g_list_store_splice (store, 0, n_old, sorted, n);

  for (guint i = 0; i < n; i++)
    g_object_unref (sorted[i]);
}

/* One file of a pack, read (parsed, validated, turned into entries) on its own, so that
 * the files of a large pack are read side by side on all cores. */
typedef struct
{
  Source         *source;
  DorsumProblems  problems;
  GPtrArray      *entries;   /* DorsumEntry*, owned */
} FileJob;

/* A muscle, stretch or self-care routine without text for the client: the schema refuses it
 * too, but in words about the element that comes next; this says what is missing. */
static void
check_client_text (xmlNodePtr      root,
                   const char     *file,
                   DorsumProblems *problems)
{
  for (xmlNodePtr node = root->children; node; node = node->next)
    {
      gboolean has_client = FALSE;
      g_autofree char *id = NULL;
      g_autofree char *shown = NULL;

      if (!_dorsum_library_is_element (node) ||
          !(xmlStrEqual (node->name, BAD_CAST "muscle") ||
            xmlStrEqual (node->name, BAD_CAST "stretch") ||
            xmlStrEqual (node->name, BAD_CAST "selfcare")))
        continue;

      for (xmlNodePtr child = node->children; child && !has_client; child = child->next)
        has_client = _dorsum_library_is_element (child) && xmlStrEqual (child->name, BAD_CAST "client");

      if (has_client)
        continue;

      id = dorsum_xml_prop (node, "id");
      shown = dorsum_shorten (id ? id : "");
      dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_SCHEMA, file, (guint)xmlGetLineNo (node),
                           _("<%s id=\"%s\"> has no <client>: after its <summary>, write what a client "
                             "reads at home, in everyday words (see docs/library-format.md)"),
                           (const char *)node->name, shown);
    }
}

static void
read_source (FileJob *job)
{
  Source *source = job->source;
  gsize size = g_bytes_get_size (source->bytes);
  xmlDocPtr doc;

  dorsum_xml_init ();

  if (size > DORSUM_LIBRARY_MAX_FILE_SIZE)
    {
      g_autofree char *size_text = g_format_size_full (size, G_FORMAT_SIZE_LONG_FORMAT);

      dorsum_problems_add (&job->problems, DORSUM_LIBRARY_ERROR_TOO_LARGE, source->display_name, 0,
                           _("the file is %s; library files may be at most %d MiB"),
                           size_text, DORSUM_LIBRARY_MAX_FILE_SIZE / (1024 * 1024));
      return;
    }

  doc = dorsum_xml_parse (g_bytes_get_data (source->bytes, NULL), size, source->display_name, &job->problems);
  if (doc == NULL)
    return;

  /* A file with another root gets only the message that says so. */
  if (!source->built_in && xmlDocGetRootElement (doc) != NULL &&
      xmlStrEqual (xmlDocGetRootElement (doc)->name, BAD_CAST "library"))
    check_client_text (xmlDocGetRootElement (doc), source->display_name, &job->problems);

  /* The built-in files are validated by the build's tests (library-relaxng, test-content):
   * at each launch that took a third of the startup's library load. Packs always are. */
  if (source->built_in ||
      dorsum_xml_validate (doc, &schema, SCHEMA_RESOURCE, "library", LIBRARY_NS, source->display_name, &job->problems))
    {
      for (xmlNodePtr node = xmlDocGetRootElement (doc)->children; node; node = node->next)
        {
          DorsumKind kind;

          if (_dorsum_library_is_element (node) && dorsum_kind_from_string ((const char *)node->name, &kind))
            {
              DorsumEntry *entry = _dorsum_library_build_entry (node, kind, source->display_name, &job->problems);

              _dorsum_entry_seal (entry);
              g_ptr_array_add (job->entries, entry);
            }
        }
    }

  xmlFreeDoc (doc);
}

static void
read_source_in_pool (gpointer data,
                     gpointer user_data)
{
  read_source (data);
}

/* Below this much XML a thread costs more than it saves. */
#define PARALLEL_MIN_BYTES (256 * 1024)

/* A tree takes up to about 530 bytes a tag (a file of nothing but "<a b=''/>"), so a file of
 * the most tags (DORSUM_XML_MAX_TAGS) makes one of 130 MB: no more tags than this are parsed
 * at one time, to stay within 200 MB however many cores there are. */
#define PARALLEL_MAX_TAGS 120000

static guint
count_tags (GBytes *bytes)
{
  gsize size;
  const char *p = g_bytes_get_data (bytes, &size);
  const char *end;
  guint tags = 0;

  /* An empty GBytes may have no data at all. */
  if (size == 0)
    return 0;

  for (end = p + size; p < end && (p = memchr (p, '<', end - p)) != NULL; )
    {
      tags++;
      p++;
    }

  return tags;
}

static void
read_sources (GPtrArray *sources,
              FileJob   *jobs)
{
  gsize total = 0;
  guint most_tags = 1, threads;

  for (guint i = 0; i < sources->len; i++)
    {
      jobs[i].source = g_ptr_array_index (sources, i);
      jobs[i].problems = (DorsumProblems) { g_string_new (NULL), 0, 0 };
      jobs[i].entries = g_ptr_array_new_with_free_func (g_object_unref);
      total += g_bytes_get_size (jobs[i].source->bytes);
    }

  if (sources->len > 1 && total >= PARALLEL_MIN_BYTES)
    for (guint i = 0; i < sources->len; i++)
      most_tags = MAX (most_tags, count_tags (jobs[i].source->bytes));

  threads = MIN (g_get_num_processors (), MAX (1, PARALLEL_MAX_TAGS / most_tags));

  if (sources->len > 1 && total >= PARALLEL_MIN_BYTES && threads > 1)
    {
      GThreadPool *pool = g_thread_pool_new (read_source_in_pool, NULL, (int)threads, TRUE, NULL);

      for (guint i = 0; i < sources->len; i++)
        g_thread_pool_push (pool, &jobs[i], NULL);
      g_thread_pool_free (pool, FALSE, TRUE);
    }
  else
    {
      for (guint i = 0; i < sources->len; i++)
        read_source (&jobs[i]);
    }
}

static void
report_duplicate (DorsumProblems *problems,
                  DorsumEntry    *entry,
                  DorsumEntry    *existing)
{
  g_autofree char *shown = dorsum_shorten (dorsum_entry_get_id (entry));

  dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_DUPLICATE, dorsum_entry_get_file (entry),
                       dorsum_entry_get_line (entry),
                       _("the id \"%s\" is already used by the %s on %s:%u; ids must be unique"),
                       shown, dorsum_kind_to_string (dorsum_entry_get_kind (existing)),
                       dorsum_entry_get_file (existing), dorsum_entry_get_line (existing));
}

/* Puts @order, entries checked to go in, into the table and the sorted lists. */
static void
insert_entries (DorsumLibrary *self,
                GPtrArray     *order)
{
  GPtrArray *by_kind[DORSUM_N_KINDS];

  for (guint k = 0; k < DORSUM_N_KINDS; k++)
    by_kind[k] = g_ptr_array_new ();

  for (guint i = 0; i < order->len; i++)
    {
      DorsumEntry *entry = g_ptr_array_index (order, i);

      g_hash_table_insert (self->by_id, (gpointer)dorsum_entry_get_id (entry), g_object_ref (entry));
      g_ptr_array_add (by_kind[dorsum_entry_get_kind (entry)], entry);
    }

  for (guint k = 0; k < DORSUM_N_KINDS; k++)
    {
      if (by_kind[k]->len > 0)
        store_add_sorted (self->stores[k], by_kind[k]);
      g_ptr_array_unref (by_kind[k]);
    }
}

/* Parses, validates and cross-checks all sources as one pack; adds them only if all is well. */
static gboolean
add_sources (DorsumLibrary  *self,
             GPtrArray      *sources,
             gboolean        allow_builtin_copies,
             GError        **error)
{
  DorsumProblems problems = { g_string_new (NULL), 0, 0 };
  SuggestBudget budget = { MAX_SUGGESTIONS, MAX_SUGGESTION_LOOKS };
  g_autoptr(GHashTable) pack = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GHashTable) builtin_copies = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree FileJob *jobs = g_new0 (FileJob, MAX (1, sources->len));
  guint tags = 0;

  /* Reading takes about 2.5 µs a tag: a pack of many files full of tags would take seconds. */
  for (guint i = 0; i < sources->len; i++)
    {
      Source *source = g_ptr_array_index (sources, i);

      tags += MIN (count_tags (source->bytes), DORSUM_LIBRARY_MAX_PACK_TAGS + 1);
      if (tags > DORSUM_LIBRARY_MAX_PACK_TAGS)
        {
          g_set_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_TOO_LARGE,
                       _("%s: with this file the pack has more than %d tags; split it into several packs"),
                       source->display_name, DORSUM_LIBRARY_MAX_PACK_TAGS);
          g_string_free (problems.text, TRUE);
          return FALSE;
        }
    }

  read_sources (sources, jobs);

  /* Merged in file order, so messages and duplicates read the same however the files were read. */
  for (guint i = 0; i < sources->len; i++)
    {
      Source *source = jobs[i].source;

      dorsum_problems_merge (&problems, &jobs[i].problems);
      g_string_free (jobs[i].problems.text, TRUE);

      for (guint j = 0; j < jobs[i].entries->len; j++)
        {
          DorsumEntry *entry = g_object_ref (g_ptr_array_index (jobs[i].entries, j));
          DorsumEntry *existing;

          if ((existing = g_hash_table_lookup (pack, dorsum_entry_get_id (entry))))
            {
              report_duplicate (&problems, entry, existing);
              g_object_unref (entry);
            }
          else if ((existing = g_hash_table_lookup (self->by_id, dorsum_entry_get_id (entry))))
            {
              g_autofree char *a = g_path_get_basename (dorsum_entry_get_file (existing));
              g_autofree char *b = g_path_get_basename (source->display_name);

              /* Checking an edited copy of a built-in file against the rest is fine. */
              if (allow_builtin_copies && g_str_equal (a, b))
                {
                  g_hash_table_add (builtin_copies, (gpointer)dorsum_entry_get_id (existing));
                  g_hash_table_insert (pack, (gpointer)dorsum_entry_get_id (entry), entry);
                  g_ptr_array_add (order, entry);
                }
              else
                {
                  report_duplicate (&problems, entry, existing);
                  g_object_unref (entry);
                }
            }
          else
            {
              g_hash_table_insert (pack, (gpointer)dorsum_entry_get_id (entry), entry);
              g_ptr_array_add (order, entry);
            }
        }

      g_ptr_array_unref (jobs[i].entries);
    }

  /* References are resolved only once every file of the pack is in. */
  for (guint i = 0; i < order->len; i++)
    {
      DorsumEntry *entry = g_ptr_array_index (order, i);
      const char *part_of = dorsum_entry_get_part_of (entry);

      if (part_of != NULL)
        check_reference (entry, dorsum_entry_get_kind (entry), part_of, dorsum_entry_get_line (entry),
                         pack, self->by_id, &budget, &problems);

      for (guint j = 0; j < dorsum_entry_get_n_links (entry); j++)
        {
          const DorsumLink *link = dorsum_entry_get_link (entry, j);

          check_reference (entry, link->kind, link->id, link->line, pack, self->by_id, &budget, &problems);
        }
    }

  if (!dorsum_problems_take_error (&problems, error))
    return FALSE;

  if (g_hash_table_size (builtin_copies) > 0)
    return TRUE;

  insert_entries (self, order);
  _dorsum_entries_link_back (order, self->by_id);

  return TRUE;
}

static int
compare_places (gconstpointer a,
                gconstpointer b)
{
  DorsumEntry *ea = *(DorsumEntry **)a;
  DorsumEntry *eb = *(DorsumEntry **)b;
  int files = strcmp (dorsum_entry_get_file (ea), dorsum_entry_get_file (eb));

  return files != 0 ? files : (int)dorsum_entry_get_line (ea) - (int)dorsum_entry_get_line (eb);
}

/* Whether @path (an entry's file) is @pack_path or inside it. */
gboolean
_dorsum_library_is_in_pack (const char *path,
                            const char *pack_path)
{
  gsize len = strlen (pack_path);

  return strncmp (path, pack_path, len) == 0 && (path[len] == '\0' || path[len] == G_DIR_SEPARATOR);
}

/**
 * dorsum_library_take_pack:
 * @scratch: a library that has loaded @pack (a scratch library, in a thread)
 * @pack: the pack's folder or file, as @scratch loaded it
 *
 * Adds the entries @scratch read from @pack, checked against @self as dorsum_library_add_pack()
 * checks them (ids free, references resolved), without reading the files again: a large pack
 * read in a thread goes into the library a window shows at the cost of inserting it. Its
 * entries then belong to both libraries; @scratch is meant to be dropped.
 */
gboolean
dorsum_library_take_pack (DorsumLibrary  *self,
                          DorsumLibrary  *scratch,
                          GFile          *pack,
                          GError        **error)
{
  DorsumProblems problems = { g_string_new (NULL), 0, 0 };
  SuggestBudget budget = { MAX_SUGGESTIONS, MAX_SUGGESTION_LOOKS };
  g_autoptr(GHashTable) in_pack = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(DorsumPack) taken = NULL;
  g_autofree char *pack_path = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (DORSUM_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (DORSUM_IS_LIBRARY (scratch), FALSE);
  g_return_val_if_fail (G_IS_FILE (pack), FALSE);

  /* Entries name their file as the loader did: by its parse name. */
  pack_path = g_file_get_parse_name (pack);
  g_hash_table_iter_init (&iter, scratch->by_id);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (_dorsum_library_is_in_pack (dorsum_entry_get_file (value), pack_path))
      {
        g_hash_table_insert (in_pack, key, value);
        g_ptr_array_add (order, value);
      }
  /* In file order, so messages read as the loader's would. */
  g_ptr_array_sort (order, compare_places);

  for (guint i = 0; i < order->len; i++)
    {
      DorsumEntry *entry = g_ptr_array_index (order, i);
      DorsumEntry *existing = g_hash_table_lookup (self->by_id, dorsum_entry_get_id (entry));

      if (existing != NULL)
        report_duplicate (&problems, entry, existing);
    }

  for (guint i = 0; i < order->len; i++)
    {
      DorsumEntry *entry = g_ptr_array_index (order, i);
      const char *part_of = dorsum_entry_get_part_of (entry);

      if (part_of != NULL)
        check_reference (entry, dorsum_entry_get_kind (entry), part_of, dorsum_entry_get_line (entry),
                         in_pack, self->by_id, &budget, &problems);

      for (guint j = 0; j < dorsum_entry_get_n_links (entry); j++)
        {
          const DorsumLink *link = dorsum_entry_get_link (entry, j);

          check_reference (entry, link->kind, link->id, link->line, in_pack, self->by_id, &budget, &problems);
        }
    }

  if (!dorsum_problems_take_error (&problems, error))
    return FALSE;

  /* Links back from the pack's entries to the others now, before the pack is in: those
   * within the pack were made when @scratch read it. */
  _dorsum_entries_link_back (order, self->by_id);
  insert_entries (self, order);

  taken = _dorsum_pack_new (pack, order->len, NULL);
  g_list_store_append (self->packs, taken);
  _dorsum_library_changed (self);

  return TRUE;
}

static void
dorsum_library_finalize (GObject *object)
{
  DorsumLibrary *self = (DorsumLibrary *)object;

  for (guint i = 0; i < DORSUM_N_KINDS; i++)
    g_clear_object (&self->stores[i]);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_object (&self->packs);

  G_OBJECT_CLASS (dorsum_library_parent_class)->finalize (object);
}

static void
dorsum_library_class_init (DorsumLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dorsum_library_finalize;

  /**
   * DorsumLibrary::changed:
   *
   * A pack was added or removed once the library was in use: lists and indexes made from
   * it are out of date. Emitted in the thread that changed it.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  dorsum_xml_init ();
}

static void
dorsum_library_init (DorsumLibrary *self)
{
  dorsum_resources_ensure ();

  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  self->packs = g_list_store_new (DORSUM_TYPE_PACK);

  for (guint i = 0; i < DORSUM_N_KINDS; i++)
    self->stores[i] = g_list_store_new (DORSUM_TYPE_ENTRY);
}

DorsumLibrary *
dorsum_library_new (void)
{
  return g_object_new (DORSUM_TYPE_LIBRARY, NULL);
}

/**
 * dorsum_library_load_builtin:
 *
 * Loads the library compiled into the program. It is checked by the build's tests,
 * so a failure here means a broken build; it is still reported, never fatal.
 */
gboolean
dorsum_library_load_builtin (DorsumLibrary  *self,
                             GError        **error)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (source_free);
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (DORSUM_IS_LIBRARY (self), FALSE);

  names = g_resources_enumerate_children (RESOURCE_PATH, 0, error);
  if (names == NULL)
    return FALSE;

  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *path = g_build_path ("/", RESOURCE_PATH, names[i], NULL);
      Source *source;

      if (!g_str_has_suffix (names[i], ".xml"))
        continue;

      source = g_new0 (Source, 1);
      source->display_name = g_strdup (names[i]);
      source->bytes = g_resources_lookup_data (path, 0, NULL);
      source->built_in = TRUE;
      g_ptr_array_add (sources, source);
    }

  return add_sources (self, sources, FALSE, error);
}

static gboolean
read_file (GFile      *file,
           GPtrArray  *sources,
           GError    **error)
{
  GBytes *bytes = dorsum_read_regular_file (file, DORSUM_LIBRARY_MAX_FILE_SIZE, error);
  Source *source;

  if (bytes == NULL)
    return FALSE;

  source = g_new0 (Source, 1);
  source->display_name = g_file_get_parse_name (file);
  source->bytes = bytes;
  g_ptr_array_add (sources, source);

  return TRUE;
}

/**
 * dorsum_library_add_files:
 * @allow_builtin_copies: check files that are copies of built-in ones (same file name)
 *   against the rest of the library without adding them; for `dorsum-cli validate`.
 *
 * Loads @files as one pack: either all of it is added, or none of it and @error
 * lists every problem as `FILE:LINE: message`, one per line.
 */
gboolean
dorsum_library_add_files (DorsumLibrary  *self,
                          GFile         **files,
                          guint           n_files,
                          gboolean        allow_builtin_copies,
                          GError        **error)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (source_free);
  gsize total = 0;

  g_return_val_if_fail (DORSUM_IS_LIBRARY (self), FALSE);

  for (guint i = 0; i < n_files; i++)
    {
      Source *source;

      if (!read_file (files[i], sources, error))
        return FALSE;

      /* All of a pack is in memory at once, and parsed on all cores: bound the whole. */
      source = g_ptr_array_index (sources, sources->len - 1);
      total += g_bytes_get_size (source->bytes);
      if (total > DORSUM_LIBRARY_MAX_PACK_SIZE)
        {
          g_set_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_TOO_LARGE,
                       _("%s: with this file the pack is larger than %d MiB; split it into several packs"),
                       source->display_name, DORSUM_LIBRARY_MAX_PACK_SIZE / (1024 * 1024));
          return FALSE;
        }
    }

  return add_sources (self, sources, allow_builtin_copies, error);
}

/**
 * _dorsum_library_add_bytes:
 *
 * Loads one file's contents as a pack, as dorsum_library_add_files() would.
 */
gboolean
_dorsum_library_add_bytes (DorsumLibrary  *self,
                           GBytes         *bytes,
                           const char     *display_name,
                           GError        **error)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (source_free);
  Source *source;

  g_return_val_if_fail (DORSUM_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  source = g_new0 (Source, 1);
  source->display_name = g_strdup (display_name);
  source->bytes = g_bytes_ref (bytes);
  g_ptr_array_add (sources, source);

  return add_sources (self, sources, FALSE, error);
}

DorsumEntry *
dorsum_library_lookup (DorsumLibrary *self,
                       const char    *id)
{
  g_return_val_if_fail (DORSUM_IS_LIBRARY (self), NULL);

  return id ? g_hash_table_lookup (self->by_id, id) : NULL;
}

/**
 * dorsum_library_get_entries:
 *
 * Returns: (transfer none): the entries of @kind, sorted by name
 */
GListModel *
dorsum_library_get_entries (DorsumLibrary *self,
                            DorsumKind     kind)
{
  g_return_val_if_fail (DORSUM_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (kind < DORSUM_N_KINDS, NULL);

  return G_LIST_MODEL (self->stores[kind]);
}

guint
dorsum_library_get_n_entries (DorsumLibrary *self)
{
  g_return_val_if_fail (DORSUM_IS_LIBRARY (self), 0);

  return g_hash_table_size (self->by_id);
}

/**
 * dorsum_library_get_linking_entries:
 *
 * Returns: (transfer container): entries that link to @id (or name it as their whole), by name
 */
GPtrArray *
dorsum_library_get_linking_entries (DorsumLibrary *self,
                                    const char    *id)
{
  GPtrArray *ret = g_ptr_array_new ();

  g_return_val_if_fail (DORSUM_IS_LIBRARY (self), ret);

  for (guint k = 0; k < DORSUM_N_KINDS; k++)
    {
      GListModel *model = G_LIST_MODEL (self->stores[k]);
      guint n = g_list_model_get_n_items (model);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DorsumEntry) entry = g_list_model_get_item (model, i);

          for (guint j = 0; j < dorsum_entry_get_n_links (entry); j++)
            {
              if (g_str_equal (dorsum_entry_get_link (entry, j)->id, id))
                {
                  g_ptr_array_add (ret, entry);
                  break;
                }
            }
        }
    }

  return ret;
}

/**
 * dorsum_library_expand_parts:
 *
 * Returns: (transfer full): @id followed by the ids of the entries that are part of it
 *   (the three parts of trapezius, the columns of erector spinae), for highlighting a whole.
 */
GStrv
dorsum_library_expand_parts (DorsumLibrary *self,
                             const char    *id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  DorsumEntry *entry;

  g_return_val_if_fail (DORSUM_IS_LIBRARY (self), NULL);

  g_strv_builder_add (builder, id);

  if ((entry = dorsum_library_lookup (self, id)))
    {
      GListModel *model = G_LIST_MODEL (self->stores[dorsum_entry_get_kind (entry)]);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(DorsumEntry) other = g_list_model_get_item (model, i);

          if (g_strcmp0 (dorsum_entry_get_part_of (other), id) == 0)
            g_strv_builder_add (builder, dorsum_entry_get_id (other));
        }
    }

  return g_strv_builder_end (builder);
}

static void
add_related (DorsumLibrary    *self,
             GPtrArray        *related,
             GHashTable       *seen,
             DorsumEntry      *entry,
             const DorsumLink *link,
             DorsumKind        kind)
{
  DorsumEntry *other;

  if (link->kind != kind || (other = dorsum_library_lookup (self, link->id)) == NULL || other == entry)
    return;

  if (g_hash_table_add (seen, other))
    g_ptr_array_add (related, other);
}

/**
 * dorsum_library_get_related:
 * @kind: the kind of the related entries
 *
 * The one model of links that pages show: the entries of @kind that @entry links to and
 * those that link to @entry, each once, sorted by name. A technique that says it is used
 * on a muscle is related to that muscle as much as the muscle that names the technique.
 *
 * Returns: (transfer container) (element-type DorsumEntry): the related entries
 */
GPtrArray *
dorsum_library_get_related (DorsumLibrary *self,
                            DorsumEntry   *entry,
                            DorsumKind     kind)
{
  GPtrArray *related = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = NULL;

  g_return_val_if_fail (DORSUM_IS_LIBRARY (self), related);
  g_return_val_if_fail (DORSUM_IS_ENTRY (entry), related);

  seen = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < dorsum_entry_get_n_links (entry); i++)
    add_related (self, related, seen, entry, dorsum_entry_get_link (entry, i), kind);
  for (guint i = 0; i < dorsum_entry_get_n_backlinks (entry); i++)
    add_related (self, related, seen, entry, dorsum_entry_get_backlink (entry, i), kind);

  g_ptr_array_sort (related, compare_sort_keys);

  return related;
}
