/* SPDX-License-Identifier: GPL-3.0-or-later */
/* FurrowIncomePreview: the households' predicted income (furrow-income-preview.h). */
#include "config.h"

#include <glib/gi18n.h>

#include "furrow-distribution.h"
#include "furrow-income-preview-testing.h"
#include "furrow-roster-row.h"
#include "furrow-store-season.h"
#include "furrow-template.h"

struct _FurrowIncomePreview
{
  GtkBox         parent_instance;

  /* template */
  GtkLabel      *preview_status;
  GtkColumnView *preview_view;

  GListStore    *preview_store;   /* FurrowRosterRow: households, then the totals */
};

G_DEFINE_FINAL_TYPE (FurrowIncomePreview, furrow_income_preview, GTK_TYPE_BOX)

/* The template's children (furrow-template.h). */
#define CHILD(member) FURROW_TEMPLATE_CHILD (FurrowIncomePreview, member)
static const FurrowTemplateChild template_children[] = {
  CHILD (preview_status), CHILD (preview_view),
};
#undef CHILD

static void
preview_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  data)
{
  FurrowRosterColumn column = GPOINTER_TO_UINT (data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column <= FURROW_ROSTER_COLUMN_NAME ? 0.0f : 1.0f);
  /* The name gives way; amounts are never cut short (issue 13, item 2). */
  if (column == FURROW_ROSTER_COLUMN_NAME)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_size_request (label, 48, -1);
    }
  if (column == FURROW_ROSTER_COLUMN_CODE)
    gtk_widget_add_css_class (label, "caption");
  if (column >= FURROW_ROSTER_COLUMN_AREA)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
preview_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  data)
{
  FurrowRosterColumn column = GPOINTER_TO_UINT (data);
  FurrowRosterRow *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = furrow_roster_row_get_text (item, column);

  gtk_label_set_text (GTK_LABEL (label), text);
  if (furrow_roster_row_is_total (item))
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

static void
setup_columns (FurrowIncomePreview *self)
{
  const char *titles[FURROW_ROSTER_N_COLUMNS] = {
    [FURROW_ROSTER_COLUMN_CODE] = _("Code"), [FURROW_ROSTER_COLUMN_NAME] = _("Name"),
    [FURROW_ROSTER_COLUMN_AREA] = _("mu"), [FURROW_ROSTER_COLUMN_BASE] = _("Base"),
    [FURROW_ROSTER_COLUMN_DIVIDEND] = _("Dividend"), [FURROW_ROSTER_COLUMN_FEE] = _("Fee"),
    [FURROW_ROSTER_COLUMN_TOTAL] = _("Total"),
  };
  /* The name first and the 18-digit code last, after the amounts (issue 13, items 2 and 6); no
   * custody column. */
  static const FurrowRosterColumn order[] = {
    FURROW_ROSTER_COLUMN_NAME, FURROW_ROSTER_COLUMN_AREA, FURROW_ROSTER_COLUMN_BASE,
    FURROW_ROSTER_COLUMN_DIVIDEND, FURROW_ROSTER_COLUMN_FEE, FURROW_ROSTER_COLUMN_TOTAL,
    FURROW_ROSTER_COLUMN_CODE,
  };
  g_autoptr(GtkNoSelection) selection = NULL;

  self->preview_store = g_list_store_new (FURROW_TYPE_ROSTER_ROW);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->preview_store)));
  gtk_column_view_set_model (self->preview_view, GTK_SELECTION_MODEL (selection));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      FurrowRosterColumn c = order[i];
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (preview_setup_cb), GUINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (preview_bind_cb), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (titles[c], factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (c == FURROW_ROSTER_COLUMN_NAME)
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->preview_view, column);
    }
}

void
furrow_income_preview_update (FurrowIncomePreview *self,
                              FurrowStore         *store,
                              FurrowSeason        *season)
{
  g_autoptr(FurrowSeasonSettlementInput) in = NULL;
  g_autofree FurrowDistributionShare *shares = NULL;
  g_autoptr(GError) error = NULL;
  FurrowDistributionResult result;
  FurrowDistributionShare sum;

  g_return_if_fail (FURROW_IS_INCOME_PREVIEW (self));

  if (store == NULL || season == NULL)
    {
      g_list_store_remove_all (self->preview_store);
      gtk_label_set_text (self->preview_status, "");
      return;
    }
  in = furrow_store_build_prediction_input (store, season, &error);
  if (in != NULL)
    {
      shares = g_new0 (FurrowDistributionShare, in->input.n_households + 1);
      if (!furrow_distribution_compute (&in->input, &result, shares, &error))
        g_clear_pointer (&in, furrow_season_settlement_input_free);
    }
  if (in == NULL)
    {
      /* The engine's reason (a split to fix, a base below zero …) instead of the list. */
      g_list_store_remove_all (self->preview_store);
      gtk_widget_set_visible (GTK_WIDGET (self->preview_view), FALSE);
      gtk_label_set_text (self->preview_status, error->message);
      return;
    }

  {
    g_autofree char *summary = furrow_distribution_format_summary (&in->input, &result);
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

    gtk_label_set_text (self->preview_status, summary);
    for (gsize i = 0; i < in->input.n_households; i++)
      g_ptr_array_add (items, furrow_roster_row_new_share (in->input.households[i].code,
                                                           in->input.households[i].name,
                                                           &shares[i], FALSE));
    furrow_distribution_sum_shares (shares, in->input.n_households, &sum);
    g_ptr_array_add (items, furrow_roster_row_new_share (NULL, _("Total"), &sum, TRUE));
    g_list_store_splice (self->preview_store, 0,
                         g_list_model_get_n_items (G_LIST_MODEL (self->preview_store)),
                         items->pdata, items->len);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->preview_view), TRUE);
}

char *
furrow_income_preview_get_text (FurrowIncomePreview *self,
                                const char          *code,
                                guint                column)
{
  GListModel *model;

  g_return_val_if_fail (FURROW_IS_INCOME_PREVIEW (self), NULL);
  g_return_val_if_fail (column < FURROW_ROSTER_N_COLUMNS, NULL);

  model = G_LIST_MODEL (self->preview_store);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->preview_view)))
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FurrowRosterRow) item = g_list_model_get_item (model, i);

      if (code == NULL ? furrow_roster_row_is_total (item)
                       : g_strcmp0 (furrow_roster_row_get_code (item), code) == 0)
        return furrow_roster_row_get_text (item, column);
    }
  return NULL;
}

static void
furrow_income_preview_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FURROW_TYPE_INCOME_PREVIEW);

  G_OBJECT_CLASS (furrow_income_preview_parent_class)->dispose (object);
}

static void
furrow_income_preview_finalize (GObject *object)
{
  FurrowIncomePreview *self = FURROW_INCOME_PREVIEW (object);

  g_clear_object (&self->preview_store);

  G_OBJECT_CLASS (furrow_income_preview_parent_class)->finalize (object);
}

static void
furrow_income_preview_class_init (FurrowIncomePreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = furrow_income_preview_dispose;
  object_class->finalize = furrow_income_preview_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH
                                               "/ui/season/furrow-income-preview.ui");
  furrow_widget_class_bind_template_children (widget_class, template_children,
                                              G_N_ELEMENTS (template_children));
}

static void
furrow_income_preview_init (FurrowIncomePreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_columns (self);
}
