/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Content checks on the built-in library: everything the content issue promises is there,
 * linked both ways where it must be, sourced, and placed on the diagram. */

#include "config.h"

#include <string.h>

#include "dorsum-diagram.h"
#include "dorsum-figure.h"
#include "dorsum-library.h"

/* The muscles of the anterior figure (data/library/muscles-front.xml). */
static const char * const front_muscles[] = {
  "sternocleidomastoid", "scalenes", "pectoralis-major", "pectoralis-minor", "subscapularis",
  "rectus-abdominis", "internal-oblique", "transversus-abdominis", "tensor-fasciae-latae",
  "adductor-magnus", "rectus-femoris", "anterior-deltoid",
};

static const char * const anterior_layers[] = { "superficial", "middle", "deep" };

static DorsumLibrary *
builtin (void)
{
  DorsumLibrary *library = dorsum_library_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (dorsum_library_load_builtin (library, &error));
  g_assert_no_error (error);

  return library;
}

static gboolean field_mentions (DorsumLibrary *library,
                                const char    *id,
                                const char    *key,
                                const char    *words);

static guint
count_links (DorsumEntry *entry,
             DorsumKind   kind)
{
  guint n = 0;

  for (guint i = 0; i < dorsum_entry_get_n_links (entry); i++)
    n += dorsum_entry_get_link (entry, i)->kind == kind;

  return n;
}

static void
test_required_entries (void)
{
  g_autoptr(DorsumLibrary) library = builtin ();
  const char *required[] = {
    /* muscles named by the content issue */
    "trapezius", "trapezius-descending", "trapezius-transverse", "trapezius-ascending", "latissimus-dorsi",
    "rhomboid-major", "rhomboid-minor", "levator-scapulae", "serratus-posterior-superior",
    "serratus-posterior-inferior", "erector-spinae", "iliocostalis", "longissimus", "spinalis", "multifidus",
    "rotatores", "semispinalis", "semispinalis-capitis", "semispinalis-cervicis", "semispinalis-thoracis",
    "splenius-capitis", "splenius-cervicis", "suboccipitals", "quadratus-lumborum", "supraspinatus",
    "infraspinatus", "teres-major", "teres-minor", "posterior-deltoid", "gluteus-maximus", "gluteus-medius",
    "gluteus-minimus", "piriformis", "biceps-femoris", "semitendinosus", "semimembranosus", "psoas-major",
    "iliacus", "external-oblique", "serratus-anterior", "thoracolumbar-fascia",
    /* techniques */
    "deep-tissue-massage", "trigger-point-therapy", "myofascial-release", "neuromuscular-therapy",
    "cross-fiber-friction", "swedish-massage", "effleurage", "petrissage", "tapotement", "vibration",
    "medical-massage", "orthopaedic-massage", "stretching-mobilisation", "passive-joint-stretching",
    /* safety */
    "fever", "contagious-illness", "acute-injury", "fracture", "skin-lesions", "hypertension-heart-disease",
    "cancer", "neurological-disorders", "osteoporosis", "diabetes", "pregnancy", "anticoagulants-bleeding",
    "deep-vein-thrombosis", "recent-surgery", "saddle-numbness", "bladder-bowel-loss",
    "progressive-leg-weakness", "night-pain-weight-loss", "major-trauma", "fever-with-back-pain",
    "disclaimer", "screening-checklist",
    /* conditions */
    "acute-low-back-pain", "chronic-low-back-pain", "upper-back-neck-tension", "desk-worker-posture",
    "sports-strain", "age-related-stiffness", "stress-tension", "sciatica-like-pain",
    "neck-shoulder-self-massage",
    /* treatments and claims from the source articles */
    "tool-assisted-massage", "acupuncture-with-massage", "endorphins-and-massage", "diet-and-back-pain",
  };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (dorsum_library_lookup (library, required[i]) == NULL)
      g_error ("the library has no entry “%s”", required[i]);

  g_assert_cmpuint (g_list_model_get_n_items (dorsum_library_get_entries (library, DORSUM_KIND_MUSCLE)), >=, 36);
  g_assert_cmpuint (g_list_model_get_n_items (dorsum_library_get_entries (library, DORSUM_KIND_STRETCH)), >=, 15);
  g_assert_cmpuint (g_list_model_get_n_items (dorsum_library_get_entries (library, DORSUM_KIND_SELFCARE)), >=, 10);
}

