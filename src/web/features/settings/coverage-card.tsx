import type { SettingsResponse } from '../../../contract/settings';
import { Input } from '../../components/ui/input';
import { Card, Field, described, num, useSectionForm, SaveButton, saved } from './form';

/** Coverage (US3.2.1, US3.2.2): when a persona × emotion combination is a gap, and what Generate Recommended fills it up to. */
export function CoverageCard({ settings }: { settings: SettingsResponse['coverage'] }) {
  const { values, set, errors, save } = useSectionForm({ minPerCombination: String(settings.minPerCombination), targetPerCombination: String(settings.targetPerCombination) });
  const submit = () => save.mutate({ coverage: { minPerCombination: num(values.minPerCombination), targetPerCombination: num(values.targetPerCombination) } }, { onSuccess: saved('Coverage settings') });
  const e = (k: string) => errors[`coverage.${k}`];
  return (
    <Card id="settings-coverage" title="Coverage" description="When the Coverage page calls a persona × emotion combination thin, and how many Generate Recommended aims for." footer={<SaveButton pending={save.isPending} onClick={submit} />}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="coverage-min" label="Minimum per combination" help="A combination with fewer conversations is a gap, highlighted on the heatmap. Default 3." error={e('minPerCombination')}>
          <Input {...described('coverage-min', e('minPerCombination'))} type="number" min={1} value={values.minPerCombination} onChange={(ev) => set('minPerCombination', ev.target.value)} />
        </Field>
        <Field id="coverage-target" label="Target per combination" help="Generate Recommended plans a gap up to this many. At least the minimum; default 5." error={e('targetPerCombination')}>
          <Input {...described('coverage-target', e('targetPerCombination'))} type="number" min={1} value={values.targetPerCombination} onChange={(ev) => set('targetPerCombination', ev.target.value)} />
        </Field>
      </div>
    </Card>
  );
}
