import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunks, conversations, documents, documentUploads } from '../../src/db/schema';
import type { SourceSnapshot } from '../../src/db/schema/conversations';
import { createTestApp, type TestApp } from '../support/app';
import { makeDocx, makeImageOnlyPdf, makePdf, prose } from '../support/make-documents';
import { multipart } from '../support/multipart';
import { waitFor } from '../support/wait';

let t: TestApp;
const db = () => t.services.ctx.database.db;
const encrypted = fs.readFileSync(path.join(import.meta.dirname, '../fixtures/documents/encrypted.pdf'));

const upload = (name: string, bytes: Uint8Array | Buffer, fields: Record<string, string> = {}, query = '') =>
  t.as('generator', { method: 'POST', url: `/api/documents${query}`, ...multipart({ name, bytes }, fields) });
const documentCount = async () => (await db().select({ n: sql<number>`count(*)::int` }).from(documents))[0].n;

let seq = 0;
/** A conversation made from a chunk, as the planner and a run would leave it. */
async function conversationFrom(chunkId: string, documentId: string, status: string) {
  seq++;
  const [row] = await db()
    .insert(conversations)
    .values({ conversationId: `conv-doc-${seq}`, title: `From chunk ${seq}`, chunkId, documentId, persona: 'p', emotion: 'e', topic: 't', intent: 'i', tone: 'o', tier: 'template', status })
    .returning({ id: conversations.id });
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(() => t.close());

describe('POST /api/documents', () => {
  it('uploads a PDF and a Word document, parses and chunks them at once', async () => {
    const pdf = await makePdf([
      { heading: 'Discovery', paragraphs: [prose(1), prose(2)] },
      { heading: 'Pricing', paragraphs: [prose(3)] },
    ]);
    const res = await upload('sales-guide.pdf', pdf, { category: 'Complete Systems', author: 'Ana' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ title: 'sales guide', category: 'Complete Systems', status: 'ready', chunkCount: 2, replaced: false });
    const id = res.json().id;
    const doc = (await t.as('viewer', { method: 'GET', url: `/api/documents/${id}` })).json();
    expect(doc).toMatchObject({ status: 'ready', progress: 1, pageCount: 1, sizeBytes: pdf.length, chunkCount: 2, author: 'Ana', mimeType: 'application/pdf', errorMessage: null });
    const list = (await t.as('viewer', { method: 'GET', url: `/api/documents/${id}/chunks` })).json().items;
    expect(list.map((c: { heading: string }) => c.heading)).toEqual(['Discovery', 'Pricing']);
    expect(list[0]).toMatchObject({ ordinal: 1, content: `${prose(1)}\n\n${prose(2)}`, dimensions: {}, dimensionsSource: null, conversationCount: 0, conversations: [] });

    const docx = await makeDocx([{ heading: 'Onboarding', paragraphs: ['Welcome the client.'], bullets: ['Send the contract'] }]);
    const word = await upload('onboarding.docx', docx, { category: 'Frameworks', title: 'Client onboarding' });
    expect(word.statusCode).toBe(201);
    expect(word.json()).toMatchObject({ title: 'Client onboarding', category: 'Frameworks', status: 'ready', chunkCount: 1 });
    const wordChunks = (await t.as('viewer', { method: 'GET', url: `/api/documents/${word.json().id}/chunks` })).json().items;
    expect(wordChunks[0]).toMatchObject({ heading: 'Onboarding', content: 'Welcome the client.\n\n- Send the contract' });
  });

  it.each([
    ['a damaged PDF', 'broken.pdf', () => Buffer.from('%PDF-1.4\n1 0 obj garbage'), 400, 'corrupt_pdf', 'damaged'],
    ['a password-protected PDF', 'locked.pdf', () => encrypted, 400, 'encrypted_pdf', 'password'],
    ['a scanned PDF', 'scan.pdf', () => makeImageOnlyPdf(2), 400, 'no_text_layer', 'no selectable text'],
    ['an empty Word document', 'empty.docx', () => makeDocx([]), 400, 'empty_document', 'has no text'],
    ['an empty file', 'empty.txt', () => Buffer.alloc(0), 400, 'empty_document', 'has no text'],
    ['a zip renamed .pdf', 'archive.pdf', () => Buffer.from('PK\x03\x04\x14\x00rest of a zip'), 415, 'unsupported_type', 'not a PDF'],
    ['a slide deck', 'deck.pptx', () => Buffer.from('PK\x03\x04'), 415, 'unsupported_type', '.pptx files are not supported'],
  ])('refuses %s with a message and a hint, and stores nothing', async (_what, name, make, status, code, words) => {
    const before = await documentCount();
    const res = await upload(name, await make());
    expect(res.statusCode).toBe(status);
    const error = res.json().error;
    expect(error.code).toBe(code);
    expect(error.message).toContain(words);
    expect(error.hint.length).toBeGreaterThan(10);
    expect(await documentCount()).toBe(before);
  });

  it('refuses a 60 MB file with 413 under the default 50 MB limit', async () => {
    const before = await documentCount();
    const big = Buffer.alloc(60 * 1024 * 1024, 'a');
    const res = await upload('huge.txt', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'file_too_large', message: expect.stringContaining('50 MB'), details: { maxUploadMb: 50 } });
    expect(await documentCount()).toBe(before);
  });

  it('refuses an unknown category naming the allowed ones, and an upload without a file', async () => {
    const res = await upload('notes.md', Buffer.from('# Notes\n\nSome text.'), { category: 'Gossip' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'unknown_category', details: { field: 'category', allowed: expect.arrayContaining(['Complete Systems', 'General']) } });
    expect(res.json().error.hint).toContain('Proprietary Strategies');
    const none = await t.as('generator', { method: 'POST', url: '/api/documents', ...multipart(null, { category: 'General' }) });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.code).toBe('missing_file');
  });

  it('lets only roles that manage documents upload', async () => {
    const res = await t.as('viewer', { method: 'POST', url: '/api/documents', ...multipart({ name: 'a.md', bytes: Buffer.from('# A\n\ntext') }) });
    expect(res.statusCode).toBe(403);
  });

  it('recognises a duplicate by content, names the existing document, and replaces it on request', async () => {
    const first = await upload('playbook.md', Buffer.from(`# Playbook\n\n${prose(10)}`), { category: 'Proprietary Strategies' });
    expect(first.statusCode).toBe(201);
    const id = first.json().id;
    const again = await upload('copy-of-playbook.md', Buffer.from(`# Playbook\n\n${prose(10)}`));
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'duplicate_document', details: { existingId: id, existingTitle: 'playbook' } });
    expect(again.json().error.hint).toContain(`replace=${id}`);

    const [chunk] = await db().select().from(chunks).where(eq(chunks.documentId, id));
    const generated = await conversationFrom(chunk.id, id, 'approved');
    const replaced = await upload('playbook-v2.md', Buffer.from(`# Playbook v2\n\n${prose(11)}\n\n## More\n\n${prose(12)}`), {}, `?replace=${id}`);
    expect(replaced.statusCode).toBe(201);
    expect(replaced.json()).toMatchObject({ id, title: 'playbook', category: 'Proprietary Strategies', chunkCount: 2, replaced: true });
    const [conv] = await db().select().from(conversations).where(eq(conversations.id, generated));
    expect(conv.chunkId).toBeNull();
    expect(conv.sourceSnapshot).toMatchObject({ documentId: id, chunkId: chunk.id, content: prose(10), heading: 'Playbook' });
  });
});

