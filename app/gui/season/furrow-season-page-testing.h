/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the GUI tests only: what a season page shows that no widget holds. */

#include "furrow-season-page.h"

G_BEGIN_DECLS

/* The last message the page showed in a toast (a refusal …), or NULL. */
const char *furrow_season_page_get_last_message (FurrowSeasonPage *self);

G_END_DECLS
