/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-database.h"
#include "furrow-geometry.h"
#include "furrow-register.h"
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
void         _furrow_season_set_open_objections   (FurrowSeason    *self,
                                                   guint            open_objections);

/* The store's own state, shared by its units (docs/architecture.md, The store):
 * furrow-store.c (the object, files, the cooperative, the signals), furrow-store-check.c (the
 * checks of a file and of output paths), furrow-store-transaction.c
 * (transactions, pending changes, bringing the models in step), furrow-store-audit.c (the audit
 * log), furrow-store-records.c (fields, households and parcels through one generic path) and
 * furrow-store-kinds.c (the table of those record kinds). */

/* The kinds of record the store keeps a list model of: rows of the table in
 * furrow-store-kinds.c. */
typedef enum
{
  FURROW_KIND_FIELD,
  FURROW_KIND_HOUSEHOLD,
  FURROW_KIND_PARCEL,
  FURROW_N_KINDS
} FurrowKind;

/* The bounding box of the geometries written to a feature table in one transaction. */
typedef struct
{
  gboolean any;
  double   min_x, min_y, max_x, max_y;
} FurrowExtent;

/* A change written inside the open transaction, applied to the models once it is committed. */
typedef struct
{
  FurrowRecordChange  change;    /* one flag: ADDED, UPDATED or REMOVED */
  FurrowKind          kind;
  GObject            *object;
  gint64              id;
  char               *old_code;  /* household updates: the code before, to follow it */
} FurrowPendingChange;

/* A record by kind and row id. */
typedef struct
{
  FurrowKind kind;
  gint64     id;
} FurrowRecordRef;

struct _FurrowStore
{
  GObject parent_instance;

  char           *path;
  FurrowDatabase *database;    /* the statement layer: the connection and its cached statements */
  gboolean        shares_database;  /* _furrow_store_open_shared (): the database is not closed */
  char           *actor;
  int             schema_version;

  char           *cooperative_name;
  char           *village_code;

  gboolean        in_batch;              /* furrow_store_begin() … commit/rollback */
  gboolean        batch_all_or_nothing;  /* furrow_store_begin_all_or_nothing(): no savepoints */
  gboolean        batch_spoiled;         /* a change failed in such a batch: only rollback */
  char           *import_source;         /* furrow_store_begin_import(): one audit row */
  GHashTable     *import_households;     /* such a batch on a server: household code → id,
                                          * read at the first parcel (parcel_prepare) */
  guint           n_imported[FURROW_N_KINDS];
  GPtrArray      *pending;               /* FurrowPendingChange, in order */
  GHashTable     *touched_fields;        /* gint64 field id: registered area to refresh */
  gboolean        touched_tables[FURROW_N_KINDS];
  FurrowExtent    extents[FURROW_N_KINDS];  /* bounds of the geometries written */

  GListStore     *models[FURROW_N_KINDS];   /* NULL until first asked for */
  /* A model first read inside an open transaction: it holds that transaction's own changes
   * already, which its commit must not add again and its rollback takes out. */
  gboolean        models_uncommitted[FURROW_N_KINDS];

  /* Several users at once (furrow-store-live.c): the records a conflict found changed by
   * another writer, read again after the rollback; and the notifications of other users'
   * commits that arrived during a batch, followed after it. */
  GArray         *stale;                 /* FurrowRecordRef */
  GArray         *stale_seasons;         /* gint64: seasons whose rows a conflict found changed */
  GPtrArray      *later;                 /* char * payloads */
  GSource        *listener;              /* furrow_store_listen(), on a server */
  char           *schema;                /* on a server: the cooperative's schema */
  char           *conflict;              /* the message of the stale records' conflict */

  /* A lost connection to the server (furrow-store-live.c): the context the store listens from,
   * what comes next (the idle that says so, the timeout before an attempt, the attempt), the
   * delay before the next attempt, and whether the store is disconnected now. */
  GMainContext   *context;
  GSource        *reconnect;
  guint           retry_ms;
  gboolean        disconnected;
};

