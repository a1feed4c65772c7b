/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A study session on the Study page: its question and summary pages, a question shown,
 * answered (on the figure, by name or by choice), graded and stored, the next one. See
 * dorsum-study-page.c for the page's home and engine. */

#define G_LOG_DOMAIN "dorsum-study-page"

#include "config.h"

#include <glib/gi18n.h>

#include "dorsum-a11y.h"
#include "dorsum-figure.h"
#include "dorsum-study-page-private.h"

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

  _dorsum_study_page_ensure_engine (self);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  self->cards = dorsum_quiz_pick_cards (self->quiz, self->store, _dorsum_study_page_selected_deck (self), DORSUM_QUESTION_TYPES_ALL,
                                        _dorsum_study_page_setting (self, "study-session-length", 10) * 2,
                                        _dorsum_study_page_setting (self, "study-new-per-day", 20), TRUE, _dorsum_study_page_now_seconds (), self->rand,
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
  _dorsum_study_page_show_question (self);
}

static void
show_summary (DorsumStudyPage *self)
{
  /* Translators: at the end of a study session: right answers of questions asked */
  g_autofree char *text = g_strdup_printf (_("%u of %u right"), self->right, self->asked);

  g_clear_pointer (&self->question, dorsum_question_free);
  _dorsum_study_page_reset_view (self);
  dorsum_diagram_view_set_labels (self->view, self->labels_before);
  gtk_label_set_label (self->score_label, text);
  gtk_stack_set_visible_child_name (self->stack, "summary");
}

void
_dorsum_study_page_show_question (DorsumStudyPage *self)
{
  guint wanted = _dorsum_study_page_setting (self, "study-session-length", 10);
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
  _dorsum_study_page_reset_view (self);
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
                                  self->was_right ? grade : DORSUM_GRADE_AGAIN, _dorsum_study_page_now_seconds (), NULL, &error))
    {
      gtk_label_set_label (self->answer_label, error->message);
      return;
    }

  self->position++;
  _dorsum_study_page_show_question (self);
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

GtkWidget *
_dorsum_study_page_build_question (DorsumStudyPage *self)
{
  static const struct { DorsumGrade grade; const char *label; const char *tooltip; } grades[] = {
    { DORSUM_GRADE_HARD, N_("_Hard"), N_("Right, with effort: ask again sooner") },
    { DORSUM_GRADE_GOOD, N_("_Good"), N_("Right: ask again later") },
    { DORSUM_GRADE_EASY, N_("_Easy"), N_("Right at once: ask again much later") },
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->progress_label = GTK_LABEL (_dorsum_study_page_label_new (NULL, "secondary-text", GTK_ACCESSIBLE_ROLE_LABEL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress_label));
  self->prompt_label = GTK_LABEL (_dorsum_study_page_label_new (NULL, "title-3", GTK_ACCESSIBLE_ROLE_HEADING));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->prompt_label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->prompt_label));
  self->detail_label = GTK_LABEL (_dorsum_study_page_label_new (NULL, "secondary-text", GTK_ACCESSIBLE_ROLE_LABEL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->detail_label));
  self->hint_label = GTK_LABEL (_dorsum_study_page_label_new (_("Click it on the figure; either side counts."), NULL, GTK_ACCESSIBLE_ROLE_LABEL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->hint_label));

  self->name_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->name_entry, _("Type its name, or choose below"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->name_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("The muscle’s name"), -1);
  g_signal_connect_swapped (self->name_entry, "activate", G_CALLBACK (name_activated_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->name_entry));

  self->choices_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  for (guint i = 0; i < N_CHOICES; i++)
    {
      GtkWidget *label = _dorsum_study_page_label_new (NULL, NULL, GTK_ACCESSIBLE_ROLE_LABEL);

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

  self->skip_button = _dorsum_study_page_button_new (_("I Don’t _Know"), NULL);
  gtk_widget_set_halign (self->skip_button, GTK_ALIGN_START);
  g_signal_connect_swapped (self->skip_button, "clicked", G_CALLBACK (skip_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), self->skip_button);

  self->feedback_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->result_label = GTK_LABEL (_dorsum_study_page_label_new (NULL, "title-4", GTK_ACCESSIBLE_ROLE_LABEL));
  gtk_box_append (GTK_BOX (self->feedback_box), GTK_WIDGET (self->result_label));
  self->answer_label = GTK_LABEL (_dorsum_study_page_label_new (NULL, NULL, GTK_ACCESSIBLE_ROLE_LABEL));
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
      GtkWidget *button = _dorsum_study_page_button_new (_(grades[i].label), grades[i].grade == DORSUM_GRADE_GOOD ? "suggested-action" : NULL);

      gtk_widget_set_tooltip_text (button, _(grades[i].tooltip));
      g_object_set_data (G_OBJECT (button), "grade", GINT_TO_POINTER (grades[i].grade));
      g_signal_connect (button, "clicked", G_CALLBACK (grade_clicked_cb), self);
      gtk_box_append (GTK_BOX (self->grade_box), button);
    }
  gtk_box_append (GTK_BOX (self->feedback_box), self->grade_box);

  self->next_button = _dorsum_study_page_button_new (_("_Next"), "suggested-action");
  gtk_widget_set_halign (self->next_button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (self->next_button, _("Recorded as not known: it comes back soon"));
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (next_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->feedback_box), self->next_button);
  gtk_box_append (GTK_BOX (box), self->feedback_box);

  return box;
}

GtkWidget *
_dorsum_study_page_build_summary (DorsumStudyPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title = _dorsum_study_page_label_new (_("Session Done"), "title-1", GTK_ACCESSIBLE_ROLE_HEADING);
  GtkWidget *again = _dorsum_study_page_button_new (_("Study _More"), "suggested-action");
  GtkWidget *home = _dorsum_study_page_button_new (_("_Back to the Decks"), NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  gtk_box_append (GTK_BOX (box), title);
  self->score_label = GTK_LABEL (_dorsum_study_page_label_new (NULL, "title-3", GTK_ACCESSIBLE_ROLE_LABEL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->score_label));
  gtk_widget_set_halign (again, GTK_ALIGN_START);
  g_signal_connect_swapped (again, "clicked", G_CALLBACK (dorsum_study_page_start), self);
  gtk_box_append (GTK_BOX (box), again);
  gtk_widget_set_halign (home, GTK_ALIGN_START);
  g_signal_connect_swapped (home, "clicked", G_CALLBACK (dorsum_study_page_show_home), self);
  gtk_box_append (GTK_BOX (box), home);

  return box;
}
