/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reads Dorsum's XML files (library packs, charts) without trusting them: no DTD, no
 * entities, no network, and every problem collected as FILE:LINE: message. */

#define G_LOG_DOMAIN "dorsum-xml"

#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include "dorsum-library.h"
#include "dorsum-resources.h"
#include "dorsum-xml-private.h"

#define MAX_PROBLEMS_PER_FILE 25

typedef struct
{
  const char *display_name;
  DorsumProblems *problems;
  guint       file_problems;
  gboolean    saw_doctype;
  guint       doctype_line;
} ParseState;

void
dorsum_problems_add (DorsumProblems *problems,
              int         code,
              const char *file,
              guint       line,
              const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (problems->count == 0)
    problems->first_code = code;
  else
    g_string_append_c (problems->text, '\n');

  if (line > 0)
    g_string_append_printf (problems->text, "%s:%u: %s", file, line, message);
  else
    g_string_append_printf (problems->text, "%s: %s", file, message);

  problems->count++;
}

static char *
strip_message (const char *message)
{
  return g_strstrip (g_strdup (message ? message : ""));
}

/* libxml2 would otherwise print to stderr; we report through GError instead. */
static void
silent_generic_error (void       *ctx,
                      const char *msg,
                      ...)
{
}

static xmlParserInputPtr
refuse_external_entity (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  ctxt)
{
  /* Nothing is ever fetched: not from the network, not from the local disk. */
  return NULL;
}

static void
on_structured_error (void        *user_data,
                     xmlErrorPtr  error)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt ? ctxt->_private : NULL;
  g_autofree char *message = NULL;

  if (state == NULL || error == NULL || error->level < XML_ERR_ERROR || state->saw_doctype)
    return;

  /* After the first fatal error libxml2 reports follow-on noise; one is enough. */
  if (state->file_problems > 0)
    return;

  message = strip_message (error->message);
  dorsum_problems_add (state->problems, DORSUM_LIBRARY_ERROR_NOT_XML, state->display_name,
                error->line > 0 ? (guint)error->line : 1,
                _("this is not well-formed XML: %s"), message);
  state->file_problems++;
}

static void
on_internal_subset (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;

  /* A DOCTYPE is how entity bombs and external entities get in; library files never need one. */
  state->saw_doctype = TRUE;
  state->doctype_line = xmlSAX2GetLineNumber (ctxt);
  xmlStopParser (ctxt);
}

xmlDocPtr
dorsum_xml_parse (const char     *data,
                  gsize           length,
                  const char     *display_name,
                  DorsumProblems *problems)
{
  ParseState state = { display_name, problems, 0, FALSE, 0 };
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;
  guint before = problems->count;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_IO, display_name, 0, _("out of memory"));
      return NULL;
    }

  ctxt->_private = &state;
  ctxt->sax->internalSubset = on_internal_subset;
  ctxt->sax->serror = on_structured_error;
  ctxt->vctxt.error = NULL;
  ctxt->vctxt.warning = NULL;

  doc = xmlCtxtReadMemory (ctxt, data, (int)length, display_name, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING | XML_PARSE_COMPACT | XML_PARSE_NOBLANKS);

  if (state.saw_doctype)
    {
      dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_DOCTYPE, display_name, state.doctype_line,
                    _("a DOCTYPE declaration is not allowed in Dorsum files "
                      "(entities and DTDs are refused for safety); remove it"));
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if (doc == NULL || !ctxt->wellFormed)
    {
      if (problems->count == before)
        {
          xmlErrorPtr error = xmlCtxtGetLastError (ctxt);
          g_autofree char *message = strip_message (error ? error->message : NULL);

          dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_NOT_XML, display_name,
                        error && error->line > 0 ? (guint)error->line : 1,
                        _("this is not well-formed XML: %s"),
                        *message ? message : _("the file could not be read"));
        }
      g_clear_pointer (&doc, xmlFreeDoc);
    }

  ctxt->_private = NULL;
  xmlFreeParserCtxt (ctxt);

  return doc;
}

typedef struct
{
  const char     *display_name;
  const char     *root_name;
  DorsumProblems *problems;
  guint           count;
} ValidateState;