/* How one column of a record kind's table binds an object's value and reads it back. */
typedef enum
{
  FURROW_RECORD_COLUMN_TEXT,       /* const char *; NULL is SQL NULL */
  FURROW_RECORD_COLUMN_NAME,       /* const char *; NULL is written as "" */
  FURROW_RECORD_COLUMN_INT64,      /* gint64 */
  FURROW_RECORD_COLUMN_ID,         /* gint64 row id of another table; 0 is written as NULL */
  FURROW_RECORD_COLUMN_COUNT,      /* guint; read clamped to 0 … G_MAXUINT */
  FURROW_RECORD_COLUMN_DOUBLE,     /* double */
  FURROW_RECORD_COLUMN_CUSTODY,    /* FurrowCustody as its string; full when unknown */
  FURROW_RECORD_COLUMN_GEOMETRY,   /* const FurrowGeometry *, a GeoPackage blob */
  FURROW_RECORD_COLUMN_REFERENCE,  /* another kind's row: written as the row id the kind's
                                    * prepare hook found, read as that row's code (a join) */
} FurrowRecordColumnType;

typedef struct
{
  FurrowRecordColumnType type;
  const char      *name; /* the column written, from `get` (a REFERENCE: the prepare hook) */
  GCallback        get;  /* the object's getter */
  GCallback        set;  /* its setter: the column is read */
  const char      *read; /* what is read, as is, when it is not the kind's prefix and `name` */
} FurrowRecordColumn;

/* The audited areas of a kind (at most this many). */
#define FURROW_KIND_MAX_AREAS 2

/* What a record's row holds before a change, read by the kind's read_stored hook; and what its
 * prepare hook finds for the write. */
typedef struct
{
  double  areas_m2[FURROW_KIND_MAX_AREAS];  /* the kind's audited areas, as stored */
  gint64  field_id;     /* a parcel's stored field */
  char   *code;         /* the stored code, when the kind reads it */
  gint64  reference;    /* bound by a FURROW_RECORD_COLUMN_REFERENCE column */
  char   *detail;       /* an update's audit detail made by the prepare hook */
} FurrowStoredRecord;

/* An area recorded in the audit log when it changes ("registered_area_m2 812.40 -> 830.00"). */
typedef struct
{
  const char *name;
  GCallback   get;  /* double (*) (object) */
} FurrowAuditedArea;

/* One row of the record-kind table (furrow-store-kinds.c): everything the generic create,
 * update, delete and load of furrow-store-records.c need to know about a kind. */
typedef struct
{
  GType        (*get_type) (void);
  const char    *table;      /* "parcels": gpkg_contents, the import audit's counts */
  const char    *noun;       /* "parcel": audit objects "parcel:CODE" */
  const char    *signal;     /* "parcel-changed" (furrow-store.h) */
  const char    *what;       /* NC_("object kind", …): the kind in messages */
  const char    *not_found;  /* N_(): "parcel %s is not in the project" (its stored row) */
  const char    *duplicate;  /* N_(): a second row with the same code */

  /* The statements, static text: select_stored
   * reads the row before a change (read_stored). The SELECTs of all rows and of one code, the
   * INSERT and the UPDATE are made from the columns (_furrow_store_kind_sql). */
  const char    *from;       /* the SELECTs' FROM clause: "parcels p JOIN households h …" */
  const char    *prefix;     /* the kind's own columns in it: "p." */
  const char    *select_stored;
  const char    *select_changed_by;  /* who wrote the row last (v9) */
  const char    *count;
  const char    *delete;

  const FurrowRecordColumn *columns;  /* in the order of the statements' columns */
  guint          n_columns;

  GCallback      get_id;        /* gint64 (*) (object) */
  GCallback      set_id;        /* void (*) (object, gint64) */
  GCallback      get_code;      /* const char * (*) (object) */
  GCallback      get_geometry;  /* const FurrowGeometry * (*) (object), NULL: no geometry */
  const FurrowAuditedArea *areas;  /* audited on add, update and delete */
  guint          n_areas;

  /* Hooks, each optional. read_stored: fill `stored` from the row of select_stored. prepare:
   * checks and look-ups before the write of a change (stored is zeroed for an addition).
   * written: after the write and its audit row, the kind's own bookkeeping. follow: a committed
   * change brings the other models in step (called before the model takes an update, after it
   * dropped a removal). committed: once per commit, after every change is applied. */
  void         (*read_stored) (FurrowStatement     *stmt,
                               FurrowStoredRecord  *stored);
  gboolean     (*prepare)     (FurrowStore         *self,
                               FurrowRecordChange   change,
                               GObject             *object,
                               FurrowStoredRecord  *stored,
                               GError             **error);
  void         (*written)     (FurrowStore         *self,
                               FurrowRecordChange   change,
                               GObject             *object,
                               FurrowStoredRecord  *stored);
  void         (*follow)      (FurrowStore         *self,
                               FurrowPendingChange *change);
  void         (*committed)   (FurrowStore         *self);
} FurrowRecordKind;

