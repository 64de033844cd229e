import { api, id, toQueryString } from './api';
import type { ListParams } from './endpoints';
import { deletedTemplate, keptTest, templateDetail, templateList, templatePreview, templateTestList, templateTestResult, templateVersionList, updateTemplateResult, type CreateTemplateBody, type PreviewTemplateBody, type TemplateListQuery, type TestTemplateBody, type UpdateTemplateBody } from '../../contract/templates';
import { arcList, arcPreset, arcPresetList, deletedArcPreset, type PutArcs } from '../../contract/arcs';
import { fillTemplatePlan, tiersOverview } from '../../contract/tiers';
import { templateAnalytics, templateTrend, type TemplateAnalyticsQuery, type TrendBucket } from '../../contract/template-analytics';
import { deleteScenarioResult, deriveEstimate, deriveRunResponse, diversityReport, scenarioItem, scenarioPage, type CreateScenarioBody, type DeriveScenariosBody, type ScenarioListQuery, type UpdateScenario } from '../../contract/scenarios';
import {
  deletedEdgeCase,
  edgeCaseCoverage,
  edgeCaseItem,
  edgeCaseList,
  edgeCaseSuggestion,
  edgeCaseSuggestionList,
  planSuggestionsResult,
  type CreateEdgeCase,
  type EdgeCaseListQuery,
  type UpdateEdgeCase,
} from '../../contract/edge-cases';

/**
 * The calls behind prompt design and the three tiers (templates and their analytics, arcs, the
 * tier overview, scenarios, edge cases), spread into `endpoints`: components call them from there.
 */

export type TemplateAnalyticsParams = Partial<TemplateAnalyticsQuery>;
export interface TemplateTrendParams {
  templateIds: string[];
  bucket: TrendBucket;
  byVersion?: boolean;
}

export const promptDesignEndpoints = {
  templateAnalytics: {
    list: (query: TemplateAnalyticsParams) => api.get(templateAnalytics, `/api/templates/analytics${toQueryString(query)}`),
    trend: (query: TemplateTrendParams) => api.get(templateTrend, `/api/templates/analytics/trend${toQueryString({ ...query })}`),
    csvUrl: (query: TemplateAnalyticsParams) => `/api/templates/analytics.csv${toQueryString(query)}`,
  },
  /** Prompt templates: list, editor, versions, activation, preview and tests. */
  templates: {
    list: (query: TemplateListQuery = {}) => api.get(templateList, `/api/templates${toQueryString(query)}`),
    get: (templateId: string) => api.get(templateDetail, `/api/templates/${id(templateId)}`),
    create: (body: CreateTemplateBody) => api.post(templateDetail, '/api/templates', body),
    update: (templateId: string, body: UpdateTemplateBody) => api.patch(updateTemplateResult, `/api/templates/${id(templateId)}`, body),
    remove: (templateId: string) => api.delete(deletedTemplate, `/api/templates/${id(templateId)}`),
    versions: (templateId: string) => api.get(templateVersionList, `/api/templates/${id(templateId)}/versions`),
    activate: (templateId: string, version: number) => api.post(templateDetail, `/api/templates/${id(templateId)}/activate`, { version }),
    deactivate: (templateId: string) => api.post(templateDetail, `/api/templates/${id(templateId)}/deactivate`),
    preview: (body: PreviewTemplateBody) => api.post(templatePreview, '/api/templates/preview', body),
    test: (templateId: string, body: TestTemplateBody) => api.post(templateTestResult, `/api/templates/${id(templateId)}/test`, body),
    tests: (templateId: string) => api.get(templateTestList, `/api/templates/${id(templateId)}/tests`),
    keep: (templateId: string, testId: string) => api.post(keptTest, `/api/templates/${id(templateId)}/tests/${id(testId)}/keep`),
  },
  /** Tier 2: the scenario library, scenarios drawn from chunks, the diversity report. */
  scenarios: {
    list: (query: ListParams<ScenarioListQuery>) => api.get(scenarioPage, `/api/scenarios${toQueryString(query)}`),
    detail: (scenarioId: string) => api.get(scenarioItem, `/api/scenarios/${id(scenarioId)}`),
    create: (body: CreateScenarioBody) => api.post(scenarioItem, '/api/scenarios', body),
    update: (scenarioId: string, body: UpdateScenario) => api.patch(scenarioItem, `/api/scenarios/${id(scenarioId)}`, body),
    remove: (scenarioId: string) => api.delete(deleteScenarioResult, `/api/scenarios/${id(scenarioId)}`),
    duplicate: (scenarioId: string) => api.post(scenarioItem, `/api/scenarios/${id(scenarioId)}/duplicate`),
    diversity: () => api.get(diversityReport, '/api/scenarios/diversity'),
    deriveEstimate: (body: DeriveScenariosBody) => api.post(deriveEstimate, '/api/scenarios/derive/estimate', body),
    derive: (body: DeriveScenariosBody) => api.post(deriveRunResponse, '/api/scenarios/derive', body),
  },

  /** Tier 1's emotional arcs: the distribution, presets and reset. */
  arcs: {
    list: () => api.get(arcList, '/api/arcs'),
    save: (body: PutArcs) => api.put(arcList, '/api/arcs', body),
    reset: () => api.post(arcList, '/api/arcs/reset'),
    presets: () => api.get(arcPresetList, '/api/arcs/presets'),
    savePreset: (name: string) => api.post(arcPreset, '/api/arcs/presets', { name }),
    applyPreset: (presetId: number) => api.post(arcList, `/api/arcs/presets/${presetId}/apply`),
    deletePreset: (presetId: number) => api.delete(deletedArcPreset, `/api/arcs/presets/${presetId}`),
  },

  /** The three tiers' progress, and filling the template tier's gaps. */
  tiers: {
    overview: () => api.get(tiersOverview, '/api/tiers'),
    previewFill: () => api.post(fillTemplatePlan, '/api/tiers/template/fill/preview', {}),
    fill: () => api.post(fillTemplatePlan, '/api/tiers/template/fill', {}),
  },
  edgeCases: {
    list: (query: EdgeCaseListQuery = {}) => api.get(edgeCaseList, `/api/edge-cases${toQueryString(query)}`),
    create: (body: CreateEdgeCase) => api.post(edgeCaseItem, '/api/edge-cases', body),
    update: (edgeCaseId: string, body: UpdateEdgeCase) => api.patch(edgeCaseItem, `/api/edge-cases/${id(edgeCaseId)}`, body),
    remove: (edgeCaseId: string) => api.delete(deletedEdgeCase, `/api/edge-cases/${id(edgeCaseId)}`),
    suggestions: () => api.get(edgeCaseSuggestionList, '/api/edge-cases/suggestions'),
    markSuggestion: (key: string, verb: 'dismiss' | 'complete' | 'reopen') => api.post(edgeCaseSuggestion, `/api/edge-cases/suggestions/${id(key)}/${verb}`, {}),
    planSuggestions: (keys: string[]) => api.post(planSuggestionsResult, '/api/edge-cases/suggestions/plan', { keys }),
    coverage: () => api.get(edgeCaseCoverage, '/api/edge-cases/coverage'),
    coverageCsvUrl: '/api/edge-cases/coverage.csv',
  },
};
