/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reads Dorsum's XML files (library packs, charts) without trusting them: no DTD, no
 * entities, no network, and every problem collected as FILE:LINE: message. */

#define G_LOG_DOMAIN "dorsum-xml"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
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

/* One problem, one line: a value read from a file may hold line breaks (&#10;). */
static void
flatten_line (GString *text,
              gsize    from)
{
  for (gsize i = from; i < text->len; i++)
    if ((guchar)text->str[i] < 0x20 || text->str[i] == 0x7f)
      text->str[i] = ' ';
}

void
dorsum_problems_add (DorsumProblems *problems,
                     int             code,
                     const char     *file,
                     guint           line,
                     const char     *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;
  gsize start;

  if (problems->count == 0)
    problems->first_code = code;

  /* Past the first hundred only the count grows; nothing more is formatted. */
  if (problems->count++ >= DORSUM_MAX_PROBLEMS)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (problems->text->len > 0)
    g_string_append_c (problems->text, '\n');
  start = problems->text->len;

  if (line > 0)
    g_string_append_printf (problems->text, "%s:%u: %s", file, line, message);
  else
    g_string_append_printf (problems->text, "%s: %s", file, message);

  flatten_line (problems->text, start);
}

/**
 * dorsum_problems_merge:
 *
 * Adds the problems of @from after those of @into, keeping to the first hundred lines.
 */
void
dorsum_problems_merge (DorsumProblems *into,
                       DorsumProblems *from)
{
  guint shown = MIN (into->count, DORSUM_MAX_PROBLEMS);
  const char *p = from->text->str;

  if (from->count == 0)
    return;

  if (into->count == 0)
    into->first_code = from->first_code;

  for (guint n = MIN (from->count, DORSUM_MAX_PROBLEMS); n > 0 && shown < DORSUM_MAX_PROBLEMS; n--, shown++)
    {
      const char *end = strchr (p, '\n');
      gsize len = end ? (gsize)(end - p) : strlen (p);

      if (into->text->len > 0)
        g_string_append_c (into->text, '\n');
      g_string_append_len (into->text, p, len);
      p = end ? end + 1 : p + len;
    }

  into->count += from->count;
}

/* At most @max_chars characters of @value, on a character boundary, "…" if cut, control
 * characters as spaces; only the first bytes of a long value are ever looked at. */
