/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Study page, in the detail pane beside the figure: a deck and what is due in it, a
 * session of generated questions (find it on the figure, name it, facts, referral,
 * safety), each answer graded and stored for spaced repetition (src/core/dorsum-quiz.c,
 * dorsum-study-store.c), and how well each muscle is known tinted on the figure. */

#define G_LOG_DOMAIN "dorsum-study-page"

#include "config.h"

#include <glib/gi18n.h>

#include "dorsum-a11y.h"
#include "dorsum-figure.h"
#include "dorsum-study-page.h"

#define N_CHOICES 4

struct _DorsumStudyPage
{
  AdwBin              parent_instance;

  DorsumLibrary      *library;
  DorsumDiagramView  *view;
  GSettings          *settings;    /* nullable: running uninstalled without the schema */
  DorsumQuiz         *quiz;
  DorsumStudyStore   *store;
  GRand              *rand;
  GPtrArray          *decks;       /* DorsumDeck, from the quiz */

  /* The session */
  GPtrArray          *cards;       /* card ids */
  guint               position;
  guint               asked;
  guint               right;
  DorsumQuestion     *question;
  gboolean            answered;
  gboolean            was_right;
  gboolean            labels_before;

  GtkStack           *stack;
  /* Home */
  GtkLabel           *store_problem;
  AdwComboRow        *deck_row;
  GtkLabel           *due_label;
  GtkLabel           *stats_label;
  GtkToggleButton    *mastery_button;
  GtkLabel           *files_label;
  GtkLabel           *weakest_label;
  GtkWidget          *deck_group;
  GtkWidget          *start_button;
  GThread            *engine;      /* EngineJob*: the quiz and progress file being made */
  guint               remake_idle; /* the library changed: questions made again once it is done */
  /* Question */
  GtkLabel           *progress_label;
  GtkLabel           *prompt_label;
  GtkLabel           *detail_label;
  GtkLabel           *hint_label;
  GtkEntry           *name_entry;
  GtkWidget          *choices_box;
  GtkWidget          *choices[N_CHOICES];
  GtkWidget          *skip_button;
  GtkWidget          *feedback_box;
  GtkLabel           *result_label;
  GtkLabel           *answer_label;
  GtkWidget          *open_button;
  GtkWidget          *grade_box;
  GtkWidget          *next_button;
  /* Summary */
  GtkLabel           *score_label;
};

G_DEFINE_FINAL_TYPE (DorsumStudyPage, dorsum_study_page, ADW_TYPE_BIN)

static void show_question  (DorsumStudyPage *self);
static void update_weakest (DorsumStudyPage *self);

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static GtkWidget *
label_new (const char        *text,
           const char        *css_class,
           GtkAccessibleRole  role)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", text, "accessible-role", role,
                                   "wrap", TRUE, "wrap-mode", PANGO_WRAP_WORD_CHAR, "xalign", 0.0, NULL);

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
button_new (const char *label,
            const char *css_class)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);
  dorsum_a11y_fix_mnemonics (button);

  return button;
}

/* ---- The engine: opened on first use ---- */

/* The quiz (20–60 ms to build over the library) and the progress file are made in a thread
 * while the page shows its first frame; Start waits for them if it comes first. */
typedef struct
{
  DorsumLibrary    *library;
  GListModel       *figures;
  DorsumQuiz       *quiz;
  DorsumStudyStore *store;
  char             *problem;   /* what to tell of the progress file, or NULL */
  GWeakRef          page;
  guint             idle;
} EngineJob;

static void
engine_job_free (EngineJob *job)
{
  g_clear_object (&job->library);
  g_clear_object (&job->figures);
  g_clear_object (&job->quiz);
  g_clear_object (&job->store);
  g_free (job->problem);
  g_weak_ref_clear (&job->page);
  g_free (job);
}

static void
open_store (EngineJob *job)
{
  g_autofree char *path = dorsum_study_store_get_default_path ();
  g_autoptr(GError) error = NULL;

  job->store = dorsum_study_store_open (path, &error);
  if (job->store == NULL && (g_error_matches (error, DORSUM_STUDY_STORE_ERROR, DORSUM_STUDY_STORE_ERROR_UNREADABLE) ||
                             g_error_matches (error, DORSUM_STUDY_STORE_ERROR, DORSUM_STUDY_STORE_ERROR_TOO_NEW)))
    {
      /* Set aside, never reset: say where it went, and start a new file. */
      job->problem = g_strdup (error->message);
      g_clear_error (&error);
      job->store = dorsum_study_store_open (path, &error);
    }

  if (job->store == NULL)
    {
      g_free (job->problem);
      job->problem = g_strdup_printf (_("Progress cannot be kept: %s"), error->message);
    }
}

static gboolean engine_ready_idle (gpointer data);

static gpointer
engine_thread (gpointer data)
{
  EngineJob *job = data;

  job->quiz = dorsum_quiz_new (job->library, job->figures);
  open_store (job);
  job->idle = g_idle_add (engine_ready_idle, job);

  return job;
}

