/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pain chart a window works on, out of the window (as GNOME Text Editor keeps its
 * documents in editor-session.c): every path that would drop unsaved work — New, Open,
 * Open Recent, a chart from the command line, closing, quitting — asks here, the same way. */

#define G_LOG_DOMAIN "dorsum-chart-session"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "dorsum-chart-session.h"
#include "dorsum-handout.h"
#include "dorsum-question.h"

/* A change is copied to the crash file this long after it is made. */
#define AUTOSAVE_SECONDS 2

struct _DorsumChartSession
{
  GObject      parent_instance;

  DorsumChart *chart;
  GFile       *file;
  guint        autosave_id;
  gboolean     autosave_failed;  /* told the user once; told again after a success */
  GSettings   *settings;         /* nullable: running uninstalled without the schema */
};

enum {
  PROP_0,
  PROP_CHART,
  PROP_FILE,
  PROP_UNSAVED,
  N_PROPS
};

enum {
  PROBLEM,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DorsumChartSession, dorsum_chart_session, G_TYPE_OBJECT)

static void
problem (DorsumChartSession *self,
         const char         *heading,
         const char         *message)
{
  g_signal_emit (self, signals[PROBLEM], 0, heading, message);
}

static gboolean
autosave_cb (gpointer data)
{
  DorsumChartSession *self = data;

  self->autosave_id = 0;
  dorsum_chart_session_flush_autosave (self);

  return G_SOURCE_REMOVE;
}

static void
chart_changed_cb (DorsumChartSession *self,
                  DorsumChart        *chart)
{
  /* Keep unsaved work safe from a crash within a couple of seconds of each change. */
  if (self->autosave_id == 0)
    self->autosave_id = g_timeout_add_seconds (AUTOSAVE_SECONDS, autosave_cb, self);
}

static void
chart_modified_cb (DorsumChartSession *self,
                   GParamSpec         *pspec,
                   DorsumChart        *chart)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNSAVED]);
}

/* The core reads no settings: the therapist's details and the paper reach the handouts
 * printed from this app as its default options. */
static void
handout_settings_changed_cb (DorsumChartSession *self,
                             const char         *key,
                             GSettings          *settings)
{
  g_autofree char *therapist = NULL;
  g_autofree char *practice = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *paper = NULL;
  DorsumHandoutOptions options = { 0 };

  if (key != NULL && !g_str_has_prefix (key, "handout-"))
    return;

  options.therapist = therapist = g_settings_get_string (settings, "handout-therapist-name");
  options.practice = practice = g_settings_get_string (settings, "handout-practice");
  options.contact = contact = g_settings_get_string (settings, "handout-contact");
  paper = g_settings_get_string (settings, "handout-paper-size");
  if (!dorsum_paper_from_string (paper, &options.paper))
    options.paper = DORSUM_PAPER_A4;
  dorsum_handout_set_default_options (&options);
}

static void
dorsum_chart_session_dispose (GObject *object)
{
  DorsumChartSession *self = DORSUM_CHART_SESSION (object);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);
  g_clear_object (&self->chart);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dorsum_chart_session_parent_class)->dispose (object);
}