static void
test_links (void)
{
  g_autoptr(DorsumLibrary) library = builtin ();
  GListModel *muscles = dorsum_library_get_entries (library, DORSUM_KIND_MUSCLE);
  GListModel *techniques = dorsum_library_get_entries (library, DORSUM_KIND_TECHNIQUE);

  for (guint i = 0; i < g_list_model_get_n_items (muscles); i++)
    {
      g_autoptr(DorsumEntry) m = g_list_model_get_item (muscles, i);

      if (count_links (m, DORSUM_KIND_TECHNIQUE) < 1)
        g_error ("%s links no technique", dorsum_entry_get_id (m));
      if (count_links (m, DORSUM_KIND_STRETCH) + count_links (m, DORSUM_KIND_SELFCARE) < 1)
        g_error ("%s links no stretch or self-massage", dorsum_entry_get_id (m));
      if (dorsum_entry_get_aliases (m)[0] == NULL)
        g_error ("%s has no lay or common name", dorsum_entry_get_id (m));
    }

  for (guint i = 0; i < g_list_model_get_n_items (techniques); i++)
    {
      g_autoptr(DorsumEntry) t = g_list_model_get_item (techniques, i);

      if (count_links (t, DORSUM_KIND_MUSCLE) < 3)
        g_error ("%s links fewer than three muscles", dorsum_entry_get_id (t));
      if (count_links (t, DORSUM_KIND_CONTRAINDICATION) < 1)
        g_error ("%s links no contraindication", dorsum_entry_get_id (t));
    }
}

static gboolean
related_contains (DorsumLibrary *library,
                  DorsumEntry   *entry,
                  DorsumEntry   *other)
{
  g_autoptr(GPtrArray) related = dorsum_library_get_related (library, entry, dorsum_entry_get_kind (other));

  return g_ptr_array_find (related, other, NULL);
}

/* Every link can be followed back: the page of the entry it points to lists the entry it
 * comes from (pages show dorsum_library_get_related() for every kind). */
static void
test_links_both_ways (void)
{
  g_autoptr(DorsumLibrary) library = builtin ();
  guint n_links = 0;

  for (guint k = 0; k < DORSUM_N_KINDS; k++)
    {
      GListModel *model = dorsum_library_get_entries (library, k);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(DorsumEntry) entry = g_list_model_get_item (model, i);

          for (guint j = 0; j < dorsum_entry_get_n_links (entry); j++)
            {
              DorsumEntry *target = dorsum_library_lookup (library, dorsum_entry_get_link (entry, j)->id);

              g_assert_nonnull (target);
              n_links++;
              if (!related_contains (library, target, entry))
                g_error ("%s links to %s, but %s does not list it back",
                         dorsum_entry_get_id (entry), dorsum_entry_get_id (target), dorsum_entry_get_id (target));
              if (!related_contains (library, entry, target))
                g_error ("%s does not list its own link to %s", dorsum_entry_get_id (entry), dorsum_entry_get_id (target));
            }

          /* Each related entry once. */
          for (guint r = 0; r < DORSUM_N_KINDS; r++)
            {
              g_autoptr(GPtrArray) related = dorsum_library_get_related (library, entry, r);

              for (guint a = 0; a < related->len; a++)
                for (guint b = a + 1; b < related->len; b++)
                  g_assert_true (g_ptr_array_index (related, a) != g_ptr_array_index (related, b));
            }
        }
    }

  g_test_message ("%u links, each listed on both pages", n_links);
  g_assert_cmpuint (n_links, >, 300);

  /* The example: trigger point therapy names its muscles; each of them lists it. */
  {
    DorsumEntry *tpt = dorsum_library_lookup (library, "trigger-point-therapy");
    g_autoptr(GPtrArray) muscles = dorsum_library_get_related (library, tpt, DORSUM_KIND_MUSCLE);

    g_assert_cmpuint (muscles->len, >=, 40);
    for (guint i = 0; i < muscles->len; i++)
      g_assert_true (related_contains (library, g_ptr_array_index (muscles, i), tpt));
  }
}

