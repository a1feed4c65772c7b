/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The study cards are read off the library once: a muscle gives find-it and name-it cards
 * (when it is drawn on a figure), one card per fact it has, and a referral card when it has
 * trigger points; a technique gives a contraindication card and a red flag a red-flag card.
 * A question's wrong choices come first from muscles a student confuses with it (same region
 * and layer), never from its own whole or parts, and never say the same as the answer. */

#define G_LOG_DOMAIN "dorsum-quiz"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dorsum-quiz.h"
#include "dorsum-quiz-private.h"
#include "dorsum-search.h"

G_DEFINE_FINAL_TYPE (DorsumQuiz, dorsum_quiz, G_TYPE_OBJECT)

static const char * const fact_names[DORSUM_N_FACTS] = {
  "find", "name", "origin", "insertion", "action", "innervation", "roots", "referral",
  "contraindication", "red-flag", "kind",
};

static const struct {
  const char *id;
  const char *title;
} fact_decks[] = {
  { "attachments", N_("Attachments") },
  { "actions", N_("Actions") },
  { "innervation", N_("Innervation and roots") },
  { "referral", N_("Trigger-point referral") },
  { "safety", N_("Techniques and their contraindications") },
};

static const struct {
  const char *id;
  const char *title;
} region_titles[] = {
  { "head-neck", N_("Head and neck") },
  { "shoulder-girdle", N_("Shoulder girdle") },
  { "upper-back", N_("Upper back") },
  { "lower-back", N_("Lower back") },
  { "hip", N_("Hip") },
  { "thigh", N_("Thigh") },
  { "trunk-front", N_("Front of the trunk") },
};

static void
card_free (gpointer data)
{
  Card *card = data;

  g_free (card->id);
  g_strfreev (card->decks);
  g_strfreev (card->regions);
  g_free (card);
}

static void
figure_layer_free (gpointer data)
{
  FigureLayer *fl = data;

  g_free (fl->figure);
  g_free (fl->layer);
  g_free (fl->title);
  g_clear_object (&fl->diagram);
  g_clear_pointer (&fl->muscles, g_hash_table_unref);
  g_free (fl);
}

static void
deck_free (gpointer data)
{
  DorsumDeck *deck = data;

  g_free (deck->id);
  g_free (deck->title);
  g_free (deck);
}

static DorsumQuestionType
fact_get_type (DorsumFact fact)
{
  switch (fact)
    {
    case DORSUM_FACT_LOCATION: return DORSUM_QUESTION_FIND;
    case DORSUM_FACT_NAME: return DORSUM_QUESTION_NAME;
    case DORSUM_FACT_REFERRAL: return DORSUM_QUESTION_REFERRAL;
    case DORSUM_FACT_CONTRAINDICATION:
    case DORSUM_FACT_RED_FLAG:
    case DORSUM_FACT_SEVERITY: return DORSUM_QUESTION_SAFETY;
    case DORSUM_FACT_ORIGIN:
    case DORSUM_FACT_INSERTION:
    case DORSUM_FACT_ACTION:
    case DORSUM_FACT_INNERVATION:
    case DORSUM_FACT_ROOTS:
    case DORSUM_N_FACTS:
    default:
      return DORSUM_QUESTION_FACTS;
    }
}

static const char *
fact_get_deck (DorsumFact fact)
{
  switch (fact)
    {
    case DORSUM_FACT_ORIGIN:
    case DORSUM_FACT_INSERTION: return "attachments";
    case DORSUM_FACT_ACTION: return "actions";
    case DORSUM_FACT_INNERVATION:
    case DORSUM_FACT_ROOTS: return "innervation";
    case DORSUM_FACT_REFERRAL: return "referral";
    case DORSUM_FACT_CONTRAINDICATION:
    case DORSUM_FACT_RED_FLAG:
    case DORSUM_FACT_SEVERITY: return "safety";
    case DORSUM_FACT_LOCATION:
    case DORSUM_FACT_NAME:
    case DORSUM_N_FACTS:
    default:
      return NULL;
    }
}

