/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a keyboard user and a reader with low vision see, measured on the window as drawn:
 * every control Tab reaches shows that it has focus (the window drawn with it focused
 * differs around it from the window with nothing focused); every label's text stands out
 * from what is behind it by at least WCAG AA's 4.5:1, in the light and dark styles (and
 * high contrast, when the suite runs this test again with ADW_DEBUG_HIGH_CONTRAST=1); and
 * the chosen pain mark is outlined. With DORSUM_SHOT_DIR set, each style's pages are saved
 * as PNG files to look at. */

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "dorsum-application.h"
#include "dorsum-diagram-view.h"
#include "dorsum-entry-page.h"
#include "dorsum-figure.h"
#include "dorsum-window-private.h"
#include "test-common.h"
#include "test-gui-common.h"

#define AA_CONTRAST 4.5

static DorsumApplication *app;

typedef struct
{
  guchar *pixels;   /* B, G, R, A per pixel (CAIRO_FORMAT_ARGB32 on little-endian), opaque */
  int     width;
  int     height;
  gsize   stride;
} Picture;

static void
picture_clear (Picture *picture)
{
  g_clear_pointer (&picture->pixels, g_free);
}

static void let_it_draw (GtkWidget *toplevel);

/* @widget as drawn in the last frame: a widget keeps the render node of its last frame
 * until something changes it (a toplevel keeps none), so this waits for a frame with
 * nothing left to change. */
static Picture
draw_widget (GtkWidget *widget)
{
  graphene_rect_t viewport = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (gtk_widget_get_root (widget)));
  GdkRGBA background = { 1, 1, 1, 1 };
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  Picture picture;

  /* Made after the frame: a widget paintable keeps the image of the moment it is made. */
  for (guint i = 0; i < 20 && node == NULL; i++)
    {
      g_autoptr(GdkPaintable) paintable = NULL;
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      let_it_draw (GTK_WIDGET (gtk_widget_get_root (widget)));
      paintable = gtk_widget_paintable_new (widget);
      gdk_paintable_snapshot (paintable, snapshot, viewport.size.width, viewport.size.height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  g_assert_true (gtk_style_context_lookup_color (style, "window_bg_color", &background));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node, &viewport);

  picture.width = gdk_texture_get_width (texture);
  picture.height = gdk_texture_get_height (texture);
  picture.stride = (gsize)picture.width * 4;
  picture.pixels = g_malloc (picture.stride * picture.height);
  gdk_texture_download (texture, picture.pixels, picture.stride);

  /* What no widget paints is the window's own background: put it under the rest. */
  for (int y = 0; y < picture.height; y++)
    for (int x = 0; x < picture.width; x++)
      {
        guchar *p = picture.pixels + (gsize)y * picture.stride + (gsize)x * 4;
        guint back[3] = { (guint)(background.blue * 255), (guint)(background.green * 255), (guint)(background.red * 255) };

        for (guint c = 0; c < 3; c++)
          p[c] = (guchar)(p[c] + back[c] * (255 - p[3]) / 255);
        p[3] = 255;
      }

  return picture;
}

static inline const guchar *
pixel_at (const Picture *picture,
          int            x,
          int            y)
{
  return picture->pixels + (gsize)y * picture->stride + (gsize)x * 4;
}

/* @widget's box in @toplevel's coordinates, grown by @margin and cut to the picture. */
static gboolean
widget_box (GtkWidget             *widget,
            GtkWidget             *toplevel,
            const Picture         *picture,
            int                    margin,
            cairo_rectangle_int_t *box)
{
  graphene_rect_t bounds;
  int x0, y0, x1, y1;

  if (!gtk_widget_compute_bounds (widget, toplevel, &bounds))
    return FALSE;

  x0 = MAX (0, (int)floor (bounds.origin.x) - margin);
  y0 = MAX (0, (int)floor (bounds.origin.y) - margin);
  x1 = MIN (picture->width, (int)ceil (bounds.origin.x + bounds.size.width) + margin);
  y1 = MIN (picture->height, (int)ceil (bounds.origin.y + bounds.size.height) + margin);
  *box = (cairo_rectangle_int_t) { x0, y0, x1 - x0, y1 - y0 };

  return box->width > 0 && box->height > 0;
}

/* ---- Focus rings ----------------------------------------------------------------------- */

