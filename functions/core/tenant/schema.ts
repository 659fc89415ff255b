import { z } from 'zod';
import { says } from '../errors/index.js';
import { LANGS } from './lang.js';
import { FontId } from './fonts.js';

export const Lang = z.enum(LANGS);
export type Lang = z.infer<typeof Lang>;

/** Brand-written text, given per enabled language. */
export const LocalizedText = z.partialRecord(Lang, z.string().trim().min(1).max(500));
export type LocalizedText = z.infer<typeof LocalizedText>;
/** A name (of a portal, section, category, criterion) is given in one language at least. */
export const LocalizedName = LocalizedText.refine((text) => Object.keys(text).length > 0, says('portal.nameRequired'));

export const Slug = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/, says('portal.slugFormat'));
export const ShortId = z.string().regex(/^[a-z0-9-]{1,40}$/, says('input.idFormat'));
export const HexColour = z.string().regex(/^#[0-9a-f]{6}$/i, says('portal.hex'));

export const Theme = z.object({
  primary: HexColour,
  accent: HexColour,
  surface: HexColour,
  text: HexColour,
  font: FontId,
});
export type Theme = z.infer<typeof Theme>;

export const Category = z.object({ id: ShortId, name: LocalizedName });
export const Section = z.object({
  id: ShortId,
  name: LocalizedName,
  description: LocalizedText.optional(),
  archived: z.boolean().default(false),
  categories: z.array(Category).max(50).default([]),
});
export type Section = z.infer<typeof Section>;

/** A footer link: its label per language and an http(s) address (no javascript: or data: links). */
export const FooterLink = z.object({
  label: LocalizedText,
  url: z.url({ protocol: /^https?$/, error: says('input.url') }).max(500),
});

/** Longer brand texts (the community charter) get more room than names and taglines. */
export const LocalizedLongText = z.partialRecord(Lang, z.string().trim().min(1).max(10_000));

/** An image the brand uploaded (logo, favicon, hero): its S3 key under the tenant's prefix and a content version for caching. */
export const BrandImage = z.object({ key: z.string(), contentType: z.string(), version: z.string() });
export type BrandImage = z.infer<typeof BrandImage>;
export const BRAND_IMAGES = ['logo', 'favicon', 'hero'] as const;
export type BrandImageKind = (typeof BRAND_IMAGES)[number];

/** A criterion the team scores ideas on, 1 to 5. `effort: true` marks the ones that measure cost (the chart's other axis). */
export const ScoringCriterion = z.object({ id: ShortId, name: LocalizedName, effort: z.boolean().default(false) });
export const DEFAULT_CRITERIA = [
  { id: 'impact', name: { en: 'Impact', fr: 'Impact' }, effort: false },
  { id: 'feasibility', name: { en: 'Feasibility', fr: 'Faisabilité' }, effort: false },
  { id: 'cost', name: { en: 'Cost', fr: 'Coût' }, effort: true },
  { id: 'fit', name: { en: 'Strategic fit', fr: 'Adéquation stratégique' }, effort: false },
];

/** The sectors technology offers and requests are filed under; a portal starts with these. */
export const OfferSector = z.object({ id: ShortId, name: LocalizedName });
export const DEFAULT_OFFER_SECTORS = [
  { id: 'energy', name: { en: 'Energy', fr: 'Énergie' } },
  { id: 'materials', name: { en: 'Materials', fr: 'Matériaux' } },
  { id: 'packaging', name: { en: 'Packaging', fr: 'Emballage' } },
  { id: 'food', name: { en: 'Food and drink', fr: 'Alimentation et boissons' } },
  { id: 'mobility', name: { en: 'Mobility', fr: 'Mobilité' } },
  { id: 'health', name: { en: 'Health', fr: 'Santé' } },
  { id: 'digital', name: { en: 'Digital', fr: 'Numérique' } },
  { id: 'retail', name: { en: 'Retail', fr: 'Commerce' } },
  { id: 'water', name: { en: 'Water', fr: 'Eau' } },
  { id: 'manufacturing', name: { en: 'Manufacturing', fr: 'Production industrielle' } },
];

/** Until the owner says otherwise: about two sign-ups a minute for the portal, five an hour per network. */
export const SIGNUP_PROOF_DEFAULT = { perPortal: 100, perAddress: 5 };

export const TenantSettings = z.object({
  name: LocalizedName,
  tagline: LocalizedText.optional(),
  welcome: LocalizedText.optional(),
  charter: LocalizedLongText.optional(),
  footerLinks: z.array(FooterLink).max(10).default([]),
  /** The display name of e-mails the portal sends; the portal's name when unset. */
  senderName: z.string().trim().min(1).max(60).optional(),
  /** The brand's own words for idea statuses, per language; the product's names otherwise. */
  statusLabels: z.record(z.string().regex(/^[a-z_]{2,20}$/), LocalizedText).default({}),
  defaultLang: Lang,
  languages: z.array(Lang).min(1),
  theme: Theme,
  /** Colours for readers whose system asks for a dark scheme, when the brand offers one (same font). */
  darkTheme: Theme.omit({ font: true }).optional(),
  sections: z.array(Section).min(1).max(30),
  visibility: z.enum(['public', 'members', 'invitation']).default('public'),
  votingMode: z.enum(['up', 'updown']).default('up'),
  moderation: z.enum(['before', 'after']).default('after'),
  /** Members must confirm their e-mail before they post, vote or comment. */
  requireVerifiedEmail: z.boolean().default(true),
  /**
   * Sign-ups an hour past which the form asks a proof of work: from the whole portal, and from
   * one network (a wave of robots is slowed down without closing the door to people).
   */
  signupProof: z
    .object({ perPortal: z.number().int().min(1).max(100_000), perAddress: z.number().int().min(1).max(1_000) })
    .default(SIGNUP_PROOF_DEFAULT),
  /** Posts containing one of these words wait for moderation. */
  blockedWords: z.array(z.string().trim().min(2).max(40)).max(500).default([]),
  scoringCriteria: z.array(ScoringCriterion).min(1).max(8).default(DEFAULT_CRITERIA),
  offerSectors: z.array(OfferSector).min(1).max(40).default(DEFAULT_OFFER_SECTORS),
});

export const Tenant = TenantSettings.extend({
  id: z.string(),
  slug: Slug,
  logo: BrandImage.optional(),
  favicon: BrandImage.optional(),
  hero: BrandImage.optional(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Tenant = z.infer<typeof Tenant>;