static char *
shorten_to (const char *value,
            guint       max_chars)
{
  g_autofree char *valid = NULL;
  GString *out;
  const char *p;
  gsize prefix;
  guint n = 0;

  if (value == NULL)
    return g_strdup ("");

  prefix = strnlen (value, (gsize)max_chars * 4 + 4);
  valid = g_utf8_make_valid (value, (gssize)prefix);
  out = g_string_sized_new (prefix + 4);

  for (p = valid; *p != '\0' && n < max_chars; p = g_utf8_next_char (p), n++)
    {
      if ((guchar)*p < 0x20 || *p == 0x7f)
        g_string_append_c (out, ' ');
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  if (*p != '\0' || value[prefix] != '\0')
    g_string_append (out, "…");

  return g_string_free (out, FALSE);
}

/**
 * dorsum_shorten:
 *
 * Returns: @value cut to %DORSUM_MESSAGE_MAX_VALUE characters, for quoting in a message:
 *   a file may hold an attribute megabytes long, a message should not.
 */
char *
dorsum_shorten (const char *value)
{
  return shorten_to (value, DORSUM_MESSAGE_MAX_VALUE);
}

/* libxml2's messages quote names, which may be 50000 characters long. */
static char *
strip_message (const char *message)
{
  g_autofree char *stripped = g_strstrip (g_strdup (message ? message : ""));

  return shorten_to (stripped, 200);
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

static gboolean
is_xml_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Whether @p ends a line as libxml2 counts them: LF, CR LF, or a CR alone. */
static gboolean
ends_line (const char *p,
           const char *end)
{
  return *p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n'));
}

typedef enum {
  PRESCAN_OK,
  PRESCAN_NOT_UTF8,
  PRESCAN_ATTRIBUTES,
  PRESCAN_NAMESPACES,
  PRESCAN_TAGS,
  PRESCAN_TOTAL_ATTRIBUTES,
} PrescanResult;

/* A lexical pass over the bytes before libxml2 sees them. libxml2 2.9 checks an element's
 * attributes for duplicates pairwise, so 200000 of them take minutes; no parser option
 * bounds them, and its SAX handlers run only after the check.
 *
 * libxml2 keeps reading attributes only through "name S? = S? quoted-value S": at anything
 * else it leaves the start tag. So every attribute it keeps has a value that opens with a
 * quote after "=" and blanks, and ends at the same quote or at a "<". Counting such values
 * from each "<" to the first ">" outside them bounds the attributes of every start tag,
 * whatever the parser makes of the rest: in comments or broken markup the count can only
 * come out higher. Valid UTF-8 is checked first, and the encoding is forced to UTF-8, so
 * every "<", "=", ">" and quote byte is that character. */
/* The line of @at, counted only when a problem needs it. */
static guint
line_at (const char *data,
         const char *at)
{
  guint line = 1;

  for (const char *p = data; p < at; p++)
    line += ends_line (p, at + 1);

  return line;
}

static PrescanResult
prescan (const char *data,
         gsize       length,
         guint       max_tags,
         guint      *line_out)
{
  const char *end = data + length;
  const char *p = data;
  const char *bad;
  guint tags = 0, namespaces = 0, all_attributes = 0;
  PrescanResult result = PRESCAN_OK;

  if (!g_utf8_validate_len (data, length, &bad))
    {
      *line_out = line_at (data, bad);
      return PRESCAN_NOT_UTF8;
    }

  /* Text between tags is skipped with memchr(): this runs on every file read. */
  while (p < end && (p = memchr (p, '<', end - p)) != NULL)
    {
      const char *tag = p++;
      const char *token = NULL, *name = NULL, *name_end = NULL;
      guint attributes = 0;
      gboolean after_equals = FALSE;

      /* Every node of the tree starts at a "<" or lies between two. */
      if (++tags > max_tags)
        {
          result = PRESCAN_TAGS;
          bad = tag;
          break;
        }

      for (; p < end && *p != '<'; p++)
        {
          char c = *p;

          if (c == '>')
            {
              p++;
              break;
            }

          if (is_xml_space (c) || c == '=' || c == '"' || c == '\'' || c == '/')
            {
              if (token != NULL)
                {
                  name = token;
                  name_end = p;
                  token = NULL;
                }
            }
          else if (token == NULL)
            token = p;

          if (c == '=')
            after_equals = TRUE;
          else if ((c == '"' || c == '\'') && after_equals)
            {
              after_equals = FALSE;
              if (++attributes > DORSUM_XML_MAX_ATTRIBUTES)
                result = PRESCAN_ATTRIBUTES;
              else if (++all_attributes > DORSUM_XML_MAX_TOTAL_ATTRIBUTES)
                result = PRESCAN_TOTAL_ATTRIBUTES;
              else if (name != NULL && name_end - name >= 5 && memcmp (name, "xmlns", 5) == 0 &&
                       (name_end - name == 5 || name[5] == ':') &&
                       ++namespaces > DORSUM_XML_MAX_NAMESPACES)
                result = PRESCAN_NAMESPACES;
              if (result != PRESCAN_OK)
                {
                  bad = tag;
                  goto out;
                }

              /* The value: to its closing quote, or to a "<", where libxml2 ends it too. */
              for (p++; p < end && *p != c && *p != '<'; p++)
                ;
              if (p == end || *p == '<')
                break;
            }
          else if (!is_xml_space (c))
            after_equals = FALSE;
        }
    }

out:
  if (result != PRESCAN_OK)
    *line_out = line_at (data, bad);

  return result;
}

xmlDocPtr
dorsum_xml_parse (const char     *data,
                  gsize           length,
                  const char     *display_name,
                  DorsumProblems *problems)
{
  return dorsum_xml_parse_limited (data, length, DORSUM_XML_MAX_TAGS, display_name, problems);
}

/**
 * dorsum_xml_parse_limited:
 * @max_tags: refuse files with more tags (a "<" each) than this, at most %DORSUM_XML_MAX_TAGS
 *
 * dorsum_xml_parse() for files whose readers need a lower bound (figures: librsvg is slow).
 */
xmlDocPtr
dorsum_xml_parse_limited (const char     *data,
                          gsize           length,
                          guint           max_tags,
                          const char     *display_name,
                          DorsumProblems *problems)
{
  ParseState state = { display_name, problems, 0, FALSE, 0 };
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;
  guint before = problems->count;
  guint line = 0;

  /* An empty GBytes may have no data at all. */
  if (data == NULL)
    data = "";

  if (length > G_MAXINT)
    {
      dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_TOO_LARGE, display_name, 0, _("the file is too large"));
      return NULL;
    }

  switch (prescan (data, length, MIN (max_tags, DORSUM_XML_MAX_TAGS), &line))
    {
    case PRESCAN_OK:
      break;
    case PRESCAN_NOT_UTF8:
      dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_NOT_XML, display_name, line,
                           _("this is not well-formed XML: the text is not valid UTF-8 "
                             "(Dorsum files are UTF-8, without NUL characters)"));
      return NULL;
    case PRESCAN_ATTRIBUTES:
      dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_TOO_LARGE, display_name, line,
                           _("an element has more than %d attributes; no Dorsum file needs so many"),
                           DORSUM_XML_MAX_ATTRIBUTES);
      return NULL;
    case PRESCAN_NAMESPACES:
      dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_TOO_LARGE, display_name, line,
                           _("the file declares more than %d namespaces; no Dorsum file needs so many"),
                           DORSUM_XML_MAX_NAMESPACES);
      return NULL;
    case PRESCAN_TAGS:
      dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_TOO_LARGE, display_name, line,
                           _("the file has more than %u tags; split it into several files"),
                           MIN (max_tags, DORSUM_XML_MAX_TAGS));
      return NULL;
    case PRESCAN_TOTAL_ATTRIBUTES:
      dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_TOO_LARGE, display_name, line,
                           _("the file has more than %d attributes; split it into several files"),
                           DORSUM_XML_MAX_TOTAL_ATTRIBUTES);
      return NULL;
    default:
      g_assert_not_reached ();
    }

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
                           XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING | XML_PARSE_COMPACT |
                           XML_PARSE_NOBLANKS | XML_PARSE_IGNORE_ENC);

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
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
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
      g_autofree char *found = dorsum_shorten (root ? (const char *)root->name : "");

      /* Translators: the first %s is the element found, then the expected root and its namespace */
      dorsum_problems_add (problems, DORSUM_LIBRARY_ERROR_WRONG_ROOT, display_name,
                           root ? (guint)xmlGetLineNo (root) : 1,
                           _("the root element is <%s>, but this kind of file starts with "
                             "<%s xmlns=\"%s\" version=\"1\">"),
                           found, root_name, ns);
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

  if (problems->count > DORSUM_MAX_PROBLEMS)
    {
      guint more = problems->count - DORSUM_MAX_PROBLEMS;

      g_string_append_c (problems->text, '\n');
      g_string_append_printf (problems->text, ngettext ("and %u more problem", "and %u more problems", more), more);
    }

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

