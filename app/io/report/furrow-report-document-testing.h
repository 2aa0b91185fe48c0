/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the tests only (tests/io/test-report-document.c): what a document is, read back. */

#include "furrow-report-document.h"

G_BEGIN_DECLS

FurrowReportDocumentKind furrow_report_document_get_kind      (FurrowReportDocument *self);
/* The design page in points: 595.3 × 841.9 (portrait) or 841.9 × 595.3 (landscape). */
void                     furrow_report_document_get_page_size (FurrowReportDocument *self,
                                                               double               *width_pt,
                                                               double               *height_pt);

G_END_DECLS
