/* SPDX-License-Identifier: GPL-3.0-or-later */
/* org.gnome.Shell.SearchProvider2 on the application's bus connection: typing "rhomboid"
 * in the Activities overview lists the entries with their kind; choosing one opens the
 * window on that page, and the search itself opens the window's search. */

#define G_LOG_DOMAIN "dorsum-search-provider"

#include "config.h"

#include "dorsum-search-provider.h"
#include "dorsum-window.h"

#define MAX_RESULTS 20

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

/* Takes @terms_variant. */
static GVariant *
search (DorsumApplication *application,
        GVariant          *terms_variant)
{
  g_autoptr(GVariant) owned = terms_variant;
  g_autofree const char **terms = g_variant_get_strv (terms_variant, NULL);
  g_autofree char *text = g_strjoinv (" ", (char **)terms);
  g_autoptr(GArray) results = NULL;
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_STRING_ARRAY);
  if (g_utf8_validate (text, -1, NULL) && text[0] != '\0')
    results = dorsum_search_index_query (dorsum_application_get_search_index (application), text, MAX_RESULTS);
  for (guint i = 0; results != NULL && i < results->len && i < MAX_RESULTS; i++)
    g_variant_builder_add (&builder, "s", dorsum_entry_get_id (g_array_index (results, DorsumSearchResult, i).entry));

  return g_variant_new ("(as)", &builder);
}

/* Takes @ids_variant. */
static GVariant *
result_metas (DorsumApplication *application,
              GVariant          *ids_variant)
{
  g_autoptr(GVariant) owned = ids_variant;
  g_autofree const char **ids = g_variant_get_strv (ids_variant, NULL);
  DorsumLibrary *library = dorsum_application_get_library (application);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      DorsumEntry *entry = dorsum_library_lookup (library, ids[i]);
      const char *summary;
      g_autofree char *description = NULL;

      if (entry == NULL)
        continue;

      summary = dorsum_entry_get_summary (entry);
      /* The kind first ("Muscle — …"): the overview shows one line of it. */
      description = g_strdup_printf ("%s — %s", dorsum_kind_get_title (dorsum_entry_get_kind (entry)), summary ? summary : "");
      g_variant_builder_open (&builder, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&builder, "{sv}", "id", g_variant_new_string (ids[i]));
      g_variant_builder_add (&builder, "{sv}", "name", g_variant_new_string (dorsum_entry_get_name (entry)));
      g_variant_builder_add (&builder, "{sv}", "description", g_variant_new_string (description));
      g_variant_builder_add (&builder, "{sv}", "gicon", g_variant_new_string (APP_ID "-symbolic"));
      g_variant_builder_close (&builder);
    }

  return g_variant_new ("(aa{sv})", &builder);
}

static DorsumWindow *
present_window (DorsumApplication *application,
                guint32            timestamp)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (application));
      window = gtk_application_get_active_window (GTK_APPLICATION (application));
    }
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_window_present_with_time (window, timestamp);
  G_GNUC_END_IGNORE_DEPRECATIONS

  return DORSUM_WINDOW (window);
}

static void
method_call (GDBusConnection       *connection,
             const char            *sender,
             const char            *object_path,
             const char            *interface_name,
             const char            *method_name,
             GVariant              *parameters,
             GDBusMethodInvocation *invocation,
             gpointer               user_data)
{
  DorsumApplication *application = user_data;

  /* Answering holds the application a moment, as a D-Bus activated service must. */
  g_application_hold (G_APPLICATION (application));

  if (g_str_equal (method_name, "GetInitialResultSet"))
    g_dbus_method_invocation_return_value (invocation, search (application, g_variant_get_child_value (parameters, 0)));
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    g_dbus_method_invocation_return_value (invocation, search (application, g_variant_get_child_value (parameters, 1)));
  else if (g_str_equal (method_name, "GetResultMetas"))
    g_dbus_method_invocation_return_value (invocation, result_metas (application, g_variant_get_child_value (parameters, 0)));
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      const char *id;
      guint32 timestamp;

      g_variant_get (parameters, "(&s@asu)", &id, NULL, &timestamp);
      dorsum_window_show_entry (present_window (application, timestamp), id);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_autoptr(GVariant) terms_variant = g_variant_get_child_value (parameters, 0);
      g_autofree const char **terms = g_variant_get_strv (terms_variant, NULL);
      g_autofree char *text = g_strjoinv (" ", (char **)terms);
      guint32 timestamp;

      g_variant_get_child (parameters, 1, "u", &timestamp);
      dorsum_window_search (present_window (application, timestamp), text);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                           "No method %s", method_name);

  g_application_release (G_APPLICATION (application));
}

static const GDBusInterfaceVTable vtable = { method_call, NULL, NULL, { 0 } };

/* Returns: the registration id, 0 (with @error set) on failure */
guint
dorsum_search_provider_register (DorsumApplication *application,
                                 GDBusConnection   *connection,
                                 const char        *object_path,
                                 GError           **error)
{
  static GDBusNodeInfo *info;
  static gsize made;

  if (g_once_init_enter (&made))
    {
      info = g_dbus_node_info_new_for_xml (introspection_xml, NULL);
      g_once_init_leave (&made, 1);
    }

  return g_dbus_connection_register_object (connection, object_path, info->interfaces[0], &vtable,
                                            application, NULL, error);
}
