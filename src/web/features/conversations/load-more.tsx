import { useEffect, useRef } from 'react';
import { Loader2 } from 'lucide-react';

/** The end of an infinitely scrolling table: loads the next rows when it scrolls into view. */
export function LoadMore({ loaded, total, loading, onMore }: { loaded: number; total: number; loading: boolean; onMore: () => void }) {
  const sentinel = useRef<HTMLDivElement>(null);
  const more = loaded < total;
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !more) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && onMore(), { rootMargin: '400px' });
    observer.observe(el);
    return () => observer.disconnect();
  }, [more, onMore]);
  return (
    <div ref={sentinel} className="flex items-center justify-center gap-2 border-t border-border px-4 py-3 text-xs text-muted" data-testid="load-more">
      {loading && <Loader2 className="h-3.5 w-3.5 animate-spin" aria-hidden />}
      {more ? `${loaded.toLocaleString()} of ${total.toLocaleString()} loaded — scroll for more` : `All ${total.toLocaleString()} shown`}
    </div>
  );
}
