import type { Caller } from './world.js';

/**
 * Who may call each route of the API, stated once per route. The matrix (route-matrix.test.ts)
 * calls every route of the app as every caller and derives each cell's expected answer from the
 * route's class here; a route of the app without an entry, or an entry without a route, fails it.
 */
export type Access =
  /** Anyone, signed in or not (the test portals are public). */
  | 'public'
  /** Any account of the portal. */
  | 'signedIn'
  /** Any account allowed to post, vote, comment, follow or flag (signed in, e-mail confirmed). */
  | 'contributor'
  /** A person of a partner organisation, whichever. */
  | 'partner'
  /** Partners and the brand's team (technology requests and their lists). */
  | 'partnerOrTeam'
  /** A person of the organisation that published the offer, and no one else (not even the team). */
  | 'publisher'
  /** A person of the organisation, or the brand's team (who manage partners). */
  | 'organisation'
  /** The two sides of an inquiry thread; to anyone else signed in it does not exist (404). */
  | 'threadSide'
  /** The author of the idea or comment. */
  | 'author'
  /** The member who started the upload; to anyone else signed in it does not exist (404). */
  | 'uploader'
  /** The innovation team: team, admins and owners. */
  | 'team'
  /** The portal's owners and admins. */
  | 'admin'
  /** The portal's owners only. */
  | 'owner'
  /** The platform's own routes: on its apex host only, and to anyone there; a portal's host does not know them (404). */
  | 'platformOnly';

