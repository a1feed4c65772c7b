/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the Study page shows from the progress file: due counts, reviews and retention per
 * deck and per muscle, mastery, the streak; and progress exported to and imported from a file.
 *
 * Export writes a consistent copy of the database itself (VACUUM INTO) rather than XML or
 * JSON: no new dependency (JSON would need json-glib), nothing lost in translation, and
 * import reads it back through the same checks and migrations as opening. */

#define G_LOG_DOMAIN "dorsum-study-store"

#include "config.h"

#include <errno.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dorsum-study-store-private.h"

/* Local midnight at the start of the day of @now, and of the next day. */
static void
day_bounds (gint64  now,
            gint64 *start,
            gint64 *end)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_local (now);
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (t),
                                                         g_date_time_get_month (t),
                                                         g_date_time_get_day_of_month (t), 0, 0, 0);
  g_autoptr(GDateTime) next = g_date_time_add_days (midnight, 1);

  *start = g_date_time_to_unix (midnight);
  *end = g_date_time_to_unix (next);
}

/* The statements below filter by deck (?1 NULL for every card) or by entry. */

static gboolean
get_stats (DorsumStudyStore  *self,
           const char        *filter,
           const char        *value,
           gint64             now,
           DorsumStudyStats  *stats,
           GError           **error)
{
  g_autofree char *card_sql = NULL;
  g_autofree char *review_sql = NULL;
  sqlite3_stmt *stmt;
  gint64 start, end;
  guint learned = 0, kept = 0;

  day_bounds (now, &start, &end);
  *stats = (DorsumStudyStats) { .retention = -1 };

  /* The counters on each card make this a pass over the cards, not the review log. */
  card_sql = g_strdup_printf ("SELECT count (*), total (due < ?2), total (introduced >= ?3), total (n_reviews), "
                              "  total (n_learned), total (n_kept) "
                              "FROM cards WHERE %s", filter);
  if (!(stmt = dorsum_study_store_prepare (self, card_sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, end);
  sqlite3_bind_int64 (stmt, 3, start);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      stats->cards = sqlite3_column_int (stmt, 0);
      stats->due = sqlite3_column_int (stmt, 1);
      stats->new_today = sqlite3_column_int (stmt, 2);
      stats->reviews = sqlite3_column_int (stmt, 3);
      learned = sqlite3_column_int (stmt, 4);
      kept = sqlite3_column_int (stmt, 5);
    }
  sqlite3_finalize (stmt);

  /* Today's answers only, through the index on time. */
  review_sql = g_strdup_printf ("SELECT count (*) FROM reviews INDEXED BY reviews_time "
                                "JOIN cards ON cards.id = reviews.card WHERE reviews.time >= ?2 AND %s", filter);
  if (!(stmt = dorsum_study_store_prepare (self, review_sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, start);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return dorsum_study_store_set_db_error (self->db, self->path, error);
    }
  stats->reviews_today = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (learned > 0)
    stats->retention = (double)kept / learned;

  return TRUE;
}

/**
 * dorsum_study_store_get_stats:
 * @deck: (nullable): one deck, or %NULL for all cards
 * @stats: (out): reviews, retention and due counts; days are local days of @now
 */
gboolean
dorsum_study_store_get_stats (DorsumStudyStore  *self,
                              const char        *deck,
                              gint64             now,
                              DorsumStudyStats  *stats,
                              GError           **error)
{
  g_return_val_if_fail (DORSUM_IS_STUDY_STORE (self), FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  return get_stats (self, DECK_FILTER, deck, now, stats, error);
}

static DorsumStudyStats *
stats_for (GHashTable *table,
           const char *deck)
{
  DorsumStudyStats *stats = g_hash_table_lookup (table, deck);

  if (stats == NULL)
    {
      stats = g_new0 (DorsumStudyStats, 1);
      stats->retention = -1;
      g_hash_table_insert (table, g_strdup (deck), stats);
    }

  return stats;
}

/**
 * dorsum_study_store_get_deck_stats:
 *
 * The figures of dorsum_study_store_get_stats() for every deck at once, in one read of
 * the cards (what the Study page shows on opening). Decks with no card studied are absent.
 *
 * Returns: (transfer full) (element-type utf8 DorsumStudyStats): deck id → figures;
 *   "all" holds the figures over every card
 */
GHashTable *
dorsum_study_store_get_deck_stats (DorsumStudyStore  *self,
                                   gint64             now,
                                   GError           **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) learned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  gpointer key, value;
  gint64 start, end;
  int rc;

  g_return_val_if_fail (DORSUM_IS_STUDY_STORE (self), NULL);

  day_bounds (now, &start, &end);

  for (guint pass = 0; pass < 2; pass++)
    {
      const char *sql = pass == 0
        ? "SELECT decks, due < ?1, introduced >= ?2, n_reviews, n_learned, n_kept FROM cards"
        : "SELECT cards.decks FROM reviews INDEXED BY reviews_time JOIN cards ON cards.id = reviews.card "
          "WHERE reviews.time >= ?2";

      if (!(stmt = dorsum_study_store_prepare (self, sql, error)))
        return NULL;
      if (pass == 0)
        sqlite3_bind_int64 (stmt, 1, end);
      sqlite3_bind_int64 (stmt, 2, start);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_auto(GStrv) decks = g_strsplit ((const char *)sqlite3_column_text (stmt, 0), " ", -1);

          for (int d = -1; d < 0 || decks[d]; d++)
            {
              const char *deck = d < 0 ? "all" : decks[d];
              DorsumStudyStats *stats;
              guint *counts;

              if (*deck == '\0')
                continue;

              stats = stats_for (table, deck);
              if (pass == 1)
                {
                  stats->reviews_today++;
                  continue;
                }

              stats->cards++;
              stats->due += sqlite3_column_int (stmt, 1);
              stats->new_today += sqlite3_column_int (stmt, 2);
              stats->reviews += sqlite3_column_int (stmt, 3);
              if (!(counts = g_hash_table_lookup (learned, deck)))
                g_hash_table_insert (learned, g_strdup (deck), (counts = g_new0 (guint, 2)));
              counts[0] += sqlite3_column_int (stmt, 4);
              counts[1] += sqlite3_column_int (stmt, 5);
            }
        }
      sqlite3_finalize (stmt);

      if (rc != SQLITE_DONE)
        {
          dorsum_study_store_set_db_error (self->db, self->path, error);
          return NULL;
        }
    }

  g_hash_table_iter_init (&iter, learned);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const guint *counts = value;

      if (counts[0] > 0)
        stats_for (table, key)->retention = (double)counts[1] / counts[0];
    }

  return g_steal_pointer (&table);
}