/* Every technique can be reached from some muscle page. */
static void
test_techniques_reachable (void)
{
  g_autoptr(DorsumLibrary) library = builtin ();
  GListModel *techniques = dorsum_library_get_entries (library, DORSUM_KIND_TECHNIQUE);

  for (guint i = 0; i < g_list_model_get_n_items (techniques); i++)
    {
      g_autoptr(DorsumEntry) t = g_list_model_get_item (techniques, i);
      g_autoptr(GPtrArray) muscles = dorsum_library_get_related (library, t, DORSUM_KIND_MUSCLE);

      if (muscles->len == 0 && dorsum_entry_get_part_of (t) == NULL)
        g_error ("%s is on no muscle page", dorsum_entry_get_id (t));
    }
}

/* One edition of each book, cited one way: "Authors, Title, edition (year)" for a book,
 * "Authors, Title, Journal volume (year) pages" for a paper, then, where the entry can say
 * where its facts are, ", chapter on …". The same title never appears with two editions
 * or two spellings, whatever chapter follows it. */
static void
test_one_edition_per_book (void)
{
  g_autoptr(DorsumLibrary) library = builtin ();
  g_autoptr(GHashTable) by_title = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GRegex) edition = g_regex_new ("(, )?[0-9]+(st|nd|rd|th) edition| \\([^)]*\\)|['’]", 0, 0, NULL);
  g_autoptr(GRegex) style = g_regex_new ("^[^,]+, .+ \\([0-9]{4}\\)( [0-9]+(–[0-9]+)?)?(, chapter on [a-z].*)?$", 0, 0, NULL);
  guint n_chapters = 0;

  for (guint k = 0; k < DORSUM_N_KINDS; k++)
    {
      GListModel *model = dorsum_library_get_entries (library, k);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(DorsumEntry) entry = g_list_model_get_item (model, i);
          const char * const *sources = dorsum_entry_lookup_field (entry, "sources");

          for (guint s = 0; sources && sources[s]; s++)
            {
              const char *chapter = strstr (sources[s], ", chapter on ");
              g_autofree char *citation = chapter ? g_strndup (sources[s], (gsize)(chapter - sources[s])) : g_strdup (sources[s]);
              g_autofree char *bare = g_regex_replace_literal (edition, citation, -1, 0, "", 0, NULL);
              char *title = strchr (bare, ':') ? g_strndup (bare, (gsize)(strchr (bare, ':') - bare)) : g_strdup (bare);
              const char *seen;

              if (!g_regex_match (style, sources[s], 0, NULL))
                g_error ("%s: “%s” is not cited as Authors, Title, edition (year)", dorsum_entry_get_id (entry), sources[s]);
              n_chapters += chapter != NULL;

              /* The title up to its subtitle, without authors' initials or editions. */
              if ((seen = g_hash_table_lookup (by_title, title)) && !g_str_equal (seen, citation))
                g_error ("“%s” and “%s” cite one book two ways", seen, citation);
              g_hash_table_insert (by_title, title, g_strdup (citation));
            }
        }
    }

  /* Every muscle says which chapters of Gray's and the Trigger Point Manual it draws on. */
  g_assert_cmpuint (n_chapters, >=, 100);
}

/* Safety text goes under its own heading; "cupping" names suction cupping, not a stroke;
 * every stretch that bends the spine forward under load warns about osteoporosis. */
static void
test_safety_wording (void)
{
  g_autoptr(DorsumLibrary) library = builtin ();
  /* Each stretch in which the spine, the neck included, bends forward (or forward and round) under
   * body weight or the pull of the arms or hand. */
  const char *flexion[] = {
    "childs-pose", "cat-cow", "knee-to-chest", "rhomboid-hug-stretch", "thread-the-needle", "levator-scapulae-stretch",
    "upper-trapezius-stretch", "adductor-stretch", "figure-four-stretch", "cross-leg-glute-stretch",
  };
  const char * const *aliases = dorsum_entry_get_aliases (dorsum_library_lookup (library, "tapotement"));

  g_assert_cmpstr (dorsum_field_get_title ("avoid"), ==, "Avoid");
  g_assert_false (g_strv_contains (aliases, "cupping"));

  for (guint i = 0; i < G_N_ELEMENTS (flexion); i++)
    {
      DorsumEntry *stretch = dorsum_library_lookup (library, flexion[i]);
      gboolean linked = FALSE;

      for (guint j = 0; j < dorsum_entry_get_n_links (stretch); j++)
        linked |= g_str_equal (dorsum_entry_get_link (stretch, j)->id, "osteoporosis");
      if (!linked)
        g_error ("%s bends the spine forward but does not warn about osteoporosis", flexion[i]);
      if (!field_mentions (library, flexion[i], "limitations", "osteoporosis"))
        g_error ("%s links osteoporosis but does not say what to change", flexion[i]);
    }
}

