/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dorsum-cli quiz and dorsum-cli study: the Study page's engine in a terminal. Questions go
 * to stdout, answers (a choice letter or typed text) come from stdin, and each answer is
 * recorded for spaced repetition unless --no-record.
 *
 * Find-it needs a figure to click, so the terminal leaves it out unless asked for with
 * --type find; then the figure's muscles are offered as four choices, and a region id
 * ("rhomboid-major.left") or a muscle's name may be typed instead. */

#define G_LOG_DOMAIN "dorsum-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "dorsum-cli-private.h"
#include "dorsum-figure.h"
#include "dorsum-quiz.h"
#include "dorsum-study-store.h"

static char *deck_name;
static int count = 10;
static gint64 seed = -1;
static char *type_name;
static char *db_path;
static gboolean no_record;
static int new_per_day = 20;

static const GOptionEntry quiz_entries[] = {
  { "deck", 0, 0, G_OPTION_ARG_STRING, &deck_name,
    N_("Ask from this deck (see “dorsum-cli study status”)"), N_("NAME") },
  { "count", 'n', 0, G_OPTION_ARG_INT, &count, N_("How many questions (10)"), N_("N") },
  { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("Choose questions and choices from this seed, reproducibly"), N_("S") },
  { "type", 0, 0, G_OPTION_ARG_STRING, &type_name,
    N_("Only this kind of question: find, name, facts, referral or safety"), N_("TYPE") },
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The progress file (default: the user's data folder)"), N_("PATH") },
  { "no-record", 0, 0, G_OPTION_ARG_NONE, &no_record, N_("Do not record the answers"), NULL },
  { "new-per-day", 0, 0, G_OPTION_ARG_INT, &new_per_day, N_("New cards per day (20)"), N_("N") },
  { NULL }
};

static const GOptionEntry study_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The progress file (default: the user's data folder)"), N_("PATH") },
  { "new-per-day", 0, 0, G_OPTION_ARG_INT, &new_per_day, N_("New cards per day (20)"), N_("N") },
  { NULL }
};

static void
clear_options (void)
{
  g_clear_pointer (&deck_name, g_free);
  g_clear_pointer (&type_name, g_free);
  g_clear_pointer (&db_path, g_free);
}

/* Opens the progress file; one that had to be moved aside is reported and a new one begun. */
static DorsumStudyStore *
open_store (void)
{
  g_autofree char *path = db_path ? g_strdup (db_path) : dorsum_study_store_get_default_path ();
  g_autoptr(GError) error = NULL;
  DorsumStudyStore *store = dorsum_study_store_open (path, &error);

  if (store == NULL && (g_error_matches (error, DORSUM_STUDY_STORE_ERROR, DORSUM_STUDY_STORE_ERROR_UNREADABLE) ||
                        g_error_matches (error, DORSUM_STUDY_STORE_ERROR, DORSUM_STUDY_STORE_ERROR_TOO_NEW)))
    {
      g_printerr ("dorsum-cli: %s\n", error->message);
      g_clear_error (&error);
      store = dorsum_study_store_open (path, &error);
    }

  if (store == NULL)
    g_printerr ("dorsum-cli: %s\n", error->message);

  return store;
}

static DorsumQuiz *
open_quiz (DorsumLibrary *library)
{
  g_autoptr(GError) error = NULL;
  GListModel *figures = dorsum_figures_get_default (&error);

  if (figures == NULL)
    g_printerr ("dorsum-cli: %s\n", error->message);

  return dorsum_quiz_new (library, figures);
}

static void
print_decks (DorsumQuiz *quiz,
             FILE       *stream)
{
  g_autoptr(GPtrArray) decks = dorsum_quiz_list_decks (quiz);

  for (guint i = 0; i < decks->len; i++)
    {
      const DorsumDeck *deck = g_ptr_array_index (decks, i);

      fprintf (stream, "  %-22s %s\n", deck->id, deck->title);
    }
}

/* One line from stdin without its newline, or NULL at the end of input. */
static char *
read_answer (void)
{
  GString *line = g_string_new (NULL);
  char buffer[256];

  while (fgets (buffer, sizeof buffer, stdin))
    {
      g_string_append (line, buffer);
      if (line->len > 0 && line->str[line->len - 1] == '\n')
        break;
    }

  if (line->len == 0 && feof (stdin))
    {
      g_string_free (line, TRUE);
      return NULL;
    }

  return g_strstrip (g_string_free (line, FALSE));
}

/* Whether @text answers @q: a choice letter, a region id for find-it, or typed text.
 * @corrected is how a typed name was read. */
static gboolean
judge (DorsumQuiz            *quiz,
       const DorsumQuestion  *q,
       const char            *text,
       char                 **corrected)
{
  *corrected = NULL;

  if (strlen (text) == 1 && g_ascii_tolower (text[0]) >= 'a' && g_ascii_tolower (text[0]) < 'a' + 4)
    return dorsum_question_check_choice (q, g_ascii_tolower (text[0]) - 'a');

  if (q->type == DORSUM_QUESTION_FIND && dorsum_question_check_region (q, text))
    return TRUE;

  return dorsum_quiz_check_name (quiz, q, text, corrected);
}

static gboolean
ask (DorsumQuiz            *quiz,
     const DorsumQuestion  *q,
     guint                  number,
     guint                  total,
     gboolean              *answered)
{
  g_autofree char *text = NULL;
  g_autofree char *corrected = NULL;
  gboolean right;

  g_print ("\n%u/%u. %s\n", number, total, q->prompt);
  if (q->type == DORSUM_QUESTION_FIND)
    g_print ("   %s\n", _("(on the figure; type its name or a region id, or choose)"));
  if (q->detail)
    g_print ("   %s\n", q->detail);
  for (guint i = 0; q->choices[i]; i++)
    g_print ("   %c) %s\n", 'a' + i, q->choices[i]);
  g_print ("> ");
  fflush (stdout);

  if (!(text = read_answer ()))
    {
      *answered = FALSE;
      g_print ("\n");
      return FALSE;
    }
  *answered = TRUE;

  right = judge (quiz, q, text, &corrected);
  if (right)
    {
      if (corrected && !g_str_equal (corrected, text))
        g_print (_("Right (read as “%s”): %c) %s\n"), corrected, 'a' + q->answer, q->choices[q->answer]);
      else
        g_print (_("Right: %c) %s\n"), 'a' + q->answer, q->choices[q->answer]);
    }
  else
    g_print (_("Wrong. The answer: %c) %s\n"), 'a' + q->answer, q->choices[q->answer]);
  g_print (_("Read more: dorsum-cli show %s\n"), q->entry_id);

  return right;
}

int
dorsum_cli_run_quiz (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = dorsum_cli_command_context (NULL,
    _("Answer study questions generated from the library: questions on stdout, answers on\n"
      "stdin (a choice letter or the answer typed), then “score: R/N”. Due cards come\n"
      "first, then new ones, then practice. With --seed the session is reproducible (for the\n"
      "same progress). Find-it questions are asked only with --type find."));
  g_autoptr(DorsumLibrary) library = NULL;
  g_autoptr(DorsumQuiz) quiz = NULL;
  g_autoptr(DorsumStudyStore) store = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GError) error = NULL;
  const DorsumDeck *deck = NULL;
  DorsumQuestionType type;
  guint types = DORSUM_QUESTION_TYPES_ALL & ~(1u << DORSUM_QUESTION_FIND);
  guint score = 0, asked = 0;
  int ret = 0;

  g_option_context_add_main_entries (context, quiz_entries, GETTEXT_PACKAGE);
  if (!dorsum_cli_parse_command (context, &argc, &argv))
    return 2;

  if (argc != 1 || count < 1 || new_per_day < 0 || seed < -1 || seed > G_MAXUINT32)
    {
      dorsum_cli_usage_error (context, _("give --count of at least 1, --seed between 0 and 4294967295, and no other arguments"));
      ret = 2;
      goto out;
    }

  if (type_name)
    {
      if (!dorsum_question_type_from_string (type_name, &type))
        {
          dorsum_cli_usage_error (context, _("--type is one of find, name, facts, referral, safety"));
          ret = 2;
          goto out;
        }
      types = 1u << type;
    }

  library = dorsum_cli_open_library ();
  quiz = open_quiz (library);

  if (deck_name && !(deck = dorsum_quiz_lookup_deck (quiz, deck_name)))
    {
      g_printerr (_("dorsum-cli: “%s” is not a deck; the decks are:\n"), deck_name);
      print_decks (quiz, stderr);
      ret = 2;
      goto out;
    }

  if (!no_record && !(store = open_store ()))
    {
      ret = 1;
      goto out;
    }

  rand = seed >= 0 ? g_rand_new_with_seed ((guint32)seed) : g_rand_new ();
  cards = dorsum_quiz_pick_cards (quiz, store, deck ? deck->id : NULL, types, count, new_per_day, TRUE,
                                  g_get_real_time () / G_USEC_PER_SEC, rand, &error);
  if (cards == NULL)
    {
      g_printerr ("dorsum-cli: %s\n", error->message);
      ret = 1;
      goto out;
    }

  for (guint i = 0; i < cards->len; i++)
    {
      const char *card_id = g_ptr_array_index (cards, i);
      g_autoptr(DorsumQuestion) q = dorsum_quiz_generate (quiz, card_id, rand);
      gboolean answered, right;

      if (q == NULL)
        continue;

      right = ask (quiz, q, asked + 1, cards->len, &answered);
      if (!answered)
        break;

      asked++;
      score += right;

      if (store &&
          !dorsum_study_store_answer (store, card_id, q->entry_id, dorsum_quiz_get_card_decks (quiz, card_id),
                                      right ? DORSUM_GRADE_GOOD : DORSUM_GRADE_AGAIN,
                                      g_get_real_time () / G_USEC_PER_SEC, NULL, &error))
        {
          g_printerr ("dorsum-cli: %s\n", error->message);
          g_clear_error (&error);
        }
    }

  g_print ("\nscore: %u/%u\n", score, asked);

out:
  clear_options ();
  return ret;
}

