/**
 * npm run bench:content — bringing your own material, end to end through the real app (buildApp +
 * inject, on a fresh embedded database):
 * (a) a 200-page PDF (a heading and two paragraphs per page) and (b) a 100-page Word document,
 *     made here, uploaded as files: time to upload (the answer), then to parse and chunk (until
 *     the document is ready), the chunk count, and whether the server stayed responsive while
 *     the PDF was parsed (the largest event-loop delay, and GET /api/health polled meanwhile).
 * (a2) a second 200-page PDF: the first one also loads the PDF reader, once per process.
 * All go through the background path (staged, parsed with progress), as any file over 1 MB does.
 * Prints figures; asserts nothing.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { makeDocx, makePdf, prose } from '../test/support/make-documents';
import { multipart } from '../test/support/multipart';
import { startInProcessApp } from './support/in-process-app';
import { benchPlanner } from './planner';

async function main() {
  const { app, services, headers, close } = await startInProcessApp('content', { CONVGEN_DEMO: '0', CONVGEN_WORKER: '0' });
  // Every upload takes the background path (read when a file arrives, so set after the start).
  services.ctx.documents.inlineLimit = 0;

  async function measure(label: string, name: string, bytes: Uint8Array) {
    const body = multipart({ name, bytes }, { category: 'General' });
    const loop = monitorEventLoopDelay({ resolution: 10 });
    const health: number[] = [];
    let done = false;
    const poller = (async () => {
      while (!done) {
        const t0 = performance.now();
        await app.inject({ method: 'GET', url: '/api/health' });
        health.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    loop.enable();
    const started = performance.now();
    const res = await app.inject({ method: 'POST', url: '/api/documents', payload: body.payload, headers: { ...headers, ...body.headers } });
    const answered = performance.now() - started;
    if (res.statusCode !== 201) throw new Error(`${label}: ${res.body}`);
    const { id } = res.json();
    let doc;
    for (;;) {
      doc = (await app.inject({ method: 'GET', url: `/api/documents/${id}`, headers })).json();
      if (doc.status !== 'processing') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const ready = performance.now() - started;
    loop.disable();
    done = true;
    await poller;
    health.sort((a, b) => a - b);
    console.log(`${label}: ${(bytes.length / 1024).toFixed(0)} KB, ${doc.pageCount ?? '—'} pages → ${doc.status}, ${doc.chunkCount} chunks`);
    console.log(`  upload answered in ${answered.toFixed(0)} ms (status ${res.json().status}); parsed and chunked after ${(ready / 1000).toFixed(2)} s`);
    console.log(`  event loop delay during processing: max ${(loop.max / 1e6).toFixed(0)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms; GET /api/health meanwhile: ${health.length} calls, p50 ${health[Math.floor(health.length / 2)]?.toFixed(1)} ms, max ${health.at(-1)?.toFixed(1)} ms`);
  }

  try {
    const pdf = await makePdf(Array.from({ length: 200 }, (_, i) => ({ heading: `Chapter ${i + 1}: a practice`, paragraphs: [prose(i, 8), prose(i + 7, 8)] })), { sectionsPerPage: 1 });
    await measure('(a) 200-page PDF', 'bench-200-pages.pdf', pdf);
    // The first PDF also pays for loading the PDF reader (once per server process); a second one shows the steady state.
    const pdf2 = await makePdf(Array.from({ length: 200 }, (_, i) => ({ heading: `Part ${i + 1}: another practice`, paragraphs: [prose(i + 1, 8), prose(i + 9, 8)] })), { sectionsPerPage: 1 });
    await measure('(a2) another 200-page PDF, reader already loaded', 'bench-200-pages-2.pdf', pdf2);
    const docx = await makeDocx(Array.from({ length: 100 }, (_, i) => ({ heading: `Section ${i + 1}`, paragraphs: [prose(i, 8), prose(i + 3, 8), prose(i + 5, 8)], bullets: ['Confirm the budget', 'Name the decision maker'] })), { pageBreaks: true });
    await measure('(b) 100-page Word document', 'bench-100-pages.docx', docx);
  } finally {
    await close();
  }
}

await main();
// (c) The planner: 10,000 slots over 50 personas × 20 emotions × 30 topics.
await benchPlanner();
