/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The student's progress: each study card's FSRS state and every answer, in an SQLite
 * file in the user's data directory. One transaction per answer; nothing is ever reset. */
#pragma once

#include <gio/gio.h>

#include "dorsum-fsrs.h"

G_BEGIN_DECLS

#define DORSUM_STUDY_STORE_ERROR (dorsum_study_store_error_quark ())

typedef enum {
  DORSUM_STUDY_STORE_ERROR_IO,          /* the file or its folder cannot be made, read or written */
  DORSUM_STUDY_STORE_ERROR_UNREADABLE,  /* not a database, damaged, or not Dorsum's: moved aside */
  DORSUM_STUDY_STORE_ERROR_TOO_NEW,     /* written by a newer Dorsum: moved aside */
  DORSUM_STUDY_STORE_ERROR_FAILED,      /* a statement failed (disk full, locked too long, …) */
  DORSUM_STUDY_STORE_ERROR_NOT_PROGRESS, /* import: the file is not a Dorsum progress file */
} DorsumStudyStoreError;

/* The schema this build writes; PRAGMA user_version holds it. */
#define DORSUM_STUDY_SCHEMA_VERSION 3

typedef struct
{
  guint  cards;          /* cards answered at least once */
  guint  due;            /* of those, due before the end of the day (local time) */
  guint  new_today;      /* cards answered for the first time today */
  guint  reviews;        /* answers given */
  guint  reviews_today;
  double retention;      /* share of answers on learned cards graded Hard or better; -1 when none */
} DorsumStudyStats;

#define DORSUM_TYPE_STUDY_STORE (dorsum_study_store_get_type())

G_DECLARE_FINAL_TYPE (DorsumStudyStore, dorsum_study_store, DORSUM, STUDY_STORE, GObject)

GQuark            dorsum_study_store_error_quark   (void);
char             *dorsum_study_store_get_default_path (void);
DorsumStudyStore *dorsum_study_store_open          (const char        *path,
                                                    GError           **error);
const char       *dorsum_study_store_get_path      (DorsumStudyStore  *self);
gboolean          dorsum_study_store_lookup_card   (DorsumStudyStore  *self,
                                                    const char        *card_id,
                                                    DorsumFsrsCard    *card,
                                                    gboolean          *found,
                                                    GError           **error);
gboolean          dorsum_study_store_answer        (DorsumStudyStore  *self,
                                                    const char        *card_id,
                                                    const char        *entry_id,
                                                    const char * const *decks,
                                                    DorsumGrade        grade,
                                                    gint64             now,
                                                    DorsumFsrsCard    *card,
                                                    GError           **error);
GHashTable       *dorsum_study_store_get_cards     (DorsumStudyStore  *self,
                                                    const char        *deck,
                                                    GError           **error);
GPtrArray        *dorsum_study_store_list_due      (DorsumStudyStore  *self,
                                                    const char        *deck,
                                                    gint64             now,
                                                    GError           **error);
gboolean          dorsum_study_store_get_stats     (DorsumStudyStore  *self,
                                                    const char        *deck,
                                                    gint64             now,
                                                    DorsumStudyStats  *stats,
                                                    GError           **error);
GHashTable       *dorsum_study_store_get_deck_stats (DorsumStudyStore *self,
                                                    gint64             now,
                                                    GError           **error);
gboolean          dorsum_study_store_get_entry_stats (DorsumStudyStore *self,
                                                    const char        *entry_id,
                                                    gint64             now,
                                                    DorsumStudyStats  *stats,
                                                    GError           **error);
GHashTable       *dorsum_study_store_get_mastery   (DorsumStudyStore  *self,
                                                    gint64             now,
                                                    GError           **error);
gboolean          dorsum_study_store_get_streak    (DorsumStudyStore  *self,
                                                    gint64             now,
                                                    guint             *days,
                                                    GError           **error);
gboolean          dorsum_study_store_export        (DorsumStudyStore  *self,
                                                    const char        *path,
                                                    GError           **error);
gboolean          dorsum_study_store_import        (DorsumStudyStore  *self,
                                                    const char        *path,
                                                    guint             *n_reviews,
                                                    GError           **error);

G_END_DECLS
