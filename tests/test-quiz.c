/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The question generator over the whole built-in library: every card of every kind gives
 * four distinct choices with exactly one right; name-it takes English, Latin and lay
 * names and small typos; the same seed asks the same questions. */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>

#include "dorsum-figure.h"
#include "dorsum-library.h"
#include "dorsum-quiz.h"
#include "dorsum-quiz-private.h"
#include "dorsum-search.h"
#include "test-common.h"

static DorsumLibrary *library;
static DorsumQuiz *quiz;

static gboolean
related (DorsumEntry *a,
         DorsumEntry *b)
{
  return a == b ||
         g_strcmp0 (dorsum_entry_get_part_of (a), dorsum_entry_get_id (b)) == 0 ||
         g_strcmp0 (dorsum_entry_get_part_of (b), dorsum_entry_get_id (a)) == 0;
}

static DorsumEntry *
muscle_named (const char *name)
{
  GListModel *muscles = dorsum_library_get_entries (library, DORSUM_KIND_MUSCLE);

  for (guint i = 0; i < g_list_model_get_n_items (muscles); i++)
    {
      g_autoptr(DorsumEntry) m = g_list_model_get_item (muscles, i);

      if (g_str_equal (dorsum_entry_get_name (m), name))
        return m;
    }

  return NULL;
}

static gboolean
is_linked_contraindication (DorsumEntry *technique,
                            const char  *name)
{
  for (guint i = 0; i < dorsum_entry_get_n_links (technique); i++)
    {
      const DorsumLink *link = dorsum_entry_get_link (technique, i);
      DorsumEntry *target = dorsum_library_lookup (library, link->id);

      if (link->kind == DORSUM_KIND_CONTRAINDICATION && g_str_equal (dorsum_entry_get_name (target), name))
        return TRUE;
    }

  return FALSE;
}

/* Checks a wrong choice against the entry by the facts themselves, not by the generator's rules. */
static void
assert_wrong (const DorsumQuestion *q,
              const char           *choice)
{
  DorsumEntry *entry = dorsum_library_lookup (library, q->entry_id);
  DorsumEntry *other;

  switch (q->fact)
    {
    case DORSUM_FACT_LOCATION:
    case DORSUM_FACT_NAME:
    case DORSUM_FACT_REFERRAL:
      other = muscle_named (choice);
      g_assert_nonnull (other);
      g_assert_false (related (entry, other));
      if (q->fact == DORSUM_FACT_REFERRAL)
        g_assert_false (dorsum_quiz_zone_overlaps (dorsum_entry_get_trigger_point (entry, q->trigger_point), other));
      break;

    case DORSUM_FACT_ORIGIN:
    case DORSUM_FACT_INSERTION:
      g_assert_false (dorsum_quiz_texts_same (quiz, choice, dorsum_entry_lookup_value (entry, dorsum_fact_to_string (q->fact))));
      break;

    case DORSUM_FACT_ACTION:
      {
        const char * const *actions = dorsum_entry_lookup_field (entry, "action");

        for (guint i = 0; actions[i]; i++)
          g_assert_false (dorsum_quiz_texts_same (quiz, choice, actions[i]));
      }
      break;

    case DORSUM_FACT_INNERVATION:
      g_assert_false (dorsum_quiz_texts_same (quiz, choice, dorsum_entry_lookup_value (entry, "innervation")));
      break;

    case DORSUM_FACT_ROOTS:
      g_assert_cmpstr (choice, !=, dorsum_entry_get_attribute (entry, "innervation-roots"));
      break;

    case DORSUM_FACT_CONTRAINDICATION:
      g_assert_false (is_linked_contraindication (entry, choice));
      break;

    case DORSUM_FACT_RED_FLAG:
      {
        GListModel *model = dorsum_library_get_entries (library, DORSUM_KIND_CONTRAINDICATION);

        for (guint i = 0; i < g_list_model_get_n_items (model); i++)
          {
            g_autoptr(DorsumEntry) c = g_list_model_get_item (model, i);

            if (g_str_equal (dorsum_entry_get_name (c), choice))
              g_assert_cmpstr (dorsum_entry_get_attribute (c, "severity"), !=, "red-flag");
          }
      }
      break;

    case DORSUM_FACT_SEVERITY:
      /* Four kinds, one per choice: distinct choices are enough. */
      break;

    case DORSUM_N_FACTS:
    default:
      g_assert_not_reached ();
    }
}

