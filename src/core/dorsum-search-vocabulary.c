/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The curated vocabulary search expands queries with: the words a client or a new student
 * uses for a place on the body, and the anatomical words the library writes for it. */

#define G_LOG_DOMAIN "dorsum-search"

#include "config.h"

#include "dorsum-search-private.h"

/* Each line: what a reader may type (phrases separated by "|"), then what the library
 * writes for it. A two-way line also turns the library's words into the reader's.
 * Words are matched after folding and without a plural "s"; "of", "the" and the like are
 * ignored inside phrases. Keep it small and anatomical: every line is a claim that the
 * words mean the same place. The last flag marks places that can hurt: a query naming one
 * ranks the muscles whose trigger points refer pain there first. */
static const DorsumVocabularyLine lines[] = {
  /* Places on the back of the body */
  { "shoulder blade|shoulder blades", "scapula|scapulae|scapular|interscapular", TRUE, TRUE },
  { "between the shoulder blades|between shoulder blades",
    "medial border of the scapula|interscapular|rhomboid", FALSE, TRUE },
  { "tailbone|tail bone", "coccyx|coccygeal", TRUE, TRUE },
  { "lower back|low back", "lumbar|lumbosacral", TRUE, TRUE },
  { "upper back|mid back|middle back", "thoracic|interscapular", TRUE, TRUE },
  { "back of the neck|neck", "cervical|nuchal|nuchae", TRUE, TRUE },
  { "back of the head|base of the skull", "occiput|occipital|suboccipital", TRUE, TRUE },
  { "headache|headaches|head pain|head ache",
    "headache|head|temple|occiput|vertex|forehead|skull|behind the eye", FALSE, TRUE },
  { "jaw", "mandible|temporomandibular|tmj|angle of the jaw", TRUE, TRUE },
  { "collarbone|collar bone", "clavicle", TRUE, TRUE },
  { "breastbone", "sternum", TRUE, TRUE },
  { "armpit", "axilla|axillary fold", TRUE, TRUE },
  { "hip|side of the hip|outer hip", "greater trochanter|trochanter|hip joint", FALSE, TRUE },
  { "buttock|buttocks|bottom|bum|butt", "gluteal|buttock|glute", TRUE, TRUE },
  { "back of the leg|back of leg|back of the thigh",
    "back of the thigh|back of the knee|calf|hamstring|sciatic", FALSE, TRUE },
  { "leg", "thigh|calf|knee", FALSE, TRUE },
  { "rib|ribs", "costal|rib", TRUE, TRUE },
  { "pelvis", "iliac crest|sacrum|sacroiliac", FALSE, TRUE },
  { "si joint|sij", "sacroiliac", TRUE, TRUE },
  { "shoulder", "acromion|deltoid", FALSE, TRUE },
  /* Short names for muscles and groups */
  { "scm", "sternocleidomastoid", TRUE, FALSE },
  { "tfl", "tensor fasciae latae", TRUE, FALSE },
  { "ql", "quadratus lumborum", TRUE, FALSE },
  { "glutes", "gluteus", FALSE, FALSE },
  { "hamstrings|hamstring", "biceps femoris|semitendinosus|semimembranosus", FALSE, FALSE },
  { "hip flexor|hip flexors", "psoas|iliacus|iliopsoas", FALSE, FALSE },
  { "rotator cuff", "supraspinatus|infraspinatus|teres minor", FALSE, FALSE },
  { "erectors|back extensors", "erector spinae", FALSE, FALSE },
  /* Complaints in everyday words */
  { "herniated disc|slipped disc|bulging disc|disc herniation|herniated disk|slipped disk",
    "disc|herniation|herniated|prolapse", FALSE, FALSE },
  { "spasm|spasms|cramp", "spasm|guarding", FALSE, FALSE },
  { "knot|knots", "trigger point|trigger points", FALSE, FALSE },
  { "sciatica", "sciatic|sciatica", FALSE, FALSE },
};

const DorsumVocabularyLine *
_dorsum_vocabulary_get_lines (guint *n_lines)
{
  *n_lines = G_N_ELEMENTS (lines);

  return lines;
}