/**
 * dorsum_read_regular_file:
 * @max_size: files larger than this are refused
 *
 * Reads a whole regular file, never more than @max_size + 1 bytes of it. A FIFO, a device
 * (/dev/zero) or a directory is refused without being read: a pack folder is anybody's,
 * and reading one must neither block nor run without end. A local file is opened
 * non-blocking and checked with fstat(), so nothing can be swapped in between.
 *
 * Returns: (transfer full) (nullable): the contents, or %NULL with @error naming the file
 *   (%DORSUM_LIBRARY_ERROR_TOO_LARGE when it is too large)
 */
GBytes *
dorsum_read_regular_file (GFile   *file,
                          gsize    max_size,
                          GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *buffer = NULL;
  gsize length = 0, capacity, size;
  int fd = -1;

  if (path != NULL)
    {
      struct stat st;

      fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
      if (fd < 0)
        {
          int saved_errno = errno;

          g_set_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_IO, "%s: %s", name, g_strerror (saved_errno));
          return NULL;
        }

      if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
        {
          g_set_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_IO,
                       _("%s: not a regular file; only ordinary files are read"), name);
          close (fd);
          return NULL;
        }
      size = (gsize)st.st_size;
    }
  else
    {
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NONE, NULL, &local_error);

      if (info == NULL)
        {
          g_set_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_IO, "%s: %s", name, local_error->message);
          return NULL;
        }
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        {
          g_set_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_IO,
                       _("%s: not a regular file; only ordinary files are read"), name);
          return NULL;
        }
      size = (gsize)MAX (0, g_file_info_get_size (info));

      if (size <= max_size && !(stream = G_INPUT_STREAM (g_file_read (file, NULL, &local_error))))
        {
          g_set_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_IO, "%s: %s", name, local_error->message);
          return NULL;
        }
    }

  /* The size said is only a hint (the file may grow while it is read); the reads are bounded. */
  capacity = MIN (size, max_size) + 1;
  buffer = size <= max_size ? g_malloc (capacity) : NULL;
  while (buffer != NULL)
    {
      gssize n;

      if (length == capacity)
        {
          if (capacity > max_size)
            break;
          capacity = max_size + 1;
          buffer = g_realloc (buffer, capacity);
        }

      if (fd >= 0)
        {
          n = read (fd, buffer + length, capacity - length);
          if (n < 0 && errno == EINTR)
            continue;
          if (n < 0)
            g_set_error_literal (&local_error, G_IO_ERROR, g_io_error_from_errno (errno), g_strerror (errno));
        }
      else
        n = g_input_stream_read (stream, buffer + length, capacity - length, NULL, &local_error);

      if (n < 0)
        {
          g_set_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_IO, "%s: %s", name, local_error->message);
          if (fd >= 0)
            close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      length += (gsize)n;
    }

  if (fd >= 0)
    close (fd);

  if (buffer == NULL || length > max_size)
    {
      if (max_size % (1024 * 1024) == 0)
        g_set_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_TOO_LARGE,
                     _("%s: the file is larger than %" G_GSIZE_FORMAT " MiB, the most this kind of file may be"),
                     name, max_size / (1024 * 1024));
      else
        g_set_error (error, DORSUM_LIBRARY_ERROR, DORSUM_LIBRARY_ERROR_TOO_LARGE,
                     _("%s: the file is larger than %" G_GSIZE_FORMAT " bytes, the most this kind of file may be"),
                     name, max_size);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&buffer), length);
}
