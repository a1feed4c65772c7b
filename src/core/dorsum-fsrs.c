/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FSRS-5 as published by open-spaced-repetition (the algorithm of py-fsrs 5 and ts-fsrs 4,
 * the same formulas fsrs-rs gives Anki), without fuzz so that tests and seeds reproduce.
 * Learning steps are those of ts-fsrs's basic scheduler: a new card comes back after 1, 5
 * or 10 minutes (Again, Hard, Good), a card in (re)learning after 5 or 10 minutes (Again,
 * Hard); Good and Easy graduate it to days. Reviews on the day of the last one use the
 * short-term stability formula. */

#define G_LOG_DOMAIN "dorsum-fsrs"

#include "config.h"

#include <math.h>
#include <string.h>

#include "dorsum-fsrs.h"

#define DECAY (-0.5)
/* 0.9^(1/DECAY) - 1: makes the retrievability 90 % when t equals the stability. */
#define FACTOR (19.0 / 81.0)
#define S_MIN 0.01
#define MINUTE 60
#define DAY (24 * 60 * 60)

/* FSRS-5 defaults, as in py-fsrs 5 (DEFAULT_PARAMETERS) and ts-fsrs's FSRS-5 test. */
const double dorsum_fsrs_default_weights[DORSUM_FSRS_N_WEIGHTS] = {
  0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575,
  0.1192, 1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621,
};

typedef struct
{
  double stability;
  double difficulty;
} Memory;

static double
forgetting_curve (double elapsed_days,
                  double stability)
{
  return pow (1 + FACTOR * elapsed_days / stability, DECAY);
}

static double
init_stability (const DorsumFsrsParams *p,
                DorsumGrade             g)
{
  return MAX (p->w[g - 1], 0.1);
}

static double
init_difficulty_raw (const DorsumFsrsParams *p,
                     DorsumGrade             g)
{
  return p->w[4] - exp (p->w[5] * (g - 1)) + 1;
}

static double
clamp_difficulty (double d)
{
  return CLAMP (d, 1.0, 10.0);
}

/* Linear damping towards 10, then mean reversion towards the difficulty of a first Easy. */
static double
next_difficulty (const DorsumFsrsParams *p,
                 double                  d,
                 DorsumGrade             g)
{
  double delta = -p->w[6] * ((double)g - 3);
  double damped = d + delta * (10 - d) / 9;

  return clamp_difficulty (p->w[7] * init_difficulty_raw (p, DORSUM_GRADE_EASY) + (1 - p->w[7]) * damped);
}

static double
next_recall_stability (const DorsumFsrsParams *p,
                       double                  d,
                       double                  s,
                       double                  r,
                       DorsumGrade             g)
{
  double hard_penalty = g == DORSUM_GRADE_HARD ? p->w[15] : 1;
  double easy_bonus = g == DORSUM_GRADE_EASY ? p->w[16] : 1;

  return s * (1 + exp (p->w[8]) * (11 - d) * pow (s, -p->w[9]) *
              (exp ((1 - r) * p->w[10]) - 1) * hard_penalty * easy_bonus);
}

static double
next_forget_stability (const DorsumFsrsParams *p,
                       double                  d,
                       double                  s,
                       double                  r)
{
  double long_term = p->w[11] * pow (d, -p->w[12]) * (pow (s + 1, p->w[13]) - 1) * exp ((1 - r) * p->w[14]);
  double short_term = s / exp (p->w[17] * p->w[18]);

  return MIN (long_term, short_term);
}

static double
next_short_term_stability (const DorsumFsrsParams *p,
                           double                  s,
                           DorsumGrade             g)
{
  return s * exp (p->w[17] * ((double)g - 3 + p->w[18]));
}

static Memory
next_memory (const DorsumFsrsParams *p,
             const DorsumFsrsCard   *card,
             guint                   elapsed_days,
             DorsumGrade             g)
{
  Memory m;

  m.difficulty = next_difficulty (p, card->difficulty, g);

  if (elapsed_days == 0)
    m.stability = next_short_term_stability (p, card->stability, g);
  else
    {
      double r = forgetting_curve (elapsed_days, card->stability);

      if (g == DORSUM_GRADE_AGAIN)
        m.stability = next_forget_stability (p, card->difficulty, card->stability, r);
      else
        m.stability = next_recall_stability (p, card->difficulty, card->stability, r, g);
    }

  m.stability = MAX (m.stability, S_MIN);

  return m;
}

static guint
next_interval (const DorsumFsrsParams *p,
               double                  stability)
{
  double modifier = (pow (p->request_retention, 1 / DECAY) - 1) / FACTOR;
  double days = round (stability * modifier);

  return (guint)CLAMP (days, 1.0, (double)p->maximum_interval);
}

/**
 * dorsum_fsrs_params_init_default:
 *
 * FSRS-5's default weights, 90 % requested retention, a maximum interval of 100 years.
 */
void
dorsum_fsrs_params_init_default (DorsumFsrsParams *params)
{
  g_return_if_fail (params != NULL);

  memcpy (params->w, dorsum_fsrs_default_weights, sizeof params->w);
  params->request_retention = 0.9;
  params->maximum_interval = 36500;
}

/**
 * dorsum_fsrs_card_init:
 *
 * A card never reviewed, due at @now.
 */
void
dorsum_fsrs_card_init (DorsumFsrsCard *card,
                       gint64          now)
{
  g_return_if_fail (card != NULL);

  *card = (DorsumFsrsCard) { .state = DORSUM_FSRS_NEW, .due = now };
}

