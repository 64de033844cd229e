import type { ReactNode } from 'react';

/** **bold** spans as <strong>; everything else stays text (React escapes it). */
function inline(text: string): ReactNode[] {
  return text.split(/(\*\*[^*]+\*\*)/g).map((part, i) => (part.startsWith('**') && part.endsWith('**') && part.length > 4 ? <strong key={i}>{part.slice(2, -2)}</strong> : part));
}

type Block = { kind: 'p'; text: string } | { kind: 'ul' | 'ol'; items: string[] };

/** Splits a turn into paragraphs and bullet or numbered lists, the formatting models commonly use. */
export function toBlocks(content: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of content.split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((l) => l.trim());
    if (!lines.length) continue;
    const bullet = lines.every((l) => /^\s*[-*•]\s+/.test(l));
    const numbered = lines.every((l) => /^\s*\d+[.)]\s+/.test(l));
    if (lines.length > 1 && (bullet || numbered)) blocks.push({ kind: bullet ? 'ul' : 'ol', items: lines.map((l) => l.replace(/^\s*([-*•]|\d+[.)])\s+/, '')) });
    else blocks.push({ kind: 'p', text: lines.join('\n') });
  }
  return blocks;
}

export function TurnText({ content }: { content: string }) {
  return (
    <div className="space-y-2 text-[14px] leading-relaxed text-text">
      {toBlocks(content).map((block, i) =>
        block.kind === 'p' ? (
          <p key={i} className="whitespace-pre-wrap">
            {inline(block.text)}
          </p>
        ) : block.kind === 'ul' ? (
          <ul key={i} className="list-disc space-y-1 pl-5">
            {block.items.map((item, j) => (
              <li key={j}>{inline(item)}</li>
            ))}
          </ul>
        ) : (
          <ol key={i} className="list-decimal space-y-1 pl-5">
            {block.items.map((item, j) => (
              <li key={j}>{inline(item)}</li>
            ))}
          </ol>
        ),
      )}
    </div>
  );
}
