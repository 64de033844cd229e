/** The optional spending limit of a run about to start: empty means none; an amount must be above zero. */
export function SpendingLimitField({ value, onChange, invalid }: { value: string; onChange: (value: string) => void; invalid: boolean }) {
  return (
    <label className="block">
      <span className="mb-1 block text-xs font-semibold tracking-wide text-muted uppercase">Spending limit (optional)</span>
      <span className="flex items-center gap-2">
        Stop if the cost exceeds $
        <input
          type="number"
          min="0.01"
          step="0.01"
          inputMode="decimal"
          value={value}
          onChange={(ev) => onChange(ev.target.value)}
          placeholder="no limit"
          aria-invalid={invalid || undefined}
          aria-label="Spending limit in US dollars"
          className="h-8 w-28 rounded-md border border-border bg-surface px-2"
        />
      </span>
      {invalid && <span className="mt-1 block text-xs text-danger">Enter an amount above zero, or leave it empty for no limit.</span>}
    </label>
  );
}
