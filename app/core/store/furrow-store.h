/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "furrow-field.h"
#include "furrow-household.h"
#include "furrow-parcel.h"

G_BEGIN_DECLS

/* The project store: one file per cooperative, an OGC GeoPackage 1.3 (SQLite) that QGIS and
 * `ogrinfo` open directly (layers `fields` and `parcels`, MULTIPOLYGON, EPSG:4326; households as
 * an attributes table). docs/architecture.md has the data model.
 *
 * - Furrow's own schema version lives in `furrow_meta` (GeoPackage owns application_id and
 *   user_version). Opening an older file migrates it forward, one transaction per step; a file
 *   written by a newer Furrow is refused with FURROW_STORE_ERROR_TOO_NEW.
 * - Foreign keys on, WAL journal, 5 s busy timeout, files created with mode 0600.
 * - Every call that changes the file is one immediate write transaction, rolled back on error:
 *   on failure the file is unchanged. To make many changes one transaction (an import),
 *   wrap them in furrow_store_begin() / furrow_store_commit() (or furrow_store_transaction()):
 *   each call inside still fails on its own without spoiling the batch (a savepoint), and
 *   furrow_store_rollback() drops the whole batch.
 * - The list models (furrow_store_get_fields() …) hold the objects of the committed state in row
 *   order and emit items-changed when a change made through this store object is committed; they
 *   do not see changes made by another connection until furrow_store_reload().
 * - Objects are plain property bags: change their properties, then call furrow_store_update_*()
 *   to write them. An added object gets its row id (the "id" property).
 * - Areas are m² in double; money integer fen. Changes to areas are recorded in `audit_log`
 *   (actor: the login name). Personal data (phone, ID number) is never written to the audit log
 *   or any log.
 *
 * A FurrowStore is used from one thread at a time; a worker thread opens its own store on the
 * same path. */

#define FURROW_STORE_ERROR (furrow_store_error_quark ())

typedef enum
{
  FURROW_STORE_ERROR_FAILED,       /* SQLite or file system failure; the message says which */
  FURROW_STORE_ERROR_EXISTS,       /* create/backup: the destination exists */
  FURROW_STORE_ERROR_NOT_PROJECT,  /* open: not a Furrow project file */
  FURROW_STORE_ERROR_TOO_NEW,      /* open: written by a newer Furrow */
  FURROW_STORE_ERROR_CORRUPT,      /* a stored value (geometry blob) cannot be read */
  FURROW_STORE_ERROR_DUPLICATE,    /* a code that must be unique is already present */
  FURROW_STORE_ERROR_NOT_FOUND,    /* a referenced household/field/object is not present */
  FURROW_STORE_ERROR_INVALID,      /* a value the store refuses (empty code, NaN coordinate) */
  FURROW_STORE_ERROR_IN_USE,       /* delete refused: other rows still refer to the object */
  FURROW_STORE_ERROR_BUSY,         /* another program holds the file locked */
  FURROW_STORE_ERROR_TRANSACTION,  /* begin/commit/rollback out of order */
  FURROW_STORE_ERROR_READ_ONLY,    /* a change to a settled season: reopen it first */
  FURROW_STORE_ERROR_FILE_READ_ONLY, /* the file (or its folder) cannot be written */
  FURROW_STORE_ERROR_FULL,         /* the disk is full */
  FURROW_STORE_ERROR_CONSTRAINT,   /* a row breaks a rule of the schema other than a unique key */
  FURROW_STORE_ERROR_CONFLICT,     /* another user changed the same records first (a row version
                                    * read is not the stored one, or a server's serialization);
                                    * nothing was written */
  FURROW_STORE_ERROR_CONNECTION,   /* server: the connection is lost or was refused */
  FURROW_STORE_ERROR_PERMISSION,   /* server: the user's role may not do this (42501) */
  FURROW_STORE_ERROR_PASSWORD,     /* server: it asks for a password and this process has none
                                    * (furrow_server_address_set_password()) */
} FurrowStoreError;

/* What happened to a field, household or parcel (FurrowStore::field-changed …). */
typedef enum
{
  FURROW_RECORD_ADDED   = 1 << 0,
  FURROW_RECORD_UPDATED = 1 << 1,
  FURROW_RECORD_REMOVED = 1 << 2,
} FurrowRecordChange;

/* What changed in a season (FurrowStore::season-changed). */
typedef enum
{
  FURROW_SEASON_CHANGE_ADDED      = 1 << 0,  /* a new season */
  FURROW_SEASON_CHANGE_REMOVED    = 1 << 1,
  FURROW_SEASON_CHANGE_RULES      = 1 << 2,  /* name, prices, costs, subsidies, fees, base, split */
  FURROW_SEASON_CHANGE_PLANS      = 1 << 3,  /* the fields' patterns and yield presets */
  FURROW_SEASON_CHANGE_HARVESTS   = 1 << 4,
  FURROW_SEASON_CHANGE_OPERATIONS = 1 << 5,  /* half-custody operations households take */
  FURROW_SEASON_CHANGE_STATE      = 1 << 6,  /* planning, harvested, settled */
} FurrowSeasonChange;