/**
 * dorsum_study_store_get_entry_stats:
 * @entry_id: a muscle (or other entry) id
 * @stats: (out): the same figures over the cards about that entry
 */
gboolean
dorsum_study_store_get_entry_stats (DorsumStudyStore  *self,
                                    const char        *entry_id,
                                    gint64             now,
                                    DorsumStudyStats  *stats,
                                    GError           **error)
{
  g_return_val_if_fail (DORSUM_IS_STUDY_STORE (self), FALSE);
  g_return_val_if_fail (entry_id != NULL && stats != NULL, FALSE);

  return get_stats (self, "cards.entry = ?1", entry_id, now, stats, error);
}

/**
 * dorsum_study_store_get_mastery:
 *
 * How well each entry is known at @now: the mean FSRS retrievability of its answered cards,
 * 0–1. Entries never studied are absent (unknown, rather than known to be forgotten).
 *
 * Returns: (transfer full) (element-type utf8 double): entry id → pointer to a double
 */
GHashTable *
dorsum_study_store_get_mastery (DorsumStudyStore  *self,
                                gint64             now,
                                GError           **error)
{
  g_autoptr(GHashTable) sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTable *mastery;
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DORSUM_IS_STUDY_STORE (self), NULL);

  if (!(stmt = dorsum_study_store_prepare (self, "SELECT entry, state, stability, difficulty, due, last_review, reps, lapses, "
                              "scheduled_days FROM cards", error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *entry = (const char *)sqlite3_column_text (stmt, 0);
      double *sum = g_hash_table_lookup (sums, entry);
      DorsumFsrsCard card;

      if (sum == NULL)
        {
          sum = g_new0 (double, 2);
          g_hash_table_insert (sums, g_strdup (entry), sum);
        }
      dorsum_study_store_read_card (stmt, 1, &card);
      sum[0] += dorsum_fsrs_retrievability (NULL, &card, now);
      sum[1] += 1;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      dorsum_study_store_set_db_error (self->db, self->path, error);
      return NULL;
    }

  mastery = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, sums);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const double *sum = value;
      double *m = g_new (double, 1);

      *m = sum[0] / sum[1];
      g_hash_table_insert (mastery, g_strdup (key), m);
    }

  return mastery;
}

