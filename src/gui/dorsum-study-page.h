/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Study page: decks with what is due, a session of questions on the figure and the
 * facts, graded for spaced repetition, and what the student knows drawn on the figure. */
#pragma once

#include <adwaita.h>

#include "dorsum-diagram-view.h"
#include "dorsum-library.h"
#include "dorsum-quiz.h"

G_BEGIN_DECLS

#define DORSUM_TYPE_STUDY_PAGE (dorsum_study_page_get_type())

G_DECLARE_FINAL_TYPE (DorsumStudyPage, dorsum_study_page, DORSUM, STUDY_PAGE, AdwBin)

GtkWidget            *dorsum_study_page_new            (DorsumLibrary     *library,
                                                        DorsumDiagramView *view,
                                                        GSettings         *settings);
void                  dorsum_study_page_show_home      (DorsumStudyPage   *self);
void                  dorsum_study_page_start          (DorsumStudyPage   *self);
gboolean              dorsum_study_page_region_clicked (DorsumStudyPage   *self,
                                                        const char        *region_id);
void                  dorsum_study_page_leave          (DorsumStudyPage   *self);

/* For tests */
void                  dorsum_study_page_set_seed       (DorsumStudyPage   *self,
                                                        guint32            seed);
const DorsumQuestion *dorsum_study_page_get_question   (DorsumStudyPage   *self);
void                  dorsum_study_page_choose         (DorsumStudyPage   *self,
                                                        guint              choice);
void                  dorsum_study_page_grade          (DorsumStudyPage   *self,
                                                        DorsumGrade        grade);
guint                 dorsum_study_page_get_score      (DorsumStudyPage   *self,
                                                        guint             *asked);
const char           *dorsum_study_page_get_state      (DorsumStudyPage   *self);
DorsumStudyStore     *dorsum_study_page_get_store      (DorsumStudyPage   *self);

G_END_DECLS
