import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../functions/api/full.js';
import { config } from '../../functions/core/config.js';
import { newId } from '../../functions/core/ids.js';
import { answers, expectedAnswer, KNOWN_WRONG, ROUTE_ACCESS, type Expected, type RouteKey } from './route-access.js';
import { ACCOUNTS, CALLERS, OFFER, portalWorld, type Account, type Caller, type PortalWorld } from './world.js';

/**
 * The route × role matrix: every route of the API app, called as every caller on its own portal
 * and with each account's session on another portal, answers what its class in route-access.ts
 * says. The routes come from the app itself, so a new route without a stated class fails here.
 */

/** Route handlers of the app; `use` middleware is registered as method ALL with a `(c, next)` handler. */
const APP_ROUTES = [
  ...new Set(
    app.routes.filter((r) => !(r.method === 'ALL' && r.handler.length >= 2)).map((r) => `${r.method} ${r.path}`),
  ),
];
const covered = APP_ROUTES.filter((route): route is RouteKey => route in ROUTE_ACCESS);

/** A plausible id that names nothing. */
const NO_ID = newId();

interface Call {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
}

/** Path parameters a route gets unless its call says otherwise. */
const DEFAULT_PARAMS: Record<string, string> = {
  id: NO_ID,
  sectionId: 'product',
  queue: 'new',
  kind: 'logo',
  domain: 'no-such-domain.example',
  targetId: `idea:${NO_ID}`,
};

/**
 * What each route is called with, where the defaults (made-up ids, `{}` for an unsafe method's
 * body) would stop it before its rights check, or where a real answer says more. Calls that use
 * something up get a fresh one each (`w.new...`).
 */