static void
start_engine (DorsumStudyPage *self)
{
  EngineJob *job;

  if (self->quiz != NULL || self->engine != NULL)
    return;

  job = g_new0 (EngineJob, 1);
  job->library = g_object_ref (self->library);
  /* Read here: the figures' manifest is cached on first use, from this thread. */
  job->figures = g_object_ref (dorsum_figures_get_default (NULL));
  g_weak_ref_init (&job->page, self);
  self->engine = g_thread_new ("dorsum-study", engine_thread, job);
}

static void update_home (DorsumStudyPage *self);

/* Takes what the thread made; waits for it if it is not done. */
static void
finish_engine (DorsumStudyPage *self)
{
  g_autoptr(GtkStringList) titles = NULL;
  g_autofree char *saved = NULL;
  EngineJob *job;

  if (self->engine == NULL)
    return;

  job = g_thread_join (g_steal_pointer (&self->engine));
  g_clear_handle_id (&job->idle, g_source_remove);
  self->quiz = g_steal_pointer (&job->quiz);
  self->store = g_steal_pointer (&job->store);
  if (job->problem != NULL)
    {
      gtk_label_set_label (self->store_problem, job->problem);
      gtk_widget_set_visible (GTK_WIDGET (self->store_problem), TRUE);
    }
  engine_job_free (job);

  /* Read first: the new model selects its first deck, which deck_changed_cb() would save. */
  saved = self->settings ? g_settings_get_string (self->settings, "study-deck") : g_strdup ("all");

  self->decks = dorsum_quiz_list_decks (self->quiz);
  titles = gtk_string_list_new (NULL);
  for (guint i = 0; i < self->decks->len; i++)
    gtk_string_list_append (titles, ((DorsumDeck *)g_ptr_array_index (self->decks, i))->title);
  adw_combo_row_set_model (self->deck_row, G_LIST_MODEL (titles));
  for (guint i = 0; i < self->decks->len; i++)
    if (g_str_equal (((DorsumDeck *)g_ptr_array_index (self->decks, i))->id, saved))
      adw_combo_row_set_selected (self->deck_row, i);
}

static gboolean
engine_ready_idle (gpointer data)
{
  EngineJob *job = data;
  g_autoptr(DorsumStudyPage) self = g_weak_ref_get (&job->page);

  job->idle = 0;
  if (self != NULL && self->engine != NULL)
    {
      finish_engine (self);
      update_home (self);
      gtk_widget_set_sensitive (self->start_button, TRUE);
    }

  return G_SOURCE_REMOVE;
}

static void
ensure_engine (DorsumStudyPage *self)
{
  start_engine (self);
  finish_engine (self);
}

static const char *
selected_deck (DorsumStudyPage *self)
{
  guint position = adw_combo_row_get_selected (self->deck_row);

  if (self->decks == NULL || position >= self->decks->len)
    return "all";

  return ((DorsumDeck *)g_ptr_array_index (self->decks, position))->id;
}

static guint
setting (DorsumStudyPage *self,
         const char      *key,
         guint            fallback)
{
  return self->settings ? g_settings_get_uint (self->settings, key) : fallback;
}

/* ---- The figure ---- */

static void
reset_view (DorsumStudyPage *self)
{
  dorsum_diagram_view_set_quiz_zone (self->view, NULL);
  dorsum_diagram_view_set_tints (self->view, NULL);
  dorsum_diagram_view_set_highlight (self->view, NULL);
  dorsum_diagram_view_set_trigger_points (self->view, FALSE);
}

static void
update_mastery (DorsumStudyPage *self)
{
  g_autoptr(GHashTable) mastery = NULL;

  if (!gtk_toggle_button_get_active (self->mastery_button) || self->store == NULL)
    {
      dorsum_diagram_view_set_tints (self->view, NULL);
      return;
    }

  mastery = dorsum_study_store_get_mastery (self->store, now_seconds (), NULL);
  if (mastery == NULL)
    mastery = g_hash_table_new (g_str_hash, g_str_equal);
  dorsum_diagram_view_set_tints (self->view, mastery);
}

/* ---- Home: the deck and what is due ---- */