/* Every trigger-point marker of every muscle sits on its own muscle's drawn region, on the
 * figure it is drawn on (on the anterior figure, its right side), on one of that figure's
 * layers, as `dorsum-cli hit --figure F --layer L X Y` reports it; except where the library
 * says the point lies under another drawn muscle. A muscle drawn only on the front (psoas,
 * iliacus, serratus anterior) has its points on the anterior figure, where it is drawn. */
static void
test_trigger_points_on_their_muscle (void)
{
  const struct { const char *id; guint n; } under_another[] = {
    { "supraspinatus", 3 },       /* the tendon, under the deltoid */
    { "longissimus", 1 },         /* at T12–L1, under serratus posterior inferior */
    { "splenius-cervicis", 1 },   /* at C2–C3: the drawn muscle starts lower, under splenius capitis */
  };
  g_autoptr(DorsumLibrary) library = builtin ();
  GListModel *muscles = dorsum_library_get_entries (library, DORSUM_KIND_MUSCLE);
  DorsumDiagram *layers[2][DORSUM_N_LAYERS];
  guint checked = 0;

  /* Each marker on the figure it is drawn on: the back's, or (figure="anterior") the front's. */
  for (guint l = 0; l < DORSUM_N_LAYERS; l++)
    {
      layers[0][l] = dorsum_diagram_new_for_figure ("posterior", dorsum_layer_to_string (l), NULL);
      layers[1][l] = dorsum_diagram_new_for_figure ("anterior", dorsum_layer_to_string (l), NULL);
    }

  for (guint i = 0; i < g_list_model_get_n_items (muscles); i++)
    {
      g_autoptr(DorsumEntry) m = g_list_model_get_item (muscles, i);

      for (guint t = 0; t < dorsum_entry_get_n_trigger_points (m); t++)
        {
          const DorsumTriggerPoint *tp = dorsum_entry_get_trigger_point (m, t);
          guint f = g_strcmp0 (tp->figure, "anterior") == 0 ? 1 : 0;
          gboolean on_own = FALSE, excused = FALSE;

          for (guint l = 0; l < DORSUM_N_LAYERS; l++)
            {
              const DorsumRegion *region = layers[f][l] ? dorsum_diagram_hit (layers[f][l], tp->point.x, tp->point.y) : NULL;

              on_own |= region != NULL && g_str_equal (region->muscle, dorsum_entry_get_id (m)) &&
                        (f == 0 || region->side == DORSUM_SIDE_RIGHT);
            }
          for (guint u = 0; u < G_N_ELEMENTS (under_another); u++)
            excused |= g_str_equal (under_another[u].id, dorsum_entry_get_id (m)) && under_another[u].n == t + 1;

          checked++;
          if (!on_own && !excused)
            g_error ("%s trigger point %u at %.0f,%.0f is not on its own region on any layer",
                     dorsum_entry_get_id (m), t + 1, tp->point.x, tp->point.y);
          if (on_own && excused)
            g_error ("%s trigger point %u is on its region now: take it off the list", dorsum_entry_get_id (m), t + 1);
        }
    }

  g_assert_cmpuint (checked, >=, 80);
  for (guint l = 0; l < DORSUM_N_LAYERS; l++)
    {
      g_clear_object (&layers[0][l]);
      g_clear_object (&layers[1][l]);
    }
}

static gboolean
field_mentions (DorsumLibrary *library,
                const char    *id,
                const char    *key,
                const char    *words)
{
  const char * const *values = dorsum_entry_lookup_field (dorsum_library_lookup (library, id), key);

  for (guint i = 0; values && values[i]; i++)
    if (strstr (values[i], words))
      return TRUE;

  return FALSE;
}

