-- SPDX-License-Identifier: GPL-3.0-or-later
-- Released: never edit this step; append a new one (docs/architecture.md, Migrations).
-- Version 10: nothing changes in a file. The step is its server twin's (schema/pg/v010.sql:
-- change notifications that read the id column instead of the whole row), and a file takes the
-- number too, so that a file and a cooperative on a server at the same Furrow share one schema
-- version (publish and checkout copy only between equal versions).