gboolean
dorsum_quiz_related (DorsumEntry *a,
         DorsumEntry *b)
{
  const char *pa = dorsum_entry_get_part_of (a);
  const char *pb = dorsum_entry_get_part_of (b);

  return a == b ||
         (pa && g_str_equal (pa, dorsum_entry_get_id (b))) ||
         (pb && g_str_equal (pb, dorsum_entry_get_id (a)));
}

/* The regions of @muscle (or of its parts) on @diagram, both sides. */
GStrv
dorsum_quiz_muscle_regions (DorsumQuiz    *self,
                DorsumDiagram *diagram,
                DorsumEntry   *muscle)
{
  g_auto(GStrv) parts = dorsum_library_expand_parts (self->library, dorsum_entry_get_id (muscle));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GStrv regions;

  for (guint i = 0; i < dorsum_diagram_get_n_regions (diagram); i++)
    {
      const DorsumRegion *region = dorsum_diagram_get_region (diagram, i);

      if (g_strv_contains ((const char * const *)parts, region->muscle))
        g_strv_builder_add (builder, region->id);
    }

  regions = g_strv_builder_end (builder);
  if (regions[0] == NULL)
    g_clear_pointer (&regions, g_strfreev);

  return regions;
}

static void
add_deck (DorsumQuiz *self,
          const char *id,
          const char *title)
{
  DorsumDeck *deck;

  for (guint i = 0; i < self->decks->len; i++)
    if (g_str_equal (((DorsumDeck *)g_ptr_array_index (self->decks, i))->id, id))
      return;

  deck = g_new0 (DorsumDeck, 1);
  deck->id = g_strdup (id);
  deck->title = g_strdup (title);
  g_ptr_array_add (self->decks, deck);
}

static char *
region_title (const char *region)
{
  for (guint i = 0; i < G_N_ELEMENTS (region_titles); i++)
    if (g_str_equal (region_titles[i].id, region))
      return g_strdup (_(region_titles[i].title));

  return g_strdelimit (g_strdup (region), "-", ' ');
}

static Card *
add_card (DorsumQuiz        *self,
          DorsumEntry       *entry,
          const FigureLayer *home,
          DorsumFact         fact)
{
  g_autoptr(GStrvBuilder) decks = g_strv_builder_new ();
  const char *region = dorsum_entry_get_attribute (entry, "region");
  const char *layer = dorsum_entry_get_attribute (entry, "layer");
  const char *fact_deck = fact_get_deck (fact);
  Card *card = g_new0 (Card, 1);

  card->id = g_strdup_printf ("%s/%s", dorsum_entry_get_id (entry), fact_names[fact]);
  card->entry = entry;
  card->fact = fact;
  card->type = fact_get_type (fact);

  if (region && dorsum_entry_get_kind (entry) == DORSUM_KIND_MUSCLE)
    {
      g_autofree char *id = g_strdup_printf ("region:%s", region);
      g_autofree char *title = region_title (region);

      g_strv_builder_add (decks, id);
      add_deck (self, id, title);
    }
  if (home)
    {
      g_autofree char *id = g_strdup_printf ("figure:%s/%s", home->figure, home->layer);

      g_strv_builder_add (decks, id);
      add_deck (self, id, home->title);
    }
  else if (layer && dorsum_entry_get_kind (entry) == DORSUM_KIND_MUSCLE)
    {
      /* A muscle on no figure: its deck is the layer the library gives it. */
      g_autofree char *id = g_strdup_printf ("layer:%s", layer);
      g_autofree char *title = g_strdup_printf (_("Layer: %s"), layer);

      g_strv_builder_add (decks, id);
      add_deck (self, id, title);
    }
  if (fact_deck)
    g_strv_builder_add (decks, fact_deck);
  card->decks = g_strv_builder_end (decks);

  g_ptr_array_add (self->cards, card);
  g_hash_table_insert (self->by_id, card->id, card);

  return card;
}

