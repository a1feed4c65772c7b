/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading and editing a chart's plan. Every edit writes the whole plan with one
 * dorsum_chart_set_plan(), so it is one undo step and marks the chart modified. */

#define G_LOG_DOMAIN "dorsum-plan"

#include "config.h"

#include "dorsum-lookup.h"
#include "dorsum-plan.h"

/**
 * dorsum_plan_is_item:
 *
 * Returns: whether @entry is something the client is given: a stretch or a self-care routine
 */
gboolean
dorsum_plan_is_item (DorsumEntry *entry)
{
  g_return_val_if_fail (DORSUM_IS_ENTRY (entry), FALSE);

  return dorsum_entry_get_kind (entry) == DORSUM_KIND_STRETCH ||
         dorsum_entry_get_kind (entry) == DORSUM_KIND_SELFCARE;
}

static GPtrArray *
plan_entries (DorsumLibrary *library,
              DorsumChart   *chart,
              gboolean       items)
{
  const char * const *plan = dorsum_chart_get_plan (chart);
  GPtrArray *ret = g_ptr_array_new ();

  for (guint i = 0; plan && plan[i]; i++)
    {
      DorsumEntry *entry = dorsum_library_lookup (library, plan[i]);

      if (entry == NULL || g_ptr_array_find (ret, entry, NULL))
        continue;
      if (items ? dorsum_plan_is_item (entry) : dorsum_entry_get_kind (entry) == DORSUM_KIND_MUSCLE)
        g_ptr_array_add (ret, entry);
    }

  return ret;
}

/**
 * dorsum_plan_has_muscles:
 *
 * Returns: whether the plan names its muscles; if not, they come from the lookup
 */
gboolean
dorsum_plan_has_muscles (DorsumLibrary *library,
                         DorsumChart   *chart)
{
  g_autoptr(GPtrArray) muscles = NULL;

  g_return_val_if_fail (DORSUM_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (DORSUM_IS_CHART (chart), FALSE);

  muscles = plan_entries (library, chart, FALSE);

  return muscles->len > 0;
}

/**
 * dorsum_plan_get_muscles:
 *
 * The likely muscles: those the plan names, or, while it names none, the first
 * %DORSUM_PLAN_LIKELY_MUSCLES of the lookup over the marks.
 *
 * Returns: (transfer container) (element-type DorsumEntry): the muscles, in order
 */
GPtrArray *
dorsum_plan_get_muscles (DorsumLibrary *library,
                         DorsumChart   *chart)
{
  GPtrArray *muscles;
  g_autoptr(GArray) found = NULL;

  g_return_val_if_fail (DORSUM_IS_LIBRARY (library), g_ptr_array_new ());
  g_return_val_if_fail (DORSUM_IS_CHART (chart), g_ptr_array_new ());

  muscles = plan_entries (library, chart, FALSE);
  if (muscles->len > 0)
    return muscles;

  found = dorsum_lookup_muscles (library, chart);
  for (guint i = 0; i < found->len && i < DORSUM_PLAN_LIKELY_MUSCLES; i++)
    g_ptr_array_add (muscles, g_array_index (found, DorsumLookupResult, i).muscle);

  return muscles;
}

/**
 * dorsum_plan_get_items:
 *
 * Returns: (transfer container) (element-type DorsumEntry): the stretches and self-care
 *   of the plan, in the order the client is given them
 */
GPtrArray *
dorsum_plan_get_items (DorsumLibrary *library,
                       DorsumChart   *chart)
{
  g_return_val_if_fail (DORSUM_IS_LIBRARY (library), g_ptr_array_new ());
  g_return_val_if_fail (DORSUM_IS_CHART (chart), g_ptr_array_new ());

  return plan_entries (library, chart, TRUE);
}

static void
add_related_items (DorsumLibrary *library,
                   DorsumEntry   *muscle,
                   GPtrArray     *into)
{
  static const DorsumKind kinds[] = { DORSUM_KIND_STRETCH, DORSUM_KIND_SELFCARE };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GPtrArray) related = dorsum_library_get_related (library, muscle, kinds[k]);

      for (guint i = 0; i < related->len; i++)
        if (!g_ptr_array_find (into, related->pdata[i], NULL))
          g_ptr_array_add (into, related->pdata[i]);
    }
}

/**
 * dorsum_plan_suggest:
 * @likely: (nullable) (element-type DorsumEntry): dorsum_plan_get_muscles() if the caller has it
 *
 * The stretches and self-care linked to the likely muscles (or to the whole a muscle is part
 * of), muscle by muscle, leaving out what the plan already holds. Charts record no client
 * conditions, so nothing is left out for being contraindicated: each suggestion's cautions
 * (dorsum_plan_get_entry_cautions()) are for the therapist to weigh.
 *
 * Returns: (transfer container) (element-type DorsumEntry): the suggestions
 */
