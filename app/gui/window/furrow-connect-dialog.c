/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Connect to Server… (docs/architecture.md, The window, A server from the window). The address
 * is checked as it is typed out (furrow_server_address_parse()); Connect lists the server's
 * cooperatives in a GTask thread, trying the password for that thread only
 * (furrow_server_address_try_password()), so a wrong one never replaces the one the window's
 * project uses; Open opens the chosen cooperative in the window. The password then lives in
 * this process's memory (furrow-server-address.h) and, with Remember Password, in the keyring
 * under the schema named after the application, keyed by host, port, database and user. */

#include "config.h"

#include "furrow-connect-dialog.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "furrow-connect-dialog-testing.h"
#include "furrow-server-address.h"
#include "furrow-store.h"
#include "furrow-template.h"
#include "furrow-window-private.h"
#include "furrow-window-transfer.h"

#define MAX_RECENT_SERVERS 8

struct _FurrowConnectDialog
{
  AdwWindow            parent_instance;

  /* template */
  AdwEntryRow         *address_row;
  AdwPasswordEntryRow *password_row;
  AdwActionRow        *remember_row;
  GtkSwitch           *remember_switch;
  GtkLabel            *message_label;
  GtkLabel            *keyring_label;
  GtkSpinner          *spinner;
  AdwPreferencesGroup *cooperatives_group;
  GtkListBox          *cooperatives_list;
  AdwPreferencesGroup *recent_group;
  GtkListBox          *recent_list;
  GtkButton           *open_button;
  AdwPreferencesGroup *publish_group;
  AdwEntryRow         *code_row;

  FurrowWindow        *window;
  GCancellable        *cancellable;
  gboolean             busy;
  gboolean             publish;     /* Publish to Server… rather than Connect to Server… */
  gboolean             no_keyring;
};

G_DEFINE_FINAL_TYPE (FurrowConnectDialog, furrow_connect_dialog, ADW_TYPE_WINDOW)

#define CHILD(member) FURROW_TEMPLATE_CHILD (FurrowConnectDialog, member)
static const FurrowTemplateChild template_children[] = {
  CHILD (address_row), CHILD (password_row), CHILD (remember_row), CHILD (remember_switch),
  CHILD (message_label), CHILD (keyring_label), CHILD (spinner), CHILD (cooperatives_group),
  CHILD (cooperatives_list), CHILD (recent_group), CHILD (recent_list), CHILD (open_button),
  CHILD (publish_group), CHILD (code_row),
};
#undef CHILD

/* ------------------------------------------------------------------------------------------ */
/* The keyring                                                                                */

static const SecretSchema *
server_schema (void)
{
  static const SecretSchema schema = {
    APPLICATION_ID, SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_INTEGER },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

/* The keyring's attributes of the server of `path`, or NULL when it is not a server address. */
static GHashTable *
server_attributes (const char *path)
{
  g_autoptr(FurrowServerAddress) address = furrow_server_address_parse (path, NULL);
  GHashTable *attributes;

  if (address == NULL)
    return NULL;
  attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_hash_table_insert (attributes, (char *) "host", g_strdup (address->host));
  g_hash_table_insert (attributes, (char *) "port", g_strdup_printf ("%d", address->port));
  g_hash_table_insert (attributes, (char *) "database", g_strdup (address->dbname));
  g_hash_table_insert (attributes, (char *) "user", g_strdup (address->user));
  return attributes;
}

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FurrowWindow) window = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the keyring's reason. */
      message = g_strdup_printf (_("The password cannot be remembered: %s"), error->message);
      furrow_window_show_toast (window, message);
    }
}

static void
store_password (FurrowWindow *window,
                const char   *path,
                const char   *password)
{
  g_autoptr(GHashTable) attributes = server_attributes (path);
  g_autofree char *label = furrow_connect_dialog_describe (path);

  if (attributes == NULL)
    return;
  secret_password_storev (server_schema (), attributes, SECRET_COLLECTION_DEFAULT, label,
                          password, NULL, stored_cb, g_object_ref (window));
}

/* ------------------------------------------------------------------------------------------ */
/* Names and the recent servers                                                               */

