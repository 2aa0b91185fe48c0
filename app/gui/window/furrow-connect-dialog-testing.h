/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "furrow-connect-dialog.h"

G_BEGIN_DECLS

/* What only the tests call (tests/gui/test-connect-dialog.c). */

/* Types the address and password and sets Remember Password, as a person would. */
void         furrow_connect_dialog_fill              (FurrowConnectDialog *self,
                                                      const char          *address,
                                                      const char          *password,
                                                      gboolean             remember);
/* TRUE while the cooperatives are being listed. */
gboolean     furrow_connect_dialog_is_busy           (FurrowConnectDialog *self);
/* The line the dialog shows (an error), or NULL when it shows none. */
const char  *furrow_connect_dialog_get_message       (FurrowConnectDialog *self);
/* The cooperatives listed, in order (NULL-terminated; empty before Connect). */
char       **furrow_connect_dialog_dup_cooperatives  (FurrowConnectDialog *self);
/* TRUE once the dialog says that the password cannot be remembered: no keyring. */
gboolean     furrow_connect_dialog_has_no_keyring    (FurrowConnectDialog *self);

G_END_DECLS