/* libxml2's RELAX NG messages, said the way a content author thinks about the file. */
static char *
explain_schema_message (const char *message)
{
  static const struct {
    const char *pattern;
    const char *replacement;
  } rules[] = {
    { "^Did not expect element (\\S+) there$",
      N_("<\\1> is not expected here: an element before it is missing, or the elements are in the wrong order") },
    { "^Expecting element (\\S+), got (\\S+)$", N_("expected <\\1> here, but found <\\2>") },
    { "^Element (\\S+) failed to validate attributes$", N_("<\\1> has a missing or invalid attribute") },
    { "^Invalid attribute (\\S+) for element (\\S+)$", N_("the attribute “\\1” of <\\2> is not allowed there or its value is not valid") },
    { "^Element (\\S+) has extra content: (\\S+)$", N_("<\\1> has content it may not hold: <\\2>") },
    { "^Expecting an element (\\S+), got nothing$", N_("<\\1> is missing") },
    { "^Error validating datatype (\\S+)$", N_("a value is empty or not of the right form") },
    { "^Error validating value *$", N_("a value is not one of the allowed ones") },
    { "^Element (\\S+) failed to validate content$", N_("the content of <\\1> is incomplete or out of order") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autoptr(GRegex) regex = g_regex_new (rules[i].pattern, 0, 0, NULL);

      if (g_regex_match (regex, message, 0, NULL))
        return g_regex_replace (regex, message, -1, 0, _(rules[i].replacement), 0, NULL);
    }

  return g_strdup (message);
}

static void
on_schema_error (void        *user_data,
                 xmlErrorPtr  error)
{
  ValidateState *state = user_data;
  g_autofree char *message = NULL;
  g_autofree char *explained = NULL;
  guint line = error->line > 0 ? (guint)error->line : 0;

  if (line == 0 && error->node != NULL)
    line = (guint)xmlGetLineNo ((xmlNodePtr)error->node);

  if (state->count >= MAX_PROBLEMS_PER_FILE)
    return;

  message = strip_message (error->message);
  explained = explain_schema_message (message);
  /* Translators: %s is "library" or "chart", then libxml2's explanation */
  dorsum_problems_add (state->problems, DORSUM_LIBRARY_ERROR_SCHEMA, state->display_name, line,
                       _("does not follow the %s schema: %s"), state->root_name, explained);
  state->count++;
}

static gboolean
ensure_schema (xmlRelaxNGPtr *schema,
               const char    *resource)
{
  static GMutex lock;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  g_autoptr(GBytes) bytes = NULL;
  xmlRelaxNGParserCtxtPtr pctxt;

  if (*schema != NULL)
    return TRUE;

  bytes = g_resources_lookup_data (resource, 0, NULL);
  g_assert (bytes != NULL);

  pctxt = xmlRelaxNGNewMemParserCtxt (g_bytes_get_data (bytes, NULL), (int)g_bytes_get_size (bytes));
  *schema = xmlRelaxNGParse (pctxt);
  xmlRelaxNGFreeParserCtxt (pctxt);

  /* The schema is ours and compiled in: failing here is a bug, not user input. */
  g_assert (*schema != NULL);

  return TRUE;
}

gboolean
dorsum_xml_validate (xmlDocPtr       doc,
                     xmlRelaxNGPtr  *schema,
                     const char     *schema_resource,
                     const char     *root_name,
                     const char     *ns,
                     const char     *display_name,
                     DorsumProblems *problems)
{
  ValidateState state = { display_name, root_name, problems, 0 };
  xmlRelaxNGValidCtxtPtr vctxt;
  xmlNodePtr root = xmlDocGetRootElement (doc);
  int ret;

  if (root == NULL ||
      !xmlStrEqual (root->name, BAD_CAST root_name) ||
      root->ns == NULL ||
      !xmlStrEqual (root->ns->href, BAD_CAST ns))
    {
      /* Translators: the first %s is the element found, then the expected root and its namespace */
      dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_WRONG_ROOT, display_name,
                           root ? (guint)xmlGetLineNo (root) : 1,
                           _("the root element is <%s>, but this kind of file starts with "
                             "<%s xmlns=\"%s\" version=\"1\">"),
                           root ? (const char *)root->name : "", root_name, ns);
      return FALSE;
    }

  ensure_schema (schema, schema_resource);

  vctxt = xmlRelaxNGNewValidCtxt (*schema);
  xmlRelaxNGSetValidStructuredErrors (vctxt, on_schema_error, &state);
  ret = xmlRelaxNGValidateDoc (vctxt, doc);
  xmlRelaxNGFreeValidCtxt (vctxt);

  if (ret != 0 && state.count == 0)
    dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_SCHEMA, display_name, (guint)xmlGetLineNo (root),
                         _("does not follow the %s schema"), root_name);

  return ret == 0;
}


/**
 * dorsum_xml_init:
 *
 * Silences libxml2's printing (problems are reported through GError) and makes sure no
 * external entity is ever loaded. Safe to call more than once, from any thread.
 */
void
dorsum_xml_init (void)
{
  static gsize done;

  /* The generic error handler is per thread in libxml2; the entity loader is global. */
  xmlSetGenericErrorFunc (NULL, silent_generic_error);

  if (g_once_init_enter (&done))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (refuse_external_entity);
      g_once_init_leave (&done, 1);
    }
}

/**
 * dorsum_problems_take_error:
 *
 * Returns: %TRUE when there were no problems; otherwise sets @error to all of them
 */
gboolean
dorsum_problems_take_error (DorsumProblems  *problems,
                            GError         **error)
{
  gboolean ok = problems->count == 0;

  if (!ok)
    g_set_error_literal (error, DORSUM_LIBRARY_ERROR, problems->first_code, problems->text->str);

  g_string_free (problems->text, TRUE);
  problems->text = NULL;

  return ok;
}

/**
 * dorsum_resources_ensure:
 *
 * Registers the core's resources (library, schemas, diagrams) once per process.
 */
void
dorsum_resources_ensure (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      dorsum_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

/* An attribute's value as a GLib string, %NULL when absent. */
char *
dorsum_xml_prop (xmlNodePtr  node,
                 const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *ret = g_strdup ((const char *)value);

  xmlFree (value);

  return ret;
}
