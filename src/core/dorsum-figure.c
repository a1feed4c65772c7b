/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reads the figures manifest (data/diagrams/figures.xml) through the shared safe parser and
 * its schema, and loads each layer's diagram from the resources once per figure. */

#define G_LOG_DOMAIN "dorsum-figure"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dorsum-figure.h"
#include "dorsum-library.h"
#include "dorsum-resources.h"
#include "dorsum-xml-private.h"

#define FIGURES_NS "https://dorsum.github.io/ns/figures/1"
#define FIGURES_SCHEMA "/io/github/dorsum/Dorsum/dorsum-figures.rng"
#define DIAGRAMS_PREFIX "/io/github/dorsum/Dorsum/diagrams/"
#define MANIFEST_RESOURCE DIAGRAMS_PREFIX "figures.xml"
/* The manifest is a page of text; anything much larger is not one. */
#define MAX_MANIFEST_SIZE (256 * 1024)

typedef struct
{
  char *id;
  char *title;
  char *svg;      /* file name in data/diagrams */
  char *labels;   /* nullable */
} FigureLayer;

struct _DorsumFigure
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  DorsumView  view;
  GPtrArray  *layers;   /* FigureLayer*, from the skin inwards */

  GMutex      lock;     /* guards cache: any thread may load a layer */
  GHashTable *cache;    /* layer id → DorsumDiagram* */
};

G_DEFINE_FINAL_TYPE (DorsumFigure, dorsum_figure, G_TYPE_OBJECT)

G_DEFINE_QUARK (dorsum-figure-error-quark, dorsum_figure_error)

static const char * const view_names[] = { "posterior", "anterior", "lateral" };

static void
figure_layer_free (gpointer data)
{
  FigureLayer *layer = data;

  g_free (layer->id);
  g_free (layer->title);
  g_free (layer->svg);
  g_free (layer->labels);
  g_free (layer);
}

/* The text of the <title> child, trimmed; the schema has made sure there is one. */
static char *
child_title (xmlNodePtr node)
{
  for (xmlNodePtr child = node->children; child; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE && xmlStrEqual (child->name, BAD_CAST "title"))
        {
          xmlChar *content = xmlNodeGetContent (child);
          char *title = g_strstrip (g_strdup ((const char *)content));

          xmlFree (content);
          return title;
        }
    }

  return g_strdup ("");
}

static DorsumFigure *
figure_new_from_node (xmlNodePtr      node,
                      const char     *display_name,
                      DorsumProblems *problems)
{
  DorsumFigure *self = g_object_new (DORSUM_TYPE_FIGURE, NULL);
  g_autofree char *view = dorsum_xml_prop (node, "view");

  self->id = dorsum_xml_prop (node, "id");
  self->title = child_title (node);
  for (guint v = 0; v < G_N_ELEMENTS (view_names); v++)
    if (g_strcmp0 (view, view_names[v]) == 0)
      self->view = v;

  for (xmlNodePtr child = node->children; child; child = child->next)
    {
      FigureLayer *layer;

      if (child->type != XML_ELEMENT_NODE || !xmlStrEqual (child->name, BAD_CAST "layer"))
        continue;

      layer = g_new0 (FigureLayer, 1);
      layer->id = dorsum_xml_prop (child, "id");
      layer->svg = dorsum_xml_prop (child, "svg");
      layer->labels = dorsum_xml_prop (child, "labels");
      layer->title = child_title (child);

      if (dorsum_figure_find_layer (self, layer->id, NULL))
        dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_DUPLICATE, display_name, (guint)xmlGetLineNo (child),
                             _("the figure “%s” has two layers with the id “%s”; give each its own id"),
                             self->id, layer->id);

      g_ptr_array_add (self->layers, layer);
    }

  return self;
}