char *
furrow_connect_dialog_describe (const char *path)
{
  g_autoptr(FurrowServerAddress) address = NULL;
  g_autofree char *basename = NULL;

  if (furrow_store_is_server_address (path) &&
      (address = furrow_server_address_parse (path, NULL)) != NULL)
    {
      const char *host = address->host[0] != '\0' && address->host[0] != '/' ? address->host
                                                                              : "localhost";

      if (address->cooperative == NULL)
        /* Translators: a server, its host and database: "centre/furrow". */
        return g_strdup_printf (_("%s/%s"), host, address->dbname);
      /* Translators: a cooperative on a server: its code, the server's host and database,
       * "3707821022 on centre/furrow". */
      return g_strdup_printf (_("%s on %s/%s"), address->cooperative, host, address->dbname);
    }
  basename = g_path_get_basename (path);
  return g_filename_display_name (basename);
}

void
furrow_connect_dialog_remember (GSettings  *settings,
                                const char *path)
{
  g_autoptr(FurrowServerAddress) address = furrow_server_address_parse (path, NULL);
  g_autoptr(GVariant) recent = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *uri, *code;
  guint n = 1;

  if (address == NULL || address->cooperative == NULL)
    return;
  recent = g_settings_get_value (settings, "recent-servers");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ss)"));
  g_variant_builder_add (&builder, "(ss)", address->uri, address->cooperative);
  g_variant_iter_init (&iter, recent);
  while (g_variant_iter_next (&iter, "(&s&s)", &uri, &code) && n < MAX_RECENT_SERVERS)
    if (!g_str_equal (uri, address->uri) || g_ascii_strcasecmp (code, address->cooperative) != 0)
      {
        g_variant_builder_add (&builder, "(ss)", uri, code);
        n++;
      }
  g_settings_set_value (settings, "recent-servers", g_variant_builder_end (&builder));
}

/* ------------------------------------------------------------------------------------------ */
/* The dialog's state                                                                         */

static void
show_message (FurrowConnectDialog *self,
              const char          *message)
{
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

/* What the last Connect listed (its ListJob, below), held by the list until the address
 * changes; NULL before. */
#define LISTED_JOB "furrow-job"

static void
update_actions (FurrowConnectDialog *self)
{
  gboolean has_address = gtk_editable_get_text (GTK_EDITABLE (self->address_row))[0] != '\0';
  gboolean listed = g_object_get_data (G_OBJECT (self->cooperatives_list), LISTED_JOB) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.connect",
                                 !self->busy && has_address);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.open",
                                 !self->publish && !self->busy && listed &&
                                 gtk_list_box_get_selected_row (self->cooperatives_list) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.publish",
                                 self->publish && !self->busy && listed &&
                                 gtk_editable_get_text (GTK_EDITABLE (self->code_row))[0] != '\0');
}

static void
set_busy (FurrowConnectDialog *self,
          gboolean             busy)
{
  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  update_actions (self);
}

static void
clear_cooperatives (FurrowConnectDialog *self)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->cooperatives_list))) != NULL)
    gtk_list_box_remove (self->cooperatives_list, row);
  g_object_set_data (G_OBJECT (self->cooperatives_list), LISTED_JOB, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->cooperatives_group), FALSE);
}

static void
address_changed_cb (FurrowConnectDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->address_row), "error");
  show_message (self, NULL);
  clear_cooperatives (self);
  update_actions (self);
}

/* What one Connect asked for, from the press to Open: the worker's data, then the list of the
 * cooperatives it found holds it (LISTED_JOB), so Open uses the address and password that
 * listed them and nothing outlives the list (a new address clears it). */
typedef struct
{
  char *uri;       /* the server's address, without its password */
  char *password;  /* as typed ("" for none) */
  char *wanted;    /* the cooperative to choose once listed, or NULL */
} ListJob;

static void
list_job_clear (ListJob *job)
{
  g_free (job->uri);
  g_free (job->password);
  g_free (job->wanted);
}

static void
list_job_release (gpointer data)
{
  g_rc_box_release_full (data, (GDestroyNotify) list_job_clear);
}