const CALLS: { [K in RouteKey]?: (w: PortalWorld) => Call | Promise<Call> } = {
  'GET /api/portals/slug-available': () => ({ query: 'slug=free-matrix-slug' }),
  'GET /api/ideas': () => ({ query: 'section=product' }),
  'GET /api/ideas/similar': () => ({ query: 'title=battery' }),
  'POST /api/ideas': () => ({
    body: { sectionId: 'product', title: 'An idea from the matrix', body: 'Posted by every caller in turn.' },
  }),
  'GET /api/ideas/:id': (w) => ({ params: { id: w.resources.idea } }),
  'PATCH /api/ideas/:id': (w) => ({ params: { id: w.resources.idea }, body: { title: 'Edited by its author' } }),
  'DELETE /api/ideas/:id': async (w) => ({ params: { id: await w.newIdea() } }),
  'PUT /api/ideas/:id/vote': (w) => ({ params: { id: w.resources.idea }, body: { value: 1 } }),
  'DELETE /api/ideas/:id/vote': (w) => ({ params: { id: w.resources.idea } }),
  'GET /api/ideas/:id/comments': (w) => ({ params: { id: w.resources.idea } }),
  'POST /api/ideas/:id/comments': (w) => ({ params: { id: w.resources.idea }, body: { body: 'From the matrix.' } }),
  'PATCH /api/comments/:id': (w) => ({ params: { id: w.resources.comment }, body: { body: 'Edited by its author.' } }),
  'DELETE /api/comments/:id': async (w) => ({ params: { id: await w.newComment(w.resources.idea) } }),
  'PUT /api/ideas/:id/follow': (w) => ({ params: { id: w.resources.idea } }),
  'DELETE /api/ideas/:id/follow': (w) => ({ params: { id: w.resources.idea } }),
  'POST /api/flags': (w) => ({ body: { target: `idea:${w.resources.idea}`, reason: 'spam' } }),
  'POST /api/auth/password': () => ({ body: { current: 'not the password at all', password: 'another long phrase' } }),
  'PATCH /api/me': () => ({ body: { lang: 'en' } }),
  'POST /api/invitations': () => ({ body: { email: 'invited@example.test', role: 'member' } }),
  'PATCH /api/members/:id': async (w) => ({
    params: { id: (await w.newAccount('member')).id },
    body: { role: 'owner' },
  }),
  'POST /api/notifications/read': () => ({ body: { ids: [NO_ID] } }),
  'POST /api/admin/sections': () => ({ body: { name: { en: 'Matrix section' } } }),
  'PATCH /api/admin/categories/:id': () => ({ body: { name: { en: 'Renamed' } } }),
  'POST /api/admin/categories': () => ({ body: { sectionId: 'experience', name: { en: 'Matrix category' } } }),
  'POST /api/admin/domains': () => ({ body: { domain: 'not a host name' } }),
  'PUT /api/admin/portal/images/:kind': () => ({ body: { uploadId: NO_ID } }),
  'POST /api/team/moderation/:targetId': () => ({ body: { decision: 'approve' } }),
  'POST /api/team/members/:id/block': () => ({ body: { reason: 'Spam from the matrix' } }),
  'GET /api/ideas/:id/status-history': (w) => ({ params: { id: w.resources.idea } }),
  'GET /api/partners/:id': (w) => ({ params: { id: w.resources.partnerOrg } }),
  'PATCH /api/partners/:id': (w) => ({
    params: { id: w.resources.partnerOrg },
    body: { description: 'Edited by its organisation.' },
  }),
  'GET /api/partners/:id/members': (w) => ({ params: { id: w.resources.partnerOrg } }),
  'POST /api/partners/:id/members': (w) => ({ params: { id: w.resources.partnerOrg } }),
  'POST /api/offers': () => ({ body: OFFER }),
  'GET /api/offers/:id': (w) => ({ params: { id: w.resources.offer } }),
  'PATCH /api/offers/:id': (w) => ({ params: { id: w.resources.offer }, body: { summary: OFFER.summary } }),
  'DELETE /api/offers/:id': async (w) => ({ params: { id: await w.newOffer() } }),
  'POST /api/offers/:id/publish': (w) => ({ params: { id: w.resources.offer } }),
  'POST /api/offers/:id/interest': (w) => ({ params: { id: w.resources.offer } }),
  'GET /api/requests/:id': (w) => ({ params: { id: w.resources.request } }),
  'GET /api/requests/:id/matches': (w) => ({ params: { id: w.resources.request } }),
  'POST /api/saved-searches': () => ({ body: { name: 'Batteries', query: { q: 'battery' } } }),
  'GET /api/threads/:id': (w) => ({ params: { id: w.resources.thread } }),
  'PATCH /api/threads/:id': (w) => ({ params: { id: w.resources.thread }, body: { state: 'new' } }),
  'GET /api/threads/:id/messages': (w) => ({ params: { id: w.resources.thread } }),
  'POST /api/threads/:id/messages': (w) => ({ params: { id: w.resources.thread }, body: { body: 'From the matrix.' } }),
  'POST /api/uploads': () => ({ body: { filename: 'sheet.pdf', contentType: 'application/pdf', size: 100 } }),
  'POST /api/uploads/:id/finalize': async (w) => ({ params: { id: await w.newUpload() } }),
};

/** Calls that end the session they are made with get a session of their own; deleting the account, an account of its own. */
const USES_UP: { [K in RouteKey]?: 'session' | 'account' } = {
  'POST /api/auth/signout': 'session',
  'POST /api/auth/signout-all': 'account',
  'DELETE /api/me': 'account',
};

