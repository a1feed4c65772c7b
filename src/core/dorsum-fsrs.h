/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FSRS-5, the Free Spaced Repetition Scheduler that Anki uses, with its published default
 * parameters: the memory state of one study card and when to show it again. No I/O. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  DORSUM_FSRS_NEW,
  DORSUM_FSRS_LEARNING,
  DORSUM_FSRS_REVIEW,
  DORSUM_FSRS_RELEARNING,
} DorsumFsrsState;

/* The four answer buttons; the values are FSRS's ratings (1–4). */
typedef enum {
  DORSUM_GRADE_AGAIN = 1,
  DORSUM_GRADE_HARD  = 2,
  DORSUM_GRADE_GOOD  = 3,
  DORSUM_GRADE_EASY  = 4,
} DorsumGrade;

#define DORSUM_FSRS_N_WEIGHTS 19

/* Times are seconds since the Unix epoch (UTC); stability and intervals are in days. */
typedef struct
{
  double           stability;       /* days until retrievability falls to 90 % */
  double           difficulty;      /* 1 (easy) … 10 (hard) */
  gint64           due;
  gint64           last_review;     /* 0 for a new card */
  DorsumFsrsState  state;
  guint            reps;
  guint            lapses;          /* times forgotten after it was learned */
  guint            scheduled_days;  /* the interval given at the last review; 0 within a day */
} DorsumFsrsCard;

typedef struct
{
  double w[DORSUM_FSRS_N_WEIGHTS];
  double request_retention;         /* the probability of recall aimed at when due, 0.7–0.97 */
  guint  maximum_interval;          /* days */
} DorsumFsrsParams;

extern const double dorsum_fsrs_default_weights[DORSUM_FSRS_N_WEIGHTS];

void            dorsum_fsrs_params_init_default (DorsumFsrsParams       *params);
void            dorsum_fsrs_card_init           (DorsumFsrsCard         *card,
                                                 gint64                  now);
DorsumFsrsCard  dorsum_fsrs_schedule            (const DorsumFsrsParams *params,
                                                 const DorsumFsrsCard   *card,
                                                 DorsumGrade             grade,
                                                 gint64                  now);
double          dorsum_fsrs_retrievability      (const DorsumFsrsParams *params,
                                                 const DorsumFsrsCard   *card,
                                                 gint64                  now);
const char     *dorsum_fsrs_state_to_string     (DorsumFsrsState         state);
const char     *dorsum_grade_to_string          (DorsumGrade             grade);

G_END_DECLS