/**
 * dorsum_fsrs_schedule:
 * @params: (nullable): the parameters, or %NULL for the defaults
 *
 * The card after the answer @grade given at @now. Reviewing before the due time is
 * allowed (the elapsed time counts, as in FSRS); a @now before the last review is taken
 * as the same moment.
 *
 * Returns: the new state, with due, last review, reps and lapses updated
 */
DorsumFsrsCard
dorsum_fsrs_schedule (const DorsumFsrsParams *params,
                      const DorsumFsrsCard   *card,
                      DorsumGrade             grade,
                      gint64                  now)
{
  DorsumFsrsParams defaults;
  DorsumFsrsCard next;
  guint elapsed_days = 0;

  g_return_val_if_fail (card != NULL, (DorsumFsrsCard) { 0 });
  g_return_val_if_fail (grade >= DORSUM_GRADE_AGAIN && grade <= DORSUM_GRADE_EASY, *card);

  if (params == NULL)
    {
      dorsum_fsrs_params_init_default (&defaults);
      params = &defaults;
    }

  next = *card;
  if (card->state != DORSUM_FSRS_NEW && now > card->last_review)
    elapsed_days = (guint)((now - card->last_review) / DAY);

  next.reps++;
  next.last_review = MAX (now, card->last_review);
  now = next.last_review;

  switch (card->state)
    {
    case DORSUM_FSRS_NEW:
      next.stability = init_stability (params, grade);
      next.difficulty = clamp_difficulty (init_difficulty_raw (params, grade));
      if (grade == DORSUM_GRADE_EASY)
        {
          next.state = DORSUM_FSRS_REVIEW;
          next.scheduled_days = next_interval (params, next.stability);
          next.due = now + (gint64)next.scheduled_days * DAY;
        }
      else
        {
          next.state = DORSUM_FSRS_LEARNING;
          next.scheduled_days = 0;
          next.due = now + (grade == DORSUM_GRADE_AGAIN ? 1 : grade == DORSUM_GRADE_HARD ? 5 : 10) * MINUTE;
        }
      break;

    case DORSUM_FSRS_LEARNING:
    case DORSUM_FSRS_RELEARNING:
      {
        Memory m = next_memory (params, card, elapsed_days, grade);

        next.stability = m.stability;
        next.difficulty = m.difficulty;
        if (grade == DORSUM_GRADE_AGAIN || grade == DORSUM_GRADE_HARD)
          {
            next.scheduled_days = 0;
            next.due = now + (grade == DORSUM_GRADE_AGAIN ? 5 : 10) * MINUTE;
          }
        else
          {
            guint good = next_interval (params, next_memory (params, card, elapsed_days, DORSUM_GRADE_GOOD).stability);

            next.state = DORSUM_FSRS_REVIEW;
            next.scheduled_days = grade == DORSUM_GRADE_GOOD ? good : MAX (next_interval (params, m.stability), good + 1);
            next.scheduled_days = MIN (next.scheduled_days, params->maximum_interval);
            next.due = now + (gint64)next.scheduled_days * DAY;
          }
      }
      break;

    case DORSUM_FSRS_REVIEW:
      {
        Memory m = next_memory (params, card, elapsed_days, grade);

        next.stability = m.stability;
        next.difficulty = m.difficulty;
        if (grade == DORSUM_GRADE_AGAIN)
          {
            next.state = DORSUM_FSRS_RELEARNING;
            next.lapses++;
            next.scheduled_days = 0;
            next.due = now + 5 * MINUTE;
          }
        else
          {
            /* Hard ≤ Good < Easy, whatever the stabilities say. */
            guint hard = next_interval (params, next_memory (params, card, elapsed_days, DORSUM_GRADE_HARD).stability);
            guint good = next_interval (params, next_memory (params, card, elapsed_days, DORSUM_GRADE_GOOD).stability);
            guint easy = next_interval (params, next_memory (params, card, elapsed_days, DORSUM_GRADE_EASY).stability);

            hard = MIN (hard, good);
            good = MAX (good, hard + 1);
            easy = MAX (easy, good + 1);
            good = MIN (good, params->maximum_interval);
            easy = MIN (easy, params->maximum_interval);
            next.scheduled_days = grade == DORSUM_GRADE_HARD ? hard : grade == DORSUM_GRADE_GOOD ? good : easy;
            next.due = now + (gint64)next.scheduled_days * DAY;
          }
      }
      break;

    default:
      g_return_val_if_reached (*card);
    }

  return next;
}

/**
 * dorsum_fsrs_retrievability:
 * @params: (nullable): the parameters, or %NULL for the defaults
 *
 * The probability that the card is recalled at @now: 0 for a new card, 1 at its last
 * review, 0.9 (the default requested retention) when as many days as its stability have passed.
 */
double
dorsum_fsrs_retrievability (const DorsumFsrsParams *params,
                            const DorsumFsrsCard   *card,
                            gint64                  now)
{
  double elapsed;

  g_return_val_if_fail (card != NULL, 0);

  if (card->state == DORSUM_FSRS_NEW || card->stability <= 0)
    return 0;

  elapsed = MAX (0, now - card->last_review) / (double)DAY;

  return forgetting_curve (elapsed, card->stability);
}

const char *
dorsum_fsrs_state_to_string (DorsumFsrsState state)
{
  static const char * const names[] = { "new", "learning", "review", "relearning" };

  g_return_val_if_fail (state <= DORSUM_FSRS_RELEARNING, NULL);

  return names[state];
}

const char *
dorsum_grade_to_string (DorsumGrade grade)
{
  static const char * const names[] = { "again", "hard", "good", "easy" };

  g_return_val_if_fail (grade >= DORSUM_GRADE_AGAIN && grade <= DORSUM_GRADE_EASY, NULL);

  return names[grade - 1];
}
