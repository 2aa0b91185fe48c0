/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-database.h"
#include "furrow-season.h"
#include "furrow-store.h"

G_BEGIN_DECLS

/* Store internals shared by the furrow-store*.c files, the object classes and the tests. */

/* Setters of read-only properties, for the store. */
void         _furrow_field_set_id                 (FurrowField     *self,
                                                   gint64           id);
void         _furrow_field_set_registered_area_m2 (FurrowField     *self,
                                                   double           area_m2);
void         _furrow_household_set_id             (FurrowHousehold *self,
                                                   gint64           id);
void         _furrow_parcel_set_id                (FurrowParcel    *self,
                                                   gint64           id);
void         _furrow_season_set_id                (FurrowSeason    *self,
                                                   gint64           id);
void         _furrow_season_set_state             (FurrowSeason    *self,
                                                   FurrowSeasonState state);

/* furrow-store.c for the other furrow-store*.c files: one operation's transaction or savepoint
 * (op_end rolls back when !ok and returns FALSE then), an audit_log row. */
gboolean     _furrow_store_op_begin               (FurrowStore     *self,
                                                   GError         **error);
gboolean     _furrow_store_op_end                 (FurrowStore     *self,
                                                   gboolean         ok,
                                                   GError         **error);
void         _furrow_store_emit_yield_presets_changed (FurrowStore *self);
/* The change signals (furrow-store.h): call them after the commit, once the models are in step.
 * type is FURROW_TYPE_FIELD, FURROW_TYPE_HOUSEHOLD or FURROW_TYPE_PARCEL. */
void         _furrow_store_emit_record_changed    (FurrowStore        *self,
                                                   GType               type,
                                                   GObject            *object,
                                                   FurrowRecordChange  change);
void         _furrow_store_emit_season_changed    (FurrowStore        *self,
                                                   FurrowSeason       *season,
                                                   FurrowSeasonChange  what);
void         _furrow_store_emit_settlement_changed (FurrowStore       *self,
                                                   FurrowSeason      *season);
gboolean     _furrow_store_audit                  (FurrowStore     *self,
                                                   const char      *action,
                                                   const char      *object,
                                                   const char      *detail,
                                                   GError         **error);
/* The statement layer under the store (furrow-database.h): what the store's files use. */
FurrowDatabase *_furrow_store_get_database        (FurrowStore     *self);

/* furrow-store-season.c for furrow-store.c: after a commit (committed) or a rollback, bring the
 * seasons model in step with the file; after furrow_store_reload(), re-read it. */
void         _furrow_store_seasons_sync           (FurrowStore     *self,
                                                   gboolean         committed);
void         _furrow_store_seasons_reload         (FurrowStore     *self);

/* Tests: a new file migrated only up to schema `version` (1 … FURROW_STORE_SCHEMA_VERSION). */
FurrowStore *_furrow_store_create_at_version      (const char      *path,
                                                   int              version,
                                                   GError         **error);
/* Tests: overwrite furrow_meta.schema_version. */
gboolean     _furrow_store_set_schema_version     (FurrowStore     *self,
                                                   int              version,
                                                   GError         **error);
/* Tests: the GeoPackage header values. */
void         _furrow_store_get_header             (FurrowStore     *self,
                                                   gint32          *application_id,
                                                   gint32          *user_version);
gboolean     _furrow_store_has_index              (FurrowStore     *self,
                                                   const char      *name);
/* Tests: the bounding box gpkg_contents holds for a feature table (FALSE when unset). */
gboolean     _furrow_store_get_contents_extent    (FurrowStore     *self,
                                                   const char      *table,
                                                   double          *min_x,
                                                   double          *min_y,
                                                   double          *max_x,
                                                   double          *max_y);
/* Tests: the audit_log rows about one object ("parcel:DKBM"), oldest first, as
 * "action|detail" strings. */
GStrv        _furrow_store_get_audit              (FurrowStore     *self,
                                                   const char      *object);

G_END_DECLS

