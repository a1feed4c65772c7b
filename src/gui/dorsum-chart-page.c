/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Edits the chart through DorsumChart's API (so every change is one undo step) and keeps
 * the lookup results fresh as marks come and go. */

#define G_LOG_DOMAIN "dorsum-chart-page"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "dorsum-a11y.h"
#include "dorsum-chart-compare.h"
#include "dorsum-chart-keys.h"
#include "dorsum-chart-page.h"
#include "dorsum-chart-session.h"
#include "dorsum-lookup.h"
#include "dorsum-plan-editor.h"

#define MAX_RESULTS 8

struct _DorsumChartPage
{
  GtkWidget        parent_instance;

  DorsumLibrary   *library;
  DorsumChart     *chart;
  int              mark;
  gboolean         updating;
  guint            results_idle;

  GtkWidget       *scroller;
  GtkWidget       *hint;
  GtkWidget       *mark_group;
  GtkScale        *intensity_scale;
  AdwComboRow     *quality_row;
  AdwEntryRow     *note_row;
  GtkListBox      *results_list;
  GtkWidget       *marks_group;
  GtkListBox      *marks_list;
  AdwEntryRow     *initials_row;
  AdwEntryRow     *date_row;
  AdwEntryRow     *notes_row;
  AdwPreferencesGroup *client_group;
  DorsumPlanEditor *plan_editor;
  AdwPreferencesGroup *compare_group;
  GtkListBox      *compare_list;
  GtkWidget       *clear_compare_button;

  DorsumChart     *compare_chart;   /* an earlier chart of the client, or NULL */
  char            *compare_name;
};

enum {
  PROP_0,
  PROP_COMPARE_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DorsumChartPage, dorsum_chart_page, GTK_TYPE_WIDGET)

enum {
  MUSCLE_ACTIVATED,
  MARK_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
update_mark_editor (DorsumChartPage *self)
{
  const DorsumMark *mark;

  self->updating = TRUE;

  if (self->chart == NULL || self->mark < 0 || self->mark >= (int)dorsum_chart_get_n_marks (self->chart))
    {
      gtk_widget_set_visible (self->mark_group, FALSE);
      self->updating = FALSE;
      return;
    }

  mark = dorsum_chart_get_mark (self->chart, (guint)self->mark);
  gtk_widget_set_visible (self->mark_group, TRUE);
  gtk_range_set_value (GTK_RANGE (self->intensity_scale), mark->intensity);
  adw_combo_row_set_selected (self->quality_row, mark->quality);
  set_entry_text (self->note_row, mark->note);

  self->updating = FALSE;
}

static void
update_results (DorsumChartPage *self)
{
  g_autoptr(GArray) results = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))))
    gtk_list_box_remove (self->results_list, child);

  if (self->chart == NULL || self->library == NULL)
    return;

  results = dorsum_lookup_muscles (self->library, self->chart);

  if (results->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     dorsum_chart_get_n_marks (self->chart) ? _("No referral pattern matches these marks")
                                                                            : _("Mark where it hurts to see the likely muscles"));
      gtk_list_box_append (self->results_list, row);
      return;
    }

  for (guint i = 0; i < results->len && i < MAX_RESULTS; i++)
    {
      const DorsumLookupResult *r = &g_array_index (results, DorsumLookupResult, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *level = gtk_level_bar_new_for_interval (0, 1);
      /* Translators: how many of the chart's marks a muscle's referral zones touch */
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Matches %u mark",
                                                                "Matches %u marks", r->n_marks), r->n_marks);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dorsum_entry_get_name (r->muscle));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (level), MIN (1.0, r->score));
      gtk_widget_set_size_request (level, 80, -1);
      gtk_widget_set_valign (level, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (level), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Match"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), level);
      /* The arrow only says the row opens something: not read out ("GtkImage"). */
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), g_object_new (GTK_TYPE_IMAGE, "icon-name", "go-next-symbolic",
                                                                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "muscle-id", g_strdup (dorsum_entry_get_id (r->muscle)), g_free);
      gtk_list_box_append (self->results_list, row);
    }
}

/* The list of marks, kept row for row: only a row whose mark changed is laid out again
 * (rebuilding thirty rows made adding a mark miss its frame). */
