/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One question from one card: the right answer, wrong choices that are surely wrong (from
 * muscles a student confuses with it first), the order of the choices, and the checking
 * of answers, clicked, chosen or typed. */

#define G_LOG_DOMAIN "dorsum-quiz"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dorsum-quiz.h"
#include "dorsum-quiz-private.h"
#include "dorsum-search.h"

#define N_CHOICES 4

/* The kinds of contraindication, in the library's words and as choices. */
static const struct {
  const char *severity;
  const char *title;
} severities[] = {
  { "absolute", N_("Absolute: do not massage") },
  { "local", N_("Local: work around the area") },
  { "relative", N_("Relative: adapt, or ask for medical clearance") },
  { "red-flag", N_("Red flag: stop and refer to a doctor") },
};

static const char * const type_names[DORSUM_N_QUESTION_TYPES] = {
  "find", "name", "facts", "referral", "safety",
};

/* "Rhomboid major" → "rhomboid major" for the middle of a sentence; "QL" stays. */
static char *
name_in_sentence (DorsumEntry *entry)
{
  char *name = g_strdup (dorsum_entry_get_name (entry));

  if (g_ascii_isupper (name[0]) && name[1] && g_ascii_islower (name[1]))
    name[0] = g_ascii_tolower (name[0]);

  return name;
}

/* @text with @name (any case) replaced, so a description does not give the answer away. */
static char *
mask_name (const char *text,
           const char *name)
{
  g_autofree char *lower_text = g_ascii_strdown (text, -1);
  g_autofree char *lower_name = g_ascii_strdown (name, -1);
  GString *out = g_string_new (NULL);
  const char *p = lower_text;
  const char *hit;

  while ((hit = strstr (p, lower_name)))
    {
      g_string_append_len (out, text + (p - lower_text), hit - p);
      g_string_append (out, "…");
      p = hit + strlen (lower_name);
    }
  g_string_append (out, text + (p - lower_text));

  return g_string_free (out, FALSE);
}

void
dorsum_quiz_shuffle (GPtrArray *array,
         GRand     *rand)
{
  for (guint i = array->len; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      gpointer tmp = array->pdata[i - 1];

      array->pdata[i - 1] = array->pdata[j];
      array->pdata[j] = tmp;
    }
}

/* Other muscles, most confusable first: same region and layer, then either, then the rest;
 * shuffled within each group. */
static GPtrArray *
confusable_muscles (DorsumQuiz  *self,
                    DorsumEntry *muscle,
                    GRand       *rand)
{
  GPtrArray *tiers[3];
  GPtrArray *out = g_ptr_array_new ();
  const char *region = dorsum_entry_get_attribute (muscle, "region");
  const char *layer = dorsum_entry_get_attribute (muscle, "layer");

  for (guint t = 0; t < 3; t++)
    tiers[t] = g_ptr_array_new ();

  for (guint i = 0; i < self->muscles->len; i++)
    {
      DorsumEntry *other = g_ptr_array_index (self->muscles, i);
      guint tier = 2;

      if (dorsum_quiz_related (muscle, other))
        continue;
      tier -= g_strcmp0 (region, dorsum_entry_get_attribute (other, "region")) == 0;
      tier -= g_strcmp0 (layer, dorsum_entry_get_attribute (other, "layer")) == 0;
      g_ptr_array_add (tiers[tier], other);
    }

  for (guint t = 0; t < 3; t++)
    {
      dorsum_quiz_shuffle (tiers[t], rand);
      g_ptr_array_extend (out, tiers[t], NULL, NULL);
      g_ptr_array_unref (tiers[t]);
    }

  return out;
}

/* Adds @text as a wrong choice unless it is already there (or is the answer). */
static void
add_choice (DorsumQuiz *self,
            GPtrArray  *choices,
            const char *text)
{
  if (text == NULL || choices->len >= N_CHOICES)
    return;

  for (guint i = 0; i < choices->len; i++)
    if (dorsum_quiz_texts_same (self, g_ptr_array_index (choices, i), text))
      return;

  g_ptr_array_add (choices, g_strdup (text));
}

