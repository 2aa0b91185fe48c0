/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One member of the JSON object `builder` is building, the way every JSON text of Furrow writes
 * it (the settlement JSON, furrow-cli --json: docs/architecture.md, The furrow-cli contract):
 * amounts in fen and counts as integers, areas and percentages as numbers, and a missing text as
 * null. */
void furrow_json_add_int    (JsonBuilder *builder,
                             const char  *name,
                             gint64       value);
void furrow_json_add_double (JsonBuilder *builder,
                             const char  *name,
                             double       value);
void furrow_json_add_string (JsonBuilder *builder,
                             const char  *name,
                             const char  *value);

G_END_DECLS
