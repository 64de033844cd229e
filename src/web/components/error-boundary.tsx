import { Component, useContext, useEffect, useState, type ErrorInfo, type ReactNode } from 'react';
import { QueryClientContext, type QueryClient } from '@tanstack/react-query';
import { AlertTriangle, Bug, ChevronRight, Loader2, RefreshCw, RotateCcw } from 'lucide-react';
import { toast } from 'sonner';
import { endpoints, queries } from '../lib/endpoints';
import { copyText } from '../lib/clipboard';
import { cn } from '../lib/cn';
import { Button } from './ui/button';
import { Tooltip } from './ui/tooltip';
import { buildCrashReport, formatCrashReport, isTransientError, type CrashReport } from './crash-report';

export interface AutoRetry {
  /** How many times a transient error (chunk load, network) is retried by itself before the fallback stays. */
  attempts: number;
  delayMs: number;
}

export const DEFAULT_AUTO_RETRY: AutoRetry = { attempts: 1, delayMs: 1500 };

export interface ErrorBoundaryProps {
  children: ReactNode;
  /** Which part of the app this is, for the fallback and the report: "page", "navigation", "preview". */
  section: string;
  /** How the fallback names it: "This page", "The navigation". Defaults to "This section". */
  label?: string;
  /** When any of these change (e.g. the route path), a shown error is cleared and the children try again. */
  resetKeys?: readonly unknown[];
  /** Runs before the children render again after "Reload this section" or an automatic retry. */
  onReset?: () => void;
  /** Automatic retries of transient errors; `false` turns them off. */
  autoRetry?: AutoRetry | false;
  /** A small fallback for narrow places (the sidebar, a side panel). */
  compact?: boolean;
  className?: string;
}

interface State {
  error: unknown;
  componentStack: string | null;
  retrying: boolean;
  reportId: string | null;
}

const EMPTY: State = { error: null, componentStack: null, retrying: false, reportId: null };

function appVersionOf(client: QueryClient | undefined): string | undefined {
  return client?.getQueryData(queries.health().queryKey)?.version;
}

/** Sends a crash report to the server log; resolves to its reference id, or null when it could not be sent. */
export async function sendCrashReport(report: CrashReport): Promise<string | null> {
  try {
    return (await endpoints.reportClientError(report)).reportId;
  } catch {
    return null;
  }
}

function reportFor(error: unknown, section: string, componentStack: string | null, client: QueryClient | undefined): CrashReport {
  return buildCrashReport(error, { section, url: window.location.href, appVersion: appVersionOf(client), userAgent: navigator.userAgent, componentStack });
}

/**
 * Keeps a crash in one section of the app from taking the rest down (US11.3.2): shows a friendly
 * fallback with "Reload this section", "Reload page" and "Report issue", logs the crash to the
 * server, and retries transient errors (a chunk a redeploy replaced, a dropped connection) by itself.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  static contextType = QueryClientContext;
  declare context: QueryClient | undefined;
  state: State = EMPTY;
  private autoRetries = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error, retrying: false, reportId: null };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    const policy = this.props.autoRetry === undefined ? DEFAULT_AUTO_RETRY : this.props.autoRetry;
    if (policy && isTransientError(error) && this.autoRetries < policy.attempts) {
      this.autoRetries += 1;
      this.setState({ retrying: true, componentStack: info.componentStack ?? null });
      this.timer = setTimeout(() => this.reset(false), policy.delayMs);
      return;
    }
    this.setState({ componentStack: info.componentStack ?? null });
    // The server log is this self-hosted app's monitoring: every crash that stays on screen is logged once.
    void sendCrashReport(reportFor(error, this.props.section, info.componentStack ?? null, this.context)).then((reportId) => {
      if (reportId && this.state.error === error) this.setState({ reportId });
    });
  }

  componentDidUpdate(prev: ErrorBoundaryProps) {
    if (this.state.error === null || !this.props.resetKeys) return;
    const keys = this.props.resetKeys;
    const changed = !prev.resetKeys || keys.length !== prev.resetKeys.length || keys.some((k, i) => !Object.is(k, prev.resetKeys![i]));
    if (changed) this.reset(true);
  }

  componentWillUnmount() {
    if (this.timer) clearTimeout(this.timer);
  }

  /** Clears the error and renders the children again; a manual reset also restores the automatic retries. */
  reset = (manual: boolean) => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (manual) this.autoRetries = 0;
    // The crashed section's queries have no observers now: drop their data so it is fetched afresh.
    void this.context?.resetQueries({ type: 'inactive' });
    this.props.onReset?.();
    this.setState(EMPTY);
  };

  render() {
    if (this.state.error === null) return this.props.children;
    return (
      <ErrorFallback
        error={this.state.error}
        section={this.props.section}
        label={this.props.label}
        compact={this.props.compact}
        className={this.props.className}
        retrying={this.state.retrying}
        reportId={this.state.reportId}
        componentStack={this.state.componentStack}
        onReset={() => this.reset(true)}
      />
    );
  }
}

export interface ErrorFallbackProps {
  error: unknown;
  section: string;
  label?: string;
  compact?: boolean;
  className?: string;
  /** An automatic retry is about to happen. */
  retrying?: boolean;
  /** The server's reference for the logged crash, once it has one. */
  reportId?: string | null;
  componentStack?: string | null;
  onReset: () => void;
}