export const ROUTE_ACCESS = {
  'GET /api/health': 'public',
  'GET /api/portals/slug-available': 'platformOnly',
  'POST /api/portals': 'platformOnly',
  'GET /api/portal': 'public',

  'GET /api/sections/:sectionId/ideas': 'public',
  'GET /api/ideas': 'public',
  'GET /api/ideas/similar': 'public',
  'POST /api/ideas': 'contributor',
  'GET /api/ideas/:id': 'public',
  'PATCH /api/ideas/:id': 'author',
  'DELETE /api/ideas/:id': 'author',
  'PUT /api/ideas/:id/vote': 'contributor',
  'DELETE /api/ideas/:id/vote': 'contributor',
  'GET /api/ideas/:id/comments': 'public',
  'POST /api/ideas/:id/comments': 'contributor',
  'PATCH /api/comments/:id': 'author',
  'DELETE /api/comments/:id': 'author',
  'PUT /api/ideas/:id/follow': 'contributor',
  'DELETE /api/ideas/:id/follow': 'contributor',
  'POST /api/flags': 'contributor',

  'POST /api/auth/signup': 'public',
  'POST /api/auth/signup/confirm': 'public',
  'POST /api/auth/signup/challenge': 'public',
  'POST /api/auth/verify': 'public',
  'POST /api/auth/verify/resend': 'signedIn',
  'POST /api/auth/signin': 'public',
  'POST /api/auth/signin/second': 'public',
  'POST /api/auth/link': 'public',
  'POST /api/auth/link/signin': 'public',
  'POST /api/auth/signout': 'public',
  'POST /api/auth/signout-all': 'signedIn',
  'POST /api/auth/reset-request': 'public',
  'POST /api/auth/reset': 'public',
  'POST /api/auth/password': 'signedIn',
  'GET /api/me': 'signedIn',
  'PATCH /api/me': 'signedIn',
  'POST /api/me/two-step/start': 'signedIn',
  'POST /api/me/two-step/enable': 'signedIn',
  'POST /api/me/two-step/disable': 'signedIn',
  'PUT /api/me/photo': 'signedIn',
  'DELETE /api/me/photo': 'signedIn',
  'GET /api/me/export': 'signedIn',
  'DELETE /api/me': 'signedIn',

  // Challenges: the core decides what each role sees; these are who may call each route at all.
  'GET /api/challenges': 'public',
  'POST /api/challenges': 'team',
  'GET /api/challenges/:id': 'public',
  'PATCH /api/challenges/:id': 'team',
  'POST /api/challenges/:id/schedule': 'team',
  'POST /api/challenges/:id/close': 'team',
  'POST /api/challenges/:id/nda': 'contributor',
  'PUT /api/challenges/:id/follow': 'signedIn',
  'DELETE /api/challenges/:id/follow': 'signedIn',
  'GET /api/challenges/:id/funnel': 'team',
  'GET /api/challenges/:id/export.csv': 'team',
  'GET /api/challenges/:id/rewards.csv': 'team',
  'POST /api/challenges/:id/decision': 'team',
  'GET /api/challenges/:id/rewards': 'public',
  'POST /api/challenges/:id/rewards/:rank/paid': 'team',
  'GET /api/challenges/:id/entries': 'public',
  'POST /api/challenges/:id/entries': 'contributor',
  'GET /api/challenges/:id/entries/:entryId': 'public',
  'POST /api/challenges/:id/entries/:entryId/versions': 'contributor',
  'DELETE /api/challenges/:id/entries/:entryId': 'contributor',
  'GET /api/challenges/:id/entries/:entryId/comments': 'public',
  'POST /api/challenges/:id/entries/:entryId/comments': 'contributor',
  'PUT /api/challenges/:id/entries/:entryId/favourite': 'contributor',
  'DELETE /api/challenges/:id/entries/:entryId/favourite': 'contributor',
  'PUT /api/challenges/:id/entries/:entryId/score': 'signedIn',
  'PUT /api/challenges/:id/entries/:entryId/shortlist': 'signedIn',
  'POST /api/challenges/:id/entries/:entryId/adjustments': 'team',

  'POST /api/invitations': 'admin',
  'GET /api/invitations': 'admin',
  'DELETE /api/invitations/:id': 'admin',
  'POST /api/invitations/accept': 'public',
  'GET /api/members': 'team',
  // Called to make an owner, which only owners may do.
  'PATCH /api/members/:id': 'owner',
  'GET /api/notifications': 'signedIn',
  'POST /api/notifications/read': 'signedIn',

  'GET /api/admin/portal': 'admin',
  'GET /api/admin/signups': 'admin',
  'PATCH /api/admin/portal': 'admin',
  'GET /api/admin/sections': 'admin',
  'POST /api/admin/sections': 'admin',
  'PATCH /api/admin/sections/:id': 'admin',
  'DELETE /api/admin/sections/:id': 'admin',
  'GET /api/admin/categories': 'admin',
  'POST /api/admin/categories': 'admin',
  'PATCH /api/admin/categories/:id': 'admin',
  'DELETE /api/admin/categories/:id': 'admin',
  'GET /api/admin/domains': 'admin',
  'POST /api/admin/domains': 'admin',
  'POST /api/admin/domains/:domain/verify': 'admin',
  'DELETE /api/admin/domains/:domain': 'admin',
  'GET /api/admin/audit': 'admin',
  'PUT /api/admin/portal/images/:kind': 'admin',
  'DELETE /api/admin/portal/images/:kind': 'admin',

  'GET /api/team/queues/:queue': 'team',
  'POST /api/team/moderation/:targetId': 'team',
  'POST /api/team/members/:id/block': 'team',
  'GET /api/team/team-members': 'team',
  'GET /api/team/impact-effort': 'team',
  'POST /api/team/bulk': 'team',
  'GET /api/team/ideas/:id': 'team',
  'POST /api/ideas/:id/status': 'team',
  'GET /api/ideas/:id/status-history': 'public',
  'POST /api/ideas/:id/merge': 'team',
  'PUT /api/ideas/:id/tags': 'team',
  'PUT /api/ideas/:id/assignee': 'team',
  'GET /api/ideas/:id/notes': 'team',
  'POST /api/ideas/:id/notes': 'team',
  'GET /api/ideas/:id/scores': 'team',
  'PUT /api/ideas/:id/scores': 'team',
  'GET /api/ideas-in-action': 'public',
  'GET /api/team/dashboard': 'team',
  'GET /api/team/export.csv': 'team',

  'GET /api/partners': 'public',
  'POST /api/partners': 'team',
  'GET /api/partners/:id': 'public',
  'PATCH /api/partners/:id': 'organisation',
  'GET /api/partners/:id/members': 'organisation',
  'POST /api/partners/:id/members': 'team',
  'DELETE /api/partners/:id/members/:memberId': 'admin',
  'GET /api/offers/search': 'public',
  'GET /api/offers': 'public',
  'POST /api/offers': 'partner',
  'GET /api/offers/:id': 'public',
  'PATCH /api/offers/:id': 'publisher',
  'DELETE /api/offers/:id': 'publisher',
  'POST /api/offers/:id/publish': 'publisher',
  'POST /api/offers/:id/interest': 'team',
  'GET /api/requests': 'partnerOrTeam',
  'POST /api/requests': 'team',
  'GET /api/requests/:id': 'partnerOrTeam',
  'GET /api/requests/:id/matches': 'team',
  'GET /api/saved-searches': 'signedIn',
  'POST /api/saved-searches': 'signedIn',
  'DELETE /api/saved-searches/:id': 'signedIn',
  'GET /api/threads': 'partnerOrTeam',
  'GET /api/threads/:id': 'threadSide',
  'PATCH /api/threads/:id': 'threadSide',
  'GET /api/threads/:id/messages': 'threadSide',
  'POST /api/threads/:id/messages': 'threadSide',
  'POST /api/uploads': 'signedIn',
  'POST /api/uploads/:id/finalize': 'uploader',
} as const satisfies Record<string, Access>;