/* The layer a muscle is shown on: of the layers that draw it, the posterior figure's
 * before the others (Dorsum is about the back), and the layer the library gives it before
 * the others; then the figures' order. NULL when no figure draws it. */
static const FigureLayer *
home_layer (DorsumQuiz  *self,
            DorsumEntry *muscle)
{
  const char *own = dorsum_entry_get_attribute (muscle, "layer");
  const FigureLayer *best = NULL;
  int best_score = -1;

  for (guint i = 0; i < self->figure_layers->len; i++)
    {
      const FigureLayer *fl = g_ptr_array_index (self->figure_layers, i);
      int score;

      if (!g_hash_table_contains (fl->muscles, muscle))
        continue;

      score = 2 * g_str_equal (fl->figure, DORSUM_FIGURE_POSTERIOR) + (g_strcmp0 (fl->layer, own) == 0);
      if (score > best_score)
        {
          best = fl;
          best_score = score;
        }
    }

  return best;
}

/* Whether a trigger point of @muscle has a referral zone on @figure, for its referral card. */
static gboolean
refers_on_figure (DorsumEntry *muscle,
                  const char  *figure)
{
  for (guint t = 0; t < dorsum_entry_get_n_trigger_points (muscle); t++)
    if (dorsum_quiz_zone_on_figure (dorsum_entry_get_trigger_point (muscle, t), figure))
      return TRUE;

  return FALSE;
}

static void
add_figure_cards (DorsumQuiz        *self,
                  DorsumEntry       *muscle,
                  const FigureLayer *home)
{
  if (home == NULL)
    return;

  for (DorsumFact f = DORSUM_FACT_LOCATION; f <= DORSUM_FACT_NAME; f++)
    {
      Card *card = add_card (self, muscle, home, f);

      card->figure = home;
      card->regions = dorsum_quiz_muscle_regions (self, home->diagram, muscle);
    }
}

/* Every layer of every figure, with the library's muscles it draws. A layer that cannot be
 * read is left out (the app reports it where it draws the figure). */
static void
load_figures (DorsumQuiz *self,
              GListModel *figures,
              GListModel *muscles)
{
  for (guint i = 0; figures && i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(DorsumFigure) figure = g_list_model_get_item (figures, i);

      for (guint l = 0; l < dorsum_figure_get_n_layers (figure); l++)
        {
          const char *layer_id = dorsum_figure_get_layer_id (figure, l);
          g_autoptr(GError) error = NULL;
          DorsumDiagram *diagram = dorsum_figure_load_layer (figure, layer_id, &error);
          FigureLayer *fl;

          if (diagram == NULL)
            {
              g_debug ("No find-it questions on %s/%s: %s", dorsum_figure_get_id (figure), layer_id, error->message);
              continue;
            }

          fl = g_new0 (FigureLayer, 1);
          fl->figure = g_strdup (dorsum_figure_get_id (figure));
          fl->layer = g_strdup (layer_id);
          /* Translators: a figure of the atlas and one of its layers, as a deck: "Back: Deep" */
          fl->title = g_strdup_printf (_("%s: %s"), dorsum_figure_get_title (figure),
                                       dorsum_figure_get_layer_title (figure, l));
          fl->diagram = diagram;
          fl->muscles = g_hash_table_new (NULL, NULL);
          for (guint m = 0; m < g_list_model_get_n_items (muscles); m++)
            {
              g_autoptr(DorsumEntry) muscle = g_list_model_get_item (muscles, m);
              g_auto(GStrv) regions = dorsum_quiz_muscle_regions (self, diagram, muscle);

              if (regions)
                g_hash_table_add (fl->muscles, muscle);
            }
          g_ptr_array_add (self->figure_layers, fl);
        }
    }
}