static void
test_every_card (void)
{
  g_autoptr(GPtrArray) cards = dorsum_quiz_list_cards (quiz, NULL, DORSUM_QUESTION_TYPES_ALL);
  guint per_fact[DORSUM_N_FACTS] = { 0 };
  GListModel *muscles = dorsum_library_get_entries (library, DORSUM_KIND_MUSCLE);

  g_assert_cmpuint (cards->len, >, 200);

  for (guint seed = 1; seed <= 8; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

      for (guint i = 0; i < cards->len; i++)
        {
          g_autoptr(DorsumQuestion) q = dorsum_quiz_generate (quiz, g_ptr_array_index (cards, i), rand);
          guint n_right = 0;

          g_assert_nonnull (q);
          g_assert_cmpstr (q->card_id, ==, g_ptr_array_index (cards, i));
          g_assert_nonnull (q->prompt);
          g_assert_nonnull (dorsum_library_lookup (library, q->entry_id));
          g_assert_cmpuint (g_strv_length (q->choices), ==, 4);
          g_assert_cmpuint (q->answer, <, 4);
          g_assert_true ((q->figure != NULL) == (q->type == DORSUM_QUESTION_FIND || q->type == DORSUM_QUESTION_NAME));
          /* A referral question is drawn on the back: its zone must be there. */
          if (q->fact == DORSUM_FACT_REFERRAL)
            g_assert_cmpuint (dorsum_entry_get_trigger_point (dorsum_library_lookup (library, q->entry_id),
                                                              q->trigger_point)->zones->len, >, 0);

          for (guint a = 0; a < 4; a++)
            {
              for (guint b = a + 1; b < 4; b++)
                g_assert_false (dorsum_quiz_texts_same (quiz, q->choices[a], q->choices[b]));

              if (a == q->answer)
                n_right++;
              else
                assert_wrong (q, q->choices[a]);
              g_assert_cmpint (dorsum_question_check_choice (q, a), ==, a == q->answer);
            }
          g_assert_cmpuint (n_right, ==, 1);

          if (q->type == DORSUM_QUESTION_FIND || q->type == DORSUM_QUESTION_NAME)
            {
              gboolean left = FALSE, right = FALSE;

              for (guint r = 0; q->regions[r]; r++)
                {
                  left |= g_str_has_suffix (q->regions[r], ".left");
                  right |= g_str_has_suffix (q->regions[r], ".right");
                  g_assert_true (dorsum_question_check_region (q, q->regions[r]));
                }
              g_assert_true (left && right);
              g_assert_false (dorsum_question_check_region (q, NULL));
              g_assert_false (dorsum_question_check_region (q, "no-such-muscle.left"));
            }

          if (seed == 1)
            per_fact[q->fact]++;
        }
    }

  for (guint f = 0; f < DORSUM_N_FACTS; f++)
    {
      g_test_message ("%s: %u cards", dorsum_fact_to_string (f), per_fact[f]);
      g_assert_cmpuint (per_fact[f], >, 0);
    }

  /* No technique and no muscle loses a card for want of fair wrong choices. */
  {
    GListModel *techniques = dorsum_library_get_entries (library, DORSUM_KIND_TECHNIQUE);

    for (guint i = 0; i < g_list_model_get_n_items (techniques); i++)
      {
        g_autoptr(DorsumEntry) t = g_list_model_get_item (techniques, i);
        g_autofree char *id = g_strdup_printf ("%s/contraindication", dorsum_entry_get_id (t));

        g_assert_true (g_ptr_array_find_with_equal_func (cards, id, g_str_equal, NULL));
      }
  }

  for (guint i = 0; i < g_list_model_get_n_items (muscles); i++)
    {
      g_autoptr(DorsumEntry) m = g_list_model_get_item (muscles, i);
      const char *facts[] = { "origin", "insertion", "action", "innervation" };

      for (guint f = 0; f < G_N_ELEMENTS (facts); f++)
        {
          g_autofree char *id = g_strdup_printf ("%s/%s", dorsum_entry_get_id (m), facts[f]);

          g_assert_true (g_ptr_array_find_with_equal_func (cards, id, g_str_equal, NULL));
        }
    }
}

