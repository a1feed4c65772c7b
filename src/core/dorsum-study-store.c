/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Progress lives in SQLite in WAL mode: an answer is one transaction (its review row and
 * the card's new state), so a crash loses at most the answer being written. A file that
 * cannot be trusted is renamed aside with the reason, never emptied. */

#define G_LOG_DOMAIN "dorsum-study-store"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dorsum-study-store-private.h"

/* "Dors": tells a Dorsum progress file from any other SQLite file. */
#define APPLICATION_ID 0x446f7273

G_DEFINE_FINAL_TYPE (DorsumStudyStore, dorsum_study_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (dorsum-study-store-error-quark, dorsum_study_store_error)

/* migrations[v] takes a database from schema version v to v + 1. */
static const char * const migrations[DORSUM_STUDY_SCHEMA_VERSION] = {
  /* 0 → 1: cards and the review log. decks is " deck deck … ", spaces around each. */
  "CREATE TABLE cards ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  entry TEXT NOT NULL,"
  "  decks TEXT NOT NULL,"
  "  state INTEGER NOT NULL,"
  "  stability REAL NOT NULL,"
  "  difficulty REAL NOT NULL,"
  "  due INTEGER NOT NULL,"
  "  last_review INTEGER NOT NULL,"
  "  reps INTEGER NOT NULL,"
  "  lapses INTEGER NOT NULL,"
  "  scheduled_days INTEGER NOT NULL,"
  "  introduced INTEGER NOT NULL);"
  "CREATE TABLE reviews ("
  "  id INTEGER PRIMARY KEY,"
  "  card TEXT NOT NULL,"
  "  time INTEGER NOT NULL,"
  "  grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 4),"
  "  state INTEGER NOT NULL,"
  "  elapsed_days INTEGER NOT NULL,"
  "  scheduled_days INTEGER NOT NULL);"
  "CREATE INDEX reviews_card ON reviews (card);",

  /* 1 → 2: what the Study page asks for at every frame: due cards, today's reviews, a muscle. */
  "CREATE INDEX cards_due ON cards (due);"
  "CREATE INDEX cards_entry ON cards (entry);"
  "CREATE INDEX reviews_time ON reviews (time);",

  /* 2 → 3: counters on each card, so figures per deck need not read the whole log. */
  "ALTER TABLE cards ADD COLUMN n_reviews INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE cards ADD COLUMN n_learned INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE cards ADD COLUMN n_kept INTEGER NOT NULL DEFAULT 0;"
  COUNT_REVIEWS,
};

gboolean
dorsum_study_store_set_db_error (sqlite3     *db,
              const char  *path,
              GError     **error)
{
  g_set_error (error, DORSUM_STUDY_STORE_ERROR, DORSUM_STUDY_STORE_ERROR_FAILED,
               _("%s: the study progress could not be read or saved: %s"), path, sqlite3_errmsg (db));
  return FALSE;
}

gboolean
dorsum_study_store_exec (DorsumStudyStore  *self,
      const char        *sql,
      GError           **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return dorsum_study_store_set_db_error (self->db, self->path, error);

  return TRUE;
}

sqlite3_stmt *
dorsum_study_store_prepare (DorsumStudyStore  *self,
         const char        *sql,
         GError           **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      dorsum_study_store_set_db_error (self->db, self->path, error);
      return NULL;
    }

  return stmt;
}

/* The first column of a one-row query as an integer, or FALSE with @code set when the
 * file is no database at all. */
static gboolean
query_int (sqlite3    *db,
           const char *sql,
           gint64     *value,
           int        *code)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  *value = 0;
  if ((rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL)) == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  *code = rc;

  return rc == SQLITE_OK;
}

/* "ok", or the first problem found, or why the check could not run. The full
 * integrity_check also compares every index with its table, which costs about 40 ms at
 * 10 000 reviews, most of the Study page's 50 ms; quick_check checks every page and
 * record in a quarter of that. */
