import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Zap } from 'lucide-react';
import { can } from '../../core/roles';
import { Button } from '../components/ui/button';
import { CoverageReport } from '../features/edge-cases/coverage-report';
import { EdgeCaseLibrary } from '../features/edge-cases/edge-case-library';
import { SuggestionsPanel } from '../features/edge-cases/suggestions-panel';
import { GenerateDialog } from '../features/runs/generate-dialog';
import { queries } from '../lib/endpoints';
import { useMe } from '../lib/queries';

/** Tier 3 (US8.3.1, US8.3.2): the edge-case library, its rules, suggestions of what to test next, and coverage. */
export function EdgeCasesPage() {
  const { data: me } = useMe();
  const canWrite = Boolean(me && can(me.role, 'catalog:write'));
  const canGenerate = Boolean(me && can(me.role, 'conversations:generate'));
  const [generating, setGenerating] = useState(false);
  const settings = useQuery(queries.settings());
  const bar = settings.data?.quality.edgeCaseMinScore ?? 8;
  return (
    <section className="space-y-4 p-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Edge cases</h1>
          <p className="max-w-3xl text-sm text-muted">Tier 3: conversations that push the assistant to its limits — extreme emotions, conflicting goals and advice, boundary testing, ethical dilemmas.</p>
        </div>
        {canGenerate && (
          <Button variant="primary" onClick={() => setGenerating(true)}>
            <Zap className="h-4 w-4" aria-hidden /> Generate All Tier 3
          </Button>
        )}
      </div>
      <div className="rounded-xl border border-warning/40 bg-warning/10 p-4 text-sm" data-testid="edge-case-rules">
        <p className="font-medium">Edge cases are held to stricter rules</p>
        <ul className="mt-1 list-disc space-y-0.5 pl-5 text-muted">
          <li>
            An edge case is approved only when it scores at least <strong className="text-text">{bar}</strong> (the edge-case bar, in{' '}
            <Link to="/settings" className="text-primary underline">
              Settings → Quality
            </Link>
            ).
          </li>
          <li>Edge cases are reviewed one at a time: a bulk approval refuses them and says so. Open each one and approve it from its preview.</li>
          <li>A conversation that misses the criteria (under the bar, no edge case linked, or ending before the assistant answers) is flagged in its preview.</li>
        </ul>
        <p className="mt-2">
          <Link to="/conversations" search={{ tier: ['edge_case'] }} className="text-primary underline">
            Open the edge-case conversations
          </Link>
          {' · '}
          {/* The bar is inclusive, so "below" is anything up to just under it. */}
          <Link to="/conversations" search={{ tier: ['edge_case'], qualityMax: Math.max(0, bar - 0.01) }} className="text-primary underline">
            Edge cases below the bar
          </Link>
        </p>
      </div>
      <SuggestionsPanel canWrite={canWrite} canGenerate={canGenerate} />
      <EdgeCaseLibrary canWrite={canWrite} />
      <CoverageReport />
      {generating && <GenerateDialog title="Generate all Tier 3 edge cases?" selector={{ tier: 'edge_case' }} open onOpenChange={(o) => !o && setGenerating(false)} />}
    </section>
  );
}