static void
update_home (DorsumStudyPage *self)
{
  g_autoptr(GHashTable) stats = NULL;
  const DorsumStudyStats *deck_stats;
  DorsumStudyStats all_stats;
  g_autofree char *due_text = NULL;
  g_autofree char *stats_text = NULL;
  guint due = 0, new_cards = 0, streak = 0;
  const char *deck = selected_deck (self);

  if (self->store == NULL)
    return;

  stats = dorsum_study_store_get_deck_stats (self->store, now_seconds (), NULL);
  if (stats != NULL)
    dorsum_quiz_count_due_today (self->quiz, stats, deck, setting (self, "study-new-per-day", 20), &due, &new_cards);
  dorsum_study_store_get_streak (self->store, now_seconds (), &streak, NULL);

  {
    g_autoptr(GPtrArray) today = dorsum_study_store_list_due (self->store, g_str_equal (deck, "all") ? NULL : deck,
                                                              now_seconds (), NULL);
    g_autoptr(GPtrArray) by_tomorrow = dorsum_study_store_list_due (self->store, g_str_equal (deck, "all") ? NULL : deck,
                                                                    now_seconds () + 24 * 3600, NULL);
    guint tomorrow = (by_tomorrow ? by_tomorrow->len : 0) - MIN (today ? today->len : 0, by_tomorrow ? by_tomorrow->len : 0);

    /* Translators: on the Study page: cards due for review, new cards, and reviews due in the next day */
    due_text = g_strdup_printf (_("Due today: %u to review, %u new; %u more by this time tomorrow"), due, new_cards, tomorrow);
  }
  gtk_label_set_label (self->due_label, due_text);

  deck_stats = stats ? g_hash_table_lookup (stats, deck) : NULL;
  if (g_str_equal (deck, "all") && dorsum_study_store_get_stats (self->store, NULL, now_seconds (), &all_stats, NULL))
    deck_stats = &all_stats;
  if (deck_stats != NULL && deck_stats->reviews > 0)
    {
      g_autofree char *retention = deck_stats->retention >= 0 ? g_strdup_printf ("%.0f %%", deck_stats->retention * 100)
                                                              : g_strdup (_("not yet known"));

      /* Translators: study figures: cards studied, answers given, share remembered, then the streak */
      g_autofree char *streak_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day in a row", "%u days in a row", streak), streak);

      stats_text = g_strdup_printf (_("%u cards studied, %u answers, retention %s; %s"),
                                    deck_stats->cards, deck_stats->reviews, retention, streak_text);
    }
  else
    stats_text = g_strdup (_("Nothing studied in this deck yet"));
  gtk_label_set_label (self->stats_label, stats_text);
  update_weakest (self);

  update_mastery (self);
}

static int
compare_mastery (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  double ma = *(double *)g_hash_table_lookup (data, *(const char **)a);
  double mb = *(double *)g_hash_table_lookup (data, *(const char **)b);

  return ma < mb ? -1 : ma > mb;
}

/* Per muscle: the few studied ones known least, with their answers and retention. */
static void
update_weakest (DorsumStudyPage *self)
{
  g_autoptr(GHashTable) mastery = dorsum_study_store_get_mastery (self->store, now_seconds (), NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  GString *text = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  if (mastery != NULL)
    {
      g_hash_table_iter_init (&iter, mastery);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          DorsumEntry *entry = dorsum_library_lookup (self->library, key);

          /* Muscles not yet known well (a review just made is fully known, for now). */
          if (entry != NULL && dorsum_entry_get_kind (entry) == DORSUM_KIND_MUSCLE && *(double *)value < 0.9)
            g_ptr_array_add (ids, key);
        }
      g_ptr_array_sort_with_data (ids, compare_mastery, mastery);
    }

  for (guint i = 0; i < ids->len && i < 5; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      DorsumStudyStats stats = { 0, };

      dorsum_study_store_get_entry_stats (self->store, id, now_seconds (), &stats, NULL);
      if (text->len == 0)
        g_string_append (text, _("Muscles to work on:"));
      /* Translators: a muscle to study more: its name, how likely it is remembered now (0–100 %), answers given */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "\n• %s — %.0f %% remembered, %u answer",
                                                 "\n• %s — %.0f %% remembered, %u answers", stats.reviews),
                              dorsum_entry_get_name (dorsum_library_lookup (self->library, id)),
                              *(double *)g_hash_table_lookup (mastery, id) * 100, stats.reviews);
    }

  gtk_label_set_label (self->weakest_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->weakest_label), text->len > 0);
  g_string_free (text, TRUE);
}

static void
deck_changed_cb (DorsumStudyPage *self)
{
  if (self->settings != NULL && self->decks != NULL)
    g_settings_set_string (self->settings, "study-deck", selected_deck (self));
  update_home (self);
}

void
dorsum_study_page_show_home (DorsumStudyPage *self)
{
  g_return_if_fail (DORSUM_IS_STUDY_PAGE (self));

  /* The first time, the page shows at once and fills in when the thread is done. */
  start_engine (self);
  if (self->quiz == NULL)
    {
      gtk_label_set_label (self->due_label, _("Preparing the questions…"));
      gtk_widget_set_sensitive (self->start_button, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "home");
      return;
    }
  g_clear_pointer (&self->question, dorsum_question_free);
  reset_view (self);
  dorsum_diagram_view_set_labels (self->view, self->labels_before);
  update_home (self);
  gtk_stack_set_visible_child_name (self->stack, "home");
}

/* ---- A session ---- */

/* Questions on a figure need the figure view: in chart mode it stays on the back. */
static gboolean
question_fits_view (DorsumStudyPage      *self,
                    const DorsumQuestion *question)
{
  return question->figure == NULL || g_str_equal (question->figure, DORSUM_FIGURE_POSTERIOR) ||
         !dorsum_diagram_view_get_chart_mode (self->view);
}

void
dorsum_study_page_start (DorsumStudyPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (DORSUM_IS_STUDY_PAGE (self));

  ensure_engine (self);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  self->cards = dorsum_quiz_pick_cards (self->quiz, self->store, selected_deck (self), DORSUM_QUESTION_TYPES_ALL,
                                        setting (self, "study-session-length", 10) * 2,
                                        setting (self, "study-new-per-day", 20), TRUE, now_seconds (), self->rand,
                                        &error);
  if (self->cards == NULL || self->cards->len == 0)
    {
      gtk_label_set_label (self->stats_label, error ? error->message : _("This deck has no questions"));
      return;
    }

  self->position = 0;
  self->asked = 0;
  self->right = 0;
  self->labels_before = dorsum_diagram_view_get_labels (self->view);
  gtk_widget_set_visible (GTK_WIDGET (self->mastery_button), TRUE);
  show_question (self);
}

