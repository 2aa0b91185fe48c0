/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-household.h"

#include "furrow-property.h"
#include "furrow-store-private.h"

struct _FurrowHousehold
{
  GObject parent_instance;

  gint64  id;
  char   *code;
  char   *name;
  guint   members;
  char   *phone;
  char   *id_number;
  char   *notes;
  char   *bank;
  char   *bank_branch;
  char   *account_number;
  char   *account_holder;
};

G_DEFINE_FINAL_TYPE (FurrowHousehold, furrow_household, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_MEMBERS,
  PROP_PHONE,
  PROP_ID_NUMBER,
  PROP_NOTES,
  PROP_BANK,
  PROP_BANK_BRANCH,
  PROP_ACCOUNT_NUMBER,
  PROP_ACCOUNT_HOLDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
furrow_household_finalize (GObject *object)
{
  furrow_property_clear_members (object);

  G_OBJECT_CLASS (furrow_household_parent_class)->finalize (object);
}

#define RW (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define RO (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define AT(member) G_STRUCT_OFFSET (FurrowHousehold, member)

static void
furrow_household_class_init (FurrowHouseholdClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = furrow_household_finalize;

  /* Row id in the store (0 when not stored). */
  properties[PROP_ID] = furrow_property_member (
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, RO), AT (id), NULL);
  /* CBFBM code, 18 characters. */
  properties[PROP_CODE] = furrow_property_member (
    g_param_spec_string ("code", NULL, NULL, NULL, RW), AT (code), NULL);
  /* Name of the household head. */
  properties[PROP_NAME] = furrow_property_member (
    g_param_spec_string ("name", NULL, NULL, NULL, RW), AT (name), NULL);
  /* Number of household members. */
  properties[PROP_MEMBERS] = furrow_property_member (
    g_param_spec_uint ("members", NULL, NULL, 0, G_MAXUINT, 0, RW), AT (members), NULL);
  /* Phone number (personal data). */
  properties[PROP_PHONE] = furrow_property_member (
    g_param_spec_string ("phone", NULL, NULL, NULL, RW), AT (phone), NULL);
  /* ID card number (personal data). */
  properties[PROP_ID_NUMBER] = furrow_property_member (
    g_param_spec_string ("id-number", NULL, NULL, NULL, RW), AT (id_number), NULL);
  /* Free notes. */
  properties[PROP_NOTES] = furrow_property_member (
    g_param_spec_string ("notes", NULL, NULL, NULL, RW), AT (notes), NULL);
  /* The payee account (docs/domain.md, "Bank accounts"): the bank (开户行), its branch (开户网点), the
   * account or card number (personal data: shown only masked, furrow_bank_account_mask()) and
   * the account holder (户名) when it is not the household head, else NULL. */
  properties[PROP_BANK] = furrow_property_member (
    g_param_spec_string ("bank", NULL, NULL, NULL, RW), AT (bank), NULL);
  properties[PROP_BANK_BRANCH] = furrow_property_member (
    g_param_spec_string ("bank-branch", NULL, NULL, NULL, RW), AT (bank_branch), NULL);
  properties[PROP_ACCOUNT_NUMBER] = furrow_property_member (
    g_param_spec_string ("account-number", NULL, NULL, NULL, RW), AT (account_number), NULL);
  properties[PROP_ACCOUNT_HOLDER] = furrow_property_member (
    g_param_spec_string ("account-holder", NULL, NULL, NULL, RW), AT (account_holder), NULL);

  furrow_property_install (object_class, N_PROPS, properties);
}

static void
furrow_household_init (FurrowHousehold *self)
{
}

FurrowHousehold *
furrow_household_new (void)
{
  return g_object_new (FURROW_TYPE_HOUSEHOLD, NULL);
}

/* The accessors (furrow-property.h): furrow_household_get_id, furrow_household_get_code,
 * furrow_household_set_code, furrow_household_get_name, furrow_household_set_name,
 * furrow_household_get_members, furrow_household_set_members, furrow_household_get_phone,
 * furrow_household_set_phone, furrow_household_get_id_number, furrow_household_set_id_number,
 * furrow_household_get_notes, furrow_household_set_notes, the payee account's getters and
 * setters (bank, bank_branch, account_number, account_holder), and the store's
 * _furrow_household_set_id (furrow-store-private.h). */
#define ACCESSORS(store, ctype, member, prop) \
  FURROW_PROPERTY_ACCESSORS (FurrowHousehold, furrow_household, FURROW_IS_HOUSEHOLD, \
                             store, ctype, member, properties[prop])

FURROW_PROPERTY_GETTER (FurrowHousehold, furrow_household, FURROW_IS_HOUSEHOLD, gint64, id)
ACCESSORS (furrow_property_set_string, const char *, code, PROP_CODE)
ACCESSORS (furrow_property_set_string, const char *, name, PROP_NAME)
ACCESSORS (furrow_property_set_uint, guint, members, PROP_MEMBERS)
ACCESSORS (furrow_property_set_string, const char *, phone, PROP_PHONE)
ACCESSORS (furrow_property_set_string, const char *, id_number, PROP_ID_NUMBER)
ACCESSORS (furrow_property_set_string, const char *, notes, PROP_NOTES)
ACCESSORS (furrow_property_set_string, const char *, bank, PROP_BANK)
ACCESSORS (furrow_property_set_string, const char *, bank_branch, PROP_BANK_BRANCH)
ACCESSORS (furrow_property_set_string, const char *, account_number, PROP_ACCOUNT_NUMBER)
ACCESSORS (furrow_property_set_string, const char *, account_holder, PROP_ACCOUNT_HOLDER)
FURROW_PROPERTY_SETTER (FurrowHousehold, _furrow_household, FURROW_IS_HOUSEHOLD,
                        furrow_property_set_int64, gint64, id, properties[PROP_ID])
