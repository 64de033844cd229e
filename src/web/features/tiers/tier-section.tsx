import { useState, type ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { Settings2, Table2 } from 'lucide-react';
import type { TierSection as Section } from '../../../contract/tiers';
import { Button } from '../../components/ui/button';
import { GenerateDialog } from '../runs/generate-dialog';
import { TierProgress } from './tier-progress';
import { TierRunLine } from './tier-run-line';
import { useTierRun } from './use-tier-run';

const DESCRIPTIONS: Record<Section['tier'], string> = {
  template: 'Conversations that follow an emotional arc (Triumph, Struggle-to-Success, …): the foundation of the dataset.',
  scenario: 'Conversations built on real situations drawn from your documents: a problem, what was done, the outcome.',
  edge_case: 'Hard conversations — extreme emotions, conflicting goals, boundary tests, ethical dilemmas — reviewed one by one.',
};
const CONFIG_NAMES: Record<Section['tier'], string> = { template: 'Configure arcs', scenario: 'Scenario library', edge_case: 'Edge-case library' };

/** One tier: its progress, its own "Generate All Tier N" (estimate and confirmation first) and links to its setup and its conversations. */
export function TierSectionCard({ section, number, canGenerate, children }: { section: Section; number: number; canGenerate: boolean; children?: ReactNode }) {
  const [confirming, setConfirming] = useState(false);
  const { run, active, start, dismiss } = useTierRun(section.tier);
  const left = section.byStatus.not_generated + section.byStatus.failed;
  return (
    <section className="rounded-lg border border-border bg-surface p-4 shadow-sm" aria-labelledby={`tier-${section.tier}-heading`} data-testid={`tier-section-${section.tier}`}>
      <div className="mb-3 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id={`tier-${section.tier}-heading`} className="text-lg font-semibold">
            {section.label}
          </h2>
          <p className="max-w-2xl text-sm text-muted">{DESCRIPTIONS[section.tier]}</p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Link to={section.configLink} className="inline-flex h-9 items-center gap-2 rounded-md border border-border px-3 text-sm hover:bg-surface-muted">
            <Settings2 className="h-4 w-4" aria-hidden /> {CONFIG_NAMES[section.tier]}
          </Link>
          <Link to="/conversations" search={{ tier: [section.tier] }} className="inline-flex h-9 items-center gap-2 rounded-md border border-border px-3 text-sm hover:bg-surface-muted">
            <Table2 className="h-4 w-4" aria-hidden /> View conversations
          </Link>
          {canGenerate && (
            <Button variant="primary" onClick={() => setConfirming(true)} disabled={active || section.total === 0} title={section.total === 0 ? 'Plan some conversations for this tier first' : left === 0 ? 'Every conversation in this tier has text; you can still regenerate them' : undefined}>
              Generate All Tier {number}
            </Button>
          )}
        </div>
      </div>
      <TierProgress section={section} number={number} />
      {run && (
        <div className="mt-3">
          <TierRunLine run={run} number={number} active={active} onDismiss={dismiss} />
        </div>
      )}
      {children && <div className="mt-4 border-t border-border pt-4">{children}</div>}
      <GenerateDialog title={`Generate all of Tier ${number}?`} selector={{ tier: section.tier }} open={confirming} onOpenChange={setConfirming} requireAcknowledgement onStarted={start} />
    </section>
  );
}