static void
dorsum_figure_finalize (GObject *object)
{
  DorsumFigure *self = (DorsumFigure *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->layers, g_ptr_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (dorsum_figure_parent_class)->finalize (object);
}

static void
dorsum_figure_class_init (DorsumFigureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dorsum_figure_finalize;
}

static void
dorsum_figure_init (DorsumFigure *self)
{
  self->layers = g_ptr_array_new_with_free_func (figure_layer_free);
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_mutex_init (&self->lock);
}

/**
 * dorsum_figures_new_from_bytes:
 * @manifest: a figures manifest (see data/dorsum-figures.rng)
 * @display_name: the name to use in messages
 *
 * Reads a manifest without trusting it: no DTD, no entities, the schema, unique ids.
 * Problems are #DORSUM_LIBRARY_ERROR errors saying FILE:LINE: what is wrong, as for
 * library packs and charts.
 *
 * Returns: (transfer full) (nullable): a list of #DorsumFigure, in the manifest's order
 */
GListModel *
dorsum_figures_new_from_bytes (GBytes      *manifest,
                               const char  *display_name,
                               GError     **error)
{
  static xmlRelaxNGPtr schema;
  DorsumProblems problems = { g_string_new (NULL), 0, 0 };
  g_autoptr(GListStore) store = NULL;
  gsize size;
  const char *data;
  xmlDocPtr doc;

  g_return_val_if_fail (manifest != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  dorsum_xml_init ();
  dorsum_resources_ensure ();

  data = g_bytes_get_data (manifest, &size);
  if (size > MAX_MANIFEST_SIZE)
    {
      dorsum_problems_add (&problems, DORSUM_LIBRARY_ERROR_TOO_LARGE, display_name, 0,
                           _("the file is too large for a figures manifest (more than %d KiB)"),
                           MAX_MANIFEST_SIZE / 1024);
      dorsum_problems_take_error (&problems, error);
      return NULL;
    }

  doc = dorsum_xml_parse (data, size, display_name, &problems);
  if (doc == NULL ||
      !dorsum_xml_validate (doc, &schema, FIGURES_SCHEMA, "figures", FIGURES_NS, display_name, &problems))
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      dorsum_problems_take_error (&problems, error);
      return NULL;
    }

  store = g_list_store_new (DORSUM_TYPE_FIGURE);
  for (xmlNodePtr node = xmlDocGetRootElement (doc)->children; node; node = node->next)
    {
      g_autoptr(DorsumFigure) figure = NULL;

      if (node->type != XML_ELEMENT_NODE || !xmlStrEqual (node->name, BAD_CAST "figure"))
        continue;

      figure = figure_new_from_node (node, display_name, &problems);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
        {
          g_autoptr(DorsumFigure) other = g_list_model_get_item (G_LIST_MODEL (store), i);

          if (g_str_equal (other->id, figure->id))
            dorsum_problems_add (&problems, DORSUM_LIBRARY_ERROR_DUPLICATE, display_name, (guint)xmlGetLineNo (node),
                                 _("two figures have the id “%s”; give each its own id"), figure->id);
        }
      g_list_store_append (store, figure);
    }
  xmlFreeDoc (doc);

  if (!dorsum_problems_take_error (&problems, error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * dorsum_figures_get_default:
 *
 * The built-in figures, read once per process and shared by every thread.
 *
 * Returns: (transfer none) (nullable): a list of #DorsumFigure
 */
GListModel *
dorsum_figures_get_default (GError **error)
{
  static GMutex lock;
  static GListModel *figures;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  g_autoptr(GBytes) bytes = NULL;

  if (figures != NULL)
    return figures;

  dorsum_resources_ensure ();
  bytes = g_resources_lookup_data (MANIFEST_RESOURCE, 0, error);
  if (bytes == NULL)
    return NULL;

  figures = dorsum_figures_new_from_bytes (bytes, "figures.xml", error);

  return figures;
}

/**
 * dorsum_figure_lookup:
 * @figure_id: a figure id such as "posterior" or "anterior"
 *
 * Returns: (transfer none) (nullable): the built-in figure, or %NULL with @error set
 */
DorsumFigure *
dorsum_figure_lookup (const char  *figure_id,
                      GError     **error)
{
  GListModel *figures;
  g_autoptr(GString) known = g_string_new (NULL);

  g_return_val_if_fail (figure_id != NULL, NULL);

  if (!(figures = dorsum_figures_get_default (error)))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      /* The list holds a reference for the life of the process. */
      g_autoptr(DorsumFigure) figure = g_list_model_get_item (figures, i);

      if (g_str_equal (figure->id, figure_id))
        return figure;

      g_string_append_printf (known, "%s%s", known->len ? ", " : "", figure->id);
    }

  g_set_error (error, DORSUM_FIGURE_ERROR, DORSUM_FIGURE_ERROR_NOT_FOUND,
               _("“%s” is not a figure; use %s"), figure_id, known->str);

  return NULL;
}

const char *
dorsum_figure_get_id (DorsumFigure *self)
{
  g_return_val_if_fail (DORSUM_IS_FIGURE (self), NULL);

  return self->id;
}

/* Titles are translated with the program's domain: the ITS rules (data/dorsum-figures.its)
 * give translators the manifest's titles. */
const char *
dorsum_figure_get_title (DorsumFigure *self)
{
  g_return_val_if_fail (DORSUM_IS_FIGURE (self), NULL);

  return g_dgettext (GETTEXT_PACKAGE, self->title);
}

DorsumView
dorsum_figure_get_view (DorsumFigure *self)
{
  g_return_val_if_fail (DORSUM_IS_FIGURE (self), DORSUM_VIEW_POSTERIOR);

  return self->view;
}

guint
dorsum_figure_get_n_layers (DorsumFigure *self)
{
  g_return_val_if_fail (DORSUM_IS_FIGURE (self), 0);

  return self->layers->len;
}

const char *
dorsum_figure_get_layer_id (DorsumFigure *self,
                            guint         position)
{
  g_return_val_if_fail (DORSUM_IS_FIGURE (self), NULL);
  g_return_val_if_fail (position < self->layers->len, NULL);

  return ((FigureLayer *)g_ptr_array_index (self->layers, position))->id;
}

const char *
dorsum_figure_get_layer_title (DorsumFigure *self,
                               guint         position)
{
  g_return_val_if_fail (DORSUM_IS_FIGURE (self), NULL);
  g_return_val_if_fail (position < self->layers->len, NULL);

  return g_dgettext (GETTEXT_PACKAGE, ((FigureLayer *)g_ptr_array_index (self->layers, position))->title);
}

/**
 * dorsum_figure_find_layer:
 * @position: (out) (optional): where the layer is, from the skin inwards
 *
 * Returns: whether the figure has a layer with the id @layer_id
 */
gboolean
dorsum_figure_find_layer (DorsumFigure *self,
                          const char   *layer_id,
                          guint        *position)
{
  g_return_val_if_fail (DORSUM_IS_FIGURE (self), FALSE);

  for (guint i = 0; i < self->layers->len; i++)
    {
      FigureLayer *layer = g_ptr_array_index (self->layers, i);

      if (g_strcmp0 (layer->id, layer_id) == 0)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * dorsum_figure_load_layer:
 * @layer_id: a layer id of this figure, such as "superficial"
 *
 * A layer's diagram is parsed once per figure and shared: the diagrams do not change, and
 * any thread may ask.
 *
 * Returns: (transfer full) (nullable): the layer's diagram, or %NULL with @error set
 */
DorsumDiagram *
dorsum_figure_load_layer (DorsumFigure  *self,
                          const char    *layer_id,
                          GError       **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *path = NULL;
  g_autofree char *labels_path = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) labels = NULL;
  DorsumDiagram *diagram;
  FigureLayer *layer;
  guint position;

  g_return_val_if_fail (DORSUM_IS_FIGURE (self), NULL);
  g_return_val_if_fail (layer_id != NULL, NULL);

  if (!dorsum_figure_find_layer (self, layer_id, &position))
    {
      g_autoptr(GString) known = g_string_new (NULL);

      for (guint i = 0; i < self->layers->len; i++)
        g_string_append_printf (known, "%s%s", i ? ", " : "", dorsum_figure_get_layer_id (self, i));
      g_set_error (error, DORSUM_FIGURE_ERROR, DORSUM_FIGURE_ERROR_NOT_FOUND,
                   _("“%s” is not a layer of the %s figure; use %s"), layer_id, self->id, known->str);
      return NULL;
    }

  locker = g_mutex_locker_new (&self->lock);
  if ((diagram = g_hash_table_lookup (self->cache, layer_id)) != NULL)
    return g_object_ref (diagram);

  dorsum_resources_ensure ();

  layer = g_ptr_array_index (self->layers, position);
  path = g_strconcat (DIAGRAMS_PREFIX, layer->svg, NULL);
  svg = g_resources_lookup_data (path, 0, error);
  if (svg == NULL)
    return NULL;

  if (layer->labels != NULL)
    {
      labels_path = g_strconcat (DIAGRAMS_PREFIX, layer->labels, NULL);
      if (!(labels = g_resources_lookup_data (labels_path, 0, error)))
        return NULL;
    }

  diagram = dorsum_diagram_new_from_bytes (svg, labels, layer->svg, error);
  if (diagram == NULL)
    return NULL;

  g_hash_table_insert (self->cache, g_strdup (layer_id), diagram);

  return g_object_ref (diagram);
}

/**
 * dorsum_diagram_new_for_figure:
 * @figure_id: a built-in figure's id, such as "posterior" or "anterior"
 * @layer_id: one of its layers, such as "superficial"
 *
 * Returns: (transfer full) (nullable): the layer's diagram, or %NULL with @error set
 */
DorsumDiagram *
dorsum_diagram_new_for_figure (const char  *figure_id,
                               const char  *layer_id,
                               GError     **error)
{
  DorsumFigure *figure;

  g_return_val_if_fail (figure_id != NULL, NULL);
  g_return_val_if_fail (layer_id != NULL, NULL);

  if (!(figure = dorsum_figure_lookup (figure_id, error)))
    return NULL;

  return dorsum_figure_load_layer (figure, layer_id, error);
}

const char *
dorsum_view_to_string (DorsumView view)
{
  g_return_val_if_fail (view < G_N_ELEMENTS (view_names), NULL);

  return view_names[view];
}