static void
dorsum_chart_session_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DorsumChartSession *self = DORSUM_CHART_SESSION (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_UNSAVED:
      g_value_set_boolean (value, dorsum_chart_session_get_unsaved (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dorsum_chart_session_class_init (DorsumChartSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dorsum_chart_session_dispose;
  object_class->get_property = dorsum_chart_session_get_property;

  properties[PROP_CHART] = g_param_spec_object ("chart", NULL, NULL, DORSUM_TYPE_CHART,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNSAVED] = g_param_spec_boolean ("unsaved", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DorsumChartSession::problem:
   * @heading: what went wrong, as a title
   * @message: the details, naming the file
   *
   * Something the user must hear of that no action of theirs is waiting on (the crash copy
   * could not be written, or read).
   */
  signals[PROBLEM] = g_signal_new ("problem", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
dorsum_chart_session_init (DorsumChartSession *self)
{
  g_autoptr(DorsumChart) chart = dorsum_chart_new ();
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  dorsum_chart_session_set_chart (self, chart, NULL);

  if (source != NULL && (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)))
    {
      self->settings = g_settings_new (APP_ID);
      g_signal_connect_object (self->settings, "changed", G_CALLBACK (handout_settings_changed_cb), self, G_CONNECT_SWAPPED);
      handout_settings_changed_cb (self, NULL, self->settings);
    }
}

DorsumChartSession *
dorsum_chart_session_new (void)
{
  return g_object_new (DORSUM_TYPE_CHART_SESSION, NULL);
}

DorsumChart *
dorsum_chart_session_get_chart (DorsumChartSession *self)
{
  g_return_val_if_fail (DORSUM_IS_CHART_SESSION (self), NULL);

  return self->chart;
}

/**
 * dorsum_chart_session_get_file:
 *
 * Returns: (transfer none) (nullable): where the chart is saved, %NULL if it never was
 */
GFile *
dorsum_chart_session_get_file (DorsumChartSession *self)
{
  g_return_val_if_fail (DORSUM_IS_CHART_SESSION (self), NULL);

  return self->file;
}

/* What the chart is called in titles and questions: its file's name, or a new chart's name. */
char *
dorsum_chart_session_dup_display_name (DorsumChartSession *self)
{
  g_return_val_if_fail (DORSUM_IS_CHART_SESSION (self), NULL);

  if (self->file != NULL)
    return g_file_get_basename (self->file);

  return g_strdup (_("New Pain Chart"));
}

gboolean
dorsum_chart_session_get_unsaved (DorsumChartSession *self)
{
  g_return_val_if_fail (DORSUM_IS_CHART_SESSION (self), FALSE);

  return self->chart != NULL && dorsum_chart_get_modified (self->chart);
}

/* Replaces the chart without asking: callers ask first (dorsum_chart_session_ask_save_changes). */
void
dorsum_chart_session_set_chart (DorsumChartSession *self,
                                DorsumChart        *chart,
                                GFile              *file)
{
  g_return_if_fail (DORSUM_IS_CHART_SESSION (self));
  g_return_if_fail (DORSUM_IS_CHART (chart));

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_data (self->chart, self);

  g_set_object (&self->chart, chart);
  g_set_object (&self->file, file);

  g_signal_connect_object (chart, "changed", G_CALLBACK (chart_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (chart, "notify::modified", G_CALLBACK (chart_modified_cb), self, G_CONNECT_SWAPPED);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNSAVED]);
}

/* A new chart dated today. */
void
dorsum_chart_session_new_chart (DorsumChartSession *self)
{
  g_autoptr(DorsumChart) chart = dorsum_chart_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  g_return_if_fail (DORSUM_IS_CHART_SESSION (self));

  dorsum_chart_set_date (chart, today);
  dorsum_chart_set_modified (chart, FALSE);
  dorsum_chart_session_set_chart (self, chart, NULL);
}

static void
add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

/**
 * dorsum_chart_session_open:
 *
 * Opens a chart file in place of the current chart. A bad file changes nothing: the error
 * names the file and line.
 */
gboolean
dorsum_chart_session_open (DorsumChartSession  *self,
                           GFile               *file,
                           GError             **error)
{
  g_autoptr(DorsumChart) chart = NULL;

  g_return_val_if_fail (DORSUM_IS_CHART_SESSION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  chart = dorsum_chart_new_from_file (file, error);
  if (chart == NULL)
    return FALSE;

  /* The chart it replaces was saved or discarded (the caller asked): its copy goes too. */
  dorsum_chart_clear_autosave ();
  dorsum_chart_session_set_chart (self, chart, file);
  add_recent (file);

  return TRUE;
}

gboolean
dorsum_chart_session_save (DorsumChartSession  *self,
                           GFile               *file,
                           GError             **error)
{
  g_return_val_if_fail (DORSUM_IS_CHART_SESSION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!dorsum_chart_save (self->chart, file, error))
    return FALSE;

  if (self->file == NULL || !g_file_equal (self->file, file))
    {
      g_set_object (&self->file, file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  dorsum_chart_clear_autosave ();
  add_recent (file);

  return TRUE;
}

/* The user chose to drop the unsaved changes: the crash copy goes with them. */
void
dorsum_chart_session_discard (DorsumChartSession *self)
{
  g_return_if_fail (DORSUM_IS_CHART_SESSION (self));

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  dorsum_chart_clear_autosave ();
  dorsum_chart_set_modified (self->chart, FALSE);
}

/* Writes the crash copy now if the chart has unsaved changes. */
void
dorsum_chart_session_flush_autosave (DorsumChartSession *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (DORSUM_IS_CHART_SESSION (self));

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (!dorsum_chart_get_modified (self->chart))
    return;

  path = self->file ? g_file_get_path (self->file) : NULL;
  if (dorsum_chart_write_autosave (self->chart, path, &error))
    {
      self->autosave_failed = FALSE;
      return;
    }

  /* Once until it works again: the user cannot act on the same message every two seconds. */
  if (!self->autosave_failed)
    {
      g_autofree char *message = g_strdup_printf (_("Save the chart to keep your changes. %s"), error->message);

      self->autosave_failed = TRUE;
      problem (self, _("Could Not Keep a Copy of the Unsaved Chart"), message);
    }
}

/**
 * dorsum_chart_session_take_crash_copy:
 * @file: (out) (transfer full) (nullable): where that chart had been saved, if anywhere
 *
 * The unsaved chart a crash or a kill left behind (see dorsum_chart_read_autosave(): one
 * that cannot be read is set aside, and @error says where it went).
 *
 * Returns: (transfer full) (nullable): the chart, marked unsaved; %NULL if there is none
 *   or (with @error set) it could not be read
 */
DorsumChart *
dorsum_chart_session_take_crash_copy (DorsumChartSession  *self,
                                      GFile              **file,
                                      GError             **error)
{
  g_autofree char *source = NULL;
  DorsumChart *chart;

  g_return_val_if_fail (DORSUM_IS_CHART_SESSION (self), NULL);

  chart = dorsum_chart_read_autosave (&source, error);
  *file = source != NULL && g_path_is_absolute (source) ? g_file_new_for_path (source) : NULL;

  return chart;
}

/* ---- Save As: the file chooser ---- */

/* Pain charts, for the Open and Save As choosers alike. */
GtkFileFilter *
dorsum_chart_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Dorsum Pain Charts"));
  gtk_file_filter_add_mime_type (filter, "application/x-dorsum-chart");
  gtk_file_filter_add_pattern (filter, "*.dorsum-chart");

  return filter;
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     GTask           *task)
{
  DorsumChartSession *self = g_task_get_source_object (task);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  gtk_native_dialog_destroy (dialog);

  if (response != GTK_RESPONSE_ACCEPT ||
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  else if (!dorsum_chart_session_save (self, file, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);

  g_object_unref (dialog);
  g_object_unref (task);
}

/* Asks where to save (through the portal inside the Flatpak) and saves there. */
void
dorsum_chart_session_save_as (DorsumChartSession  *self,
                              GtkWindow           *parent,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = dorsum_chart_filter_new ();
  g_autofree char *name = NULL;

  g_return_if_fail (DORSUM_IS_CHART_SESSION (self));

  dialog = gtk_file_chooser_native_new (_("Save Pain Chart"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      name = g_file_get_basename (self->file);
      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name ? name : _("pain-chart.dorsum-chart"));

  g_signal_connect (dialog, "response", G_CALLBACK (save_as_response_cb),
                    g_task_new (self, NULL, callback, user_data));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Returns: whether it was saved; a cancelled chooser is %G_IO_ERROR_CANCELLED */
gboolean
dorsum_chart_session_save_as_finish (DorsumChartSession  *self,
                                     GAsyncResult        *result,
                                     GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- The question before unsaved work is dropped ---- */

static void
show_save_error (GtkWindow  *parent,
                 const char *message)
{
  GtkWidget *question = dorsum_question_new (_("Could Not Save the Chart"), message);

  dorsum_question_add_response (question, "close", _("_Close"), ADW_RESPONSE_DEFAULT);
  dorsum_question_present (question, GTK_WIDGET (parent));
}

static void
ask_saved_as_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (dorsum_chart_session_save_as_finish (DORSUM_CHART_SESSION (object), result, &error))
    g_task_return_int (task, DORSUM_SAVE_CHANGES_SAVED);
  else
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_save_error (g_task_get_task_data (task), error->message);
      g_task_return_int (task, DORSUM_SAVE_CHANGES_CANCELLED);
    }
}

static void
ask_response_cb (GtkWidget  *question,
                 const char *response,
                 GTask      *task)
{
  DorsumChartSession *self = g_task_get_source_object (task);
  GtkWindow *parent = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* One answer per question (closing the dialog after it would report another). */
  g_signal_handlers_disconnect_by_func (question, ask_response_cb, task);

  if (g_str_equal (response, "discard"))
    {
      dorsum_chart_session_discard (self);
      g_task_return_int (task, DORSUM_SAVE_CHANGES_DISCARDED);
    }
  else if (g_str_equal (response, "save") && self->file == NULL)
    {
      dorsum_chart_session_save_as (self, parent, ask_saved_as_cb, g_object_ref (task));
    }
  else if (g_str_equal (response, "save"))
    {
      if (dorsum_chart_session_save (self, self->file, &error))
        g_task_return_int (task, DORSUM_SAVE_CHANGES_SAVED);
      else
        {
          show_save_error (parent, error->message);
          g_task_return_int (task, DORSUM_SAVE_CHANGES_CANCELLED);
        }
    }
  else
    g_task_return_int (task, DORSUM_SAVE_CHANGES_CANCELLED);

  g_object_unref (task);
}

/**
 * dorsum_chart_session_ask_save_changes:
 *
 * If the chart has unsaved changes, asks whether to save them (Save, Discard, Cancel),
 * naming the chart, and saves them if asked (with a file chooser for a new chart). The
 * result says whether the caller may go on and drop the chart.
 */
void
dorsum_chart_session_ask_save_changes (DorsumChartSession  *self,
                                       GtkWindow           *parent,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  GTask *task;
  GtkWidget *question;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;

  g_return_if_fail (DORSUM_IS_CHART_SESSION (self));
  g_return_if_fail (GTK_IS_WINDOW (parent));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, dorsum_chart_session_ask_save_changes);
  g_task_set_task_data (task, g_object_ref (parent), g_object_unref);

  if (!dorsum_chart_session_get_unsaved (self))
    {
      g_task_return_int (task, DORSUM_SAVE_CHANGES_UNCHANGED);
      g_object_unref (task);
      return;
    }

  name = dorsum_chart_session_dup_display_name (self);
  /* Translators: %s is the pain chart's file name, or "New Pain Chart" */
  heading = g_strdup_printf (_("Save Changes to “%s”?"), name);
  question = dorsum_question_new (heading,
                                  _("The pain chart has changes that are not saved. "
                                    "If you discard them, they are lost."));
  dorsum_question_add_response (question, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  dorsum_question_add_response (question, "discard", _("_Discard"), ADW_RESPONSE_DESTRUCTIVE);
  dorsum_question_add_response (question, "save", _("_Save"), ADW_RESPONSE_SUGGESTED);
  dorsum_question_set_default_response (question, "save");
  dorsum_question_set_close_response (question, "cancel");
  g_signal_connect (question, "response", G_CALLBACK (ask_response_cb), task);
  dorsum_question_present (question, GTK_WIDGET (parent));
}

DorsumSaveChangesResult
dorsum_chart_session_ask_save_changes_finish (DorsumChartSession *self,
                                              GAsyncResult       *result)
{
  g_return_val_if_fail (g_task_is_valid (result, self), DORSUM_SAVE_CHANGES_CANCELLED);

  return (DorsumSaveChangesResult)g_task_propagate_int (G_TASK (result), NULL);
}
