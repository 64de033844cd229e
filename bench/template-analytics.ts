/**
 * npm run bench:template-analytics — latency of the template analytics routes over HTTP with
 * 200 templates, 2,000 versions and 100,000 conversations spread across them (PGlite). Prints
 * p50/p95 per route. Nothing here is asserted.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/client';
import { openWorkspaceWithConversations } from './support/dataset';
import { sampleGets, timedGet } from './support/http';
import { latencyCells } from './support/latency';
import type { BenchStore } from './support/store';
import { withBenchServer } from './support/server';

const COUNT = Number(process.env.BENCH_CONVERSATIONS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 50);
const TEMPLATES = 200;
const VERSIONS_EACH = 10;
const PORT = 3873;
const log = (msg: string) => console.log(msg);

/**
 * The bench data set's conversations (as bench/support/dataset.ts loads them, but without turns:
 * the analytics read no turn, and 1.2 million of them take minutes to load), 200 templates of 10
 * versions each on top of the demo's, and every conversation given one of them.
 */
async function prepare(store: BenchStore) {
  const database = await openWorkspaceWithConversations(store.connection, COUNT, 0, log);
  const { db } = database;
  await db.execute(sql`
    insert into templates (key, name, tier, current_version)
    select 'bench_' || n, 'Bench template ' || n, (array['template', 'scenario', 'edge_case'])[1 + n % 3], ${VERSIONS_EACH}
    from generate_series(1, ${TEMPLATES}) n`);
  await db.execute(sql`
    insert into template_versions (template_id, version, body, notes)
    select t.id, v, 'Talk as {persona} about {topic}, version ' || v, 'Bench version ' || v
    from templates t cross join generate_series(1, ${VERSIONS_EACH}) v where t.key like 'bench\\_%'`);
  await db.execute(sql`
    with numbered as (select id, (row_number() over (order by key) - 1)::int as i from templates where key like 'bench\\_%')
    update conversations c
    set template_id = numbered.id,
        template_version = case when c.status in ('not_generated', 'failed') then null else 1 + (hashtext(c.conversation_id || 'v') & 2147483647) % ${VERSIONS_EACH} end
    from numbered
    where c.conversation_id like 'bench-%' and numbered.i = (hashtext(c.conversation_id) & 2147483647) % ${TEMPLATES}`);
  await db.execute(sql`vacuum analyze`);
  const [counts] = await queryRows<{ templates: number; versions: number; used: number }>(
    db,
    sql`select (select count(*) from templates)::int as templates, (select count(*) from template_versions)::int as versions, (select count(*) from conversations where template_id is not null)::int as used`,
  );
  await database.close();
  log(`${counts.templates} templates, ${counts.versions.toLocaleString()} versions, ${counts.used.toLocaleString()} conversations with a template.`);
}

async function main() {
  await withBenchServer({ name: 'template-analytics', port: PORT, prepare }, async (server) => {
    const first = JSON.parse(Buffer.from((await timedGet(server, '/api/templates/analytics')).body).toString()) as { items: { templateId: string }[] };
    const ids = first.items.slice(0, 4).map((t) => t.templateId).join(',');
    const routes: [string, string][] = [
      ['analytics, sorted by usage', '/api/templates/analytics'],
      ['analytics, tier 2 by quality, threshold 6', '/api/templates/analytics?tier=scenario&sort=quality&minQuality=6'],
      ['trend of 4 templates per day', `/api/templates/analytics/trend?templateIds=${ids}`],
      ['trend of 4 templates per week, by version', `/api/templates/analytics/trend?templateIds=${ids}&bucket=week&byVersion=true`],
      ['CSV (2,200 rows)', '/api/templates/analytics.csv'],
    ];
    log(`\nGET latency through HTTP, ${REQUESTS} requests each after 5 warm-up requests (PGlite, ${COUNT.toLocaleString()} conversations):\n`);
    log('| route | p50 | p95 | answer size |');
    log('| --- | --- | --- | --- |');
    for (const [name, url] of routes) {
      const { times, bytes } = await sampleGets(server, url, { warmUp: 5, count: REQUESTS });
      log(`| ${name} | ${latencyCells(times)} | ${(bytes / 1024).toFixed(0)} KB |`);
    }
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
