/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer target for a user's bank-file profile (app/io/bank/furrow-bank-profile.c,
 * `furrow-cli bank … --profile FILE.json`; docs/domain.md, "Bank accounts"): the bytes are the
 * JSON file's. Any input must end in a profile or a clean error naming the file, never a crash,
 * a leak or undefined behaviour. */

#include "config.h"

#include <stdint.h>

#include "furrow-bank-profile.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(FurrowBankProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  profile = furrow_bank_profile_new_from_data ("fuzz.json", (const char *) data, size, &error);
  g_assert ((profile == NULL) != (error == NULL));
  if (profile != NULL)
    g_assert_nonnull (furrow_bank_profile_get_extension (profile));
  return 0;
}
