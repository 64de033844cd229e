import { FilterMenu } from './filter-menu';
import { usePreflightSetting } from './tokens-column';
import type { ViewState } from './view-state';

type Choice = 'over' | 'within';

/** The tokens range of a view as one of the menu's choices, or null for another range (from a link). */
function choiceOf(view: ViewState, maxSeqLen: number): Choice | null {
  if (view.tokensMin === maxSeqLen + 1 && view.tokensMax === undefined) return 'over';
  if (view.tokensMax === maxSeqLen && view.tokensMin === undefined) return 'within';
  return null;
}

/** A view's tokens filter in words, for its chip: "Tokens (Llama 3.1): over 4,096". */
export function tokensFilterText(view: ViewState, label: string): string | null {
  if (view.tokensMin === undefined && view.tokensMax === undefined) return null;
  const range =
    view.tokensMin !== undefined && view.tokensMax !== undefined
      ? `${view.tokensMin.toLocaleString()}–${view.tokensMax.toLocaleString()}`
      : view.tokensMin !== undefined
        ? `over ${(view.tokensMin - 1).toLocaleString()}`
        : `up to ${view.tokensMax!.toLocaleString()}`;
  return `Tokens (${label || view.tokenModel || 'llama-3.1'}): ${range}`;
}

export const clearedTokens: Partial<ViewState> = { tokenModel: undefined, tokensMin: undefined, tokensMax: undefined, page: 1 };

/**
 * "Tokens": the conversations a trainer would truncate (longer than the workspace's limit) or
 * those that fit, counted for the workspace's preflight base model. Uncounted conversations
 * match neither: the trainer preflight counts them.
 */
export function TokensFilter({ view, onChange }: { view: ViewState; onChange: (patch: Partial<ViewState>) => void }) {
  const setting = usePreflightSetting();
  if (!setting) return null;
  const { maxSeqLen, baseModel } = setting;
  const current = choiceOf(view, maxSeqLen);
  const options = [
    { value: 'over', label: `Over the limit (more than ${maxSeqLen.toLocaleString()})` },
    { value: 'within', label: `Within the limit (${maxSeqLen.toLocaleString()} or fewer)` },
  ];
  return (
    <FilterMenu
      label="Tokens"
      options={options}
      selected={current ? [current] : view.tokensMin !== undefined || view.tokensMax !== undefined ? ['custom'] : []}
      onChange={(values) => {
        // One range at a time: the newest choice replaces the old one.
        const choice = values.filter((v) => v !== 'custom' && v !== current).at(-1) as Choice | undefined;
        if (!choice) return onChange(clearedTokens);
        onChange({ ...clearedTokens, tokenModel: baseModel, ...(choice === 'over' ? { tokensMin: maxSeqLen + 1 } : { tokensMax: maxSeqLen }) });
      }}
    />
  );
}
