/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The progress file: WAL, one transaction per answer, migrations from the first schema,
 * files that cannot be trusted moved aside (never reset), a kill -9 in the middle of
 * answering losing at most that answer, and export/import. */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "dorsum-study-store.h"
#include "test-common.h"

#define DAY (24 * 60 * 60)

static const char * const decks[] = { "region:upper-back", "layer:middle", "attachments", NULL };

/* 2026-03-02 10:00 local time: a fixed "now" away from any daylight-saving change. */
static gint64
test_now (void)
{
  g_autoptr(GDateTime) t = g_date_time_new_local (2026, 3, 2, 10, 0, 0);

  return g_date_time_to_unix (t);
}

static gint64
sql_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static char *
sql_text (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static void
sql_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* The one file in @dir whose name starts with @prefix, or NULL. */
static char *
find_aside (const char *dir,
            const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)))
    if (g_str_has_prefix (name, prefix) && !g_str_has_suffix (name, "-wal") && !g_str_has_suffix (name, "-shm"))
      return g_build_filename (dir, name, NULL);

  return NULL;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_answer_and_stats (void)
{
  g_autofree char *dir = test_make_tmp_dir ("dorsum-study-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "sub", "study.sqlite", NULL);
  g_autofree char *sub = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DorsumStudyStore) store = dorsum_study_store_open (path, &error);
  g_autoptr(GHashTable) mastery = NULL;
  g_autoptr(GHashTable) cards = NULL;
  g_autoptr(GPtrArray) due = NULL;
  gint64 now = test_now ();
  DorsumStudyStats stats;
  DorsumFsrsCard card;
  gboolean found = TRUE;
  guint streak = 0;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  {
    g_autofree char *mode = sql_text (path, "PRAGMA journal_mode");

    g_assert_cmpstr (mode, ==, "wal");
  }
  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, DORSUM_STUDY_SCHEMA_VERSION);

  g_assert_true (dorsum_study_store_lookup_card (store, "rhomboid-major/insertion", &card, &found, &error));
  g_assert_false (found);
  g_assert_cmpint (card.state, ==, DORSUM_FSRS_NEW);

  /* Two days ago, yesterday and today: a streak of three. */
  g_assert_true (dorsum_study_store_answer (store, "rhomboid-major/insertion", "rhomboid-major", decks,
                                            DORSUM_GRADE_EASY, now - 2 * DAY, &card, &error));
  g_assert_no_error (error);
  g_assert_cmpint (card.state, ==, DORSUM_FSRS_REVIEW);
  g_assert_true (dorsum_study_store_answer (store, "rhomboid-major/insertion", "rhomboid-major", decks,
                                            DORSUM_GRADE_AGAIN, now - DAY, NULL, &error));
  g_assert_true (dorsum_study_store_answer (store, "rhomboid-major/insertion", "rhomboid-major", decks,
                                            DORSUM_GRADE_GOOD, now, &card, &error));
  g_assert_true (dorsum_study_store_answer (store, "trapezius/origin", "trapezius", (const char *[]) { "attachments", NULL },
                                            DORSUM_GRADE_GOOD, now, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (dorsum_study_store_lookup_card (store, "rhomboid-major/insertion", &card, &found, &error));
  g_assert_true (found);
  g_assert_cmpuint (card.reps, ==, 3);
  g_assert_cmpuint (card.lapses, ==, 1);
  g_assert_cmpint (card.last_review, ==, now);

  g_assert_true (dorsum_study_store_get_stats (store, NULL, now, &stats, &error));
  g_assert_cmpuint (stats.cards, ==, 2);
  g_assert_cmpuint (stats.reviews, ==, 4);
  g_assert_cmpuint (stats.reviews_today, ==, 2);
  g_assert_cmpuint (stats.new_today, ==, 1);
  /* One answer on a learned card (Again, from review): retention 0. */
  g_assert_cmpfloat (stats.retention, ==, 0);
  /* The trapezius card (Good on a new card) comes back in ten minutes. */
  g_assert_cmpuint (stats.due, >=, 1);

  g_assert_true (dorsum_study_store_get_stats (store, "region:upper-back", now, &stats, &error));
  g_assert_cmpuint (stats.cards, ==, 1);
  g_assert_cmpuint (stats.reviews, ==, 3);
  g_assert_true (dorsum_study_store_get_stats (store, "region:lower-back", now, &stats, &error));
  g_assert_cmpuint (stats.cards, ==, 0);
  g_assert_cmpfloat (stats.retention, ==, -1);

  /* Every deck at once gives the same figures as one deck at a time. */
  {
    g_autoptr(GHashTable) table = dorsum_study_store_get_deck_stats (store, now, &error);
    const char * const names[] = { "all", "region:upper-back", "layer:middle", "attachments" };

    g_assert_no_error (error);
    g_assert_null (g_hash_table_lookup (table, "region:lower-back"));
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        const DorsumStudyStats *one = g_hash_table_lookup (table, names[i]);
        DorsumStudyStats expected;

        g_assert_true (dorsum_study_store_get_stats (store, i == 0 ? NULL : names[i], now, &expected, &error));
        g_assert_nonnull (one);
        g_assert_cmpmem (one, sizeof *one, &expected, sizeof expected);
      }
  }

  g_assert_true (dorsum_study_store_get_entry_stats (store, "trapezius", now, &stats, &error));
  g_assert_cmpuint (stats.reviews, ==, 1);

  due = dorsum_study_store_list_due (store, NULL, now + 3600, &error);
  g_assert_nonnull (due);
  g_assert_true (g_ptr_array_find_with_equal_func (due, "trapezius/origin", g_str_equal, NULL));
  cards = dorsum_study_store_get_cards (store, "attachments", &error);
  g_assert_cmpuint (g_hash_table_size (cards), ==, 2);

  mastery = dorsum_study_store_get_mastery (store, now + 3600, &error);
  g_assert_nonnull (mastery);
  g_assert_cmpuint (g_hash_table_size (mastery), ==, 2);
  g_assert_cmpfloat (*(double *)g_hash_table_lookup (mastery, "rhomboid-major"), >, 0);
  g_assert_cmpfloat (*(double *)g_hash_table_lookup (mastery, "rhomboid-major"), <=, 1);

  g_assert_true (dorsum_study_store_get_streak (store, now, &streak, &error));
  g_assert_cmpuint (streak, ==, 3);
  /* Tomorrow, before answering: still three; the day after: broken. */
  g_assert_true (dorsum_study_store_get_streak (store, now + DAY, &streak, &error));
  g_assert_cmpuint (streak, ==, 3);
  g_assert_true (dorsum_study_store_get_streak (store, now + 2 * DAY, &streak, &error));
  g_assert_cmpuint (streak, ==, 0);

  g_clear_object (&store);
  g_assert_cmpint (sql_int (path, "SELECT count (*) FROM reviews"), ==, 4);
  remove_tree (sub);
  g_rmdir (dir);
}

