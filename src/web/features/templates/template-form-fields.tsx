import type { TemplateDetail } from '../../../contract/templates';
import { TIER_LABELS, TIERS, type Tier } from '../../../core/tiers';
import { Input, Label } from '../../components/ui/input';
import { cn } from '../../lib/cn';
import { useCatalog } from '../../lib/queries';

export type TemplateMeta = Pick<TemplateDetail, 'name' | 'description' | 'tier' | 'arcKey' | 'applicablePersonas' | 'applicableEmotions'>;

const SELECT = 'h-9 w-full rounded-md border border-border bg-surface px-2 text-sm text-text shadow-sm focus:border-primary focus:outline-none';

/** Chips to pick catalog values; none picked means "any". */
function ValuePicker({ label, options, value, onChange, disabled }: { label: string; options: { key: string; label: string }[]; value: string[]; onChange: (v: string[]) => void; disabled?: boolean }) {
  return (
    <fieldset>
      <legend className="mb-1.5 text-sm font-medium">
        {label} <span className="font-normal text-muted">{value.length ? `· ${value.length} chosen` : '· any'}</span>
      </legend>
      <div className="flex max-h-28 flex-wrap gap-1 overflow-y-auto">
        {options.length === 0 && <span className="text-xs text-muted">None in the catalog yet.</span>}
        {options.map((o) => {
          const on = value.includes(o.key);
          return (
            <button
              key={o.key}
              type="button"
              aria-pressed={on}
              disabled={disabled}
              onClick={() => onChange(on ? value.filter((k) => k !== o.key) : [...value, o.key])}
              className={cn('rounded-full border px-2 py-0.5 text-xs', on ? 'border-primary bg-primary-soft text-primary' : 'border-border text-muted hover:text-text')}
            >
              {o.label}
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}

/** Name, description, tier, arc (template tier only), and the personas and emotions a template is meant for. */
export function TemplateFormFields({ meta, onChange, disabled, errorField }: { meta: TemplateMeta; onChange: (patch: Partial<TemplateMeta>) => void; disabled?: boolean; errorField?: string | null }) {
  const { data: catalog } = useCatalog();
  return (
    <div className="space-y-3">
      <div>
        <Label htmlFor="template-name">Name</Label>
        <Input id="template-name" value={meta.name} disabled={disabled} maxLength={120} onChange={(e) => onChange({ name: e.target.value })} aria-invalid={errorField === 'name' || undefined} />
      </div>
      <div>
        <Label htmlFor="template-description">Description</Label>
        <textarea
          id="template-description"
          rows={2}
          disabled={disabled}
          value={meta.description}
          maxLength={1000}
          onChange={(e) => onChange({ description: e.target.value })}
          placeholder="What this template is for, for the people choosing it"
          className="w-full rounded-md border border-border bg-surface px-3 py-2 text-sm shadow-sm focus:border-primary focus:outline-none"
        />
      </div>
      <div className="grid grid-cols-2 gap-3">
        <div>
          <Label htmlFor="template-tier">Tier</Label>
          <select id="template-tier" className={SELECT} disabled={disabled} value={meta.tier} onChange={(e) => onChange({ tier: e.target.value as Tier, arcKey: e.target.value === 'template' ? meta.arcKey : null })}>
            {TIERS.map((t) => (
              <option key={t} value={t}>
                {TIER_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <Label htmlFor="template-arc">Emotional arc</Label>
          <select id="template-arc" className={SELECT} disabled={disabled || meta.tier !== 'template'} value={meta.arcKey ?? ''} onChange={(e) => onChange({ arcKey: e.target.value || null })} aria-invalid={errorField === 'arcKey' || undefined}>
            <option value="">{meta.tier === 'template' ? 'Any arc' : '— (template tier only)'}</option>
            {(catalog?.arcs ?? []).map((a) => (
              <option key={a.key} value={a.key}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ValuePicker label="Personas" options={catalog?.persona ?? []} value={meta.applicablePersonas} onChange={(v) => onChange({ applicablePersonas: v })} disabled={disabled} />
      <ValuePicker label="Emotions" options={catalog?.emotion ?? []} value={meta.applicableEmotions} onChange={(v) => onChange({ applicableEmotions: v })} disabled={disabled} />
    </div>
  );
}