static void
update_marks (DorsumChartPage *self)
{
  guint n = self->chart ? dorsum_chart_get_n_marks (self->chart) : 0;
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->marks_list));

  gtk_widget_set_visible (self->marks_group, n > 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = dorsum_chart_describe_mark (self->chart, self->library, i);

      if (row == NULL)
        {
          row = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data (G_OBJECT (row), "mark", GUINT_TO_POINTER (i));
          gtk_list_box_append (self->marks_list, row);
        }
      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), text) != 0)
        {
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
          gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
        }
      if (((int)i == self->mark) != gtk_widget_has_css_class (row, "accent"))
        {
          if ((int)i == self->mark)
            gtk_widget_add_css_class (row, "accent");
          else
            gtk_widget_remove_css_class (row, "accent");
        }
      row = gtk_widget_get_next_sibling (row);
    }

  while (row != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (row);

      gtk_list_box_remove (self->marks_list, row);
      row = next;
    }
}

static void
mark_row_activated_cb (DorsumChartPage *self,
                       GtkListBoxRow   *row,
                       GtkListBox      *list)
{
  g_signal_emit (self, signals[MARK_CHOSEN], 0, (int)GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "mark")));
}

/* The comparison with an earlier chart, line by line: the overall line first. */
static void
update_compare (DorsumChartPage *self)
{
  g_auto(GStrv) lines = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->compare_list))))
    gtk_list_box_remove (self->compare_list, child);

  gtk_widget_set_visible (GTK_WIDGET (self->compare_list), self->compare_chart != NULL);
  gtk_widget_set_visible (self->clear_compare_button, self->compare_chart != NULL);
  if (self->compare_chart == NULL || self->chart == NULL)
    {
      adw_preferences_group_set_description (self->compare_group,
                                             _("Compare with this client’s chart from an earlier session"));
      return;
    }

  {
    const char *date = dorsum_chart_get_date (self->compare_chart);
    /* Translators: the earlier chart compared with, by its file name and its date */
    g_autofree char *description = g_strdup_printf (_("Earlier chart: %s%s%s — drawn dashed on the figure"),
                                                    self->compare_name ? self->compare_name : "",
                                                    date && *date ? ", " : "", date ? date : "");

    adw_preferences_group_set_description (self->compare_group, description);
  }

  lines = dorsum_chart_compare_describe (self->compare_chart, self->chart, self->library);
  for (guint i = 0; lines[i]; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lines[i]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, lines[i], -1);
      if (i == 0)
        gtk_widget_add_css_class (row, "heading");
      gtk_list_box_append (self->compare_list, row);
    }
}