/** At most this many requests at once: DynamoDB Local shares the machine with the other test files. */
function limiter(size: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
const inTurn = limiter(8);

let home: PortalWorld;
let other: PortalWorld;
beforeAll(async () => {
  [home, other] = await Promise.all([portalWorld(), portalWorld()]);
});

/** The session a caller presents: their own on `home`, or their account's on `other` when elsewhere. */
async function cookieFor(route: RouteKey, caller: Caller, elsewhere: boolean): Promise<string> {
  if (caller === 'visitor') return '';
  const world = elsewhere ? other : home;
  const account = caller as Account;
  const uses = USES_UP[route];
  if (uses === 'session') return world.freshCookie(account);
  if (uses === 'account') return world.newAccountCookie(account);
  return world.cookie(account);
}

/** Methods the API's routes take no body with. */
const NO_BODY = new Set(['GET', 'DELETE']);

/** A JSON body that no route's schema takes: a caller without the right must be refused before it is read. */
const NOT_AN_OBJECT = 'not an object';

/** One cell: a caller, on the route's own host or with a session of another portal, maybe with a body no schema takes. */
interface Cell {
  caller: Caller;
  elsewhere: boolean;
  probe: boolean;
}

async function callCell(route: RouteKey, { caller, elsewhere, probe }: Cell) {
  const [method, pattern] = route.split(' ') as [string, string];
  const call = (await CALLS[route]?.(home)) ?? {};
  const path = pattern.replace(/:(\w+)/g, (_, name: string) =>
    encodeURIComponent(call.params?.[name] ?? DEFAULT_PARAMS[name] ?? NO_ID),
  );
  const onPlatform = ROUTE_ACCESS[route] === 'platformOnly' && !elsewhere;
  const host = onPlatform ? config().PLATFORM_DOMAIN : home.host;
  const body = probe ? NOT_AN_OBJECT : (call.body ?? (NO_BODY.has(method) ? undefined : {}));
  const browser = home.browser(host, await cookieFor(route, caller, elsewhere));
  return browser.call(method, `${path}${call.query ? `?${call.query}` : ''}`, body);
}

/**
 * Every caller at home, every account's session on another portal, and, where a route takes a
 * body, the callers it refuses again with a body no schema takes (the rights come first).
 */
function cellsOf(route: RouteKey): Cell[] {
  const takesBody = !NO_BODY.has(route.split(' ')[0]!);
  return [
    ...CALLERS.map((caller) => ({ caller, elsewhere: false, probe: false })),
    ...ACCOUNTS.map((caller): Cell => ({ caller, elsewhere: true, probe: false })),
    ...(['visitor', 'member'] as const)
      .filter((caller) => takesBody && !expectedAnswer(ROUTE_ACCESS[route], caller, false).allowed)
      .map((caller) => ({ caller, elsewhere: false, probe: true })),
  ];
}

const labelOf = ({ caller, elsewhere, probe }: Cell) =>
  `${caller}${elsewhere ? ' of another portal' : ''}${probe ? ' (body not an object)' : ''}`;
const knownKey = (route: RouteKey, { caller, elsewhere, probe }: Cell) =>
  `${route} as ${elsewhere ? 'visitor' : caller}${probe ? ' (body not an object)' : ''}`;

const describeExpected = (expected: Expected) =>
  expected.allowed ? `through (not 401/403${expected.hidden ? '/404' : ''}/5xx)` : String(expected.status);

describe('route × role matrix', () => {
  it('states the access of every route of the app, and of no other', () => {
    const unstated = APP_ROUTES.filter((route) => !(route in ROUTE_ACCESS));
    const gone = Object.keys(ROUTE_ACCESS).filter((route) => !APP_ROUTES.includes(route));
    expect(unstated, 'routes of the app without an entry in test/security/route-access.ts').toEqual([]);
    expect(gone, 'entries of test/security/route-access.ts for routes the app no longer has').toEqual([]);
  });

  it('lists known wrong answers only for cells the matrix calls', () => {
    const called = new Set(covered.flatMap((route) => cellsOf(route).map((cell) => knownKey(route, cell))));
    expect(Object.keys(KNOWN_WRONG).filter((key) => !called.has(key))).toEqual([]);
  });

  it.concurrent.each(covered)('%s answers each caller as its class says', async (route) => {
    const wrong = await Promise.all(
      cellsOf(route).map(async (cell) => {
        const expected = expectedAnswer(ROUTE_ACCESS[route], cell.caller, cell.elsewhere);
        const res = await inTurn(() => callCell(route, cell));
        const known = KNOWN_WRONG[knownKey(route, cell)];
        if (known !== undefined) {
          if (res.status === known) return undefined;
          return `${labelOf(cell)}: listed in KNOWN_WRONG as ${known}, now ${res.status}: if fixed, remove the line`;
        }
        if (answers(expected, { status: res.status, code: res.json?.error?.code })) return undefined;
        return `${labelOf(cell)}: expected ${describeExpected(expected)}, got ${res.status} ${res.text.slice(0, 160)}`;
      }),
    );
    expect(wrong.filter(Boolean), `${route} (${ROUTE_ACCESS[route]})`).toEqual([]);
  });
});
