/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "furrow-plan-batch-testing.h"

#include <glib/gi18n.h>

typedef struct
{
  GPtrArray         *fields;     /* FurrowGeometry, referenced */
  FurrowPattern      pattern;
  FurrowYieldModel   model;
  FurrowLayoutFlags  flags;
} BatchData;

static void
batch_data_free (BatchData *data)
{
  g_ptr_array_unref (data->fields);
  g_free (data);
}

void
furrow_plan_result_free (FurrowPlanResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->layout, furrow_layout_free);
  g_free (result);
}

GPtrArray *
furrow_plan_batch (FurrowGeometry * const  *fields,
                   guint                    n_fields,
                   const FurrowPattern     *pattern,
                   const FurrowYieldModel  *model,
                   FurrowLayoutFlags        flags,
                   GCancellable            *cancellable,
                   GError                 **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (
    (GDestroyNotify) furrow_plan_result_free);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(FurrowPlanResult) r = g_new0 (FurrowPlanResult, 1);
      g_autoptr(GError) local_error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      r->layout = furrow_layout_compute (fields[i], pattern, flags, &local_error);
      if (r->layout == NULL)
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("field %u of %u: %s"), i + 1, n_fields, local_error->message);
          return NULL;
        }
      furrow_yield_model_predict_layout (model, r->layout, &r->prediction);
      g_ptr_array_add (results, g_steal_pointer (&r));
    }
  return g_steal_pointer (&results);
}

static void
batch_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BatchData *data = task_data;
  GError *error = NULL;
  GPtrArray *results;

  results = furrow_plan_batch ((FurrowGeometry * const *) data->fields->pdata, data->fields->len,
                               &data->pattern, &data->model, data->flags, cancellable, &error);
  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

void
furrow_plan_batch_async (FurrowGeometry * const  *fields,
                         guint                    n_fields,
                         const FurrowPattern     *pattern,
                         const FurrowYieldModel  *model,
                         FurrowLayoutFlags        flags,
                         GCancellable            *cancellable,
                         GAsyncReadyCallback      callback,
                         gpointer                 user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  BatchData *data = g_new0 (BatchData, 1);

  g_task_set_source_tag (task, furrow_plan_batch_async);
  data->fields = g_ptr_array_new_full (n_fields, (GDestroyNotify) furrow_geometry_unref);
  for (guint i = 0; i < n_fields; i++)
    g_ptr_array_add (data->fields, furrow_geometry_ref (fields[i]));
  data->pattern = *pattern;
  data->model = *model;
  data->flags = flags;
  g_task_set_task_data (task, data, (GDestroyNotify) batch_data_free);
  g_task_run_in_thread (task, batch_thread);
}

GPtrArray *
furrow_plan_batch_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == furrow_plan_batch_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
