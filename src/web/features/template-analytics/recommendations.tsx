import { Lightbulb, TriangleAlert } from 'lucide-react';
import type { RecommendationView, TemplateAnalytics } from '../../../contract/template-analytics';
import { templateHref } from './figures';

function action(r: RecommendationView) {
  if (r.kind === 'version_underperforms') return { href: templateHref(r.templateId, r.previousVersion), label: `Roll back to version ${r.previousVersion}` };
  return { href: templateHref(r.templateId), label: 'Open template' };
}

/** Advice drawn from the figures, each with a link to act on it on the Templates page. */
export function Recommendations({ items, evidence }: { items: RecommendationView[]; evidence: TemplateAnalytics['evidence'] }) {
  const rule = `Advice needs at least ${evidence.minScored} scored or ${evidence.minReviewed} reviewed conversations behind each figure; a version is flagged when it falls ${evidence.minQualityDrop} points of quality or ${Math.round(evidence.minApprovalDrop * 100)} points of approval behind the one before.`;
  return (
    <section className="rounded-lg border border-border bg-surface p-4 shadow-sm" aria-labelledby="recommendations-heading" data-testid="recommendations">
      <h2 id="recommendations-heading" className="mb-1 flex items-center gap-2 text-sm font-semibold">
        <Lightbulb className="h-4 w-4 text-warning" aria-hidden /> Recommendations
      </h2>
      <p className="mb-2 text-xs text-muted">{rule}</p>
      {items.length === 0 ? (
        <p className="text-sm text-muted">No advice yet: no template stands out, or there is not enough evidence to say so.</p>
      ) : (
        <ul className="space-y-2">
          {items.map((r) => {
            const { href, label } = action(r);
            return (
              <li key={`${r.kind}-${r.templateId}`} className="flex flex-wrap items-center justify-between gap-2 text-sm" data-testid="recommendation">
                <span className="flex items-start gap-2">
                  {r.kind === 'version_underperforms' ? <TriangleAlert className="mt-0.5 h-4 w-4 shrink-0 text-danger" aria-hidden /> : <Lightbulb className="mt-0.5 h-4 w-4 shrink-0 text-success" aria-hidden />}
                  {r.message}
                </span>
                <a href={href} className="text-xs font-medium whitespace-nowrap text-primary hover:underline">
                  {label}
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
