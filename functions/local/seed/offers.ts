import { system, type Ctx } from '../../core/context.js';
import { type Member } from '../../core/member/index.js';
import { createMember } from '../../core/identity/index.js';
import {
  addToPartnerAsSystem,
  createOffer,
  createPartner,
  createRequest,
  expressInterest,
  postMessage,
  publishOffer,
} from '../../core/offer/index.js';
import type { Tenant } from '../../core/tenant/index.js';
import type { DemoOffers } from './types.js';

const DAY = 24 * 3600 * 1000;

/**
 * The demo's technology offers: the team registers the partner organisations, the demo partner
 * account joins the first (the others get a person of their own), each organisation publishes
 * its offers over the last 30 days, the team posts its requests and has one conversation going.
 */
export async function seedOffers(tenant: Tenant, team: Member, demoPartner: Member, data: DemoOffers, now: Date) {
  const sys: Ctx = { tenant, actor: system };
  const asTeam = (t: number): Ctx => ({
    tenant,
    actor: { kind: 'member', memberId: team.id, role: 'team', verified: true, displayName: team.displayName },
    now: new Date(t),
  });
  const start = now.getTime() - 30 * DAY;
  const people: Member[] = [];
  const partnerIds: string[] = [];
  for (const [i, profile] of data.partners.entries()) {
    const partner = await createPartner(asTeam(start - DAY), profile);
    const person =
      i === 0
        ? demoPartner
        : await createMember(sys, {
            email: `partner${i + 1}@${tenant.slug}.example`,
            displayName: tenant.defaultLang === 'fr' ? `Équipe ${profile.name}` : `${profile.name} team`,
            lang: tenant.defaultLang,
            role: 'partner',
          });
    await addToPartnerAsSystem(sys, partner.id, person);
    people.push(person);
    partnerIds.push(partner.id);
  }
  const offerIds: string[] = [];
  for (const [
    i,
    [p, title, summary, description, keywords, maturity, trl, sectors, ip, partnerships, visibility],
  ] of data.offers.entries()) {
    const person = people[p]!;
    const ctx: Ctx = {
      tenant,
      actor: { kind: 'member', memberId: person.id, role: 'partner', verified: true, displayName: person.displayName },
      now: new Date(start + (i / data.offers.length) * 29 * DAY),
    };
    const offer = await createOffer(ctx, {
      title,
      summary,
      description,
      keywords,
      maturity,
      trl,
      sectors,
      ip,
      partnerships,
      visibility,
      country: data.partners[p]!.country,
      partnerId: partnerIds[p],
    });
    await publishOffer(ctx, offer.id);
    offerIds.push(offer.id);
  }
  const deadline = new Date(now.getTime() + 60 * DAY).toISOString().slice(0, 10);
  for (const request of data.requests) await createRequest(asTeam(now.getTime() - 2 * DAY), { ...request, deadline });
  const first = asTeam(now.getTime() - DAY);
  const thread = await expressInterest(first, offerIds[0]!);
  await postMessage(first, thread.id, {
    body:
      tenant.defaultLang === 'fr'
        ? 'Bonjour, pourriez-vous nous envoyer un devis pour 50 boutiques ?'
        : 'Hello, could you send us a quote for 50 dealerships?',
  });
}