static void
test_reproducible (void)
{
  g_autoptr(GPtrArray) cards = dorsum_quiz_list_cards (quiz, NULL, DORSUM_QUESTION_TYPES_ALL);
  g_autoptr(GRand) a = g_rand_new_with_seed (42);
  g_autoptr(GRand) b = g_rand_new_with_seed (42);
  g_autoptr(GPtrArray) pick_a = dorsum_quiz_pick_cards (quiz, NULL, NULL, DORSUM_QUESTION_TYPES_ALL, 10, 20, TRUE, 0, a, NULL);
  g_autoptr(GPtrArray) pick_b = dorsum_quiz_pick_cards (quiz, NULL, NULL, DORSUM_QUESTION_TYPES_ALL, 10, 20, TRUE, 0, b, NULL);

  g_assert_cmpuint (pick_a->len, ==, 10);
  for (guint i = 0; i < 10; i++)
    g_assert_cmpstr (g_ptr_array_index (pick_a, i), ==, g_ptr_array_index (pick_b, i));

  for (guint i = 0; i < cards->len; i += 7)
    {
      g_autoptr(DorsumQuestion) qa = dorsum_quiz_generate (quiz, g_ptr_array_index (cards, i), a);
      g_autoptr(DorsumQuestion) qb = dorsum_quiz_generate (quiz, g_ptr_array_index (cards, i), b);

      g_assert_cmpstr (qa->prompt, ==, qb->prompt);
      g_assert_cmpuint (qa->answer, ==, qb->answer);
      g_assert_true (g_strv_equal ((const char * const *)qa->choices, (const char * const *)qb->choices));
    }
}

static DorsumQuestion *
name_question (const char *muscle_id)
{
  g_autofree char *id = g_strdup_printf ("%s/name", muscle_id);
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  DorsumQuestion *q = dorsum_quiz_generate (quiz, id, rand);

  g_assert_nonnull (q);

  return q;
}

static void
assert_name (const char *muscle_id,
             const char *typed,
             gboolean    accepted,
             const char *expected)
{
  g_autoptr(DorsumQuestion) q = name_question (muscle_id);
  g_autofree char *corrected = NULL;

  g_test_message ("%s ← “%s”", muscle_id, typed);
  g_assert_cmpint (dorsum_quiz_check_name (quiz, q, typed, &corrected), ==, accepted);
  if (accepted && expected)
    g_assert_cmpstr (corrected, ==, expected);
  if (!accepted)
    g_assert_null (corrected);
}

static void
test_name_it (void)
{
  g_autoptr(GPtrArray) cards = dorsum_quiz_list_cards (quiz, NULL, 1u << DORSUM_QUESTION_NAME);

  /* English, Latin, lay names, any case, small typos (corrected), and not another muscle. */
  assert_name ("rhomboid-major", "Rhomboid major", TRUE, "Rhomboid major");
  assert_name ("rhomboid-major", "RHOMBOID  MAJOR", TRUE, "Rhomboid major");
  assert_name ("rhomboid-major", "rhomboid majr", TRUE, "Rhomboid major");
  assert_name ("rhomboid-major", "rhomboid minor", FALSE, NULL);
  assert_name ("latissimus-dorsi", "lats", TRUE, "lats");
  assert_name ("latissimus-dorsi", "latisimus dorsi", TRUE, "Latissimus dorsi");
  assert_name ("latissimus-dorsi", "musculus latissimus dorsi", TRUE, NULL);
  assert_name ("latissimus-dorsi", "latissimus dorsi muscle but very wrong", FALSE, NULL);
  assert_name ("quadratus-lumborum", "QL", TRUE, NULL);
  assert_name ("levator-scapulae", "levator scapule", TRUE, "Levator scapulae");
  assert_name ("teres-major", "teres minor", FALSE, NULL);
  assert_name ("teres-major", "teres majro", TRUE, "Teres major");
  assert_name ("piriformis", "pirifromis", TRUE, "Piriformis");
  assert_name ("piriformis", "prfrms", FALSE, NULL);
  assert_name ("piriformis", "", FALSE, NULL);

  /* Every spelling the library gives every muscle on a figure. */
  for (guint i = 0; i < cards->len; i++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (i);
      g_autoptr(DorsumQuestion) q = dorsum_quiz_generate (quiz, g_ptr_array_index (cards, i), rand);
      DorsumEntry *muscle = dorsum_library_lookup (library, q->entry_id);
      g_autoptr(GPtrArray) forms = dorsum_quiz_name_forms (muscle);

      for (guint f = 0; f < forms->len; f++)
        {
          const DorsumNameForm *form = g_ptr_array_index (forms, f);
          g_autofree char *corrected = NULL;

          g_assert_true (dorsum_quiz_check_name (quiz, q, form->folded, &corrected));
          g_assert_nonnull (corrected);
        }
    }
}

