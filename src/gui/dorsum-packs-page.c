/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Preferences' Content page: lists the packs in the user's library folder (from the running
 * library, so it shows what was loaded and what was skipped), adds and removes them. The
 * running library follows at once: no restart. */

#define G_LOG_DOMAIN "dorsum-packs-page"

#include "config.h"

#include <glib/gi18n.h>

#include "dorsum-a11y.h"
#include "dorsum-library.h"
#include "dorsum-pack.h"
#include "dorsum-packs-page.h"
#include "dorsum-question.h"

struct _DorsumPacksPage
{
  AdwPreferencesPage    parent_instance;

  DorsumApplication    *application;
  GtkFilterListModel   *user_packs;
  GFile                *chooser_answer;   /* the tests' stand-in for the file chooser */
  gboolean              busy;

  AdwPreferencesGroup  *packs_group;
  GtkListBox           *packs_list;
  AdwPreferencesGroup  *problem_group;
  GtkLabel             *problem_label;
};

G_DEFINE_FINAL_TYPE (DorsumPacksPage, dorsum_packs_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void install (DorsumPacksPage *self,
                     GFile           *source,
                     gboolean         replace);

static void
set_busy (DorsumPacksPage *self,
          gboolean         busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "packs.add-folder", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "packs.add-file", !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_problem (DorsumPacksPage *self,
              const char      *heading,
              const char      *message)
{
  adw_preferences_group_set_title (self->problem_group, heading);
  gtk_label_set_text (self->problem_label, message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->problem_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, heading, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_group), TRUE);
  /* The message has the focus (it is selectable, to copy): a screen reader reads it, and
   * the keyboard is where the problem is. */
  gtk_widget_grab_focus (GTK_WIDGET (self->problem_label));
  gtk_label_select_region (self->problem_label, 0, 0);
}

static void
clear_problem (DorsumPacksPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->problem_group), FALSE);
  gtk_label_set_text (self->problem_label, "");
}

static void
show_toast (DorsumPacksPage *self,
            const char      *title)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (title));
      /* libadwaita 1.2 reads its close button as "GtkImage". */
      dorsum_a11y_name_icon_buttons (GTK_WIDGET (root), "window-close-symbolic", _("Dismiss"));
    }
}

static gboolean
filter_user_packs (gpointer item,
                   gpointer user_data)
{
  return dorsum_pack_is_user_pack (item);
}

/* "~/…" for a path in the home folder: shorter, and what a user recognises. */
static char *
shown_path (GFile *file)
{
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *relative = g_file_get_relative_path (home, file);

  if (relative != NULL)
    return g_build_filename ("~", relative, NULL);

  return g_file_get_parse_name (file);
}

/* ---- Adding ---- */

typedef struct
{
  DorsumPacksPage *self;
  GFile           *source;
} InstallCall;

static void
install_call_free (InstallCall *call)
{
  g_object_unref (call->self);
  g_object_unref (call->source);
  g_free (call);
}

static void
replace_response_cb (GtkWidget       *question,
                     const char      *response,
                     DorsumPacksPage *self)
{
  GFile *source = g_object_get_data (G_OBJECT (question), "source");

  if (g_str_equal (response, "replace"))
    install (self, source, TRUE);
  else
    set_busy (self, FALSE);
}

/* Asks before something that cannot be undone: Cancel (the default, and what Escape
 * answers) or @action, drawn as destructive. @key and @object go with the dialog for
 * @callback. */
static void
ask_first (DorsumPacksPage *self,
           const char      *heading,
           const char      *body,
           const char      *action,
           const char      *action_label,
           const char      *key,
           GObject         *object,
           GCallback        callback)
{
  GtkWidget *question = dorsum_question_new (heading, body);

  dorsum_question_add_response (question, "cancel", _("_Cancel"), ADW_RESPONSE_DEFAULT);
  dorsum_question_add_response (question, action, action_label, ADW_RESPONSE_DESTRUCTIVE);
  dorsum_question_set_default_response (question, "cancel");
  dorsum_question_set_close_response (question, "cancel");
  g_object_set_data_full (G_OBJECT (question), key, g_object_ref (object), g_object_unref);
  g_signal_connect_object (question, "response", callback, self, 0);
  dorsum_question_present (question, GTK_WIDGET (self));
}

