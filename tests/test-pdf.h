/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reads a PDF back through poppler-glib: newer cairo (1.18, Debian 13 and the GNOME runtime)
 * writes the page tree into compressed object streams, so its bytes say nothing readable. */
#pragma once

#include <glib.h>

#ifdef TEST_HAVE_POPPLER
#include <poppler.h>

/* The number of pages of the PDF at path, and the size of its first page in points. */
static inline int
test_pdf_get_n_pages (const char *path,
                      double     *width,
                      double     *height)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *document;
  PopplerPage *page;
  int n_pages;

  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  n_pages = poppler_document_get_n_pages (document);
  g_assert_cmpint (n_pages, >, 0);
  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, width, height);
  g_object_unref (page);
  g_object_unref (document);

  return n_pages;
}
#else
/* Without poppler-glib (the GNOME runtime has none) the pages are not read back: -1. */
static inline int
test_pdf_get_n_pages (const char *path,
                      double     *width,
                      double     *height)
{
  return -1;
}
#endif

/* Asserts the first page of the PDF at path is width × height points (where it can be read). */
static inline void
test_pdf_assert_page_size (const char *path,
                           double      width,
                           double      height)
{
  double w = 0, h = 0;

  if (test_pdf_get_n_pages (path, &w, &h) < 0)
    return;
  g_assert_cmpfloat_with_epsilon (w, width, 0.01);
  g_assert_cmpfloat_with_epsilon (h, height, 0.01);
}