static void
print_retention (double retention)
{
  if (retention < 0)
    g_print ("\t–");
  else
    g_print ("\t%.0f%%", retention * 100);
}

static int
study_status (DorsumStudyStore *store)
{
  g_autoptr(DorsumLibrary) library = dorsum_cli_open_library ();
  g_autoptr(DorsumQuiz) quiz = open_quiz (library);
  g_autoptr(GPtrArray) decks = dorsum_quiz_list_decks (quiz);
  g_autoptr(GHashTable) deck_stats = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint streak = 0;

  if (!(deck_stats = dorsum_study_store_get_deck_stats (store, now, &error)))
    {
      g_printerr ("dorsum-cli: %s\n", error->message);
      return 1;
    }

  g_print ("%s\n", _("deck\tdue today\tnew\tstudied\treviews\tretention\ttitle"));
  for (guint i = 0; i < decks->len; i++)
    {
      const DorsumDeck *deck = g_ptr_array_index (decks, i);
      const DorsumStudyStats *stats = g_hash_table_lookup (deck_stats, deck->id);
      DorsumStudyStats none = { .retention = -1 };
      guint due, new_cards;

      dorsum_quiz_count_due_today (quiz, deck_stats, deck->id, new_per_day, &due, &new_cards);
      if (stats == NULL)
        stats = &none;

      g_print ("%s\t%u\t%u\t%u\t%u", deck->id, due + new_cards, new_cards, stats->cards, stats->reviews);
      print_retention (stats->retention);
      g_print ("\t%s\n", deck->title);
    }

  if (!dorsum_study_store_get_streak (store, now, &streak, &error))
    {
      g_printerr ("dorsum-cli: %s\n", error->message);
      return 1;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "streak: %u day\n", "streak: %u days\n", streak), streak);

  return 0;
}

