/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The search's text handling: folding, words and their stems, stop words, the
 * vocabulary's phrases. */
#define G_LOG_DOMAIN "dorsum-search"

#include "config.h"

#include <string.h>

#include "dorsum-search-private.h"

static const char * const stop_words[] = {
  "a", "an", "the", "of", "in", "on", "at", "to", "my", "i", "me", "is", "it", "its", "and", "or",
  "for", "with", "from", "by", "when", "what", "where", "which", "how", "do", "does", "can", "am",
  "are", "be", "this", "that", "your", "you", "have", "has", "got", "get",
};

/* Words that say it hurts, or roughly where: they rank what has them higher but are not
 * needed, so "hip pain" finds what refers to the hip. The first ones say it hurts. */
static const char * const soft_words[] = {
  "pain", "pains", "painful", "ache", "aches", "aching", "achy", "hurt", "hurts", "hurting", "sore",
  "soreness",
  "between", "down", "up", "along", "into", "around", "feel", "feels", "like", "very",
};
#define N_SYMPTOM_WORDS 12

static gboolean
in_list (const char         *word,
         const char * const *list,
         guint               n)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (word, list[i]))
      return TRUE;

  return FALSE;
}

gboolean
_dorsum_search_is_stop_word (const char *word)
{
  return in_list (word, stop_words, G_N_ELEMENTS (stop_words));
}

gboolean
_dorsum_search_is_soft_word (const char *word)
{
  return in_list (word, soft_words, G_N_ELEMENTS (soft_words));
}

gboolean
_dorsum_search_is_symptom_word (const char *word)
{
  return in_list (word, soft_words, N_SYMPTOM_WORDS);
}

/* A plural "s" off, but not from "-ss", "-us" or "-is" (process, latissimus, piriformis). */
void
_dorsum_search_stem_in_place (char *word)
{
  gsize len = strlen (word);

  if (len > 3 && word[len - 1] == 's' && word[len - 2] != 's' && word[len - 2] != 'u' && word[len - 2] != 'i')
    word[len - 1] = '\0';
}

guint32
_dorsum_search_letter_mask (const char *word)
{
  guint32 mask = 0;

  for (const char *p = word; *p; p++)
    {
      if (*p >= 'a' && *p <= 'z')
        mask |= 1u << (*p - 'a');
      else if (g_ascii_isdigit (*p))
        mask |= 1u << 26;
      else
        mask |= 1u << 27;
    }

  return mask;
}

/**
 * dorsum_search_normalize:
 *
 * Folds @text for matching: lower case, accents removed, anything that is not a
 * letter or digit turned into one space, trimmed. @text need not be valid UTF-8.
 */
char *
dorsum_search_normalize (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return g_strdup ("");

  /* GLib's normaliser trusts its input: on a cut-off character ("lat\xf0") it reads past
   * the end of the string. What the user typed or passed on the command line may be
   * anything; a bad byte becomes U+FFFD, which then folds to a space like punctuation. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  /* Nearly all text is ASCII, which decomposes to itself: skip the costly normalisation. */
  {
    const char *p = text;

    while (*p && !(*p & 0x80))
      p++;
    decomposed = *p ? g_utf8_normalize (text, -1, G_NORMALIZE_NFKD) : g_strdup (text);
  }
  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;

      if (!g_unichar_isalnum (c))
        {
          space = out->len > 0;
          continue;
        }

      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;

      if (c < 0x80)
        {
          g_string_append_c (out, g_ascii_tolower ((char)c));
          continue;
        }

      /* ß and friends fold to more than one character, so fold per character. */
      {
        char buf[8];
        int len = g_unichar_to_utf8 (c, buf);
        g_autofree char *folded = g_utf8_casefold (buf, len);

        g_string_append (out, folded);
      }
    }

  return g_string_free (out, FALSE);
}

/* The stems of @text's words, in order; stop words too unless @drop_stop_words. */
GStrv
_dorsum_search_split_stems (const char *text,
                            gboolean    drop_stop_words)
{
  g_autofree char *folded = dorsum_search_normalize (text);
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv stems;

  for (guint i = 0; words[i]; i++)
    {
      if (words[i][0] == '\0' || (drop_stop_words && _dorsum_search_is_stop_word (words[i])))
        continue;
      _dorsum_search_stem_in_place (words[i]);
      g_strv_builder_add (builder, words[i]);
    }

  stems = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return stems;
}

static void
phrase_free (gpointer data)
{
  Phrase *phrase = data;

  g_strfreev (phrase->stems);
  g_free (phrase);
}

GPtrArray *
_dorsum_search_parse_phrases (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "|", -1);
  GPtrArray *phrases = g_ptr_array_new_with_free_func (phrase_free);

  for (guint i = 0; parts[i]; i++)
    {
      Phrase *phrase = g_new0 (Phrase, 1);

      phrase->stems = _dorsum_search_split_stems (parts[i], TRUE);
      g_ptr_array_add (phrases, phrase);
    }

  return phrases;
}