static const char *
random_value (DorsumEntry *entry,
              const char  *key,
              GRand       *rand)
{
  const char * const *values = dorsum_entry_lookup_field (entry, key);
  guint n = values ? g_strv_length ((GStrv)values) : 0;

  return n ? values[g_rand_int_range (rand, 0, n)] : NULL;
}

enum {
  PAIR_SYNERGISTS,  /* they share an action */
  PAIR_SAME_NERVE,  /* their supplies share a nerve or roots */
};

static gboolean
compute_pair (DorsumQuiz  *self,
              DorsumEntry *a,
              DorsumEntry *b,
              guint        relation)
{
  if (relation == PAIR_SAME_NERVE)
    return dorsum_quiz_innervations_same (self, a, b);
  else
    {
      const char * const *mine = dorsum_entry_lookup_field (a, "action");
      const char * const *theirs = dorsum_entry_lookup_field (b, "action");

      for (guint k = 0; theirs && theirs[k]; k++)
        for (guint i = 0; mine && mine[i]; i++)
          if (dorsum_quiz_actions_similar (self, mine[i], theirs[k]))
            return TRUE;

      return FALSE;
    }
}

/* A relation between two muscles, worked out once. */
static gboolean
pair (DorsumQuiz  *self,
      DorsumEntry *a,
      DorsumEntry *b,
      guint        relation)
{
  guint ia = GPOINTER_TO_UINT (g_hash_table_lookup (self->muscle_index, a));
  guint ib = GPOINTER_TO_UINT (g_hash_table_lookup (self->muscle_index, b));
  guint8 known = 1 << (2 * relation), value = 2 << (2 * relation);
  guint8 *cell;

  g_assert (ia > 0 && ib > 0);
  cell = &self->pairs[(ia - 1) * self->muscles->len + ib - 1];
  if (!(*cell & known))
    *cell |= known | (compute_pair (self, a, b, relation) ? value : 0);

  return (*cell & value) != 0;
}

/* An action of @other, when @other shares none of @muscle's actions. Muscles that share
 * one work together, and what one of them does the other often does too even where the
 * library does not say so: none of their actions is surely wrong. */
static const char *
distinct_action (DorsumQuiz  *self,
                 DorsumEntry *muscle,
                 DorsumEntry *other,
                 GRand       *rand)
{
  const char * const *theirs = dorsum_entry_lookup_field (other, "action");
  guint n = theirs ? g_strv_length ((GStrv)theirs) : 0;

  if (n == 0 || pair (self, muscle, other, PAIR_SYNERGISTS))
    return NULL;

  return theirs[g_rand_int_range (rand, 0, n)];
}

/* Whether any referral zone of @other touches those of @tp, worked out once per trigger point. */
static gboolean
refers_there_too (DorsumQuiz               *self,
                  const DorsumTriggerPoint *tp,
                  DorsumEntry              *other)
{
  GHashTable *set = g_hash_table_lookup (self->overlapping, tp);

  if (set == NULL)
    {
      set = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < self->muscles->len; i++)
        if (dorsum_quiz_zone_overlaps (tp, g_ptr_array_index (self->muscles, i)))
          g_hash_table_add (set, g_ptr_array_index (self->muscles, i));
      g_hash_table_insert (self->overlapping, (gpointer)tp, set);
    }

  return g_hash_table_contains (set, other);
}

/* Whether any layer of @figure draws @muscle: choices for find-it and name-it. */
static gboolean
on_figure (DorsumQuiz  *self,
           const char  *figure,
           DorsumEntry *muscle)
{
  for (guint i = 0; i < self->figure_layers->len; i++)
    {
      const FigureLayer *fl = g_ptr_array_index (self->figure_layers, i);

      if (g_str_equal (fl->figure, figure) && g_hash_table_contains (fl->muscles, muscle))
        return TRUE;
    }

  return FALSE;
}