export type RouteKey = keyof typeof ROUTE_ACCESS;

const TEAM: Caller[] = ['team', 'admin', 'owner'];
const ACCOUNTS: Caller[] = ['member', 'partner', 'otherPartner', 'juror', ...TEAM];

/** Who gets through, per class; `hidden` classes answer 404 to the other accounts instead of 403. */
const ALLOWED: Record<Exclude<Access, 'platformOnly'>, { callers: Caller[]; hidden?: true }> = {
  public: { callers: ['visitor', ...ACCOUNTS] },
  signedIn: { callers: ACCOUNTS },
  /** A juror (an outside expert) judges challenges and contributes nothing else. */
  contributor: { callers: ACCOUNTS.filter((c) => c !== 'juror') },
  partner: { callers: ['partner', 'otherPartner'] },
  partnerOrTeam: { callers: ['partner', 'otherPartner', ...TEAM] },
  publisher: { callers: ['partner'] },
  organisation: { callers: ['partner', ...TEAM] },
  threadSide: { callers: ['partner', ...TEAM], hidden: true },
  author: { callers: ['member'] },
  uploader: { callers: ['member'], hidden: true },
  team: { callers: TEAM },
  admin: { callers: ['admin', 'owner'] },
  owner: { callers: ['owner'] },
};

/**
 * What one cell must answer: `allowed` is anything but 401, 403 (and 404 where the class hides
 * things: those cells use real resources) and never 5xx; a refusal is one exact status.
 */
export type Expected = { allowed: true; hidden: boolean } | { allowed: false; status: 401 | 403 | 404 };

/**
 * The expected answer of a route for a caller. `elsewhere` is the caller's session presented
 * where it does not belong: another portal's host, where it counts as no session at all (for a
 * platform route: a portal's host, where the route does not exist).
 */
export function expectedAnswer(access: Access, caller: Caller, elsewhere: boolean): Expected {
  if (access === 'platformOnly') return elsewhere ? { allowed: false, status: 404 } : { allowed: true, hidden: false };
  const who = elsewhere ? 'visitor' : caller;
  const { callers, hidden = false } = ALLOWED[access];
  if (callers.includes(who)) return { allowed: true, hidden };
  if (who === 'visitor') return { allowed: false, status: 401 };
  return { allowed: false, status: hidden ? 404 : 403 };
}

/** Error codes that mean the call never reached the route: an allowed cell may not answer them. */
const NOT_REACHED = new Set(['route_not_found', 'tenant_not_found']);

/** Whether an answer is the expected one. */
export function answers(expected: Expected, answer: { status: number; code?: string }): boolean {
  if (!expected.allowed) return answer.status === expected.status;
  const { status, code } = answer;
  if (status >= 500 || status === 401 || status === 403 || (expected.hidden && status === 404)) return false;
  return code === undefined || !NOT_REACHED.has(code);
}

/**
 * Answers that contradict the table above: reported (issue 15), and listed here until the core
 * is fixed, each with the status it gives today. The table stays as the product should be; the
 * matrix checks these cells still answer as listed, so a fix fails it and asks to remove its
 * line. Keys are `<route> as <caller>`; a session of another portal counts as a visitor, so a
 * visitor's line covers those cells too; `(body not an object)` marks the probe of the input
 * rules.
 */
export const KNOWN_WRONG: Record<string, number> = {};
