/**
 * The calls behind the dataset as a whole — coverage and recommendations, quality insight and the
 * LLM judge, near-duplicates and diversity, trainer preflight, reject and regenerate — spread into
 * `endpoints`, `queryKeys` and `queries`: components use them from there.
 */

import { queryOptions } from '@tanstack/react-query';
import { diversityResponse, duplicatesResponse, judgeAgreementResponse, judgeResponse } from '../../contract/dataset-health';
import { api, id, toQueryString } from './api';

export const datasetEndpoints = {
  /** Coverage dashboard and recommendations (US3.2.1, US3.2.2, US10.2.2). */
  coverage: {},
  /** Quality scores against reviewers' decisions, and the LLM judge. */
  qualityInsight: {},
  /** Near-duplicates and diversity. */
  duplicates: {
    summary: (limit = 10) => api.get(duplicatesResponse, `/api/duplicates${toQueryString({ limit })}`),
    diversity: () => api.get(diversityResponse, '/api/diversity'),
    judge: (conversationId: string) => api.post(judgeResponse, `/api/conversations/${id(conversationId)}/judge`),
    judgeAgreement: () => api.get(judgeAgreementResponse, '/api/quality/judge-agreement'),
  },
  /** Trainer preflight: chat templates and token counts of base models. */
  preflight: {},
  /** Reject and regenerate with guidance. */
  regenerate: {},
};

export const datasetQueryKeys = {
  coverage: { all: ['coverage'] as const },
  qualityInsight: { all: ['quality-insight'] as const },
  // Under `conversations`, so a run, an import or a review refreshes the figures.
  duplicates: {
    all: ['duplicates'] as const,
    summary: () => ['conversations', 'duplicates', 'summary'] as const,
    diversity: () => ['conversations', 'duplicates', 'diversity'] as const,
    judgeAgreement: () => ['conversations', 'duplicates', 'judge-agreement'] as const,
  },
  preflight: { all: ['preflight'] as const },
};

export const datasetQueries = {
  // Each read with its key (see `queries` in endpoints.ts).
  nearDuplicates: () => queryOptions({ queryKey: datasetQueryKeys.duplicates.summary(), queryFn: () => datasetEndpoints.duplicates.summary() }),
  diversity: () => queryOptions({ queryKey: datasetQueryKeys.duplicates.diversity(), queryFn: () => datasetEndpoints.duplicates.diversity() }),
  judgeAgreement: () => queryOptions({ queryKey: datasetQueryKeys.duplicates.judgeAgreement(), queryFn: () => datasetEndpoints.duplicates.judgeAgreement() }),
};
