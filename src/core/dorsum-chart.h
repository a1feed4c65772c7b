/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A client's pain chart: marks on the figures (back and front) with intensity, quality and a note,
 * the client's initials, date and notes, and the self-care chosen for the handout.
 * A document: read safely, saved without ever losing the previous file, with undo. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  DORSUM_QUALITY_ACHING,
  DORSUM_QUALITY_SHARP,
  DORSUM_QUALITY_BURNING,
  DORSUM_QUALITY_TINGLING,
  DORSUM_QUALITY_STIFFNESS,
  DORSUM_N_QUALITIES
} DorsumQuality;

typedef struct
{
  double         x;          /* diagram units, 800 × 1200, either side */
  double         y;
  double         radius;
  int            intensity;  /* 0–10 */
  DorsumQuality  quality;
  char          *note;       /* nullable; a GRefString once stored */
  const char    *figure;     /* interned id of a figure of data/diagrams/figures.xml;
                              * NULL means "posterior", the only figure of format 1 */
} DorsumMark;

/* The chart format this version writes; it reads this one and every older one. */
#define DORSUM_CHART_FORMAT_VERSION       2
#define DORSUM_CHART_DEFAULT_FIGURE       "posterior"
#define DORSUM_CHART_MAX_FIGURE_CHARS     32

/* The figure @mark is on, never NULL. */
const char        *dorsum_mark_get_figure        (const DorsumMark *mark);

/* The limits of a chart, one set for the model, the writer and the reader, so the app
 * can never hold or save a chart it would then refuse to open. Text is counted in
 * characters (Unicode code points), as the schema (data/dorsum-chart.rng) counts them;
 * the setters cut longer text to these lengths (see dorsum_chart_clamp_text()). */
#define DORSUM_CHART_MAX_MARKS            200
#define DORSUM_CHART_MAX_NOTE_CHARS       2000   /* the note of one mark */
#define DORSUM_CHART_MAX_NOTES_CHARS      10000  /* the chart's notes */
#define DORSUM_CHART_MAX_INITIALS_CHARS   8      /* initials, not a name */
#define DORSUM_CHART_MAX_PLAN_ENTRIES     100    /* self-care entries in the handout */
#define DORSUM_CHART_MAX_PLAN_REF_CHARS   64     /* a library id, as data/dorsum-library.rng allows */

/* The reader refuses larger files. The largest chart the writer can produce (every limit
 * above reached, every character one that escapes to six bytes, such as '"' → &quot;)
 * is about 2.4 MiB; dorsum-chart.c asserts at build time that it stays below this. */
#define DORSUM_CHART_MAX_FILE_SIZE        (4 * 1024 * 1024)

#define DORSUM_TYPE_CHART (dorsum_chart_get_type())

G_DECLARE_FINAL_TYPE (DorsumChart, dorsum_chart, DORSUM, CHART, GObject)

DorsumChart       *dorsum_chart_new              (void);
DorsumChart       *dorsum_chart_new_from_bytes   (GBytes       *bytes,
                                                  const char   *display_name,
                                                  GError      **error);
/* Regular files only, never more than DORSUM_CHART_MAX_FILE_SIZE bytes; never blocks on a FIFO. */
DorsumChart       *dorsum_chart_new_from_file    (GFile        *file,
                                                  GError      **error);
GBytes            *dorsum_chart_serialize        (DorsumChart  *self);
/* Writes a new file (mode 0600) beside @file, syncs it and renames it over @file: no backup,
 * and on any failure the old file is untouched and nothing is left behind. */
gboolean           dorsum_chart_save             (DorsumChart  *self,
                                                  GFile        *file,
                                                  GError      **error);
gboolean           dorsum_chart_equal            (DorsumChart  *a,
                                                  DorsumChart  *b);

guint              dorsum_chart_get_n_marks      (DorsumChart  *self);
const DorsumMark  *dorsum_chart_get_mark         (DorsumChart  *self,
                                                  guint         position);
