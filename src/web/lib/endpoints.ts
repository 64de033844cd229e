import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ActivityQuery, AuditReviewFilters, AuditReviewQuery } from '../../contract/audit';
import type { BulkDeleteRequest, BulkKind, BulkPreviewRequest, BulkReviewRequest, BulkUndoRequest } from '../../contract/bulk';
import type { ClientErrorReport } from '../../contract/client-errors';
import type { ConversationListQuery, ReviewRequest } from '../../contract/conversations';
import type { ExportHistoryQuery, ExportRequestInput } from '../../contract/exports';
import type { GenerationLogQuery } from '../../contract/generation-logs';
import type { PreferencesPatch } from '../../contract/preferences';
import type { createRunBody, selectorSchema } from '../../contract/runs';
import type { SettingsHistoryQuery, SettingsPatch } from '../../contract/settings';
import { activityReport, complianceReport, conversationAudit, retentionResult, reviewEventPage } from '../../contract/audit';
import { bulkAction, bulkPreview, bulkUndoResult } from '../../contract/bulk';
import { createdSlot, planCreated, planPreview, planSources, type CreateSlotBody, type PlanRequest } from '../../contract/plan';
import { catalogImportResult, catalogItem, catalogItemList, deleteCatalogResult, type CreateCatalogValue, type UpdateCatalogValue } from '../../contract/dimension-catalog';
import { checklist } from '../../contract/workspace';
import type { Dimension } from '../../core/tiers';
import { catalogResponse } from '../../contract/catalog';
import { deleteResponse, documentChunkList, documentDetail, documentImpact, documentListResponse, rechunkResponse, uploadResponse, type DocumentListQuery, type DocumentPatch } from '../../contract/documents';
import { chunkDetail, dimensionEstimate, dimensionRunResponse, type ChunkPatchBody, type DimensionRunBody } from '../../contract/chunk-dimensions';
import { clientErrorReceipt } from '../../contract/client-errors';
import { conversationDetail, conversationListResponse, conversationPosition, resolvedPrompt, reviewResult, statusCounts } from '../../contract/conversations';
import { exportHistoryPage, exportLogEntry, exportPreview } from '../../contract/exports';
import { generationLogDetail, generationLogPage } from '../../contract/generation-logs';
import { preferences } from '../../contract/preferences';
import { createRunResponse, generateResponse, runEstimate, runList, runProgress } from '../../contract/runs';
import { rateLimitsView, settingsHistoryPage, settingsResponse } from '../../contract/settings';
import { seedComparison, seedImportResult, seedStructure, seedTemplateResult, type SeedTemplateRequest } from '../../contract/seeds';
import { acceptedInvitation, createdUser, health, invitation, me, providerStatus, setupStatus, signInResult, signOutResult } from '../../contract/system';
import { api, id, toQueryString } from './api';
import type { TemplateListQuery, PreviewTemplateBody } from '../../contract/templates';
import type { ScenarioListQuery, DeriveScenariosBody } from '../../contract/scenarios';
import type { EdgeCaseListQuery } from '../../contract/edge-cases';
import { datasetEndpoints, datasetQueries, datasetQueryKeys } from './dataset-endpoints';
import { promptDesignEndpoints, type TemplateAnalyticsParams, type TemplateTrendParams } from './prompt-design-endpoints';

export type { TemplateAnalyticsParams, TemplateTrendParams };

/**
 * Every call the web app makes to the API, typed by the contract (DESIGN.md, "The web's edge is
 * typed"): components never write an '/api/…' path or a response type by hand. Beside the calls:
 * the query-key factory the cache is addressed with, and the query options that pair each read
 * with its key.
 */

