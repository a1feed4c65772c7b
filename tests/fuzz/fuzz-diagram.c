/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: a figure's SVG, its regions read from bytes, then hit-tested. */

#include "config.h"

#include <string.h>

#include "dorsum-diagram.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DorsumDiagram) diagram = NULL;

  fuzz_init ();

  bytes = g_bytes_new (data, size);
  diagram = dorsum_diagram_new_from_bytes (bytes, NULL, "fuzz.svg", &error);

  if (diagram == NULL)
    {
      fuzz_assert (error != NULL);
      fuzz_assert (g_str_has_prefix (error->message, "fuzz.svg") || error->domain != DORSUM_DIAGRAM_ERROR);
      fuzz_assert (g_utf8_validate (error->message, -1, NULL));
      fuzz_assert (strlen (error->message) < 64 * 1024);
      return 0;
    }

  {
    double width = dorsum_diagram_get_width (diagram);
    double height = dorsum_diagram_get_height (diagram);
    const DorsumRegion *focus = NULL;

    fuzz_assert (width > 0 && width <= DORSUM_DIAGRAM_MAX_SIZE);
    fuzz_assert (height > 0 && height <= DORSUM_DIAGRAM_MAX_SIZE);

    /* A coarse sweep of hit-tests, inside and just outside the figure. */
    for (int i = -1; i <= 9; i++)
      for (int j = -1; j <= 9; j++)
        {
          const DorsumRegion *hit = dorsum_diagram_hit (diagram, width * i / 8, height * j / 8);

          fuzz_assert (hit == NULL || dorsum_region_contains (hit, width * i / 8, height * j / 8));
        }

    for (guint i = 0; i < dorsum_diagram_get_n_regions (diagram); i++)
      {
        const DorsumRegion *region = dorsum_diagram_get_region (diagram, i);

        fuzz_assert (dorsum_diagram_lookup (diagram, region->id) == region);
        fuzz_assert (dorsum_diagram_has_muscle (diagram, region->muscle));
        (void)dorsum_diagram_hit (diagram, region->centre.x, region->centre.y);
      }

    for (guint d = 0; d < 8; d++)
      focus = dorsum_diagram_nearest (diagram, focus, d % 4);
  }

  return 0;
}
