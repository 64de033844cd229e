import { sql, type SQL } from 'drizzle-orm';
import { DIMENSIONS } from '../core/tiers';
import { conversations } from './schema';

/**
 * A conversation's search text computed in SQL from its current values and the catalog's
 * current labels — the same parts as buildSearchText — for rewriting many rows at once after a
 * label or a conversation's dimensions change.
 */
export function searchTextSql(): SQL {
  const labels = DIMENSIONS.map(
    (d) => sql`coalesce((select dv.label from dimension_values dv where dv.dimension = ${d} and dv.key = ${conversations[d]}), ${conversations[d]})`,
  );
  return sql`lower(concat_ws(' · ', ${conversations.conversationId}, nullif(trim(${conversations.title}), ''), ${sql.join(labels, sql`, `)}, replace(${conversations.tier}, '_', ' '), case when ${conversations.isSeed} then 'seed' end))`;
}
