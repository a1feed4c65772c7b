/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The FSRS-5 scheduler against the reference implementation's published test values, and
 * the properties a student relies on: Good spaces a card out, Again brings it back. */

#include "config.h"

#include <math.h>

#include <glib.h>

#include "dorsum-fsrs.h"

#define DAY (24 * 60 * 60)

/* 2022-12-29 12:30, the start time of the reference tests. */
static gint64
reference_start (void)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (2022, 12, 29, 12, 30, 0);

  return g_date_time_to_unix (start);
}

/* Expected values from open-spaced-repetition/ts-fsrs, __tests__/FSRS-5.test.ts
 * (commit 1452942b667468c456105615979a7aaab121e1a9), test "first repeat": a new card's
 * stability and difficulty after each grade, and the 16-day first interval for Easy. */
static void
test_first_repeat (void)
{
  const double stability[] = { 0.40255, 1.18385, 3.173, 15.69105 };
  const double difficulty[] = { 7.1949, 6.48830527, 5.28243442, 3.22450159 };
  const guint scheduled[] = { 0, 0, 0, 16 };
  const DorsumFsrsState states[] = {
    DORSUM_FSRS_LEARNING, DORSUM_FSRS_LEARNING, DORSUM_FSRS_LEARNING, DORSUM_FSRS_REVIEW,
  };
  gint64 now = reference_start ();
  DorsumFsrsCard card;

  dorsum_fsrs_card_init (&card, now);
  for (DorsumGrade g = DORSUM_GRADE_AGAIN; g <= DORSUM_GRADE_EASY; g++)
    {
      DorsumFsrsCard next = dorsum_fsrs_schedule (NULL, &card, g, now);

      g_assert_cmpfloat_with_epsilon (next.stability, stability[g - 1], 1e-6);
      g_assert_cmpfloat_with_epsilon (next.difficulty, difficulty[g - 1], 1e-6);
      g_assert_cmpuint (next.scheduled_days, ==, scheduled[g - 1]);
      g_assert_cmpint (next.state, ==, states[g - 1]);
      g_assert_cmpuint (next.reps, ==, 1);
      g_assert_cmpuint (next.lapses, ==, 0);
      g_assert_cmpint (next.last_review, ==, now);
      g_assert_cmpint (next.due, ==, now + (g == DORSUM_GRADE_EASY ? 16 * DAY : g == DORSUM_GRADE_AGAIN ? 60 : g == DORSUM_GRADE_HARD ? 300 : 600));
    }
}

/* ts-fsrs __tests__/FSRS-5.test.ts, "ivl_history": each card reviewed when due. */
static void
test_interval_history (void)
{
  const DorsumGrade grades[] = {
    DORSUM_GRADE_GOOD, DORSUM_GRADE_GOOD, DORSUM_GRADE_GOOD, DORSUM_GRADE_GOOD, DORSUM_GRADE_GOOD,
    DORSUM_GRADE_GOOD, DORSUM_GRADE_AGAIN, DORSUM_GRADE_AGAIN, DORSUM_GRADE_GOOD, DORSUM_GRADE_GOOD,
    DORSUM_GRADE_GOOD, DORSUM_GRADE_GOOD, DORSUM_GRADE_GOOD,
  };
  const guint expected[] = { 0, 4, 14, 44, 125, 328, 0, 0, 7, 16, 34, 71, 142 };
  gint64 now = reference_start ();
  DorsumFsrsCard card;

  G_STATIC_ASSERT (G_N_ELEMENTS (grades) == G_N_ELEMENTS (expected));

  dorsum_fsrs_card_init (&card, now);
  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    {
      card = dorsum_fsrs_schedule (NULL, &card, grades[i], now);
      g_test_message ("review %u: interval %u, stability %.4f, difficulty %.4f",
                      i, card.scheduled_days, card.stability, card.difficulty);
      g_assert_cmpuint (card.scheduled_days, ==, expected[i]);
      now = card.due;
    }
  g_assert_cmpuint (card.lapses, ==, 1);
  g_assert_cmpuint (card.reps, ==, G_N_ELEMENTS (grades));
}

/* ts-fsrs __tests__/FSRS-5.test.ts, "memory state": Again, then Good at 0, 0, 1, 3, 8 and
 * 21 days apart; the state after one more Good is stability 48.717, difficulty 7.0866. */