static void
compare_chosen_cb (GtkNativeDialog *dialog,
                   int              response,
                   DorsumChartPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;
      g_autoptr(DorsumChart) earlier = dorsum_chart_new_from_file (file, &error);

      if (earlier == NULL)
        {
          adw_preferences_group_set_description (self->compare_group, error->message);
          gtk_widget_error_bell (GTK_WIDGET (self));
        }
      else
        {
          g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                                         G_FILE_QUERY_INFO_NONE, NULL, NULL);
          g_autofree char *name = info ? g_strdup (g_file_info_get_display_name (info)) : g_file_get_basename (file);

          dorsum_chart_page_set_compare_chart (self, earlier, name);
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DorsumChartPage *self = DORSUM_CHART_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = dorsum_chart_filter_new ();

  if (g_str_equal (action_name, "chart-page.clear-compare"))
    {
      dorsum_chart_page_set_compare_chart (self, NULL, NULL);
      return;
    }

  dialog = gtk_file_chooser_native_new (_("Compare With an Earlier Chart"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Compare"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (compare_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static gboolean
results_idle_cb (gpointer data)
{
  DorsumChartPage *self = data;

  self->results_idle = 0;
  update_marks (self);
  update_results (self);
  dorsum_plan_editor_refresh (self->plan_editor);
  update_compare (self);

  return G_SOURCE_REMOVE;
}

static void
chart_changed_cb (DorsumChartPage *self,
                  DorsumChart     *chart)
{
  update_mark_editor (self);

  /* The new mark is drawn first; the ranked muscles follow once that frame is out. */
  if (self->results_idle == 0)
    self->results_idle = g_idle_add_full (G_PRIORITY_LOW, results_idle_cb, self, NULL);
}

static void
mark_edited_cb (DorsumChartPage *self)
{
  DorsumMark mark;

  if (self->updating || self->chart == NULL || self->mark < 0 ||
      self->mark >= (int)dorsum_chart_get_n_marks (self->chart))
    return;

  mark = *dorsum_chart_get_mark (self->chart, (guint)self->mark);
  mark.intensity = (int)(gtk_range_get_value (GTK_RANGE (self->intensity_scale)) + 0.5);
  mark.quality = adw_combo_row_get_selected (self->quality_row);
  mark.note = (char *)gtk_editable_get_text (GTK_EDITABLE (self->note_row));

  if (mark.intensity == dorsum_chart_get_mark (self->chart, (guint)self->mark)->intensity &&
      mark.quality == dorsum_chart_get_mark (self->chart, (guint)self->mark)->quality &&
      g_strcmp0 (mark.note[0] ? mark.note : NULL, dorsum_chart_get_mark (self->chart, (guint)self->mark)->note) == 0)
    return;

  dorsum_chart_update_mark (self->chart, (guint)self->mark, &mark);
}

static void
delete_clicked_cb (DorsumChartPage *self)
{
  if (self->chart == NULL || self->mark < 0 || self->mark >= (int)dorsum_chart_get_n_marks (self->chart))
    return;

  dorsum_chart_remove_mark (self->chart, (guint)self->mark);
  self->mark = -1;
  update_mark_editor (self);
}

/* The rows stop input at the chart's limits (the same the file reader enforces), and the
 * row's group says so while a text is at its limit. */
static void
limit_changed_cb (AdwEntryRow *row,
                  GtkWidget   *group)
{
  int max = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "max-chars"));
  const char *usual = g_object_get_data (G_OBJECT (row), "usual-description");
  glong length = g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (row)), -1);

  if (length >= max)
    {
      /* Translators: shown under a text field that is full; %d is its number of characters */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "At most %d character: the rest is not kept",
                                                            "At most %d characters: the rest is not kept", max), max);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), text);
      gtk_widget_add_css_class (GTK_WIDGET (row), "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
    }
  else if (gtk_widget_has_css_class (GTK_WIDGET (row), "warning"))
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), usual);
      gtk_widget_remove_css_class (GTK_WIDGET (row), "warning");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
limit_row (AdwEntryRow *row,
           GtkWidget   *group,
           int          max)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (row));
  const char *usual = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group));

  if (GTK_IS_TEXT (text))
    gtk_text_set_max_length (GTK_TEXT (text), max);
  g_object_set_data (G_OBJECT (row), "max-chars", GINT_TO_POINTER (max));
  g_object_set_data_full (G_OBJECT (row), "usual-description", g_strdup (usual), g_free);
  g_signal_connect (row, "changed", G_CALLBACK (limit_changed_cb), group);
}

static void
details_edited_cb (DorsumChartPage *self,
                   AdwEntryRow     *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (self->updating || self->chart == NULL)
    return;

  if (row == self->date_row)
    {
      /* The file keeps an ISO date; anything else is refused here, not silently saved. */
      if (!dorsum_chart_date_is_valid (text))
        {
          gtk_widget_add_css_class (GTK_WIDGET (row), "error");
          gtk_widget_error_bell (GTK_WIDGET (row));
          return;
        }
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      dorsum_chart_set_date (self->chart, text);
    }
  else if (row == self->initials_row)
    dorsum_chart_set_initials (self->chart, text);
  else
    dorsum_chart_set_notes (self->chart, text);
}

static void
result_activated_cb (DorsumChartPage *self,
                     GtkListBoxRow   *row,
                     GtkListBox      *list)
{
  const char *id = g_object_get_data (G_OBJECT (row), "muscle-id");

  if (id != NULL)
    g_signal_emit (self, signals[MUSCLE_ACTIVATED], 0, id);
}

static void
dorsum_chart_page_dispose (GObject *object)
{
  DorsumChartPage *self = (DorsumChartPage *)object;

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_clear_handle_id (&self->results_idle, g_source_remove);
  g_clear_object (&self->chart);
  g_clear_object (&self->library);
  g_clear_object (&self->compare_chart);
  g_clear_pointer (&self->compare_name, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), DORSUM_TYPE_CHART_PAGE);

  G_OBJECT_CLASS (dorsum_chart_page_parent_class)->dispose (object);
}

