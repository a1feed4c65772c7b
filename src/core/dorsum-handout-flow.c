/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Lays the handout's blocks out down the pages once, remembering where each line and box
 * went, so counting pages and drawing any page later is only replaying that list. */

#define G_LOG_DOMAIN "dorsum-handout"

#include "config.h"

#include "dorsum-handout-private.h"

#define FLOAT_GAP 12.0
#define KEEP_LINES 2

typedef enum {
  OP_TEXT,
  OP_BOX,
  OP_SPACE,
} OpKind;

typedef struct
{
  OpKind           kind;
  char            *markup;
  HandoutStyle     style;      /* .font owned */
  double           width;
  double           height;
  gboolean         float_right;
  HandoutDrawFunc  draw;
  gpointer         data;
} Op;

typedef struct
{
  guint            page;
  double           x;
  double           y;
  double           width;
  double           height;
  PangoLayout     *layout;     /* text: the lines first_line … first_line + n_lines - 1 */
  int              first_line;
  int              n_lines;
  HandoutDrawFunc  draw;       /* or a box */
  gpointer         data;
} Placed;

struct _HandoutFlow
{
  PangoContext *context;
  double        left;
  double        top;
  double        width;
  double        bottom;

  guint         page;
  double        y;
  guint         float_page;
  double        float_bottom;  /* the column is narrower above this on float_page */
  double        float_width;

  GPtrArray    *pending;       /* Op*: headings waiting for what they are kept with */
  GPtrArray    *group;         /* Op*, or NULL outside a group */
  GArray       *placed;        /* Placed */
};

static void
op_free (Op *op)
{
  g_free (op->markup);
  g_free ((char *)op->style.font);
  g_free (op);
}

static void
placed_clear (Placed *placed)
{
  g_clear_object (&placed->layout);
}