/* Pixels of @box that differ clearly between @a and @b. */
static guint
count_changed (const Picture               *a,
               const Picture               *b,
               const cairo_rectangle_int_t *box)
{
  guint changed = 0;

  for (int y = box->y; y < box->y + box->height; y++)
    for (int x = box->x; x < box->x + box->width; x++)
      {
        const guchar *p = pixel_at (a, x, y), *q = pixel_at (b, x, y);

        if (ABS (p[0] - q[0]) + ABS (p[1] - q[1]) + ABS (p[2] - q[2]) > 60)
          changed++;
      }

  return changed;
}

static void
painted_cb (GdkFrameClock *clock,
            gpointer       data)
{
  *(gboolean *)data = TRUE;
}

static gboolean
is_true (gconstpointer data)
{
  return *(const gboolean *)data;
}

/* Runs the main loop until @toplevel has painted a frame with what changed. */
static void
let_it_draw (GtkWidget *toplevel)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (toplevel);
  gboolean painted = FALSE;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);

  settle ();
  gtk_widget_queue_draw (toplevel);
  g_assert_true (wait_for (is_true, &painted, 5));
  g_signal_handler_disconnect (clock, id);
  settle ();
}

static char *
describe (GtkWidget *widget)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  const char *action = GTK_IS_ACTIONABLE (widget) ? gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)) : NULL;

  GtkWidget *owner = gtk_widget_get_parent (widget);

  /* Where it is: the nearest of our own widgets or a named one around it. */
  while (owner != NULL && !g_str_has_prefix (G_OBJECT_TYPE_NAME (owner), "Dorsum"))
    owner = gtk_widget_get_parent (owner);

  return g_strdup_printf ("%s%s%s%s %s in %s", G_OBJECT_TYPE_NAME (widget),
                          tooltip ? " “" : "", tooltip ? tooltip : "", tooltip ? "”" : "",
                          action ? action : "", owner ? G_OBJECT_TYPE_NAME (owner) : "the window");
}

/* Presses Tab through @window from its first control until focus comes back round; each
 * control focused (focus-visible, as after a key press) must draw differently from the
 * window with nothing focused, within 4 px of it. Returns how many controls were checked; adds what showed no ring to @missing. */
static guint
tab_through (DorsumWindow *window,
             GPtrArray    *missing,
             guint        *page_stops,
             guint        *list_stops)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  GtkWidget *toplevel = GTK_WIDGET (window);
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  guint checked = 0;

  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  gtk_widget_grab_focus (dorsum_sidebar_get_search_entry (window->library_list));
  let_it_draw (toplevel);

  for (guint step = 0; step < 300; step++)
    {
      GtkWidget *focus;
      Picture ringed, unringed, plain;
      cairo_rectangle_int_t box;

      /* What Tab does: GtkWindow binds it to move-focus. */
      g_signal_emit_by_name (window, "move-focus", GTK_DIR_TAB_FORWARD);
      let_it_draw (toplevel);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus == NULL || g_ptr_array_find (seen, focus, NULL))
        {
          if (g_test_verbose ())
            g_printerr ("back round at %s\n", focus ? describe (focus) : "nothing");
          break;
        }
      g_ptr_array_add (seen, focus);
      if (gtk_widget_get_ancestor (focus, DORSUM_TYPE_ENTRY_PAGE) != NULL)
        (*page_stops)++;
      if (gtk_widget_get_ancestor (focus, DORSUM_TYPE_SIDEBAR) != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_VIEW) != NULL)
        (*list_stops)++;

      /* Against the same window without focus-visible (a button's ring), and with nothing
       * focused (an entry's, which shows whenever it has focus). */
      ringed = draw_widget (content);
      gtk_window_set_focus_visible (GTK_WINDOW (window), FALSE);
      unringed = draw_widget (content);
      gtk_window_set_focus (GTK_WINDOW (window), NULL);
      plain = draw_widget (content);
      gtk_widget_grab_focus (focus);
      gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);

      if (widget_box (focus, content, &ringed, 4, &box))
        {
          guint changed = MAX (count_changed (&ringed, &unringed, &box), count_changed (&ringed, &plain, &box));

          checked++;
          /* A ring goes round the control: at least a line's worth of its width. */
          if (changed < (guint)MIN (box.width, 40))
            g_ptr_array_add (missing, g_strdup_printf ("%s (%u pixels changed)", describe (focus), changed));
          else if (g_test_verbose ())
            g_printerr ("ring: %s, %u pixels\n", describe (focus), changed);
        }

      picture_clear (&ringed);
      picture_clear (&unringed);
      picture_clear (&plain);
    }

  return checked;
}

