import { useNavigate, useSearch } from '@tanstack/react-router';
import { ClipboardList, ShieldCheck, Users, type LucideIcon } from 'lucide-react';
import { ActivityReport } from '../features/audit/activity-report';
import { AUDIT_TABS, type AuditSearch, type AuditTab } from '../features/audit/audit-search';
import { ComplianceReport } from '../features/audit/compliance-report';
import { ReviewLog } from '../features/audit/review-log';
import { cn } from '../lib/cn';

const TABS: Record<AuditTab, { label: string; icon: LucideIcon }> = {
  reviews: { label: 'Review log', icon: ClipboardList },
  activity: { label: 'Activity by user', icon: Users },
  compliance: { label: 'Compliance', icon: ShieldCheck },
};

/**
 * The audit trail across conversations (US9.3.2, US9.3.3): who approved, rejected or undid what
 * and when, review activity per user, and the compliance checks. Tabs and filters live in the URL.
 */
export function AuditPage() {
  const search = useSearch({ from: '/app/audit' });
  const navigate = useNavigate({ from: '/audit' });
  const tab = search.tab ?? 'reviews';
  // Any change but paging itself goes back to the first page.
  const setSearch = (patch: Partial<AuditSearch>) => void navigate({ search: (prev: AuditSearch) => ({ ...prev, ...patch, page: 'page' in patch ? patch.page : undefined }) });
  const openTab = (next: AuditTab) => setSearch({ tab: next === 'reviews' ? undefined : next });

  return (
    <section className="flex h-full flex-col overflow-y-auto p-5" aria-labelledby="audit-heading">
      <header className="mb-4">
        <h1 id="audit-heading" className="text-xl font-semibold">
          Audit
        </h1>
        <p className="text-sm text-muted">Who reviewed what and when, review activity per person, and whether every conversation and export is accounted for.</p>
      </header>

      <div role="tablist" aria-label="Audit views" className="mb-4 flex gap-1 border-b border-border">
        {AUDIT_TABS.map((id) => {
          const { label, icon: Icon } = TABS[id];
          const selected = id === tab;
          return (
            <button
              key={id}
              type="button"
              role="tab"
              id={`audit-tab-${id}`}
              aria-selected={selected}
              aria-controls="audit-panel"
              onClick={() => openTab(id)}
              className={cn(
                '-mb-px inline-flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium',
                selected ? 'border-primary text-primary' : 'border-transparent text-muted hover:text-text',
              )}
            >
              <Icon className="h-4 w-4" aria-hidden />
              {label}
            </button>
          );
        })}
      </div>

      <div role="tabpanel" id="audit-panel" aria-labelledby={`audit-tab-${tab}`}>
        {tab === 'reviews' && <ReviewLog search={search} setSearch={setSearch} clear={() => void navigate({ search: {} })} />}
        {tab === 'activity' && <ActivityReport search={search} setSearch={setSearch} showEvents={(reviewerId) => setSearch({ tab: undefined, reviewerId })} />}
        {tab === 'compliance' && <ComplianceReport />}
      </div>
    </section>
  );
}