static void
ask_to_replace (DorsumPacksPage *self,
                GFile           *source)
{
  g_autofree char *name = g_file_get_basename (source);
  g_autofree char *heading = g_strdup_printf (_("Replace “%s”?"), name);

  ask_first (self, heading,
             _("A content pack of this name is already installed. Replacing it "
               "takes out its entries and puts in the new pack’s."),
             "replace", _("_Replace"), "source", G_OBJECT (source), G_CALLBACK (replace_response_cb));
}

/* The pack is in the library folder (or was refused): the running library takes it in,
 * also when the window has been closed meanwhile (the call keeps the page); the page tells
 * how it went if it is still in the window. */
static void
installed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  InstallCall *call = user_data;
  DorsumPacksPage *self = call->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(DorsumLibrary) read = NULL;
  g_autoptr(GFile) pack = dorsum_pack_install_finish (result, &read, &error);
  g_autofree char *name = g_file_get_basename (call->source);
  g_autofree char *heading = g_strdup_printf (_("Could Not Add “%s”"), name);
  g_autofree char *message = NULL;
  DorsumLibrary *library = dorsum_application_get_library (self->application);
  guint n_before = 0, n_added = 0;

  if (pack != NULL)
    {
      /* A pack replaced: its old entries go first. */
      if (!dorsum_application_remove_pack (self->application, pack, &error))
        message = g_strdup_printf ("%s\n\n%s", error->message,
                                   _("The new pack is installed and takes effect when Dorsum is restarted."));
      else
        {
          n_before = dorsum_library_get_n_entries (library);
          /* Read in the thread already: only inserted here. */
          if (dorsum_application_add_pack (self->application, pack, read, &error))
            n_added = dorsum_library_get_n_entries (library) - n_before;
          else
            {
              /* Checked in a scratch library a moment ago; if the running one still refuses
               * it (a pack added by other means since), the copy comes out again. */
              message = g_strdup_printf ("%s\n\n%s", error->message, _("The pack was not installed."));
              dorsum_pack_delete (pack, NULL);
            }
        }
    }

  /* The window was closed meanwhile: nobody to tell or ask. */
  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    goto out;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      ask_to_replace (self, call->source);
      goto out;
    }

  set_busy (self, FALSE);
  if (pack == NULL || message != NULL)
    show_problem (self, heading, message ? message : error->message);
  else
    {
      g_autofree char *toast = NULL;

      clear_problem (self);
      /* Translators: a toast; %s is a content pack's name, %u how many entries it has */
      toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added “%s”: %u entry", "Added “%s”: %u entries", n_added),
                               name, n_added);
      show_toast (self, toast);
    }

out:
  install_call_free (call);
}

static void
install (DorsumPacksPage *self,
         GFile           *source,
         gboolean         replace)
{
  GListModel *packs = dorsum_library_get_packs (dorsum_application_get_library (self->application));
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  InstallCall *call = g_new0 (InstallCall, 1);

  set_busy (self, TRUE);

  /* The scratch library loads what the running one has, so that the pack is checked
   * against the same ids. */
  for (guint i = 0; i < g_list_model_get_n_items (packs); i++)
    {
      g_autoptr(DorsumPack) pack = g_list_model_get_item (packs, i);

      if (dorsum_pack_get_problem (pack) == NULL)
        g_ptr_array_add (loaded, g_object_ref (dorsum_pack_get_file (pack)));
    }

  call->self = g_object_ref (self);
  call->source = g_object_ref (source);
  /* Not cancelled when the window closes: once copied, the pack is added to the library all the same. */
  dorsum_pack_install_async (source, loaded, replace, NULL, installed_cb, call);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     DorsumPacksPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        install (self, file, FALSE);
    }

  g_object_unref (dialog);
}

/* Through the file chooser portal inside Flatpak: the sandbox needs no access to the
 * user's files, only to the folder or file chosen. */
