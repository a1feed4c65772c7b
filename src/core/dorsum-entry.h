/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One entry of the content library: a muscle, technique, stretch, self-care routine,
 * contraindication, condition or article, with its fields and its links by id. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  DORSUM_KIND_MUSCLE,
  DORSUM_KIND_TECHNIQUE,
  DORSUM_KIND_STRETCH,
  DORSUM_KIND_SELFCARE,
  DORSUM_KIND_CONTRAINDICATION,
  DORSUM_KIND_CONDITION,
  DORSUM_KIND_ARTICLE,
  DORSUM_N_KINDS
} DorsumKind;

typedef struct
{
  double x;
  double y;
} DorsumPoint;

/* A referral-zone polygon and the figure of the atlas it is drawn on. */
typedef struct
{
  const char  *figure;   /* interned figure id: "posterior" or "anterior" */
  GArray      *points;   /* DorsumPoint, diagram units, on the figure's own right side */
} DorsumZone;

/* A trigger point, in diagram units on the figure's right side: x > 400 on the posterior
 * figure, x < 400 on the anterior figure, which faces the viewer. */
typedef struct
{
  DorsumPoint  point;
  char        *location;
  char        *referral;
  /* GPtrArray of GArray of DorsumPoint: the referral-zone polygons on the posterior
   * figure only, which is what the back atlas and pain charts draw and match */
  GPtrArray   *zones;
  /* interned id of the figure @point is on: "posterior" or "anterior" */
  const char  *figure;
  /* DorsumZone*: every referral zone, on whichever figure, in document order */
  GPtrArray   *all_zones;
  /* how the zones are drawn on the figures (the library's <drawing-note>), or %NULL:
   * for whoever checks the artwork; never printed for a client */
  char        *drawing_note;
} DorsumTriggerPoint;

/* One field of an entry as read from the library: a key (the element name, such as
 * "origin" or "steps") with one or more values in document order. */
typedef struct
{
  const char  *key;
  GStrv        values;
} DorsumField;

typedef struct
{
  DorsumKind   kind;
  char        *id;
  guint        line;
} DorsumLink;

#define DORSUM_TYPE_ENTRY (dorsum_entry_get_type())

G_DECLARE_FINAL_TYPE (DorsumEntry, dorsum_entry, DORSUM, ENTRY, GObject)

DorsumKind          dorsum_entry_get_kind            (DorsumEntry  *self);
const char         *dorsum_entry_get_id              (DorsumEntry  *self);
const char         *dorsum_entry_get_name            (DorsumEntry  *self);
const char         *dorsum_entry_get_latin           (DorsumEntry  *self);
const char         *dorsum_entry_get_summary         (DorsumEntry  *self);
const char * const *dorsum_entry_get_aliases         (DorsumEntry  *self);
const char         *dorsum_entry_get_attribute       (DorsumEntry  *self,
                                                      const char   *name);
const char         *dorsum_entry_get_part_of         (DorsumEntry  *self);
const char         *dorsum_entry_get_file            (DorsumEntry  *self);
guint               dorsum_entry_get_line            (DorsumEntry  *self);
guint               dorsum_entry_get_n_fields        (DorsumEntry  *self);
const DorsumField  *dorsum_entry_get_field           (DorsumEntry  *self,
                                                      guint         position);
const char * const *dorsum_entry_lookup_field        (DorsumEntry  *self,
                                                      const char   *key);
const char         *dorsum_entry_lookup_value        (DorsumEntry  *self,
                                                      const char   *key);
guint               dorsum_entry_get_n_links         (DorsumEntry  *self);
const DorsumLink   *dorsum_entry_get_link            (DorsumEntry  *self,
                                                      guint         position);
guint               dorsum_entry_get_n_backlinks     (DorsumEntry  *self);
const DorsumLink   *dorsum_entry_get_backlink        (DorsumEntry  *self,
                                                      guint         position);
gboolean            dorsum_entry_has_client_text     (DorsumEntry  *self);
const char * const *dorsum_entry_get_client_paragraphs (DorsumEntry *self);
const char * const *dorsum_entry_get_client_steps    (DorsumEntry  *self);
const char         *dorsum_entry_get_client_dose     (DorsumEntry  *self);
const char         *dorsum_entry_get_client_stop_if  (DorsumEntry  *self);
char               *dorsum_entry_dup_client_text     (DorsumEntry  *self);
guint               dorsum_entry_get_n_trigger_points (DorsumEntry *self);
const DorsumTriggerPoint *
                    dorsum_entry_get_trigger_point   (DorsumEntry  *self,
                                                      guint         position);

const char         *dorsum_kind_to_string            (DorsumKind    kind);
gboolean            dorsum_kind_from_string          (const char   *str,
                                                      DorsumKind   *kind);
const char         *dorsum_kind_get_plural           (DorsumKind    kind);
const char         *dorsum_kind_get_title            (DorsumKind    kind);
const char         *dorsum_field_get_title           (const char   *key);

G_END_DECLS
