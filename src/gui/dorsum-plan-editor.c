/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Edits the plan through dorsum-plan.h (each change one undo step of the chart) and shows it
 * again only when what it shows has changed, so a button keeps the keyboard focus. */

#define G_LOG_DOMAIN "dorsum-plan-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "dorsum-a11y.h"
#include "dorsum-plan-editor.h"
#include "dorsum-plan.h"

#define MAX_SUGGESTIONS 6
#define MAX_SEARCH_RESULTS 8

typedef enum {
  OP_ADD,
  OP_REMOVE,
  OP_UP,
  OP_DOWN,
} Op;

struct _DorsumPlanEditor
{
  GtkWidget        parent_instance;

  DorsumLibrary   *library;
  DorsumChart     *chart;
  char            *shown;       /* what the lists show, to skip rebuilding the same */
  char            *focus_id;    /* the entry whose button had the focus before an edit */
  Op               focus_op;
  GtkListBox      *focus_list;  /* and where its row was */
  int              focus_index;

  GtkWidget       *box;
  GtkWidget       *muscles_group;
  GtkListBox      *muscles_list;
  GtkWidget       *items_group;
  GtkListBox      *items_list;
  GtkWidget       *suggestions_group;
  GtkListBox      *suggestions_list;
  GtkWidget       *search_group;
  GtkSearchEntry  *search_entry;
  GtkListBox      *search_list;
};

G_DEFINE_FINAL_TYPE (DorsumPlanEditor, dorsum_plan_editor, GTK_TYPE_WIDGET)

static void button_clicked_cb (DorsumPlanEditor *self,
                               GtkButton        *button);

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  /* The placeholder is not a row; gtk_list_box_remove() takes rows only. */
  while ((child = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0))))
    gtk_list_box_remove (list, child);
}

static GtkWidget *
add_button (DorsumPlanEditor *self,
            GtkWidget        *row,
            DorsumEntry      *entry,
            Op                op,
            gboolean          sensitive)
{
  static const char *icons[] = { "list-add-symbolic", "list-remove-symbolic", "go-up-symbolic", "go-down-symbolic" };
  const char *name = dorsum_entry_get_name (entry);
  g_autofree char *label = NULL;
  GtkWidget *button = gtk_button_new_from_icon_name (icons[op]);

  switch (op)
    {
    case OP_ADD:
      /* Translators: a button's name for a screen reader; %s is a stretch, self-care routine or muscle */
      label = g_strdup_printf (_("Add %s to the plan"), name);
      break;
    case OP_REMOVE:
      /* Translators: a button's name for a screen reader */
      label = g_strdup_printf (_("Remove %s from the plan"), name);
      break;
    case OP_UP:
      /* Translators: a button's name for a screen reader: earlier on the handout */
      label = g_strdup_printf (_("Move %s up"), name);
      break;
    case OP_DOWN:
    default:
      /* Translators: a button's name for a screen reader: later on the handout */
      label = g_strdup_printf (_("Move %s down"), name);
      break;
    }

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (button, sensitive);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "entry-id", g_strdup (dorsum_entry_get_id (entry)), g_free);
  g_object_set_data (G_OBJECT (button), "op", GINT_TO_POINTER (op));
  g_signal_connect_object (button, "clicked", G_CALLBACK (button_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return button;
}

static const char *
kind_title (DorsumEntry *entry)
{
  switch (dorsum_entry_get_kind (entry))
    {
    case DORSUM_KIND_STRETCH:
      return C_("plan item", "Stretch");
    case DORSUM_KIND_SELFCARE:
      return C_("plan item", "Self-massage");
    case DORSUM_KIND_MUSCLE:
      return C_("plan item", "Muscle");
    default:
      return dorsum_kind_get_title (dorsum_entry_get_kind (entry));
    }
}

/* "Stretch · Check first: Fever, Acute injury" */
static char *
describe_item (DorsumPlanEditor *self,
               DorsumEntry      *entry)
{
  g_autoptr(GPtrArray) cautions = dorsum_plan_get_entry_cautions (self->library, entry);
  GString *text = g_string_new (kind_title (entry));

  for (guint i = 0; i < cautions->len; i++)
    {
      DorsumEntry *caution = cautions->pdata[i];

      if (i == 0)
        /* Translators: before the cautions of a stretch or self-care routine */
        g_string_append (text, _(" · Check first: "));
      else
        g_string_append (text, ", ");
      g_string_append (text, dorsum_entry_get_name (caution));
      if (dorsum_plan_is_red_flag (caution))
        g_string_append (text, _(" (red flag)"));
    }

  return g_string_free (text, FALSE);
}

static GtkWidget *
new_row (GtkListBox  *list,
         DorsumEntry *entry,
         const char  *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dorsum_entry_get_name (entry));
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "plan-id", g_strdup (dorsum_entry_get_id (entry)), g_free);
  gtk_list_box_append (list, row);

  return row;
}