static void
choose (DorsumPacksPage *self,
        gboolean         folder)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;

  if (self->chooser_answer != NULL)
    {
      g_autoptr(GFile) file = g_steal_pointer (&self->chooser_answer);

      install (self, file, FALSE);
      return;
    }

  dialog = gtk_file_chooser_native_new (folder ? _("Add a Content Pack Folder") : _("Add a Content Pack File"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (!folder)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("Library Files"));
      gtk_file_filter_add_pattern (filter, "*.xml");
      gtk_file_filter_add_mime_type (filter, "application/xml");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    }
  g_signal_connect_object (dialog, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
add_folder_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  choose (DORSUM_PACKS_PAGE (widget), TRUE);
}

static void
add_file_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  choose (DORSUM_PACKS_PAGE (widget), FALSE);
}

/* ---- Removing ---- */

static void
remove_response_cb (GtkWidget       *question,
                    const char      *response,
                    DorsumPacksPage *self)
{
  DorsumPack *pack = g_object_get_data (G_OBJECT (question), "pack");
  g_autofree char *heading = g_strdup_printf (_("Could Not Remove “%s”"), dorsum_pack_get_name (pack));
  g_autofree char *toast = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file = dorsum_pack_get_file (pack);

  if (!g_str_equal (response, "remove"))
    return;

  /* Out of the running library first: it refuses while another pack links into this one,
   * and then nothing is deleted. */
  if (!dorsum_application_remove_pack (self->application, file, &error))
    {
      show_problem (self, heading, error->message);
      return;
    }

  if (!dorsum_pack_delete (file, &error))
    {
      g_autoptr(GError) add_error = NULL;

      dorsum_application_add_pack (self->application, file, NULL, &add_error);
      show_problem (self, heading, error->message);
      return;
    }

  clear_problem (self);
  toast = g_strdup_printf (_("Removed “%s”"), dorsum_pack_get_name (pack));
  show_toast (self, toast);
}

static void
remove_clicked_cb (GtkButton       *button,
                   DorsumPacksPage *self)
{
  DorsumPack *pack = g_object_get_data (G_OBJECT (button), "pack");
  g_autofree char *heading = g_strdup_printf (_("Remove “%s”?"), dorsum_pack_get_name (pack));
  g_autofree char *where = shown_path (dorsum_pack_get_file (pack));
  g_autofree char *body = g_strdup_printf (_("Its entries leave the library and its files are deleted from %s."), where);

  ask_first (self, heading, body, "remove", _("_Remove"), "pack", G_OBJECT (pack), G_CALLBACK (remove_response_cb));
}

/* ---- The list ---- */

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  DorsumPacksPage *self = user_data;
  DorsumPack *pack = item;
  g_autofree char *where = shown_path (dorsum_pack_get_file (pack));
  g_autofree char *subtitle = NULL;
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), dorsum_pack_get_name (pack));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  if (dorsum_pack_get_problem (pack) != NULL)
    /* Translators: a pack that failed to load; %s is where it is */
    subtitle = g_strdup_printf (_("Not loaded: it has errors · %s"), where);
  else
    /* Translators: %u entries of a content pack; %s is where it is */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry · %s", "%u entries · %s",
                                             dorsum_pack_get_n_entries (pack)),
                                dorsum_pack_get_n_entries (pack), where);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dorsum_pack_get_name (pack));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* Why it was skipped, for a pointer and for a screen reader. */
  if (dorsum_pack_get_problem (pack) != NULL)
    {
      gtk_widget_set_tooltip_text (row, dorsum_pack_get_problem (pack));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      dorsum_pack_get_problem (pack), -1);
    }

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data_full (G_OBJECT (button), "pack", g_object_ref (pack), g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static GtkWidget *
make_placeholder (void)
{
  g_autoptr(GFile) dir = dorsum_pack_dup_user_dir ();
  g_autofree char *where = shown_path (dir);
  /* Translators: %s is a folder, such as ~/.local/share/dorsum/library */
  g_autofree char *text = g_strdup_printf (_("No packs added yet. Packs copied into %s by hand show here after "
                                             "Dorsum is restarted."), where);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);

  return label;
}