describe('background processing', () => {
  it('stages a large file, answers processing, and reports progress until ready', async () => {
    t.services.ctx.documents.inlineLimit = 0;
    try {
      const pdf = await makePdf(Array.from({ length: 6 }, (_, i) => ({ heading: `Chapter ${i + 1}`, paragraphs: [prose(i), prose(i + 1)] })), { sectionsPerPage: 1 });
      const res = await upload('long-guide.pdf', pdf, { category: 'Case Studies' });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ status: 'processing', chunkCount: 0 });
      const id = res.json().id;
      const ready = await waitFor(async () => {
        const doc = (await t.as('viewer', { method: 'GET', url: `/api/documents/${id}` })).json();
        return doc.status === 'processing' ? null : doc;
      });
      expect(ready).toMatchObject({ status: 'ready', progress: 1, pageCount: 6, chunkCount: 6, errorMessage: null });
      expect(await db().select().from(documentUploads).where(eq(documentUploads.documentId, id))).toEqual([]);
      // A damaged PDF is still refused at once, before anything is staged.
      const bad = await upload('bad-large.pdf', Buffer.from('%PDF-1.4 nothing'));
      expect(bad.statusCode).toBe(400);
    } finally {
      t.services.ctx.documents.inlineLimit = 1024 * 1024;
    }
  });

  it('marks a staged file that turns out to have no text as failed, with the reason', async () => {
    t.services.ctx.documents.inlineLimit = 0;
    try {
      const res = await upload('scanned-large.pdf', await makeImageOnlyPdf(3));
      const id = res.json().id;
      const done = await waitFor(async () => {
        const doc = (await t.as('viewer', { method: 'GET', url: `/api/documents/${id}` })).json();
        return doc.status === 'processing' ? null : doc;
      });
      expect(done.status).toBe('failed');
      expect(done.errorMessage).toContain('no selectable text');
      expect((await t.as('viewer', { method: 'GET', url: '/api/documents?status=failed' })).json().items.map((d: { id: string }) => d.id)).toContain(id);
    } finally {
      t.services.ctx.documents.inlineLimit = 1024 * 1024;
    }
  });

  it('resumes a staged upload left by a stopped server', async () => {
    const [doc] = await db()
      .insert(documents)
      .values({ title: 'Left behind', category: 'General', content: '', status: 'processing', progress: 0, sourceFilename: 'left.md', mimeType: 'text/markdown' })
      .returning({ id: documents.id });
    await db().insert(documentUploads).values({ documentId: doc.id, bytes: new TextEncoder().encode('# Left\n\nStill here.'), claimedAt: new Date(Date.now() - 3_600_000) });
    // Claimed a moment ago by a process that stopped: only the embedded database's owner may take it at once.
    const [claimed] = await db()
      .insert(documents)
      .values({ title: 'Just claimed', category: 'General', content: '', status: 'processing', progress: 0, sourceFilename: 'just.md', mimeType: 'text/markdown' })
      .returning({ id: documents.id });
    await db().insert(documentUploads).values({ documentId: claimed.id, bytes: new TextEncoder().encode('# Just\n\nClaimed.'), claimedAt: new Date() });
    expect(await t.services.ctx.documents.resume()).toBe(1);
    await t.services.ctx.documents.idle();
    expect(await t.services.ctx.documents.resume({ all: true })).toBe(1);
    await t.services.ctx.documents.idle();
    const ready = (await t.as('viewer', { method: 'GET', url: `/api/documents/${doc.id}` })).json();
    expect(ready).toMatchObject({ status: 'ready', chunkCount: 1 });
    expect((await t.as('viewer', { method: 'GET', url: `/api/documents/${claimed.id}` })).json()).toMatchObject({ status: 'ready', chunkCount: 1 });
  });
});

