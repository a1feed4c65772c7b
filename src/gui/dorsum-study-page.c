/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Study page, in the detail pane beside the figure: a deck and what is due in it, a
 * session of generated questions (find it on the figure, name it, facts, referral,
 * safety), each answer graded and stored for spaced repetition (src/core/dorsum-quiz.c,
 * dorsum-study-store.c), and how well each muscle is known tinted on the figure. This file
 * has the page, its home and the engine; a session is dorsum-study-page-session.c. */

#define G_LOG_DOMAIN "dorsum-study-page"

#include "config.h"

#include <glib/gi18n.h>

#include "dorsum-a11y.h"
#include "dorsum-figure.h"
#include "dorsum-study-page-private.h"

G_DEFINE_FINAL_TYPE (DorsumStudyPage, dorsum_study_page, ADW_TYPE_BIN)

static void update_weakest (DorsumStudyPage *self);

gint64
_dorsum_study_page_now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

GtkWidget *
_dorsum_study_page_label_new (const char        *text,
                              const char        *css_class,
                              GtkAccessibleRole  role)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", text, "accessible-role", role,
                                   "wrap", TRUE, "wrap-mode", PANGO_WRAP_WORD_CHAR, "xalign", 0.0, NULL);

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

GtkWidget *
_dorsum_study_page_button_new (const char *label,
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

void
_dorsum_study_page_ensure_engine (DorsumStudyPage *self)
{
  start_engine (self);
  finish_engine (self);
}

const char *
_dorsum_study_page_selected_deck (DorsumStudyPage *self)
{
  guint position = adw_combo_row_get_selected (self->deck_row);

  if (self->decks == NULL || position >= self->decks->len)
    return "all";

  return ((DorsumDeck *)g_ptr_array_index (self->decks, position))->id;
}

guint
_dorsum_study_page_setting (DorsumStudyPage *self,
                            const char      *key,
                            guint            fallback)
{
  return self->settings ? g_settings_get_uint (self->settings, key) : fallback;
}

/* ---- The figure ---- */

void
_dorsum_study_page_reset_view (DorsumStudyPage *self)
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

  mastery = dorsum_study_store_get_mastery (self->store, _dorsum_study_page_now_seconds (), NULL);
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
  const char *deck = _dorsum_study_page_selected_deck (self);

  if (self->store == NULL)
    return;

  stats = dorsum_study_store_get_deck_stats (self->store, _dorsum_study_page_now_seconds (), NULL);
  if (stats != NULL)
    dorsum_quiz_count_due_today (self->quiz, stats, deck, _dorsum_study_page_setting (self, "study-new-per-day", 20), &due, &new_cards);
  dorsum_study_store_get_streak (self->store, _dorsum_study_page_now_seconds (), &streak, NULL);

  {
    g_autoptr(GPtrArray) today = dorsum_study_store_list_due (self->store, g_str_equal (deck, "all") ? NULL : deck,
                                                              _dorsum_study_page_now_seconds (), NULL);
    g_autoptr(GPtrArray) by_tomorrow = dorsum_study_store_list_due (self->store, g_str_equal (deck, "all") ? NULL : deck,
                                                                    _dorsum_study_page_now_seconds () + 24 * 3600, NULL);
    guint tomorrow = (by_tomorrow ? by_tomorrow->len : 0) - MIN (today ? today->len : 0, by_tomorrow ? by_tomorrow->len : 0);

    /* Translators: on the Study page: cards due for review, new cards, and reviews due in the next day */
    due_text = g_strdup_printf (_("Due today: %u to review, %u new; %u more by this time tomorrow"), due, new_cards, tomorrow);
  }
  gtk_label_set_label (self->due_label, due_text);

  deck_stats = stats ? g_hash_table_lookup (stats, deck) : NULL;
  if (g_str_equal (deck, "all") && dorsum_study_store_get_stats (self->store, NULL, _dorsum_study_page_now_seconds (), &all_stats, NULL))
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
  g_autoptr(GHashTable) mastery = dorsum_study_store_get_mastery (self->store, _dorsum_study_page_now_seconds (), NULL);
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

      dorsum_study_store_get_entry_stats (self->store, id, _dorsum_study_page_now_seconds (), &stats, NULL);
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
    g_settings_set_string (self->settings, "study-deck", _dorsum_study_page_selected_deck (self));
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
  _dorsum_study_page_reset_view (self);
  dorsum_diagram_view_set_labels (self->view, self->labels_before);
  update_home (self);
  gtk_stack_set_visible_child_name (self->stack, "home");
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
  GtkWidget *title = _dorsum_study_page_label_new (_("Study"), "title-1", GTK_ACCESSIBLE_ROLE_HEADING);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *start = _dorsum_study_page_button_new (_("_Start"), "suggested-action");
  GtkWidget *files = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button;

  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  gtk_box_append (GTK_BOX (box), title);

  self->store_problem = GTK_LABEL (_dorsum_study_page_label_new (NULL, "error", GTK_ACCESSIBLE_ROLE_LABEL));
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
  self->due_label = GTK_LABEL (_dorsum_study_page_label_new (NULL, "heading", GTK_ACCESSIBLE_ROLE_LABEL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->due_label));
  self->stats_label = GTK_LABEL (_dorsum_study_page_label_new (NULL, "secondary-text", GTK_ACCESSIBLE_ROLE_LABEL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stats_label));
  self->weakest_label = GTK_LABEL (_dorsum_study_page_label_new (NULL, NULL, GTK_ACCESSIBLE_ROLE_LABEL));
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

  button = _dorsum_study_page_button_new (_("E_xport Progress…"), NULL);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (export_clicked_cb), self);
  gtk_box_append (GTK_BOX (files), button);
  button = _dorsum_study_page_button_new (_("I_mport Progress…"), NULL);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (import_clicked_cb), self);
  gtk_box_append (GTK_BOX (files), button);
  gtk_widget_set_margin_top (files, 12);
  gtk_box_append (GTK_BOX (box), files);
  self->files_label = GTK_LABEL (_dorsum_study_page_label_new (NULL, "secondary-text", GTK_ACCESSIBLE_ROLE_LABEL));
  gtk_widget_set_visible (GTK_WIDGET (self->files_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->files_label));

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
  add_page (self, _dorsum_study_page_build_question (self), "question");
  add_page (self, _dorsum_study_page_build_summary (self), "summary");
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
