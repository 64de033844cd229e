import { toPng } from 'html-to-image';
import { csvRow } from '../../../core/csv';

function save(href: string, filename: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** A chart's figures as a CSV file, built in the browser from what the chart shows. */
export function downloadCsv(filename: string, header: string[], rows: unknown[][]) {
  const text = [header, ...rows].map(csvRow).join('');
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  save(url, filename);
  // The click has already handed the file to the browser's download manager.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A chart as a PNG image, drawn from its DOM node at twice the screen's resolution for print. */
export async function downloadPng(node: HTMLElement, filename: string) {
  const background = getComputedStyle(document.body).backgroundColor || '#ffffff';
  // The download buttons are left out of the picture.
  const filter = (n: HTMLElement) => !(n instanceof HTMLElement && n.dataset.htmlToImageIgnore !== undefined);
  save(await toPng(node, { pixelRatio: 2, backgroundColor: background, cacheBust: true, filter }), filename);
}

/** "coverage-personas-2026-12-07.csv" */
export const exportName = (chart: string, extension: 'csv' | 'png') => `coverage-${chart}-${new Date().toISOString().slice(0, 10)}.${extension}`;
