/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Builds flat list models of DorsumSection headings and DorsumEntry rows, so one list view
 * can show grouped lists on GTK 4.8, which has no list sections of its own. */

#define G_LOG_DOMAIN "dorsum-browse"

#include "config.h"

#include <glib/gi18n.h>

#include "dorsum-browse.h"

struct _DorsumSection
{
  GObject  parent_instance;
  char    *title;
};

G_DEFINE_FINAL_TYPE (DorsumSection, dorsum_section, G_TYPE_OBJECT)

static void
dorsum_section_finalize (GObject *object)
{
  g_free (DORSUM_SECTION (object)->title);

  G_OBJECT_CLASS (dorsum_section_parent_class)->finalize (object);
}

static void
dorsum_section_class_init (DorsumSectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dorsum_section_finalize;
}

static void
dorsum_section_init (DorsumSection *self)
{
}

static DorsumSection *
section_new (const char *title)
{
  DorsumSection *self = g_object_new (DORSUM_TYPE_SECTION, NULL);

  self->title = g_strdup (title);

  return self;
}

const char *
dorsum_section_get_title (DorsumSection *self)
{
  g_return_val_if_fail (DORSUM_IS_SECTION (self), NULL);

  return self->title;
}

const char *
dorsum_browse_get_title (DorsumBrowse browse)
{
  static const char * const titles[DORSUM_N_BROWSE] = {
    N_("Muscles by Region"), N_("Muscles by Layer"), N_("Techniques"), N_("Stretches"),
    N_("Self-Massage"), N_("Conditions"), N_("Safety"), N_("Bookmarks"), N_("Recent"),
  };

  g_return_val_if_fail (browse < DORSUM_N_BROWSE, NULL);

  return _(titles[browse]);
}

typedef struct
{
  const char *value;
  const char *title;
} Group;

static const Group regions[] = {
  { "head-neck", N_("Neck") },
  { "shoulder-girdle", N_("Shoulder Girdle") },
  { "upper-back", N_("Upper Back") },
  { "lower-back", N_("Lower Back") },
  { "hip", N_("Hip") },
  { "thigh", N_("Thigh") },
  { "trunk-front", N_("Front of the Trunk") },
};

static const Group layers[] = {
  { "superficial", N_("Superficial Layer") },
  { "middle", N_("Middle Layer") },
  { "deep", N_("Deep Layer") },
  { "front", N_("Seen From the Front") },
};

static const Group severities[] = {
  { "red-flag", N_("Red Flags — See a Doctor First") },
  { "absolute", N_("Do Not Massage") },
  { "local", N_("Avoid the Area") },
  { "relative", N_("Adapt or Get Clearance") },
};

/* Appends the entries of @model whose @attribute is each group's value, under its heading. */
static void
add_grouped (GListStore  *store,
             GListModel  *model,
             const char  *attribute,
             const Group *groups,
             guint        n_groups)
{
  for (guint g = 0; g < n_groups; g++)
    {
      g_autoptr(DorsumSection) section = section_new (_(groups[g].title));
      gboolean added = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(DorsumEntry) entry = g_list_model_get_item (model, i);

          if (g_strcmp0 (dorsum_entry_get_attribute (entry, attribute), groups[g].value) != 0)
            continue;

          if (!added)
            g_list_store_append (store, section);
          added = TRUE;
          g_list_store_append (store, entry);
        }
    }
}

static void
add_all (GListStore *store,
         GListModel *model)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_list_store_append (store, item);
    }
}

/**
 * dorsum_browse_build:
 * @ids: (nullable): for bookmarks and recent, the ids in order
 *
 * Returns: (transfer full): a list of #DorsumSection and #DorsumEntry
 */
