import { useMemo, useRef } from 'react';
import { AlertTriangle } from 'lucide-react';
import { placeholderNames, placeholderSpans, type PlaceholderSpan } from '../../../core/placeholder-spans';
import { PROMPT_PARAMETER_NAMES, PROMPT_PARAMETERS } from '../../../core/prompt-parameters';
import { cn } from '../../lib/cn';

// The textarea and the layer painted under it must lay text out identically.
const TEXT = 'font-mono text-[13px] leading-6 whitespace-pre-wrap break-words p-3';

function Painted({ span }: { span: PlaceholderSpan }) {
  if (span.kind === 'text') return <>{span.text}</>;
  const innerUnknown = span.inner.some((i) => !i.known);
  return (
    <mark
      className={cn(
        'rounded-sm text-transparent',
        !span.known || innerUnknown ? 'bg-danger/25 underline decoration-danger decoration-wavy' : span.optional ? 'bg-warning/20' : 'bg-primary/20',
      )}
    >
      {span.text}
    </mark>
  );
}

/**
 * The template body: a plain textarea over a layer that paints each placeholder (known ones in
 * blue, optional blocks in amber, unknown ones in red) as it is typed, with the placeholders
 * there are beside it — click one to insert it at the cursor.
 */
export function BodyEditor({ value, onChange, readOnly }: { value: string; onChange: (value: string) => void; readOnly?: boolean }) {
  const area = useRef<HTMLTextAreaElement>(null);
  const layer = useRef<HTMLDivElement>(null);
  const spans = useMemo(() => placeholderSpans(value), [value]);
  const used = useMemo(() => placeholderNames(spans), [spans]);
  const unknown = used.filter((u) => !u.known);
  const usedNames = new Set(used.map((u) => u.name));

  const insert = (name: string) => {
    const el = area.current;
    const text = `{${name}}`;
    if (!el) return onChange(value + text);
    const start = el.selectionStart ?? value.length;
    const end = el.selectionEnd ?? start;
    onChange(value.slice(0, start) + text + value.slice(end));
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(start + text.length, start + text.length);
    });
  };

  return (
    <div className="grid gap-3 xl:grid-cols-[minmax(0,1fr)_15rem]">
      <div className="min-w-0">
        <div className="relative rounded-md border border-border bg-surface shadow-sm focus-within:border-primary focus-within:ring-2 focus-within:ring-primary/20">
          <div ref={layer} aria-hidden className={cn(TEXT, 'pointer-events-none absolute inset-0 overflow-hidden text-transparent')}>
            {spans.map((s) => (
              <Painted key={s.start} span={s} />
            ))}
            {'\n'}
          </div>
          <textarea
            ref={area}
            id="template-body"
            aria-label="Template text"
            spellCheck={false}
            readOnly={readOnly}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            onScroll={(e) => {
              if (layer.current) layer.current.scrollTop = e.currentTarget.scrollTop;
            }}
            rows={18}
            className={cn(TEXT, 'relative block w-full resize-y bg-transparent text-text caret-text focus:outline-none')}
            aria-invalid={unknown.length > 0 || undefined}
            aria-describedby="template-body-problems"
          />
        </div>
        <div id="template-body-problems" className="mt-1.5 min-h-5 text-xs" aria-live="polite">
          {unknown.length > 0 ? (
            <p className="flex items-start gap-1.5 text-danger" data-testid="unknown-placeholders">
              <AlertTriangle className="mt-0.5 h-3.5 w-3.5 shrink-0" aria-hidden />
              <span>
                Unknown placeholder{unknown.length === 1 ? '' : 's'} {unknown.map((u) => `{${u.name}}`).join(', ')}: no conversation can fill {unknown.length === 1 ? 'it' : 'them'}. Use one from the list (names are
                lower-case), or write it without braces.
              </span>
            </p>
          ) : (
            <p className="text-muted">
              <span className="rounded-sm bg-primary/20 px-1">{'{name}'}</span> is filled from each conversation;{' '}
              <span className="rounded-sm bg-warning/20 px-1">{'{name?text}'}</span> shows its text only when the value exists.
            </p>
          )}
        </div>
      </div>
      <div className="min-w-0">
        <p className="mb-1.5 text-xs font-semibold tracking-wide text-muted uppercase">Placeholders · click to insert</p>
        <ul className="max-h-[27rem] space-y-0.5 overflow-y-auto rounded-md border border-border bg-surface p-1" aria-label="Available placeholders">
          {PROMPT_PARAMETER_NAMES.map((name) => (
            <li key={name}>
              <button
                type="button"
                disabled={readOnly}
                onClick={() => insert(name)}
                title={PROMPT_PARAMETERS[name]}
                className="flex w-full flex-col rounded px-2 py-1 text-left hover:bg-surface-muted disabled:opacity-60"
              >
                <code className={cn('text-xs', usedNames.has(name) ? 'font-semibold text-primary' : 'text-text')}>{`{${name}}`}</code>
                <span className="text-[11px] leading-4 text-muted">{PROMPT_PARAMETERS[name]}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
