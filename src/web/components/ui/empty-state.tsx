import type { ComponentType, ReactNode } from 'react';

/** What a list shows when it has nothing: an icon, what is (not) there, the next step and its action. */
export function EmptyState({ icon: Icon, title, hint, testId, children }: { icon: ComponentType<{ className?: string }>; title: string; hint: string; testId?: string; children?: ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-2 py-14 text-center" data-testid={testId}>
      <Icon className="h-9 w-9 text-muted" aria-hidden />
      <p className="font-medium">{title}</p>
      <p className="max-w-xl text-sm text-muted">{hint}</p>
      {children}
    </div>
  );
}