/** A list query as the web holds it: the API's parsed values (lists as arrays), all optional. */
export type ListParams<T> = Partial<T>;
export type ConversationListParams = ListParams<ConversationListQuery>;
export type GenerationLogParams = ListParams<GenerationLogQuery>;
export type ReviewLogParams = ListParams<AuditReviewQuery>;
export type ExportHistoryParams = ListParams<ExportHistoryQuery>;
export type SelectorInput = z.input<typeof selectorSchema>;
export type CreateRunInput = z.input<typeof createRunBody>;
export type RunAction = 'cancel' | 'pause' | 'resume';
export type ConversationFilterParams = Omit<ConversationListParams, 'sort' | 'dir' | 'page' | 'pageSize'>;

/** better-auth's own routes and the two account routes whose bodies the server declares inline. */
interface Credentials {
  email: string;
  password: string;
}


export const endpoints = {
  health: () => api.get(health, '/api/health'),
  provider: () => api.get(providerStatus, '/api/provider'),
  catalog: () => api.get(catalogResponse, '/api/catalog'),

  /** One dimension's values for the Catalog page: inactive ones too, with usage counts. */
  catalogValues: {
    list: (dimension: Dimension) => api.get(catalogItemList, `/api/catalog/${dimension}`),
    create: (dimension: Dimension, body: CreateCatalogValue) => api.post(catalogItem, `/api/catalog/${dimension}`, body),
    update: (dimension: Dimension, key: string, body: UpdateCatalogValue) => api.patch(catalogItem, `/api/catalog/${dimension}/${id(key)}`, body),
    remove: (dimension: Dimension, key: string) => api.delete(deleteCatalogResult, `/api/catalog/${dimension}/${id(key)}`),
    reorder: (dimension: Dimension, keys: string[]) => api.post(catalogItemList, `/api/catalog/${dimension}/order`, { keys }),
    /** A CSV or JSON file's text, sent as it is: the server names the line or item of any problem. */
    import: (text: string, format: 'csv' | 'json') => api.postRaw(catalogImportResult, '/api/catalog/import', { raw: text, contentType: format === 'csv' ? 'text/csv' : 'application/json' }),
  },

  workspace: {
    checklist: () => api.get(checklist, '/api/workspace/checklist'),
  },

  account: {
    me: () => api.get(me, '/api/me'),
    setupStatus: () => api.get(setupStatus, '/api/setup'),
    /** Creates the first admin; only while the workspace has no users. */
    setup: (body: Credentials & { name: string }) => api.post(createdUser, '/api/setup', body),
    signIn: (body: Credentials) => api.post(signInResult, '/api/auth/sign-in/email', body),
    signOut: () => api.post(signOutResult, '/api/auth/sign-out'),
    invitation: (token: string) => api.get(invitation, `/api/invitations/${id(token)}`),
    acceptInvitation: (body: { token: string; password: string }) => api.post(acceptedInvitation, '/api/invitations/accept', body),
    preferences: () => api.get(preferences, '/api/me/preferences'),
    updatePreferences: (patch: PreferencesPatch) => api.patch(preferences, '/api/me/preferences', patch),
  },

  plan: {
    sources: () => api.get(planSources, '/api/plan/sources'),
    /** What a plan would create; nothing is stored. */
    preview: (body: PlanRequest) => api.post(planPreview, '/api/plan/preview', body),
    create: (body: PlanRequest) => api.post(planCreated, '/api/plan', body),
    /** One conversation slot by hand. */
    createSlot: (body: CreateSlotBody) => api.post(createdSlot, '/api/conversations', body),
  },

  documents: {
    list: (query: DocumentListQuery = {}) => api.get(documentListResponse, `/api/documents${toQueryString(query)}`),
    get: (documentId: string) => api.get(documentDetail, `/api/documents/${id(documentId)}`),
    chunks: (documentId: string, q?: string) => api.get(documentChunkList, `/api/documents/${id(documentId)}/chunks${toQueryString({ q })}`),
    /** Multipart upload with progress; fields go before the file so the server reads them first. */
    upload: (file: File, fields: { category?: string; title?: string; author?: string; replace?: string }, onProgress?: (fraction: number) => void) => {
      const form = new FormData();
      for (const [key, value] of Object.entries(fields)) if (value) form.append(key, value);
      form.append('file', file, file.name);
      return api.upload(uploadResponse, '/api/documents', form, onProgress);
    },
    update: (documentId: string, patch: DocumentPatch) => api.patch(documentDetail, `/api/documents/${id(documentId)}`, patch),
    impact: (documentId: string) => api.get(documentImpact, `/api/documents/${id(documentId)}/impact`),
    remove: (documentId: string, confirm: boolean) => api.delete(deleteResponse, `/api/documents/${id(documentId)}${confirm ? '?confirm=true' : ''}`),
    rechunk: (documentId: string) => api.post(rechunkResponse, `/api/documents/${id(documentId)}/rechunk`),
  },

  /** Chunk dimensions: a durable analysis run (estimate first), and hand edits of one chunk. */
  chunkDimensions: {
    estimate: (body: DimensionRunBody) => api.post(dimensionEstimate, '/api/documents/dimensions/estimate', body),
    start: (body: DimensionRunBody) => api.post(dimensionRunResponse, '/api/documents/dimensions/runs', body),
    chunk: (chunkId: string) => api.get(chunkDetail, `/api/chunks/${id(chunkId)}`),
    edit: (chunkId: string, body: ChunkPatchBody) => api.patch(chunkDetail, `/api/chunks/${id(chunkId)}`, body),
  },

  conversations: {
    list: (query: ConversationListParams) => api.get(conversationListResponse, `/api/conversations${toQueryString(query)}`),
    /** How many the filter matches in each status (its status part ignored), for the status pills. */
    statusCounts: (filter: ConversationFilterParams) => api.get(statusCounts, `/api/conversations/status-counts${toQueryString(filter)}`),
    /** Where a conversation stands in a filtered, sorted list, to open the page that holds it. */
    position: (conversationId: string, query: ConversationListParams) => api.get(conversationPosition, `/api/conversations/${id(conversationId)}/position${toQueryString(query)}`),
    /** By row id or human id (conv-00042). */
    detail: (conversationId: string) => api.get(conversationDetail, `/api/conversations/${id(conversationId)}`),
    audit: (conversationId: string) => api.get(conversationAudit, `/api/conversations/${id(conversationId)}/audit`),
    prompt: (conversationId: string) => api.get(resolvedPrompt, `/api/conversations/${id(conversationId)}/prompt`),
    generate: (conversationId: string) => api.post(generateResponse, `/api/conversations/${id(conversationId)}/generate`),
    review: (conversationId: string, body: ReviewRequest) => api.post(reviewResult, `/api/conversations/${id(conversationId)}/review`, body),
    /** What a bulk action would do to a selection now, in counts; changes nothing. */
    bulkPreview: (body: BulkPreviewRequest) => api.post(bulkPreview, '/api/conversations/bulk/preview', body),
    bulkReview: (body: BulkReviewRequest) => api.post(bulkAction, '/api/conversations/bulk/review', body),
    bulkDelete: (body: BulkDeleteRequest) => api.post(bulkAction, '/api/conversations/bulk/delete', body),
    bulkUndo: (body: BulkUndoRequest) => api.post(bulkUndoResult, '/api/conversations/bulk/undo', body),
    /** A running bulk action's progress (kept for an hour). */
    bulkAction: (actionId: string) => api.get(bulkAction, `/api/conversations/bulk/actions/${id(actionId)}`),
    /** Stops a running bulk action after the batch in progress. */
    stopBulkAction: (actionId: string) => api.post(bulkAction, `/api/conversations/bulk/actions/${id(actionId)}/cancel`),
  },

  runs: {
    recent: () => api.get(runList, '/api/runs'),
    get: (runId: string) => api.get(runProgress, `/api/runs/${id(runId)}`),
    estimate: (selector: SelectorInput) => api.post(runEstimate, '/api/runs/estimate', selector),
    create: (body: CreateRunInput) => api.post(createRunResponse, '/api/runs', body),
    control: (runId: string, action: RunAction) => api.post(runProgress, `/api/runs/${id(runId)}/${action}`),
  },

  generationLogs: {
    list: (query: GenerationLogParams) => api.get(generationLogPage, `/api/generation-logs${toQueryString(query)}`),
    get: (logId: string) => api.get(generationLogDetail, `/api/generation-logs/${id(logId)}`),
    csvUrl: (query: Omit<GenerationLogParams, 'page' | 'pageSize'>) => `/api/generation-logs.csv${toQueryString(query)}`,
  },

  audit: {
    reviews: (query: ReviewLogParams) => api.get(reviewEventPage, `/api/audit/reviews${toQueryString(query)}`),
    reviewsCsvUrl: (query: ListParams<AuditReviewFilters>) => `/api/audit/reviews.csv${toQueryString(query)}`,
    activity: (query: ActivityQuery) => api.get(activityReport, `/api/reports/activity${toQueryString(query)}`),
    activityCsvUrl: (query: ActivityQuery) => `/api/reports/activity.csv${toQueryString(query)}`,
    compliance: () => api.get(complianceReport, '/api/reports/compliance'),
  },

  exports: {
    history: (query: ExportHistoryParams) => api.get(exportHistoryPage, `/api/exports${toQueryString(query)}`),
    historyCsvUrl: (query: Omit<ExportHistoryParams, 'page' | 'pageSize'>) => `/api/exports.csv${toQueryString(query)}`,
    get: (exportId: string) => api.get(exportLogEntry, `/api/exports/${id(exportId)}`),
    preview: (request: ExportRequestInput) => api.post(exportPreview, '/api/exports/preview', request),
    /** A browser download is a form post here (field `request`), so the file streams to disk. */
    downloadUrl: '/api/exports/download',
  },

  settings: {
    get: () => api.get(settingsResponse, '/api/settings'),
    update: (patch: SettingsPatch) => api.patch(settingsResponse, '/api/settings', patch),
    history: (query: ListParams<SettingsHistoryQuery>) => api.get(settingsHistoryPage, `/api/settings/history${toQueryString(query)}`),
    rateLimits: () => api.get(rateLimitsView, '/api/settings/rate-limits'),
    runRetention: () => api.post(retentionResult, '/api/admin/retention/run'),
  },

  seeds: {
    /** Uploads a seed file as it is, so a problem is named by its line in that file. */
    importFile: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.post(seedImportResult, '/api/seeds/import', form);
    },
    comparison: () => api.get(seedComparison, '/api/seeds/comparison'),
    structure: (conversationId: string) => api.get(seedStructure, `/api/seeds/${id(conversationId)}/structure`),
    useAsTemplate: (conversationId: string, body: SeedTemplateRequest) => api.post(seedTemplateResult, `/api/seeds/${id(conversationId)}/template`, body),
  },

  ...promptDesignEndpoints,
  ...datasetEndpoints,

  reportClientError: (report: ClientErrorReport) => api.post(clientErrorReceipt, '/api/client-errors', report),
};