static void
test_memory_state (void)
{
  const DorsumGrade grades[] = {
    DORSUM_GRADE_AGAIN, DORSUM_GRADE_GOOD, DORSUM_GRADE_GOOD, DORSUM_GRADE_GOOD, DORSUM_GRADE_GOOD, DORSUM_GRADE_GOOD,
  };
  const guint days[] = { 0, 0, 1, 3, 8, 21 };
  gint64 now = reference_start ();
  DorsumFsrsCard card;

  dorsum_fsrs_card_init (&card, now);
  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    {
      card = dorsum_fsrs_schedule (NULL, &card, grades[i], now);
      now += days[i] * DAY;
    }
  card = dorsum_fsrs_schedule (NULL, &card, DORSUM_GRADE_GOOD, now);

  g_assert_cmpfloat_with_epsilon (card.stability, 48.717, 1e-3);
  g_assert_cmpfloat_with_epsilon (card.difficulty, 7.0866, 1e-4);
}

static void
test_retrievability (void)
{
  gint64 now = reference_start ();
  DorsumFsrsCard card;

  dorsum_fsrs_card_init (&card, now);
  g_assert_cmpfloat (dorsum_fsrs_retrievability (NULL, &card, now), ==, 0);

  card = dorsum_fsrs_schedule (NULL, &card, DORSUM_GRADE_EASY, now);
  g_assert_cmpfloat_with_epsilon (dorsum_fsrs_retrievability (NULL, &card, now), 1, 1e-9);
  /* 90 % after as many days as the stability: the definition of stability. */
  g_assert_cmpfloat_with_epsilon (dorsum_fsrs_retrievability (NULL, &card, now + (gint64)(card.stability * DAY)),
                                  0.9, 1e-4);
  g_assert_cmpfloat (dorsum_fsrs_retrievability (NULL, &card, now + 100 * DAY), <,
                     dorsum_fsrs_retrievability (NULL, &card, now + 10 * DAY));
}

/* Good, given when due, always spaces the card further; Again always brings it back sooner;
 * and of the four buttons Hard ≤ Good < Easy. Over a seeded random history. */
static void
test_monotonic (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);

  for (guint trial = 0; trial < 200; trial++)
    {
      gint64 now = reference_start ();
      DorsumFsrsCard card;

      dorsum_fsrs_card_init (&card, now);
      card = dorsum_fsrs_schedule (NULL, &card, g_rand_int_range (rand, 1, 5), now);
      now = card.due;

      for (guint i = 0; i < 12; i++)
        {
          DorsumGrade g = g_rand_int_range (rand, 1, 5);
          DorsumFsrsCard next[4];

          for (DorsumGrade k = DORSUM_GRADE_AGAIN; k <= DORSUM_GRADE_EASY; k++)
            next[k - 1] = dorsum_fsrs_schedule (NULL, &card, k, now);

          g_assert_cmpint (next[0].due, <, next[1].due);
          g_assert_cmpint (next[1].due, <=, next[2].due);
          g_assert_cmpint (next[2].due, <=, next[3].due);
          g_assert_cmpfloat (next[0].stability, <, next[2].stability);

          if (card.state == DORSUM_FSRS_REVIEW)
            {
              /* Good when due: a longer interval than the last one, a higher stability. */
              g_assert_cmpuint (next[2].scheduled_days, >=, card.scheduled_days);
              g_assert_cmpfloat (next[2].stability, >, card.stability);
              /* Again: back within minutes, a lower stability, one more lapse. */
              g_assert_cmpuint (next[0].scheduled_days, ==, 0);
              g_assert_cmpfloat (next[0].stability, <, card.stability);
              g_assert_cmpuint (next[0].lapses, ==, card.lapses + 1);
              g_assert_cmpint (next[0].state, ==, DORSUM_FSRS_RELEARNING);
            }

          g_assert_cmpfloat (next[g - 1].difficulty, >=, 1);
          g_assert_cmpfloat (next[g - 1].difficulty, <=, 10);
          card = next[g - 1];
          now = card.due;
        }
    }

  /* Only Good: every interval longer than the one before. */
  {
    gint64 now = reference_start ();
    DorsumFsrsCard card;
    guint last = 0;

    dorsum_fsrs_card_init (&card, now);
    for (guint i = 0; i < 10; i++)
      {
        card = dorsum_fsrs_schedule (NULL, &card, DORSUM_GRADE_GOOD, now);
        if (i > 0)
          g_assert_cmpuint (card.scheduled_days, >, last);
        last = card.scheduled_days;
        now = card.due;
      }
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fsrs/first-repeat", test_first_repeat);
  g_test_add_func ("/fsrs/interval-history", test_interval_history);
  g_test_add_func ("/fsrs/memory-state", test_memory_state);
  g_test_add_func ("/fsrs/retrievability", test_retrievability);
  g_test_add_func ("/fsrs/monotonic", test_monotonic);

  return g_test_run ();
}
