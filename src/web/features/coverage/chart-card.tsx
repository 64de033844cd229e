import { useRef, useState, type ReactNode } from 'react';
import { Download, Image } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '../../components/ui/button';
import { downloadCsv, downloadPng, exportName } from './chart-export';

export interface ChartCsv {
  header: string[];
  rows: unknown[][];
}

/**
 * One chart of the dashboard: its title, a line saying what it shows, and downloads of its
 * figures (CSV) and of the chart as drawn (PNG).
 */
export function ChartCard({ id, title, description, csv, children, className }: { id: string; title: string; description: string; csv: ChartCsv; children: ReactNode; className?: string }) {
  const body = useRef<HTMLDivElement>(null);
  const [drawing, setDrawing] = useState(false);
  const png = async () => {
    if (!body.current) return;
    setDrawing(true);
    try {
      await downloadPng(body.current, exportName(id, 'png'));
    } catch (err) {
      toast.error('Could not draw the image', { description: `${err instanceof Error ? err.message : String(err)} Try again, or download the CSV instead.` });
    } finally {
      setDrawing(false);
    }
  };
  return (
    <section aria-labelledby={`chart-${id}`} className={`min-w-0 rounded-xl border border-border bg-surface p-4 shadow-sm ${className ?? ''}`} data-testid={`chart-${id}`}>
      <div ref={body} className="bg-surface">
        <div className="mb-3 flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0">
            <h2 id={`chart-${id}`} className="text-base font-semibold">
              {title}
            </h2>
            <p className="text-sm text-muted">{description}</p>
          </div>
          <div className="flex shrink-0 gap-1.5" data-html-to-image-ignore>
            <Button size="sm" onClick={() => downloadCsv(exportName(id, 'csv'), csv.header, csv.rows)} aria-label={`Download ${title} as CSV`}>
              <Download className="h-3.5 w-3.5" aria-hidden /> CSV
            </Button>
            <Button size="sm" loading={drawing} onClick={() => void png()} aria-label={`Download ${title} as PNG`}>
              <Image className="h-3.5 w-3.5" aria-hidden /> PNG
            </Button>
          </div>
        </div>
        {children}
      </div>
    </section>
  );
}
