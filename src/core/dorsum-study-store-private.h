/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Inside the study store: the connection and its prepared statements, shared by the file
 * that opens and writes progress and the file that reads it back as figures. */
#pragma once

#include <sqlite3.h>

#include "dorsum-study-store.h"

G_BEGIN_DECLS

struct _DorsumStudyStore
{
  GObject       parent_instance;

  char         *path;
  sqlite3      *db;
  sqlite3_stmt *select_card;
  sqlite3_stmt *upsert_card;
  sqlite3_stmt *insert_review;
};

/* Sets each card's counters from the review log (after a migration or an import). */
#define COUNT_REVIEWS \
  "UPDATE cards SET " \
  "  n_reviews = (SELECT count (*) FROM reviews WHERE card = cards.id), " \
  "  n_learned = (SELECT count (*) FROM reviews WHERE card = cards.id AND state = 2), " \
  "  n_kept = (SELECT count (*) FROM reviews WHERE card = cards.id AND state = 2 AND grade > 1);"

/* Statements filter by deck with ?1 (NULL for every card). */
#define DECK_FILTER "(?1 IS NULL OR instr (cards.decks, ' ' || ?1 || ' ') > 0)"

gboolean          dorsum_study_store_set_db_error  (sqlite3            *db,
                                                    const char         *path,
                                                    GError            **error);
gboolean          dorsum_study_store_exec          (DorsumStudyStore   *self,
                                                    const char         *sql,
                                                    GError            **error);
sqlite3_stmt     *dorsum_study_store_prepare       (DorsumStudyStore   *self,
                                                    const char         *sql,
                                                    GError            **error);
void              dorsum_study_store_read_card     (sqlite3_stmt       *stmt,
                                                    int                 first,
                                                    DorsumFsrsCard     *card);
DorsumStudyStore *dorsum_study_store_open_checked  (const char         *path,
                                                    gboolean            may_set_aside,
                                                    GError            **error);

G_END_DECLS
