/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Preferences: what the therapist sets once — the details printed in the handout's header
 * and its paper — and the length of a study session. Every row is bound to its GSettings
 * key, so a change is kept the moment it is typed and the next handout uses it. The
 * Content page (dorsum-packs-page.c) manages the content packs. */

#define G_LOG_DOMAIN "dorsum-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "dorsum-a11y.h"
#include "dorsum-packs-page.h"
#include "dorsum-preferences-window.h"

struct _DorsumPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwEntryRow          *therapist_row;
  AdwEntryRow          *practice_row;
  AdwEntryRow          *contact_row;
  AdwComboRow          *paper_row;
  GtkSpinButton        *session_length_spin;
  GtkSpinButton        *new_per_day_spin;
  DorsumPacksPage      *packs_page;
};

G_DEFINE_FINAL_TYPE (DorsumPreferencesWindow, dorsum_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The paper row lists the choices in the schema's order. */
static const char *const paper_ids[] = { "a4", "letter" };

static gboolean
paper_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *id = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (paper_ids); i++)
    if (g_strcmp0 (id, paper_ids[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
paper_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  if (i >= G_N_ELEMENTS (paper_ids))
    return NULL;
  return g_variant_new_string (paper_ids[i]);
}

static void
dorsum_preferences_window_dispose (GObject *object)
{
  DorsumPreferencesWindow *self = DORSUM_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dorsum_preferences_window_parent_class)->dispose (object);
}

/* Ctrl+O and Ctrl+Shift+O on the Content page: Add File… and Add Folder… (the shortcuts its
 * Add Pack menu shows). */
static gboolean
add_pack_shortcut (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  DorsumPreferencesWindow *self = DORSUM_PREFERENCES_WINDOW (widget);

  if (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (self)) != ADW_PREFERENCES_PAGE (self->packs_page))
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self->packs_page), g_variant_get_string (args, NULL), NULL);
}

static void
dorsum_preferences_window_class_init (DorsumPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dorsum_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/dorsum/Dorsum/dorsum-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DorsumPreferencesWindow, therapist_row);
  gtk_widget_class_bind_template_child (widget_class, DorsumPreferencesWindow, practice_row);
  gtk_widget_class_bind_template_child (widget_class, DorsumPreferencesWindow, contact_row);
  gtk_widget_class_bind_template_child (widget_class, DorsumPreferencesWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, DorsumPreferencesWindow, session_length_spin);
  gtk_widget_class_bind_template_child (widget_class, DorsumPreferencesWindow, new_per_day_spin);
  gtk_widget_class_bind_template_child (widget_class, DorsumPreferencesWindow, packs_page);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, add_pack_shortcut, "s", "packs.add-file");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK, add_pack_shortcut,
                                "s", "packs.add-folder");
}

static void
dorsum_preferences_window_init (DorsumPreferencesWindow *self)
{
  g_type_ensure (DORSUM_TYPE_PACKS_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  g_settings_bind (self->settings, "handout-therapist-name", self->therapist_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "handout-practice", self->practice_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "handout-contact", self->contact_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "handout-paper-size", self->paper_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, paper_get_mapping, paper_set_mapping,
                                NULL, NULL);
  g_settings_bind (self->settings, "study-session-length", self->session_length_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "study-new-per-day", self->new_per_day_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
}

GtkWidget *
dorsum_preferences_window_new (GtkWindow *parent)
{
  GtkApplication *application = parent ? gtk_window_get_application (parent) : NULL;
  GtkWidget *window = g_object_new (DORSUM_TYPE_PREFERENCES_WINDOW,
                                    "transient-for", parent,
                                    "modal", TRUE,
                                    "destroy-with-parent", TRUE,
                                    NULL);

  /* Its library is the one the Content page changes. */
  if (!DORSUM_IS_APPLICATION (application))
    application = GTK_APPLICATION (g_application_get_default ());
  dorsum_packs_page_set_application (DORSUM_PREFERENCES_WINDOW (window)->packs_page, DORSUM_APPLICATION (application));

  /* libadwaita 1.2 leaves these unnamed: the search toggle, the page switcher's buttons,
   * the lists, the rows' icons. */
  dorsum_a11y_name_icon_buttons (window, "edit-find-symbolic", _("Search Preferences"));
  dorsum_a11y_name_toggles_by_label (window);
  /* The window's own search entry, hidden while search is off but still in the tree. */
  dorsum_a11y_name_search_entries (window, _("Search Preferences"));
  dorsum_a11y_name_all_lists (window, _("Preferences"));
  dorsum_a11y_tidy_rows (window, NULL);
  return window;
}

/* Shows the Content page, where content packs are added and removed. */
void
dorsum_preferences_window_show_packs (DorsumPreferencesWindow *self)
{
  g_return_if_fail (DORSUM_IS_PREFERENCES_WINDOW (self));

  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->packs_page));
}