/**
 * The cache's addresses. Keys nest, so invalidating a prefix refreshes everything under it:
 * `conversations.all` every list (pages, infinite scroll, counts), `conversation.all` every
 * detail and audit trail (a conversation's trail sits under its detail, so a review shows in an
 * open trail at once).
 */
export const queryKeys = {
  ...datasetQueryKeys,
  me: () => ['me'] as const,
  setup: () => ['setup'] as const,
  health: () => ['health'] as const,
  provider: () => ['provider'] as const,
  catalog: () => ['catalog'] as const,
  planPreview: (body: PlanRequest) => ['plan', 'preview', body] as const,
  planSources: () => ['plan', 'sources'] as const,
  catalogValues: {
    all: ['catalog-values'] as const,
    list: (dimension: Dimension) => ['catalog-values', dimension] as const,
  },
  checklist: () => ['checklist'] as const,
  preferences: () => ['preferences'] as const,
  invitation: (token: string) => ['invitation', token] as const,
  documents: {
    all: ['documents'] as const,
    list: () => ['documents', 'list'] as const,
    chunks: (documentId: string, q?: string) => ['documents', 'chunks', documentId, q ?? ''] as const,
    filtered: (query: DocumentListQuery) => ['documents', 'list', query] as const,
    detail: (documentId: string) => ['documents', 'detail', documentId] as const,
  },
  conversations: {
    all: ['conversations'] as const,
    /** One page of the table. */
    list: (query: ConversationListParams) => ['conversations', 'list', query] as const,
    /** The same list loaded page after page, for infinite scroll. */
    pages: (query: Omit<ConversationListParams, 'page'>) => ['conversations', 'pages', query] as const,
    /** The unfiltered total, for "Showing 23 of 96". */
    total: () => ['conversations', 'total'] as const,
    failedCount: () => ['conversations', 'failed-count'] as const,
    statusCounts: (filter: ConversationFilterParams) => ['conversations', 'status-counts', filter] as const,
    position: (conversationId: string, query: ConversationListParams) => ['conversations', 'position', conversationId, query] as const,
    /** The first rows of a filter, for a confirmation's examples. */
    sample: (filter: ConversationFilterParams | null) => ['conversations', 'sample', filter] as const,
    /** What a bulk action would do to a selection: under `all`, so any change to conversations asks again. */
    bulkPreview: (kind: BulkKind, selection: unknown) => ['conversations', 'bulk-preview', kind, selection] as const,
  },
  conversation: {
    all: ['conversation'] as const,
    detail: (conversationId: string) => ['conversation', conversationId] as const,
    audit: (conversationId: string) => ['conversation', conversationId, 'audit'] as const,
    prompt: (conversationId: string) => ['conversation', conversationId, 'prompt'] as const,
  },
  runs: {
    all: ['runs'] as const,
    recent: () => ['runs', 'recent'] as const,
    detail: (runId: string) => ['runs', 'detail', runId] as const,
  },
  estimate: (selector: SelectorInput) => ['estimate', selector] as const,
  templates: {
    all: ['templates'] as const,
    list: (query: TemplateListQuery) => ['templates', 'list', query] as const,
    detail: (templateId: string) => ['templates', 'detail', templateId] as const,
    versions: (templateId: string) => ['templates', 'versions', templateId] as const,
    tests: (templateId: string) => ['templates', 'tests', templateId] as const,
    preview: (body: PreviewTemplateBody) => ['templates', 'preview', body] as const,
  },
  scenarios: {
    all: ['scenarios'] as const,
    list: (query: ListParams<ScenarioListQuery>) => ['scenarios', 'list', query] as const,
    detail: (scenarioId: string) => ['scenarios', 'detail', scenarioId] as const,
    diversity: () => ['scenarios', 'diversity'] as const,
    deriveEstimate: (body: DeriveScenariosBody) => ['scenarios', 'derive-estimate', body] as const,
  },
  chunkDimensions: {
    estimate: (body: DimensionRunBody) => ['chunk-dimensions', 'estimate', body] as const,
    chunk: (chunkId: string) => ['chunk-dimensions', 'chunk', chunkId] as const,
  },
  /** Under `conversations`, so any change to conversations (an import, a review, a delete) asks again. */
  seeds: {
    comparison: () => ['conversations', 'seed-comparison'] as const,
    structure: (conversationId: string) => ['conversations', 'seed-structure', conversationId] as const,
  },
  generationLogs: {
    all: ['generation-logs'] as const,
    list: (query: GenerationLogParams) => ['generation-logs', 'list', query] as const,
    detail: (logId: string) => ['generation-logs', 'detail', logId] as const,
  },
  audit: {
    all: ['audit'] as const,
    reviews: (query: ReviewLogParams) => ['audit', 'reviews', query] as const,
    activity: (query: ActivityQuery) => ['audit', 'activity', query] as const,
    compliance: () => ['audit', 'compliance'] as const,
  },
  exports: {
    all: ['exports'] as const,
    history: (query: ExportHistoryParams) => ['exports', 'history', query] as const,
    preview: (request: ExportRequestInput) => ['exports', 'preview', request] as const,
  },
  /** Under `conversations`, so a review or a new generation refreshes the figures. */
  templateAnalytics: {
    list: (query: TemplateAnalyticsParams) => ['conversations', 'template-analytics', query] as const,
    trend: (query: TemplateTrendParams) => ['conversations', 'template-trend', query] as const,
  },
  settings: {
    all: ['settings'] as const,
    current: () => ['settings', 'current'] as const,
    rateLimits: () => ['settings', 'rate-limits'] as const,
    history: {
      all: ['settings', 'history'] as const,
      page: (query: ListParams<SettingsHistoryQuery>) => ['settings', 'history', query] as const,
    },
  },
  arcs: {
    all: ['arcs'] as const,
    list: () => ['arcs', 'list'] as const,
    presets: () => ['arcs', 'presets'] as const,
  },
  /** Under `conversations`, so any change to conversations (a run, a plan, a review) asks again. */
  tiers: () => ['conversations', 'tiers'] as const,
  tierFillPreview: () => ['conversations', 'tiers', 'fill-preview'] as const,
  edgeCases: {
    all: ['edge-cases'] as const,
    list: (query: EdgeCaseListQuery) => ['edge-cases', 'list', query] as const,
    suggestions: () => ['edge-cases', 'suggestions'] as const,
    coverage: () => ['edge-cases', 'coverage'] as const,
  },
};