static void
fill_muscle_choices (DorsumQuiz  *self,
                     Card        *card,
                     GPtrArray   *choices,
                     GRand       *rand,
                     const DorsumTriggerPoint *tp)
{
  g_autoptr(GPtrArray) others = confusable_muscles (self, card->entry, rand);

  for (guint i = 0; i < others->len && choices->len < N_CHOICES; i++)
    {
      DorsumEntry *other = g_ptr_array_index (others, i);
      const char *value = NULL;

      switch (card->fact)
        {
        case DORSUM_FACT_LOCATION:
        case DORSUM_FACT_NAME:
          if (on_figure (self, card->figure->figure, other))
            value = dorsum_entry_get_name (other);
          break;

        case DORSUM_FACT_ORIGIN:
        case DORSUM_FACT_INSERTION:
          value = dorsum_entry_lookup_value (other, dorsum_fact_to_string (card->fact));
          break;

        case DORSUM_FACT_ACTION:
          value = distinct_action (self, card->entry, other, rand);
          break;

        case DORSUM_FACT_INNERVATION:
          if (dorsum_entry_lookup_value (other, "innervation") && !pair (self, card->entry, other, PAIR_SAME_NERVE))
            value = dorsum_entry_lookup_value (other, "innervation");
          break;

        case DORSUM_FACT_ROOTS:
          value = dorsum_entry_get_attribute (other, "innervation-roots");
          if (g_strcmp0 (value, "none") == 0)
            value = NULL;
          break;

        case DORSUM_FACT_REFERRAL:
          if (dorsum_entry_get_n_trigger_points (other) > 0 && !refers_there_too (self, tp, other))
            value = dorsum_entry_get_name (other);
          break;

        case DORSUM_FACT_CONTRAINDICATION:
        case DORSUM_FACT_RED_FLAG:
        case DORSUM_FACT_SEVERITY:
        case DORSUM_N_FACTS:
        default:
          g_assert_not_reached ();
        }

      add_choice (self, choices, value);
    }
}

/* An indication as a short choice: its first sentence, cut at a word near 70 characters. */
static char *
short_indication (const char *item)
{
  g_autofree char *text = g_strdup (item);
  char *stop = strpbrk (text, ";.");

  if (stop)
    *stop = '\0';
  if (g_utf8_strlen (text, -1) > 70)
    {
      char *cut = g_utf8_offset_to_pointer (text, 70);

      while (cut > text && *cut != ' ')
        cut--;
      *cut = '\0';
      return g_strconcat (text, "…", NULL);
    }

  return g_steal_pointer (&text);
}

/* Wrong choices for a technique: conditions it is meant for (they link to it), then what
 * it is indicated for in its own words. Other contraindications are never wrong choices:
 * the library not listing fever for a technique does not make fever safe. */
static void
fill_contraindication_choices (DorsumQuiz *self,
                               Card       *card,
                               GPtrArray  *choices,
                               GRand      *rand)
{
  g_autoptr(GPtrArray) linking = dorsum_library_get_linking_entries (self->library, dorsum_entry_get_id (card->entry));
  g_autoptr(GPtrArray) conditions = g_ptr_array_new ();
  g_autoptr(GPtrArray) indications = g_ptr_array_new_with_free_func (g_free);
  const char * const *items = dorsum_entry_lookup_field (card->entry, "indications");

  for (guint i = 0; i < linking->len; i++)
    if (dorsum_entry_get_kind (g_ptr_array_index (linking, i)) == DORSUM_KIND_CONDITION)
      g_ptr_array_add (conditions, g_ptr_array_index (linking, i));
  for (guint i = 0; items && items[i]; i++)
    g_ptr_array_add (indications, short_indication (items[i]));

  dorsum_quiz_shuffle (conditions, rand);
  dorsum_quiz_shuffle (indications, rand);
  for (guint i = 0; i < conditions->len; i++)
    add_choice (self, choices, dorsum_entry_get_name (g_ptr_array_index (conditions, i)));
  for (guint i = 0; i < indications->len; i++)
    add_choice (self, choices, g_ptr_array_index (indications, i));
}