/**
 * dorsum_study_store_get_streak:
 * @days: (out): consecutive local days with at least one answer, ending today, or
 *   yesterday when nothing has been answered yet today (the streak is not lost until the day ends)
 */
gboolean
dorsum_study_store_get_streak (DorsumStudyStore  *self,
                               gint64             now,
                               guint             *days,
                               GError           **error)
{
  sqlite3_stmt *stmt;
  gint64 start, end;
  guint streak = 0;
  int rc;

  g_return_val_if_fail (DORSUM_IS_STUDY_STORE (self), FALSE);
  g_return_val_if_fail (days != NULL, FALSE);

  /* Walk back one local day at a time; each step is one indexed lookup. */
  day_bounds (now, &start, &end);
  if (!(stmt = dorsum_study_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM reviews WHERE time >= ?1 AND time < ?2)", error)))
    return FALSE;

  for (guint back = 0; ; back++)
    {
      g_autoptr(GDateTime) day_end = g_date_time_new_from_unix_local (end);
      g_autoptr(GDateTime) day_start = g_date_time_new_from_unix_local (start);
      gboolean any;

      sqlite3_bind_int64 (stmt, 1, start);
      sqlite3_bind_int64 (stmt, 2, end);
      rc = sqlite3_step (stmt);
      any = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        break;

      if (any)
        streak++;
      else if (back > 0)
        break;

      /* Days are not always 24 hours long: step by the calendar. */
      {
        g_autoptr(GDateTime) prev_start = g_date_time_add_days (day_start, -1);

        end = start;
        start = g_date_time_to_unix (prev_start);
      }
      (void)day_end;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW)
    return dorsum_study_store_set_db_error (self->db, self->path, error);

  *days = streak;

  return TRUE;
}

/**
 * dorsum_study_store_export:
 * @path: where to write; an existing file there is replaced only once the copy is complete
 *
 * Writes a compact, consistent copy of the progress file, which import (here or on another
 * computer) reads back.
 */
gboolean
dorsum_study_store_export (DorsumStudyStore  *self,
                           const char        *path,
                           GError           **error)
{
  g_autofree char *tmp = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DORSUM_IS_STUDY_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  tmp = g_strdup_printf ("%s.part-%d", path, (int)getpid ());
  g_unlink (tmp);

  if (!(stmt = dorsum_study_store_prepare (self, "VACUUM INTO ?1", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, tmp, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, DORSUM_STUDY_STORE_ERROR, DORSUM_STUDY_STORE_ERROR_IO,
                   _("%s: the study progress could not be exported: %s"), path, sqlite3_errmsg (self->db));
      g_unlink (tmp);
      return FALSE;
    }

  if (g_rename (tmp, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, DORSUM_STUDY_STORE_ERROR, DORSUM_STUDY_STORE_ERROR_IO,
                   _("%s: the study progress could not be exported: %s"), path, g_strerror (saved_errno));
      g_unlink (tmp);
      return FALSE;
    }

  return TRUE;
}

/**
 * dorsum_study_store_import:
 * @path: a file written by dorsum_study_store_export() (or a progress file itself)
 * @n_reviews: (out) (optional): how many answers were new here
 *
 * Merges progress from another file: its answers are added (those already here are not
 * counted twice) and each card takes whichever state was reviewed last. The file is checked
 * and migrated on a private copy first; it is never changed, and a bad file changes nothing here.
 */
gboolean
dorsum_study_store_import (DorsumStudyStore  *self,
                           const char        *path,
                           guint             *n_reviews,
                           GError           **error)
{
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(DorsumStudyStore) other = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *copy_path = NULL;
  sqlite3_stmt *attach = NULL;
  gboolean ok = FALSE;
  int changes = 0;

  g_return_val_if_fail (DORSUM_IS_STUDY_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  dir = g_path_get_dirname (self->path);
  copy_path = g_strdup_printf ("%s/import-%d-%" G_GINT64_FORMAT ".sqlite", dir, (int)getpid (), g_get_real_time ());
  source = g_file_new_for_path (path);
  copy = g_file_new_for_path (copy_path);

  if (!g_file_copy (source, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
    return FALSE;

  if (!(other = dorsum_study_store_open_checked (copy_path, FALSE, error)))
    {
      /* Name the file the user chose, not our copy. */
      if (error && *error)
        {
          g_autofree char *message = g_strdup ((*error)->message);
          g_autofree char *fixed = NULL;
          g_auto(GStrv) parts = g_strsplit (message, copy_path, -1);

          fixed = g_strjoinv (path, parts);
          g_free ((*error)->message);
          (*error)->message = g_steal_pointer (&fixed);
        }
      goto out;
    }
  g_clear_object (&other);

  if (!(attach = dorsum_study_store_prepare (self, "ATTACH ?1 AS import", error)))
    goto out;
  sqlite3_bind_text (attach, 1, copy_path, -1, SQLITE_STATIC);
  if (sqlite3_step (attach) != SQLITE_DONE)
    {
      dorsum_study_store_set_db_error (self->db, self->path, error);
      goto out;
    }

  if (!dorsum_study_store_exec (self, "BEGIN IMMEDIATE", error))
    goto detach;

  if (!dorsum_study_store_exec (self,
             "INSERT INTO main.reviews (card, time, grade, state, elapsed_days, scheduled_days) "
             "SELECT card, time, grade, state, elapsed_days, scheduled_days FROM import.reviews AS r "
             "WHERE NOT EXISTS (SELECT 1 FROM main.reviews AS m "
             "                  WHERE m.card = r.card AND m.time = r.time AND m.grade = r.grade) "
             "ORDER BY r.time, r.id", error))
    goto rollback;
  changes = sqlite3_changes (self->db);

  if (!dorsum_study_store_exec (self,
             "INSERT INTO main.cards (id, entry, decks, state, stability, difficulty, due, last_review, reps, "
             "                        lapses, scheduled_days, introduced) "
             "SELECT id, entry, decks, state, stability, difficulty, due, last_review, reps, lapses, "
             "       scheduled_days, introduced FROM import.cards WHERE true "
             "ON CONFLICT (id) DO UPDATE SET "
             "  state = CASE WHEN excluded.last_review > last_review THEN excluded.state ELSE state END, "
             "  stability = CASE WHEN excluded.last_review > last_review THEN excluded.stability ELSE stability END, "
             "  difficulty = CASE WHEN excluded.last_review > last_review THEN excluded.difficulty ELSE difficulty END, "
             "  due = CASE WHEN excluded.last_review > last_review THEN excluded.due ELSE due END, "
             "  reps = CASE WHEN excluded.last_review > last_review THEN excluded.reps ELSE reps END, "
             "  lapses = CASE WHEN excluded.last_review > last_review THEN excluded.lapses ELSE lapses END, "
             "  scheduled_days = CASE WHEN excluded.last_review > last_review THEN excluded.scheduled_days "
             "                   ELSE scheduled_days END, "
             "  introduced = min (introduced, excluded.introduced), "
             "  last_review = max (last_review, excluded.last_review)", error) ||
      !dorsum_study_store_exec (self, COUNT_REVIEWS, error))
    goto rollback;

  if (!dorsum_study_store_exec (self, "COMMIT", error))
    goto rollback;

  ok = TRUE;
  goto detach;

rollback:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
detach:
  sqlite3_exec (self->db, "DETACH import", NULL, NULL, NULL);
out:
  g_clear_pointer (&attach, sqlite3_finalize);
  g_clear_object (&other);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (copy_path, i == 1 ? "-wal" : i == 2 ? "-shm" : "", NULL);

      g_unlink (file);
    }

  if (ok && n_reviews)
    *n_reviews = changes;

  return ok;
}
