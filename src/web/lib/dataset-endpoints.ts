import { queryOptions } from '@tanstack/react-query';
import { qualityDistribution, rescoreStatus } from '../../contract/quality';
import { api } from './api';

/**
 * The calls behind the dataset as a whole — coverage and recommendations, quality insight and the
 * LLM judge, near-duplicates and diversity, trainer preflight, reject and regenerate — spread into
 * `endpoints`, `queryKeys` and `queries`: components use them from there.
 */

export const datasetEndpoints = {
  /** Coverage dashboard and recommendations (US3.2.1, US3.2.2, US10.2.2). */
  coverage: {},
  /** Quality scores against reviewers' decisions, and the LLM judge. */
  qualityInsight: {
    distribution: () => api.get(qualityDistribution, '/api/quality/distribution'),
    rescoreStatus: () => api.get(rescoreStatus, '/api/quality/rescore'),
    rescore: () => api.post(rescoreStatus, '/api/quality/rescore', { force: true }),
  },
  /** Near-duplicates and diversity. */
  duplicates: {},
  /** Trainer preflight: chat templates and token counts of base models. */
  preflight: {},
  /** Reject and regenerate with guidance. */
  regenerate: {},
};

export const datasetQueryKeys = {
  coverage: { all: ['coverage'] as const },
  qualityInsight: {
    all: ['quality-insight'] as const,
    distribution: () => ['quality-insight', 'distribution'] as const,
    rescore: () => ['quality-insight', 'rescore'] as const,
  },
  duplicates: { all: ['duplicates'] as const },
  preflight: { all: ['preflight'] as const },
};

export const datasetQueries = {
  // Each read with its key (see `queries` in endpoints.ts).
  qualityDistribution: () => queryOptions({ queryKey: datasetQueryKeys.qualityInsight.distribution(), queryFn: () => datasetEndpoints.qualityInsight.distribution() }),
  rescoreStatus: () => queryOptions({ queryKey: datasetQueryKeys.qualityInsight.rescore(), queryFn: () => datasetEndpoints.qualityInsight.rescoreStatus() }),
};
