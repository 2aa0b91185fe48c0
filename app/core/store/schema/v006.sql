-- SPDX-License-Identifier: GPL-3.0-or-later
-- Released: never edit this step; append a new one (docs/architecture.md, Migrations).
-- Version 6: a season's public-notice date (公示日期), ISO 8601 "2024-11-20", printed on its
-- statements; '' when not set.

ALTER TABLE seasons ADD COLUMN notice_date TEXT NOT NULL DEFAULT '';
