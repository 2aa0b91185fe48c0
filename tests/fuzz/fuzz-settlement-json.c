/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer target for the settlement JSON reader of `furrow-cli settle` (issue 12): the bytes
 * go through the structure check (size, depth, duplicate members, 64-bit numbers) and
 * json-glib, then the settlement reader and, when it is one, the distribution engine. Any input
 * must end in a settlement or a clean error, never a crash, a leak or undefined behaviour. */

#include "config.h"

#include <stdint.h>

#include "furrow-distribution.h"
#include "furrow-settlement-json.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(FurrowSettlement) settlement = NULL;
  g_autoptr(GError) error = NULL;

  settlement = furrow_settlement_json_load_data ((const char *) data, (gssize) size,
                                                 "fuzz.json", &error);
  if (settlement != NULL && settlement->input.n_households <= 10000)
    {
      g_autofree FurrowDistributionShare *shares =
        g_new0 (FurrowDistributionShare, settlement->input.n_households);
      FurrowDistributionResult result;
      g_autoptr(GError) engine_error = NULL;

      furrow_distribution_compute (&settlement->input, &result, shares, &engine_error);
    }
  return 0;
}