/* Adding and updating copy the mark, clamped to the figure, the limits above and XML 1.0;
 * @mark may be a copy of a stored mark, its note pointer included (as a drag makes). */
guint              dorsum_chart_add_mark         (DorsumChart  *self,
                                                  const DorsumMark *mark);
void               dorsum_chart_update_mark      (DorsumChart  *self,
                                                  guint         position,
                                                  const DorsumMark *mark);
void               dorsum_chart_remove_mark      (DorsumChart  *self,
                                                  guint         position);
int                dorsum_chart_find_mark        (DorsumChart  *self,
                                                  double        x,
                                                  double        y);
int                dorsum_chart_find_mark_on_figure (DorsumChart *self,
                                                  const char   *figure,
                                                  double        x,
                                                  double        y);

const char        *dorsum_chart_get_initials     (DorsumChart  *self);
void               dorsum_chart_set_initials     (DorsumChart  *self,
                                                  const char   *initials);
const char        *dorsum_chart_get_date         (DorsumChart  *self);
/* Returns FALSE, changing nothing, when @date is not valid (see dorsum_chart_date_is_valid()). */
gboolean           dorsum_chart_set_date         (DorsumChart  *self,
                                                  const char   *date);
const char        *dorsum_chart_get_notes        (DorsumChart  *self);
void               dorsum_chart_set_notes        (DorsumChart  *self,
                                                  const char   *notes);
const char * const *dorsum_chart_get_plan        (DorsumChart  *self);
void               dorsum_chart_set_plan         (DorsumChart  *self,
                                                  const char * const *ids);

gboolean           dorsum_chart_can_undo         (DorsumChart  *self);
gboolean           dorsum_chart_can_redo         (DorsumChart  *self);
void               dorsum_chart_undo             (DorsumChart  *self);
void               dorsum_chart_redo             (DorsumChart  *self);
gboolean           dorsum_chart_get_modified     (DorsumChart  *self);
void               dorsum_chart_set_modified     (DorsumChart  *self,
                                                  gboolean      modified);

/* What the setters do to text, for an entry that wants to show the user what will be kept:
 * invalid UTF-8 becomes U+FFFD, characters XML 1.0 cannot hold (control characters other
 * than tab, newline and carriage return; U+FFFE, U+FFFF) are dropped, and the text is cut
 * to @max_chars characters. Returns a new string, or NULL for NULL. */
char              *dorsum_chart_clamp_text       (const char   *text,
                                                  gsize         max_chars);
/* TRUE for NULL, "" (no date) and exactly YYYY-MM-DD naming a real day from 0001-01-01 to
 * 9999-12-31: no spaces, signs, time zones or short fields. The only dates a chart holds:
 * dorsum_chart_set_date() refuses others and the reader refuses files with others. */
gboolean           dorsum_chart_date_is_valid    (const char   *date);

const char        *dorsum_quality_to_string      (DorsumQuality quality);
gboolean           dorsum_quality_from_string    (const char   *str,
                                                  DorsumQuality *quality);
const char        *dorsum_quality_get_title      (DorsumQuality quality);
const char        *dorsum_quality_get_letter     (DorsumQuality quality);

char              *dorsum_chart_get_autosave_path (void);
gboolean           dorsum_chart_write_autosave   (DorsumChart  *self,
                                                  const char   *document_path,
                                                  GError      **error);
DorsumChart       *dorsum_chart_read_autosave    (char        **document_path,
                                                  GError      **error);
void               dorsum_chart_clear_autosave   (void);

/* For tests: wraps the output stream a save writes through (to make it fail part-way). */
typedef GOutputStream *(*DorsumStreamWrapper) (GOutputStream *stream,
                                               gpointer       user_data);
gboolean           _dorsum_chart_save_wrapped    (DorsumChart  *self,
                                                  GFile        *file,
                                                  DorsumStreamWrapper wrapper,
                                                  gpointer      user_data,
                                                  GError      **error);

G_END_DECLS