static void
test_focus_rings (void)
{
  DorsumWindow *window = test_new_window (app, 1280, 800);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  guint checked, page_stops = 0, list_stops = 0;

  /* The atlas with a muscle's page: links, the figure, the layer and zoom buttons. */
  g_assert_true (dorsum_window_show_entry (window, "quadratus-lumborum"));
  settle ();
  shoot_toplevel (GTK_WIDGET (window), "focus-muscle-page");
  checked = tab_through (window, missing, &page_stops, &list_stops);
  /* Tab reaches the page's links and the sidebar's rows (not the scrolled window around
   * them, and not stopped by a paragraph that cannot take focus). */
  g_assert_cmpuint (page_stops, >=, 5);
  g_assert_cmpuint (list_stops, >=, 1);

  /* The pain chart: its marks list and buttons. */
  gtk_widget_activate_action (GTK_WIDGET (window), "diagram.chart-mode", NULL);
  settle ();
  checked += tab_through (window, missing, &page_stops, &list_stops);

  g_test_message ("%u focus stops checked", checked);
  if (g_test_verbose ())
    g_printerr ("%u focus stops checked\n", checked);
  g_assert_cmpuint (checked, >=, 25);
  for (guint i = 0; i < missing->len; i++)
    g_printerr ("no focus ring: %s\n", (char *)g_ptr_array_index (missing, i));
  g_assert_cmpuint (missing->len, ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "diagram.chart-mode", NULL);
  dorsum_chart_set_modified (dorsum_window_get_chart (window), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

/* ---- Contrast ---------------------------------------------------------------------------- */

static double
luminance (const guchar *bgra)
{
  double c[3];

  for (guint i = 0; i < 3; i++)
    {
      double v = bgra[2 - i] / 255.0;

      c[i] = v <= 0.04045 ? v / 12.92 : pow ((v + 0.055) / 1.055, 2.4);
    }

  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

static double
contrast (double a,
          double b)
{
  return (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);
}

/* The contrast of the text drawn in @box: its background is the colour most of the box
 * has; its ink, the pixel that differs most from that. Antialiasing only lowers what is
 * measured, so this is what the eye gets at best from the stems of the letters. */
static double
measure_text (const Picture               *picture,
              const cairo_rectangle_int_t *box)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  guint32 background = 0;
  guint best_count = 0;
  double back_lum, best = 1.0;

  for (int y = box->y; y < box->y + box->height; y++)
    for (int x = box->x; x < box->x + box->width; x++)
      {
        guint32 key = 0;
        guint count;

        memcpy (&key, pixel_at (picture, x, y), 3);
        count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (key + 1))) + 1;
        g_hash_table_insert (counts, GUINT_TO_POINTER (key + 1), GUINT_TO_POINTER (count));
        if (count > best_count)
          {
            best_count = count;
            background = key;
          }
      }

  back_lum = luminance ((const guchar *)&background);
  for (int y = box->y; y < box->y + box->height; y++)
    for (int x = box->x; x < box->x + box->width; x++)
      best = MAX (best, contrast (back_lum, luminance (pixel_at (picture, x, y))));

  return best;
}

static gboolean
is_secondary (GtkWidget *label)
{
  for (GtkWidget *w = label; w != NULL; w = gtk_widget_get_parent (w))
    if (gtk_widget_has_css_class (w, "dim-label") || gtk_widget_has_css_class (w, "secondary-text") ||
        gtk_widget_has_css_class (w, "caption") || gtk_widget_get_opacity (w) < 1.0)
      return TRUE;

  return FALSE;
}

/* Whether @label shows text a reader needs: drawn, not greyed out as unavailable (WCAG
 * leaves inactive controls out), not a placeholder in an empty field, and on screen. */
