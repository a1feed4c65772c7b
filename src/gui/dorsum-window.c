/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window: a sidebar that lists or searches the library, the diagram area and a
 * detail pane that shows the chosen entry. Folds to one column on narrow screens. */

#define G_LOG_DOMAIN "dorsum-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dorsum-diagram-view.h"
#include "dorsum-search.h"
#include "dorsum-window-private.h"

struct _DorsumWindow
{
  AdwApplicationWindow  parent_instance;

  DorsumLibrary        *library;
  DorsumSearchIndex    *search_index;
  GListModel           *all_entries;
  GListStore           *results;
  GtkSingleSelection   *selection;
  GSettings            *settings;
  char                 *shown_id;

  /* Template widgets */
  AdwLeaflet           *leaflet;
  GtkSearchEntry       *search_entry;
  GtkListView          *list_view;
  GtkWidget            *content;
  AdwWindowTitle       *content_title;
  GtkStack             *detail_stack;
  GtkBox               *detail_box;
  DorsumDiagramView    *diagram_view;
  GtkPaned             *paned;
  GtkWidget            *zoom_box;
};

G_DEFINE_FINAL_TYPE (DorsumWindow, dorsum_window, ADW_TYPE_APPLICATION_WINDOW)

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
}

static void
fill_detail (DorsumWindow *self,
             DorsumEntry  *entry)
{
  const char *latin = dorsum_entry_get_latin (entry);
  const char *roots = dorsum_entry_get_attribute (entry, "innervation-roots");

  clear_box (self->detail_box);

  gtk_box_append (self->detail_box, make_label (dorsum_entry_get_name (entry), "title-1"));
  if (latin != NULL)
    gtk_box_append (self->detail_box, make_label (latin, "dim-label"));

  for (guint i = 0; i < dorsum_entry_get_n_fields (entry); i++)
    {
      const DorsumField *field = dorsum_entry_get_field (entry, i);
      GtkWidget *heading;

      if (g_str_equal (field->key, "name") || g_str_equal (field->key, "latin"))
        continue;

      heading = make_label (dorsum_field_get_title (field->key), "heading");
      gtk_widget_set_margin_top (heading, 12);
      gtk_box_append (self->detail_box, heading);

      for (guint j = 0; field->values[j]; j++)
        {
          g_autofree char *text = NULL;

          if (g_str_equal (field->key, "innervation") && roots != NULL)
            text = g_strdup_printf ("%s (%s)", field->values[j], roots);
          else
            text = g_strdup (field->values[j]);

          gtk_box_append (self->detail_box, make_label (text, NULL));
        }
    }

  for (guint i = 0; i < dorsum_entry_get_n_trigger_points (entry); i++)
    {
      const DorsumTriggerPoint *tp = dorsum_entry_get_trigger_point (entry, i);
      GtkWidget *heading;

      /* Translators: %u is the number of the trigger point, counting from 1 */
      g_autofree char *title = g_strdup_printf (_("Trigger Point %u"), i + 1);

      heading = make_label (title, "heading");
      gtk_widget_set_margin_top (heading, 12);
      gtk_box_append (self->detail_box, heading);
      gtk_box_append (self->detail_box, make_label (tp->location, NULL));
      gtk_box_append (self->detail_box, make_label (tp->referral, "dim-label"));
    }
}

/* A muscle is highlighted on a layer where it (or one of its parts) shows: the current
 * layer if it is there, else its own layer from the library, else the first that has it. */
static void
show_on_diagram (DorsumWindow *self,
                 DorsumEntry  *entry)
{
  DorsumDiagramView *view = self->diagram_view;
  g_auto(GStrv) parts = NULL;
  DorsumLayer own, current = dorsum_diagram_view_get_layer (view);
  gboolean shows[DORSUM_N_LAYERS] = { FALSE, };

  if (dorsum_entry_get_kind (entry) != DORSUM_KIND_MUSCLE)
    {
      dorsum_diagram_view_select_muscle (view, NULL);
      return;
    }

  parts = dorsum_library_expand_parts (self->library, dorsum_entry_get_id (entry));

  for (guint l = 0; l < DORSUM_N_LAYERS; l++)
    shows[l] = dorsum_diagram_view_layer_shows (view, l, (const char * const *)parts);

  if (!shows[current])
    {
      if (dorsum_layer_from_string (dorsum_entry_get_attribute (entry, "layer"), &own) && shows[own])
        dorsum_diagram_view_set_layer (view, own);
      else
        for (guint l = 0; l < DORSUM_N_LAYERS; l++)
          if (shows[l])
            {
              dorsum_diagram_view_set_layer (view, l);
              break;
            }
    }

  dorsum_diagram_view_select_muscle (view, dorsum_entry_get_id (entry));
}

