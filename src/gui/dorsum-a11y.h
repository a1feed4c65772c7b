/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small fixes to what screen readers are told, where GTK 4.8 and libadwaita 1.2 leave a
 * control unnamed. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Names @list. Newer libadwaita labels a group's list by the group's title label, which an
 * untitled group leaves empty, and a labelled-by relation outweighs the label: it goes. */
static inline void
dorsum_a11y_name_list (GtkWidget  *list,
                       const char *name)
{
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* Names the list inside an AdwPreferencesGroup (libadwaita 1.2 leaves it "GtkListBox")
 * after the group's title. */
static inline void
dorsum_a11y_name_lists_below (GtkWidget  *widget,
                              const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX (child))
        dorsum_a11y_name_list (child, name);
      else if (GTK_IS_BOX (child))
        dorsum_a11y_name_lists_below (child, name);
    }
}

static inline void
dorsum_a11y_name_group_list (AdwPreferencesGroup *group)
{
  dorsum_a11y_name_lists_below (GTK_WIDGET (group), adw_preferences_group_get_title (group));
}

/* Buttons whose label has a mnemonic are read out with its underscore in GTK 4.8 ("_Cancel"):
 * gives each the label without it. For dialogs, whose buttons libadwaita makes. */
static inline void
dorsum_a11y_fix_mnemonics (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)) &&
      gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    {
      const char *label = gtk_button_get_label (GTK_BUTTON (widget));
      GString *plain = g_string_new (NULL);

      for (const char *p = label; *p; p++)
        if (*p != '_' || p[1] == '_')
          g_string_append_c (plain, *p == '_' ? *++p : *p);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, plain->str, -1);
      g_string_free (plain, TRUE);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    dorsum_a11y_fix_mnemonics (child);
}

/* Every list below @widget named: after its AdwPreferencesGroup's title when it has one,
 * else @fallback (libadwaita 1.2's About window has several unnamed lists). */
static inline void
dorsum_a11y_name_all_lists (GtkWidget  *widget,
                            const char *fallback)
{
  if (ADW_IS_PREFERENCES_GROUP (widget) && adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)) != NULL &&
      adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget))[0] != '\0')
    {
      dorsum_a11y_name_group_list (ADW_PREFERENCES_GROUP (widget));
      return;
    }
  if (GTK_IS_LIST_BOX (widget))
    dorsum_a11y_name_list (widget, fallback);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    dorsum_a11y_name_all_lists (child, fallback);
}

/* Icon-only buttons a toolkit window makes without a name (GTK 4.8's shortcuts window has
 * a search toggle read as "GtkImage"): names each one that has @icon_name. */
static inline void
dorsum_a11y_name_icon_buttons (GtkWidget  *widget,
                               const char *icon_name,
                               const char *label)
{
  GtkWidget *image = GTK_IS_BUTTON (widget) ? gtk_button_get_child (GTK_BUTTON (widget)) : NULL;

  /* The icon set on the button, or an image put in it (libadwaita 1.2's About window's
   * back buttons). */
  if (GTK_IS_BUTTON (widget) &&
      (g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon_name) == 0 ||
       (GTK_IS_IMAGE (image) && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (image)), icon_name) == 0)))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    dorsum_a11y_name_icon_buttons (child, icon_name, label);
}

/* Likewise for buttons known by their action (libadwaita 1.2's About window has copy buttons
 * with neither label nor name). */
static inline void
dorsum_a11y_name_action_buttons (GtkWidget  *widget,
                                 const char *action_name,
                                 const char *label)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    dorsum_a11y_name_action_buttons (child, action_name, label);
}

/* What libadwaita 1.2's rows put inside without a name: the edit icon of an entry row and
 * the arrow of a combo row (images, read "GtkImage") are hidden from screen readers, and a
 * combo row's list of choices is named after the row. */
static inline void
dorsum_a11y_tidy_rows (GtkWidget  *widget,
                       const char *row_title)
{
  if (GTK_IS_IMAGE (widget))
    gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  else if (GTK_IS_LIST_VIEW (widget) && row_title != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, row_title, -1);

  if (ADW_IS_PREFERENCES_ROW (widget))
    row_title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    dorsum_a11y_tidy_rows (child, row_title);
}

/* Toggle buttons that show their text in a label of their own (libadwaita 1.2's view
 * switcher buttons, read "toggle button"): each is named after the first label inside it
 * that has text. */
static inline const char *
dorsum_a11y_first_label_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_text (GTK_LABEL (widget))[0] != '\0')
    return gtk_label_get_text (GTK_LABEL (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *text = dorsum_a11y_first_label_text (child);

      if (text != NULL)
        return text;
    }
  return NULL;
}

static inline void
dorsum_a11y_name_toggles_by_label (GtkWidget *widget)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) == NULL)
    {
      const char *text = dorsum_a11y_first_label_text (widget);

      if (text != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    dorsum_a11y_name_toggles_by_label (child);
}

/* The title of the page @widget is on: the first AdwWindowTitle in its nearest ancestor
 * that has one (a subpage of libadwaita's About window has its own header). */
static inline const char *
dorsum_a11y_page_title (GtkWidget *widget)
{
  for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL; up = gtk_widget_get_parent (up))
    for (GtkWidget *child = gtk_widget_get_first_child (up); child; child = gtk_widget_get_next_sibling (child))
      {
        GtkWidget *title = child;

        /* A header bar's title widget, one or two levels down. */
        for (guint depth = 0; depth < 4 && title != NULL && !ADW_IS_WINDOW_TITLE (title); depth++)
          title = gtk_widget_get_first_child (title);
        if (title == NULL || !ADW_IS_WINDOW_TITLE (title))
          {
            GtkWidget *header = ADW_IS_HEADER_BAR (child) ? adw_header_bar_get_title_widget (ADW_HEADER_BAR (child)) : NULL;

            title = ADW_IS_WINDOW_TITLE (header) ? header : NULL;
          }
        if (title != NULL && adw_window_title_get_title (ADW_WINDOW_TITLE (title))[0] != '\0')
          return adw_window_title_get_title (ADW_WINDOW_TITLE (title));
      }

  return NULL;
}

/* Text views a toolkit window makes without a name (the About window's details and legal
 * text): each is named after its page's title, or @fallback. */
static inline void
dorsum_a11y_name_text_views (GtkWidget  *widget,
                             const char *fallback)
{
  if (GTK_IS_TEXT_VIEW (widget))
    {
      const char *title = dorsum_a11y_page_title (widget);

      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title ? title : fallback, -1);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    dorsum_a11y_name_text_views (child, fallback);
}

/* Search entries a toolkit window makes without a name. */
static inline void
dorsum_a11y_name_search_entries (GtkWidget  *widget,
                                 const char *label)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    dorsum_a11y_name_search_entries (child, label);
}

G_END_DECLS