/* furrow-store-records.c: furrow_register_check_text() with its finding as
 * FURROW_STORE_ERROR_INVALID, as every other refusal of a write. */
gboolean     _furrow_store_check_text               (const char      *text,
                                                     FurrowTextFlags  flags,
                                                     const char      *what,
                                                     GError         **error);

/* furrow-store-kinds.c: the row of a kind, and the kind of an object (FURROW_N_KINDS when it is
 * none of them). */
const FurrowRecordKind *_furrow_store_kind          (FurrowKind       kind);
/* The kind's statements made from its columns, once, and kept for the process. */
typedef enum
{
  FURROW_KIND_SQL_SELECT_ALL,   /* every row, read columns in order, by id */
  FURROW_KIND_SQL_SELECT_CODE,  /* the row of code ?1 */
  FURROW_KIND_SQL_SELECT_ID,    /* the row of id ?1 */
  FURROW_KIND_SQL_INSERT,       /* "INSERT INTO t (a, b) VALUES (?1, ?2) RETURNING id" */
  FURROW_KIND_SQL_UPDATE,       /* "UPDATE t SET a = ?1, b = ?2, row_version … WHERE id = ?3 …" */
  FURROW_KIND_SQL_INSERT_ROWID, /* the INSERT without RETURNING: SQLite's id is the last rowid */
  FURROW_KIND_N_SQL
} FurrowKindSql;

const char  *_furrow_store_kind_sql                 (FurrowKind       kind,
                                                     FurrowKindSql    which);
/* SQL texts made once, from a table of rows × columns (a record kind × its statements, a money
 * rule's table × its statements), not built again at each use. cells holds n_rows × n_columns, filled by
 * make (row, column) the first time; returns the cell at row, column. */
typedef char *(*FurrowSqlMake) (guint row,
                                guint column);
const char  *_furrow_store_sql_once                 (gsize           *once,
                                                     const char     **cells,
                                                     guint            n_rows,
                                                     guint            n_columns,
                                                     FurrowSqlMake    make,
                                                     guint            row,
                                                     guint            column);
/* The statement that writes a change of the kind: its INSERT, UPDATE or DELETE. */
const char  *_furrow_store_kind_write_sql           (FurrowKind       kind,
                                                     FurrowRecordChange change);
FurrowKind   _furrow_store_kind_of                  (gconstpointer    object);
gint64       _furrow_store_object_get_id            (gconstpointer    object);
void         _furrow_store_object_set_id            (GObject         *object,
                                                     gint64           id);
/* The row version an object was read with (docs/architecture.md, Several users at once): kept
 * on the object itself, 0 for one the store did not read (then an update is not checked). */
gint64       _furrow_store_object_get_version       (gconstpointer    object);
void         _furrow_store_object_set_version       (gpointer         object,
                                                     gint64           version);

/* furrow-store-records.c: the model of a kind, loaded on first use (transfer none). */
GListModel  *_furrow_store_get_model                (FurrowStore     *self,
                                                     FurrowKind       kind);
/* Reads the kind's loaded model again from the file, in place (TRUE when not loaded). */
gboolean     _furrow_store_reload_model             (FurrowStore     *self,
                                                     FurrowKind       kind,
                                                     GError         **error);
/* The live object of the model with that id (transfer none), NULL when absent; a new object
 * read from the file by row id (transfer full), NULL when absent. */
