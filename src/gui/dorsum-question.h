/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A question or a message over a window, with buttons (its responses): AdwAlertDialog where
 * libadwaita has it (1.5 and newer, the Flatpak's runtime), AdwMessageDialog on older ones
 * (Debian 12's 1.2). Both have the same responses and "response" signal; the callers hold
 * the question as a GtkWidget and never need to know which it is. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget  *dorsum_question_new                     (const char            *heading,
                                                     const char            *body);
void        dorsum_question_add_response            (GtkWidget             *question,
                                                     const char            *id,
                                                     const char            *label,
                                                     AdwResponseAppearance  appearance);
void        dorsum_question_set_default_response    (GtkWidget             *question,
                                                     const char            *id);
void        dorsum_question_set_close_response      (GtkWidget             *question,
                                                     const char            *id);
void        dorsum_question_set_extra_child         (GtkWidget             *question,
                                                     GtkWidget             *child);
void        dorsum_question_present                 (GtkWidget             *question,
                                                     GtkWidget             *parent);

/* For tests and the accessibility walk: what the user sees, and answering as they would. */
gboolean    dorsum_question_is_question             (GtkWidget             *widget);
GtkWidget  *dorsum_question_find                    (void);
const char *dorsum_question_get_heading             (GtkWidget             *question);
gboolean    dorsum_question_has_response            (GtkWidget             *question,
                                                     const char            *id);
const char *dorsum_question_get_response_label      (GtkWidget             *question,
                                                     const char            *id);

G_END_DECLS
