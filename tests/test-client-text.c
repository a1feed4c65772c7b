/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The text written for clients (<client> in the library, issue #15): every muscle, stretch
 * and self-care routine has it, in its shape, in everyday words, with nothing about the artwork. */

#include "config.h"

#include <string.h>

#include "dorsum-library.h"

/* Words a client should not meet unexplained. A word is explained when a bracket follows it
 * at once: "sacrum (the flat bone at the base of the spine)". Each is matched at the start of
 * a word, so "scapul" catches "scapula", "scapulae" and "scapular". */
static const char * const jargon[] = {
  "medial", "lateral", "ipsilateral", "contralateral", "bilateral", "unilateral",
  "anterior", "posterior", "superior", "inferior", "proximal", "distal",
  "scapul", "vertebra", "spinous", "transverse process", "occiput", "occipital", "mastoid",
  "cervical", "thoracic", "lumbar", "sacrum", "sacral", "sacroiliac", "coccyx",
  "clavicle", "acromion", "humerus", "sternum", "femur", "glenoid", "epicondyle",
  "iliac", "ilium", "ischial", "trochanter", "gluteal", "fascia", "ulnar",
  "origin", "insertion", "flexion", "flexor", "extension", "extensor",
  "abduct", "adduct", "protract", "retract", "elevation",
  "rotate internally", "rotates internally", "rotate externally", "rotates externally",
  "internal rotation", "external rotation", "medially", "laterally",
  "palpat", "prone", "supine", "referral", "referred", "quadrant", "proprioce",
};

/* Words that belong to notes on the drawings (<drawing-note>), never to text a client reads. */
static const char * const artwork[] = {
  "drawn", "drawing", "diagram", "figure", "view", "not shown", "illustration",
};

static DorsumLibrary *
builtin (void)
{
  DorsumLibrary *library = dorsum_library_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (dorsum_library_load_builtin (library, &error));
  g_assert_no_error (error);

  return library;
}

/* Where @stem starts a word of @text (lower case), from @from; NULL if nowhere. */
static const char *
find_word_start (const char *text,
                 const char *from,
                 const char *stem)
{
  for (const char *at = strstr (from, stem); at != NULL; at = strstr (at + 1, stem))
    {
      if (at == text || !g_ascii_isalpha (at[-1]))
        return at;
    }

  return NULL;
}

/* The first unexplained jargon word in @text, or NULL. */
static const char *
find_jargon (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (jargon); i++)
    {
      for (const char *at = find_word_start (lower, lower, jargon[i]); at != NULL;
           at = find_word_start (lower, at + 1, jargon[i]))
        {
          const char *end = at + strlen (jargon[i]);

          while (g_ascii_isalpha (*end))
            end++;
          if (!g_str_has_prefix (end, " ("))
            return jargon[i];
        }
    }

  return NULL;
}

static const char *
find_artwork (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (artwork); i++)
    {
      const char *at = find_word_start (lower, lower, artwork[i]);

      /* A whole word only: "drawn" but not "withdrawn", "view" but not "review" or "viewer". */
      if (at != NULL && !g_ascii_isalpha (at[strlen (artwork[i])]))
        return artwork[i];
    }

  return NULL;
}

/* Sentences end in . ! or ? before a space, a closing quote or the end. */
static guint
count_sentences (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    {
      if ((*p == '.' || *p == '!' || *p == '?') &&
          (p[1] == '\0' || p[1] == ' ' || p[1] == '"'))
        n++;
    }

  return n;
}

static void
check_words (DorsumEntry *entry,
             const char  *text)
{
  const char *word;

  if ((word = find_jargon (text)) != NULL)
    g_error ("%s: the client text has “%s” unexplained: %s", dorsum_entry_get_id (entry), word, text);
  if ((word = find_artwork (text)) != NULL)
    g_error ("%s: the client text speaks of the artwork (“%s”): %s", dorsum_entry_get_id (entry), word, text);
}

