/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The judgement calls of the quiz: a wrong choice must be wrong, so facts that say the same
 * thing in other words (two wordings of one nerve, one action phrased twice) count as the
 * same; and a typed name is matched with a small allowance for typos. */

#define G_LOG_DOMAIN "dorsum-quiz"

#include "config.h"

#include <string.h>

#include "dorsum-diagram.h"
#include "dorsum-quiz.h"
#include "dorsum-quiz-private.h"
#include "dorsum-search.h"

static const char * const stop_words[] = {
  "the", "and", "with", "from", "into", "onto", "its", "his", "her", "for", "when", "both",
  "acting", "one", "side", "sides", "helps", "help", "also", "that", "this", "which", "part",
  "parts", "fibres", "muscle", "together", "other", "same", "towards", "toward", NULL,
};

static gboolean
is_stop_word (const char *word)
{
  return strlen (word) < 3 || g_strv_contains (stop_words, word);
}

/* The content words of a text, folded, with a plural "s" taken off. */
static GHashTable *
content_words (DorsumQuiz *self,
               const char *text)
{
  g_auto(GStrv) words = NULL;
  GHashTable *set = g_hash_table_lookup (self->words, text);

  if (set)
    return set;

  words = g_strsplit (dorsum_quiz_fold (self, text), " ", -1);
  set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (self->words, g_strdup (text), set);

  for (guint i = 0; words[i]; i++)
    {
      gsize len = strlen (words[i]);

      if (is_stop_word (words[i]))
        continue;
      if (len > 3 && words[i][len - 1] == 's' && words[i][len - 2] != 's')
        words[i][len - 1] = '\0';
      g_hash_table_add (set, g_strdup (words[i]));
    }

  return set;
}

/* Folding is the costly part of comparing texts; each text is folded once. */
const char *
dorsum_quiz_fold (DorsumQuiz *self,
                  const char *text)
{
  char *folded = g_hash_table_lookup (self->folded, text);

  if (folded == NULL)
    {
      folded = dorsum_search_normalize (text);
      g_hash_table_insert (self->folded, g_strdup (text), folded);
    }

  return folded;
}

gboolean
dorsum_quiz_texts_same (DorsumQuiz *self,
                        const char *a,
                        const char *b)
{
  return g_str_equal (dorsum_quiz_fold (self, a), dorsum_quiz_fold (self, b));
}

/* Two actions are the same answer when most of the words of the shorter one are in the
 * other: "Extends the vertebral column" is in "Acting on both sides, extends the vertebral
 * column and the head"; "Elevates the scapula" is not "Depresses the scapula". */
gboolean
dorsum_quiz_actions_similar (DorsumQuiz *self,
                             const char *a,
                             const char *b)
{
  GHashTable *wa = content_words (self, a);
  GHashTable *wb = content_words (self, b);
  GHashTable *small = g_hash_table_size (wa) <= g_hash_table_size (wb) ? wa : wb;
  GHashTable *large = small == wa ? wb : wa;
  GHashTableIter iter;
  gpointer word;
  guint shared = 0;

  if (g_hash_table_size (small) == 0)
    return TRUE;

  g_hash_table_iter_init (&iter, small);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    shared += g_hash_table_contains (large, word);

  return shared * 10 >= g_hash_table_size (small) * 6;
}

/* The nerves a text names: "W nerve" (W the content word before it, or after it in
 * "nerve to W") and "W rami". Loose on purpose: two supplies that share a nerve are the same. */
static GHashTable *
nerve_keys (DorsumQuiz *self,
            const char *text)
{
  g_auto(GStrv) words = g_strsplit (dorsum_quiz_fold (self, text), " ", -1);
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_strv_length (words);

  for (guint i = 0; i < n; i++)
    {
      gboolean nerve = g_str_equal (words[i], "nerve");
      gboolean rami = g_str_equal (words[i], "rami") || g_str_equal (words[i], "ramus");
      int j;

      if (!nerve && !rami)
        continue;

      for (j = (int)i - 1; j >= 0 && is_stop_word (words[j]); j--)
        ;
      if (j >= 0 && !g_str_equal (words[j], "nerve"))
        {
          g_hash_table_add (keys, g_strdup_printf ("%s %s", words[j], rami ? "rami" : "nerve"));
          continue;
        }

      for (j = (int)i + 1; j < (int)n && is_stop_word (words[j]); j++)
        ;
      if (j < (int)n)
        g_hash_table_add (keys, g_strdup_printf ("nerve %s", words[j]));
    }

  return keys;
}