/* What the content review against Gray's, Kendall and Travell & Simons found missing. */
static void
test_review_gaps (void)
{
  g_autoptr(DorsumLibrary) library = builtin ();

  g_assert_true (field_mentions (library, "teres-major", "origin", "lateral border"));
  g_assert_true (field_mentions (library, "gluteus-maximus", "action", "adduct"));
  g_assert_true (field_mentions (library, "semimembranosus", "action", "rotate the thigh medially"));
  g_assert_true (field_mentions (library, "infraspinatus", "action", "horizontal abduction"));
  g_assert_true (field_mentions (library, "serratus-anterior", "action", "breathing in"));
  g_assert_true (field_mentions (library, "iliocostalis", "action", "tilting it forward"));
  g_assert_true (field_mentions (library, "serratus-posterior-inferior", "action", "extend the lower thoracic spine"));
  g_assert_true (field_mentions (library, "semispinalis-capitis", "action", "opposite side"));
  g_assert_cmpuint (dorsum_entry_get_n_trigger_points (dorsum_library_lookup (library, "external-oblique")), ==, 2);
  g_assert_cmpuint (dorsum_entry_get_n_trigger_points (dorsum_library_lookup (library, "iliocostalis")), ==, 3);
  g_assert_nonnull (strstr (dorsum_entry_get_trigger_point (dorsum_library_lookup (library, "iliocostalis"), 1)->location, "T11"));

  /* A web article's "four treatments over six weeks" is no clinical rule. */
  for (guint k = 0; k < DORSUM_N_KINDS; k++)
    {
      GListModel *model = dorsum_library_get_entries (library, k);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(DorsumEntry) entry = g_list_model_get_item (model, i);

          for (guint f = 0; f < dorsum_entry_get_n_fields (entry); f++)
            {
              const DorsumField *field = dorsum_entry_get_field (entry, f);

              for (guint v = 0; field->values[v]; v++)
                if (strstr (field->values[v], "rule of thumb") || strstr (field->values[v], "four treatments") ||
                    strstr (field->values[v], "after two treatments"))
                  g_error ("%s: <%s> gives an unsourced treatment-count rule", dorsum_entry_get_id (entry), field->key);
            }
        }
    }
}

/* The treatments and claims the source articles raise are in the library, linked into it,
 * and stated with their evidence: endorphins as a claim, acupuncture with the guideline
 * that advises against it for low back pain, tools with their contraindications. */
static void
test_treatments_and_claims (void)
{
  g_autoptr(DorsumLibrary) library = builtin ();
  static const char * const articles[] = { "acupuncture-with-massage", "endorphins-and-massage", "diet-and-back-pain" };
  DorsumEntry *tools = dorsum_library_lookup (library, "tool-assisted-massage");

  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    {
      DorsumEntry *article = dorsum_library_lookup (library, articles[i]);
      g_autoptr(GPtrArray) conditions = dorsum_library_get_related (library, article, DORSUM_KIND_CONDITION);

      g_assert_cmpint (dorsum_entry_get_kind (article), ==, DORSUM_KIND_ARTICLE);
      /* Reachable from the pages of the complaints it concerns. */
      g_assert_cmpuint (conditions->len, >=, 2);
      for (guint c = 0; c < conditions->len; c++)
        g_assert_true (related_contains (library, g_ptr_array_index (conditions, c), article));
    }

  g_assert_true (field_mentions (library, "endorphins-and-massage", "summary", "claimed mechanism"));
  g_assert_true (field_mentions (library, "acupuncture-with-massage", "text", "NG59"));
  g_assert_true (field_mentions (library, "acupuncture-with-massage", "text", "does not needle"));
  g_assert_true (field_mentions (library, "diet-and-back-pain", "text", "toxins"));

  g_assert_cmpint (dorsum_entry_get_kind (tools), ==, DORSUM_KIND_TECHNIQUE);
  g_assert_cmpuint (count_links (tools, DORSUM_KIND_CONTRAINDICATION), >=, 6);
  g_assert_true (field_mentions (library, "tool-assisted-massage", "cautions", "deep vein thrombosis"));
}

/* Links missing rather than one-way: every muscle reaches a stretch and a self-massage, and
 * every condition reaches a muscle, following links in either direction (what a page
 * shows). A muscle that no stretch can meaningfully lengthen links the nearest one, whose
 * text says why (serratus posterior superior: the hug stretch), so none is excused. */