gpointer     _furrow_store_get_live                 (FurrowStore     *self,
                                                     FurrowKind       kind,
                                                     gint64           id);
gpointer     _furrow_store_read_record              (FurrowStore     *self,
                                                     FurrowKind       kind,
                                                     gint64           id);

/* furrow-store-live.c (docs/architecture.md, Several users at once): read again the records
 * others changed — the stale ones a conflict found, or those a notification names — bringing
 * the models in step and emitting the change signals as for a commit of this store. */
void         _furrow_store_follow_stale             (FurrowStore     *self);
/* A row of season `season_id` (its rules, a harvest, an actual cost) another writer changed
 * first: FURROW_STORE_ERROR_CONFLICT with `message` (taken); after the rollback the season is
 * read again and announced, then the conflict signal is emitted. Returns FALSE. */
gboolean     _furrow_store_season_conflict          (FurrowStore     *self,
                                                     gint64           season_id,
                                                     char            *message,
                                                     GError         **error);
void         _furrow_store_follow_later             (FurrowStore     *self);

/* furrow-store-transaction.c. op_begin/op_end: one operation's transaction or savepoint (op_end
 * rolls back when !ok and returns FALSE then); the pending changes and what the commit
 * updates. */
void         _furrow_store_init_pending             (FurrowStore     *self);
/* After a commit (or changes others committed): the models in step, then the signals. */
void         _furrow_store_apply_pending            (FurrowStore     *self);
gboolean     _furrow_store_op_begin                 (FurrowStore     *self,
                                                     GError         **error);
gboolean     _furrow_store_op_end                   (FurrowStore     *self,
                                                     gboolean         ok,
                                                     GError         **error);
void         _furrow_store_record_change            (FurrowStore     *self,
                                                     FurrowRecordChange change,
                                                     FurrowKind       kind,
                                                     GObject         *object,
                                                     const char      *old_code);
void         _furrow_store_touch_field              (FurrowStore     *self,
                                                     gint64           field_id);
void         _furrow_store_grow_extent              (FurrowStore     *self,
                                                     FurrowKind       kind,
                                                     const FurrowGeometry *geometry);

/* furrow-store.c for its siblings. The channel of a server cooperative's notifications,
 * furrow_<schema> (schema/pg/v009.sql). */
char        *_furrow_store_server_channel           (FurrowStore     *self);
/* On a server connected again: the session's settings (search_path) as at opening. */
gboolean     _furrow_store_server_resume            (FurrowStore     *self,
                                                     GError         **error);
/* Stops reconnecting (finalize). */
void         _furrow_store_stop_reconnecting        (FurrowStore     *self);
gboolean     _furrow_store_load_cooperative         (FurrowStore     *self,
                                                     GError         **error);
/* TRUE when stmt gives a row; else FALSE with error set, naming `what` when there is none. */
gboolean     _furrow_store_step_row                 (FurrowStore     *self,
                                                     FurrowStatement *stmt,
                                                     const char      *what,
                                                     GError         **error);
/* Steps stmt once: FALSE with error set when it fails, else TRUE with *found telling whether
 * it gave a row. */
gboolean     _furrow_store_step_found               (FurrowStatement *stmt,
                                                     gboolean        *found,
                                                     GError         **error);
void         _furrow_store_emit_yield_presets_changed (FurrowStore *self);
void         _furrow_store_emit_role_changed        (FurrowStore     *self);
/* furrow-store-roles.c: reads the user's role and villages again (a notification "role NAME",
 * docs/architecture.md, Roles) and emits role-changed when either is another now. */
void         _furrow_store_follow_role              (FurrowStore     *self);
void         _furrow_store_emit_conflict            (FurrowStore     *self,
                                                     const char      *message);
/* The change signals (furrow-store.h): call them after the commit, once the models are in step.
 * A record kind's signal is its row's `signal`. */
void         _furrow_store_emit_record_changed    (FurrowStore        *self,
                                                   FurrowKind          kind,
                                                   GObject            *object,
                                                   FurrowRecordChange  change);
void         _furrow_store_emit_season_changed    (FurrowStore        *self,
                                                   FurrowSeason       *season,
                                                   FurrowSeasonChange  what);