gboolean
dorsum_quiz_innervations_same (DorsumQuiz  *self,
                               DorsumEntry *a,
                               DorsumEntry *b)
{
  const char *roots_a = dorsum_entry_get_attribute (a, "innervation-roots");
  const char *roots_b = dorsum_entry_get_attribute (b, "innervation-roots");
  g_autoptr(GHashTable) keys_a = NULL;
  g_autoptr(GHashTable) keys_b = NULL;
  GHashTableIter iter;
  gpointer key;

  if (roots_a && roots_b && g_str_equal (roots_a, roots_b))
    return TRUE;

  if (dorsum_quiz_texts_same (self, dorsum_entry_lookup_value (a, "innervation"),
                              dorsum_entry_lookup_value (b, "innervation")))
    return TRUE;

  keys_a = nerve_keys (self, dorsum_entry_lookup_value (a, "innervation"));
  keys_b = nerve_keys (self, dorsum_entry_lookup_value (b, "innervation"));
  g_hash_table_iter_init (&iter, keys_a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_hash_table_contains (keys_b, key))
      return TRUE;

  return FALSE;
}

static DorsumPoint
centroid (GArray *polygon)
{
  DorsumPoint c = { 0, 0 };

  for (guint i = 0; i < polygon->len; i++)
    {
      c.x += g_array_index (polygon, DorsumPoint, i).x / polygon->len;
      c.y += g_array_index (polygon, DorsumPoint, i).y / polygon->len;
    }

  return c;
}

/* Whether two polygons share ground: a corner or the centre of one inside the other. */
static gboolean
polygons_touch (GArray *a,
                GArray *b)
{
  DorsumPoint ca = centroid (a), cb = centroid (b);

  if (dorsum_polygon_contains (a, cb.x, cb.y) || dorsum_polygon_contains (b, ca.x, ca.y))
    return TRUE;

  for (guint i = 0; i < a->len; i++)
    if (dorsum_polygon_contains (b, g_array_index (a, DorsumPoint, i).x, g_array_index (a, DorsumPoint, i).y))
      return TRUE;

  for (guint i = 0; i < b->len; i++)
    if (dorsum_polygon_contains (a, g_array_index (b, DorsumPoint, i).x, g_array_index (b, DorsumPoint, i).y))
      return TRUE;

  return FALSE;
}

/* Whether any referral zone of @other covers part of @tp's zones on the same figure: then
 * @other also "refers pain here" and cannot be a wrong choice. */
gboolean
dorsum_quiz_zone_overlaps (const DorsumTriggerPoint *tp,
                           DorsumEntry              *other)
{
  for (guint t = 0; t < dorsum_entry_get_n_trigger_points (other); t++)
    {
      const DorsumTriggerPoint *otp = dorsum_entry_get_trigger_point (other, t);

      for (guint i = 0; i < tp->all_zones->len; i++)
        for (guint j = 0; j < otp->all_zones->len; j++)
          {
            const DorsumZone *a = g_ptr_array_index (tp->all_zones, i);
            const DorsumZone *b = g_ptr_array_index (otp->all_zones, j);

            if (a->figure == b->figure && polygons_touch (a->points, b->points))
              return TRUE;
          }
    }

  return FALSE;
}

/* Whether @tp has a referral zone on @figure, so a question shown there can draw it. */
gboolean
dorsum_quiz_zone_on_figure (const DorsumTriggerPoint *tp,
                            const char               *figure)
{
  for (guint z = 0; z < tp->all_zones->len; z++)
    if (g_str_equal (((const DorsumZone *)g_ptr_array_index (tp->all_zones, z))->figure, figure))
      return TRUE;

  return FALSE;
}