static void
test_edit_distance (void)
{
  g_assert_cmpuint (dorsum_edit_distance ("", ""), ==, 0);
  g_assert_cmpuint (dorsum_edit_distance ("abc", ""), ==, 3);
  g_assert_cmpuint (dorsum_edit_distance ("teres", "terse"), ==, 1);
  g_assert_cmpuint (dorsum_edit_distance ("trapezius", "trapezuis"), ==, 1);
  g_assert_cmpuint (dorsum_edit_distance ("levator", "levtaor"), ==, 1);
  g_assert_cmpuint (dorsum_edit_distance ("major", "minor"), ==, 2);
  g_assert_cmpuint (dorsum_edit_distance ("psoas", "psöas"), ==, 1);
  g_assert_cmpuint (dorsum_quiz_typo_allowance ("teres"), ==, 1);
  g_assert_cmpuint (dorsum_quiz_typo_allowance ("piriform"), ==, 2);
}

static void
test_decks (void)
{
  g_autoptr(GPtrArray) decks = dorsum_quiz_list_decks (quiz);
  const char * const expected[] = {
    "all", "attachments", "actions", "innervation", "referral", "safety",
    "region:upper-back", "region:lower-back", "figure:posterior/superficial", "figure:posterior/middle",
    "figure:posterior/deep", "figure:anterior/deep",
  };

  for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
    {
      const DorsumDeck *deck = dorsum_quiz_lookup_deck (quiz, expected[e]);

      g_assert_nonnull (deck);
      g_assert_nonnull (deck->title);
      g_assert_true (g_ptr_array_find (decks, deck, NULL));
    }
  g_assert_true (dorsum_quiz_lookup_deck (quiz, "upper-back") == dorsum_quiz_lookup_deck (quiz, "region:upper-back"));
  g_assert_null (dorsum_quiz_lookup_deck (quiz, "no-such-deck"));

  /* A deck holds what it says. */
  for (guint d = 0; d < decks->len; d++)
    {
      const DorsumDeck *deck = g_ptr_array_index (decks, d);
      g_autoptr(GPtrArray) cards = dorsum_quiz_list_cards (quiz, deck->id, DORSUM_QUESTION_TYPES_ALL);

      g_assert_cmpuint (cards->len, >, 0);
      for (guint i = 0; i < cards->len; i++)
        {
          const char *id = g_ptr_array_index (cards, i);
          DorsumEntry *entry = dorsum_library_lookup (library, dorsum_quiz_get_card_entry (quiz, id));

          if (g_str_has_prefix (deck->id, "region:"))
            g_assert_cmpstr (dorsum_entry_get_attribute (entry, "region"), ==, deck->id + 7);
          else if (g_str_has_prefix (deck->id, "figure:"))
            {
              /* The muscle's find-it card is on that figure and layer. */
              g_autofree char *find = g_strdup_printf ("%s/find", dorsum_entry_get_id (entry));
              g_autoptr(GRand) rand = g_rand_new_with_seed (1);
              g_autoptr(DorsumQuestion) q = dorsum_quiz_generate (quiz, find, rand);
              g_autofree char *where = NULL;

              g_assert_nonnull (q);
              where = g_strdup_printf ("figure:%s/%s", q->figure, q->layer);
              g_assert_cmpstr (where, ==, deck->id);
            }
          else if (g_str_equal (deck->id, "safety"))
            g_assert_true (g_str_has_suffix (id, "/contraindication") || g_str_has_suffix (id, "/red-flag") ||
                           g_str_has_suffix (id, "/kind"));
          else if (g_str_equal (deck->id, "attachments"))
            g_assert_true (g_str_has_suffix (id, "/origin") || g_str_has_suffix (id, "/insertion"));
          if (!g_str_equal (deck->id, "all"))
            g_assert_true (g_strv_contains (dorsum_quiz_get_card_decks (quiz, id), deck->id));
        }
    }

  /* The type filter. */
  {
    g_autoptr(GPtrArray) safety = dorsum_quiz_list_cards (quiz, NULL, 1u << DORSUM_QUESTION_SAFETY);
    g_autoptr(GPtrArray) in_deck = dorsum_quiz_list_cards (quiz, "safety", DORSUM_QUESTION_TYPES_ALL);

    g_assert_cmpuint (safety->len, ==, in_deck->len);
  }
}