static char *
integrity_check (sqlite3  *db,
                 gboolean  thorough)
{
  sqlite3_stmt *stmt = NULL;
  char *result;

  if (sqlite3_prepare_v2 (db, thorough ? "PRAGMA integrity_check (1)" : "PRAGMA quick_check (1)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return g_strdup (sqlite3_errmsg (db));

  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  else
    result = g_strdup (sqlite3_errmsg (db));
  sqlite3_finalize (stmt);

  return result;
}

/* Moves the file (and its WAL and shared-memory files, which belong to it) to
 * PATH.unreadable-TIMESTAMP; the error names both paths and the reason. */
static void
set_aside (const char  *path,
           int          code,
           const char  *reason,
           GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *aside = g_strdup_printf ("%s.unreadable-%s", path, stamp);
  int saved_errno;

  if (g_rename (path, aside) != 0)
    {
      saved_errno = errno;
      g_set_error (error, DORSUM_STUDY_STORE_ERROR, DORSUM_STUDY_STORE_ERROR_IO,
                   _("%s: the study progress cannot be used (%s), and it could not be moved aside: %s. "
                     "Move or remove the file yourself; Dorsum will not overwrite it."),
                   path, reason, g_strerror (saved_errno));
      return;
    }

  for (guint i = 0; i < 2; i++)
    {
      const char *suffix = i == 0 ? "-wal" : "-shm";
      g_autofree char *from = g_strconcat (path, suffix, NULL);
      g_autofree char *to = g_strconcat (aside, suffix, NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }

  g_set_error (error, DORSUM_STUDY_STORE_ERROR, code,
               _("%s: the study progress cannot be used (%s). It was moved to %s, where it stays "
                 "untouched; opening again starts a new, empty progress file."),
               path, reason, aside);
}

/* Checks that @db is a sound Dorsum progress file (or a new empty one) of a schema this
 * build knows. On failure returns the error code and sets @reason. */
static int
check_database (sqlite3  *db,
                gboolean  thorough,
                gint64   *version,
                char    **reason)
{
  g_autofree char *integrity = NULL;
  gint64 app_id, n_tables;
  int rc;

  if (!query_int (db, "PRAGMA user_version", version, &rc) ||
      !query_int (db, "PRAGMA application_id", &app_id, &rc) ||
      !query_int (db, "SELECT count(*) FROM sqlite_schema", &n_tables, &rc))
    {
      *reason = g_strdup_printf (_("not a database: %s"), sqlite3_errstr (rc));
      return DORSUM_STUDY_STORE_ERROR_UNREADABLE;
    }

  integrity = integrity_check (db, thorough);
  if (!g_str_equal (integrity, "ok"))
    {
      *reason = g_strdup_printf (_("the database is damaged: %s"), integrity);
      return DORSUM_STUDY_STORE_ERROR_UNREADABLE;
    }

  if (n_tables > 0 && app_id != APPLICATION_ID)
    {
      *reason = g_strdup (_("it is an SQLite database, but not Dorsum's study progress"));
      return DORSUM_STUDY_STORE_ERROR_UNREADABLE;
    }

  if (*version > DORSUM_STUDY_SCHEMA_VERSION)
    {
      *reason = g_strdup_printf (_("it was written by a newer Dorsum (schema %" G_GINT64_FORMAT
                                   "; this one knows up to %d)"), *version, DORSUM_STUDY_SCHEMA_VERSION);
      return DORSUM_STUDY_STORE_ERROR_TOO_NEW;
    }

  return -1;
}

static gboolean
migrate (DorsumStudyStore  *self,
         gint64             version,
         GError           **error)
{
  g_autofree char *pragmas = NULL;

  if (version == DORSUM_STUDY_SCHEMA_VERSION)
    return TRUE;

  if (!dorsum_study_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (gint64 v = version; v < DORSUM_STUDY_SCHEMA_VERSION; v++)
    {
      if (!dorsum_study_store_exec (self, migrations[v], error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d",
                             APPLICATION_ID, DORSUM_STUDY_SCHEMA_VERSION);
  if (!dorsum_study_store_exec (self, pragmas, error) || !dorsum_study_store_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

/* Opens, checks and migrates @path. A file that cannot be trusted is moved aside when
 * @may_set_aside (the user's own progress) or only reported (a file to import). */
DorsumStudyStore *
dorsum_study_store_open_checked (const char  *path,
            gboolean     may_set_aside,
            GError     **error)
{
  g_autoptr(DorsumStudyStore) self = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;
  gboolean thorough;
  gint64 version = 0;
  int code;

  /* The full check when a file comes from elsewhere (an import), or when the last program
   * to use it did not close it (its write-ahead log is still there: a crash, a kill, or
   * the app still running); otherwise the quick one. */
  thorough = !may_set_aside || (g_stat (wal, &st) == 0 && st.st_size > 0);

  self = g_object_new (DORSUM_TYPE_STUDY_STORE, NULL);
  self->path = g_strdup (path);

  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, DORSUM_STUDY_STORE_ERROR, DORSUM_STUDY_STORE_ERROR_IO,
                   _("%s: the study progress could not be opened: %s"), path,
                   self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  /* The app and dorsum-cli may write at once; wait for the other's transaction. */
  sqlite3_busy_timeout (self->db, 5000);

  if ((code = check_database (self->db, thorough, &version, &reason)) >= 0)
    {
      g_clear_pointer (&self->db, sqlite3_close);
      if (may_set_aside)
        set_aside (path, code, reason, error);
      else
        g_set_error (error, DORSUM_STUDY_STORE_ERROR, DORSUM_STUDY_STORE_ERROR_NOT_PROGRESS,
                     _("%s is not Dorsum study progress that this version can read: %s"), path, reason);
      return NULL;
    }

  /* NORMAL is safe in WAL mode against a crash of the program (kill -9 loses only an
   * uncommitted answer); only a power cut can lose the last few commits, never consistency. */
  if (!dorsum_study_store_exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL", error) ||
      !migrate (self, version, error))
    return NULL;

  if (!(self->select_card = dorsum_study_store_prepare (self,
          "SELECT state, stability, difficulty, due, last_review, reps, lapses, scheduled_days "
          "FROM cards WHERE id = ?1", error)) ||
      !(self->upsert_card = dorsum_study_store_prepare (self,
          "INSERT INTO cards (id, entry, decks, state, stability, difficulty, due, last_review, reps, lapses, "
          "                   scheduled_days, introduced, n_reviews, n_learned, n_kept) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?8, 1, ?12, ?13) "
          "ON CONFLICT (id) DO UPDATE SET entry = ?2, decks = ?3, state = ?4, stability = ?5, "
          "  difficulty = ?6, due = ?7, last_review = ?8, reps = ?9, lapses = ?10, scheduled_days = ?11, "
          "  n_reviews = n_reviews + 1, n_learned = n_learned + ?12, n_kept = n_kept + ?13",
          error)) ||
      !(self->insert_review = dorsum_study_store_prepare (self,
          "INSERT INTO reviews (card, time, grade, state, elapsed_days, scheduled_days) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)))
    return NULL;

  return g_steal_pointer (&self);
}

void
dorsum_study_store_read_card (sqlite3_stmt   *stmt,
           int             first,
           DorsumFsrsCard *card)
{
  card->state = CLAMP (sqlite3_column_int (stmt, first), DORSUM_FSRS_NEW, DORSUM_FSRS_RELEARNING);
  card->stability = sqlite3_column_double (stmt, first + 1);
  card->difficulty = sqlite3_column_double (stmt, first + 2);
  card->due = sqlite3_column_int64 (stmt, first + 3);
  card->last_review = sqlite3_column_int64 (stmt, first + 4);
  card->reps = sqlite3_column_int (stmt, first + 5);
  card->lapses = sqlite3_column_int (stmt, first + 6);
  card->scheduled_days = sqlite3_column_int (stmt, first + 7);
}

static void
dorsum_study_store_finalize (GObject *object)
{
  DorsumStudyStore *self = (DorsumStudyStore *)object;

  g_clear_pointer (&self->select_card, sqlite3_finalize);
  g_clear_pointer (&self->upsert_card, sqlite3_finalize);
  g_clear_pointer (&self->insert_review, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);
  g_free (self->path);

  G_OBJECT_CLASS (dorsum_study_store_parent_class)->finalize (object);
}

static void
dorsum_study_store_class_init (DorsumStudyStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dorsum_study_store_finalize;
}

static void
dorsum_study_store_init (DorsumStudyStore *self)
{
}

/**
 * dorsum_study_store_get_default_path:
 *
 * Returns: `$XDG_DATA_HOME/dorsum/study.sqlite`
 */
char *
dorsum_study_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "dorsum", "study.sqlite", NULL);
}

/**
 * dorsum_study_store_open:
 * @path: the database file; its folder is made if missing
 *
 * Opens the progress file, creating it if new and migrating an older schema. A file that
 * is not a database, fails SQLite's integrity check, is some other program's database or
 * was written by a newer Dorsum is renamed to `PATH.unreadable-TIMESTAMP` and the call fails
 * with %DORSUM_STUDY_STORE_ERROR_UNREADABLE or %DORSUM_STUDY_STORE_ERROR_TOO_NEW, naming
 * both paths: show it to the user, then open again to start a new file.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
DorsumStudyStore *
dorsum_study_store_open (const char  *path,
                         GError     **error)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, DORSUM_STUDY_STORE_ERROR, DORSUM_STUDY_STORE_ERROR_IO,
                   _("%s: the folder for the study progress could not be made: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  return dorsum_study_store_open_checked (path, TRUE, error);
}

const char *
dorsum_study_store_get_path (DorsumStudyStore *self)
{
  g_return_val_if_fail (DORSUM_IS_STUDY_STORE (self), NULL);

  return self->path;
}

/**
 * dorsum_study_store_lookup_card:
 * @card: (out): the card's state; a new card due now when not @found
 * @found: (out) (optional): whether the card has been answered before
 */
gboolean
dorsum_study_store_lookup_card (DorsumStudyStore  *self,
                                const char        *card_id,
                                DorsumFsrsCard    *card,
                                gboolean          *found,
                                GError           **error)
{
  int rc;

  g_return_val_if_fail (DORSUM_IS_STUDY_STORE (self), FALSE);
  g_return_val_if_fail (card_id != NULL && card != NULL, FALSE);

  dorsum_fsrs_card_init (card, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_reset (self->select_card);
  sqlite3_bind_text (self->select_card, 1, card_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (self->select_card);
  if (rc == SQLITE_ROW)
    dorsum_study_store_read_card (self->select_card, 0, card);
  sqlite3_reset (self->select_card);
  sqlite3_clear_bindings (self->select_card);

  if (found)
    *found = rc == SQLITE_ROW;

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return dorsum_study_store_set_db_error (self->db, self->path, error);

  return TRUE;
}

/**
 * dorsum_study_store_answer:
 * @card_id: the study card, as dorsum_quiz_card_id() gives it
 * @entry_id: the library entry it is about (for per-muscle progress)
 * @decks: the decks the card belongs to (for per-deck counts)
 * @card: (out) (optional): the card's new state
 *
 * Records one answer: schedules the card with FSRS-5 from its stored state and writes the
 * review and the new state in one transaction.
 */
gboolean
dorsum_study_store_answer (DorsumStudyStore    *self,
                           const char          *card_id,
                           const char          *entry_id,
                           const char * const  *decks,
                           DorsumGrade          grade,
                           gint64               now,
                           DorsumFsrsCard      *card,
                           GError             **error)
{
  g_autoptr(GString) deck_list = g_string_new (" ");
  DorsumFsrsCard before, after;
  guint elapsed_days = 0;
  int rc;

  g_return_val_if_fail (DORSUM_IS_STUDY_STORE (self), FALSE);
  g_return_val_if_fail (card_id != NULL && entry_id != NULL, FALSE);
  g_return_val_if_fail (grade >= DORSUM_GRADE_AGAIN && grade <= DORSUM_GRADE_EASY, FALSE);

  for (guint i = 0; decks && decks[i]; i++)
    g_string_append_printf (deck_list, "%s ", decks[i]);

  if (!dorsum_study_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!dorsum_study_store_lookup_card (self, card_id, &before, NULL, error))
    goto failed;

  after = dorsum_fsrs_schedule (NULL, &before, grade, now);
  if (before.state != DORSUM_FSRS_NEW && now > before.last_review)
    elapsed_days = (guint)((now - before.last_review) / (24 * 60 * 60));

  sqlite3_bind_text (self->upsert_card, 1, card_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->upsert_card, 2, entry_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (self->upsert_card, 3, deck_list->str, -1, SQLITE_STATIC);
  sqlite3_bind_int (self->upsert_card, 4, after.state);
  sqlite3_bind_double (self->upsert_card, 5, after.stability);
  sqlite3_bind_double (self->upsert_card, 6, after.difficulty);
  sqlite3_bind_int64 (self->upsert_card, 7, after.due);
  sqlite3_bind_int64 (self->upsert_card, 8, after.last_review);
  sqlite3_bind_int (self->upsert_card, 9, after.reps);
  sqlite3_bind_int (self->upsert_card, 10, after.lapses);
  sqlite3_bind_int (self->upsert_card, 11, after.scheduled_days);
  /* Retention counts answers on cards already learned (true retention). */
  sqlite3_bind_int (self->upsert_card, 12, before.state == DORSUM_FSRS_REVIEW);
  sqlite3_bind_int (self->upsert_card, 13, before.state == DORSUM_FSRS_REVIEW && grade > DORSUM_GRADE_AGAIN);
  rc = sqlite3_step (self->upsert_card);
  sqlite3_reset (self->upsert_card);
  sqlite3_clear_bindings (self->upsert_card);
  if (rc != SQLITE_DONE)
    goto db_failed;

  sqlite3_bind_text (self->insert_review, 1, card_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (self->insert_review, 2, now);
  sqlite3_bind_int (self->insert_review, 3, grade);
  sqlite3_bind_int (self->insert_review, 4, before.state);
  sqlite3_bind_int (self->insert_review, 5, elapsed_days);
  sqlite3_bind_int (self->insert_review, 6, after.scheduled_days);
  rc = sqlite3_step (self->insert_review);
  sqlite3_reset (self->insert_review);
  sqlite3_clear_bindings (self->insert_review);
  if (rc != SQLITE_DONE)
    goto db_failed;

  if (!dorsum_study_store_exec (self, "COMMIT", error))
    goto failed;

  if (card)
    *card = after;

  return TRUE;

db_failed:
  dorsum_study_store_set_db_error (self->db, self->path, error);
failed:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/**
 * dorsum_study_store_get_cards:
 * @deck: (nullable): only the cards of this deck, or %NULL for all
 *
 * Returns: (transfer full) (element-type utf8 DorsumFsrsCard): card id → state of every
 *   card answered at least once
 */
GHashTable *
dorsum_study_store_get_cards (DorsumStudyStore  *self,
                              const char        *deck,
                              GError           **error)
{
  g_autoptr(GHashTable) cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DORSUM_IS_STUDY_STORE (self), NULL);

  if (!(stmt = dorsum_study_store_prepare (self, "SELECT id, state, stability, difficulty, due, last_review, reps, lapses, "
                              "scheduled_days FROM cards WHERE " DECK_FILTER, error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, deck, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DorsumFsrsCard *card = g_new0 (DorsumFsrsCard, 1);

      dorsum_study_store_read_card (stmt, 1, card);
      g_hash_table_insert (cards, g_strdup ((const char *)sqlite3_column_text (stmt, 0)), card);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      dorsum_study_store_set_db_error (self->db, self->path, error);
      return NULL;
    }

  return g_steal_pointer (&cards);
}

/**
 * dorsum_study_store_list_due:
 * @deck: (nullable): only this deck's cards
 *
 * Returns: (transfer full) (element-type utf8): the ids of the answered cards due at
 *   @now, the longest overdue first
 */
GPtrArray *
dorsum_study_store_list_due (DorsumStudyStore  *self,
                             const char        *deck,
                             gint64             now,
                             GError           **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DORSUM_IS_STUDY_STORE (self), NULL);

  if (!(stmt = dorsum_study_store_prepare (self, "SELECT id FROM cards WHERE " DECK_FILTER " AND due <= ?2 ORDER BY due, id", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, deck, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, now);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      dorsum_study_store_set_db_error (self->db, self->path, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

