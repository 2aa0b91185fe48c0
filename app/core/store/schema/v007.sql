-- SPDX-License-Identifier: GPL-3.0-or-later
-- Released: never edit this step; append a new one (docs/architecture.md, Migrations).
-- Version 7: a household's payee account (开户行, 开户网点, 账号, 户名 when not the head;
-- personal data) and each household's payment status in a settled season (unpaid when it has
-- no row: sent, paid, failed with its reason, reissued); docs/domain.md, "Bank accounts".

ALTER TABLE households ADD COLUMN bank TEXT;
ALTER TABLE households ADD COLUMN bank_branch TEXT;
ALTER TABLE households ADD COLUMN account_number TEXT;
ALTER TABLE households ADD COLUMN account_holder TEXT;

CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  season_id INTEGER NOT NULL REFERENCES seasons (id) ON DELETE CASCADE,
  household_id INTEGER NOT NULL REFERENCES households (id) ON DELETE RESTRICT,
  status TEXT NOT NULL CHECK (status IN ('unpaid', 'sent', 'paid', 'failed', 'reissued')),
  reason TEXT NOT NULL DEFAULT '',
  changed TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  UNIQUE (season_id, household_id)
);
CREATE INDEX payments_household ON payments (household_id);