static void
test_care_for_every_muscle (void)
{
  g_autoptr(DorsumLibrary) library = builtin ();
  GListModel *muscles = dorsum_library_get_entries (library, DORSUM_KIND_MUSCLE);
  GListModel *conditions = dorsum_library_get_entries (library, DORSUM_KIND_CONDITION);
  g_autoptr(GString) no_stretch = g_string_new (NULL);
  g_autoptr(GString) no_selfcare = g_string_new (NULL);
  g_autoptr(GString) no_muscle = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (muscles); i++)
    {
      g_autoptr(DorsumEntry) m = g_list_model_get_item (muscles, i);
      g_autoptr(GPtrArray) stretches = dorsum_library_get_related (library, m, DORSUM_KIND_STRETCH);
      g_autoptr(GPtrArray) selfcare = dorsum_library_get_related (library, m, DORSUM_KIND_SELFCARE);

      if (stretches->len == 0)
        g_string_append_printf (no_stretch, " %s", dorsum_entry_get_id (m));
      if (selfcare->len == 0)
        g_string_append_printf (no_selfcare, " %s", dorsum_entry_get_id (m));
    }

  for (guint i = 0; i < g_list_model_get_n_items (conditions); i++)
    {
      g_autoptr(DorsumEntry) c = g_list_model_get_item (conditions, i);
      g_autoptr(GPtrArray) related = dorsum_library_get_related (library, c, DORSUM_KIND_MUSCLE);

      if (related->len == 0)
        g_string_append_printf (no_muscle, " %s", dorsum_entry_get_id (c));
    }

  g_assert_cmpstr (no_stretch->str, ==, "");
  g_assert_cmpstr (no_selfcare->str, ==, "");
  g_assert_cmpstr (no_muscle->str, ==, "");
  g_assert_true (field_mentions (library, "rhomboid-hug-stretch", "limitations", "serratus posterior superior"));
}

static void
test_every_entry_complete (void)
{
  g_autoptr(DorsumLibrary) library = builtin ();

  for (guint k = 0; k < DORSUM_N_KINDS; k++)
    {
      GListModel *model = dorsum_library_get_entries (library, k);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(DorsumEntry) entry = g_list_model_get_item (model, i);
          const char * const *sources = dorsum_entry_lookup_field (entry, "sources");

          if (sources == NULL || sources[0] == NULL)
            g_error ("%s names no sources", dorsum_entry_get_id (entry));

          for (guint f = 0; f < dorsum_entry_get_n_fields (entry); f++)
            {
              const DorsumField *field = dorsum_entry_get_field (entry, f);

              for (guint v = 0; field->values[v]; v++)
                if (strlen (field->values[v]) < 2 || strstr (field->values[v], "TODO") || strstr (field->values[v], "lorem"))
                  g_error ("%s: <%s> is empty or a placeholder", dorsum_entry_get_id (entry), field->key);
            }
        }
    }
}

static void
test_trigger_points_on_the_figure (void)
{
  g_autoptr(DorsumLibrary) library = builtin ();
  GListModel *muscles = dorsum_library_get_entries (library, DORSUM_KIND_MUSCLE);
  DorsumDiagram *layers[DORSUM_N_LAYERS];
  guint total = 0, on_muscle = 0;

  for (guint l = 0; l < DORSUM_N_LAYERS; l++)
    layers[l] = dorsum_diagram_new_for_layer (l, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (muscles); i++)
    {
      g_autoptr(DorsumEntry) m = g_list_model_get_item (muscles, i);
      g_auto(GStrv) parts = dorsum_library_expand_parts (library, dorsum_entry_get_id (m));
      gboolean front = g_strcmp0 (dorsum_entry_get_attribute (m, "layer"), "front") == 0;

      for (guint t = 0; t < dorsum_entry_get_n_trigger_points (m); t++)
        {
          const DorsumTriggerPoint *tp = dorsum_entry_get_trigger_point (m, t);
          gboolean hit = FALSE;

          g_assert_nonnull (tp->location);
          g_assert_nonnull (tp->referral);
          g_assert_cmpuint (tp->all_zones->len, >=, 1);
          g_assert_cmpfloat (tp->point.y, <=, 1200);

          for (guint z = 0; z < tp->all_zones->len; z++)
            {
              const DorsumZone *zone = g_ptr_array_index (tp->all_zones, z);

              g_assert_cmpuint (zone->points->len, >=, 3);
              g_assert_true (g_str_equal (zone->figure, "posterior") || g_str_equal (zone->figure, "anterior"));
            }

          /* Anterior points are checked, strictly, by /content/anterior-markers. */
          if (g_str_equal (tp->figure, "anterior"))
            continue;

          /* Right side of the figure, inside the picture. */
          g_assert_cmpfloat (tp->point.x, >=, 400);
          g_assert_cmpfloat (tp->point.x, <=, 800);

          if (front)
            continue;

          /* The point lies on (or within 12 units of) the muscle's own region on some layer. */
          total++;
          for (guint l = 0; l < DORSUM_N_LAYERS && !hit; l++)
            for (int dy = -12; dy <= 12 && !hit; dy += 6)
              for (int dx = -12; dx <= 12 && !hit; dx += 6)
                {
                  const DorsumRegion *region = dorsum_diagram_hit (layers[l], tp->point.x + dx, tp->point.y + dy);

                  hit = region != NULL && g_strv_contains ((const char * const *)parts, region->muscle);
                }

          if (hit)
            on_muscle++;
          else
            g_test_message ("%s trigger point %u at %.0f,%.0f is not on its region",
                            dorsum_entry_get_id (m), t + 1, tp->point.x, tp->point.y);
        }
    }

  g_test_message ("%u of %u trigger points lie on their muscle's region", on_muscle, total);
  g_assert_cmpuint (total, >=, 50);
  /* Points deep under another muscle may fall just off a drawn region; nearly all must be on it. */
  g_assert_cmpuint (on_muscle * 10, >=, total * 9);

  for (guint l = 0; l < DORSUM_N_LAYERS; l++)
    g_object_unref (layers[l]);
}

