/** The same limit as review notes: the guidance is also the rejection note. */
const GUIDANCE_LIMIT = 500;

/**
 * The reviewer's guidance for regenerated conversations (required): what was wrong and what
 * the new version should do. Ctrl/⌘+Enter sends it; keys typed here never reach the page's
 * shortcuts.
 */
export function GuidanceField({ value, onChange, onSubmit, label, placeholder, autoFocus }: { value: string; onChange: (value: string) => void; onSubmit: () => void; label: string; placeholder: string; autoFocus?: boolean }) {
  return (
    <label className="block">
      <span className="mb-1 block text-xs font-semibold tracking-wide text-muted uppercase">{label} (required)</span>
      <textarea
        autoFocus={autoFocus}
        value={value}
        onChange={(e) => onChange(e.target.value.slice(0, GUIDANCE_LIMIT))}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && value.trim()) onSubmit();
        }}
        rows={4}
        maxLength={GUIDANCE_LIMIT}
        placeholder={placeholder}
        className="w-full rounded-md border border-border bg-surface px-3 py-2 text-sm"
        aria-label={label}
      />
      <span className="flex justify-between text-[11px] text-muted">
        <span>It is the rejection note, and goes into the new prompt. Ctrl/⌘+Enter sends.</span>
        <span>
          {value.length}/{GUIDANCE_LIMIT}
        </span>
      </span>
    </label>
  );
}