GListModel *
dorsum_browse_build (DorsumLibrary      *library,
                     DorsumBrowse        browse,
                     const char * const *ids)
{
  GListStore *store = g_list_store_new (G_TYPE_OBJECT);

  g_return_val_if_fail (DORSUM_IS_LIBRARY (library), G_LIST_MODEL (store));

  switch (browse)
    {
    case DORSUM_BROWSE_MUSCLES_BY_REGION:
      add_grouped (store, dorsum_library_get_entries (library, DORSUM_KIND_MUSCLE), "region",
                   regions, G_N_ELEMENTS (regions));
      break;

    case DORSUM_BROWSE_MUSCLES_BY_LAYER:
      add_grouped (store, dorsum_library_get_entries (library, DORSUM_KIND_MUSCLE), "layer",
                   layers, G_N_ELEMENTS (layers));
      break;

    case DORSUM_BROWSE_TECHNIQUES:
      add_all (store, dorsum_library_get_entries (library, DORSUM_KIND_TECHNIQUE));
      break;

    case DORSUM_BROWSE_STRETCHES:
      add_all (store, dorsum_library_get_entries (library, DORSUM_KIND_STRETCH));
      break;

    case DORSUM_BROWSE_SELFCARE:
      add_all (store, dorsum_library_get_entries (library, DORSUM_KIND_SELFCARE));
      break;

    case DORSUM_BROWSE_CONDITIONS:
      add_all (store, dorsum_library_get_entries (library, DORSUM_KIND_CONDITION));
      break;

    case DORSUM_BROWSE_SAFETY:
      {
        g_autoptr(DorsumSection) about = section_new (_("Before You Treat"));

        add_grouped (store, dorsum_library_get_entries (library, DORSUM_KIND_CONTRAINDICATION), "severity",
                     severities, G_N_ELEMENTS (severities));
        g_list_store_append (store, about);
        add_all (store, dorsum_library_get_entries (library, DORSUM_KIND_ARTICLE));
      }
      break;

    case DORSUM_BROWSE_BOOKMARKS:
    case DORSUM_BROWSE_RECENT:
      for (guint i = 0; ids && ids[i]; i++)
        {
          DorsumEntry *entry = dorsum_library_lookup (library, ids[i]);

          /* An id from a pack that is no longer installed is skipped, not shown broken. */
          if (entry != NULL)
            g_list_store_append (store, entry);
        }
      break;

    case DORSUM_N_BROWSE:
    default:
      g_return_val_if_reached (G_LIST_MODEL (store));
    }

  return G_LIST_MODEL (store);
}

/**
 * dorsum_browse_build_results:
 * @results: (element-type DorsumSearchResult): ranked search results
 *
 * Groups the results by kind, the kinds in the order of their best result. When every
 * result is a near spelling, a first heading asks "Did you mean …?". The model keeps the
 * results, for dorsum_browse_get_reason().
 *
 * Returns: (transfer full): a list of #DorsumSection and #DorsumEntry
 */
GListModel *
dorsum_browse_build_results (GArray *results)
{
  GListStore *store = g_list_store_new (G_TYPE_OBJECT);
  gboolean done[DORSUM_N_KINDS] = { FALSE, };
  g_autofree char *suggestion = dorsum_search_results_get_suggestion (results);
  GHashTable *positions = g_hash_table_new (NULL, NULL);

  if (suggestion != NULL)
    {
      /* Translators: the search found only near spellings; %s is the corrected query */
      g_autofree char *title = g_strdup_printf (_("Did you mean “%s”?"), suggestion);
      g_autoptr(DorsumSection) section = section_new (title);

      g_list_store_append (store, section);
    }

  for (guint i = 0; i < results->len; i++)
    {
      DorsumKind kind = dorsum_entry_get_kind (g_array_index (results, DorsumSearchResult, i).entry);
      g_autoptr(DorsumSection) section = NULL;

      g_hash_table_insert (positions, g_array_index (results, DorsumSearchResult, i).entry, GUINT_TO_POINTER (i));

      if (done[kind])
        continue;
      done[kind] = TRUE;

      section = section_new (dorsum_kind_get_title (kind));
      g_list_store_append (store, section);

      for (guint j = i; j < results->len; j++)
        {
          DorsumEntry *entry = g_array_index (results, DorsumSearchResult, j).entry;

          if (dorsum_entry_get_kind (entry) == kind)
            g_list_store_append (store, entry);
        }
    }

  g_object_set_data_full (G_OBJECT (store), "dorsum-results", g_array_ref (results), (GDestroyNotify)g_array_unref);
  g_object_set_data_full (G_OBJECT (store), "dorsum-result-positions", positions, (GDestroyNotify)g_hash_table_unref);

  return G_LIST_MODEL (store);
}

/**
 * dorsum_browse_get_reason:
 * @model: a list from dorsum_browse_build_results(), or any other list
 *
 * Why @entry is in a list of search results, as Pango markup with the matched words in
 * bold ("Refers pain: …to the <b>temple</b>…"); %NULL when the list is not search results
 * or the entry was found by its name, which the row shows already.
 *
 * Returns: (transfer full) (nullable): the reason
 */
char *
dorsum_browse_get_reason (GListModel  *model,
                          DorsumEntry *entry)
{
  GArray *results;
  GHashTable *positions;
  gpointer position;
  const DorsumSearchResult *result;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (DORSUM_IS_ENTRY (entry), NULL);

  results = g_object_get_data (G_OBJECT (model), "dorsum-results");
  positions = g_object_get_data (G_OBJECT (model), "dorsum-result-positions");
  if (results == NULL || positions == NULL || !g_hash_table_lookup_extended (positions, entry, NULL, &position))
    return NULL;

  result = &g_array_index (results, DorsumSearchResult, GPOINTER_TO_UINT (position));
  if (g_strcmp0 (result->field, "name") == 0)
    return NULL;

  return dorsum_search_result_get_reason (result, TRUE);
}