GPtrArray *
dorsum_plan_suggest (DorsumLibrary *library,
                     DorsumChart   *chart,
                     GPtrArray     *likely)
{
  g_autoptr(GPtrArray) muscles = NULL;
  GPtrArray *suggested = g_ptr_array_new ();

  g_return_val_if_fail (DORSUM_IS_LIBRARY (library), suggested);
  g_return_val_if_fail (DORSUM_IS_CHART (chart), suggested);

  muscles = likely ? g_ptr_array_ref (likely) : dorsum_plan_get_muscles (library, chart);
  for (guint i = 0; i < muscles->len; i++)
    {
      DorsumEntry *muscle = muscles->pdata[i];
      const char *whole = dorsum_entry_get_part_of (muscle);
      DorsumEntry *parent = whole ? dorsum_library_lookup (library, whole) : NULL;

      add_related_items (library, muscle, suggested);
      if (parent != NULL)
        add_related_items (library, parent, suggested);
    }

  for (guint i = suggested->len; i > 0; i--)
    if (dorsum_plan_contains (chart, dorsum_entry_get_id (suggested->pdata[i - 1])))
      g_ptr_array_remove_index (suggested, i - 1);

  return suggested;
}

/**
 * dorsum_plan_is_red_flag:
 *
 * Returns: whether @entry is a red flag: a sign to see a doctor first
 */
gboolean
dorsum_plan_is_red_flag (DorsumEntry *entry)
{
  g_return_val_if_fail (DORSUM_IS_ENTRY (entry), FALSE);

  return g_strcmp0 (dorsum_entry_get_attribute (entry, "severity"), "red-flag") == 0;
}

/**
 * dorsum_plan_get_entry_cautions:
 *
 * Returns: (transfer container) (element-type DorsumEntry): the contraindications and red
 *   flags linked to @entry, red flags first
 */
GPtrArray *
dorsum_plan_get_entry_cautions (DorsumLibrary *library,
                                DorsumEntry   *entry)
{
  GPtrArray *one = g_ptr_array_new ();
  GPtrArray *ret;

  g_return_val_if_fail (DORSUM_IS_ENTRY (entry), one);

  g_ptr_array_add (one, entry);
  ret = dorsum_plan_get_cautions (library, one);
  g_ptr_array_unref (one);

  return ret;
}

/**
 * dorsum_plan_get_cautions:
 * @items: (element-type DorsumEntry): the chosen stretches and self-care
 *
 * What the therapist checks before giving @items: the contraindications and red flags linked
 * to any of them, each once, red flags first, then in the order of the items.
 *
 * Returns: (transfer container) (element-type DorsumEntry): the cautions
 */
GPtrArray *
dorsum_plan_get_cautions (DorsumLibrary *library,
                          GPtrArray     *items)
{
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  GPtrArray *cautions = g_ptr_array_new ();

  g_return_val_if_fail (DORSUM_IS_LIBRARY (library), cautions);
  g_return_val_if_fail (items != NULL, cautions);

  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(GPtrArray) related = dorsum_library_get_related (library, items->pdata[i], DORSUM_KIND_CONTRAINDICATION);

      for (guint j = 0; j < related->len; j++)
        {
          DorsumEntry *caution = related->pdata[j];
          GPtrArray *into = dorsum_plan_is_red_flag (caution) ? cautions : others;

          if (!g_ptr_array_find (into, caution, NULL))
            g_ptr_array_add (into, caution);
        }
    }

  g_ptr_array_extend (cautions, others, NULL, NULL);

  return cautions;
}

gboolean
dorsum_plan_contains (DorsumChart *chart,
                      const char  *id)
{
  const char * const *plan;

  g_return_val_if_fail (DORSUM_IS_CHART (chart), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  plan = dorsum_chart_get_plan (chart);

  return plan != NULL && g_strv_contains (plan, id);
}

/* The plan as it is shown: the muscles (those of the lookup while it names none), the
 * items, and ids the library does not know (a pack since removed), kept as they were. */
typedef struct
{
  GPtrArray *muscles;   /* char*, owned */
  GPtrArray *items;
  GPtrArray *unknown;
} Plan;

static void
plan_read (Plan          *plan,
           DorsumLibrary *library,
           DorsumChart   *chart)
{
  g_autoptr(GPtrArray) muscles = dorsum_plan_get_muscles (library, chart);
  const char * const *ids = dorsum_chart_get_plan (chart);

  plan->muscles = g_ptr_array_new_with_free_func (g_free);
  plan->items = g_ptr_array_new_with_free_func (g_free);
  plan->unknown = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < muscles->len; i++)
    g_ptr_array_add (plan->muscles, g_strdup (dorsum_entry_get_id (muscles->pdata[i])));
  for (guint i = 0; ids && ids[i]; i++)
    {
      DorsumEntry *entry = dorsum_library_lookup (library, ids[i]);

      if (entry == NULL || (dorsum_entry_get_kind (entry) != DORSUM_KIND_MUSCLE && !dorsum_plan_is_item (entry)))
        g_ptr_array_add (plan->unknown, g_strdup (ids[i]));
      else if (dorsum_plan_is_item (entry))
        g_ptr_array_add (plan->items, g_strdup (ids[i]));
    }
}