static void
name_form_free (gpointer data)
{
  DorsumNameForm *form = data;

  g_free (form->folded);
  g_free (form);
}

static void
add_form (GPtrArray  *forms,
          const char *original,
          const char *text)
{
  DorsumNameForm *form;
  char *folded;

  if (text == NULL)
    return;

  folded = dorsum_search_normalize (text);
  for (guint i = 0; i < forms->len; i++)
    if (g_str_equal (((DorsumNameForm *)g_ptr_array_index (forms, i))->folded, folded))
      {
        g_free (folded);
        return;
      }

  if (*folded == '\0')
    {
      g_free (folded);
      return;
    }

  form = g_new0 (DorsumNameForm, 1);
  form->folded = folded;
  form->original = original;
  g_ptr_array_add (forms, form);
}

/**
 * dorsum_quiz_name_forms:
 *
 * The names a student may type for @muscle: English, Latin (also without "Musculus" and
 * without a bracketed list of parts), and every alias.
 *
 * Returns: (transfer full) (element-type DorsumNameForm)
 */
GPtrArray *
dorsum_quiz_name_forms (DorsumEntry *muscle)
{
  GPtrArray *forms = g_ptr_array_new_with_free_func (name_form_free);
  const char *name = dorsum_entry_get_name (muscle);
  const char *latin = dorsum_entry_get_latin (muscle);
  const char * const *aliases = dorsum_entry_get_aliases (muscle);

  add_form (forms, name, name);
  if (latin)
    {
      g_autofree char *bare = g_strdup (latin);
      char *bracket;

      add_form (forms, latin, latin);
      if ((bracket = strchr (bare, '(')))
        *bracket = '\0';
      g_strstrip (bare);
      add_form (forms, latin, bare);
      if (g_str_has_prefix (bare, "Musculus "))
        add_form (forms, latin, bare + strlen ("Musculus "));
      if (g_str_has_prefix (bare, "Musculi "))
        add_form (forms, latin, bare + strlen ("Musculi "));
    }
  for (guint i = 0; aliases && aliases[i]; i++)
    add_form (forms, aliases[i], aliases[i]);

  return forms;
}

/* One typo in a name of up to 7 letters, two in a longer one. */
guint
dorsum_quiz_typo_allowance (const char *folded)
{
  guint letters = 0;

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    letters += g_unichar_isalnum (g_utf8_get_char (p));

  return letters <= 7 ? 1 : 2;
}

/**
 * dorsum_edit_distance:
 *
 * The Damerau–Levenshtein distance (optimal string alignment) between two UTF-8 strings,
 * counted in characters: insertions, deletions, substitutions and swaps of two neighbours.
 */
guint
dorsum_edit_distance (const char *a,
                      const char *b)
{
  g_autofree gunichar *ua = NULL;
  g_autofree gunichar *ub = NULL;
  g_autofree guint *rows = NULL;
  glong na, nb;
  guint *d;
  guint result;

  g_return_val_if_fail (a != NULL && b != NULL, G_MAXUINT);

  ua = g_utf8_to_ucs4_fast (a, -1, &na);
  ub = g_utf8_to_ucs4_fast (b, -1, &nb);
  rows = g_new (guint, (na + 1) * (nb + 1));
  d = rows;

#define D(i, j) d[(i) * (nb + 1) + (j)]
  for (glong i = 0; i <= na; i++)
    D (i, 0) = i;
  for (glong j = 0; j <= nb; j++)
    D (0, j) = j;

  for (glong i = 1; i <= na; i++)
    for (glong j = 1; j <= nb; j++)
      {
        guint cost = ua[i - 1] == ub[j - 1] ? 0 : 1;
        guint best = MIN (MIN (D (i - 1, j) + 1, D (i, j - 1) + 1), D (i - 1, j - 1) + cost);

        if (i > 1 && j > 1 && ua[i - 1] == ub[j - 2] && ua[i - 2] == ub[j - 1])
          best = MIN (best, D (i - 2, j - 2) + 1);
        D (i, j) = best;
      }

  result = D (na, nb);
#undef D

  return result;
}