HandoutFlow *
handout_flow_new (double left,
                  double top,
                  double width,
                  double bottom)
{
  HandoutFlow *flow = g_new0 (HandoutFlow, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics at 72 dpi: a point is a unit on every surface, so the lines measured
   * here fit the same on a PDF, a printer or a preview. */
  flow->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (flow->context, options);
  pango_cairo_context_set_resolution (flow->context, 72);
  cairo_font_options_destroy (options);

  flow->left = left;
  flow->top = top;
  flow->width = width;
  flow->bottom = bottom;
  flow->y = top;
  flow->float_page = G_MAXUINT;
  flow->pending = g_ptr_array_new_with_free_func ((GDestroyNotify)op_free);
  flow->placed = g_array_new (FALSE, TRUE, sizeof (Placed));
  g_array_set_clear_func (flow->placed, (GDestroyNotify)placed_clear);

  return flow;
}

void
handout_flow_free (HandoutFlow *flow)
{
  if (flow == NULL)
    return;

  g_clear_pointer (&flow->group, g_ptr_array_unref);
  g_ptr_array_unref (flow->pending);
  g_array_unref (flow->placed);
  g_object_unref (flow->context);
  g_free (flow);
}

PangoContext *
handout_flow_get_context (HandoutFlow *flow)
{
  return flow->context;
}

static double
column_width (HandoutFlow *flow)
{
  if (flow->float_page == flow->page && flow->y < flow->float_bottom)
    return flow->width - flow->float_width - FLOAT_GAP;

  return flow->width;
}

static void
new_page (HandoutFlow *flow)
{
  flow->page++;
  flow->y = flow->top;
  flow->float_page = G_MAXUINT;
}

static PangoLayout *
make_layout (HandoutFlow *flow,
             const Op    *op,
             double       width)
{
  PangoLayout *layout = pango_layout_new (flow->context);
  PangoFontDescription *font = pango_font_description_from_string (op->style.font);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int)(MAX (width - op->style.indent, 40) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_indent (layout, (int)(-op->style.hang * PANGO_SCALE));
  pango_layout_set_markup (layout, op->markup, -1);
  pango_font_description_free (font);

  return layout;
}

/* The height of the first @max_lines lines of @layout (all of them for -1). */
static double
lines_height (PangoLayout *layout,
              int          first,
              int          max_lines)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int y0 = 0, y1 = 0, top = 0, line = 0;

  do
    {
      if (line >= first)
        {
          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          if (line == first)
            top = y0;
          if (max_lines >= 0 && line - first + 1 >= max_lines)
            break;
        }
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return (y1 - top) / (double)PANGO_SCALE;
}

/* How much of @op must sit on the page with the headings before it. */
static double
leading_height (HandoutFlow *flow,
                const Op    *op,
                int          max_lines)
{
  switch (op->kind)
    {
    case OP_TEXT:
      {
        g_autoptr(PangoLayout) layout = make_layout (flow, op, column_width (flow));

        return op->style.space_before + lines_height (layout, 0, max_lines);
      }
    case OP_BOX:
      return op->height;
    case OP_SPACE:
    default:
      return 0;
    }
}

static void
place_text (HandoutFlow *flow,
            const Op    *op)
{
  PangoLayout *layout = make_layout (flow, op, column_width (flow));
  int n = pango_layout_get_line_count (layout);
  double *y0 = g_newa (double, n);
  double *y1 = g_newa (double, n);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int start = 0;

  for (int i = 0; i < n; i++)
    {
      int a, b;

      pango_layout_iter_get_line_yrange (iter, &a, &b);
      y0[i] = a / (double)PANGO_SCALE;
      y1[i] = b / (double)PANGO_SCALE;
      pango_layout_iter_next_line (iter);
    }
  pango_layout_iter_free (iter);

  if (flow->y > flow->top)
    flow->y += op->style.space_before;

  while (start < n)
    {
      int end = start;
      Placed placed = { 0 };

      while (end < n && flow->y + (y1[end] - y0[start]) <= flow->bottom)
        end++;

      if (end == start)
        {
          if (flow->y > flow->top)
            {
              new_page (flow);
              continue;
            }
          end = start + 1;  /* a line taller than a page: cannot happen with these fonts */
        }
      else if (end < n && start == 0 && end == 1 && flow->y > flow->top)
        {
          /* No paragraph leaves its first line alone at the foot of a page … */
          new_page (flow);
          continue;
        }
      else if (end == n - 1 && end - start > 2)
        end--;  /* … nor its last line alone at the top of the next */

      placed.page = flow->page;
      placed.x = flow->left + op->style.indent;
      placed.y = flow->y;
      placed.height = y1[end - 1] - y0[start];
      placed.layout = g_object_ref (layout);
      placed.first_line = start;
      placed.n_lines = end - start;
      g_array_append_val (flow->placed, placed);

      flow->y += placed.height;
      start = end;
      if (start < n)
        new_page (flow);
    }

  flow->y += op->style.space_after;
  g_object_unref (layout);
}

static void
place_box (HandoutFlow *flow,
           const Op    *op)
{
  Placed placed = { 0 };

  if (flow->y + op->height > flow->bottom && flow->y > flow->top)
    new_page (flow);

  placed.page = flow->page;
  placed.y = flow->y;
  placed.width = op->width;
  placed.height = op->height;
  placed.draw = op->draw;
  placed.data = op->data;

  if (op->float_right)
    {
      placed.x = flow->left + flow->width - op->width;
      flow->float_page = flow->page;
      flow->float_bottom = flow->y + op->height;
      flow->float_width = op->width;
    }
  else
    {
      placed.x = flow->left + (flow->width - op->width) / 2;
      flow->y += op->height;
    }

  g_array_append_val (flow->placed, placed);
}

static void
place (HandoutFlow *flow,
       const Op    *op)
{
  if (op->kind == OP_TEXT)
    place_text (flow, op);
  else if (op->kind == OP_BOX)
    place_box (flow, op);
  else if (flow->y > flow->top)
    flow->y = MIN (flow->y + op->height, flow->bottom);
}

static void
flush_pending (HandoutFlow *flow)
{
  for (guint i = 0; i < flow->pending->len; i++)
    place (flow, g_ptr_array_index (flow->pending, i));
  g_ptr_array_set_size (flow->pending, 0);
}

/* Takes @op. Headings wait for the next thing, and go to a new page with it when the two
 * do not start on this one. */
static void
run (HandoutFlow *flow,
     Op          *op)
{
  if (op->kind == OP_TEXT && op->style.keep_with_next)
    {
      g_ptr_array_add (flow->pending, op);
      return;
    }

  if (flow->pending->len > 0)
    {
      double need = leading_height (flow, op, KEEP_LINES);

      for (guint i = 0; i < flow->pending->len; i++)
        need += leading_height (flow, g_ptr_array_index (flow->pending, i), -1);

      if (flow->y + need > flow->bottom && flow->y > flow->top)
        new_page (flow);
      flush_pending (flow);
    }

  place (flow, op);
  op_free (op);
}

static void
add (HandoutFlow *flow,
     Op          *op)
{
  if (flow->group != NULL)
    g_ptr_array_add (flow->group, op);
  else
    run (flow, op);
}

void
handout_flow_add_markup (HandoutFlow        *flow,
                         const char         *markup,
                         const HandoutStyle *style)
{
  Op *op = g_new0 (Op, 1);

  op->kind = OP_TEXT;
  op->markup = g_strdup (markup);
  op->style = *style;
  op->style.font = g_strdup (style->font);
  add (flow, op);
}

void
handout_flow_add_text (HandoutFlow        *flow,
                       const char         *text,
                       const HandoutStyle *style)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  handout_flow_add_markup (flow, markup, style);
}

