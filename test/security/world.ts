import { randomBytes } from 'node:crypto';
import { system, type Ctx, type Role } from '../../functions/core/context.js';
import { addComment } from '../../functions/core/comment/index.js';
import { submitIdea } from '../../functions/core/idea/index.js';
import { createMember, createSession, sessionCookie } from '../../functions/core/identity/index.js';
import type { Member } from '../../functions/core/member/index.js';
import {
  addToPartnerAsSystem,
  createOffer,
  createPartner,
  createRequest,
  expressInterest,
  publishOffer,
} from '../../functions/core/offer/index.js';
import { createUpload, finalizeUpload } from '../../functions/core/upload/index.js';
import { client } from '../support/http.js';
import { portalWithRoles } from '../support/roles.js';
import { actingAs, hostOf } from '../support/tenants.js';

/** Who calls: nobody, or an account of one role. `otherPartner` belongs to another organisation than the portal's resources. */
export type Caller = 'visitor' | Role | 'otherPartner';
export type Account = Exclude<Caller, 'visitor'>;
export const CALLERS: Caller[] = ['visitor', 'member', 'partner', 'otherPartner', 'team', 'admin', 'owner', 'juror'];
export const ACCOUNTS = CALLERS.filter((c): c is Account => c !== 'visitor');

type OfferInput = Parameters<typeof createOffer>[1] & object;

/** A publishable offer (every field search and the brand rely on). */
export const OFFER = {
  title: 'Recycled lithium battery packs',
  summary: 'Second-life battery modules from electric vehicles for stationary storage.',
  description: 'We test and regroup used cells into certified packs.',
  keywords: ['battery', 'recycling'],
  maturity: 'pilot_series',
  trl: 7,
  sectors: ['energy', 'mobility'],
  ip: 'patented',
  partnerships: ['licensing'],
  country: 'DE',
  visibility: 'public',
} satisfies OfferInput;

/** Files that pass the magic-byte check: a PDF, and a PNG signature followed by a few bytes. */
const FILES = {
  pdf: { type: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.7\n%%EOF\n') },
  png: { type: 'image/png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]) },
} as const;

/** A finished upload of the acting member: started, posted to S3 with its presigned form as a browser does, finalized. */
export async function readyUpload(ctx: Ctx, kind: keyof typeof FILES): Promise<string> {
  const { type, bytes } = FILES[kind];
  const upload = await createUpload(ctx, { filename: `file.${kind}`, contentType: type, size: bytes.byteLength });
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', new Blob([bytes], { type }));
  const posted = await fetch(upload.url, { method: 'POST', body: form });
  if (!posted.ok) throw new Error(`the upload form answered ${posted.status}`);
  return (await finalizeUpload(ctx, upload.id)).id;
}

const roleOf = (caller: Account): Role => (caller === 'otherPartner' ? 'partner' : caller);

/**
 * A portal with one account per caller and one of each resource an id route needs: partner
 * organisations (the `partner` in the first, `otherPartner` in the second), a published offer of
 * the first with the team's thread about it, a technology request, an idea and a comment by the
 * member. Factories make fresh ones for calls that use them up (deleting, withdrawing, finalizing).
 */
export async function portalWorld() {
  const { tenant, members: byRole } = await portalWithRoles();
  const ctxOf = (member: Member) => actingAs(tenant, member);
  const otherPartner = await createMember(
    { tenant, actor: system },
    { email: 'other-partner@example.test', displayName: 'Other partner', lang: 'en', role: 'partner' },
  );
  const accounts = { ...(byRole as Record<Role, Member>), otherPartner } as Record<Account, Member>;
  const as = (caller: Account) => ctxOf(accounts[caller]);

  const [partnerOrg, otherOrg] = await Promise.all(
    ['Volta Cells', 'Other Organisation'].map((name) =>
      createPartner({ tenant, actor: system }, { name, country: 'DE', description: `${name}, a partner.` }),
    ),
  );
  await addToPartnerAsSystem({ tenant, actor: system }, partnerOrg!.id, accounts.partner);
  await addToPartnerAsSystem({ tenant, actor: system }, otherOrg!.id, accounts.otherPartner);

  const newOffer = async () => {
    const draft = await createOffer(as('partner'), OFFER);
    return (await publishOffer(as('partner'), draft.id)).id;
  };
  const newIdea = async () =>
    (
      await submitIdea(as('member'), {
        sectionId: 'product',
        title: `An idea of the member ${randomBytes(3).toString('hex')}`,
        body: 'Written by the member, for the matrix.',
      })
    ).id;
  const newComment = async (ideaId: string) =>
    (await addComment(as('member'), { ideaId, body: 'A comment of the member.' })).id;
  const newUpload = async () =>
    (await createUpload(as('member'), { filename: 'sheet.pdf', contentType: 'application/pdf', size: 100 })).id;
  const newAccount = async (caller: Account) =>
    createMember(
      { tenant, actor: system },
      {
        email: `${caller.toLowerCase()}-${randomBytes(4).toString('hex')}@example.test`,
        displayName: caller,
        lang: 'en',
        role: roleOf(caller),
      },
    );

  const offer = await newOffer();
  const thread = (await expressInterest(as('team'), offer, { body: 'Tell us more about the packs.' })).id;
  const request = (await createRequest(as('team'), { title: 'Cheaper storage', need: 'Storage for our cafés.' })).id;
  const idea = await newIdea();
  const comment = await newComment(idea);

  const sessions = new Map<Account, string>();
  const cookieOf = async (member: Member) =>
    `${sessionCookie(`http://${hostOf(tenant)}`).name}=${await createSession(tenant.id, member.id)}`;
  return {
    tenant,
    host: hostOf(tenant),
    accounts,
    as,
    resources: { partnerOrg: partnerOrg!.id, otherOrg: otherOrg!.id, offer, thread, request, idea, comment },
    newOffer,
    newIdea,
    newComment,
    newUpload,
    newAccount,
    /** The session cookie of the caller's account (one per account, made once). */
    async cookie(caller: Account): Promise<string> {
      if (!sessions.has(caller)) sessions.set(caller, await cookieOf(accounts[caller]));
      return sessions.get(caller)!;
    },
    /** A new session of the caller's account, for a call that ends it. */
    freshCookie: (caller: Account) => cookieOf(accounts[caller]),
    /** A session of a new account with the caller's role, for a call that deletes it. */
    newAccountCookie: async (caller: Account) => cookieOf(await newAccount(caller)),
    /** A browser on `host` that presents `cookie` (or none). */
    browser(host: string, cookie = '') {
      const api = client(host);
      api.cookie = cookie;
      return api;
    },
  };
}

export type PortalWorld = Awaited<ReturnType<typeof portalWorld>>;