/* Writes the plan back (muscles, items, the rest) as one change if @write, and frees it. */
static void
plan_write (Plan        *plan,
            DorsumChart *chart,
            gboolean     write)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  GPtrArray *parts[] = { plan->muscles, plan->items, plan->unknown };

  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    for (guint i = 0; i < parts[p]->len; i++)
      g_strv_builder_add (builder, parts[p]->pdata[i]);
  ids = g_strv_builder_end (builder);

  if (write)
    dorsum_chart_set_plan (chart, (const char * const *)ids);

  g_ptr_array_unref (plan->muscles);
  g_ptr_array_unref (plan->items);
  g_ptr_array_unref (plan->unknown);
}

static GPtrArray *
plan_part_for (Plan          *plan,
               DorsumLibrary *library,
               const char    *id)
{
  DorsumEntry *entry = dorsum_library_lookup (library, id);

  if (entry == NULL)
    return NULL;
  if (dorsum_entry_get_kind (entry) == DORSUM_KIND_MUSCLE)
    return plan->muscles;
  if (dorsum_plan_is_item (entry))
    return plan->items;

  return NULL;
}

static gboolean
find_id (GPtrArray  *ids,
         const char *id,
         guint      *position)
{
  return g_ptr_array_find_with_equal_func (ids, id, g_str_equal, position);
}

/**
 * dorsum_plan_add:
 * @id: a muscle, stretch or self-care routine of @library
 *
 * Adds @id at the end of its part of the plan. The first edit of a plan that names no
 * muscles keeps the likely muscles it showed: what the therapist saw is what is saved.
 */
void
dorsum_plan_add (DorsumLibrary *library,
                 DorsumChart   *chart,
                 const char    *id)
{
  Plan plan;
  GPtrArray *part;
  gboolean changed;

  g_return_if_fail (DORSUM_IS_LIBRARY (library));
  g_return_if_fail (DORSUM_IS_CHART (chart));
  g_return_if_fail (id != NULL);

  plan_read (&plan, library, chart);
  part = plan_part_for (&plan, library, id);
  changed = part != NULL && !find_id (part, id, NULL);
  if (changed)
    g_ptr_array_add (part, g_strdup (id));
  plan_write (&plan, chart, changed);
}

void
dorsum_plan_remove (DorsumLibrary *library,
                    DorsumChart   *chart,
                    const char    *id)
{
  Plan plan;
  GPtrArray *part;
  guint position;
  gboolean changed;

  g_return_if_fail (DORSUM_IS_LIBRARY (library));
  g_return_if_fail (DORSUM_IS_CHART (chart));
  g_return_if_fail (id != NULL);

  plan_read (&plan, library, chart);
  part = plan_part_for (&plan, library, id);
  changed = part != NULL && find_id (part, id, &position);
  if (changed)
    g_ptr_array_remove_index (part, position);
  plan_write (&plan, chart, changed);
}

/**
 * dorsum_plan_move:
 * @delta: how many places toward the end (negative: toward the start)
 *
 * Moves @id within its part of the plan, stopping at either end.
 *
 * Returns: whether it moved
 */
gboolean
dorsum_plan_move (DorsumLibrary *library,
                  DorsumChart   *chart,
                  const char    *id,
                  int            delta)
{
  Plan plan;
  GPtrArray *part;
  guint position;
  gboolean moved = FALSE;

  g_return_val_if_fail (DORSUM_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (DORSUM_IS_CHART (chart), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  plan_read (&plan, library, chart);
  part = plan_part_for (&plan, library, id);
  if (part != NULL && find_id (part, id, &position))
    {
      int to = CLAMP ((int)position + delta, 0, (int)part->len - 1);

      if (to != (int)position)
        {
          char *moving = g_ptr_array_steal_index (part, position);

          g_ptr_array_insert (part, to, moving);
          moved = TRUE;
        }
    }
  plan_write (&plan, chart, moved);

  return moved;
}
