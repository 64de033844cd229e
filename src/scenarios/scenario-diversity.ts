import type { DiversityReportResponse } from '../contract/scenarios';
import { SCENARIO_CATEGORY_LABELS, type ScenarioCategory } from '../core/scenario-categories';
import { scenarioDiversity } from '../core/scenario-diversity';
import type { Db } from '../db/client';
import { diversityInputs, scenarioCatalog } from '../db/queries/scenarios';

/** The scenario diversity report (US8.2.1) over the library's non-archived scenarios, with the catalog's labels. */
export async function scenarioDiversityReport(db: Db): Promise<DiversityReportResponse> {
  const [{ items, documentCategories }, catalog] = await Promise.all([diversityInputs(db), scenarioCatalog(db)]);
  return scenarioDiversity(items, {
    documentCategories,
    labels: (dimension, key) => (dimension === 'category' ? (SCENARIO_CATEGORY_LABELS[key as ScenarioCategory] ?? key) : (catalog[dimension].find((v) => v.key === key)?.label ?? key)),
  });
}