/* Schema 1, as the first version of Dorsum's study mode wrote it. */
static const char schema_1[] =
  "CREATE TABLE cards (id TEXT PRIMARY KEY NOT NULL, entry TEXT NOT NULL, decks TEXT NOT NULL,"
  "  state INTEGER NOT NULL, stability REAL NOT NULL, difficulty REAL NOT NULL, due INTEGER NOT NULL,"
  "  last_review INTEGER NOT NULL, reps INTEGER NOT NULL, lapses INTEGER NOT NULL,"
  "  scheduled_days INTEGER NOT NULL, introduced INTEGER NOT NULL);"
  "CREATE TABLE reviews (id INTEGER PRIMARY KEY, card TEXT NOT NULL, time INTEGER NOT NULL,"
  "  grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 4), state INTEGER NOT NULL,"
  "  elapsed_days INTEGER NOT NULL, scheduled_days INTEGER NOT NULL);"
  "CREATE INDEX reviews_card ON reviews (card);"
  "INSERT INTO cards VALUES ('piriformis/action', 'piriformis', ' region:hip actions ', 2, 10.5, 5.0,"
  "  1772445600, 1771545600, 4, 0, 10, 1770000000);"
  "INSERT INTO reviews (card, time, grade, state, elapsed_days, scheduled_days)"
  "  VALUES ('piriformis/action', 1771545600, 3, 2, 5, 10);"
  "PRAGMA application_id = 1148154483; PRAGMA user_version = 1;";