/* ---- Overrides ---- */

static void
dorsum_packs_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DorsumPacksPage *self = DORSUM_PACKS_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dorsum_packs_page_dispose (GObject *object)
{
  DorsumPacksPage *self = DORSUM_PACKS_PAGE (object);

  if (self->packs_list != NULL)
    gtk_list_box_bind_model (self->packs_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DORSUM_TYPE_PACKS_PAGE);
  g_clear_object (&self->user_packs);
  g_clear_object (&self->chooser_answer);

  G_OBJECT_CLASS (dorsum_packs_page_parent_class)->dispose (object);
}

static void
dorsum_packs_page_finalize (GObject *object)
{
  DorsumPacksPage *self = DORSUM_PACKS_PAGE (object);

  /* Kept until here, as the page may outlive its window (see installed_cb()). */
  g_clear_object (&self->application);

  G_OBJECT_CLASS (dorsum_packs_page_parent_class)->finalize (object);
}

static void
dorsum_packs_page_class_init (DorsumPacksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = dorsum_packs_page_get_property;
  object_class->dispose = dorsum_packs_page_dispose;
  object_class->finalize = dorsum_packs_page_finalize;

  /**
   * DorsumPacksPage:busy:
   *
   * Whether a pack is being checked and copied.
   */
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dorsum/Dorsum/dorsum-packs-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DorsumPacksPage, packs_group);
  gtk_widget_class_bind_template_child (widget_class, DorsumPacksPage, packs_list);
  gtk_widget_class_bind_template_child (widget_class, DorsumPacksPage, problem_group);
  gtk_widget_class_bind_template_child (widget_class, DorsumPacksPage, problem_label);

  gtk_widget_class_install_action (widget_class, "packs.add-folder", NULL, add_folder_action);
  gtk_widget_class_install_action (widget_class, "packs.add-file", NULL, add_file_action);
}

static void
dorsum_packs_page_init (DorsumPacksPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (self->packs_list, make_placeholder ());
}

/* ---- Public API ---- */

/**
 * dorsum_packs_page_set_application:
 *
 * The application whose library the page lists and changes. Set once.
 */
void
dorsum_packs_page_set_application (DorsumPacksPage   *self,
                                   DorsumApplication *application)
{
  GListModel *packs;

  g_return_if_fail (DORSUM_IS_PACKS_PAGE (self));
  g_return_if_fail (DORSUM_IS_APPLICATION (application));
  g_return_if_fail (self->application == NULL);

  self->application = g_object_ref (application);
  packs = dorsum_library_get_packs (dorsum_application_get_library (application));
  self->user_packs = gtk_filter_list_model_new (g_object_ref (packs),
                                                GTK_FILTER (gtk_custom_filter_new (filter_user_packs, NULL, NULL)));
  gtk_list_box_bind_model (self->packs_list, G_LIST_MODEL (self->user_packs), create_row, self, NULL);
}

/**
 * dorsum_packs_page_set_chooser_answer:
 * @file: (nullable): what the next Add Folder… or Add File… takes
 *
 * For the tests: the file chooser is not shown, and @file is taken as its answer, once.
 */
void
dorsum_packs_page_set_chooser_answer (DorsumPacksPage *self,
                                      GFile           *file)
{
  g_return_if_fail (DORSUM_IS_PACKS_PAGE (self));

  g_set_object (&self->chooser_answer, file);
}

/**
 * dorsum_packs_page_get_problem:
 *
 * Returns: (nullable): what the page says went wrong with the last pack, or %NULL
 */
const char *
dorsum_packs_page_get_problem (DorsumPacksPage *self)
{
  g_return_val_if_fail (DORSUM_IS_PACKS_PAGE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->problem_group)))
    return NULL;

  return gtk_label_get_text (self->problem_label);
}

gboolean
dorsum_packs_page_get_busy (DorsumPacksPage *self)
{
  g_return_val_if_fail (DORSUM_IS_PACKS_PAGE (self), FALSE);

  return self->busy;
}