static void
show_cooperatives (FurrowConnectDialog *self,
                   ListJob             *job,
                   char               **codes)
{
  GtkListBoxRow *wanted = NULL;

  for (guint i = 0; codes[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), codes[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_append (self->cooperatives_list, row);
      if (wanted == NULL || (job->wanted != NULL &&
                             g_ascii_strcasecmp (codes[i], job->wanted) == 0))
        wanted = GTK_LIST_BOX_ROW (row);
    }
  g_object_set_data_full (G_OBJECT (self->cooperatives_list), LISTED_JOB,
                          g_rc_box_acquire (job), list_job_release);
  gtk_widget_set_visible (GTK_WIDGET (self->cooperatives_group), TRUE);
  if (wanted != NULL)
    gtk_list_box_select_row (self->cooperatives_list, wanted);
  else if (!self->publish)
    show_message (self, _("This server holds no cooperatives yet: ask the centre’s "
                          "administrator to create one."));
}

/* ------------------------------------------------------------------------------------------ */
/* Connect: the cooperatives, listed by a worker                                              */

static void
list_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ListJob *job = task_data;
  GError *error = NULL;
  char **codes;

  furrow_server_address_try_password (job->uri, job->password);
  codes = furrow_store_server_list (job->uri, &error);
  furrow_server_address_try_password (NULL, NULL);
  if (codes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, codes, (GDestroyNotify) g_strfreev);
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  FurrowConnectDialog *self = FURROW_CONNECT_DIALOG (source);
  ListJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  set_busy (self, FALSE);
  /* The address changed while the server answered: the answer is for another one. */
  if (!g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->address_row)), job->uri))
    return;
  if (codes == NULL)
    {
      show_message (self, error->message);
      return;
    }
  /* It worked: the address as typed reaches the same server (furrow-server-address.h). With
   * no password typed, the one this process had (or none) worked: it stays. */
  if (job->password[0] != '\0')
    furrow_server_address_set_password (job->uri, job->password);
  show_cooperatives (self, job, codes);
  update_actions (self);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FurrowConnectDialog *self = FURROW_CONNECT_DIALOG (widget);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->address_row));
  g_autoptr(FurrowServerAddress) address = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  ListJob *job;

  address = furrow_server_address_parse (text, &error);
  if (address == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->address_row), "error");
      show_message (self, error->message);
      return;
    }
  /* A password typed into the address is used once and never kept there; a project's
   * cooperative (…#CODE) is the one chosen once listed, and the row keeps the server. */
  if (address->password != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->password_row), address->password);
  job = g_rc_box_new0 (ListJob);
  job->uri = g_strdup (address->uri);
  job->password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_row)));
  job->wanted = g_strdup (address->cooperative);
  if (!g_str_equal (text, address->uri))
    gtk_editable_set_text (GTK_EDITABLE (self->address_row), address->uri);
  clear_cooperatives (self);
  show_message (self, NULL);

  task = g_task_new (self, self->cancellable, listed_cb, NULL);
  g_task_set_source_tag (task, connect_action);
  g_task_set_task_data (task, job, list_job_release);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, list_thread);
}

static void
entry_activated_cb (FurrowConnectDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "connect.connect", NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* Open                                                                                       */

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FurrowConnectDialog *self = FURROW_CONNECT_DIALOG (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->cooperatives_list);
  ListJob *job = g_object_get_data (G_OBJECT (self->cooperatives_list), LISTED_JOB);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (row == NULL || job == NULL)
    return;
  path = g_strdup_printf ("%s#%s", job->uri,
                          adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  if (!furrow_window_open_project (self->window, path, &error))
    {
      show_message (self, error->message);
      return;
    }
  if (gtk_switch_get_active (self->remember_switch) && !self->no_keyring &&
      job->password[0] != '\0')
    store_password (self->window, path, job->password);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Publish (furrow-window-transfer.h): the server listed, so its address and password work; the
 * window copies the project there behind its progress dialog. */
static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FurrowConnectDialog *self = FURROW_CONNECT_DIALOG (widget);
  ListJob *job = g_object_get_data (G_OBJECT (self->cooperatives_list), LISTED_JOB);
  const char *code = gtk_editable_get_text (GTK_EDITABLE (self->code_row));
  g_autofree char *path = NULL;

  if (job == NULL || code[0] == '\0')
    return;
  path = g_strdup_printf ("%s#%s", job->uri, code);
  if (gtk_switch_get_active (self->remember_switch) && !self->no_keyring &&
      job->password[0] != '\0')
    store_password (self->window, path, job->password);
  furrow_window_start_publish (self->window, job->uri, code);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cooperative_activated_cb (FurrowConnectDialog *self,
                          GtkListBoxRow       *row)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "connect.open", NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* A recent server, its password from the keyring                                             */

typedef struct
{
  GObject *target;  /* the dialog (fill and connect) or the window (open) */
  char    *path;
} Lookup;

static void
lookup_free (Lookup *lookup)
{
  g_object_unref (lookup->target);
  g_free (lookup->path);
  g_free (lookup);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Lookup, lookup_free)

static void
look_up_password (const char          *path,
                  GObject             *target,
                  GAsyncReadyCallback  callback)
{
  g_autoptr(GHashTable) attributes = server_attributes (path);
  Lookup *lookup = g_new0 (Lookup, 1);

  lookup->target = g_object_ref (target);
  lookup->path = g_strdup (path);
  if (attributes == NULL)
    attributes = g_hash_table_new (g_str_hash, g_str_equal);
  secret_password_lookupv (server_schema (), attributes, NULL, callback, lookup);
}

/* The password found, or NULL when there is none or no keyring (then the dialog asks). */
static char *
looked_up_password (GAsyncResult *result)
{
  g_autoptr(GError) error = NULL;
  char *password = secret_password_lookup_finish (result, &error);
  char *copy = g_strdup (password);

  if (password != NULL)
    secret_password_free (password);
  return copy;
}

static void
recent_looked_up_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(Lookup) lookup = user_data;
  FurrowConnectDialog *self = FURROW_CONNECT_DIALOG (lookup->target);
  g_autofree char *password = looked_up_password (result);

  /* The dialog closed while the keyring answered. */
  if (self->address_row == NULL)
    return;
  /* None in the keyring: the one this process was given, if any (furrow-server-address.h),
   * never a password typed for another server. */
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), password != NULL ? password : "");
  gtk_widget_activate_action (GTK_WIDGET (self), "connect.connect", NULL);
}