static void
region_activated_cb (DorsumWindow      *self,
                     const char        *muscle_id,
                     const char        *region_id,
                     DorsumDiagramView *view)
{
  dorsum_window_show_entry (self, muscle_id);
}

gboolean
dorsum_window_show_entry (DorsumWindow *self,
                          const char   *id)
{
  DorsumEntry *entry;

  g_return_val_if_fail (DORSUM_IS_WINDOW (self), FALSE);

  entry = dorsum_library_lookup (self->library, id);
  if (entry == NULL)
    return FALSE;

  g_free (self->shown_id);
  self->shown_id = g_strdup (id);

  fill_detail (self, entry);
  show_on_diagram (self, entry);
  adw_window_title_set_title (self->content_title, dorsum_entry_get_name (entry));
  adw_window_title_set_subtitle (self->content_title, dorsum_kind_get_title (dorsum_entry_get_kind (entry)));
  gtk_stack_set_visible_child_name (self->detail_stack, "entry");
  adw_leaflet_set_visible_child (self->leaflet, self->content);

  return TRUE;
}

const char *
dorsum_window_get_shown_id (DorsumWindow *self)
{
  g_return_val_if_fail (DORSUM_IS_WINDOW (self), NULL);

  return self->shown_id;
}

static void
list_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static void
list_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  DorsumEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  const char *latin = dorsum_entry_get_latin (entry);

  gtk_label_set_label (GTK_LABEL (title), dorsum_entry_get_name (entry));
  gtk_label_set_label (GTK_LABEL (subtitle),
                       latin ? latin : dorsum_kind_get_title (dorsum_entry_get_kind (entry)));
}

static void
search_changed_cb (DorsumWindow   *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GArray) results = NULL;
  g_autoptr(GPtrArray) items = NULL;

  if (text[0] == '\0')
    {
      gtk_single_selection_set_model (self->selection, self->all_entries);
      return;
    }

  results = dorsum_search_index_query (self->search_index, text, 0);
  items = g_ptr_array_new ();
  for (guint i = 0; i < results->len; i++)
    g_ptr_array_add (items, g_array_index (results, DorsumSearchResult, i).entry);

  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       items->pdata, items->len);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->results));
}

static void
search_activate_cb (DorsumWindow   *self,
                    GtkSearchEntry *entry)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  g_autoptr(DorsumEntry) first = NULL;

  if (g_list_model_get_n_items (model) == 0)
    return;

  first = g_list_model_get_item (model, 0);
  gtk_single_selection_set_selected (self->selection, 0);
  dorsum_window_show_entry (self, dorsum_entry_get_id (first));
}

static void
list_activate_cb (DorsumWindow *self,
                  guint         position,
                  GtkListView  *list_view)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  g_autoptr(DorsumEntry) entry = g_list_model_get_item (model, position);

  if (entry != NULL)
    dorsum_window_show_entry (self, dorsum_entry_get_id (entry));
}

/* Folded (a phone, a narrow window): the detail goes below the diagram instead of beside it. */
static void
folded_changed_cb (DorsumWindow *self,
                   GParamSpec   *pspec,
                   AdwLeaflet   *leaflet)
{
  gboolean folded = adw_leaflet_get_folded (leaflet);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->paned),
                                  folded ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_position (self->paned, folded ? gtk_widget_get_height (GTK_WIDGET (self)) / 2 : 560);
  /* No room for the zoom buttons; pinch, Ctrl+scroll and the keys still zoom. */
  gtk_widget_set_visible (self->zoom_box, !folded);
}