/** What a crashed section shows instead: plain words first, the error text on request. */
export function ErrorFallback({ error, section, label = 'This section', compact, className, retrying, reportId, componentStack, onReset }: ErrorFallbackProps) {
  const client = useContext(QueryClientContext);
  const [reporting, setReporting] = useState(false);
  const transient = isTransientError(error);
  const message = error instanceof Error ? error.message : String(error);

  const report = async () => {
    setReporting(true);
    const crash = reportFor(error, section, componentStack ?? null, client);
    const id = reportId ?? (await sendCrashReport(crash));
    const copied = await copyText(formatCrashReport(crash, id ?? undefined));
    setReporting(false);
    if (copied) toast.success('Issue report copied', { description: id ? `It is also in the server log as ${id}. Paste it into your message to support.` : 'Paste it into your message to support.' });
    else if (id) toast.success('Issue reported', { description: `It is in the server log as ${id}.` });
    else toast.error('Could not report the issue', { description: 'Neither the clipboard nor the server could be reached. Take a screenshot instead.' });
  };

  if (compact) {
    return (
      <div role="alert" data-testid="error-fallback" data-section={section} className={cn('flex flex-col items-center gap-1.5 p-2 text-center text-xs text-muted', className)}>
        <Tooltip content={`${label} could not be shown: ${message}`}>
          <AlertTriangle className="h-4 w-4 text-danger" aria-label={`${label} could not be shown`} />
        </Tooltip>
        {retrying ? (
          <Loader2 className="h-4 w-4 animate-spin" aria-label="Trying again" />
        ) : (
          <>
            <Button size="icon" variant="ghost" onClick={onReset} aria-label="Reload this section" title="Reload this section">
              <RotateCcw className="h-4 w-4" />
            </Button>
            <Button size="icon" variant="ghost" onClick={report} loading={reporting} aria-label="Report issue" title="Report issue">
              {!reporting && <Bug className="h-4 w-4" />}
            </Button>
          </>
        )}
      </div>
    );
  }

  return (
    <div role="alert" data-testid="error-fallback" data-section={section} className={cn('flex h-full min-h-48 items-start justify-center overflow-y-auto p-6', className)}>
      <div className="w-full max-w-xl rounded-xl border border-border bg-surface p-6 shadow-sm">
        <div className="flex items-start gap-3">
          <span className="flex h-9 w-9 shrink-0 items-center justify-center rounded-full bg-danger-soft text-danger">
            <AlertTriangle className="h-5 w-5" aria-hidden />
          </span>
          <div className="min-w-0">
            <h2 className="text-base font-semibold">{label} could not be shown</h2>
            <p className="mt-1 text-sm text-muted">
              {retrying
                ? 'It looks like a dropped connection or an app update. convgen is trying again…'
                : transient
                  ? 'It looks like a dropped connection or an app update. Reloading usually fixes it.'
                  : 'Something went wrong inside convgen while showing it. Your data is safe, and the rest of the app still works: use the menu to go elsewhere.'}
            </p>
          </div>
        </div>
        {retrying ? (
          <p className="mt-4 flex items-center gap-2 text-sm text-muted">
            <Loader2 className="h-4 w-4 animate-spin" aria-hidden /> Trying again…
          </p>
        ) : (
          <div className="mt-5 flex flex-wrap gap-2">
            <Button variant="primary" onClick={onReset}>
              <RotateCcw className="h-4 w-4" aria-hidden /> Reload this section
            </Button>
            <Button onClick={() => window.location.reload()}>
              <RefreshCw className="h-4 w-4" aria-hidden /> Reload page
            </Button>
            <Button variant="ghost" onClick={report} loading={reporting}>
              {!reporting && <Bug className="h-4 w-4" aria-hidden />} Report issue
            </Button>
          </div>
        )}
        <details className="group mt-5 text-sm">
          <summary className="flex cursor-pointer list-none items-center gap-1 text-muted select-none hover:text-text">
            <ChevronRight className="h-4 w-4 transition-transform group-open:rotate-90" aria-hidden /> Technical details
          </summary>
          <p className="mt-2 rounded-md bg-surface-muted px-3 py-2 font-mono text-xs break-words text-text">{message}</p>
          {reportId && <p className="mt-1 text-xs text-muted">Logged on the server as {reportId}.</p>}
        </details>
      </div>
    </div>
  );
}

/** Transient route errors retried recently, so a route that keeps failing is not retried in a loop. */
const routeRetries = new Map<string, number>();

/**
 * The router's error component for routes outside the app shell (sign-in, setup) and for the
 * shell's own loading (sign-in check): a full-page fallback that retries transient errors once a minute.
 */
export function RouteErrorFallback({ error, reset, onReset, section = 'app' }: { error: unknown; reset: () => void; onReset?: () => void; section?: string }) {
  const key = `${section}:${error instanceof Error ? error.message : String(error)}`;
  const [retrying] = useState(() => {
    const last = routeRetries.get(key);
    const due = isTransientError(error) && (last === undefined || Date.now() - last > 60_000);
    if (due) routeRetries.set(key, Date.now());
    return due;
  });
  const [reportId, setReportId] = useState<string | null>(null);
  const client = useContext(QueryClientContext);
  useEffect(() => {
    if (retrying) {
      const timer = setTimeout(() => (onReset?.(), reset()), DEFAULT_AUTO_RETRY.delayMs);
      return () => clearTimeout(timer);
    }
    let live = true;
    void sendCrashReport(reportFor(error, section, null, client)).then((id) => live && setReportId(id));
    return () => {
      live = false;
    };
  }, [retrying, error, section, client, reset, onReset]);
  return (
    <div className="h-full bg-background">
      <ErrorFallback error={error} section={section} label="This page" retrying={retrying} reportId={reportId} onReset={() => (onReset?.(), reset())} />
    </div>
  );
}