static void
recent_activated_cb (FurrowConnectDialog *self,
                     GtkListBoxRow       *row)
{
  const char *path = g_object_get_data (G_OBJECT (row), "furrow-path");
  g_autoptr(FurrowServerAddress) address = furrow_server_address_parse (path, NULL);

  if (address == NULL)
    return;
  /* The project's address: Connect lists its server and chooses its cooperative. */
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), path);
  look_up_password (path, G_OBJECT (self), recent_looked_up_cb);
}

static void
show_recent_servers (FurrowConnectDialog *self)
{
  g_autoptr(GVariant) recent = g_settings_get_value (self->window->settings,
                                                     "recent-servers");
  GVariantIter iter;
  const char *uri, *code;

  g_variant_iter_init (&iter, recent);
  while (g_variant_iter_next (&iter, "(&s&s)", &uri, &code))
    {
      g_autofree char *path = g_strdup_printf ("%s#%s", uri, code);
      g_autofree char *title = furrow_connect_dialog_describe (path);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), uri);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "furrow-path", g_steal_pointer (&path), g_free);
      gtk_list_box_append (self->recent_list, row);
      gtk_widget_set_visible (GTK_WIDGET (self->recent_group), TRUE);
    }
}

/* No secret service (as on a build machine): said once, and the password is not offered to be
 * remembered; connecting still works. */
static void
keyring_checked_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(FurrowConnectDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretService) service = secret_service_get_finish (result, &error);

  if (service != NULL || self->address_row == NULL)
    return;
  self->no_keyring = TRUE;
  gtk_switch_set_active (self->remember_switch, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remember_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->keyring_label), TRUE);
}

/* ------------------------------------------------------------------------------------------ */
/* Opening a server project without the dialog                                                */

static void
project_looked_up_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(Lookup) lookup = user_data;
  FurrowWindow *window = FURROW_WINDOW (lookup->target);
  g_autofree char *password = looked_up_password (result);
  g_autoptr(GError) error = NULL;

  if (password != NULL)
    furrow_server_address_set_password (lookup->path, password);
  /* No password anywhere, or the keyring is not there: ask, rather than fail in silence. */
  if (!furrow_window_open_project (window, lookup->path, &error) &&
      g_error_matches (error, FURROW_STORE_ERROR, FURROW_STORE_ERROR_PASSWORD))
    gtk_window_present (GTK_WINDOW (furrow_connect_dialog_new (window, lookup->path,
                                                               error->message)));
}

void
furrow_connect_dialog_open_project (FurrowWindow *window,
                                    const char   *path)
{
  g_return_if_fail (FURROW_IS_WINDOW (window));
  g_return_if_fail (path != NULL);

  if (!furrow_store_is_server_address (path))
    furrow_window_open_project (window, path, NULL);
  else
    look_up_password (path, G_OBJECT (window), project_looked_up_cb);
}

/* ------------------------------------------------------------------------------------------ */
/* The class                                                                                  */

static void
furrow_connect_dialog_dispose (GObject *object)
{
  FurrowConnectDialog *self = FURROW_CONNECT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->cooperatives_list != NULL)
    g_signal_handlers_disconnect_by_data (self->cooperatives_list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), FURROW_TYPE_CONNECT_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->window);

  G_OBJECT_CLASS (furrow_connect_dialog_parent_class)->dispose (object);
}

