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
  /* A profile read is one the bank file can be written with (its type one of the three). */
  if (profile != NULL)
    g_assert_true (profile->file_type == FURROW_BANK_FILE_CSV ||
                   profile->file_type == FURROW_BANK_FILE_TXT ||
                   profile->file_type == FURROW_BANK_FILE_XLSX);
  return 0;
}