void
handout_flow_add_box (HandoutFlow     *flow,
                      double           width,
                      double           height,
                      gboolean         float_right,
                      HandoutDrawFunc  draw,
                      gpointer         data)
{
  Op *op = g_new0 (Op, 1);

  op->kind = OP_BOX;
  op->width = MIN (width, flow->width);
  op->height = MIN (height, flow->bottom - flow->top);
  op->float_right = float_right;
  op->draw = draw;
  op->data = data;
  add (flow, op);
}

void
handout_flow_add_space (HandoutFlow *flow,
                        double       height)
{
  Op *op = g_new0 (Op, 1);

  op->kind = OP_SPACE;
  op->height = height;
  add (flow, op);
}

void
handout_flow_begin_group (HandoutFlow *flow)
{
  g_return_if_fail (flow->group == NULL);

  flow->group = g_ptr_array_new ();
}

void
handout_flow_end_group (HandoutFlow *flow)
{
  g_autoptr(GPtrArray) group = g_steal_pointer (&flow->group);
  double total = 0, floated = 0;

  g_return_if_fail (group != NULL);

  for (guint i = 0; i < group->len; i++)
    {
      Op *op = g_ptr_array_index (group, i);

      if (op->kind == OP_BOX && op->float_right)
        floated = MAX (floated, total + op->height);
      else
        total += leading_height (flow, op, -1) + (op->kind == OP_TEXT ? op->style.space_after : op->height * (op->kind == OP_SPACE));
    }
  total = MAX (total, floated);

  if (flow->y > flow->top && flow->y + total > flow->bottom && total <= (flow->bottom - flow->top) / 3)
    new_page (flow);

  for (guint i = 0; i < group->len; i++)
    run (flow, g_ptr_array_index (group, i));

  /* The next group starts below this one's picture. */
  flush_pending (flow);
  if (flow->float_page == flow->page)
    flow->y = MAX (flow->y, flow->float_bottom);
  flow->float_page = G_MAXUINT;
}

void
handout_flow_finish (HandoutFlow *flow)
{
  if (flow->group != NULL)
    handout_flow_end_group (flow);
  flush_pending (flow);
}

guint
handout_flow_get_n_pages (HandoutFlow *flow)
{
  return flow->page + 1;
}

double
handout_flow_get_bottom_on_page (HandoutFlow *flow,
                                 guint        page)
{
  double bottom = 0;

  for (guint i = 0; i < flow->placed->len; i++)
    {
      const Placed *placed = &g_array_index (flow->placed, Placed, i);

      if (placed->page == page)
        bottom = MAX (bottom, placed->y + placed->height);
    }

  return bottom;
}

static void
draw_lines (cairo_t      *cr,
            const Placed *placed)
{
  PangoLayoutIter *iter = pango_layout_get_iter (placed->layout);
  double top = 0;
  int line = 0;

  do
    {
      if (line >= placed->first_line)
        {
          PangoRectangle logical;
          int y0;

          pango_layout_iter_get_line_yrange (iter, &y0, NULL);
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          if (line == placed->first_line)
            top = y0 / (double)PANGO_SCALE;

          cairo_move_to (cr, placed->x + logical.x / (double)PANGO_SCALE,
                         placed->y + pango_layout_iter_get_baseline (iter) / (double)PANGO_SCALE - top);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      line++;
    }
  while (line < placed->first_line + placed->n_lines && pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

void
handout_flow_draw_page (HandoutFlow *flow,
                        cairo_t     *cr,
                        guint        page)
{
  for (guint i = 0; i < flow->placed->len; i++)
    {
      const Placed *placed = &g_array_index (flow->placed, Placed, i);

      if (placed->page != page)
        continue;

      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      if (placed->layout != NULL)
        draw_lines (cr, placed);
      else
        placed->draw (cr, placed->x, placed->y, placed->width, placed->height, placed->data);
      cairo_restore (cr);
    }
}

guint
handout_flow_get_n_placed (HandoutFlow *flow)
{
  return flow->placed->len;
}

void
handout_flow_get_placed (HandoutFlow *flow,
                         guint        position,
                         guint       *page,
                         double      *y,
                         double      *height,
                         int         *n_lines)
{
  const Placed *placed;

  g_return_if_fail (position < flow->placed->len);

  placed = &g_array_index (flow->placed, Placed, position);
  *page = placed->page;
  *y = placed->y;
  *height = placed->height;
  *n_lines = placed->layout ? placed->n_lines : 0;
}