static void
furrow_connect_dialog_class_init (FurrowConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = furrow_connect_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/window/furrow-connect-dialog.ui");
  furrow_widget_class_bind_template_children (widget_class, template_children,
                                              G_N_ELEMENTS (template_children));
  gtk_widget_class_bind_template_callback (widget_class, address_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, cooperative_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, recent_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_actions);
  gtk_widget_class_install_action (widget_class, "connect.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "connect.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "connect.publish", NULL, publish_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
furrow_connect_dialog_init (FurrowConnectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect_swapped (self->cooperatives_list, "selected-rows-changed",
                            G_CALLBACK (update_actions), self);
  update_actions (self);
  secret_service_get (SECRET_SERVICE_OPEN_SESSION, self->cancellable, keyring_checked_cb,
                      g_object_ref (self));
}

FurrowConnectDialog *
furrow_connect_dialog_new (FurrowWindow *window,
                           const char   *address,
                           const char   *message)
{
  FurrowConnectDialog *self;

  g_return_val_if_fail (FURROW_IS_WINDOW (window), NULL);

  self = g_object_new (FURROW_TYPE_CONNECT_DIALOG, "transient-for", window, NULL);
  self->window = g_object_ref (window);
  show_recent_servers (self);
  if (address != NULL)
    {
      g_autoptr(FurrowServerAddress) parsed = furrow_server_address_parse (address, NULL);
      g_autofree char *text = NULL;

      /* Never a password; a project's cooperative (…#CODE) stays, to be chosen once listed. */
      if (parsed != NULL && parsed->cooperative != NULL)
        text = g_strdup_printf ("%s#%s", parsed->uri, parsed->cooperative);
      else
        text = g_strdup (parsed != NULL ? parsed->uri : address);
      gtk_editable_set_text (GTK_EDITABLE (self->address_row), text);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
    }
  show_message (self, message);
  return self;
}

FurrowConnectDialog *
furrow_connect_dialog_new_publish (FurrowWindow *window)
{
  FurrowStore *store;
  FurrowConnectDialog *self;
  const char *village;

  g_return_val_if_fail (FURROW_IS_WINDOW (window), NULL);

  store = furrow_window_get_store (window);
  village = store != NULL ? furrow_store_get_village_code (store) : NULL;
  self = furrow_connect_dialog_new (window, NULL, NULL);
  self->publish = TRUE;
  gtk_window_set_title (GTK_WINDOW (self), _("Publish to Server"));
  gtk_button_set_label (self->open_button, _("P_ublish"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->open_button), "connect.publish");
  adw_preferences_group_set_description (self->cooperatives_group,
                                         _("The cooperatives on this server already; the new "
                                           "one needs a code of its own."));
  gtk_widget_set_visible (GTK_WIDGET (self->publish_group), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->code_row), village != NULL ? village : "");
  update_actions (self);
  return self;
}

void
furrow_connect_dialog_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  gtk_window_present (GTK_WINDOW (furrow_connect_dialog_new (FURROW_WINDOW (widget), NULL,
                                                             NULL)));
}

/* ------------------------------------------------------------------------------------------ */
/* Tests (furrow-connect-dialog-testing.h)                                                    */

void
furrow_connect_dialog_fill (FurrowConnectDialog *self,
                            const char          *address,
                            const char          *password,
                            gboolean             remember)
{
  g_return_if_fail (FURROW_IS_CONNECT_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->address_row), address);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
  /* As a person would: Remember Password cannot be switched on without a keyring. */
  gtk_switch_set_active (self->remember_switch, remember && !self->no_keyring);
}

gboolean
furrow_connect_dialog_is_busy (FurrowConnectDialog *self)
{
  g_return_val_if_fail (FURROW_IS_CONNECT_DIALOG (self), FALSE);

  return self->busy;
}

const char *
furrow_connect_dialog_get_message (FurrowConnectDialog *self)
{
  g_return_val_if_fail (FURROW_IS_CONNECT_DIALOG (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->message_label))
         ? gtk_label_get_label (self->message_label) : NULL;
}

char **
furrow_connect_dialog_dup_cooperatives (FurrowConnectDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (FURROW_IS_CONNECT_DIALOG (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->cooperatives_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    g_strv_builder_add (builder, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return g_strv_builder_end (builder);
}

gboolean
furrow_connect_dialog_has_no_keyring (FurrowConnectDialog *self)
{
  g_return_val_if_fail (FURROW_IS_CONNECT_DIALOG (self), FALSE);

  return self->no_keyring && gtk_widget_get_visible (GTK_WIDGET (self->keyring_label));
}