static void
show_summary (DorsumStudyPage *self)
{
  /* Translators: at the end of a study session: right answers of questions asked */
  g_autofree char *text = g_strdup_printf (_("%u of %u right"), self->right, self->asked);

  g_clear_pointer (&self->question, dorsum_question_free);
  reset_view (self);
  dorsum_diagram_view_set_labels (self->view, self->labels_before);
  gtk_label_set_label (self->score_label, text);
  gtk_stack_set_visible_child_name (self->stack, "summary");
}

static void
show_question (DorsumStudyPage *self)
{
  guint wanted = setting (self, "study-session-length", 10);
  DorsumLayer layer;
  g_autofree char *progress = NULL;

  g_clear_pointer (&self->question, dorsum_question_free);
  while (self->asked < wanted && self->position < self->cards->len)
    {
      DorsumQuestion *question = dorsum_quiz_generate (self->quiz, g_ptr_array_index (self->cards, self->position), self->rand);

      if (question != NULL && question_fits_view (self, question))
        {
          self->question = question;
          break;
        }
      g_clear_pointer (&question, dorsum_question_free);
      self->position++;
    }

  if (self->question == NULL)
    {
      show_summary (self);
      return;
    }

  self->answered = FALSE;
  reset_view (self);
  dorsum_diagram_view_set_labels (self->view, FALSE);
  /* Find it and name it on their figure and layer; a referral zone is drawn on the back. */
  dorsum_diagram_view_set_figure (self->view, self->question->figure ? self->question->figure : DORSUM_FIGURE_POSTERIOR);
  if (self->question->layer != NULL && dorsum_layer_from_string (self->question->layer, &layer))
    dorsum_diagram_view_set_layer (self->view, layer);

  /* Translators: the study session's progress, e.g. "Question 3 of 10" */
  progress = g_strdup_printf (_("Question %u of %u"), self->asked + 1, wanted);
  gtk_label_set_label (self->progress_label, progress);
  gtk_label_set_label (self->prompt_label, self->question->prompt);
  gtk_label_set_label (self->detail_label, self->question->detail ? self->question->detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), self->question->detail != NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), self->question->type == DORSUM_QUESTION_FIND);
  gtk_widget_set_visible (self->skip_button, self->question->type == DORSUM_QUESTION_FIND);
  gtk_widget_set_visible (self->choices_box, self->question->type != DORSUM_QUESTION_FIND);
  gtk_widget_set_visible (GTK_WIDGET (self->name_entry), self->question->type == DORSUM_QUESTION_NAME);
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), "");
  gtk_widget_set_visible (self->feedback_box, FALSE);

  for (guint i = 0; i < N_CHOICES; i++)
    {
      const char *choice = self->question->choices && i < g_strv_length (self->question->choices) ? self->question->choices[i] : NULL;

      gtk_widget_set_visible (self->choices[i], choice != NULL);
      gtk_widget_set_sensitive (self->choices[i], TRUE);
      gtk_label_set_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (self->choices[i]))), choice ? choice : "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->choices[i]), GTK_ACCESSIBLE_PROPERTY_LABEL, choice ? choice : "", -1);
      gtk_widget_remove_css_class (self->choices[i], "success");
      gtk_widget_remove_css_class (self->choices[i], "error");
    }

  if (self->question->type == DORSUM_QUESTION_NAME)
    dorsum_diagram_view_set_highlight (self->view, (const char * const[]) { self->question->entry_id, NULL });
  else if (self->question->type == DORSUM_QUESTION_REFERRAL)
    {
      DorsumEntry *entry = dorsum_library_lookup (self->library, self->question->entry_id);

      if (entry != NULL && self->question->trigger_point < dorsum_entry_get_n_trigger_points (entry))
        dorsum_diagram_view_set_quiz_zone (self->view, dorsum_entry_get_trigger_point (entry, self->question->trigger_point));
    }

  gtk_stack_set_visible_child_name (self->stack, "question");
  if (self->question->type == DORSUM_QUESTION_NAME)
    gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
  else if (self->question->type != DORSUM_QUESTION_FIND)
    gtk_widget_grab_focus (self->choices[0]);
}