/* A session takes the due cards first, then new ones within the day's allowance. */
static void
test_pick_with_store (void)
{
  g_autofree char *dir = test_make_tmp_dir ("dorsum-quiz-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "study.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DorsumStudyStore) store = dorsum_study_store_open (path, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  g_autoptr(GPtrArray) picked = NULL;
  g_autoptr(GHashTable) stats = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *forgotten = "levator-scapulae/innervation";
  guint due, new_cards;

  g_assert_no_error (error);
  /* Forgotten an hour ago: due again a few minutes later. */
  g_assert_true (dorsum_study_store_answer (store, forgotten, "levator-scapulae",
                                            dorsum_quiz_get_card_decks (quiz, forgotten),
                                            DORSUM_GRADE_AGAIN, now - 3600, NULL, &error));

  picked = dorsum_quiz_pick_cards (quiz, store, "innervation", DORSUM_QUESTION_TYPES_ALL, 10, 3, FALSE, now, rand, &error);
  g_assert_no_error (error);
  /* The due card, then three new ones less the one started today: 1 + 2. */
  g_assert_cmpuint (picked->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (picked, 0), ==, forgotten);
  for (guint i = 1; i < picked->len; i++)
    g_assert_true (g_strv_contains (dorsum_quiz_get_card_decks (quiz, g_ptr_array_index (picked, i)), "innervation"));
  g_clear_pointer (&picked, g_ptr_array_unref);

  /* With practice, the session fills up. */
  picked = dorsum_quiz_pick_cards (quiz, store, "innervation", DORSUM_QUESTION_TYPES_ALL, 10, 3, TRUE, now, rand, &error);
  g_assert_cmpuint (picked->len, ==, 10);

  stats = dorsum_study_store_get_deck_stats (store, now, &error);
  dorsum_quiz_count_due_today (quiz, stats, "innervation", 3, &due, &new_cards);
  g_assert_cmpuint (due, ==, 1);
  g_assert_cmpuint (new_cards, ==, 2);
  dorsum_quiz_count_due_today (quiz, stats, "actions", 3, &due, &new_cards);
  g_assert_cmpuint (due, ==, 0);
  g_assert_cmpuint (new_cards, ==, 2);

  g_clear_object (&store);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (path, i == 1 ? "-wal" : i == 2 ? "-shm" : "", NULL);

      g_unlink (file);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  GListModel *figures;
  int ret;

  g_test_init (&argc, &argv, NULL);

  library = dorsum_library_new ();
  g_assert_true (dorsum_library_load_builtin (library, &error));
  g_assert_no_error (error);
  figures = dorsum_figures_get_default (&error);
  g_assert_no_error (error);
  quiz = dorsum_quiz_new (library, figures);

  g_test_add_func ("/quiz/every-card", test_every_card);
  g_test_add_func ("/quiz/reproducible", test_reproducible);
  g_test_add_func ("/quiz/name-it", test_name_it);
  g_test_add_func ("/quiz/edit-distance", test_edit_distance);
  g_test_add_func ("/quiz/decks", test_decks);
  g_test_add_func ("/quiz/pick-with-store", test_pick_with_store);

  ret = g_test_run ();

  g_assert_finalize_object (quiz);
  g_assert_finalize_object (library);

  return ret;
}