static gboolean
matches (DorsumEntry *entry,
         const char  *query)
{
  g_autofree char *name = g_utf8_casefold (dorsum_entry_get_name (entry), -1);
  const char * const *aliases = dorsum_entry_get_aliases (entry);

  if (strstr (name, query) != NULL)
    return TRUE;
  for (guint i = 0; aliases && aliases[i]; i++)
    {
      g_autofree char *alias = g_utf8_casefold (aliases[i], -1);

      if (strstr (alias, query) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
update_search (DorsumPlanEditor *self)
{
  static const DorsumKind kinds[] = { DORSUM_KIND_STRETCH, DORSUM_KIND_SELFCARE, DORSUM_KIND_MUSCLE };
  g_autofree char *query = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  guint n = 0;

  clear_list (self->search_list);
  if (self->library == NULL || self->chart == NULL || stripped[0] == '\0')
    {
      gtk_widget_set_visible (GTK_WIDGET (self->search_list), FALSE);
      return;
    }

  query = g_utf8_casefold (stripped, -1);
  for (guint k = 0; k < G_N_ELEMENTS (kinds) && n < MAX_SEARCH_RESULTS; k++)
    {
      GListModel *model = dorsum_library_get_entries (self->library, kinds[k]);

      for (guint i = 0; i < g_list_model_get_n_items (model) && n < MAX_SEARCH_RESULTS; i++)
        {
          g_autoptr(DorsumEntry) entry = g_list_model_get_item (model, i);
          GtkWidget *row;

          if (!matches (entry, query) || dorsum_plan_contains (self->chart, dorsum_entry_get_id (entry)))
            continue;
          {
            g_autofree char *subtitle = describe_item (self, entry);

            row = new_row (self->search_list, entry, subtitle);
            g_object_set_data (G_OBJECT (row), "add", add_button (self, row, entry, OP_ADD, TRUE));
          }
          n++;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->search_list), TRUE);
}

static void
search_changed_cb (DorsumPlanEditor *self)
{
  update_search (self);
}

/* Enter in the search adds its first result. */
static void
search_activate_cb (DorsumPlanEditor *self)
{
  GtkListBoxRow *row;
  GtkWidget *add;

  update_search (self);
  row = gtk_list_box_get_row_at_index (self->search_list, 0);
  add = row ? g_object_get_data (G_OBJECT (row), "add") : NULL;
  if (add != NULL)
    g_signal_emit_by_name (add, "clicked");
}

/* After an edit, the keyboard focus goes back to the same button of the same entry (or its
 * row, when the button is now off: "Move up" at the top); after a removal, to the Remove
 * button of the row now in its place, or to the search when the list is empty. */
static void
restore_focus (DorsumPlanEditor *self)
{
  GtkListBox *lists[] = { self->items_list, self->muscles_list };
  g_autofree char *id = g_steal_pointer (&self->focus_id);

  if (id == NULL)
    return;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (int i = 0; gtk_list_box_get_row_at_index (lists[l], i) != NULL; i++)
      {
        GtkListBoxRow *row = gtk_list_box_get_row_at_index (lists[l], i);
        const char *keys[] = { self->focus_op == OP_DOWN ? "down" : "up",
                               self->focus_op == OP_DOWN ? "up" : "down", "remove" };
        GtkWidget *target = GTK_WIDGET (row);

        if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "plan-id"), id) != 0)
          continue;
        for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
          {
            GtkWidget *button = g_object_get_data (G_OBJECT (row), keys[k]);

            if (button != NULL && gtk_widget_get_sensitive (button))
              {
                target = button;
                break;
              }
          }
        gtk_widget_grab_focus (target);
        return;
      }

  if (self->focus_list != NULL && self->focus_op == OP_REMOVE)
    {
      GtkListBoxRow *row = NULL;

      for (int i = self->focus_index; i >= 0 && row == NULL; i--)
        row = gtk_list_box_get_row_at_index (self->focus_list, i);
      if (row != NULL && g_object_get_data (G_OBJECT (row), "remove") != NULL)
        gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "remove"));
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
}