/* Shows right or wrong, the answer and a link to the page, and the grades to choose from. */
static void
answer (DorsumStudyPage *self,
        gboolean         right,
        const char      *note)
{
  DorsumEntry *entry = dorsum_library_lookup (self->library, self->question->entry_id);
  const char *correct = self->question->choices ? self->question->choices[self->question->answer] : NULL;
  g_autofree char *answer_text = NULL;
  g_autofree char *open_text = NULL;

  if (self->answered)
    return;

  self->answered = TRUE;
  self->was_right = right;
  self->asked++;
  if (right)
    self->right++;

  gtk_label_set_label (self->result_label, right ? _("Right") : _("Not Quite"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_label), right ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->result_label), right ? "success" : "error");

  if (self->question->type == DORSUM_QUESTION_FIND || self->question->type == DORSUM_QUESTION_NAME)
    correct = entry ? dorsum_entry_get_name (entry) : correct;
  /* Translators: after an answer in a study session; %s is the right answer */
  answer_text = g_strdup_printf (_("The answer: %s"), correct ? correct : "");
  if (note != NULL)
    {
      g_autofree char *with_note = g_strdup_printf ("%s\n%s", answer_text, note);

      g_free (answer_text);
      answer_text = g_steal_pointer (&with_note);
    }
  gtk_label_set_label (self->answer_label, answer_text);

  /* Translators: a button after an answer; %s is the entry's name */
  open_text = g_strdup_printf (_("Open the Page of %s"), entry ? dorsum_entry_get_name (entry) : self->question->entry_id);
  gtk_button_set_label (GTK_BUTTON (self->open_button), open_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_button), GTK_ACCESSIBLE_PROPERTY_LABEL, open_text, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->open_button), "s", self->question->entry_id);

  /* Where it was: the muscle lit on the figure after any answer about it. */
  if (self->question->type == DORSUM_QUESTION_FIND || self->question->type == DORSUM_QUESTION_REFERRAL)
    dorsum_diagram_view_set_highlight (self->view, (const char * const[]) { self->question->entry_id, NULL });

  for (guint i = 0; i < N_CHOICES; i++)
    {
      gtk_widget_set_sensitive (self->choices[i], FALSE);
      if (i == self->question->answer)
        gtk_widget_add_css_class (self->choices[i], "success");
    }

  gtk_widget_set_visible (self->skip_button, FALSE);
  gtk_widget_set_visible (self->grade_box, right);
  gtk_widget_set_visible (self->next_button, !right);
  gtk_widget_set_visible (self->feedback_box, TRUE);
  gtk_widget_grab_focus (right ? gtk_widget_get_first_child (self->grade_box) : self->next_button);
}

void
dorsum_study_page_grade (DorsumStudyPage *self,
                         DorsumGrade      grade)
{
  g_autoptr(GError) error = NULL;
  const char *card;

  g_return_if_fail (DORSUM_IS_STUDY_PAGE (self));

  if (self->question == NULL || !self->answered)
    return;

  card = self->question->card_id;
  /* One transaction per answer: a kill loses at most the one being written. */
  if (self->store != NULL &&
      !dorsum_study_store_answer (self->store, card, self->question->entry_id,
                                  dorsum_quiz_get_card_decks (self->quiz, card),
                                  self->was_right ? grade : DORSUM_GRADE_AGAIN, now_seconds (), NULL, &error))
    {
      gtk_label_set_label (self->answer_label, error->message);
      return;
    }

  self->position++;
  show_question (self);
}

static void
grade_clicked_cb (GtkButton       *button,
                  DorsumStudyPage *self)
{
  dorsum_study_page_grade (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "grade")));
}

static void
next_clicked_cb (DorsumStudyPage *self)
{
  dorsum_study_page_grade (self, DORSUM_GRADE_AGAIN);
}

void
dorsum_study_page_choose (DorsumStudyPage *self,
                          guint            choice)
{
  g_return_if_fail (DORSUM_IS_STUDY_PAGE (self));

  if (self->question == NULL || self->answered || self->question->type == DORSUM_QUESTION_FIND)
    return;

  if (!dorsum_question_check_choice (self->question, choice))
    gtk_widget_add_css_class (self->choices[choice], "error");
  answer (self, dorsum_question_check_choice (self->question, choice), NULL);
}

static void
choice_clicked_cb (GtkButton       *button,
                   DorsumStudyPage *self)
{
  dorsum_study_page_choose (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "choice")) - 1);
}

static void
name_activated_cb (DorsumStudyPage *self,
                   GtkEntry        *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *corrected = NULL;
  g_autofree char *note = NULL;
  gboolean right;

  if (self->question == NULL || self->answered || text[0] == '\0')
    return;

  right = dorsum_quiz_check_name (self->quiz, self->question, text, &corrected);
  if (right && corrected != NULL && g_utf8_collate (corrected, text) != 0)
    /* Translators: after a typed answer with a small typo; %s is the name as spelled */
    note = g_strdup_printf (_("It is spelled “%s”."), corrected);
  answer (self, right, note);
}

static void
skip_clicked_cb (DorsumStudyPage *self)
{
  if (self->question != NULL && !self->answered)
    answer (self, FALSE, NULL);
}

/**
 * dorsum_study_page_region_clicked:
 *
 * A click on the figure while the page is shown: the answer to a find-it question.
 *
 * Returns: whether the page took the click (the window then does not open the muscle)
 */
gboolean
dorsum_study_page_region_clicked (DorsumStudyPage *self,
                                  const char      *region_id)
{
  g_return_val_if_fail (DORSUM_IS_STUDY_PAGE (self), FALSE);

  if (self->question == NULL || self->answered)
    return FALSE;

  /* During a question the figure belongs to it: a click must not leave for a page. */
  if (self->question->type == DORSUM_QUESTION_FIND)
    answer (self, dorsum_question_check_region (self->question, region_id), NULL);

  return TRUE;
}

