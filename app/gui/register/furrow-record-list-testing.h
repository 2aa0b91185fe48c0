/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the GUI tests only, which count and read the rows a register list shows. */

#include "furrow-record-list.h"

G_BEGIN_DECLS

/* The rows shown, filtered and sorted (transfer none). */
GListModel *furrow_record_list_get_shown (FurrowRecordList *self);

G_END_DECLS
