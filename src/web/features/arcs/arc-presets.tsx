import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Trash2 } from 'lucide-react';
import type { ArcItem, ArcPreset } from '../../../contract/arcs';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';
import { endpoints, queries } from '../../lib/endpoints';
import { useArcMutation } from './use-arc-mutations';

function summary(preset: ArcPreset, arcs: ArcItem[]) {
  const label = (key: string) => arcs.find((a) => a.key === key)?.label ?? key;
  return preset.distribution
    .filter((s) => s.enabled)
    .map((s) => `${label(s.key)} ${s.percent} %`)
    .join(' · ');
}

/** Named distributions to switch between: save the current one, apply or delete a saved one. */
export function ArcPresets({ arcs, canWrite }: { arcs: ArcItem[]; canWrite: boolean }) {
  const presets = useQuery(queries.arcPresets());
  const [name, setName] = useState('');
  const save = useArcMutation((presetName: string) => endpoints.arcs.savePreset(presetName), { success: (n) => `Preset “${n}” saved`, failure: 'Could not save the preset' }, () => setName(''));
  const apply = useArcMutation((p: ArcPreset) => endpoints.arcs.applyPreset(p.id), { success: (p) => `Preset “${p.name}” applied`, failure: 'Could not apply the preset' });
  const remove = useArcMutation((p: ArcPreset) => endpoints.arcs.deletePreset(p.id), { success: (p) => `Preset “${p.name}” deleted`, failure: 'Could not delete the preset' });
  const items = presets.data?.items ?? [];
  return (
    <section className="rounded-lg border border-border bg-surface p-4 shadow-sm" aria-labelledby="arc-presets-heading">
      <h2 id="arc-presets-heading" className="font-semibold">
        Presets
      </h2>
      <p className="mb-3 text-sm text-muted">Save the distribution as it is saved now under a name, and apply it again later in one click.</p>
      {canWrite && (
        <form
          className="mb-3 flex flex-wrap gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) save.mutate(name.trim());
          }}
        >
          <label htmlFor="arc-preset-name" className="sr-only">
            Preset name
          </label>
          <Input id="arc-preset-name" className="min-w-0 flex-1" placeholder="e.g. Onboarding focus" maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
          <Button type="submit" disabled={!name.trim()} loading={save.isPending}>
            Save as preset
          </Button>
        </form>
      )}
      {presets.isLoading && <p className="text-sm text-muted">Loading presets…</p>}
      {!presets.isLoading && !items.length && <p className="text-sm text-muted">No presets yet.</p>}
      <ul className="divide-y divide-border">
        {items.map((p) => (
          <li key={p.id} className="flex items-center gap-2 py-2" data-testid="arc-preset">
            <div className="min-w-0 flex-1">
              <p className="truncate font-medium">{p.name}</p>
              <p className="truncate text-xs text-muted" title={summary(p, arcs)}>
                {summary(p, arcs)}
              </p>
            </div>
            {canWrite && (
              <>
                <Button size="sm" onClick={() => apply.mutate(p)} loading={apply.isPending && apply.variables?.id === p.id}>
                  Apply
                </Button>
                <Button size="icon" variant="ghost" aria-label={`Delete preset ${p.name}`} onClick={() => remove.mutate(p)}>
                  <Trash2 className="h-4 w-4" aria-hidden />
                </Button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
