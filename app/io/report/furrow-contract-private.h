/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-contract.h"

G_BEGIN_DECLS

/* Shared by the files of FurrowContract: furrow-contract.c (what each household's contract
 * says, and its files) and furrow-contract-page.c (its pages: laid out and drawn with the
 * report's painter and table helpers, furrow-report-private.h). docs/domain.md §13: the contract
 * is designed on A4 portrait, in points; its content is a list of blocks (paragraphs, the rows
 * of the plots table, the signatures) measured once and laid out on pages, so a household with
 * many plots runs on to more pages. */
#define PAGE_W     FURROW_REPORT_A4_SHORT_PT
#define PAGE_H     FURROW_REPORT_A4_LONG_PT
#define N_COLUMNS  10
#define GROUP_CODE_LEN 14  /* FBFBM: county 6, township 3, village 3, group 2 (docs/domain.md §2) */

typedef enum
{
  BLOCK_TITLE,
  BLOCK_TEXT,
  BLOCK_HEADING,
  BLOCK_TABLE_HEADER,
  BLOCK_TABLE_ROW,
  BLOCK_TABLE_TOTAL,
  BLOCK_SIGNATURES,
} BlockKind;

typedef struct
{
  BlockKind  kind;
  char      *text;
  char     **cells;         /* table rows: N_COLUMNS strings */
  double     space_before;
  double     height;        /* measured, without space_before */
} Block;

typedef struct
{
  char      *code;
  char      *name;
  GPtrArray *blocks;        /* Block */
  guint      first_page;
  guint      n_pages;
} Contract;

typedef struct
{
  guint contract;
  guint first_block;
  guint n_blocks;
  guint page_in_contract;
} Page;

struct _FurrowContract
{
  char      *cooperative;
  char      *season_name;
  char      *title;
  char      *signing_date;
  char      *signing_place;
  GArray    *contracts;     /* Contract */
  GArray    *pages;         /* Page */
};

/* "______ year ____ month ____ day": a date to fill in by hand. */
char *_furrow_contract_blank_date (void);
/* Measures every contract's blocks and lays them out on pages (self->pages). */
void  _furrow_contract_paginate   (FurrowContract *self);

G_END_DECLS
