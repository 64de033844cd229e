import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { checklist } from '../../contract/workspace';
import { workspaceChecklist } from '../../db/queries/checklist';
import { requirePermission } from '../authenticate';
import type { AppContext } from '../context';

export function workspaceRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/workspace/checklist',
    { schema: { tags: ['workspace'], summary: 'The first-run checklist: upload a document, define personas and topics, plan, generate — each step with whether it is done and where to do it', response: { 200: checklist } }, preHandler: requirePermission(ctx, 'catalog:read') },
    async () => workspaceChecklist(ctx.database.db),
  );
}