/* Dragging an item onto another puts it there: the same edit as the move buttons. */
static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, icon, (int)x, (int)y);

  return gdk_content_provider_new_typed (G_TYPE_STRING, g_object_get_data (G_OBJECT (row), "plan-id"));
}

static int
item_position (GPtrArray  *items,
               const char *id)
{
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (dorsum_entry_get_id (items->pdata[i]), id) == 0)
      return (int)i;

  return -1;
}

static gboolean
drop_cb (GtkDropTarget    *target,
         const GValue     *value,
         double            x,
         double            y,
         DorsumPlanEditor *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  g_autoptr(GPtrArray) items = NULL;
  const char *dragged = g_value_get_string (value);
  int from, to;

  if (self->chart == NULL || self->library == NULL || dragged == NULL)
    return FALSE;

  items = dorsum_plan_get_items (self->library, self->chart);
  from = item_position (items, dragged);
  to = item_position (items, g_object_get_data (G_OBJECT (row), "plan-id"));
  /* Only the plan's own items, dragged within the list. */
  if (from < 0 || to < 0 || from == to)
    return FALSE;

  dorsum_plan_move (self->library, self->chart, dragged, to - from);
  dorsum_plan_editor_refresh (self);

  return TRUE;
}

static void
make_draggable (DorsumPlanEditor *self,
                GtkWidget        *row)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
}

void
dorsum_plan_editor_refresh (DorsumPlanEditor *self)
{
  g_autoptr(GPtrArray) muscles = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) suggested = NULL;
  g_autoptr(GString) shown = g_string_new (NULL);
  gboolean stored;

  g_return_if_fail (DORSUM_IS_PLAN_EDITOR (self));

  if (self->library == NULL || self->chart == NULL)
    {
      clear_list (self->muscles_list);
      clear_list (self->items_list);
      clear_list (self->suggestions_list);
      clear_list (self->search_list);
      g_clear_pointer (&self->shown, g_free);
      return;
    }

  muscles = dorsum_plan_get_muscles (self->library, self->chart);
  items = dorsum_plan_get_items (self->library, self->chart);
  suggested = dorsum_plan_suggest (self->library, self->chart, muscles);
  stored = dorsum_plan_has_muscles (self->library, self->chart);

  /* What the lists would show; the same as now, nothing is rebuilt. */
  g_string_append_printf (shown, "%d|", stored);
  for (guint i = 0; i < muscles->len; i++)
    g_string_append_printf (shown, "%s,", dorsum_entry_get_id (muscles->pdata[i]));
  g_string_append_c (shown, '|');
  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (shown, "%s,", dorsum_entry_get_id (items->pdata[i]));
  g_string_append_c (shown, '|');
  for (guint i = 0; i < suggested->len && i < MAX_SUGGESTIONS; i++)
    g_string_append_printf (shown, "%s,", dorsum_entry_get_id (suggested->pdata[i]));
  if (g_strcmp0 (shown->str, self->shown) == 0)
    return;
  g_free (self->shown);
  self->shown = g_strdup (shown->str);

  clear_list (self->muscles_list);
  for (guint i = 0; i < muscles->len; i++)
    {
      GtkWidget *row = new_row (self->muscles_list, muscles->pdata[i], stored ? NULL : _("Suggested by the marks"));

      g_object_set_data (G_OBJECT (row), "remove", add_button (self, row, muscles->pdata[i], OP_REMOVE, TRUE));
    }

  clear_list (self->items_list);
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *subtitle = describe_item (self, items->pdata[i]);
      GtkWidget *row = new_row (self->items_list, items->pdata[i], subtitle);

      g_object_set_data (G_OBJECT (row), "up", add_button (self, row, items->pdata[i], OP_UP, i > 0));
      g_object_set_data (G_OBJECT (row), "down", add_button (self, row, items->pdata[i], OP_DOWN, i + 1 < items->len));
      g_object_set_data (G_OBJECT (row), "remove", add_button (self, row, items->pdata[i], OP_REMOVE, TRUE));
      make_draggable (self, row);
    }

  clear_list (self->suggestions_list);
  for (guint i = 0; i < suggested->len && i < MAX_SUGGESTIONS; i++)
    {
      g_autofree char *subtitle = describe_item (self, suggested->pdata[i]);
      GtkWidget *row = new_row (self->suggestions_list, suggested->pdata[i], subtitle);

      add_button (self, row, suggested->pdata[i], OP_ADD, TRUE);
    }
  gtk_widget_set_visible (self->suggestions_group, suggested->len > 0);

  update_search (self);
  restore_focus (self);
}