static void
add_fact_decks (DorsumQuiz *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (fact_decks); i++)
    add_deck (self, fact_decks[i].id, _(fact_decks[i].title));
}

static int
deck_group (const DorsumDeck *deck)
{
  return g_str_has_prefix (deck->id, "region:") ? 1 :
         g_str_has_prefix (deck->id, "figure:") || g_str_has_prefix (deck->id, "layer:") ? 2 : 0;
}

/* By group, then in the order first met (the library's), so the order is stable. */
static int
compare_decks (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const DorsumDeck *da = *(DorsumDeck * const *)a, *db = *(DorsumDeck * const *)b;
  guint ia = 0, ib = 0;

  if (deck_group (da) != deck_group (db))
    return deck_group (da) - deck_group (db);

  g_ptr_array_find (user_data, da, &ia);
  g_ptr_array_find (user_data, db, &ib);

  return (int)ia - (int)ib;
}

/* Every card the library offers; those for which no fair question can be made (too few
 * wrong choices that are surely wrong) are left out. */
static void
build_cards (DorsumQuiz *self)
{
  GListModel *muscles = dorsum_library_get_entries (self->library, DORSUM_KIND_MUSCLE);
  GListModel *techniques = dorsum_library_get_entries (self->library, DORSUM_KIND_TECHNIQUE);
  GListModel *safety = dorsum_library_get_entries (self->library, DORSUM_KIND_CONTRAINDICATION);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (card_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);

  add_deck (self, "all", _("All cards"));
  add_fact_decks (self);

  for (guint i = 0; i < g_list_model_get_n_items (muscles); i++)
    {
      g_autoptr(DorsumEntry) muscle = g_list_model_get_item (muscles, i);
      const char *roots = dorsum_entry_get_attribute (muscle, "innervation-roots");
      const FigureLayer *home;

      g_ptr_array_add (self->muscles, g_object_ref (muscle));
      g_hash_table_insert (self->muscle_index, muscle, GUINT_TO_POINTER (self->muscles->len));
      home = home_layer (self, muscle);
      add_figure_cards (self, muscle, home);
      if (dorsum_entry_lookup_value (muscle, "origin"))
        add_card (self, muscle, home, DORSUM_FACT_ORIGIN);
      if (dorsum_entry_lookup_value (muscle, "insertion"))
        add_card (self, muscle, home, DORSUM_FACT_INSERTION);
      if (dorsum_entry_lookup_value (muscle, "action"))
        add_card (self, muscle, home, DORSUM_FACT_ACTION);
      if (dorsum_entry_lookup_value (muscle, "innervation"))
        add_card (self, muscle, home, DORSUM_FACT_INNERVATION);
      if (roots && !g_str_equal (roots, "none"))
        add_card (self, muscle, home, DORSUM_FACT_ROOTS);
      /* A referral question names no figure and is drawn on the back: it needs a zone there. */
      if (refers_on_figure (muscle, DORSUM_FIGURE_POSTERIOR))
        add_card (self, muscle, home, DORSUM_FACT_REFERRAL);
    }

  self->pairs = g_new0 (guint8, self->muscles->len * self->muscles->len);

  for (guint i = 0; i < g_list_model_get_n_items (techniques); i++)
    {
      g_autoptr(DorsumEntry) technique = g_list_model_get_item (techniques, i);

      add_card (self, technique, NULL, DORSUM_FACT_CONTRAINDICATION);
    }

  for (guint i = 0; i < g_list_model_get_n_items (safety); i++)
    {
      g_autoptr(DorsumEntry) entry = g_list_model_get_item (safety, i);
      const char *severity = dorsum_entry_get_attribute (entry, "severity");

      if (g_strcmp0 (severity, "red-flag") == 0)
        add_card (self, entry, NULL, DORSUM_FACT_RED_FLAG);
      if (severity)
        add_card (self, entry, NULL, DORSUM_FACT_SEVERITY);
    }

  /* "all" and the kinds of fact, then regions, then layers. */
  {
    g_autoptr(GPtrArray) met = g_ptr_array_new ();

    g_ptr_array_extend (met, self->decks, NULL, NULL);

    g_ptr_array_sort_with_data (self->decks, compare_decks, met);
  }

  /* Keep the cards that make a question; the library model holds the entries. */
  g_ptr_array_set_free_func (self->cards, NULL);
  for (guint i = 0; i < self->cards->len; i++)
    {
      Card *card = g_ptr_array_index (self->cards, i);
      g_autoptr(DorsumQuestion) question = dorsum_quiz_generate (self, card->id, rand);

      if (question)
        g_ptr_array_add (keep, card);
      else
        {
          g_debug ("No fair question for %s: too few wrong choices", card->id);
          g_hash_table_remove (self->by_id, card->id);
          card_free (card);
        }
    }
  g_ptr_array_set_size (self->cards, 0);
  g_ptr_array_set_free_func (self->cards, card_free);
  g_ptr_array_extend_and_steal (self->cards, g_steal_pointer (&keep));
}

