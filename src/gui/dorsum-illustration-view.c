/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Draws an entry's picture through dorsum_library_draw_illustration(), the function the
 * printed handout uses too, sharp at any size. Its minimum height is its full height for the
 * width it gets: a scrolled page allocates minimum heights, and a GtkPicture that may shrink
 * asks for none, so it would be squeezed to nothing there. */

#define G_LOG_DOMAIN "dorsum-illustration-view"

#include "config.h"

#include <glib/gi18n.h>

#include "dorsum-illustration-view.h"
#include "dorsum-illustration.h"

struct _DorsumIllustrationView
{
  GtkWidget  parent_instance;

  char      *id;
};

G_DEFINE_FINAL_TYPE (DorsumIllustrationView, dorsum_illustration_view, GTK_TYPE_WIDGET)

static GtkSizeRequestMode
dorsum_illustration_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
dorsum_illustration_view_measure (GtkWidget      *widget,
                                  GtkOrientation  orientation,
                                  int             for_size,
                                  int            *minimum,
                                  int            *natural,
                                  int            *minimum_baseline,
                                  int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Any width down to a narrow phone's column; the drawn width when there is room. */
      *minimum = 0;
      *natural = for_size < 0 ? DORSUM_ILLUSTRATION_WIDTH
                              : MIN (DORSUM_ILLUSTRATION_WIDTH,
                                     for_size * DORSUM_ILLUSTRATION_WIDTH / DORSUM_ILLUSTRATION_HEIGHT);
    }
  else if (for_size < 0)
    {
      /* Without a width: as short as at the minimum width (none), as tall as drawn. A
       * minimum of the drawn height would be more than a short window can give when it
       * asks for the width for its height (GTK 4.18 warns). */
      *minimum = 0;
      *natural = DORSUM_ILLUSTRATION_HEIGHT;
    }
  else
    {
      *minimum = *natural = MIN (for_size, DORSUM_ILLUSTRATION_WIDTH) * DORSUM_ILLUSTRATION_HEIGHT / DORSUM_ILLUSTRATION_WIDTH;
    }
}

static void
dorsum_illustration_view_snapshot (GtkWidget   *widget,
                                   GtkSnapshot *snapshot)
{
  DorsumIllustrationView *self = DORSUM_ILLUSTRATION_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GError) error = NULL;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* The pictures are built into the program and checked by its tests: a failure is a bug. */
  if (!dorsum_library_draw_illustration (self->id, cr, 0, 0, width, height, &error))
    g_critical ("%s", error->message);
  cairo_destroy (cr);
}

static void
dorsum_illustration_view_finalize (GObject *object)
{
  DorsumIllustrationView *self = (DorsumIllustrationView *)object;

  g_free (self->id);

  G_OBJECT_CLASS (dorsum_illustration_view_parent_class)->finalize (object);
}

static void
dorsum_illustration_view_class_init (DorsumIllustrationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = dorsum_illustration_view_finalize;

  widget_class->get_request_mode = dorsum_illustration_view_get_request_mode;
  widget_class->measure = dorsum_illustration_view_measure;
  widget_class->snapshot = dorsum_illustration_view_snapshot;

  gtk_widget_class_set_css_name (widget_class, "illustration");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
dorsum_illustration_view_init (DorsumIllustrationView *self)
{
}

/**
 * dorsum_illustration_view_new:
 * @entry_id: an entry that has a picture (dorsum_library_has_illustration())
 *
 * Returns: (transfer floating): a view of the entry's picture, described for a screen reader
 */
GtkWidget *
dorsum_illustration_view_new (const char *entry_id)
{
  DorsumIllustrationView *self;
  g_autofree char *description = NULL;

  g_return_val_if_fail (dorsum_library_has_illustration (entry_id), NULL);

  self = g_object_new (DORSUM_TYPE_ILLUSTRATION_VIEW, NULL);
  self->id = g_strdup (entry_id);
  description = dorsum_library_dup_illustration_description (entry_id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  /* Translators: what a screen reader calls the drawing of a stretch's pose */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Picture of the position"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  return GTK_WIDGET (self);
}

const char *
dorsum_illustration_view_get_id (DorsumIllustrationView *self)
{
  g_return_val_if_fail (DORSUM_IS_ILLUSTRATION_VIEW (self), NULL);

  return self->id;
}