#define FURROW_TYPE_RECORD_CHANGE (furrow_record_change_get_type ())
#define FURROW_TYPE_SEASON_CHANGE (furrow_season_change_get_type ())
GType furrow_record_change_get_type (void) G_GNUC_CONST;
GType furrow_season_change_get_type (void) G_GNUC_CONST;

/* The schema version this Furrow writes (furrow_meta.schema_version). */
#define FURROW_STORE_SCHEMA_VERSION 13

/* The media type of a project file (a GeoPackage), as the desktop file and the shared-mime-info
 * entry in data/ declare it. */
#define FURROW_STORE_MIME_TYPE "application/geopackage+sqlite3"

#define FURROW_TYPE_STORE (furrow_store_get_type ())

G_DECLARE_FINAL_TYPE (FurrowStore, furrow_store, FURROW, STORE, GObject)

/* Signals, emitted on the store's thread after a change is committed and the list models hold
 * it (never inside a transaction, never for a rollback), so a handler reads the new state:
 *
 * - field-changed, household-changed, parcel-changed (GObject *object, FurrowRecordChange):
 *   the object of the model that was added, updated or removed; NULL with every flag set when
 *   many changed at once (an import, a reload): re-read the model.
 * - season-changed (FurrowSeason *season, FurrowSeasonChange what): the live season of
 *   furrow_store_get_seasons(); NULL with what = every flag after a reload.
 * - settlement-changed (FurrowSeason *season): a season was settled or reopened; its frozen
 *   amounts are new or gone.
 * - yield-presets-changed: a yield preset was saved or deleted.
 * - conflict (const char *message): a change was refused because another user changed or
 *   deleted the record first (FURROW_STORE_ERROR_CONFLICT, the same message); the record has
 *   been read again and its change signal emitted before, so the views show the stored values.
 *   The window says so (docs/architecture.md, Several users at once).
 * - role-changed: the user's role or villages in the cooperative changed while the store
 *   listened (`furrow-cli server grant`); furrow_store_get_role() gives the new one.
 *
 * Pages listen to these; the code that made a change never refreshes a page itself
 * (docs/architecture.md, "How a change flows"). */

typedef gboolean (*FurrowStoreFunc) (FurrowStore  *store,
                                     gpointer      user_data,
                                     GError      **error);

GQuark           furrow_store_error_quark           (void);

/* Files: create refuses an existing path (FURROW_STORE_ERROR_EXISTS) and leaves nothing behind
 * on failure; open migrates older files. open also takes a server project, postgresql://…#CODE
 * (furrow_store_open_server() below). */
FurrowStore     *furrow_store_create                (const char       *path,
                                                     GError          **error);
FurrowStore     *furrow_store_open                  (const char       *path,
                                                     GError          **error);
const char      *furrow_store_get_path              (FurrowStore      *self);
/* TRUE when `path` is a Furrow project file (of any schema version): read only, nothing
 * written. An importer refuses one as a source. */
gboolean         furrow_store_file_is_project       (const char       *path);
/* A project file that may not be changed, or whose folder may not be, opens read-only: every
 * change is then refused with FURROW_STORE_ERROR_FILE_READ_ONLY, "cannot write FILE: the folder
 * is read-only; …" (or the file). This asks beforehand, for a command about to change it. */
gboolean         furrow_store_check_writable        (FurrowStore      *self,
                                                     GError          **error);

/* A custody centre's server (docs/architecture.md, The backend seam): uri is a libpq connection
 * URI (postgresql://user@host/db), cooperative a code of letters, digits and _ (case does not
 * matter). furrow_store_server_init() prepares a database once (PostGIS, the register of
 * cooperatives; safe to repeat); create adds a cooperative (FURROW_STORE_ERROR_EXISTS when it is
 * there, nothing left behind on failure), open opens one (NOT_FOUND when it is not there) and
 * migrates it. The store's path is then postgresql://user@host/db#code, never the password. */
gboolean         furrow_store_server_init           (const char       *uri,
                                                     GError          **error);
FurrowStore     *furrow_store_create_server         (const char       *uri,
                                                     const char       *cooperative,
                                                     GError          **error);
FurrowStore     *furrow_store_open_server           (const char       *uri,
                                                     const char       *cooperative,
                                                     GError          **error);