int
dorsum_cli_run_study (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = dorsum_cli_command_context (_("status|export FILE|import FILE"),
    _("status: per deck, the cards due today (answered cards due, plus new cards within\n"
      "--new-per-day), new cards, cards studied, answers and retention; then the streak.\n"
      "export: write the progress to FILE. import: add the progress in FILE to this one."));
  g_autoptr(DorsumStudyStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean status;
  int ret = 0;

  g_option_context_add_main_entries (context, study_entries, GETTEXT_PACKAGE);
  if (!dorsum_cli_parse_command (context, &argc, &argv))
    return 2;

  status = argc == 2 && g_str_equal (argv[1], "status");
  if (!status && !(argc == 3 && (g_str_equal (argv[1], "export") || g_str_equal (argv[1], "import"))))
    {
      dorsum_cli_usage_error (context, _("say status, export FILE or import FILE"));
      ret = 2;
      goto out;
    }

  if (!(store = open_store ()))
    {
      ret = 1;
      goto out;
    }

  if (status)
    ret = study_status (store);
  else if (g_str_equal (argv[1], "export"))
    {
      if (!dorsum_study_store_export (store, argv[2], &error))
        {
          g_printerr ("dorsum-cli: %s\n", error->message);
          ret = 1;
        }
    }
  else
    {
      guint n = 0;

      if (!dorsum_study_store_import (store, argv[2], &n, &error))
        {
          g_printerr ("dorsum-cli: %s\n", error->message);
          ret = 1;
        }
      else
        g_print (g_dngettext (GETTEXT_PACKAGE, "%u answer imported\n", "%u answers imported\n", n), n);
    }

out:
  clear_options ();
  return ret;
}
