/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One entry of the content library. Entries are built by the loader and immutable
 * afterwards; every string a widget shows comes from here. */

#define G_LOG_DOMAIN "dorsum-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "dorsum-entry-private.h"

typedef struct
{
  DorsumField  pub;
  GPtrArray   *values;
} Field;

struct _DorsumEntry
{
  GObject      parent_instance;

  DorsumKind   kind;
  char        *id;
  char        *file;
  guint        line;

  GPtrArray   *fields;         /* Field* in document order */
  GHashTable  *attributes;     /* name → value */
  GArray      *links;          /* DorsumLink */
  GArray      *backlinks;      /* DorsumLink: the entries that link here, made by the loader */
  GPtrArray   *trigger_points; /* DorsumTriggerPoint* */
  char        *sort_key;       /* collation key of the name, made when the entry is complete */
};

G_DEFINE_FINAL_TYPE (DorsumEntry, dorsum_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kind_names[DORSUM_N_KINDS] = {
  "muscle", "technique", "stretch", "selfcare", "contraindication", "condition", "article",
};

static void
field_free (gpointer data)
{
  Field *field = data;

  g_ptr_array_unref (field->values);
  g_free (field);
}

static void
link_clear (gpointer data)
{
  DorsumLink *link = data;

  g_free (link->id);
}

void
_dorsum_trigger_point_free (DorsumTriggerPoint *tp)
{
  if (tp == NULL)
    return;

  g_free (tp->location);
  g_free (tp->referral);
  g_free (tp->drawing_note);
  g_clear_pointer (&tp->zones, g_ptr_array_unref);
  g_clear_pointer (&tp->all_zones, g_ptr_array_unref);
  g_free (tp);
}

void
_dorsum_zone_free (DorsumZone *zone)
{
  if (zone == NULL)
    return;

  g_clear_pointer (&zone->points, g_array_unref);
  g_free (zone);
}

static void
dorsum_entry_finalize (GObject *object)
{
  DorsumEntry *self = (DorsumEntry *)object;

  g_free (self->id);
  g_free (self->file);
  g_free (self->sort_key);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->attributes, g_hash_table_unref);
  g_clear_pointer (&self->links, g_array_unref);
  g_clear_pointer (&self->backlinks, g_array_unref);
  g_clear_pointer (&self->trigger_points, g_ptr_array_unref);

  G_OBJECT_CLASS (dorsum_entry_parent_class)->finalize (object);
}

static void
dorsum_entry_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DorsumEntry *self = DORSUM_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, dorsum_entry_get_name (self));
      break;

    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dorsum_entry_class_init (DorsumEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dorsum_entry_finalize;
  object_class->get_property = dorsum_entry_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL, 0, DORSUM_N_KINDS - 1, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dorsum_entry_init (DorsumEntry *self)
{
  self->fields = g_ptr_array_new_with_free_func (field_free);
  self->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->links = g_array_new (FALSE, FALSE, sizeof (DorsumLink));
  g_array_set_clear_func (self->links, link_clear);
  self->backlinks = g_array_new (FALSE, FALSE, sizeof (DorsumLink));
  g_array_set_clear_func (self->backlinks, link_clear);
  self->trigger_points = g_ptr_array_new_with_free_func ((GDestroyNotify)_dorsum_trigger_point_free);
}

DorsumEntry *
_dorsum_entry_new (DorsumKind  kind,
                   const char *id,
                   const char *file,
                   guint       line)
{
  DorsumEntry *self = g_object_new (DORSUM_TYPE_ENTRY, NULL);

  self->kind = kind;
  self->id = g_strdup (id);
  self->file = g_strdup (file);
  self->line = line;

  return self;
}

/* Field and attribute names come from a short fixed list (the schema's); looking them up
 * here avoids g_intern_string()'s global lock, which showed when packs load on all cores. */
static const char *
intern_key (const char *name)
{
  static const char * const keys[] = {
    "name", "alias", "latin", "summary", "origin", "insertion", "action", "innervation", "palpation",
    "overload", "principle", "indications", "steps", "pressure", "tempo", "duration", "feel", "too-much",
    "cautions", "aftercare", "equipment", "position", "hold", "repetitions", "frequency", "avoid",
    "stop-if", "limitations", "action-to-take", "description", "plan", "combine-with", "prevention",
    "text", "sources", "region", "layer", "part-of", "severity", "innervation-roots", "pressure-min",
    "pressure-max",
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_str_equal (keys[i], name))
      return keys[i];

  return g_intern_string (name);
}

void
_dorsum_entry_set_attribute (DorsumEntry *self,
                             const char  *name,
                             const char  *value)
{
  g_hash_table_insert (self->attributes, (gpointer)intern_key (name), g_strdup (value));
}

static Field *
find_field (DorsumEntry *self,
            const char  *key)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (g_str_equal (field->pub.key, key))
        return field;
    }

  return NULL;
}

