import type { Role } from '$core/context';
import type { MessageKey } from '$lib/i18n';

/** What the header knows of the signed-in member (routes/+layout.server.ts). */
export type HeaderMember = {
  displayName: string;
  /** Their face (a public image's key), when they chose a photo. */
  photo?: string | undefined;
  role: Role;
  team: boolean;
  admin: boolean;
  partner: boolean;
  broker: boolean;
  unread: number;
};

/** A place in the header; `within` lists the paths below it that still belong to it. */
export type HeaderLink = { href: string; key: MessageKey; within?: string[] };

/** The main places, in their order: ideas (the portal home), offers, challenges, then the team's workspace for the team. */
export function mainPlaces(me: HeaderMember | null, readable: boolean): HeaderLink[] {
  const places: HeaderLink[] = readable
    ? [
        { href: '/', key: 'nav.ideas', within: ['/ideas/', '/ideas-in-action'] },
        { href: '/offers', key: 'offers.nav', within: ['/offers/', '/partners/'] },
        { href: '/challenges', key: 'challenges.nav', within: ['/challenges/'] },
      ]
    : [];
  if (me?.team) places.push({ href: '/team', key: 'nav.team', within: ['/team/'] });
  return places;
}

/** The account menu's links, in groups: the member's own pages, a partner's or broker's offer work, the portal's settings for its admins. */
export function accountGroups(me: HeaderMember): HeaderLink[][] {
  const groups: HeaderLink[][] = [
    [
      { href: '/account', key: 'nav.profile' },
      { href: '/account/activity', key: 'nav.activity' },
      { href: '/account/security', key: 'account.security' },
    ],
  ];
  const offers: HeaderLink[] = [];
  if (me.partner) offers.push({ href: '/partner', key: 'offers.nav.partner' });
  if (me.partner || me.broker) {
    offers.push({ href: '/requests', key: 'offers.nav.requests', within: ['/requests/'] });
    offers.push({ href: '/threads', key: 'offers.nav.threads', within: ['/threads/'] });
  }
  if (offers.length) groups.push(offers);
  if (me.admin) groups.push([{ href: '/admin', key: 'admin.nav', within: ['/admin/'] }]);
  return groups;
}

/** aria-current for a link: the page itself, or "true" on a page that belongs to its place. */
export function currentness(pathname: string, link: HeaderLink): 'page' | 'true' | undefined {
  if (pathname === link.href) return 'page';
  return link.within?.some((prefix) => pathname.startsWith(prefix)) ? 'true' : undefined;
}
