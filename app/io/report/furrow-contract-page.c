/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowContract's pages: its blocks measured, laid out and drawn (furrow-contract-private.h). */
#include "config.h"

#include "furrow-contract-private.h"
#include "furrow-report-private.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#define MARGIN     46.0
#define CONTENT_W  (PAGE_W - 2 * MARGIN)
#define BOTTOM     (PAGE_H - MARGIN - 16.0)   /* above the page number */
#define TEXT_PT    9.0
#define TABLE_PT   7.5
#define ROW_H      17.0
#define SIGN_H     128.0

static const double widths[N_COLUMNS] = {
  24.0, 56.0, 42.0, 28.0, 26.0, 92.0, 52.0, 44.0, 86.0, CONTENT_W - 450.0,
};

/* ------------------------------------------------------------------------------------------ */
/* Layout                                                                                     */

static double
measure_block (FurrowReportPainter *painter,
               const Block         *block)
{
  switch (block->kind)
    {
    case BLOCK_TITLE:
      return furrow_report_text_height (painter, block->text, CONTENT_W,
                                        furrow_report_fit_size (painter, block->text, CONTENT_W,
                                                                16.0, TRUE), TRUE) + 2.0;
    case BLOCK_HEADING:
      return furrow_report_text_height (painter, block->text, CONTENT_W, TEXT_PT + 0.5, TRUE);
    case BLOCK_TEXT:
      return furrow_report_text_height (painter, block->text, CONTENT_W, TEXT_PT, FALSE);
    case BLOCK_TABLE_HEADER:
      return ROW_H + 4.0;
    case BLOCK_TABLE_ROW:
    case BLOCK_TABLE_TOTAL:
      return ROW_H;
    case BLOCK_SIGNATURES:
    default:
      return SIGN_H;
    }
}

void
_furrow_contract_paginate (FurrowContract *self)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (NULL, PAGE_W, PAGE_H);
  cairo_t *cr = cairo_create (surface);
  FurrowReportPainter painter = { NULL, };

  furrow_report_painter_begin (&painter, cr, PAGE_W, PAGE_H, PAGE_W, PAGE_H);
  for (guint c = 0; c < self->contracts->len; c++)
    {
      Contract *contract = &g_array_index (self->contracts, Contract, c);
      Page page = { c, 0, 0, 0 };
      double y = MARGIN;

      contract->first_page = self->pages->len;
      for (guint b = 0; b < contract->blocks->len; b++)
        {
          Block *block = contract->blocks->pdata[b];

          block->height = measure_block (&painter, block);
        }
      for (guint b = 0; b < contract->blocks->len; b++)
        {
          Block *block = contract->blocks->pdata[b];
          double need = block->space_before + block->height;

          /* A heading, the table's header or the line before the table is not left alone at
           * the foot of a page: it needs room for the block after it too. */
          if (b + 1 < contract->blocks->len
              && (block->kind == BLOCK_HEADING || block->kind == BLOCK_TABLE_HEADER
                  || ((Block *) contract->blocks->pdata[b + 1])->kind == BLOCK_TABLE_HEADER))
            {
              Block *next = contract->blocks->pdata[b + 1];

              need += next->space_before + next->height;
              if (next->kind == BLOCK_TABLE_HEADER)
                need += ROW_H;
            }
          if (page.n_blocks > 0 && y + need > BOTTOM)
            {
              g_array_append_val (self->pages, page);
              page = (Page) { c, b, 0, page.page_in_contract + 1 };
              y = MARGIN;
            }
          y += (page.n_blocks > 0 ? block->space_before : 0.0) + block->height;
          page.n_blocks++;
        }
      g_array_append_val (self->pages, page);
      contract->n_pages = self->pages->len - contract->first_page;
    }
  furrow_report_painter_end (&painter);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
}

/* ------------------------------------------------------------------------------------------ */
/* Drawing                                                                                    */

#define column_x(column) furrow_report_column_x (MARGIN, widths, (column))

static void
draw_row (FurrowReportPainter *painter,
          const Block         *block,
          double               y)
{
  cairo_t *cr = painter->cr;
  gboolean header = block->kind == BLOCK_TABLE_HEADER;
  gboolean total = block->kind == BLOCK_TABLE_TOTAL;
  double height = block->height;

  if (header || total)
    furrow_report_fill_rect (cr, MARGIN, y, CONTENT_W, height, header ? 0.90 : 0.94);
  furrow_report_set_gray (cr, 0.35);
  furrow_report_line (cr, MARGIN, y, PAGE_W - MARGIN, y, header ? 0.9 : 0.4);
  /* The total's figure in the area column only. */
  furrow_report_row_rules (cr, MARGIN, widths, N_COLUMNS, y, height, total ? 0.9 : 0.4,
                           total ? 7 : 0, 8);
  furrow_report_set_gray (cr, 0.0);
  if (total)
    {
      furrow_report_cell_text (painter, block->cells[0], MARGIN, y, column_x (7) - MARGIN,
                               height, TABLE_PT, TRUE, FURROW_REPORT_ALIGN_CENTER);
      furrow_report_cell_text (painter, block->cells[7], column_x (7), y, widths[7], height,
                               TABLE_PT, TRUE, FURROW_REPORT_ALIGN_RIGHT);
      return;
    }
  for (guint c = 0; c < N_COLUMNS; c++)
    furrow_report_cell_text (painter, block->cells[c], column_x (c), y, widths[c], height,
                             TABLE_PT, header,
                             header || c <= 4 ? FURROW_REPORT_ALIGN_CENTER
                             : c == 7 ? FURROW_REPORT_ALIGN_RIGHT : FURROW_REPORT_ALIGN_LEFT);
}