/* Every muscle, stretch and self-care routine has client text of its kind's shape; nothing else has. */
static void
test_every_entry (void)
{
  g_autoptr(DorsumLibrary) library = builtin ();
  guint counted[DORSUM_N_KINDS] = { 0 };

  for (guint k = 0; k < DORSUM_N_KINDS; k++)
    {
      GListModel *entries = dorsum_library_get_entries (library, k);

      for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
        {
          g_autoptr(DorsumEntry) entry = g_list_model_get_item (entries, i);
          const char * const *paragraphs = dorsum_entry_get_client_paragraphs (entry);
          const char * const *steps = dorsum_entry_get_client_steps (entry);
          guint n_steps = g_strv_length ((GStrv)steps);
          guint sentences = 0;

          g_test_message ("%s", dorsum_entry_get_id (entry));

          if (k != DORSUM_KIND_MUSCLE && k != DORSUM_KIND_STRETCH && k != DORSUM_KIND_SELFCARE)
            {
              g_assert_false (dorsum_entry_has_client_text (entry));
              continue;
            }

          g_assert_true (dorsum_entry_has_client_text (entry));
          g_assert_nonnull (paragraphs[0]);
          for (guint p = 0; paragraphs[p]; p++)
            sentences += count_sentences (paragraphs[p]);

          if (k == DORSUM_KIND_MUSCLE)
            {
              /* Short: what it does and where it sends pain. */
              g_assert_cmpuint (sentences, >=, 2);
              g_assert_cmpuint (sentences, <=, 4);
              g_assert_cmpuint (n_steps, ==, 0);
              g_assert_null (dorsum_entry_get_client_dose (entry));
              g_assert_null (dorsum_entry_get_client_stop_if (entry));
            }
          else
            {
              g_assert_cmpuint (n_steps, >=, 3);
              g_assert_cmpuint (n_steps, <=, 6);
              g_assert_nonnull (dorsum_entry_get_client_dose (entry));
              g_assert_nonnull (dorsum_entry_get_client_stop_if (entry));
            }

          counted[k]++;
        }
    }

  g_assert_cmpuint (counted[DORSUM_KIND_MUSCLE], >=, 50);
  g_assert_cmpuint (counted[DORSUM_KIND_STRETCH] + counted[DORSUM_KIND_SELFCARE], >=, 30);
}

/* Everyday words: no anatomy word unexplained, nothing about the drawings. */
static void
test_plain_words (void)
{
  g_autoptr(DorsumLibrary) library = builtin ();
  const DorsumKind kinds[] = { DORSUM_KIND_MUSCLE, DORSUM_KIND_STRETCH, DORSUM_KIND_SELFCARE };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GListModel *entries = dorsum_library_get_entries (library, kinds[k]);

      for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
        {
          g_autoptr(DorsumEntry) entry = g_list_model_get_item (entries, i);
          g_autofree char *text = dorsum_entry_dup_client_text (entry);

          g_assert_nonnull (text);
          check_words (entry, text);
        }
    }
}

/* The checks themselves catch what they are for. */
static void
test_checks_catch (void)
{
  g_assert_cmpstr (find_jargon ("Pain along the medial border of the scapula."), ==, "medial");
  g_assert_cmpstr (find_jargon ("Under the Scapulae."), ==, "scapul");
  g_assert_cmpstr (find_jargon ("It aids hip flexion."), ==, "flexion");
  g_assert_cmpstr (find_jargon ("Down the gluteal cleft."), ==, "gluteal");
  g_assert_cmpstr (find_jargon ("It will rotate internally."), ==, "rotate internally");
  g_assert_null (find_jargon ("Over the sacrum (the flat bone at the base of your spine)."));
  g_assert_null (find_jargon ("Between your shoulder blade and the bony bumps of your spine."));
  g_assert_null (find_jargon ("A cross-body stretch for the collateral tissues."));
  g_assert_cmpstr (find_artwork ("The zone is drawn at the side of the head."), ==, "drawn");
  g_assert_cmpstr (find_artwork ("Not visible in the posterior view."), ==, "view");
  g_assert_null (find_artwork ("Review it with your therapist; pain may be withdrawn."));
  g_assert_cmpuint (count_sentences ("One. Two, \"three.\" Four?"), ==, 3);
}

/* Referral texts are read by students and searched; how a zone is drawn goes to <drawing-note>. */
static void
test_referrals_without_drawing_notes (void)
{
  g_autoptr(DorsumLibrary) library = builtin ();
  GListModel *muscles = dorsum_library_get_entries (library, DORSUM_KIND_MUSCLE);
  guint notes = 0;

  for (guint i = 0; i < g_list_model_get_n_items (muscles); i++)
    {
      g_autoptr(DorsumEntry) muscle = g_list_model_get_item (muscles, i);

      for (guint j = 0; j < dorsum_entry_get_n_trigger_points (muscle); j++)
        {
          const DorsumTriggerPoint *tp = dorsum_entry_get_trigger_point (muscle, j);
          const char *word = find_artwork (tp->referral);

          if (word != NULL)
            g_error ("%s: trigger point %u's referral speaks of the artwork (“%s”); move it to <drawing-note>",
                     dorsum_entry_get_id (muscle), j + 1, word);
          notes += tp->drawing_note != NULL;
        }
    }

  /* The notes moved out of the referrals are kept for whoever checks the drawings. */
  g_assert_cmpuint (notes, >=, 20);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client-text/every-entry", test_every_entry);
  g_test_add_func ("/client-text/plain-words", test_plain_words);
  g_test_add_func ("/client-text/checks-catch", test_checks_catch);
  g_test_add_func ("/client-text/referrals-without-drawing-notes", test_referrals_without_drawing_notes);

  return g_test_run ();
}