void         _furrow_store_emit_settlement_changed (FurrowStore       *self,
                                                   FurrowSeason      *season);

/* furrow-store-audit.c: an audit_log row; an addition's own row unless an import counts it
 * (then FALSE); the import's one row at its commit; "%.2f" of an area. */
/* Who wrote the audit log's last row on `object` whose detail is LIKE `detail` ("%": any), or
 * "another user" (a conflict's message names them, docs/architecture.md, Several users at
 * once). */
char        *_furrow_store_last_actor             (FurrowStore     *self,
                                                   const char      *object,
                                                   const char      *detail);
/* The time a file's row is written at (changed_at, schema step 13): Unix seconds. */
gint64       _furrow_store_now                    (void);
/* `who` with the local time of `changed_at` (Unix seconds) for a conflict's message:
 * "clerk_a at 14:05 on 7 December" (the year too when it is not this year's), or `who` alone
 * when the time is not known (0 or less: a row written before step 13). Takes `who`. */
char        *_furrow_store_changed_by_at          (char            *who,
                                                   gint64           changed_at);
gboolean     _furrow_store_audit                  (FurrowStore     *self,
                                                   const char      *action,
                                                   const char      *object,
                                                   const char      *detail,
                                                   GError         **error);
/* The same row written into another database of the project's schema (a restore's staged
 * copy, furrow-store-restore.c) by `actor`. */
gboolean     _furrow_store_audit_into             (FurrowDatabase  *database,
                                                   const char      *actor,
                                                   const char      *action,
                                                   const char      *object,
                                                   const char      *detail,
                                                   GError         **error);
gboolean     _furrow_store_audit_each_addition    (FurrowStore     *self,
                                                   FurrowKind       kind);
gboolean     _furrow_store_audit_import           (FurrowStore     *self,
                                                   GError         **error);
char        *_furrow_store_format_area            (double           area_m2);
/* The statement layer under the store (furrow-database.h): what the store's files use. */
FurrowDatabase *_furrow_store_get_database        (FurrowStore     *self);

/* furrow-store-season.c for furrow-store.c: after a commit (committed) or a rollback, bring the
 * seasons model in step with the file; after furrow_store_reload(), re-read it. */
void         _furrow_store_seasons_sync           (FurrowStore     *self,
                                                   gboolean         committed);
void         _furrow_store_seasons_reload         (FurrowStore     *self);
void         _furrow_store_seasons_follow         (FurrowStore     *self,
                                                   GArray          *ids);

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

/* A custody centre's server (furrow-store.c, furrow-store-roles.c): a cooperative's code in
 * lowercase and its schema coop_<code> (INVALID for anything but 1 to 40 letters, digits and _);
 * a connection to a server address (INVALID for a file name); the cooperative's group roles,
 * grants and row-level security (furrow.grant_cooperative (), schema/pg/server.sql). */
gboolean     _furrow_store_cooperative_schema     (const char      *code,
                                                   char           **lower,
                                                   char           **schema,
                                                   GError         **error);
FurrowDatabase *_furrow_store_server_connect      (const char      *uri,
                                                   GError         **error);
/* The codes of the cooperatives the connection's user may open (a schema it may use), sorted;
 * the store of one of them on that connection, shared (the county view, one connection for all:
 * furrow-store-county.c; use one such store at a time, or _furrow_store_server_resume () before
 * each use, since each sets the connection's search_path). */
char       **_furrow_store_server_cooperatives   (FurrowDatabase  *database,
                                                   GError         **error);
FurrowStore *_furrow_store_open_shared           (FurrowDatabase  *database,
                                                   const char      *cooperative,
                                                   GError         **error);
gboolean     _furrow_store_grant_cooperative      (FurrowDatabase  *database,
                                                   const char      *code,
                                                   GError         **error);
/* furrow_store_create_server() without its COMMIT: the new cooperative's schema, steps and grants
 * inside one open transaction on the returned store's connection (furrow-store-transfer.c fills
 * it first). Freeing the store without a COMMIT leaves nothing on the server. */
FurrowStore *_furrow_store_begin_create_server    (const char      *uri,
                                                   const char      *cooperative,
                                                   GError         **error);

G_END_DECLS