static void
dorsum_chart_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DorsumChartPage *self = DORSUM_CHART_PAGE (object);

  switch (prop_id)
    {
    case PROP_COMPARE_CHART:
      g_value_set_object (value, self->compare_chart);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dorsum_chart_page_class_init (DorsumChartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dorsum_chart_page_dispose;
  object_class->get_property = dorsum_chart_page_get_property;

  /**
   * DorsumChartPage:compare-chart:
   *
   * An earlier chart of the client that the current one is compared with, or %NULL.
   */
  properties[PROP_COMPARE_CHART] =
    g_param_spec_object ("compare-chart", NULL, NULL, DORSUM_TYPE_CHART,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DORSUM_TYPE_PLAN_EDITOR);
  gtk_widget_class_install_action (widget_class, "chart-page.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "chart-page.clear-compare", NULL, compare_action);

  /**
   * DorsumChartPage::muscle-activated:
   * @id: a muscle whose referral pattern matches the chart
   */
  signals[MUSCLE_ACTIVATED] =
    g_signal_new ("muscle-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * DorsumChartPage::mark-chosen:
   * @mark: its position in the chart
   *
   * A mark was chosen in the list of marks.
   */
  signals[MARK_CHOSEN] =
    g_signal_new ("mark-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dorsum/Dorsum/dorsum-chart-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chartpage");
  gtk_widget_class_bind_template_child (widget_class, DorsumChartPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, DorsumChartPage, hint);
  gtk_widget_class_bind_template_child (widget_class, DorsumChartPage, mark_group);
  gtk_widget_class_bind_template_child (widget_class, DorsumChartPage, intensity_scale);
  gtk_widget_class_bind_template_child (widget_class, DorsumChartPage, quality_row);
  gtk_widget_class_bind_template_child (widget_class, DorsumChartPage, note_row);
  gtk_widget_class_bind_template_child (widget_class, DorsumChartPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, DorsumChartPage, initials_row);
  gtk_widget_class_bind_template_child (widget_class, DorsumChartPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, DorsumChartPage, notes_row);
  gtk_widget_class_bind_template_child (widget_class, DorsumChartPage, client_group);
  gtk_widget_class_bind_template_callback (widget_class, mark_edited_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, details_edited_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, mark_row_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, DorsumChartPage, marks_group);
  gtk_widget_class_bind_template_child (widget_class, DorsumChartPage, marks_list);
  gtk_widget_class_bind_template_child (widget_class, DorsumChartPage, plan_editor);
  gtk_widget_class_bind_template_child (widget_class, DorsumChartPage, compare_group);
  gtk_widget_class_bind_template_child (widget_class, DorsumChartPage, compare_list);
  gtk_widget_class_bind_template_child (widget_class, DorsumChartPage, clear_compare_button);
}

static void
dorsum_chart_page_init (DorsumChartPage *self)
{
  g_autoptr(GtkStringList) qualities = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->mark = -1;

  for (guint q = 0; q < DORSUM_N_QUALITIES; q++)
    gtk_string_list_append (qualities, dorsum_quality_get_title (q));
  adw_combo_row_set_model (self->quality_row, G_LIST_MODEL (qualities));

  for (guint i = 0; i <= 10; i += 5)
    gtk_scale_add_mark (self->intensity_scale, i, GTK_POS_BOTTOM, NULL);

  dorsum_a11y_name_group_list (ADW_PREFERENCES_GROUP (self->mark_group));
  dorsum_a11y_name_group_list (self->client_group);
  dorsum_a11y_tidy_rows (GTK_WIDGET (self->client_group), NULL);
  /* libadwaita 1.7's entry rows have an apply button that is an icon with no name. */
  dorsum_a11y_name_icon_buttons (GTK_WIDGET (self), "adw-entry-apply-symbolic", _("Apply"));
  limit_row (self->note_row, self->mark_group, DORSUM_CHART_MAX_NOTE_CHARS);
  limit_row (self->notes_row, GTK_WIDGET (self->client_group), DORSUM_CHART_MAX_NOTES_CHARS);
  limit_row (self->initials_row, GTK_WIDGET (self->client_group), DORSUM_CHART_MAX_INITIALS_CHARS);

  /* The legend of the marks on the diagram: colour for intensity, letter for quality. */
  {
    GString *legend = g_string_new (gtk_label_get_label (GTK_LABEL (self->hint)));

    g_string_append (legend, "\n\n");
    g_string_append (legend, _("Marks go from yellow (mild) to red (severe); the letter is the quality:"));
    for (guint q = 0; q < DORSUM_N_QUALITIES; q++)
      g_string_append_printf (legend, "%s%s %s", q ? ", " : " ", dorsum_quality_get_letter (q),
                              dorsum_quality_get_title (q));
    gtk_label_set_label (GTK_LABEL (self->hint), legend->str);
    g_string_free (legend, TRUE);
  }
}

GtkWidget *
dorsum_chart_page_new (void)
{
  return g_object_new (DORSUM_TYPE_CHART_PAGE, NULL);
}

void
dorsum_chart_page_set_chart (DorsumChartPage *self,
                             DorsumLibrary   *library,
                             DorsumChart     *chart)
{
  g_return_if_fail (DORSUM_IS_CHART_PAGE (self));

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);

  /* Another chart (new, opened, restored) may be another client's: the comparison ends. */
  if (chart != self->chart)
    dorsum_chart_page_set_compare_chart (self, NULL, NULL);

  g_set_object (&self->library, library);
  g_set_object (&self->chart, chart);
  self->mark = -1;

  if (chart != NULL)
    g_signal_connect_object (chart, "changed", G_CALLBACK (chart_changed_cb), self, G_CONNECT_SWAPPED);

  self->updating = TRUE;
  set_entry_text (self->initials_row, chart ? dorsum_chart_get_initials (chart) : NULL);
  set_entry_text (self->date_row, chart ? dorsum_chart_get_date (chart) : NULL);
  set_entry_text (self->notes_row, chart ? dorsum_chart_get_notes (chart) : NULL);
  self->updating = FALSE;

  update_mark_editor (self);
  update_marks (self);
  update_results (self);
  dorsum_plan_editor_set_chart (self->plan_editor, library, chart);
  update_compare (self);
}

void
dorsum_chart_page_select_mark (DorsumChartPage *self,
                               int              mark)
{
  g_return_if_fail (DORSUM_IS_CHART_PAGE (self));

  self->mark = mark;
  update_mark_editor (self);
  /* Only the chosen row's look now; new and changed rows come at idle (results_idle_cb). */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->marks_list)); row; row = gtk_widget_get_next_sibling (row))
    {
      gboolean chosen = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "mark")) == (guint)mark && mark >= 0;

      if (chosen != gtk_widget_has_css_class (row, "accent"))
        {
          if (chosen)
            gtk_widget_add_css_class (row, "accent");
          else
            gtk_widget_remove_css_class (row, "accent");
        }
    }
}