static void
button_clicked_cb (DorsumPlanEditor *self,
                   GtkButton        *button)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (button), "entry-id"));
  Op op = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "op"));
  gboolean from_search = gtk_widget_is_ancestor (GTK_WIDGET (button), GTK_WIDGET (self->search_list));

  if (self->chart == NULL || self->library == NULL)
    return;

  g_free (self->focus_id);
  self->focus_id = gtk_widget_has_focus (GTK_WIDGET (button)) && !from_search ? g_strdup (id) : NULL;
  self->focus_op = op;
  self->focus_list = NULL;
  if (self->focus_id != NULL)
    {
      GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

      self->focus_list = GTK_LIST_BOX (gtk_widget_get_parent (row));
      self->focus_index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
    }

  switch (op)
    {
    case OP_ADD:
      dorsum_plan_add (self->library, self->chart, id);
      break;
    case OP_REMOVE:
      dorsum_plan_remove (self->library, self->chart, id);
      break;
    case OP_UP:
      dorsum_plan_move (self->library, self->chart, id, -1);
      break;
    case OP_DOWN:
    default:
      dorsum_plan_move (self->library, self->chart, id, 1);
      break;
    }

  /* The button is gone with its list; typing goes on in the search. */
  dorsum_plan_editor_refresh (self);
  if (from_search)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
dorsum_plan_editor_dispose (GObject *object)
{
  DorsumPlanEditor *self = (DorsumPlanEditor *)object;

  g_clear_object (&self->chart);
  g_clear_object (&self->library);

  gtk_widget_dispose_template (GTK_WIDGET (self), DORSUM_TYPE_PLAN_EDITOR);

  G_OBJECT_CLASS (dorsum_plan_editor_parent_class)->dispose (object);
}

static void
dorsum_plan_editor_finalize (GObject *object)
{
  DorsumPlanEditor *self = (DorsumPlanEditor *)object;

  g_free (self->shown);
  g_free (self->focus_id);

  G_OBJECT_CLASS (dorsum_plan_editor_parent_class)->finalize (object);
}

static void
dorsum_plan_editor_class_init (DorsumPlanEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dorsum_plan_editor_dispose;
  object_class->finalize = dorsum_plan_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dorsum/Dorsum/dorsum-plan-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "planeditor");
  gtk_widget_class_bind_template_child (widget_class, DorsumPlanEditor, box);
  gtk_widget_class_bind_template_child (widget_class, DorsumPlanEditor, muscles_group);
  gtk_widget_class_bind_template_child (widget_class, DorsumPlanEditor, muscles_list);
  gtk_widget_class_bind_template_child (widget_class, DorsumPlanEditor, items_group);
  gtk_widget_class_bind_template_child (widget_class, DorsumPlanEditor, items_list);
  gtk_widget_class_bind_template_child (widget_class, DorsumPlanEditor, suggestions_group);
  gtk_widget_class_bind_template_child (widget_class, DorsumPlanEditor, suggestions_list);
  gtk_widget_class_bind_template_child (widget_class, DorsumPlanEditor, search_group);
  gtk_widget_class_bind_template_child (widget_class, DorsumPlanEditor, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DorsumPlanEditor, search_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
}

static GtkWidget *
placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static void
dorsum_plan_editor_init (DorsumPlanEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (self->muscles_list,
                                placeholder (_("Mark where it hurts to see the likely muscles, or add one below")));
  gtk_list_box_set_placeholder (self->items_list,
                                placeholder (_("The handout will show the chart only — add stretches or self-care to give the client")));
  dorsum_a11y_name_group_list (ADW_PREFERENCES_GROUP (self->muscles_group));
  dorsum_a11y_name_group_list (ADW_PREFERENCES_GROUP (self->items_group));
  dorsum_a11y_name_group_list (ADW_PREFERENCES_GROUP (self->suggestions_group));
}

GtkWidget *
dorsum_plan_editor_new (void)
{
  return g_object_new (DORSUM_TYPE_PLAN_EDITOR, NULL);
}

void
dorsum_plan_editor_set_chart (DorsumPlanEditor *self,
                              DorsumLibrary    *library,
                              DorsumChart      *chart)
{
  g_return_if_fail (DORSUM_IS_PLAN_EDITOR (self));

  g_set_object (&self->library, library);
  g_set_object (&self->chart, chart);
  g_clear_pointer (&self->shown, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  dorsum_plan_editor_refresh (self);
}