/* The cooperatives of a server's database that its user may open (a role in them, docs/
 * architecture.md, The backend seam, Roles), sorted (NULL-terminated), or NULL with error. */
char           **furrow_store_server_list           (const char       *uri,
                                                     GError          **error);
/* TRUE for postgresql://… or postgres://… (a server), FALSE for a file name. */
gboolean         furrow_store_is_server_address     (const char       *path);
/* TRUE when the store is a cooperative on a server rather than a file. */
gboolean         furrow_store_is_server             (FurrowStore      *self);
/* Online backup (sqlite3_backup_*) to a new file dest_path (mode 0600); refused inside a batch. */
gboolean         furrow_store_backup                (FurrowStore      *self,
                                                     const char       *dest_path,
                                                     GError          **error);
/* Every writer calls this before it writes `path`: FALSE with FURROW_STORE_ERROR_INVALID and a
 * message naming the file when `path` is this store's project (the same file by device and inode, a symlink or hard link to it, or its `-wal`, `-shm`
 * or `-journal`). */
gboolean         furrow_store_check_output          (FurrowStore      *self,
                                                     const char       *path,
                                                     GError          **error);
/* The same for a project that is not open (furrow-cli plan --project … --rows-out). */
gboolean         furrow_store_check_output_path     (const char       *project_path,
                                                     const char       *path,
                                                     GError          **error);

/* Damage (docs/architecture.md, Opening, backup, check): FALSE with FURROW_STORE_ERROR_CORRUPT
 * and a message naming the file and what to do once the store has seen any sign that the file
 * is damaged — a failed integrity check when it was opened, SQLite reporting a corrupt page or "not
 * a database" on any statement, a table that cannot be read into its model. A damaged store
 * refuses every change with that error; a reader (furrow-cli list, an export) calls this after
 * reading so that an unreadable register is never shown as an empty one. */
gboolean         furrow_store_check_damage          (FurrowStore      *self,
                                                     GError          **error);

/* furrow-cli check (docs/architecture.md, Opening, backup, check): SQLite's integrity_check and
 * foreign_key_check, GeoPackage conformance (the required spatial reference systems,
 * gpkg_contents and gpkg_geometry_columns present and consistent) and Furrow's invariants (a
 * parcel in one field at most, household codes unique, settled totals equal to their rows).
 * A GPtrArray of one translated line per finding, empty when there is none; NULL with `error`
 * when the checks themselves cannot run. */
GPtrArray       *furrow_store_check_all             (FurrowStore      *self,
                                                     GError          **error);
/* Opens `path` to check it: a Furrow project of any schema version this Furrow reads, without
 * the integrity check that furrow_store_open() refuses a damaged file with and without migrating
 * it, so that nothing is written. Only for furrow_store_check_all(). */
FurrowStore     *furrow_store_open_to_check         (const char       *path,
                                                     GError          **error);

/* Batches. */
gboolean         furrow_store_begin                 (FurrowStore      *self,
                                                     GError          **error);
/* A batch for a caller that gives up on the first failure (an import checked beforehand): its
 * changes run without a savepoint each, and after a failed change the batch can only roll
 * back (furrow_store_commit() refuses it with FURROW_STORE_ERROR_TRANSACTION). */
gboolean         furrow_store_begin_all_or_nothing  (FurrowStore      *self,
                                                     GError          **error);
/* An all-or-nothing batch for a bulk import from `source` (a file name, no personal data): its
 * additions write no audit row each; the commit writes one, action "import", object
 * "import:SOURCE", detail the counts ("parcels 50000"). Updates and deletes audit as usual. */
gboolean         furrow_store_begin_import          (FurrowStore      *self,
                                                     const char       *source,
                                                     GError          **error);
gboolean         furrow_store_commit                (FurrowStore      *self,
                                                     GError          **error);
void             furrow_store_rollback              (FurrowStore      *self);
gboolean         furrow_store_in_transaction        (FurrowStore      *self);
/* begin, func, commit; rollback when func returns FALSE (its error is passed on) or commit
 * fails. */
gboolean         furrow_store_transaction           (FurrowStore      *self,
                                                     FurrowStoreFunc   func,
                                                     gpointer          user_data,
                                                     GError          **error);

/* The cooperative (one per file). village_code is the FBFBM (14 digits). Strings owned by the
 * store; "" when unset. */
const char      *furrow_store_get_cooperative_name  (FurrowStore      *self);
const char      *furrow_store_get_village_code      (FurrowStore      *self);
gboolean         furrow_store_set_cooperative       (FurrowStore      *self,
                                                     const char       *name,
                                                     const char       *village_code,
                                                     const char       *contact,
                                                     GError          **error);

/* List models (transfer full) of FurrowField / FurrowHousehold / FurrowParcel in row order,
 * loaded on first use. A geometry that cannot be decoded is left NULL and reported with
 * g_message (it names the code). */