static gboolean
is_readable_text (GtkWidget *label,
                  GtkWidget *toplevel)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));
  graphene_rect_t bounds;

  if (text == NULL || g_utf8_strlen (text, -1) < 2 || !gtk_widget_is_drawable (label) ||
      !gtk_widget_is_sensitive (label) || gtk_widget_get_ancestor (label, GTK_TYPE_TEXT) != NULL)
    return FALSE;

  if (!gtk_widget_compute_bounds (label, toplevel, &bounds) || bounds.size.width < 4 || bounds.size.height < 6)
    return FALSE;

  /* Scrolled out of its viewport: not drawn where its box says. */
  for (GtkWidget *w = gtk_widget_get_parent (label); w != NULL && w != toplevel; w = gtk_widget_get_parent (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      {
        graphene_rect_t view;

        if (!gtk_widget_compute_bounds (w, toplevel, &view) || !graphene_rect_contains_rect (&view, &bounds))
          return FALSE;
      }

  return TRUE;
}

typedef struct
{
  double  body_min;
  double  secondary_min;
  guint   n_body;
  guint   n_secondary;
  GString *low;
} Contrasts;

static void
measure_labels (GtkWidget     *widget,
                GtkWidget     *toplevel,
                const Picture *picture,
                Contrasts     *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      cairo_rectangle_int_t box;

      if (!gtk_widget_get_visible (child) || !gtk_widget_get_child_visible (child))
        continue;

      if (GTK_IS_LABEL (child) && is_readable_text (child, toplevel) && widget_box (child, toplevel, picture, 0, &box))
        {
          double ratio = measure_text (picture, &box);
          gboolean secondary = is_secondary (child);

          if (secondary)
            {
              out->secondary_min = MIN (out->secondary_min, ratio);
              out->n_secondary++;
            }
          else
            {
              out->body_min = MIN (out->body_min, ratio);
              out->n_body++;
            }
          if (ratio < AA_CONTRAST)
            g_string_append_printf (out->low, "  %.2f:1 %s “%.40s”\n", ratio, secondary ? "secondary" : "body",
                                    gtk_label_get_text (GTK_LABEL (child)));
        }

      measure_labels (child, toplevel, picture, out);
    }
}

static void
check_contrast (DorsumWindow *window,
                const char   *style,
                const char   *what,
                Contrasts    *all)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  g_autofree char *name = g_strdup_printf ("contrast-%s-%s", style, what);
  Picture picture;

  let_it_draw (GTK_WIDGET (window));
  picture = draw_widget (content);
  measure_labels (content, content, &picture, all);
  picture_clear (&picture);
  shoot_toplevel (GTK_WIDGET (window), name);
}

