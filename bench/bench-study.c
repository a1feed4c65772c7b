/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Prints the study engine's times: making one question, recording an answer and making the
 * next, and what the Study page needs on opening (the progress file opened and checked, due
 * counts and retention for every deck, mastery, the streak) with 10 000 stored reviews. */

#include "config.h"

#include "bench-common.h"

#include <glib/gstdio.h>

#include "dorsum-quiz.h"
#include "dorsum-study-store.h"

#define N_REVIEWS 10000
#define DAY (24 * 60 * 60)

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* What the Study page asks for when it opens. */
static void
open_study_page (const char *path,
                 DorsumQuiz *quiz,
                 gint64      now)
{
  g_autoptr(DorsumStudyStore) store = dorsum_study_store_open (path, NULL);
  g_autoptr(GPtrArray) decks = dorsum_quiz_list_decks (quiz);
  g_autoptr(GHashTable) mastery = NULL;
  g_autoptr(GHashTable) stats = NULL;
  guint streak;

  if (store == NULL || !(stats = dorsum_study_store_get_deck_stats (store, now, NULL)))
    g_error ("the progress file could not be read");

  for (guint i = 0; i < decks->len; i++)
    {
      const DorsumDeck *deck = g_ptr_array_index (decks, i);
      guint due, new_cards;

      dorsum_quiz_count_due_today (quiz, stats, deck->id, 20, &due, &new_cards);
    }

  mastery = dorsum_study_store_get_mastery (store, now, NULL);
  if (mastery == NULL || !dorsum_study_store_get_streak (store, now, &streak, NULL))
    g_error ("the figures could not be read");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(DorsumLibrary) library = dorsum_library_new ();
  g_autoptr(DorsumQuiz) quiz = NULL;
  g_autoptr(DorsumStudyStore) store = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  g_autoptr(GArray) generate = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) answer = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) page = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = bench_make_tmp_dir ("dorsum-bench-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "study.sqlite", NULL);
  GListModel *figures;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 start;
  guint n_decks;

  dorsum_library_load_builtin (library, NULL);
  /* The figures' layers are parsed once per process and shared; the app has them already. */
  figures = dorsum_figures_get_default (NULL);
  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(DorsumFigure) figure = g_list_model_get_item (figures, i);

      for (guint l = 0; l < dorsum_figure_get_n_layers (figure); l++)
        {
          g_autoptr(DorsumDiagram) diagram = dorsum_figure_load_layer (figure, dorsum_figure_get_layer_id (figure, l), NULL);
        }
    }

  start = g_get_monotonic_time ();
  quiz = dorsum_quiz_new (library, figures);
  g_print ("cards read off the library and the figures (once, at start): %.1f ms\n", ms_since (start));

  /* Every card, five times over. */
  cards = dorsum_quiz_list_cards (quiz, NULL, DORSUM_QUESTION_TYPES_ALL);
  for (guint round = 0; round < 5; round++)
    for (guint i = 0; i < cards->len; i++)
      {
        g_autoptr(DorsumQuestion) q = NULL;

        start = g_get_monotonic_time ();
        q = dorsum_quiz_generate (quiz, g_ptr_array_index (cards, i), rand);
        g_array_append_val (generate, (double) { ms_since (start) });
      }
  g_print ("one question, over %u cards x 5: median %.3f ms, 99th percentile %.3f ms, worst %.3f ms (target <= 1 ms)\n",
           cards->len, bench_median (generate), bench_percentile (generate, 0.99), bench_percentile (generate, 1.0));

  /* 10 000 answers over 120 days, each its own transaction as in a session. */
  store = dorsum_study_store_open (path, NULL);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_REVIEWS; i++)
    {
      const char *id = g_ptr_array_index (cards, g_rand_int_range (rand, 0, cards->len));
      gint64 when = now - 120 * DAY + (gint64)i * (120 * DAY / N_REVIEWS);

      if (!dorsum_study_store_answer (store, id, dorsum_quiz_get_card_entry (quiz, id),
                                      dorsum_quiz_get_card_decks (quiz, id),
                                      g_rand_int_range (rand, 1, 5), when, NULL, NULL))
        g_error ("an answer could not be recorded");
    }
  g_print ("%u answers recorded: %.0f ms\n", N_REVIEWS, ms_since (start));

  /* An answer recorded, then the next question made: what the page does between frames. */
  for (guint i = 0; i < 101; i++)
    {
      const char *id = g_ptr_array_index (cards, g_rand_int_range (rand, 0, cards->len));
      const char *next = g_ptr_array_index (cards, g_rand_int_range (rand, 0, cards->len));
      g_autoptr(DorsumQuestion) q = NULL;

      start = g_get_monotonic_time ();
      if (!dorsum_study_store_answer (store, id, dorsum_quiz_get_card_entry (quiz, id),
                                      dorsum_quiz_get_card_decks (quiz, id), DORSUM_GRADE_GOOD, now, NULL, NULL))
        g_error ("an answer could not be recorded");
      q = dorsum_quiz_generate (quiz, next, rand);
      g_array_append_val (answer, (double) { ms_since (start) });
    }
  g_print ("answer recorded and next question made, %u reviews stored: median %.3f ms, 99th percentile %.3f ms "
           "(target <= 16 ms with the frame)\n", N_REVIEWS, bench_median (answer), bench_percentile (answer, 0.99));
  g_clear_object (&store);

  for (guint r = 0; r < 15; r++)
    {
      start = g_get_monotonic_time ();
      g_clear_object (&store);
      store = dorsum_study_store_open (path, NULL);
      g_array_append_val (open, (double) { ms_since (start) });
    }
  g_clear_object (&store);
  g_print ("progress file opened (integrity check, migrations), %u reviews: median %.1f ms\n",
           N_REVIEWS + 101, bench_median (open));

  {
    g_autoptr(GPtrArray) decks = dorsum_quiz_list_decks (quiz);

    n_decks = decks->len;
  }
  for (guint r = 0; r < 15; r++)
    {
      start = g_get_monotonic_time ();
      open_study_page (path, quiz, now);
      g_array_append_val (page, (double) { ms_since (start) });
    }
  g_print ("Study page figures (open, due and retention for %u decks, mastery, streak), %u reviews: "
           "median %.1f ms, worst %.1f ms (target <= 50 ms)\n",
           n_decks, N_REVIEWS + 101, bench_median (page), bench_percentile (page, 1.0));

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (path, i == 1 ? "-wal" : i == 2 ? "-shm" : "", NULL);

      g_unlink (file);
    }
  g_rmdir (dir);

  return 0;
}
