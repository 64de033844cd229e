import { queryOptions } from '@tanstack/react-query';
import { preflightModels, preflightProgressResponse, preflightResult, type PreflightRequestInput } from '../../contract/preflight';
import { regenerateManyResult, regeneratePreview, regenerateResult, type RegeneratePreviewRequest, type RegenerateRequest } from '../../contract/regenerate';
import type { z } from 'zod';
import { coverageReport, dismissalResult, planRecommendedResult, type planRecommendedRequest } from '../../contract/coverage';
import type { CoverageScope } from '../../core/coverage';
import { api, id, toQueryString } from './api';
import { qualityDistribution, rescoreStatus } from '../../contract/quality';
import { runEventPage } from '../../contract/runs';
import { diversityResponse, duplicatesResponse, judgeAgreementResponse, judgeResponse } from '../../contract/dataset-health';
import { groundingCheckResponse } from '../../contract/conversations';

/**
 * The calls behind the dataset as a whole — coverage and recommendations, quality insight and the
 * LLM judge, near-duplicates and diversity, trainer preflight, reject and regenerate — spread into
 * `endpoints`, `queryKeys` and `queries`: components use them from there.
 */

export const datasetEndpoints = {
  /** Coverage dashboard and recommendations (US3.2.1, US3.2.2, US10.2.2). */
  coverage: {
    report: (scope: CoverageScope = 'generated') => api.get(coverageReport, `/api/coverage${toQueryString({ scope })}`),
    dismiss: (key: string) => api.post(dismissalResult, `/api/coverage/recommendations/${id(key)}/dismiss`),
    restore: (key: string) => api.post(dismissalResult, `/api/coverage/recommendations/${id(key)}/restore`),
    dismissAll: (scope: CoverageScope = 'generated') => api.post(dismissalResult, '/api/coverage/recommendations/dismiss-all', { scope }),
    restoreAll: () => api.post(dismissalResult, '/api/coverage/recommendations/restore-all'),
    /** Plans the recommendations' missing slots; the ids then go to the generate dialog. */
    plan: (body: z.input<typeof planRecommendedRequest>) => api.post(planRecommendedResult, '/api/coverage/recommendations/plan', body),
  },
  /** Quality scores against reviewers' decisions, and the LLM judge. */
  qualityInsight: {
    distribution: () => api.get(qualityDistribution, '/api/quality/distribution'),
    rescoreStatus: () => api.get(rescoreStatus, '/api/quality/rescore'),
    rescore: () => api.post(rescoreStatus, '/api/quality/rescore', { force: true }),
  },
  /** Near-duplicates and diversity. */
  duplicates: {
    summary: (limit = 10) => api.get(duplicatesResponse, `/api/duplicates${toQueryString({ limit })}`),
    diversity: () => api.get(diversityResponse, '/api/diversity'),
    judge: (conversationId: string) => api.post(judgeResponse, `/api/conversations/${id(conversationId)}/judge`),
    judgeAgreement: () => api.get(judgeAgreementResponse, '/api/quality/judge-agreement'),
    /** The provider-judged grounding check of one conversation against its source chunk. */
    checkGrounding: (conversationId: string) => api.post(groundingCheckResponse, `/api/conversations/${id(conversationId)}/grounding-check`),
  },
  /** Trainer preflight: chat templates and token counts of base models. */
  preflight: {
    models: () => api.get(preflightModels, '/api/preflight/models'),
    check: (request: PreflightRequestInput) => api.post(preflightResult, '/api/preflight', request),
    progress: (checkId: string) => api.get(preflightProgressResponse, `/api/preflight/progress${toQueryString({ checkId })}`),
  },
  /** A run's log: judge calls that failed or found no room under the spending limit. */
  runLog: {
    events: (runId: string) => api.get(runEventPage, `/api/runs/${id(runId)}/events`),
  },
  /** Reject and regenerate with guidance. */
  regenerate: {
    one: (conversationId: string, body: RegenerateRequest) => api.post(regenerateResult, `/api/conversations/${id(conversationId)}/regenerate-with-guidance`, body),
    many: (body: { conversationIds: string[]; guidance?: string }) => api.post(regenerateManyResult, '/api/conversations/regenerate-with-guidance', body),
    preview: (body: RegeneratePreviewRequest) => api.post(regeneratePreview, '/api/conversations/regenerate-with-guidance/preview', body),
  },
};