static void
check_style (const char *style)
{
  DorsumWindow *window = test_new_window (app, 1280, 800);
  Contrasts all = { G_MAXDOUBLE, G_MAXDOUBLE, 0, 0, g_string_new (NULL) };
  GtkWidget *search = dorsum_sidebar_get_search_entry (window->library_list);

  /* A muscle page: Latin name, "Also called", "Refers pain:", the list's subtitles. */
  g_assert_true (dorsum_window_show_entry (window, "quadratus-lumborum"));
  check_contrast (window, style, "muscle", &all);
  /* A technique with its cautions; a search with its reasons. */
  g_assert_true (dorsum_window_show_entry (window, "trigger-point-therapy"));
  gtk_editable_set_text (GTK_EDITABLE (search), "hip pain");
  check_contrast (window, style, "technique-search", &all);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  /* The pain chart with its instructions, then with three marks, the second chosen. */
  gtk_widget_activate_action (GTK_WIDGET (window), "diagram.chart-mode", NULL);
  check_contrast (window, style, "chart", &all);
  for (guint i = 0; i < 3; i++)
    {
      DorsumMark mark = { 330 + 60 * i, 700 + 40 * i, 22, 3 + 3 * i, DORSUM_QUALITY_ACHING, NULL,
                          g_intern_string (DORSUM_FIGURE_POSTERIOR) };

      dorsum_chart_add_mark (dorsum_window_get_chart (window), &mark);
    }
  dorsum_diagram_view_select_mark (dorsum_window_get_diagram_view (window), 1);
  check_contrast (window, style, "chart-marks", &all);
  gtk_widget_activate_action (GTK_WIDGET (window), "diagram.chart-mode", NULL);
  /* The Study page. */
  dorsum_window_show_study (window);
  check_contrast (window, style, "study", &all);

  g_test_message ("%s: body text at least %.2f:1 (%u labels), secondary text at least %.2f:1 (%u labels)",
                  style, all.body_min, all.n_body, all.secondary_min, all.n_secondary);
  g_printerr ("%s style: body text at least %.2f:1 over %u labels, secondary text at least %.2f:1 over %u labels\n",
              style, all.body_min, all.n_body, all.secondary_min, all.n_secondary);
  if (all.low->len > 0)
    g_printerr ("below %.1f:1 in the %s style:\n%s", AA_CONTRAST, style, all.low->str);

  g_assert_cmpuint (all.n_body, >=, 20);
  g_assert_cmpuint (all.n_secondary, >=, 5);
  g_assert_cmpfloat (all.body_min, >=, AA_CONTRAST);
  g_assert_cmpfloat (all.secondary_min, >=, AA_CONTRAST);
  /* With high contrast, nothing is dimmed: secondary text as strong as body text (AAA). */
  if (g_str_has_prefix (style, "high-contrast"))
    g_assert_cmpfloat (all.secondary_min, >=, 7.0);

  g_string_free (all.low, TRUE);
  dorsum_chart_set_modified (dorsum_window_get_chart (window), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

static void
test_contrast (void)
{
  AdwStyleManager *styles = adw_style_manager_get_default ();
  gboolean high = adw_style_manager_get_high_contrast (styles);

  adw_style_manager_set_color_scheme (styles, ADW_COLOR_SCHEME_FORCE_LIGHT);
  check_style (high ? "high-contrast-light" : "light");
  adw_style_manager_set_color_scheme (styles, ADW_COLOR_SCHEME_FORCE_DARK);
  check_style (high ? "high-contrast-dark" : "dark");
  adw_style_manager_set_color_scheme (styles, ADW_COLOR_SCHEME_DEFAULT);
}

/* The chosen mark is outlined on the figure: the pixels round it change when it is chosen,
 * and go back when the choice goes (the outline is an overlay of its own, drawn only there). */
static void
test_chosen_mark (void)
{
  DorsumWindow *window = test_new_window (app, 1280, 800);
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  DorsumDiagramView *view = dorsum_window_get_diagram_view (window);
  DorsumMark mark = { 400, 700, 30, 6, DORSUM_QUALITY_ACHING, NULL, g_intern_string (DORSUM_FIGURE_POSTERIOR) };
  Picture plain, chosen, again;
  graphene_point_t at;
  cairo_rectangle_int_t box;
  double x, y;

  gtk_widget_activate_action (GTK_WIDGET (window), "diagram.chart-mode", NULL);
  dorsum_chart_add_mark (dorsum_window_get_chart (window), &mark);
  dorsum_diagram_view_select_mark (view, -1);
  plain = draw_widget (content);
  dorsum_diagram_view_select_mark (view, 0);
  chosen = draw_widget (content);
  dorsum_diagram_view_select_mark (view, -1);
  again = draw_widget (content);

  dorsum_diagram_view_diagram_to_widget (view, mark.x, mark.y, &x, &y);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (view), content, &GRAPHENE_POINT_INIT ((float)x, (float)y), &at));
  box = (cairo_rectangle_int_t) { (int)at.x - 30, (int)at.y - 30, 60, 60 };
  g_assert_cmpuint (count_changed (&plain, &chosen, &box), >=, 20);
  g_assert_cmpuint (count_changed (&plain, &again, &box), ==, 0);

  picture_clear (&plain);
  picture_clear (&chosen);
  picture_clear (&again);
  gtk_widget_activate_action (GTK_WIDGET (window), "diagram.chart-mode", NULL);
  dorsum_chart_set_modified (dorsum_window_get_chart (window), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

int
main (int    argc,
      char **argv)
{
  if (!test_have_display (argc, argv))
    return test_skip_no_display (argc, argv);

  test_gui_init (&argc, &argv);
  adw_init ();
  /* Focus rings fade in over 200 ms: without animations a frame shows the end state. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, "gtk-cursor-blink", FALSE, NULL);

  app = dorsum_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/visible/focus-rings", test_focus_rings);
  g_test_add_func ("/visible/contrast", test_contrast);
  g_test_add_func ("/visible/chosen-mark", test_chosen_mark);

  return g_test_run ();
}
