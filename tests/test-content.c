/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Content checks on the built-in library: everything the content issue promises is there,
 * linked both ways where it must be, sourced, and placed on the diagram. */

#include "config.h"

#include <string.h>

#include "dorsum-diagram.h"
#include "dorsum-library.h"

static DorsumLibrary *
builtin (void)
{
  DorsumLibrary *library = dorsum_library_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (dorsum_library_load_builtin (library, &error));
  g_assert_no_error (error);

  return library;
}

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

          /* Points on the anterior figure are not checked here. */
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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/content/required-entries", test_required_entries);
  g_test_add_func ("/content/links", test_links);
  g_test_add_func ("/content/complete", test_every_entry_complete);
  g_test_add_func ("/content/trigger-points-on-the-figure", test_trigger_points_on_the_figure);

  return g_test_run ();
}