/* The page is left (an entry opened, chart mode): the figure goes back to how it was. */
void
dorsum_study_page_leave (DorsumStudyPage *self)
{
  g_return_if_fail (DORSUM_IS_STUDY_PAGE (self));

  if (self->quiz == NULL)
    return;

  dorsum_diagram_view_set_quiz_zone (self->view, NULL);
  dorsum_diagram_view_set_tints (self->view, NULL);
  if (self->question != NULL)
    dorsum_diagram_view_set_labels (self->view, self->labels_before);
}

static gboolean
remake_idle_cb (gpointer data)
{
  DorsumStudyPage *self = data;

  self->remake_idle = 0;
  if (self->quiz == NULL && self->engine == NULL)
    dorsum_study_page_show_home (self);

  return G_SOURCE_REMOVE;
}

/* A content pack was added or removed: the quiz's cards point into the library, so it is
 * made again (with the progress file, which the thread opens with it); a session in
 * progress ends on the home page. */
static void
library_changed_cb (DorsumStudyPage *self)
{
  if (self->quiz == NULL && self->engine == NULL)
    return;

  if (self->engine != NULL)
    {
      EngineJob *job = g_thread_join (g_steal_pointer (&self->engine));

      g_clear_handle_id (&job->idle, g_source_remove);
      engine_job_free (job);
    }

  dorsum_study_page_leave (self);
  g_clear_pointer (&self->question, dorsum_question_free);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_pointer (&self->decks, g_ptr_array_unref);
  g_clear_object (&self->quiz);
  g_clear_object (&self->store);

  /* Once the library is done changing (a pack replaced is removed, then added): the
   * thread that makes the questions reads the library. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->remake_idle == 0)
    self->remake_idle = g_idle_add (remake_idle_cb, self);
}

/* ---- Progress files ---- */

static void
progress_file_cb (GtkNativeDialog *dialog,
                  int              response,
                  DorsumStudyPage *self)
{
  gboolean export = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "export"));
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog)) : NULL;
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n = 0;

  if (path != NULL && self->store != NULL)
    {
      if (export ? dorsum_study_store_export (self->store, path, &error)
                 : dorsum_study_store_import (self->store, path, &n, &error))
        text = export ? g_strdup_printf (_("Progress saved to %s"), path)
                      : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u answer added from %s",
                                                      "%u answers added from %s", n), n, path);
      else
        text = g_strdup (error->message);
      gtk_label_set_label (self->files_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->files_label), TRUE);
      update_home (self);
    }

  g_object_unref (dialog);
}

static void
choose_progress_file (DorsumStudyPage *self,
                      gboolean         export)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (export ? _("Export Study Progress") : _("Import Study Progress"),
                                        GTK_IS_WINDOW (native) ? GTK_WINDOW (native) : NULL,
                                        export ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        export ? _("_Export") : _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (export)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("dorsum-progress.sqlite"));
  g_object_set_data (G_OBJECT (dialog), "export", GINT_TO_POINTER (export));
  g_signal_connect (dialog, "response", G_CALLBACK (progress_file_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_clicked_cb (DorsumStudyPage *self)
{
  choose_progress_file (self, TRUE);
}

static void
import_clicked_cb (DorsumStudyPage *self)
{
  choose_progress_file (self, FALSE);
}

/* ---- Building the page ---- */

static GtkWidget *
build_home (DorsumStudyPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title = label_new (_("Study"), "title-1", GTK_ACCESSIBLE_ROLE_HEADING);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *start = button_new (_("_Start"), "suggested-action");
  GtkWidget *files = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button;

  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  gtk_box_append (GTK_BOX (box), title);

  self->store_problem = GTK_LABEL (label_new (NULL, "error", GTK_ACCESSIBLE_ROLE_LABEL));
  gtk_widget_set_visible (GTK_WIDGET (self->store_problem), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->store_problem));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Deck"));
  self->deck_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->deck_row), _("Questions On"));
  g_signal_connect_swapped (self->deck_row, "notify::selected", G_CALLBACK (deck_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->deck_row));
  dorsum_a11y_name_group_list (ADW_PREFERENCES_GROUP (group));
  gtk_box_append (GTK_BOX (box), group);

  self->deck_group = group;
  self->due_label = GTK_LABEL (label_new (NULL, "heading", GTK_ACCESSIBLE_ROLE_LABEL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->due_label));
  self->stats_label = GTK_LABEL (label_new (NULL, "secondary-text", GTK_ACCESSIBLE_ROLE_LABEL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stats_label));
  self->weakest_label = GTK_LABEL (label_new (NULL, NULL, GTK_ACCESSIBLE_ROLE_LABEL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->weakest_label));

  self->start_button = start;
  gtk_widget_set_halign (start, GTK_ALIGN_START);
  gtk_widget_add_css_class (start, "pill");
  g_signal_connect_swapped (start, "clicked", G_CALLBACK (dorsum_study_page_start), self);
  gtk_box_append (GTK_BOX (box), start);

  self->mastery_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("Show What I _Know on the Figure")));
  dorsum_a11y_fix_mnemonics (GTK_WIDGET (self->mastery_button));
  gtk_widget_set_halign (GTK_WIDGET (self->mastery_button), GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->mastery_button),
                               _("Muscles tinted from red (not yet known) to green (known); grey: not studied"));
  g_signal_connect_swapped (self->mastery_button, "toggled", G_CALLBACK (update_mastery), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->mastery_button));

  button = button_new (_("E_xport Progress…"), NULL);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (export_clicked_cb), self);
  gtk_box_append (GTK_BOX (files), button);
  button = button_new (_("I_mport Progress…"), NULL);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (import_clicked_cb), self);
  gtk_box_append (GTK_BOX (files), button);
  gtk_widget_set_margin_top (files, 12);
  gtk_box_append (GTK_BOX (box), files);
  self->files_label = GTK_LABEL (label_new (NULL, "secondary-text", GTK_ACCESSIBLE_ROLE_LABEL));
  gtk_widget_set_visible (GTK_WIDGET (self->files_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->files_label));

  return box;
}

