/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Validates GtkBuilder files the way `gtk4-builder-tool validate` does, but with libadwaita
 * initialised: GTK 4.8's builder tool cannot resolve a template whose parent is an Adw type. */

#include "config.h"

#include <adwaita.h>

#include "dorsum-chart-page.h"
#include "dorsum-diagram-view.h"
#include "dorsum-gui-resources.h"
#include "dorsum-entry-page.h"
#include "dorsum-packs-page.h"
#include "dorsum-sidebar.h"

/* Callbacks named in a template are resolved to a no-op, as the builder tool does. */
typedef struct { GtkBuilderCScope parent_instance; } LaxScope;
typedef struct { GtkBuilderCScopeClass parent_class; } LaxScopeClass;
static void lax_scope_iface_init (GtkBuilderScopeInterface *iface);
GType lax_scope_get_type (void);
G_DEFINE_TYPE_WITH_CODE (LaxScope, lax_scope, GTK_TYPE_BUILDER_CSCOPE,
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDER_SCOPE, lax_scope_iface_init))

static void
noop (void)
{
}

static GClosure *
lax_scope_create_closure (GtkBuilderScope        *scope,
                          GtkBuilder             *builder,
                          const char             *function_name,
                          GtkBuilderClosureFlags  flags,
                          GObject                *object,
                          GError                **error)
{
  return g_cclosure_new (G_CALLBACK (noop), NULL, NULL);
}

static void
lax_scope_iface_init (GtkBuilderScopeInterface *iface)
{
  GtkBuilderScopeInterface *parent = g_type_interface_peek_parent (iface);

  iface->get_type_from_name = parent->get_type_from_name;
  iface->get_type_from_function = parent->get_type_from_function;
  iface->create_closure = lax_scope_create_closure;
}

static void
lax_scope_class_init (LaxScopeClass *klass)
{
}

static void
lax_scope_init (LaxScope *self)
{
}

static GType
template_type (const char *contents,
               char      **class_name,
               gboolean   *real)
{
  g_autoptr(GRegex) regex = g_regex_new ("<template class=\"([^\"]+)\" parent=\"([^\"]+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *parent = NULL;
  GType parent_type;
  GTypeQuery query;

  if (!g_regex_match (regex, contents, 0, &match))
    return G_TYPE_INVALID;

  *class_name = g_match_info_fetch (match, 1);
  parent = g_match_info_fetch (match, 2);

  /* One of our own widgets, registered above: build the real thing from this template. */
  *real = g_type_from_name (*class_name) != G_TYPE_INVALID;
  if (*real)
    return g_type_from_name (*class_name);
  parent_type = gtk_builder_get_type_from_name (gtk_builder_new (), parent);
  if (parent_type == G_TYPE_INVALID)
    {
      g_printerr ("unknown template parent %s\n", parent);
      return G_TYPE_INVALID;
    }

  /* A stand-in class of the template's name, as gtk4-builder-tool makes. */
  g_type_query (parent_type, &query);
  return g_type_register_static_simple (parent_type, *class_name, (guint)query.class_size, NULL,
                                        (guint)query.instance_size, NULL, 0);
}

int
main (int    argc,
      char **argv)
{
  int status = 0;

  gtk_init ();
  adw_init ();
  /* Our own widgets that templates use, with their templates. */
  dorsum_gui_register_resource ();
  g_type_ensure (DORSUM_TYPE_DIAGRAM_VIEW);
  g_type_ensure (DORSUM_TYPE_ENTRY_PAGE);
  g_type_ensure (DORSUM_TYPE_CHART_PAGE);
  g_type_ensure (DORSUM_TYPE_SIDEBAR);
  g_type_ensure (DORSUM_TYPE_PACKS_PAGE);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new ();
      g_autoptr(GtkBuilderScope) scope = g_object_new (lax_scope_get_type (), NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *class_name = NULL;
      gboolean real = FALSE;
      gsize length;
      GType type;

      if (!g_file_get_contents (argv[i], &contents, &length, &error))
        {
          g_printerr ("%s: %s\n", argv[i], error->message);
          status = 1;
          continue;
        }

      gtk_builder_set_scope (builder, scope);
      type = template_type (contents, &class_name, &real);
      if (type != G_TYPE_INVALID)
        {
          GObject *object = g_object_ref_sink (g_object_new (type, NULL));

          /* A real widget class has already built its template in init; a stand-in needs it. */
          if (!real &&
              !gtk_builder_extend_with_template (builder, object, type, contents, (gssize)length, &error))
            {
              g_printerr ("%s: %s\n", argv[i], error->message);
              status = 1;
            }
          /* The stand-in object is left alive: the process ends right after. */
        }
      else if (class_name != NULL || !gtk_builder_add_from_string (builder, contents, (gssize)length, &error))
        {
          g_printerr ("%s: %s\n", argv[i], error ? error->message : "invalid template");
          status = 1;
        }
    }

  return status;
}