/* F2: the chosen mark's note, to type into. */
void
dorsum_chart_page_edit_note (DorsumChartPage *self)
{
  g_return_if_fail (DORSUM_IS_CHART_PAGE (self));

  if (gtk_widget_get_visible (self->mark_group))
    gtk_widget_grab_focus (GTK_WIDGET (self->note_row));
}

/**
 * dorsum_chart_page_set_compare_chart:
 * @earlier: (nullable): an earlier chart of the client, or %NULL to stop comparing
 * @name: (nullable): what to call it (its file name)
 */
void
dorsum_chart_page_set_compare_chart (DorsumChartPage *self,
                                     DorsumChart     *earlier,
                                     const char      *name)
{
  g_return_if_fail (DORSUM_IS_CHART_PAGE (self));
  g_return_if_fail (earlier == NULL || DORSUM_IS_CHART (earlier));

  if (earlier == self->compare_chart)
    return;

  g_set_object (&self->compare_chart, earlier);
  g_free (self->compare_name);
  self->compare_name = g_strdup (name);
  update_compare (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARE_CHART]);
}

/**
 * dorsum_chart_page_get_compare_chart:
 *
 * Returns: (transfer none) (nullable): the earlier chart compared with
 */
DorsumChart *
dorsum_chart_page_get_compare_chart (DorsumChartPage *self)
{
  g_return_val_if_fail (DORSUM_IS_CHART_PAGE (self), NULL);

  return self->compare_chart;
}
