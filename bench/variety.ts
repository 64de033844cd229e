/**
 * npm run bench:variety — how "generated" the offline generator's text looks on the demo
 * workspace. Seeds a fresh in-memory demo, generates its 90 planned conversations as a run
 * would (the first attempt's seed of each conversation; the seeds depend on the conversation
 * ids, which are new on every install, so several retry seeds are shown as well), and prints:
 * - the share of assistant sentences (30+ characters, every occurrence counted) that stand word
 *   for word in 5 or more distinct conversations, with and without the 6 hand-written seeds;
 * - conversations whose turns leak instruction text or speak of "the user";
 * - the quality score distribution (src/core/quality.ts).
 * Prints figures; asserts nothing (the variety test holds the goal).
 */
import { measureReuse, findLeaks, type TurnLike } from '../src/core/offline/variety';
import { scoreConversation } from '../src/core/quality';
import { demoSeedConversations, generateDemoOffline } from '../test/support/demo-offline';
import { openDemoWorkspace } from './support/dataset';

const ATTEMPTS = Number(process.env.VARIETY_ATTEMPTS ?? 5);
const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

function distribution(scores: number[]) {
  const sorted = [...scores].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, s) => sum + s, 0) / sorted.length;
  const levels = { high: sorted.filter((s) => s >= 8).length, medium: sorted.filter((s) => s >= 6 && s < 8).length, low: sorted.filter((s) => s < 6).length };
  const buckets = new Map<string, number>();
  for (const s of sorted) buckets.set(s.toFixed(1), (buckets.get(s.toFixed(1)) ?? 0) + 1);
  return {
    summary: `mean ${mean.toFixed(2)}, min ${sorted[0]}, median ${sorted[Math.floor(sorted.length / 2)]}, max ${sorted[sorted.length - 1]}; high ${levels.high}, medium ${levels.medium}, low ${levels.low}`,
    histogram: [...buckets.entries()].map(([score, count]) => `${score}×${count}`).join(' '),
  };
}

const database = await openDemoWorkspace({});
const seeds = await demoSeedConversations(database.db);

console.log(`offline generator on the demo workspace (${new Date().toISOString().slice(0, 10)})`);
const shares: number[] = [];
for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
  const generated = await generateDemoOffline(database.db, attempt);
  const turns: TurnLike[][] = generated.map((c) => c.turns);
  const alone = measureReuse(turns, { top: 10 });
  const withSeeds = measureReuse([...turns, ...seeds]);
  const leaking = generated.filter((c) => findLeaks(c.turns, c.instructions, c.material).length > 0);
  const thirdPerson = generated.filter((c) => findLeaks(c.turns, []).length > 0);
  shares.push(alone.share);
  console.log(
    `\nseed set ${attempt}: ${alone.conversations} generated conversations, ${alone.sentences} assistant sentences of 30+ characters (${alone.distinctSentences} distinct)`,
  );
  console.log(`  reused in 5+ conversations: ${percent(alone.share)} (${alone.reusedOccurrences} occurrences of ${alone.reusedDistinct} sentences)`);
  console.log(`  with the ${seeds.length} hand-written seeds (${withSeeds.conversations} conversations): ${percent(withSeeds.share)}`);
  console.log(`  user turns, same measure: ${percent(measureReuse(turns, { role: 'user' }).share)}`);
  console.log(`  conversations leaking instruction text: ${leaking.length}; speaking of "the user": ${thirdPerson.length}`);
  if (attempt === 1) {
    console.log('  most reused sentences:');
    for (const { sentence, conversations } of alone.top) console.log(`    ${String(conversations).padStart(3)}  ${sentence}`);
    const quality = distribution(generated.map((c) => scoreConversation(c.turns, c.confidence).score));
    console.log(`  quality: ${quality.summary}`);
    console.log(`  quality histogram: ${quality.histogram}`);
    const tiers = new Map<string, number[]>();
    for (const c of generated) tiers.set(c.tier, [...(tiers.get(c.tier) ?? []), c.turns.length]);
    console.log(`  turns per conversation: ${[...tiers.entries()].map(([tier, n]) => `${tier} ${Math.min(...n)}–${Math.max(...n)}`).join(', ')}`);
  }
}
console.log(`\nreuse share over ${ATTEMPTS} seed sets: min ${percent(Math.min(...shares))}, max ${percent(Math.max(...shares))}`);
await database.close();