static GtkWidget *
build_question (DorsumStudyPage *self)
{
  static const struct { DorsumGrade grade; const char *label; const char *tooltip; } grades[] = {
    { DORSUM_GRADE_HARD, N_("_Hard"), N_("Right, with effort: ask again sooner") },
    { DORSUM_GRADE_GOOD, N_("_Good"), N_("Right: ask again later") },
    { DORSUM_GRADE_EASY, N_("_Easy"), N_("Right at once: ask again much later") },
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->progress_label = GTK_LABEL (label_new (NULL, "secondary-text", GTK_ACCESSIBLE_ROLE_LABEL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress_label));
  self->prompt_label = GTK_LABEL (label_new (NULL, "title-3", GTK_ACCESSIBLE_ROLE_HEADING));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->prompt_label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->prompt_label));
  self->detail_label = GTK_LABEL (label_new (NULL, "secondary-text", GTK_ACCESSIBLE_ROLE_LABEL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->detail_label));
  self->hint_label = GTK_LABEL (label_new (_("Click it on the figure; either side counts."), NULL, GTK_ACCESSIBLE_ROLE_LABEL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->hint_label));

  self->name_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->name_entry, _("Type its name, or choose below"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->name_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("The muscle’s name"), -1);
  g_signal_connect_swapped (self->name_entry, "activate", G_CALLBACK (name_activated_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->name_entry));

  self->choices_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  for (guint i = 0; i < N_CHOICES; i++)
    {
      GtkWidget *label = label_new (NULL, NULL, GTK_ACCESSIBLE_ROLE_LABEL);

      self->choices[i] = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (self->choices[i]), label);
      /* Counted from 1, so that no choice is stored as NULL. */
      g_object_set_data (G_OBJECT (self->choices[i]), "choice", GUINT_TO_POINTER (i + 1));
      /* Each question names the button after its choice; before the first, this. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->choices[i]), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Answer"), -1);
      g_signal_connect (self->choices[i], "clicked", G_CALLBACK (choice_clicked_cb), self);
      gtk_box_append (GTK_BOX (self->choices_box), self->choices[i]);
    }
  gtk_box_append (GTK_BOX (box), self->choices_box);

  self->skip_button = button_new (_("I Don’t _Know"), NULL);
  gtk_widget_set_halign (self->skip_button, GTK_ALIGN_START);
  g_signal_connect_swapped (self->skip_button, "clicked", G_CALLBACK (skip_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), self->skip_button);

  self->feedback_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->result_label = GTK_LABEL (label_new (NULL, "title-4", GTK_ACCESSIBLE_ROLE_LABEL));
  gtk_box_append (GTK_BOX (self->feedback_box), GTK_WIDGET (self->result_label));
  self->answer_label = GTK_LABEL (label_new (NULL, NULL, GTK_ACCESSIBLE_ROLE_LABEL));
  gtk_box_append (GTK_BOX (self->feedback_box), GTK_WIDGET (self->answer_label));
  self->open_button = gtk_button_new_with_label ("");
  /* Named for what it does until a question gives it the entry's name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open the Page"), -1);
  gtk_widget_add_css_class (self->open_button, "flat");
  gtk_widget_set_halign (self->open_button, GTK_ALIGN_START);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->open_button), "s", "");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->open_button), "win.show-entry");
  gtk_box_append (GTK_BOX (self->feedback_box), self->open_button);

  self->grade_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->grade_box, "linked");
  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    {
      GtkWidget *button = button_new (_(grades[i].label), grades[i].grade == DORSUM_GRADE_GOOD ? "suggested-action" : NULL);

      gtk_widget_set_tooltip_text (button, _(grades[i].tooltip));
      g_object_set_data (G_OBJECT (button), "grade", GINT_TO_POINTER (grades[i].grade));
      g_signal_connect (button, "clicked", G_CALLBACK (grade_clicked_cb), self);
      gtk_box_append (GTK_BOX (self->grade_box), button);
    }
  gtk_box_append (GTK_BOX (self->feedback_box), self->grade_box);

  self->next_button = button_new (_("_Next"), "suggested-action");
  gtk_widget_set_halign (self->next_button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (self->next_button, _("Recorded as not known: it comes back soon"));
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (next_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->feedback_box), self->next_button);
  gtk_box_append (GTK_BOX (box), self->feedback_box);

  return box;
}

static GtkWidget *
build_summary (DorsumStudyPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title = label_new (_("Session Done"), "title-1", GTK_ACCESSIBLE_ROLE_HEADING);
  GtkWidget *again = button_new (_("Study _More"), "suggested-action");
  GtkWidget *home = button_new (_("_Back to the Decks"), NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  gtk_box_append (GTK_BOX (box), title);
  self->score_label = GTK_LABEL (label_new (NULL, "title-3", GTK_ACCESSIBLE_ROLE_LABEL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->score_label));
  gtk_widget_set_halign (again, GTK_ALIGN_START);
  g_signal_connect_swapped (again, "clicked", G_CALLBACK (dorsum_study_page_start), self);
  gtk_box_append (GTK_BOX (box), again);
  gtk_widget_set_halign (home, GTK_ALIGN_START);
  g_signal_connect_swapped (home, "clicked", G_CALLBACK (dorsum_study_page_show_home), self);
  gtk_box_append (GTK_BOX (box), home);

  return box;
}

static void
add_page (DorsumStudyPage *self,
          GtkWidget       *content,
          const char      *name)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_widget_set_margin_top (content, 24);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_stack_add_named (self->stack, scroller, name);
}

static void
dorsum_study_page_dispose (GObject *object)
{
  DorsumStudyPage *self = DORSUM_STUDY_PAGE (object);

  g_clear_handle_id (&self->remake_idle, g_source_remove);
  if (self->engine != NULL)
    {
      EngineJob *job = g_thread_join (g_steal_pointer (&self->engine));

      g_clear_handle_id (&job->idle, g_source_remove);
      engine_job_free (job);
    }
  g_clear_pointer (&self->question, dorsum_question_free);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_pointer (&self->decks, g_ptr_array_unref);
  g_clear_object (&self->quiz);
  g_clear_object (&self->store);
  g_clear_object (&self->library);
  g_clear_object (&self->view);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->rand, g_rand_free);

  G_OBJECT_CLASS (dorsum_study_page_parent_class)->dispose (object);
}

static void
dorsum_study_page_class_init (DorsumStudyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dorsum_study_page_dispose;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "studypage");
}

static void
dorsum_study_page_init (DorsumStudyPage *self)
{
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_hhomogeneous (self->stack, FALSE);
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  add_page (self, build_home (self), "home");
  dorsum_a11y_tidy_rows (GTK_WIDGET (self->deck_group), NULL);
  add_page (self, build_question (self), "question");
  add_page (self, build_summary (self), "summary");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
  self->rand = g_rand_new ();
}

/* The session's length and the day's new cards, kept in GSettings. */
static void
add_setting_rows (DorsumStudyPage *self)
{
  static const struct { const char *key; const char *title; const char *subtitle; double min, max; } numbers[] = {
    { "study-session-length", N_("Questions per Session"), NULL, 1, 100 },
    { "study-new-per-day", N_("New Cards per Day"), N_("Cards never studied that a day may bring in"), 0, 500 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (numbers[i].min, numbers[i].max, 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(numbers[i].title));
      if (numbers[i].subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(numbers[i].subtitle));
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _(numbers[i].title), -1);
      g_settings_bind (self->settings, numbers[i].key, gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (spin)), "value",
                       G_SETTINGS_BIND_DEFAULT);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->deck_group), row);
    }
}

