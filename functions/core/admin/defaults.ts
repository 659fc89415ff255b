import {
  DEFAULT_CRITERIA,
  DEFAULT_OFFER_SECTORS,
  LANGS,
  SIGNUP_PROOF_DEFAULT,
  type Lang,
  type TenantSettings,
} from '../tenant/index.js';
import type { z } from 'zod';

/**
 * What a new portal starts with: the three sections of the idea portals we learn from
 * (Product, Experience, Participation), a welcome text and a readable blue theme, in both
 * languages, so it is live and usable the minute it opens.
 */
export function defaultSettings(name: string, lang: Lang): z.output<typeof TenantSettings> {
  return {
    name: { [lang]: name },
    welcome: {
      fr: 'Bienvenue ! Proposez vos idées, votez pour celles que vous aimez et discutez-en : nous vous dirons ce qu’elles deviennent.',
      en: 'Welcome! Share your ideas, vote for the ones you like and discuss them: we will tell you what becomes of them.',
    },
    defaultLang: lang,
    languages: [...LANGS],
    theme: { primary: '#1d4ed8', accent: '#0e7490', surface: '#ffffff', text: '#1f2937', font: 'system' },
    sections: [
      {
        id: 'product',
        archived: false,
        categories: [],
        name: { fr: 'Produits', en: 'Product' },
        description: { fr: 'Ce que nous faisons et vendons.', en: 'What we make and sell.' },
      },
      {
        id: 'experience',
        archived: false,
        categories: [],
        name: { fr: 'Expérience', en: 'Experience' },
        description: { fr: 'Comment vous achetez, utilisez, êtes aidés.', en: 'How you buy, use and get help.' },
      },
      {
        id: 'participation',
        archived: false,
        categories: [],
        name: { fr: 'Participation', en: 'Participation' },
        description: { fr: 'Engagement, communauté, planète.', en: 'Involvement, community, planet.' },
      },
    ],
    footerLinks: [],
    statusLabels: {},
    visibility: 'public',
    votingMode: 'up',
    moderation: 'after',
    requireVerifiedEmail: true,
    signupProof: SIGNUP_PROOF_DEFAULT,
    blockedWords: [],
    scoringCriteria: DEFAULT_CRITERIA,
    offerSectors: DEFAULT_OFFER_SECTORS,
  };
}