static void
dorsum_quiz_finalize (GObject *object)
{
  DorsumQuiz *self = (DorsumQuiz *)object;

  g_clear_pointer (&self->name_forms, g_hash_table_unref);
  g_clear_pointer (&self->muscle_index, g_hash_table_unref);
  g_clear_pointer (&self->folded, g_hash_table_unref);
  g_clear_pointer (&self->words, g_hash_table_unref);
  g_clear_pointer (&self->overlapping, g_hash_table_unref);
  g_clear_pointer (&self->pairs, g_free);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_pointer (&self->decks, g_ptr_array_unref);
  g_clear_pointer (&self->muscles, g_ptr_array_unref);
  g_clear_pointer (&self->figure_layers, g_ptr_array_unref);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (dorsum_quiz_parent_class)->finalize (object);
}

static void
dorsum_quiz_class_init (DorsumQuizClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dorsum_quiz_finalize;
}

static void
dorsum_quiz_init (DorsumQuiz *self)
{
  self->cards = g_ptr_array_new_with_free_func (card_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->decks = g_ptr_array_new_with_free_func (deck_free);
  self->muscles = g_ptr_array_new_with_free_func (g_object_unref);
  self->name_forms = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  self->muscle_index = g_hash_table_new (NULL, NULL);
  self->folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_hash_table_unref);
  self->overlapping = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_hash_table_unref);
  self->figure_layers = g_ptr_array_new_with_free_func (figure_layer_free);
}

/**
 * dorsum_quiz_new:
 * @library: the loaded library
 * @figures: (nullable) (element-type DorsumFigure): the figures for find-it and name-it
 *   (dorsum_figures_get_default()); %NULL leaves those cards out
 *
 * Returns: (transfer full): the cards of @library, ready to ask
 */
DorsumQuiz *
dorsum_quiz_new (DorsumLibrary *library,
                 GListModel    *figures)
{
  DorsumQuiz *self;

  g_return_val_if_fail (DORSUM_IS_LIBRARY (library), NULL);

  self = g_object_new (DORSUM_TYPE_QUIZ, NULL);
  self->library = g_object_ref (library);
  load_figures (self, figures, dorsum_library_get_entries (library, DORSUM_KIND_MUSCLE));
  build_cards (self);

  return self;
}

/**
 * dorsum_quiz_list_decks:
 *
 * Returns: (transfer container) (element-type DorsumDeck): "all", the kinds of fact, then
 *   regions and layers in library order
 */
GPtrArray *
dorsum_quiz_list_decks (DorsumQuiz *self)
{
  g_return_val_if_fail (DORSUM_IS_QUIZ (self), NULL);

  {
    GPtrArray *decks = g_ptr_array_sized_new (self->decks->len);

    g_ptr_array_extend (decks, self->decks, NULL, NULL);
    return decks;
  }
}