export const datasetQueryKeys = {
  /** Under `conversations`, so a run, a plan or a review (anything that invalidates conversations) refreshes the dashboard. */
  coverage: { all: ['conversations', 'coverage'] as const, report: (scope: CoverageScope) => ['conversations', 'coverage', scope] as const },
  qualityInsight: {
    all: ['quality-insight'] as const,
    distribution: () => ['quality-insight', 'distribution'] as const,
    rescore: () => ['quality-insight', 'rescore'] as const,
  },
  // Under `conversations`, so a run, an import or a review refreshes the figures.
  duplicates: {
    all: ['duplicates'] as const,
    summary: () => ['conversations', 'duplicates', 'summary'] as const,
    diversity: () => ['conversations', 'duplicates', 'diversity'] as const,
    judgeAgreement: () => ['conversations', 'duplicates', 'judge-agreement'] as const,
  },
  /** Under `runs`, so whatever refreshes the runs refreshes their logs. */
  runLog: { events: (runId: string) => ['runs', 'events', runId] as const },
  preflight: {
    all: ['preflight'] as const,
    models: () => ['preflight', 'models'] as const,
    /** Under `conversations`, so a review or a new generation checks again. */
    check: (request: PreflightRequestInput) => ['conversations', 'preflight', request] as const,
    progress: (checkId: string) => ['preflight', 'progress', checkId] as const,
  },
};

export const datasetQueries = {
  // Each read with its key (see `queries` in endpoints.ts).
  preflightModels: () => queryOptions({ queryKey: datasetQueryKeys.preflight.models(), queryFn: () => datasetEndpoints.preflight.models() }),
  /** `onStart` gets the id each fetch publishes its progress under (not part of the key: every fetch has its own). */
  preflight: (request: PreflightRequestInput, onStart?: (checkId: string) => void) =>
    queryOptions({
      queryKey: datasetQueryKeys.preflight.check(request),
      queryFn: () => {
        const checkId = `check-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
        onStart?.(checkId);
        return datasetEndpoints.preflight.check({ ...request, checkId });
      },
    }),
  preflightProgress: (checkId: string) => queryOptions({ queryKey: datasetQueryKeys.preflight.progress(checkId), queryFn: () => datasetEndpoints.preflight.progress(checkId) }),
  runEvents: (runId: string) => queryOptions({ queryKey: datasetQueryKeys.runLog.events(runId), queryFn: () => datasetEndpoints.runLog.events(runId) }),
  coverage: (scope: CoverageScope) => queryOptions({ queryKey: datasetQueryKeys.coverage.report(scope), queryFn: () => datasetEndpoints.coverage.report(scope) }),
  qualityDistribution: () => queryOptions({ queryKey: datasetQueryKeys.qualityInsight.distribution(), queryFn: () => datasetEndpoints.qualityInsight.distribution() }),
  rescoreStatus: () => queryOptions({ queryKey: datasetQueryKeys.qualityInsight.rescore(), queryFn: () => datasetEndpoints.qualityInsight.rescoreStatus() }),
  nearDuplicates: () => queryOptions({ queryKey: datasetQueryKeys.duplicates.summary(), queryFn: () => datasetEndpoints.duplicates.summary() }),
  diversity: () => queryOptions({ queryKey: datasetQueryKeys.duplicates.diversity(), queryFn: () => datasetEndpoints.duplicates.diversity() }),
  judgeAgreement: () => queryOptions({ queryKey: datasetQueryKeys.duplicates.judgeAgreement(), queryFn: () => datasetEndpoints.duplicates.judgeAgreement() }),
};
