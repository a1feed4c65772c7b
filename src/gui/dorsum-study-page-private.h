/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Study page's insides, shared by dorsum-study-page.c (the page, home, engine) and
 * dorsum-study-page-session.c (a session). */
#pragma once

#include <adwaita.h>

#include "dorsum-study-page.h"

G_BEGIN_DECLS

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

/* dorsum-study-page.c */
gint64       _dorsum_study_page_now_seconds    (void);
GtkWidget   *_dorsum_study_page_label_new      (const char        *text,
                                                const char        *css_class,
                                                GtkAccessibleRole  role);
GtkWidget   *_dorsum_study_page_button_new     (const char        *label,
                                                const char        *css_class);
void         _dorsum_study_page_ensure_engine  (DorsumStudyPage   *self);
const char  *_dorsum_study_page_selected_deck  (DorsumStudyPage   *self);
guint        _dorsum_study_page_setting        (DorsumStudyPage   *self,
                                                const char        *key,
                                                guint              fallback);
void         _dorsum_study_page_reset_view     (DorsumStudyPage   *self);

/* dorsum-study-page-session.c */
GtkWidget   *_dorsum_study_page_build_question (DorsumStudyPage   *self);
GtkWidget   *_dorsum_study_page_build_summary  (DorsumStudyPage   *self);
void         _dorsum_study_page_show_question  (DorsumStudyPage   *self);

G_END_DECLS