/**
 * dorsum_quiz_lookup_deck:
 * @name: a deck id, or the part after its colon ("upper-back" for "region:upper-back")
 *
 * Returns: (transfer none) (nullable): the deck
 */
const DorsumDeck *
dorsum_quiz_lookup_deck (DorsumQuiz *self,
                         const char *name)
{
  g_return_val_if_fail (DORSUM_IS_QUIZ (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->decks->len; i++)
    {
      const DorsumDeck *deck = g_ptr_array_index (self->decks, i);
      const char *colon = strchr (deck->id, ':');

      if (g_str_equal (deck->id, name) || (colon && g_str_equal (colon + 1, name)))
        return deck;
    }

  return NULL;
}

static gboolean
card_in (const Card *card,
         const char *deck,
         guint       types)
{
  if (!(types & (1u << card->type)))
    return FALSE;

  return deck == NULL || g_str_equal (deck, "all") || g_strv_contains ((const char * const *)card->decks, deck);
}

/**
 * dorsum_quiz_list_cards:
 * @deck: (nullable): a deck id, or %NULL for all
 * @types: a mask of `1 << DorsumQuestionType`, or %DORSUM_QUESTION_TYPES_ALL
 *
 * Returns: (transfer container) (element-type utf8): card ids, in library order
 */
GPtrArray *
dorsum_quiz_list_cards (DorsumQuiz *self,
                        const char *deck,
                        guint       types)
{
  GPtrArray *ids = g_ptr_array_new ();

  g_return_val_if_fail (DORSUM_IS_QUIZ (self), ids);

  for (guint i = 0; i < self->cards->len; i++)
    {
      const Card *card = g_ptr_array_index (self->cards, i);

      if (card_in (card, deck, types))
        g_ptr_array_add (ids, card->id);
    }

  return ids;
}

/**
 * dorsum_quiz_get_card_decks:
 *
 * Returns: (transfer none) (nullable): the decks @card_id is in, besides "all", for
 *   dorsum_study_store_answer()
 */
const char * const *
dorsum_quiz_get_card_decks (DorsumQuiz *self,
                            const char *card_id)
{
  const Card *card;

  g_return_val_if_fail (DORSUM_IS_QUIZ (self), NULL);

  card = g_hash_table_lookup (self->by_id, card_id);

  return card ? (const char * const *)card->decks : NULL;
}

/**
 * dorsum_quiz_get_card_entry:
 *
 * Returns: (transfer none) (nullable): the id of the entry @card_id is about
 */
const char *
dorsum_quiz_get_card_entry (DorsumQuiz *self,
                            const char *card_id)
{
  const Card *card;

  g_return_val_if_fail (DORSUM_IS_QUIZ (self), NULL);

  card = g_hash_table_lookup (self->by_id, card_id);

  return card ? dorsum_entry_get_id (card->entry) : NULL;
}

/**
 * dorsum_quiz_pick_cards:
 * @store: (nullable): the progress, or %NULL to pick from @rand alone
 * @deck: (nullable): a deck id, or %NULL for all
 * @new_per_day: how many never-seen cards may be started per (local) day
 * @practice: when due and new cards run out, fill up with cards not yet due
 * @rand: orders the new and practice cards: the same seed and progress give the same session
 *
 * Up to @count cards for a session: those due at @now (longest overdue first), then new
 * ones within the day's allowance, then, with @practice, the rest.
 *
 * Returns: (transfer container) (element-type utf8): card ids
 */
GPtrArray *
dorsum_quiz_pick_cards (DorsumQuiz        *self,
                        DorsumStudyStore  *store,
                        const char        *deck,
                        guint              types,
                        guint              count,
                        guint              new_per_day,
                        gboolean           practice,
                        gint64             now,
                        GRand             *rand,
                        GError           **error)
{
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) picked = g_ptr_array_new ();
  g_autoptr(GPtrArray) unseen = g_ptr_array_new ();
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) due = NULL;
  DorsumStudyStats all;
  guint allowance = new_per_day;

  g_return_val_if_fail (DORSUM_IS_QUIZ (self), NULL);
  g_return_val_if_fail (rand != NULL, NULL);

  if (deck && g_str_equal (deck, "all"))
    deck = NULL;
  candidates = dorsum_quiz_list_cards (self, deck, types);

  if (store)
    {
      if (!(seen = dorsum_study_store_get_cards (store, NULL, error)) ||
          !(due = dorsum_study_store_list_due (store, deck, now, error)) ||
          !dorsum_study_store_get_stats (store, NULL, now, &all, error))
        return NULL;
      allowance = new_per_day > all.new_today ? new_per_day - all.new_today : 0;

      for (guint i = 0; i < due->len && picked->len < count; i++)
        {
          const Card *card = g_hash_table_lookup (self->by_id, g_ptr_array_index (due, i));

          if (card && card_in (card, deck, types))
            g_ptr_array_add (picked, card->id);
        }
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      const char *id = g_ptr_array_index (candidates, i);
      DorsumFsrsCard *state = seen ? g_hash_table_lookup (seen, id) : NULL;

      if (state == NULL)
        g_ptr_array_add (unseen, (gpointer)id);
      else if (state->due > now)
        g_ptr_array_add (rest, (gpointer)id);
    }

  dorsum_quiz_shuffle (unseen, rand);
  for (guint i = 0; i < unseen->len && i < allowance && picked->len < count; i++)
    g_ptr_array_add (picked, g_ptr_array_index (unseen, i));

  if (practice)
    {
      /* New cards beyond the day's allowance count as practice too. */
      for (guint i = allowance; i < unseen->len; i++)
        g_ptr_array_add (rest, g_ptr_array_index (unseen, i));
      dorsum_quiz_shuffle (rest, rand);
      for (guint i = 0; i < rest->len && picked->len < count; i++)
        g_ptr_array_add (picked, g_ptr_array_index (rest, i));
    }

  return g_steal_pointer (&picked);
}