/** Each read with its key, so a key is never paired with another call's data. Spread and add options at the call site. */
export const queries = {
  ...datasetQueries,
  me: () => queryOptions({ queryKey: queryKeys.me(), queryFn: () => endpoints.account.me() }),
  setup: () => queryOptions({ queryKey: queryKeys.setup(), queryFn: () => endpoints.account.setupStatus() }),
  health: () => queryOptions({ queryKey: queryKeys.health(), queryFn: () => endpoints.health() }),
  provider: () => queryOptions({ queryKey: queryKeys.provider(), queryFn: () => endpoints.provider() }),
  catalog: () => queryOptions({ queryKey: queryKeys.catalog(), queryFn: () => endpoints.catalog() }),
  catalogValues: (dimension: Dimension) => queryOptions({ queryKey: queryKeys.catalogValues.list(dimension), queryFn: () => endpoints.catalogValues.list(dimension) }),
  checklist: () => queryOptions({ queryKey: queryKeys.checklist(), queryFn: () => endpoints.workspace.checklist() }),
  preferences: () => queryOptions({ queryKey: queryKeys.preferences(), queryFn: () => endpoints.account.preferences() }),
  invitation: (token: string) => queryOptions({ queryKey: queryKeys.invitation(token), queryFn: () => endpoints.account.invitation(token) }),
  planSources: () => queryOptions({ queryKey: queryKeys.planSources(), queryFn: () => endpoints.plan.sources() }),
  planPreview: (body: PlanRequest) => queryOptions({ queryKey: queryKeys.planPreview(body), queryFn: () => endpoints.plan.preview(body) }),
  documents: (query: DocumentListQuery = {}) => queryOptions({ queryKey: queryKeys.documents.filtered(query), queryFn: () => endpoints.documents.list(query) }),
  chunks: (documentId: string, q?: string) => queryOptions({ queryKey: queryKeys.documents.chunks(documentId, q), queryFn: () => endpoints.documents.chunks(documentId, q) }),
  document: (documentId: string) => queryOptions({ queryKey: queryKeys.documents.detail(documentId), queryFn: () => endpoints.documents.get(documentId) }),
  conversationList: (query: ConversationListParams) => queryOptions({ queryKey: queryKeys.conversations.list(query), queryFn: () => endpoints.conversations.list(query) }),
  conversationTotal: () => queryOptions({ queryKey: queryKeys.conversations.total(), queryFn: () => endpoints.conversations.list({ pageSize: 25 }) }),
  statusCounts: (filter: ConversationFilterParams) => queryOptions({ queryKey: queryKeys.conversations.statusCounts(filter), queryFn: () => endpoints.conversations.statusCounts(filter) }),
  conversationPosition: (conversationId: string, query: ConversationListParams) =>
    queryOptions({ queryKey: queryKeys.conversations.position(conversationId, query), queryFn: () => endpoints.conversations.position(conversationId, query) }),
  failedCount: () => queryOptions({ queryKey: queryKeys.conversations.failedCount(), queryFn: () => endpoints.conversations.list({ status: ['failed'], pageSize: 25 }) }),
  conversationSample: (filter: ConversationFilterParams | null) =>
    queryOptions({ queryKey: queryKeys.conversations.sample(filter), queryFn: () => endpoints.conversations.list({ ...filter, pageSize: 25 }) }),
  conversation: (conversationId: string) => queryOptions({ queryKey: queryKeys.conversation.detail(conversationId), queryFn: () => endpoints.conversations.detail(conversationId) }),
  conversationAudit: (conversationId: string) => queryOptions({ queryKey: queryKeys.conversation.audit(conversationId), queryFn: () => endpoints.conversations.audit(conversationId) }),
  recentRuns: () => queryOptions({ queryKey: queryKeys.runs.recent(), queryFn: () => endpoints.runs.recent() }),
  run: (runId: string) => queryOptions({ queryKey: queryKeys.runs.detail(runId), queryFn: () => endpoints.runs.get(runId) }),
  estimate: (selector: SelectorInput) => queryOptions({ queryKey: queryKeys.estimate(selector), queryFn: () => endpoints.runs.estimate(selector) }),
  scenarios: (query: ListParams<ScenarioListQuery>) => queryOptions({ queryKey: queryKeys.scenarios.list(query), queryFn: () => endpoints.scenarios.list(query) }),
  scenario: (scenarioId: string) => queryOptions({ queryKey: queryKeys.scenarios.detail(scenarioId), queryFn: () => endpoints.scenarios.detail(scenarioId) }),
  scenarioDiversity: () => queryOptions({ queryKey: queryKeys.scenarios.diversity(), queryFn: () => endpoints.scenarios.diversity() }),
  scenarioDeriveEstimate: (body: DeriveScenariosBody) => queryOptions({ queryKey: queryKeys.scenarios.deriveEstimate(body), queryFn: () => endpoints.scenarios.deriveEstimate(body) }),
  dimensionEstimate: (body: DimensionRunBody) => queryOptions({ queryKey: queryKeys.chunkDimensions.estimate(body), queryFn: () => endpoints.chunkDimensions.estimate(body) }),
  chunk: (chunkId: string) => queryOptions({ queryKey: queryKeys.chunkDimensions.chunk(chunkId), queryFn: () => endpoints.chunkDimensions.chunk(chunkId) }),
  seedComparison: () => queryOptions({ queryKey: queryKeys.seeds.comparison(), queryFn: () => endpoints.seeds.comparison() }),
  seedStructure: (conversationId: string) => queryOptions({ queryKey: queryKeys.seeds.structure(conversationId), queryFn: () => endpoints.seeds.structure(conversationId) }),
  generationLogs: (query: GenerationLogParams) => queryOptions({ queryKey: queryKeys.generationLogs.list(query), queryFn: () => endpoints.generationLogs.list(query) }),
  generationLog: (logId: string) => queryOptions({ queryKey: queryKeys.generationLogs.detail(logId), queryFn: () => endpoints.generationLogs.get(logId) }),
  reviewEvents: (query: ReviewLogParams) => queryOptions({ queryKey: queryKeys.audit.reviews(query), queryFn: () => endpoints.audit.reviews(query) }),
  activity: (query: ActivityQuery) => queryOptions({ queryKey: queryKeys.audit.activity(query), queryFn: () => endpoints.audit.activity(query) }),
  compliance: () => queryOptions({ queryKey: queryKeys.audit.compliance(), queryFn: () => endpoints.audit.compliance() }),
  exportHistory: (query: ExportHistoryParams) => queryOptions({ queryKey: queryKeys.exports.history(query), queryFn: () => endpoints.exports.history(query) }),
  exportPreview: (request: ExportRequestInput) => queryOptions({ queryKey: queryKeys.exports.preview(request), queryFn: () => endpoints.exports.preview(request) }),
  settings: () => queryOptions({ queryKey: queryKeys.settings.current(), queryFn: () => endpoints.settings.get() }),
  rateLimits: () => queryOptions({ queryKey: queryKeys.settings.rateLimits(), queryFn: () => endpoints.settings.rateLimits() }),
  templateAnalytics: (query: TemplateAnalyticsParams) => queryOptions({ queryKey: queryKeys.templateAnalytics.list(query), queryFn: () => endpoints.templateAnalytics.list(query) }),
  templateTrend: (query: TemplateTrendParams) => queryOptions({ queryKey: queryKeys.templateAnalytics.trend(query), queryFn: () => endpoints.templateAnalytics.trend(query) }),
  conversationPrompt: (conversationId: string) => queryOptions({ queryKey: queryKeys.conversation.prompt(conversationId), queryFn: () => endpoints.conversations.prompt(conversationId) }),
  templates: (query: TemplateListQuery = {}) => queryOptions({ queryKey: queryKeys.templates.list(query), queryFn: () => endpoints.templates.list(query) }),
  template: (templateId: string) => queryOptions({ queryKey: queryKeys.templates.detail(templateId), queryFn: () => endpoints.templates.get(templateId) }),
  templateVersions: (templateId: string) => queryOptions({ queryKey: queryKeys.templates.versions(templateId), queryFn: () => endpoints.templates.versions(templateId) }),
  templateTests: (templateId: string) => queryOptions({ queryKey: queryKeys.templates.tests(templateId), queryFn: () => endpoints.templates.tests(templateId) }),
  templatePreview: (body: PreviewTemplateBody) => queryOptions({ queryKey: queryKeys.templates.preview(body), queryFn: () => endpoints.templates.preview(body) }),
  settingsHistory: (query: ListParams<SettingsHistoryQuery>) => queryOptions({ queryKey: queryKeys.settings.history.page(query), queryFn: () => endpoints.settings.history(query) }),
  arcs: () => queryOptions({ queryKey: queryKeys.arcs.list(), queryFn: () => endpoints.arcs.list() }),
  arcPresets: () => queryOptions({ queryKey: queryKeys.arcs.presets(), queryFn: () => endpoints.arcs.presets() }),
  tiers: () => queryOptions({ queryKey: queryKeys.tiers(), queryFn: () => endpoints.tiers.overview() }),
  tierFillPreview: () => queryOptions({ queryKey: queryKeys.tierFillPreview(), queryFn: () => endpoints.tiers.previewFill() }),
  edgeCases: (query: EdgeCaseListQuery = {}) => queryOptions({ queryKey: queryKeys.edgeCases.list(query), queryFn: () => endpoints.edgeCases.list(query) }),
  edgeCaseSuggestions: () => queryOptions({ queryKey: queryKeys.edgeCases.suggestions(), queryFn: () => endpoints.edgeCases.suggestions() }),
  edgeCaseCoverage: () => queryOptions({ queryKey: queryKeys.edgeCases.coverage(), queryFn: () => endpoints.edgeCases.coverage() }),
};