void
_dorsum_entry_add_value (DorsumEntry *self,
                         const char  *key,
                         const char  *value)
{
  _dorsum_entry_take_value (self, key, g_strdup (value));
}

void
_dorsum_entry_take_value (DorsumEntry *self,
                          const char  *key,
                          char        *value)
{
  Field *field = find_field (self, key);

  if (field == NULL)
    {
      field = g_new0 (Field, 1);
      field->pub.key = intern_key (key);
      field->values = g_ptr_array_new_null_terminated (1, g_free, TRUE);
      g_ptr_array_add (self->fields, field);
    }

  g_ptr_array_add (field->values, value);
  field->pub.values = (GStrv)field->values->pdata;
}

void
_dorsum_entry_add_link (DorsumEntry *self,
                        DorsumKind   kind,
                        const char  *id,
                        guint        line)
{
  DorsumLink link = { kind, g_strdup (id), line };

  g_array_append_val (self->links, link);
}

/* Records on every entry that @entries link to (looked up in @by_id) that they link there.
 * Called once per pack, after it is added; a pack may link to entries loaded before it. */
void
_dorsum_entries_link_back (GPtrArray  *entries,
                           GHashTable *by_id)
{
  for (guint i = 0; i < entries->len; i++)
    {
      DorsumEntry *entry = g_ptr_array_index (entries, i);

      for (guint j = 0; j < entry->links->len; j++)
        {
          const DorsumLink *link = &g_array_index (entry->links, DorsumLink, j);
          DorsumEntry *target = g_hash_table_lookup (by_id, link->id);
          DorsumLink back;
          gboolean seen = FALSE;

          if (target == NULL || target == entry)
            continue;

          /* The same target twice from one entry gives one backlink. */
          for (guint k = 0; k < j && !seen; k++)
            seen = g_str_equal (g_array_index (entry->links, DorsumLink, k).id, link->id);
          if (seen)
            continue;

          back = (DorsumLink) { entry->kind, g_strdup (entry->id), link->line };
          g_array_append_val (target->backlinks, back);
        }
    }
}

/* Forgets the backlinks from the entries whose ids are in @ids (a set): they were in a
 * pack that has been removed. */
void
_dorsum_entry_drop_backlinks (DorsumEntry *self,
                              GHashTable  *ids)
{
  for (guint i = self->backlinks->len; i > 0; i--)
    if (g_hash_table_contains (ids, g_array_index (self->backlinks, DorsumLink, i - 1).id))
      g_array_remove_index (self->backlinks, i - 1);
}

void
_dorsum_entry_add_trigger_point (DorsumEntry        *self,
                                 DorsumTriggerPoint *tp)
{
  g_ptr_array_add (self->trigger_points, tp);
}

DorsumKind
dorsum_entry_get_kind (DorsumEntry *self)
{
  g_return_val_if_fail (DORSUM_IS_ENTRY (self), 0);

  return self->kind;
}

const char *
dorsum_entry_get_id (DorsumEntry *self)
{
  g_return_val_if_fail (DORSUM_IS_ENTRY (self), NULL);

  return self->id;
}