/* Wrong choices for a red flag: contraindications that are not red flags. */
static void
fill_red_flag_choices (DorsumQuiz *self,
                       GPtrArray  *choices,
                       GRand      *rand)
{
  GListModel *model = dorsum_library_get_entries (self->library, DORSUM_KIND_CONTRAINDICATION);
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      DorsumEntry *entry = g_list_model_get_item (model, i);

      if (g_strcmp0 (dorsum_entry_get_attribute (entry, "severity"), "red-flag") != 0)
        g_ptr_array_add (others, entry);
      else
        g_object_unref (entry);
    }

  dorsum_quiz_shuffle (others, rand);
  for (guint i = 0; i < others->len; i++)
    add_choice (self, choices, dorsum_entry_get_name (g_ptr_array_index (others, i)));
}

/* The right answer to @card, and the prompt. */
static const char *
answer_for (DorsumQuiz                *self,
            Card                      *card,
            GRand                     *rand,
            char                     **prompt,
            char                     **detail,
            const DorsumTriggerPoint **tp,
            guint                     *tp_index)
{
  g_autofree char *name = name_in_sentence (card->entry);
  DorsumEntry *e = card->entry;

  switch (card->fact)
    {
    case DORSUM_FACT_LOCATION:
      *prompt = g_strdup_printf (_("Click the %s."), name);
      return dorsum_entry_get_name (e);

    case DORSUM_FACT_NAME:
      *prompt = g_strdup (_("Which muscle is highlighted?"));
      if (dorsum_entry_get_summary (e))
        *detail = mask_name (dorsum_entry_get_summary (e), dorsum_entry_get_name (e));
      return dorsum_entry_get_name (e);

    case DORSUM_FACT_ORIGIN:
      *prompt = g_strdup_printf (_("Where is the origin of %s?"), name);
      return dorsum_entry_lookup_value (e, "origin");

    case DORSUM_FACT_INSERTION:
      *prompt = g_strdup_printf (_("Where is the insertion of %s?"), name);
      return dorsum_entry_lookup_value (e, "insertion");

    case DORSUM_FACT_ACTION:
      *prompt = g_strdup_printf (_("Which of these is an action of %s?"), name);
      return random_value (e, "action", rand);

    case DORSUM_FACT_INNERVATION:
      *prompt = g_strdup_printf (_("Which nerve supplies %s?"), name);
      return dorsum_entry_lookup_value (e, "innervation");

    case DORSUM_FACT_ROOTS:
      *prompt = g_strdup_printf (_("Which spinal roots supply %s?"), name);
      return dorsum_entry_get_attribute (e, "innervation-roots");

    case DORSUM_FACT_REFERRAL:
      {
        /* Only a point whose zone the question's figure can draw. */
        const char *figure = card->figure ? card->figure->figure : DORSUM_FIGURE_POSTERIOR;
        guint n = dorsum_entry_get_n_trigger_points (e), shown = 0, pick;

        for (guint t = 0; t < n; t++)
          shown += dorsum_quiz_zone_on_figure (dorsum_entry_get_trigger_point (e, t), figure);
        if (shown == 0)
          return NULL;

        pick = g_rand_int_range (rand, 0, shown);
        for (guint t = 0; t < n; t++)
          if (dorsum_quiz_zone_on_figure (dorsum_entry_get_trigger_point (e, t), figure) && pick-- == 0)
            {
              *tp_index = t;
              break;
            }
      }
      *tp = dorsum_entry_get_trigger_point (e, *tp_index);
      *prompt = g_strdup (_("Which muscle refers pain to the area shown?"));
      *detail = mask_name ((*tp)->referral, dorsum_entry_get_name (e));
      return dorsum_entry_get_name (e);

    case DORSUM_FACT_CONTRAINDICATION:
      {
        g_autoptr(GPtrArray) contra = g_ptr_array_new ();

        for (guint i = 0; i < dorsum_entry_get_n_links (e); i++)
          {
            const DorsumLink *link = dorsum_entry_get_link (e, i);
            DorsumEntry *target = dorsum_library_lookup (self->library, link->id);

            if (link->kind == DORSUM_KIND_CONTRAINDICATION && target)
              g_ptr_array_add (contra, target);
          }
        *prompt = g_strdup_printf (_("Which of these is a contraindication to %s?"), name);
        if (contra->len == 0)
          return NULL;
        return dorsum_entry_get_name (g_ptr_array_index (contra, g_rand_int_range (rand, 0, contra->len)));
      }

    case DORSUM_FACT_RED_FLAG:
      *prompt = g_strdup (_("Which of these is a red flag: stop, do not massage, refer to a doctor?"));
      return dorsum_entry_get_name (e);

    case DORSUM_FACT_SEVERITY:
      *prompt = g_strdup_printf (_("What kind of contraindication is %s?"), name);
      for (guint i = 0; i < G_N_ELEMENTS (severities); i++)
        if (g_strcmp0 (severities[i].severity, dorsum_entry_get_attribute (e, "severity")) == 0)
          return _(severities[i].title);
      return NULL;

    case DORSUM_N_FACTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static GPtrArray *
name_forms (DorsumQuiz  *self,
            DorsumEntry *muscle)
{
  GPtrArray *forms = g_hash_table_lookup (self->name_forms, muscle);

  if (forms == NULL)
    {
      forms = dorsum_quiz_name_forms (muscle);
      g_hash_table_insert (self->name_forms, muscle, forms);
    }

  return forms;
}


/**
 * dorsum_quiz_generate:
 * @rand: chooses the wrong answers and their order; the same seed gives the same question
 *
 * Returns: (transfer full) (nullable): a question with exactly one right choice among
 *   four distinct ones, or %NULL for an unknown card
 */
DorsumQuestion *
dorsum_quiz_generate (DorsumQuiz *self,
                      const char *card_id,
                      GRand      *rand)
{
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(DorsumQuestion) question = NULL;
  const DorsumTriggerPoint *tp = NULL;
  const char *answer;
  Card *card;

  g_return_val_if_fail (DORSUM_IS_QUIZ (self), NULL);
  g_return_val_if_fail (card_id != NULL && rand != NULL, NULL);

  if (!(card = g_hash_table_lookup (self->by_id, card_id)))
    return NULL;

  question = g_new0 (DorsumQuestion, 1);
  question->type = card->type;
  question->fact = card->fact;
  question->card_id = g_strdup (card->id);
  question->entry_id = g_strdup (dorsum_entry_get_id (card->entry));
  if (card->figure)
    {
      question->figure = g_strdup (card->figure->figure);
      question->layer = g_strdup (card->figure->layer);
    }
  question->regions = g_strdupv (card->regions);

  answer = answer_for (self, card, rand, &question->prompt, &question->detail, &tp, &question->trigger_point);
  if (answer == NULL)
    return NULL;
  g_ptr_array_add (choices, g_strdup (answer));

  if (card->fact == DORSUM_FACT_CONTRAINDICATION)
    fill_contraindication_choices (self, card, choices, rand);
  else if (card->fact == DORSUM_FACT_RED_FLAG)
    fill_red_flag_choices (self, choices, rand);
  else if (card->fact == DORSUM_FACT_SEVERITY)
    for (guint i = 0; i < G_N_ELEMENTS (severities); i++)
      add_choice (self, choices, _(severities[i].title));
  else
    fill_muscle_choices (self, card, choices, rand, tp);

  if (choices->len < N_CHOICES)
    return NULL;

  /* The answer is at 0: shuffle, following it. */
  for (guint i = N_CHOICES; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      gpointer tmp = choices->pdata[i - 1];

      choices->pdata[i - 1] = choices->pdata[j];
      choices->pdata[j] = tmp;
      if (question->answer == j)
        question->answer = i - 1;
      else if (question->answer == i - 1)
        question->answer = j;
    }

  g_ptr_array_add (choices, NULL);
  question->choices = (GStrv)g_ptr_array_steal (choices, NULL);

  return g_steal_pointer (&question);
}

/**
 * dorsum_quiz_check_name:
 * @text: what the student typed
 * @corrected: (out) (optional) (transfer full): on success, the name as the library
 *   spells it (English, Latin or an alias, whichever was meant)
 *
 * For find-it, name-it and referral questions: whether @text names the muscle. Case,
 * accents and punctuation do not matter; one typo is allowed in a name of up to seven
 * letters, two in a longer one, as long as the text is not as close to another muscle's
 * name. For other questions, @text must be the right choice's text.
 */
gboolean
dorsum_quiz_check_name (DorsumQuiz           *self,
                        const DorsumQuestion *question,
                        const char           *text,
                        char                **corrected)
{
  g_autofree char *folded = NULL;
  const DorsumNameForm *best = NULL;
  DorsumEntry *target;
  guint best_self = G_MAXUINT, best_other = G_MAXUINT;

  g_return_val_if_fail (DORSUM_IS_QUIZ (self), FALSE);
  g_return_val_if_fail (question != NULL && text != NULL, FALSE);

  if (corrected)
    *corrected = NULL;

  if (question->type != DORSUM_QUESTION_FIND && question->type != DORSUM_QUESTION_NAME &&
      question->type != DORSUM_QUESTION_REFERRAL)
    {
      if (!dorsum_quiz_texts_same (self, text, question->choices[question->answer]))
        return FALSE;
      if (corrected)
        *corrected = g_strdup (question->choices[question->answer]);
      return TRUE;
    }

  folded = dorsum_search_normalize (text);
  target = dorsum_library_lookup (self->library, question->entry_id);
  if (*folded == '\0' || target == NULL)
    return FALSE;

  for (guint i = 0; i < self->muscles->len; i++)
    {
      DorsumEntry *muscle = g_ptr_array_index (self->muscles, i);
      GPtrArray *forms = name_forms (self, muscle);

      for (guint f = 0; f < forms->len; f++)
        {
          const DorsumNameForm *form = g_ptr_array_index (forms, f);
          guint d = dorsum_edit_distance (folded, form->folded);

          if (muscle == target && d < best_self)
            {
              best_self = d;
              best = form;
            }
          else if (muscle != target && d < best_other)
            best_other = d;
        }
    }

  if (best == NULL ||
      (best_self > 0 && (best_self > dorsum_quiz_typo_allowance (best->folded) || best_other <= best_self)))
    return FALSE;

  if (corrected)
    *corrected = g_strdup (best->original);

  return TRUE;
}

gboolean
dorsum_question_check_choice (const DorsumQuestion *question,
                              guint                 choice)
{
  g_return_val_if_fail (question != NULL, FALSE);

  return question->choices != NULL && choice == question->answer;
}

/**
 * dorsum_question_check_region:
 * @region_id: the region clicked ("rhomboid-major.left"), or %NULL for a miss
 *
 * For find-it: whether the click was on the muscle, either side.
 */
gboolean
dorsum_question_check_region (const DorsumQuestion *question,
                              const char           *region_id)
{
  g_return_val_if_fail (question != NULL, FALSE);

  return region_id && question->regions && g_strv_contains ((const char * const *)question->regions, region_id);
}

void
dorsum_question_free (DorsumQuestion *question)
{
  if (question == NULL)
    return;

  g_free (question->card_id);
  g_free (question->entry_id);
  g_free (question->prompt);
  g_free (question->detail);
  g_free (question->figure);
  g_free (question->layer);
  g_strfreev (question->choices);
  g_strfreev (question->regions);
  g_free (question);
}

const char *
dorsum_question_type_to_string (DorsumQuestionType type)
{
  g_return_val_if_fail (type < DORSUM_N_QUESTION_TYPES, NULL);

  return type_names[type];
}

gboolean
dorsum_question_type_from_string (const char         *str,
                                  DorsumQuestionType *type)
{
  g_return_val_if_fail (str != NULL && type != NULL, FALSE);

  for (guint i = 0; i < DORSUM_N_QUESTION_TYPES; i++)
    if (g_str_equal (str, type_names[i]))
      {
        *type = i;
        return TRUE;
      }

  return FALSE;
}