/* Every trigger point on the anterior figure lies on its own muscle's right-side region
 * (x < 400: the figure faces the viewer) on some layer, exactly, not merely near it. */
static void
test_anterior_markers (void)
{
  g_autoptr(DorsumLibrary) library = builtin ();
  GListModel *muscles = dorsum_library_get_entries (library, DORSUM_KIND_MUSCLE);
  DorsumDiagram *layers[G_N_ELEMENTS (anterior_layers)];
  guint total = 0;

  for (guint l = 0; l < G_N_ELEMENTS (anterior_layers); l++)
    {
      g_autoptr(GError) error = NULL;

      layers[l] = dorsum_diagram_new_for_figure ("anterior", anterior_layers[l], &error);
      g_assert_no_error (error);
    }

  for (guint i = 0; i < g_list_model_get_n_items (muscles); i++)
    {
      g_autoptr(DorsumEntry) m = g_list_model_get_item (muscles, i);
      g_auto(GStrv) parts = dorsum_library_expand_parts (library, dorsum_entry_get_id (m));

      for (guint t = 0; t < dorsum_entry_get_n_trigger_points (m); t++)
        {
          const DorsumTriggerPoint *tp = dorsum_entry_get_trigger_point (m, t);
          gboolean hit = FALSE;

          if (!g_str_equal (tp->figure, "anterior"))
            continue;

          total++;
          g_assert_cmpfloat (tp->point.x, >=, 0);
          g_assert_cmpfloat (tp->point.x, <=, 400);

          for (guint l = 0; l < G_N_ELEMENTS (anterior_layers) && !hit; l++)
            {
              const DorsumRegion *region = dorsum_diagram_hit (layers[l], tp->point.x, tp->point.y);

              hit = region != NULL && region->side == DORSUM_SIDE_RIGHT &&
                    g_strv_contains ((const char * const *)parts, region->muscle);
            }

          if (!hit)
            g_error ("%s trigger point %u at %.0f,%.0f is not on its region of the anterior figure",
                     dorsum_entry_get_id (m), t + 1, tp->point.x, tp->point.y);
        }
    }

  g_assert_cmpuint (total, >=, G_N_ELEMENTS (front_muscles));

  for (guint l = 0; l < G_N_ELEMENTS (anterior_layers); l++)
    g_object_unref (layers[l]);
}

/* Every muscle of the anterior figure has its page complete: attachments, actions, nerve and
 * roots, palpation, trigger points with zones, what overloads it, care linked, and sources. */
