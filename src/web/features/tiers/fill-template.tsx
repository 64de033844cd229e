import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { FillTemplatePlan, TiersOverview } from '../../../contract/tiers';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { ApiError } from '../../lib/api';
import { endpoints, queries, queryKeys } from '../../lib/endpoints';
import { useLabels } from '../../lib/queries';
import { GenerateDialog } from '../runs/generate-dialog';

const errorText = (err: unknown) => (err instanceof ApiError ? `${err.message} ${err.hint}` : String(err));

function Summary({ plan, arcLabel }: { plan: FillTemplatePlan; arcLabel: (key: string) => string }) {
  const label = useLabels();
  return (
    <div className="space-y-2 text-sm">
      <p className="text-base font-semibold" data-testid="fill-count">
        {plan.count} template conversation{plan.count === 1 ? '' : 's'}
      </p>
      <p>{Object.entries(plan.byArc).map(([k, n]) => `${n} ${arcLabel(k)}`).join(' + ')}</p>
      {plan.combinations.length > 0 && (
        <p className="text-muted">
          {plan.combinations.length} for persona × arc combinations with none: {plan.combinations.slice(0, 5).map((c) => `${label('persona', c.persona)} × ${arcLabel(c.arc)}`).join(', ')}
          {plan.combinations.length > 5 ? ', …' : ''}
        </p>
      )}
      {plan.belowTarget.map((b) => (
        <p key={b.arc} className="text-muted">
          {arcLabel(b.arc)} is below its target ({b.count} of {b.target}): {b.adding} more.
        </p>
      ))}
      {plan.warnings.map((w) => (
        <p key={w} className="rounded-md bg-warning-soft p-2 text-warning">
          {w}
        </p>
      ))}
    </div>
  );
}

/**
 * "Fill Missing Template Combinations": shows what would be planned, creates those not-generated
 * slots, then offers to generate them with the usual estimate and confirmation.
 */
export function FillTemplate({ template, canGenerate }: { template: TiersOverview['template']; canGenerate: boolean }) {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<FillTemplatePlan | null>(null);
  const [generating, setGenerating] = useState(false);
  const preview = useQuery({ ...queries.tierFillPreview(), enabled: open && !created, staleTime: 0 });
  const arcLabel = (key: string) => template.byArc.find((a) => a.key === key)?.label ?? key;
  const fill = useMutation({
    mutationFn: () => endpoints.tiers.fill(),
    onSuccess: (plan) => {
      setCreated(plan);
      toast.success(`${plan.count} template conversation${plan.count === 1 ? '' : 's'} planned`);
      void client.invalidateQueries({ queryKey: queryKeys.conversations.all });
    },
    onError: (err) => toast.error('Could not fill the template tier', { description: errorText(err) }),
  });
  const close = () => {
    setOpen(false);
    setCreated(null);
  };
  if (!canGenerate) return null;
  const p = preview.data;
  return (
    <>
      <Button onClick={() => setOpen(true)}>Fill Missing Template Combinations</Button>
      <Dialog
        open={open && !generating}
        onOpenChange={(o) => (o ? setOpen(true) : close())}
        title={created ? 'Template conversations planned' : 'Fill missing template combinations?'}
        description={
          created
            ? 'They are in the table as “Not generated”. Generate them now, or later with “Generate All Tier 1”.'
            : 'Plans one conversation for every persona × enabled arc that has none, then tops up each arc to its share of the Tier 1 target. Nothing is generated yet.'
        }
        footer={
          created ? (
            <>
              <Button onClick={close}>Later</Button>
              <Button variant="primary" disabled={!created.count} onClick={() => setGenerating(true)}>
                Generate them now
              </Button>
            </>
          ) : (
            <>
              <Button onClick={close}>Cancel</Button>
              <Button variant="primary" disabled={!p || p.count === 0} loading={fill.isPending} onClick={() => fill.mutate()}>
                {p ? `Create ${p.count}` : 'Create'}
              </Button>
            </>
          )
        }
      >
        {!created && preview.isLoading && <p className="text-muted">Working out what is missing…</p>}
        {!created && preview.error && <p className="text-danger">{errorText(preview.error)}</p>}
        {!created && p && p.count === 0 && <p className="rounded-md bg-surface-muted p-3">Nothing is missing: every persona has every enabled arc, and every arc has reached its share of the target.</p>}
        {!created && p && p.count > 0 && <Summary plan={p} arcLabel={arcLabel} />}
        {created && <Summary plan={created} arcLabel={arcLabel} />}
      </Dialog>
      {created && (
        <GenerateDialog
          title={`Generate the ${created.count} template conversation${created.count === 1 ? '' : 's'} you planned?`}
          selector={{ conversationIds: created.conversationIds }}
          open={generating}
          onOpenChange={(o) => {
            if (!o) {
              setGenerating(false);
              close();
            }
          }}
        />
      )}
    </>
  );
}