static void
test_migrate (void)
{
  g_autofree char *dir = test_make_tmp_dir ("dorsum-study-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "study.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DorsumStudyStore) store = NULL;
  DorsumFsrsCard card;
  gboolean found;

  sql_exec (path, schema_1);
  store = dorsum_study_store_open (path, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sql_int (path, "PRAGMA user_version"), ==, DORSUM_STUDY_SCHEMA_VERSION);
  /* 2 → 3 counted the old answers onto the card. */
  g_assert_cmpint (sql_int (path, "SELECT n_reviews * 100 + n_learned * 10 + n_kept FROM cards"), ==, 111);
  g_assert_cmpint (sql_int (path, "SELECT count (*) FROM sqlite_schema WHERE name IN ('cards_due', 'cards_entry', 'reviews_time')"), ==, 3);
  g_assert_true (dorsum_study_store_lookup_card (store, "piriformis/action", &card, &found, &error));
  g_assert_true (found);
  g_assert_cmpuint (card.reps, ==, 4);
  g_assert_cmpfloat (card.stability, ==, 10.5);
  g_assert_true (dorsum_study_store_answer (store, "piriformis/action", "piriformis", NULL, DORSUM_GRADE_GOOD,
                                            1772445600, NULL, &error));
  g_assert_cmpint (sql_int (path, "SELECT count (*) FROM reviews"), ==, 2);
  {
    DorsumStudyStats stats;

    g_assert_true (dorsum_study_store_get_stats (store, NULL, 1772445600, &stats, &error));
    g_assert_cmpuint (stats.reviews, ==, 2);
    g_assert_cmpfloat (stats.retention, ==, 1.0);
  }
  {
    g_autofree char *mode = sql_text (path, "PRAGMA journal_mode");

    g_assert_cmpstr (mode, ==, "wal");
  }

  g_clear_object (&store);
  remove_tree (dir);
}

/* @prepare makes a bad file at the path; opening must move it aside, say so, and the next
 * open must start afresh. */
static void
check_set_aside (void       (*prepare) (const char *path),
                 int          code)
{
  g_autofree char *dir = test_make_tmp_dir ("dorsum-study-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "study.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DorsumStudyStore) store = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize len_before, len_after;

  prepare (path);
  g_assert_true (g_file_get_contents (path, &before, &len_before, NULL));

  store = dorsum_study_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, DORSUM_STUDY_STORE_ERROR, code);
  g_test_message ("%s", error->message);

  aside = find_aside (dir, "study.sqlite.unreadable-");
  g_assert_nonnull (aside);
  g_assert_nonnull (strstr (error->message, aside));
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* Set aside untouched. */
  g_assert_true (g_file_get_contents (aside, &after, &len_after, NULL));
  g_assert_cmpmem (before, len_before, after, len_after);

  g_clear_error (&error);
  store = dorsum_study_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_clear_object (&store);
  remove_tree (dir);
}

static void
make_garbage (const char *path)
{
  g_autofree char *junk = g_strnfill (8192, 'x');

  g_assert_true (g_file_set_contents (path, junk, -1, NULL));
}

static void
make_damaged (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DorsumStudyStore) store = dorsum_study_store_open (path, &error);
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_no_error (error);
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *id = g_strdup_printf ("card-%u/origin", i % 50);

      g_assert_true (dorsum_study_store_answer (store, id, "m", decks, 1 + i % 4, test_now () + i * 600, NULL, &error));
    }
  g_clear_object (&store);

  /* Scribble over the b-tree pages after the first two. */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 4096 * 6);
  memset (contents + 4096 * 2, 0x5a, 4096 * 3);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
}

static void
make_newer (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DorsumStudyStore) store = dorsum_study_store_open (path, &error);

  g_assert_no_error (error);
  g_clear_object (&store);
  sql_exec (path, "PRAGMA user_version = 99");
}