static void
test_front_muscles_complete (void)
{
  g_autoptr(DorsumLibrary) library = builtin ();
  static const char * const fields[] = { "origin", "insertion", "action", "innervation", "palpation", "overload" };

  for (guint i = 0; i < G_N_ELEMENTS (front_muscles); i++)
    {
      DorsumEntry *m = dorsum_library_lookup (library, front_muscles[i]);
      const char * const *sources;
      gboolean grays = FALSE, travell = FALSE;

      if (m == NULL)
        g_error ("the library has no muscle “%s”", front_muscles[i]);
      g_assert_cmpint (dorsum_entry_get_kind (m), ==, DORSUM_KIND_MUSCLE);
      g_assert_nonnull (dorsum_entry_get_latin (m));
      g_assert_nonnull (dorsum_entry_get_summary (m));
      g_assert_nonnull (dorsum_entry_get_aliases (m)[0]);

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        if (dorsum_entry_lookup_value (m, fields[f]) == NULL)
          g_error ("%s has no <%s>", front_muscles[i], fields[f]);

      if (g_strcmp0 (dorsum_entry_get_attribute (m, "innervation-roots"), "none") == 0 ||
          dorsum_entry_get_attribute (m, "innervation-roots") == NULL)
        g_error ("%s names no spinal roots", front_muscles[i]);

      if (dorsum_entry_get_n_trigger_points (m) == 0)
        g_error ("%s has no trigger point", front_muscles[i]);
      for (guint t = 0; t < dorsum_entry_get_n_trigger_points (m); t++)
        g_assert_cmpuint (dorsum_entry_get_trigger_point (m, t)->all_zones->len, >=, 1);

      if (count_links (m, DORSUM_KIND_TECHNIQUE) < 1)
        g_error ("%s links no technique", front_muscles[i]);
      if (count_links (m, DORSUM_KIND_STRETCH) + count_links (m, DORSUM_KIND_SELFCARE) < 1)
        g_error ("%s links no stretch or self-massage", front_muscles[i]);

      sources = dorsum_entry_lookup_field (m, "sources");
      for (guint s = 0; sources && sources[s]; s++)
        {
          grays |= strstr (sources[s], "Gray's Anatomy") != NULL && strstr (sources[s], "42nd") != NULL;
          travell |= strstr (sources[s], "Trigger Point Manual") != NULL;
        }
      if (!grays || !travell)
        g_error ("%s does not cite Gray's Anatomy (42nd edition) and the Trigger Point Manual", front_muscles[i]);
    }
}

/* Some back muscles refer pain to the front; those zones are drawn on the anterior figure. */
static void
test_anterior_zones_of_back_muscles (void)
{
  g_autoptr(DorsumLibrary) library = builtin ();
  static const char * const referring_forward[] = {
    "infraspinatus", "latissimus-dorsi", "serratus-anterior", "quadratus-lumborum", "psoas-major", "iliacus",
    "external-oblique", "trapezius-descending", "splenius-cervicis", "suboccipitals",
  };

  for (guint i = 0; i < G_N_ELEMENTS (referring_forward); i++)
    {
      DorsumEntry *m = dorsum_library_lookup (library, referring_forward[i]);
      gboolean anterior = FALSE;

      g_assert_nonnull (m);
      for (guint t = 0; t < dorsum_entry_get_n_trigger_points (m); t++)
        {
          const DorsumTriggerPoint *tp = dorsum_entry_get_trigger_point (m, t);

          for (guint z = 0; z < tp->all_zones->len; z++)
            anterior |= g_str_equal (((DorsumZone *)g_ptr_array_index (tp->all_zones, z))->figure, "anterior");
        }

      if (!anterior)
        g_error ("%s refers pain to the front but has no zone on the anterior figure", referring_forward[i]);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/content/required-entries", test_required_entries);
  g_test_add_func ("/content/links", test_links);
  g_test_add_func ("/content/links-both-ways", test_links_both_ways);
  g_test_add_func ("/content/techniques-reachable", test_techniques_reachable);
  g_test_add_func ("/content/complete", test_every_entry_complete);
  g_test_add_func ("/content/one-edition-per-book", test_one_edition_per_book);
  g_test_add_func ("/content/safety-wording", test_safety_wording);
  g_test_add_func ("/content/trigger-points-on-their-muscle", test_trigger_points_on_their_muscle);
  g_test_add_func ("/content/review-gaps", test_review_gaps);
  g_test_add_func ("/content/treatments-and-claims", test_treatments_and_claims);
  g_test_add_func ("/content/care-for-every-muscle", test_care_for_every_muscle);
  g_test_add_func ("/content/trigger-points-on-the-figure", test_trigger_points_on_the_figure);
  g_test_add_func ("/content/anterior-markers", test_anterior_markers);
  g_test_add_func ("/content/front-muscles-complete", test_front_muscles_complete);
  g_test_add_func ("/content/anterior-zones-of-back-muscles", test_anterior_zones_of_back_muscles);

  return g_test_run ();
}
