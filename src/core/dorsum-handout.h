/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The printed client handout: the chart, the numbered marks, the likely muscles, the plan
 * of stretches and self-care with pictures, cautions and the disclaimer, paginated with
 * Pango over as many A4 or Letter pages as it takes. The app prints the same pages. */
#pragma once

#include <cairo.h>

#include "dorsum-chart.h"
#include "dorsum-library.h"

G_BEGIN_DECLS

typedef enum {
  DORSUM_PAPER_A4,
  DORSUM_PAPER_LETTER,
} DorsumPaper;

/* What the caller knows and the chart does not: the app fills it from GSettings, the CLI
 * from its options. The strings are copied by dorsum_handout_new_with_options(). */
typedef struct
{
  const char          *therapist;  /* nullable: the therapist's name */
  const char          *practice;   /* nullable */
  const char          *contact;    /* nullable: phone, e-mail, address */
  DorsumPaper          paper;
  const char * const  *plan;       /* nullable: library ids that replace the chart's plan */
  DorsumChart         *earlier;    /* nullable: an earlier chart of the client, to say what changed */
} DorsumHandoutOptions;

gboolean       dorsum_paper_from_string          (const char   *str,
                                                  DorsumPaper  *paper);
void           dorsum_paper_get_size             (DorsumPaper   paper,
                                                  double       *width,
                                                  double       *height);

#define DORSUM_TYPE_HANDOUT (dorsum_handout_get_type())

G_DECLARE_FINAL_TYPE (DorsumHandout, dorsum_handout, DORSUM, HANDOUT, GObject)

/* The options dorsum_handout_new() uses: the app keeps them equal to its settings. */
void           dorsum_handout_set_default_options (const DorsumHandoutOptions *options);

DorsumHandout *dorsum_handout_new                (DorsumLibrary *library,
                                                  DorsumChart   *chart);
DorsumHandout *dorsum_handout_new_with_options   (DorsumLibrary *library,
                                                  DorsumChart   *chart,
                                                  const DorsumHandoutOptions *options);
void           dorsum_handout_get_page_size      (DorsumHandout *self,
                                                  double        *width,
                                                  double        *height);
guint          dorsum_handout_get_n_pages        (DorsumHandout *self);
void           dorsum_handout_draw_page          (DorsumHandout *self,
                                                  cairo_t       *cr,
                                                  guint          page,
                                                  double         width,
                                                  double         height);
gboolean       dorsum_handout_write_pdf          (DorsumHandout *self,
                                                  const char    *path,
                                                  GError       **error);

/* For tests: the lowest point drawn on @page, in points from the top (the layout never
 * places anything below the page's margin), how many figures page 1 shows and how many
 * plan items have a picture. */
double         _dorsum_handout_get_page_bottom   (DorsumHandout *self,
                                                  guint          page);
double         _dorsum_handout_get_content_limit (DorsumHandout *self);
guint          _dorsum_handout_get_n_figures     (DorsumHandout *self);
guint          _dorsum_handout_get_n_pictures    (DorsumHandout *self);

/* What dorsum_handout_new() uses: the options last given to dorsum_handout_set_default_options(). */
void           dorsum_handout_get_default_options (DorsumHandoutOptions *options);

G_END_DECLS
