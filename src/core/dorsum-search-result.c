/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a result says about itself: "did you mean", the snippet with the matched words,
 * and why it matched. */
#define G_LOG_DOMAIN "dorsum-search"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dorsum-search-private.h"

/**
 * dorsum_search_results_get_suggestion:
 * @results: (element-type DorsumSearchResult): from dorsum_search_index_query()
 *
 * Returns: (transfer full) (nullable): the query with its misspelt words corrected, when
 *   every result was found only by a near spelling ("Did you mean …")
 */
char *
dorsum_search_results_get_suggestion (GArray *results)
{
  const DorsumSearchResult *first;
  QueryInfo *info;

  g_return_val_if_fail (results != NULL, NULL);

  if (results->len == 0)
    return NULL;

  for (guint i = 0; i < results->len; i++)
    if (!g_array_index (results, DorsumSearchResult, i).fuzzy)
      return NULL;

  first = &g_array_index (results, DorsumSearchResult, 0);
  info = first->query;

  return info != NULL ? g_strdup (info->suggestion) : NULL;
}

/* Whether the folded word starts with one of the words the query hit. */
static gboolean
is_hit (QueryInfo  *info,
        const char *folded)
{
  for (guint i = 0; i < info->hits->len; i++)
    {
      const char *hit = g_ptr_array_index (info->hits, i);

      if (!strchr (hit, ' ') && g_str_has_prefix (folded, hit))
        return TRUE;
    }

  return FALSE;
}

#define SNIPPET_BEFORE 20   /* characters before the first matched word: a list row shows about 40 */
#define SNIPPET_LENGTH 90   /* characters in all, about one line of a list row */

/**
 * dorsum_search_result_get_snippet:
 * @markup: Pango markup with the matched words in bold, rather than plain text
 *
 * Returns: (transfer full): the matched words in a short piece of the text they were found in
 */
char *
dorsum_search_result_get_snippet (const DorsumSearchResult *result,
                                  gboolean                  markup)
{
  QueryInfo *info;
  const char *text;
  GArray *starts, *ends;
  glong n_chars, first = -1, from, to;
  GString *out;
  glong i = 0;

  g_return_val_if_fail (result != NULL, NULL);

  text = result->matched ? result->matched : "";
  info = result->query;
  if (info == NULL || !g_utf8_validate (text, -1, NULL))
    return markup ? g_markup_escape_text (text, -1) : g_strdup (text);

  /* The matched words, as character ranges. */
  starts = g_array_new (FALSE, FALSE, sizeof (glong));
  ends = g_array_new (FALSE, FALSE, sizeof (glong));
  n_chars = g_utf8_strlen (text, -1);
  for (const char *p = text; *p;)
    {
      const char *word;
      glong word_start;

      if (!g_unichar_isalnum (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          i++;
          continue;
        }

      word = p;
      word_start = i;
      while (*p && g_unichar_isalnum (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          i++;
        }

      {
        g_autofree char *copy = g_strndup (word, (gsize)(p - word));
        g_autofree char *folded = dorsum_search_normalize (copy);

        if (is_hit (info, folded))
          {
            g_array_append_val (starts, word_start);
            g_array_append_val (ends, i);
            if (first < 0)
              first = word_start;
          }
      }
    }

  /* A window around the first match, cut between words. */
  from = MAX (0, first - SNIPPET_BEFORE);
  to = MIN (n_chars, from + SNIPPET_LENGTH);

  {
    const char *start = g_utf8_offset_to_pointer (text, from);
    const char *end = g_utf8_offset_to_pointer (text, to);
    guint mark = 0;

    if (from > 0)
      while (*start && start < end && !g_unichar_isspace (g_utf8_get_char (start)) && (first < 0 || from < first))
        {
          start = g_utf8_next_char (start);
          from++;
        }
    if (to < n_chars)
      while (end > start && !g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
        {
          end = g_utf8_prev_char (end);
          to--;
        }

    out = g_string_new (from > 0 ? "…" : "");
    i = from;
    for (const char *p = start; p < end; p = g_utf8_next_char (p), i++)
      {
        gunichar c = g_utf8_get_char (p);

        while (mark < starts->len && g_array_index (ends, glong, mark) <= i)
          mark++;
        if (markup && mark < starts->len && g_array_index (starts, glong, mark) == i)
          g_string_append (out, "<b>");

        if (c == ' ' && p == start)
          ;
        else if (markup && c == '<')
          g_string_append (out, "&lt;");
        else if (markup && c == '>')
          g_string_append (out, "&gt;");
        else if (markup && c == '&')
          g_string_append (out, "&amp;");
        else
          g_string_append_unichar (out, c);

        if (markup && mark < starts->len && g_array_index (ends, glong, mark) == i + 1)
          g_string_append (out, "</b>");
      }
    g_strchomp (out->str);
    out->len = strlen (out->str);
    if (to < n_chars)
      g_string_append (out, "…");
  }

  g_array_unref (starts);
  g_array_unref (ends);

  return g_string_free (out, FALSE);
}

/**
 * dorsum_search_result_get_reason:
 *
 * Why @result matched, for a list row or the CLI: the field's title and the snippet,
 * such as "Refers pain: …to the temple; strong points also refer behind the eye…".
 *
 * Returns: (transfer full): the reason
 */
char *
dorsum_search_result_get_reason (const DorsumSearchResult *result,
                                 gboolean                  markup)
{
  g_autofree char *snippet = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (result != NULL, NULL);

  snippet = dorsum_search_result_get_snippet (result, markup);
  title = markup ? g_markup_escape_text (dorsum_field_get_title (result->field ? result->field : "name"), -1)
                 : g_strdup (dorsum_field_get_title (result->field ? result->field : "name"));

  /* Translators: why a search result matched: the field, then the words in it */
  return g_strdup_printf (_("%s: %s"), title, snippet);
}