static void
draw_signatures (FurrowContract      *self,
                 FurrowReportPainter *painter,
                 double               y)
{
  g_autofree char *date = self->signing_date != NULL
                          ? furrow_report_format_date (self->signing_date)
                          : _furrow_contract_blank_date ();
  g_autofree char *place_line = NULL;
  g_autofree char *date_line = NULL;
  double half = CONTENT_W / 2.0;

  furrow_report_set_gray (painter->cr, 0.0);
  furrow_report_text (painter, _("Party A (signature and thumbprint):"), MARGIN, y, half - 10.0,
                      TEXT_PT, TRUE, FURROW_REPORT_ALIGN_LEFT);
  furrow_report_text (painter, _("Party B (seal):"), MARGIN + half, y, half, TEXT_PT, TRUE,
                      FURROW_REPORT_ALIGN_LEFT);
  furrow_report_text (painter, _("Legal representative or agent (signature):"), MARGIN + half,
                      y + 50.0, half, TEXT_PT, FALSE, FURROW_REPORT_ALIGN_LEFT);
  /* A box to sign and press a thumb in. */
  furrow_report_set_gray (painter->cr, 0.5);
  cairo_rectangle (painter->cr, MARGIN, y + 18.0, 150.0, 64.0);
  cairo_set_line_width (painter->cr, 0.6);
  cairo_stroke (painter->cr);
  furrow_report_set_gray (painter->cr, 0.0);
  /* Translators: where the contract is signed; %s is the place or a line to fill in */
  place_line = g_strdup_printf (_("Signed at: %s"),
                                self->signing_place != NULL ? self->signing_place
                                                            : "________________________");
  /* Translators: when the contract is signed */
  date_line = g_strdup_printf (_("Signed on: %s"), date);
  furrow_report_text (painter, place_line, MARGIN, y + 92.0, CONTENT_W, TEXT_PT, FALSE,
                      FURROW_REPORT_ALIGN_LEFT);
  furrow_report_text (painter, date_line, MARGIN, y + 110.0, CONTENT_W, TEXT_PT, FALSE,
                      FURROW_REPORT_ALIGN_LEFT);
}

void
furrow_contract_draw_page (FurrowContract *self,
                           cairo_t        *cr,
                           guint           page_index,
                           double          width_pt,
                           double          height_pt)
{
  FurrowReportPainter painter = { NULL, };
  const Page *page;
  const Contract *contract;
  g_autofree char *footer = NULL;
  double y = MARGIN;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page_index < self->pages->len);

  page = &g_array_index (self->pages, Page, page_index);
  contract = &g_array_index (self->contracts, Contract, page->contract);
  furrow_report_painter_begin (&painter, cr, PAGE_W, PAGE_H, width_pt, height_pt);
  furrow_report_set_gray (cr, 0.0);

  for (guint b = page->first_block; b < page->first_block + page->n_blocks; b++)
    {
      const Block *block = contract->blocks->pdata[b];

      if (b > page->first_block)
        y += block->space_before;
      switch (block->kind)
        {
        case BLOCK_TITLE:
          furrow_report_text (&painter, block->text, MARGIN, y, CONTENT_W,
                              furrow_report_fit_size (&painter, block->text, CONTENT_W, 16.0,
                                                      TRUE), TRUE, FURROW_REPORT_ALIGN_CENTER);
          break;
        case BLOCK_HEADING:
          furrow_report_text (&painter, block->text, MARGIN, y, CONTENT_W, TEXT_PT + 0.5, TRUE,
                              FURROW_REPORT_ALIGN_LEFT);
          break;
        case BLOCK_TEXT:
          furrow_report_text (&painter, block->text, MARGIN, y, CONTENT_W, TEXT_PT, FALSE,
                              b == 1 ? FURROW_REPORT_ALIGN_CENTER : FURROW_REPORT_ALIGN_LEFT);
          break;
        case BLOCK_TABLE_HEADER:
        case BLOCK_TABLE_ROW:
        case BLOCK_TABLE_TOTAL:
          draw_row (&painter, block, y);
          break;
        case BLOCK_SIGNATURES:
        default:
          draw_signatures (self, &painter, y);
          break;
        }
      y += block->height;
    }

  /* Translators: a contract's page footer: the household code, the page and the pages */
  footer = g_strdup_printf (_("Contract %s · page %u of %u"), contract->code,
                            page->page_in_contract + 1, contract->n_pages);
  furrow_report_set_gray (cr, 0.3);
  furrow_report_text (&painter, footer, MARGIN, PAGE_H - MARGIN, CONTENT_W, 8.0, FALSE,
                      FURROW_REPORT_ALIGN_CENTER);
  furrow_report_painter_end (&painter);
}