GtkWidget *
dorsum_study_page_new (DorsumLibrary     *library,
                       DorsumDiagramView *view,
                       GSettings         *settings)
{
  DorsumStudyPage *self = g_object_new (DORSUM_TYPE_STUDY_PAGE, NULL);

  self->library = g_object_ref (library);
  g_signal_connect_object (library, "changed", G_CALLBACK (library_changed_cb), self, G_CONNECT_SWAPPED);
  self->view = g_object_ref (view);
  self->settings = settings ? g_object_ref (settings) : NULL;
  if (self->settings != NULL)
    add_setting_rows (self);

  return GTK_WIDGET (self);
}

void
dorsum_study_page_set_seed (DorsumStudyPage *self,
                            guint32          seed)
{
  g_return_if_fail (DORSUM_IS_STUDY_PAGE (self));

  g_rand_set_seed (self->rand, seed);
}

const DorsumQuestion *
dorsum_study_page_get_question (DorsumStudyPage *self)
{
  g_return_val_if_fail (DORSUM_IS_STUDY_PAGE (self), NULL);

  return self->answered ? NULL : self->question;
}

guint
dorsum_study_page_get_score (DorsumStudyPage *self,
                             guint           *asked)
{
  g_return_val_if_fail (DORSUM_IS_STUDY_PAGE (self), 0);

  if (asked != NULL)
    *asked = self->asked;

  return self->right;
}

/* "home", "question" or "summary" */
const char *
dorsum_study_page_get_state (DorsumStudyPage *self)
{
  g_return_val_if_fail (DORSUM_IS_STUDY_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

DorsumStudyStore *
dorsum_study_page_get_store (DorsumStudyPage *self)
{
  g_return_val_if_fail (DORSUM_IS_STUDY_PAGE (self), NULL);

  return self->store;
}