static void
make_foreign (const char *path)
{
  sql_exec (path, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine')");
}

static void
test_set_aside (void)
{
  check_set_aside (make_garbage, DORSUM_STUDY_STORE_ERROR_UNREADABLE);
  check_set_aside (make_damaged, DORSUM_STUDY_STORE_ERROR_UNREADABLE);
  check_set_aside (make_newer, DORSUM_STUDY_STORE_ERROR_TOO_NEW);
  check_set_aside (make_foreign, DORSUM_STUDY_STORE_ERROR_UNREADABLE);
}

/* A child answers as fast as it can and reports each committed answer on a pipe; it is
 * killed with SIGKILL at some point. The file must open clean, hold every reported answer
 * and at most one more, and each card's state must agree with its reviews. */
static void
test_kill_mid_write (void)
{
  g_autofree char *dir = test_make_tmp_dir ("dorsum-study-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "study.sqlite", NULL);

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(DorsumStudyStore) store = NULL;
      g_autoptr(GError) error = NULL;
      guint32 reported = 0, value;
      gint64 before = round == 0 ? 0 : sql_int (path, "SELECT count (*) FROM reviews");
      int fds[2];
      pid_t pid;
      int status;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);

      if (pid == 0)
        {
          DorsumStudyStore *child = NULL;

          close (fds[0]);
          child = dorsum_study_store_open (path, NULL);
          if (child == NULL)
            _exit (1);
          for (guint32 i = 1; ; i++)
            {
              g_autofree char *id = g_strdup_printf ("card-%u/insertion", i % 37);

              if (!dorsum_study_store_answer (child, id, "m", decks, 1 + i % 4, test_now () + i * 60, NULL, NULL))
                _exit (1);
              if (write (fds[1], &i, sizeof i) != sizeof i)
                _exit (1);
            }
        }

      close (fds[1]);
      /* Let it write a varying number of answers, then kill it wherever it is. */
      while (reported < 50 + round * 70)
        {
          g_assert_cmpint (read (fds[0], &value, sizeof value), ==, sizeof value);
          reported = value;
        }
      g_usleep (round * 1500);
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      while (read (fds[0], &value, sizeof value) == sizeof value)
        reported = value;
      close (fds[0]);

      store = dorsum_study_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_nonnull (store);
      g_assert_cmpint (sql_int (path, "SELECT count (*) FROM reviews"), >=, before + reported);
      g_assert_cmpint (sql_int (path, "SELECT count (*) FROM reviews"), <=, before + reported + 1);
      g_assert_cmpint (sql_int (path, "SELECT count (*) FROM cards "
                                      "WHERE reps != (SELECT count (*) FROM reviews WHERE card = cards.id) "
                                      "   OR n_reviews != reps"), ==, 0);
      g_clear_object (&store);
      g_test_message ("round %u: %u answers reported, %" G_GINT64_FORMAT " stored in all", round, reported,
                      sql_int (path, "SELECT count (*) FROM reviews"));
    }

  remove_tree (dir);
}

static void
test_export_import (void)
{
  g_autofree char *dir = test_make_tmp_dir ("dorsum-study-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "study.sqlite", NULL);
  g_autofree char *other_path = g_build_filename (dir, "other.sqlite", NULL);
  g_autofree char *export_path = g_build_filename (dir, "progress.dorsum-study", NULL);
  g_autofree char *junk_path = g_build_filename (dir, "junk", NULL);
  g_autoptr(DorsumStudyStore) store = NULL;
  g_autoptr(DorsumStudyStore) other = NULL;
  g_autoptr(GError) error = NULL;
  DorsumStudyStats stats;
  DorsumFsrsCard card;
  gboolean found;
  guint n = 99;

  store = dorsum_study_store_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *id = g_strdup_printf ("card-%u/origin", i % 10);

      g_assert_true (dorsum_study_store_answer (store, id, "m", decks, 3, test_now () + i * DAY, NULL, &error));
    }
  g_assert_true (dorsum_study_store_export (store, export_path, &error));
  g_assert_no_error (error);
  /* Again over an existing file. */
  g_assert_true (dorsum_study_store_export (store, export_path, &error));

  other = dorsum_study_store_open (other_path, &error);
  g_assert_true (dorsum_study_store_answer (other, "card-0/origin", "m", decks, 1, test_now () - DAY, NULL, &error));
  g_assert_true (dorsum_study_store_import (other, export_path, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 30);
  g_assert_true (dorsum_study_store_get_stats (other, NULL, test_now (), &stats, &error));
  g_assert_cmpuint (stats.reviews, ==, 31);
  g_assert_cmpuint (stats.cards, ==, 10);
  /* The later state wins. */
  g_assert_true (dorsum_study_store_lookup_card (other, "card-0/origin", &card, &found, &error));
  g_assert_cmpuint (card.reps, ==, 3);

  /* Importing twice adds nothing. */
  g_assert_true (dorsum_study_store_import (other, export_path, &n, &error));
  g_assert_cmpuint (n, ==, 0);

  /* A bad file changes nothing and is left alone. */
  make_garbage (junk_path);
  g_assert_false (dorsum_study_store_import (other, junk_path, &n, &error));
  g_assert_error (error, DORSUM_STUDY_STORE_ERROR, DORSUM_STUDY_STORE_ERROR_NOT_PROGRESS);
  g_assert_nonnull (strstr (error->message, junk_path));
  g_assert_true (g_file_test (junk_path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_assert_true (dorsum_study_store_get_stats (other, NULL, test_now (), &stats, &error));
  g_assert_cmpuint (stats.reviews, ==, 31);

  g_clear_object (&store);
  g_clear_object (&other);
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/study-store/answer-and-stats", test_answer_and_stats);
  g_test_add_func ("/study-store/migrate", test_migrate);
  g_test_add_func ("/study-store/set-aside", test_set_aside);
  g_test_add_func ("/study-store/kill-mid-write", test_kill_mid_write);
  g_test_add_func ("/study-store/export-import", test_export_import);

  return g_test_run ();
}