GListModel      *furrow_store_get_fields            (FurrowStore      *self);
GListModel      *furrow_store_get_households        (FurrowStore      *self);
GListModel      *furrow_store_get_parcels           (FurrowStore      *self);
/* Re-reads loaded models from the file (after another connection changed it). */
gboolean         furrow_store_reload                (FurrowStore      *self,
                                                     GError          **error);
/* Several users at once (docs/architecture.md): on a server, follows what other connections
 * commit to the cooperative — LISTEN, with the connection's socket watched from the main
 * context of the calling thread (g_main_context_get_thread_default()) — and brings the models in
 * step and emits the change signals as for this store's own commits, whenever that context
 * runs. Call it from the thread that uses the store; a worker's store needs none. Safe to
 * repeat; a file: TRUE, nothing to follow (a conflict still reads the record again). */
gboolean         furrow_store_listen                (FurrowStore      *self,
                                                     GError          **error);
/* Who last changed a field, household or parcel, and when, as conflict messages say it
 * ("clerk_a at 14:05 on 7 December"); NULL when it is no longer stored. */
char            *furrow_store_dup_changed_by        (FurrowStore      *self,
                                                     GObject          *record);
/* A listening server store that loses its connection (the server restarted, the network down)
 * connects again by itself from the same main context, with a growing delay between attempts
 * (0.1 s doubling to 5 s), sets search_path and LISTENs again, and reads the models again
 * (furrow_store_reload(): its "many changed" signals), since it missed what others committed
 * meanwhile. Meanwhile every read or write fails with FURROW_STORE_ERROR_CONNECTION ("The server
 * … cannot be reached …; nothing was changed"), and FurrowStore:connected is FALSE (notified when
 * it changes). TRUE for a file and a store that does not listen. */
gboolean         furrow_store_get_connected         (FurrowStore      *self);

/* Look-ups by code: a new object read from the file (transfer full), not the one in the model;
 * NULL when absent. */
FurrowField     *furrow_store_find_field            (FurrowStore      *self,
                                                     const char       *code);
FurrowHousehold *furrow_store_find_household        (FurrowStore      *self,
                                                     const char       *code);
FurrowParcel    *furrow_store_find_parcel           (FurrowStore      *self,
                                                     const char       *code);

/* Look-ups by id: the object the list model holds (transfer none: the live object, which the
 * store keeps up to date), NULL when absent. Loads the model when it was not yet. */
FurrowField     *furrow_store_get_field_by_id       (FurrowStore      *self,
                                                     gint64            id);
FurrowHousehold *furrow_store_get_household_by_id   (FurrowStore      *self,
                                                     gint64            id);

/* Row counts straight from the file (-1 on error). */
gint64           furrow_store_count_fields          (FurrowStore      *self,
                                                     GError          **error);
gint64           furrow_store_count_households      (FurrowStore      *self,
                                                     GError          **error);
gint64           furrow_store_count_parcels         (FurrowStore      *self,
                                                     GError          **error);

/* Changes. add_* writes a new row (the object must have id 0 and a non-empty code) and sets the
 * object's id; update_* writes every stored property of an object that has an id; delete_*
 * removes its row. A parcel's household-code must name a household in the store
 * (FURROW_STORE_ERROR_NOT_FOUND), its field-id a field or 0. Deleting a household that still has
 * parcels fails with FURROW_STORE_ERROR_IN_USE; deleting a field detaches its parcels. */
gboolean         furrow_store_add_field             (FurrowStore      *self,
                                                     FurrowField      *field,
                                                     GError          **error);
gboolean         furrow_store_update_field          (FurrowStore      *self,
                                                     FurrowField      *field,
                                                     GError          **error);
gboolean         furrow_store_delete_field          (FurrowStore      *self,
                                                     FurrowField      *field,
                                                     GError          **error);
gboolean         furrow_store_add_household         (FurrowStore      *self,
                                                     FurrowHousehold  *household,
                                                     GError          **error);
gboolean         furrow_store_update_household      (FurrowStore      *self,
                                                     FurrowHousehold  *household,
                                                     GError          **error);
gboolean         furrow_store_delete_household      (FurrowStore      *self,
                                                     FurrowHousehold  *household,
                                                     GError          **error);
gboolean         furrow_store_add_parcel            (FurrowStore      *self,
                                                     FurrowParcel     *parcel,
                                                     GError          **error);
gboolean         furrow_store_update_parcel         (FurrowStore      *self,
                                                     FurrowParcel     *parcel,
                                                     GError          **error);
gboolean         furrow_store_delete_parcel         (FurrowStore      *self,
                                                     FurrowParcel     *parcel,
                                                     GError          **error);

G_END_DECLS