static void
back_clicked_cb (DorsumWindow *self,
                 GtkButton    *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DorsumWindow *self = DORSUM_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static gboolean
dorsum_window_close_request (GtkWindow *window)
{
  DorsumWindow *self = DORSUM_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (dorsum_window_parent_class)->close_request (window);
}

static void
dorsum_window_dispose (GObject *object)
{
  DorsumWindow *self = (DorsumWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DORSUM_TYPE_WINDOW);

  g_clear_object (&self->selection);
  g_clear_object (&self->results);
  g_clear_object (&self->all_entries);
  g_clear_object (&self->search_index);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dorsum_window_parent_class)->dispose (object);
}

static void
dorsum_window_finalize (GObject *object)
{
  DorsumWindow *self = (DorsumWindow *)object;

  g_free (self->shown_id);

  G_OBJECT_CLASS (dorsum_window_parent_class)->finalize (object);
}

static void
dorsum_window_class_init (DorsumWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = dorsum_window_dispose;
  object_class->finalize = dorsum_window_finalize;

  window_class->close_request = dorsum_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dorsum/Dorsum/dorsum-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, content);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, detail_box);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, diagram_view);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, DorsumWindow, zoom_box);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, region_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "diagram.layer", "u", 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "diagram.layer", "u", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "diagram.layer", "u", 2);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "diagram.labels", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "diagram.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "diagram.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "diagram.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "diagram.zoom-fit", NULL);

  g_type_ensure (DORSUM_TYPE_DIAGRAM_VIEW);
}

static void
zoom_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  DorsumDiagramView *view = user_data;
  const char *name = g_action_get_name (G_ACTION (action));
  double zoom = dorsum_diagram_view_get_zoom (view);

  if (g_str_equal (name, "zoom-in"))
    dorsum_diagram_view_set_zoom (view, zoom * 1.25);
  else if (g_str_equal (name, "zoom-out"))
    dorsum_diagram_view_set_zoom (view, zoom / 1.25);
  else
    dorsum_diagram_view_set_zoom (view, 1.0);
}

static void
setup_diagram_actions (DorsumWindow *self)
{
  static const GActionEntry entries[] = {
    { "zoom-in", zoom_activated },
    { "zoom-out", zoom_activated },
    { "zoom-fit", zoom_activated },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GPropertyAction) layer = g_property_action_new ("layer", self->diagram_view, "layer");
  g_autoptr(GPropertyAction) labels = g_property_action_new ("labels", self->diagram_view, "labels");

  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (layer));
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (labels));
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), self->diagram_view);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "diagram", G_ACTION_GROUP (group));
}

static void
dorsum_window_init (DorsumWindow *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));
  setup_diagram_actions (self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (list_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (list_bind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  self->results = g_list_store_new (DORSUM_TYPE_ENTRY);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

static void
restore_window_state (DorsumWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Running uninstalled without the compiled schema is allowed: the size is just not kept. */
  if (source == NULL || !(schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)))
    {
      gtk_window_set_default_size (GTK_WINDOW (self), 1200, 800);
      return;
    }

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

DorsumWindow *
dorsum_window_new (DorsumApplication *application)
{
  DorsumWindow *self;
  GListStore *kinds;

  g_return_val_if_fail (DORSUM_IS_APPLICATION (application), NULL);

  self = g_object_new (DORSUM_TYPE_WINDOW, "application", application, NULL);
  self->library = g_object_ref (dorsum_application_get_library (application));
  self->search_index = dorsum_search_index_new (self->library);
  dorsum_diagram_view_set_library (self->diagram_view, self->library);

  kinds = g_list_store_new (G_TYPE_LIST_MODEL);
  for (guint k = 0; k < DORSUM_N_KINDS; k++)
    g_list_store_append (kinds, dorsum_library_get_entries (self->library, k));
  self->all_entries = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (kinds)));
  gtk_single_selection_set_model (self->selection, self->all_entries);

  restore_window_state (self);

  return self;
}

DorsumDiagramView *
dorsum_window_get_diagram_view (DorsumWindow *self)
{
  g_return_val_if_fail (DORSUM_IS_WINDOW (self), NULL);

  return self->diagram_view;
}
