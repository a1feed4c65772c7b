/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one question before a handout leaves the app (printed or exported): the red flags and
 * contraindications linked to the stretches and self-care chosen for the client. */

#define G_LOG_DOMAIN "dorsum-plan-confirm"

#include "config.h"

#include <glib/gi18n.h>

#include "dorsum-plan-confirm.h"
#include "dorsum-plan.h"
#include "dorsum-question.h"

typedef struct
{
  GtkWindow              *parent;
  DorsumPlanConfirmedFunc confirmed;
  gpointer                user_data;
  GDestroyNotify          destroy;
} Confirm;

static void
confirm_free (Confirm *confirm)
{
  if (confirm->destroy != NULL)
    confirm->destroy (confirm->user_data);
  g_object_unref (confirm->parent);
  g_free (confirm);
}

static void
confirm_response_cb (GtkWidget  *question,
                     const char *response,
                     Confirm    *confirm)
{
  if (g_str_equal (response, "go"))
    confirm->confirmed (confirm->parent, confirm->user_data);
  confirm_free (confirm);
}

/**
 * dorsum_plan_confirm_cautions:
 * @go_label: the button that goes ahead, such as "_Print Anyway"
 * @confirmed: called when there is nothing to check, or the therapist goes ahead
 *
 * Shows the therapist the red flags and contraindications linked to the chosen stretches
 * and self-care before the handout is printed or exported; Cancel stops there.
 */
void
dorsum_plan_confirm_cautions (GtkWindow              *parent,
                              DorsumLibrary          *library,
                              DorsumChart            *chart,
                              const char             *go_label,
                              DorsumPlanConfirmedFunc confirmed,
                              gpointer                user_data,
                              GDestroyNotify          destroy)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) cautions = NULL;
  Confirm *confirm;
  GString *list;
  GtkWidget *question, *label;
  gboolean red = FALSE, other = FALSE;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (confirmed != NULL);

  confirm = g_new0 (Confirm, 1);
  confirm->parent = g_object_ref (parent);
  confirm->confirmed = confirmed;
  confirm->user_data = user_data;
  confirm->destroy = destroy;

  if (library != NULL && chart != NULL)
    {
      items = dorsum_plan_get_items (library, chart);
      cautions = dorsum_plan_get_cautions (library, items);
    }
  if (cautions == NULL || cautions->len == 0)
    {
      confirmed (parent, user_data);
      confirm_free (confirm);
      return;
    }

  /* The lists go left-aligned under the centred question, as lists read best. */
  list = g_string_new (NULL);
  for (guint i = 0; i < cautions->len; i++)
    {
      DorsumEntry *caution = cautions->pdata[i];
      gboolean is_red = dorsum_plan_is_red_flag (caution);

      if (is_red && !red)
        g_string_append_printf (list, "%s", _("Red flags — refer to a doctor first:"));
      else if (!is_red && !other)
        g_string_append_printf (list, "%s%s", red ? "\n\n" : "", _("Contraindications:"));
      red |= is_red;
      other |= !is_red;
      g_string_append_printf (list, "\n• %s", dorsum_entry_get_name (caution));
    }
  label = gtk_label_new (list->str);
  g_string_free (list, TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);

  question = dorsum_question_new (_("Check Before Giving the Handout"),
                                  _("Make sure none of these applies to the client before giving them the handout."));
  dorsum_question_set_extra_child (question, label);
  dorsum_question_add_response (question, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  dorsum_question_add_response (question, "go", go_label, ADW_RESPONSE_SUGGESTED);
  dorsum_question_set_default_response (question, "cancel");
  dorsum_question_set_close_response (question, "cancel");
  g_signal_connect (question, "response", G_CALLBACK (confirm_response_cb), confirm);
  dorsum_question_present (question, GTK_WIDGET (parent));
}
