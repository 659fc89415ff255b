import { nowIso, type Ctx } from '../context.js';
import { countWrite } from '../ratelimit.js';
import { picked, requests, writeAllOrNothing } from '../db/index.js';
import { auditWrite } from '../admin/index.js';
import { DomainError, notFound, parseInput, say } from '../errors/index.js';
import { newId } from '../ids.js';
import { isPartner } from '../authz.js';
import { isOfferTeam, requireKnownSectors, requireOfferTeam } from './access.js';
import { RequestId, RequestInput } from './schema.js';
import { fn } from '../fn.js';

export interface TechRequest extends RequestInput {
  id: string;
  createdAt: string;
  createdBy: string;
}

const REQUEST_FIELDS = [
  'id',
  'title',
  'need',
  'maturities',
  'trlMin',
  'trlMax',
  'sectors',
  'partnerships',
  'deadline',
  'createdAt',
  'createdBy',
] as const;
const requestOf = (item: Record<string, unknown>) => picked<TechRequest>(item, REQUEST_FIELDS);

/** The brand's team and its partners work on requests; members and visitors do not see them. */
function requireRequestReader(ctx: Ctx) {
  if (ctx.actor.kind === 'visitor') throw new DomainError('sign_in_required', 401, say('access.signIn'));
  if (!isOfferTeam(ctx) && !isPartner(ctx.actor)) {
    throw new DomainError('forbidden', 403, say('offer.requestsForTeam'));
  }
}

/** The team posts a need: partners see it and answer with offers. */
export const createRequest = /* @__PURE__ */ fn(
  requireOfferTeam,
  RequestInput,
  async (ctx, data): Promise<TechRequest> => {
    await countWrite(ctx);
    requireKnownSectors(ctx, data.sectors);
    const request: TechRequest = {
      ...data,
      id: newId(),
      createdAt: nowIso(ctx),
      createdBy: ctx.actor.kind === 'member' ? ctx.actor.memberId : 'system',
    };
    await writeAllOrNothing([
      requests.put([ctx.tenant.id, request.id], request),
      auditWrite(ctx, 'request.create', { request: request.id, title: request.title }),
    ]);
    return request;
  },
);

const isOpen = (request: TechRequest, today: string) => !request.deadline || request.deadline >= today;

/** Newest first: the team sees every request, partners the open ones (deadline not passed). */
export async function listRequests(ctx: Ctx): Promise<(TechRequest & { open: boolean })[]> {
  requireRequestReader(ctx);
  const { items } = await requests.ofPortal(ctx.tenant.id);
  const today = nowIso(ctx).slice(0, 10);
  return items
    .map(requestOf)
    .map((r) => ({ ...r, open: isOpen(r, today) }))
    .filter((r) => r.open || isOfferTeam(ctx));
}

export async function readRequest(tenantId: string, requestId: string): Promise<TechRequest | undefined> {
  const item = await requests.get([tenantId, requestId]);
  return item ? requestOf(item) : undefined;
}

export async function getRequest(ctx: Ctx, requestIdInput: string): Promise<TechRequest & { open: boolean }> {
  requireRequestReader(ctx);
  const request = await readRequest(ctx.tenant.id, parseInput(RequestId, requestIdInput));
  const open = request !== undefined && isOpen(request, nowIso(ctx).slice(0, 10));
  if (!request || (!open && !isOfferTeam(ctx))) throw notFound('request');
  return { ...request, open };
}