/**
 * dorsum_quiz_count_due_today:
 * @deck_stats: (element-type utf8 DorsumStudyStats): from dorsum_study_store_get_deck_stats()
 * @deck: (nullable): a deck id, or %NULL for all
 * @due: (out): cards of @deck already studied that are due before the day ends
 * @new_cards: (out): never-seen cards of @deck that today's allowance still lets in
 *
 * The Study page's "due today" is @due + @new_cards.
 */
void
dorsum_quiz_count_due_today (DorsumQuiz *self,
                             GHashTable *deck_stats,
                             const char *deck,
                             guint       new_per_day,
                             guint      *due,
                             guint      *new_cards)
{
  g_autoptr(GPtrArray) cards = NULL;
  const DorsumStudyStats *stats, *all;
  DorsumStudyStats none = { 0 };
  guint unseen;

  g_return_if_fail (DORSUM_IS_QUIZ (self));
  g_return_if_fail (deck_stats != NULL && due != NULL && new_cards != NULL);

  if (deck == NULL)
    deck = "all";
  if (!(stats = g_hash_table_lookup (deck_stats, deck)))
    stats = &none;
  if (!(all = g_hash_table_lookup (deck_stats, "all")))
    all = &none;

  /* Cards studied that this library no longer has (a pack removed) would make this an
   * underestimate; it is a count for a label, which is worth not reading every card. */
  cards = dorsum_quiz_list_cards (self, g_str_equal (deck, "all") ? NULL : deck, DORSUM_QUESTION_TYPES_ALL);
  unseen = cards->len > stats->cards ? cards->len - stats->cards : 0;

  *due = stats->due;
  *new_cards = MIN (unseen, new_per_day > all->new_today ? new_per_day - all->new_today : 0);
}

const char *
dorsum_fact_to_string (DorsumFact fact)
{
  g_return_val_if_fail (fact < DORSUM_N_FACTS, NULL);

  return fact_names[fact];
}
