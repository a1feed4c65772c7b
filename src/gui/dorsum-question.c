/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Questions and messages over a window, the same on every libadwaita (see the header).
 * libadwaita 1.6 deprecates AdwMessageDialog for AdwAlertDialog (1.5), which is shown inside
 * the window rather than as a window of its own. The build's headers decide: Debian 12's
 * libadwaita 1.2 has only AdwMessageDialog. (Both make GTK 4.18 warn about measuring a long
 * heading; that is libadwaita's, see tests/test-gui-common.h.) */

#define G_LOG_DOMAIN "dorsum-question"

#include "config.h"

#include "dorsum-a11y.h"
#include "dorsum-question.h"

/* The project allows API up to libadwaita 1.2; AdwAlertDialog is newer, used only here
 * and only when the headers have it. */
#if ADW_CHECK_VERSION (1, 5, 0)
# define USE_ALERT_DIALOG 1
#else
# define USE_ALERT_DIALOG 0
#endif

#if USE_ALERT_DIALOG
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
# define QUESTION(w)    ADW_ALERT_DIALOG (w)
# define IS_QUESTION(w) ADW_IS_ALERT_DIALOG (w)
# define Q(name)        adw_alert_dialog_##name
#else
# define QUESTION(w)    ADW_MESSAGE_DIALOG (w)
# define IS_QUESTION(w) ADW_IS_MESSAGE_DIALOG (w)
# define Q(name)        adw_message_dialog_##name
#endif

/**
 * dorsum_question_new:
 *
 * A question (or a message, with one response) with @heading and @body, not shown yet:
 * add its responses, then dorsum_question_present(). Its "response" signal is emitted with
 * the id of the response chosen (or of the close response on Escape), and it closes.
 */
GtkWidget *
dorsum_question_new (const char *heading,
                     const char *body)
{
#if USE_ALERT_DIALOG
  return GTK_WIDGET (adw_alert_dialog_new (heading, body));
#else
  return adw_message_dialog_new (NULL, heading, body);
#endif
}

void
dorsum_question_add_response (GtkWidget             *question,
                              const char            *id,
                              const char            *label,
                              AdwResponseAppearance  appearance)
{
  g_return_if_fail (IS_QUESTION (question));

  Q (add_response) (QUESTION (question), id, label);
  Q (set_response_appearance) (QUESTION (question), id, appearance);
}

/* What Enter answers. */
void
dorsum_question_set_default_response (GtkWidget  *question,
                                      const char *id)
{
  g_return_if_fail (IS_QUESTION (question));

  Q (set_default_response) (QUESTION (question), id);
}

/* What Escape (or closing the question) answers. */
void
dorsum_question_set_close_response (GtkWidget  *question,
                                    const char *id)
{
  g_return_if_fail (IS_QUESTION (question));

  Q (set_close_response) (QUESTION (question), id);
}

/* @child goes under the body, such as a list. */
void
dorsum_question_set_extra_child (GtkWidget *question,
                                 GtkWidget *child)
{
  g_return_if_fail (IS_QUESTION (question));

  Q (set_extra_child) (QUESTION (question), child);
}

/**
 * dorsum_question_present:
 * @parent: a widget of the window the question is about
 *
 * Shows the question over @parent's window, which waits for the answer.
 */
void
dorsum_question_present (GtkWidget *question,
                         GtkWidget *parent)
{
  g_return_if_fail (IS_QUESTION (question));
  g_return_if_fail (GTK_IS_WIDGET (parent));

  dorsum_a11y_fix_mnemonics (question);
#if USE_ALERT_DIALOG
  adw_dialog_present (ADW_DIALOG (question), parent);
#else
  {
    GtkRoot *root = gtk_widget_get_root (parent);

    gtk_window_set_transient_for (GTK_WINDOW (question), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
    gtk_window_set_modal (GTK_WINDOW (question), TRUE);
    gtk_window_present (GTK_WINDOW (question));
  }
#endif
}

gboolean
dorsum_question_is_question (GtkWidget *widget)
{
  return IS_QUESTION (widget);
}

/**
 * dorsum_question_find:
 *
 * The question on the screen, if one is shown: over one of the application's windows
 * (newer libadwaita), or a window of its own (older).
 */
GtkWidget *
dorsum_question_find (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      GtkWidget *found = NULL;

      if (!gtk_widget_get_visible (GTK_WIDGET (window)))
        continue;
#if USE_ALERT_DIALOG
      if (ADW_IS_APPLICATION_WINDOW (window))
        found = GTK_WIDGET (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
      else if (ADW_IS_WINDOW (window))
        found = GTK_WIDGET (adw_window_get_visible_dialog (ADW_WINDOW (window)));
#else
      found = GTK_WIDGET (window);
#endif
      if (found != NULL && IS_QUESTION (found))
        return found;
    }

  return NULL;
}

const char *
dorsum_question_get_heading (GtkWidget *question)
{
  g_return_val_if_fail (IS_QUESTION (question), NULL);

  return Q (get_heading) (QUESTION (question));
}

gboolean
dorsum_question_has_response (GtkWidget  *question,
                              const char *id)
{
  g_return_val_if_fail (IS_QUESTION (question), FALSE);

  return Q (has_response) (QUESTION (question), id);
}

const char *
dorsum_question_get_response_label (GtkWidget  *question,
                                    const char *id)
{
  g_return_val_if_fail (IS_QUESTION (question), NULL);

  return Q (get_response_label) (QUESTION (question), id);
}

#if USE_ALERT_DIALOG
G_GNUC_END_IGNORE_DEPRECATIONS
#endif