describe('GET /api/documents', () => {
  it('searches and filters by category and status; refuses an unknown status', async () => {
    const all = (await t.as('viewer', { method: 'GET', url: '/api/documents' })).json().items;
    expect(all.length).toBeGreaterThan(2);
    const frameworks = (await t.as('viewer', { method: 'GET', url: '/api/documents?category=Frameworks' })).json().items;
    expect(frameworks.map((d: { title: string }) => d.title)).toEqual(['Client onboarding']);
    const found = (await t.as('viewer', { method: 'GET', url: '/api/documents?q=kickoff' })).json().items;
    expect(found).toEqual([]);
    const byText = (await t.as('viewer', { method: 'GET', url: '/api/documents?q=contract' })).json().items;
    expect(byText.map((d: { title: string }) => d.title)).toEqual(['Client onboarding']);
    const bad = await t.as('viewer', { method: 'GET', url: '/api/documents?status=done' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("'status'");
  });

  it('searches within chunks', async () => {
    const id = (await t.as('viewer', { method: 'GET', url: '/api/documents?q=sales' })).json().items[0].id;
    const hits = (await t.as('viewer', { method: 'GET', url: `/api/documents/${id}/chunks?q=${encodeURIComponent('case 3-')}` })).json().items;
    expect(hits.map((c: { heading: string }) => c.heading)).toEqual(['Pricing']);
  });

  it('answers 404 for an unknown document and 400 for a malformed id', async () => {
    expect((await t.as('viewer', { method: 'GET', url: '/api/documents/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    expect((await t.as('viewer', { method: 'GET', url: '/api/documents/nope/chunks' })).statusCode).toBe(400);
  });
});

describe('PATCH /api/documents/:id', () => {
  it('edits title, author and category; refuses an unknown category naming the allowed ones', async () => {
    const id = (await upload('edit-me.md', Buffer.from('# E\n\nEdit me please.'))).json().id;
    const res = await t.as('generator', { method: 'PATCH', url: `/api/documents/${id}`, payload: { title: 'Edited', author: 'Bo', category: 'case studies' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ title: 'Edited', author: 'Bo', category: 'Case Studies' });
    const bad = await t.as('generator', { method: 'PATCH', url: `/api/documents/${id}`, payload: { category: 'Nope' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.allowed).toContain('General');
    const empty = await t.as('generator', { method: 'PATCH', url: `/api/documents/${id}`, payload: { title: '' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain("'title'");
    expect((await t.as('viewer', { method: 'GET', url: `/api/documents/${id}` })).json().title).toBe('Edited');
  });
});

describe('DELETE /api/documents/:id', () => {
  it('is refused while conversations depend on it, says what would happen, then deletes on confirmation', async () => {
    const id = (await upload('delete-me.md', Buffer.from(`# Del\n\n${prose(20)}`))).json().id;
    const [chunk] = await db().select().from(chunks).where(eq(chunks.documentId, id));
    const kept = await conversationFrom(chunk.id, id, 'generated');
    const slot = await conversationFrom(chunk.id, id, 'not_generated');
    const refused = await t.as('admin', { method: 'DELETE', url: `/api/documents/${id}` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'document_in_use', details: { conversations: 2, keptWithSnapshot: 1, slotsWithoutText: 1, byStatus: { generated: 1, not_generated: 1 } } });
    expect(refused.json().error.message).toContain('1 planned conversation not generated yet will be removed');
    expect((await t.as('viewer', { method: 'GET', url: `/api/documents/${id}/impact` })).json()).toMatchObject({ conversations: 2, keptWithSnapshot: 1 });
    expect((await t.as('viewer', { method: 'GET', url: `/api/documents/${id}` })).statusCode).toBe(200);

    const done = await t.as('admin', { method: 'DELETE', url: `/api/documents/${id}?confirm=true` });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ deleted: true, keptWithSnapshot: 1, removedSlots: 1 });
    expect((await t.as('viewer', { method: 'GET', url: `/api/documents/${id}` })).statusCode).toBe(404);
    expect(await db().select().from(conversations).where(eq(conversations.id, slot))).toEqual([]);
    // The conversation still answers with its source, from the snapshot.
    const detail = (await t.as('viewer', { method: 'GET', url: `/api/conversations/${kept}` })).json();
    expect(detail.source).toEqual({ chunk: { id: chunk.id, ordinal: 1, heading: 'Del', content: prose(20), dimensions: {} }, document: { id, title: 'delete me', category: 'General' } });
  });

  it('deletes a document nothing depends on without confirmation; viewers cannot delete', async () => {
    const id = (await upload('lonely.md', Buffer.from('# L\n\nNobody uses me.'))).json().id;
    expect((await t.as('viewer', { method: 'DELETE', url: `/api/documents/${id}` })).statusCode).toBe(403);
    expect((await t.as('generator', { method: 'DELETE', url: `/api/documents/${id}` })).statusCode).toBe(200);
  });
});

describe('POST /api/documents/:id/rechunk', () => {
  it('re-splits with the current settings, snapshots conversations with text and moves slots to the new chunks', async () => {
    const text = `# Guide\n\n${Array.from({ length: 8 }, (_, i) => prose(i, 6)).join('\n\n')}`;
    const id = (await upload('rechunk.md', Buffer.from(text))).json().id;
    const before = await db().select().from(chunks).where(eq(chunks.documentId, id));
    before.sort((a, b) => a.ordinal - b.ordinal);
    expect(before.length).toBeGreaterThanOrEqual(2);
    const generated = await conversationFrom(before[0].id, id, 'rejected');
    const slot = await conversationFrom(before[1].id, id, 'not_generated');
    const settings = await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { documents: { chunkSize: 400, chunkOverlap: 50 } } });
    expect(settings.statusCode).toBe(200);
    const res = await t.as('generator', { method: 'POST', url: `/api/documents/${id}/rechunk` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, snapshotted: 1, movedSlots: 1 });
    expect(res.json().chunkCount).toBeGreaterThan(before.length + 2);
    const [g] = await db().select().from(conversations).where(eq(conversations.id, generated));
    expect(g.chunkId).toBeNull();
    expect((g.sourceSnapshot as SourceSnapshot).content).toBe(before[0].content);
    const [s] = await db().select().from(conversations).where(eq(conversations.id, slot));
    const after = await db().select().from(chunks).where(eq(chunks.documentId, id));
    expect(after.find((c) => c.id === s.chunkId)?.ordinal).toBe(2);
    const chunkList = (await t.as('viewer', { method: 'GET', url: `/api/documents/${id}/chunks` })).json().items;
    expect(chunkList[1]).toMatchObject({ conversationCount: 1, conversations: [{ id: slot, status: 'not_generated' }] });
    await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { documents: { chunkSize: 1500, chunkOverlap: 150 } } });
    // An overlap as long as the chunk is refused, naming the field, not a server error.
    const overlap = await t.as('admin', { method: 'PATCH', url: '/api/settings', payload: { documents: { chunkOverlap: 1500 } } });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().error.message).toContain("'documents.chunkOverlap' must be smaller than chunkSize");
  });
});

describe('export and import', () => {
  it('exports every document with chunks and dimensions, and imports into another workspace skipping duplicates', async () => {
    const res = await t.as('viewer', { method: 'GET', url: '/api/documents/export' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('convgen-documents-');
    const data = res.json();
    expect(data).toMatchObject({ format: 'convgen.documents', version: 1 });
    const guide = data.documents.find((d: { title: string }) => d.title === 'sales guide');
    expect(guide.chunks.map((c: { heading: string }) => c.heading)).toEqual(['Discovery', 'Pricing']);

    // Into the same workspace: all skipped (same content), nothing duplicated.
    const before = await documentCount();
    const same = await t.as('generator', { method: 'POST', url: '/api/documents/import', payload: data });
    expect(same.statusCode).toBe(201);
    expect(same.json().imported).toBe(0);
    expect(same.json().skipped).toHaveLength(data.documents.length);
    expect(await documentCount()).toBe(before);

    const fresh = { ...data, documents: [{ ...guide, title: 'Imported guide', content: `${guide.content}\n\nNew tail.`, contentHash: null, chunks: [{ ...guide.chunks[0], dimensions: { summary: 'Discovery basics', confidence: 8 }, dimensionsSource: 'manual' }] }] };
    const ok = await t.as('generator', { method: 'POST', url: '/api/documents/import', payload: fresh });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ imported: 1, skipped: [] });
    const chunksOf = (await t.as('viewer', { method: 'GET', url: `/api/documents/${ok.json().ids[0]}/chunks` })).json().items;
    expect(chunksOf[0]).toMatchObject({ dimensions: { summary: 'Discovery basics', confidence: 8 }, dimensionsSource: 'manual' });
  });

  it('refuses malformed JSON and bad items by index and field, importing nothing', async () => {
    const before = await documentCount();
    const malformed = await t.as('generator', { method: 'POST', url: '/api/documents/import', headers: { 'content-type': 'application/json' }, payload: '{"format": "convgen.documents", ' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('invalid_json');
    const good = { title: 'Good', category: 'General', content: 'Unique good content for import.', chunks: [{ ordinal: 1, heading: null, content: 'Unique good content for import.' }] };
    const missing = await t.as('generator', { method: 'POST', url: '/api/documents/import', payload: { format: 'convgen.documents', version: 1, exportedAt: 'x', documents: [good, { ...good, title: '' }] } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toContain("'documents.1.title'");
    const category = await t.as('generator', { method: 'POST', url: '/api/documents/import', payload: { format: 'convgen.documents', version: 1, exportedAt: 'x', documents: [good, { ...good, content: 'Other text.', category: 'Gossip' }] } });
    expect(category.statusCode).toBe(400);
    expect(category.json().error).toMatchObject({ code: 'invalid_import', details: { index: 1, field: 'documents[1].category' } });
    const version = await t.as('generator', { method: 'POST', url: '/api/documents/import', payload: { format: 'convgen.documents', version: 2, exportedAt: 'x', documents: [] } });
    expect(version.statusCode).toBe(400);
    expect(version.json().error.message).toContain("'version'");
    expect(await documentCount()).toBe(before);
  });
});

describe('the OpenAPI document', () => {
  it('lists every documents route', async () => {
    const spec = (await t.as(null, { method: 'GET', url: '/api/openapi.json' })).json();
    for (const p of ['/api/documents', '/api/documents/{id}', '/api/documents/{id}/chunks', '/api/documents/{id}/rechunk', '/api/documents/{id}/impact', '/api/documents/export', '/api/documents/import']) expect(spec.paths[p], p).toBeDefined();
    expect(Object.keys(spec.paths['/api/documents'])).toEqual(expect.arrayContaining(['get', 'post']));
  });
});