const char *
dorsum_entry_get_file (DorsumEntry *self)
{
  g_return_val_if_fail (DORSUM_IS_ENTRY (self), NULL);

  return self->file;
}

guint
dorsum_entry_get_line (DorsumEntry *self)
{
  g_return_val_if_fail (DORSUM_IS_ENTRY (self), 0);

  return self->line;
}

const char *
dorsum_entry_lookup_value (DorsumEntry *self,
                           const char  *key)
{
  Field *field;

  g_return_val_if_fail (DORSUM_IS_ENTRY (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  field = find_field (self, key);

  return field ? field->pub.values[0] : NULL;
}

const char * const *
dorsum_entry_lookup_field (DorsumEntry *self,
                           const char  *key)
{
  Field *field;

  g_return_val_if_fail (DORSUM_IS_ENTRY (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  field = find_field (self, key);

  return field ? (const char * const *)field->pub.values : NULL;
}

const char *
dorsum_entry_get_name (DorsumEntry *self)
{
  return dorsum_entry_lookup_value (self, "name");
}

const char *
dorsum_entry_get_latin (DorsumEntry *self)
{
  return dorsum_entry_lookup_value (self, "latin");
}

const char *
dorsum_entry_get_summary (DorsumEntry *self)
{
  return dorsum_entry_lookup_value (self, "summary");
}

const char * const *
dorsum_entry_get_aliases (DorsumEntry *self)
{
  static const char * const none[] = { NULL };
  const char * const *aliases = dorsum_entry_lookup_field (self, "alias");

  return aliases ? aliases : none;
}

const char *
dorsum_entry_get_attribute (DorsumEntry *self,
                            const char  *name)
{
  g_return_val_if_fail (DORSUM_IS_ENTRY (self), NULL);

  return g_hash_table_lookup (self->attributes, name);
}

const char *
dorsum_entry_get_part_of (DorsumEntry *self)
{
  return dorsum_entry_get_attribute (self, "part-of");
}

/**
 * dorsum_entry_has_client_text:
 *
 * Whether the entry has text written for the client (the library's `<client>`). Every
 * muscle, stretch and self-care routine of a valid library has; other kinds have none.
 */
gboolean
dorsum_entry_has_client_text (DorsumEntry *self)
{
  g_return_val_if_fail (DORSUM_IS_ENTRY (self), FALSE);

  return dorsum_entry_lookup_field (self, "client-text") != NULL;
}

/**
 * dorsum_entry_get_client_paragraphs:
 *
 * The client text's paragraphs, in everyday words: for a muscle, what it does and where it
 * sends pain; for a stretch or self-care routine, what it is for. Print them as they are.
 *
 * Returns: (transfer none) (array zero-terminated=1): the paragraphs; empty, never %NULL
 */
const char * const *
dorsum_entry_get_client_paragraphs (DorsumEntry *self)
{
  static const char * const none[] = { NULL };
  const char * const *values;

  g_return_val_if_fail (DORSUM_IS_ENTRY (self), none);

  values = dorsum_entry_lookup_field (self, "client-text");

  return values ? values : none;
}

/**
 * dorsum_entry_get_client_steps:
 *
 * A stretch's or self-care routine's steps as the client does them at home, one short
 * sentence each, to be numbered from 1 in this order.
 *
 * Returns: (transfer none) (array zero-terminated=1): the steps; empty (never %NULL) for a muscle
 */
const char * const *
dorsum_entry_get_client_steps (DorsumEntry *self)
{
  static const char * const none[] = { NULL };
  const char * const *values;

  g_return_val_if_fail (DORSUM_IS_ENTRY (self), none);

  values = dorsum_entry_lookup_field (self, "client-step");

  return values ? values : none;
}

/**
 * dorsum_entry_get_client_dose:
 *
 * How long to hold, how many times and how often, in one or two sentences for the client.
 *
 * Returns: (nullable): the dose, or %NULL for a muscle
 */
const char *
dorsum_entry_get_client_dose (DorsumEntry *self)
{
  return dorsum_entry_lookup_value (self, "client-dose");
}

/**
 * dorsum_entry_get_client_stop_if:
 *
 * When the client should stop, in their words (a handout prints it under "Stop if").
 *
 * Returns: (nullable): the text, or %NULL for a muscle
 */
const char *
dorsum_entry_get_client_stop_if (DorsumEntry *self)
{
  return dorsum_entry_lookup_value (self, "client-stop-if");
}

/**
 * dorsum_entry_dup_client_text:
 *
 * The whole client text as plain text: the paragraphs, then numbered steps, "How much:"
 * and "Stop if:" lines, separated by newlines; for a terminal, a search or a test.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when the entry has none
 */
char *
dorsum_entry_dup_client_text (DorsumEntry *self)
{
  const char * const *paragraphs;
  const char * const *steps;
  const char *dose;
  const char *stop_if;
  GString *text;

  g_return_val_if_fail (DORSUM_IS_ENTRY (self), NULL);

  if (!dorsum_entry_has_client_text (self))
    return NULL;

  paragraphs = dorsum_entry_get_client_paragraphs (self);
  steps = dorsum_entry_get_client_steps (self);
  dose = dorsum_entry_get_client_dose (self);
  stop_if = dorsum_entry_get_client_stop_if (self);
  text = g_string_new (NULL);

  for (guint i = 0; paragraphs[i]; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", paragraphs[i]);
  for (guint i = 0; steps[i]; i++)
    /* Translators: a numbered step of a stretch, e.g. "2. Lean forward slowly." */
    g_string_append_printf (text, _("\n%u. %s"), i + 1, steps[i]);
  if (dose != NULL)
    /* Translators: how long and how often to do a stretch, for the client */
    g_string_append_printf (text, _("\nHow much: %s"), dose);
  if (stop_if != NULL)
    /* Translators: when the client must stop a stretch */
    g_string_append_printf (text, _("\nStop if: %s"), stop_if);

  return g_string_free (text, FALSE);
}

guint
dorsum_entry_get_n_fields (DorsumEntry *self)
{
  g_return_val_if_fail (DORSUM_IS_ENTRY (self), 0);

  return self->fields->len;
}

const DorsumField *
dorsum_entry_get_field (DorsumEntry *self,
                        guint        position)
{
  Field *field;

  g_return_val_if_fail (DORSUM_IS_ENTRY (self), NULL);
  g_return_val_if_fail (position < self->fields->len, NULL);

  field = g_ptr_array_index (self->fields, position);

  return &field->pub;
}

guint
dorsum_entry_get_n_links (DorsumEntry *self)
{
  g_return_val_if_fail (DORSUM_IS_ENTRY (self), 0);

  return self->links->len;
}

const DorsumLink *
dorsum_entry_get_link (DorsumEntry *self,
                       guint        position)
{
  g_return_val_if_fail (DORSUM_IS_ENTRY (self), NULL);
  g_return_val_if_fail (position < self->links->len, NULL);

  return &g_array_index (self->links, DorsumLink, position);
}

/**
 * dorsum_entry_get_n_backlinks:
 *
 * The entries that link to this one, computed by the library when it loads them: a
 * technique that says it is used on a muscle is a backlink of that muscle.
 */
guint
dorsum_entry_get_n_backlinks (DorsumEntry *self)
{
  g_return_val_if_fail (DORSUM_IS_ENTRY (self), 0);

  return self->backlinks->len;
}

/* The backlink's kind and id are those of the entry that links here; its line is that link's. */
const DorsumLink *
dorsum_entry_get_backlink (DorsumEntry *self,
                           guint        position)
{
  g_return_val_if_fail (DORSUM_IS_ENTRY (self), NULL);
  g_return_val_if_fail (position < self->backlinks->len, NULL);

  return &g_array_index (self->backlinks, DorsumLink, position);
}

guint
dorsum_entry_get_n_trigger_points (DorsumEntry *self)
{
  g_return_val_if_fail (DORSUM_IS_ENTRY (self), 0);

  return self->trigger_points->len;
}

const DorsumTriggerPoint *
dorsum_entry_get_trigger_point (DorsumEntry *self,
                                guint        position)
{
  g_return_val_if_fail (DORSUM_IS_ENTRY (self), NULL);
  g_return_val_if_fail (position < self->trigger_points->len, NULL);

  return g_ptr_array_index (self->trigger_points, position);
}

const char *
dorsum_kind_to_string (DorsumKind kind)
{
  g_return_val_if_fail (kind < DORSUM_N_KINDS, NULL);

  return kind_names[kind];
}

gboolean
dorsum_kind_from_string (const char *str,
                         DorsumKind *kind)
{
  for (guint i = 0; i < DORSUM_N_KINDS; i++)
    {
      if (g_strcmp0 (str, kind_names[i]) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* The plural is the word the CLI's `list` takes. */
const char *
dorsum_kind_get_plural (DorsumKind kind)
{
  static const char * const plurals[DORSUM_N_KINDS] = {
    "muscles", "techniques", "stretches", "selfcare", "contraindications", "conditions", "articles",
  };

  g_return_val_if_fail (kind < DORSUM_N_KINDS, NULL);

  return plurals[kind];
}

const char *
dorsum_kind_get_title (DorsumKind kind)
{
  static const char * const titles[DORSUM_N_KINDS] = {
    N_("Muscles"), N_("Techniques"), N_("Stretches"), N_("Self-Massage"),
    N_("Contraindications"), N_("Conditions"), N_("Articles"),
  };

  g_return_val_if_fail (kind < DORSUM_N_KINDS, NULL);

  return _(titles[kind]);
}

/* Titles of the fields as a person reads them; the CLI prints these before the colon. */
const char *
dorsum_field_get_title (const char *key)
{
  static const struct {
    const char *key;
    const char *title;
  } titles[] = {
    { "name", N_("Name") },
    { "alias", N_("Also called") },
    { "latin", N_("Latin") },
    { "summary", N_("Summary") },
    { "origin", N_("Origin") },
    { "insertion", N_("Insertion") },
    { "action", N_("Action") },
    { "innervation", N_("Innervation") },
    { "palpation", N_("Palpation") },
    { "overload", N_("Overloaded by") },
    { "principle", N_("Principle") },
    { "indications", N_("Indications") },
    { "steps", N_("Steps") },
    { "pressure", N_("Pressure") },
    { "tempo", N_("Tempo") },
    { "duration", N_("Duration") },
    { "feel", N_("What you feel") },
    { "too-much", N_("Too much") },
    { "cautions", N_("Cautions") },
    { "aftercare", N_("Aftercare") },
    { "equipment", N_("Equipment") },
    { "position", N_("Starting position") },
    { "hold", N_("Hold") },
    { "repetitions", N_("Repetitions") },
    { "frequency", N_("Frequency") },
    { "avoid", N_("Avoid") },
    { "stop-if", N_("Stop if") },
    { "limitations", N_("Limitations") },
    { "action-to-take", N_("What to do") },
    { "description", N_("Description") },
    { "plan", N_("Plan") },
    { "combine-with", N_("Combine with") },
    { "prevention", N_("Prevention") },
    { "text", N_("Text") },
    { "sources", N_("Sources") },
    { "referral", N_("Refers pain") },
    { "location", N_("Trigger point") },
    { "client-text", N_("In plain words") },
    { "client-step", N_("Steps for the client") },
    { "client-dose", N_("How much") },
    { "client-stop-if", N_("Stop if") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      if (g_str_equal (titles[i].key, key))
        return _(titles[i].title);
    }

  return key;
}

/* Called by the loader once the entry is complete, in the thread that read it: collation
 * keys are costly, and lists and search sort by them. */
void
_dorsum_entry_seal (DorsumEntry *self)
{
  const char *name = dorsum_entry_get_name (self);

  g_free (self->sort_key);
  self->sort_key = g_utf8_collate_key (name ? name : "", -1);
}

const char *
_dorsum_entry_get_sort_key (DorsumEntry *self)
{
  if (self->sort_key == NULL)
    _dorsum_entry_seal (self);

  return self->sort_key;
}
