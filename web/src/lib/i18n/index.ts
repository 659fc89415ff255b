import { adminEn } from './admin-en';
import { adminFr } from './admin-fr';
import { challengesEn } from './challenges-en';
import { challengesFr } from './challenges-fr';
import { en, type Message } from './en';
import { fr } from './fr';
import { insightsEn } from './insights-en';
import { insightsFr } from './insights-fr';
import { offersEn } from './offers-en';
import { offersFr } from './offers-fr';
import { teamEn } from './team-en';
import { teamFr } from './team-fr';

import { isLang, LOCALES, type Lang } from '$core/tenant/browser';

export type { Lang };
/** The interface texts, and those of the settings and team pages (kept apart: they are many and only the brand's staff sees them). */
type MessageKey =
  | keyof typeof en
  | keyof typeof adminEn
  | keyof typeof teamEn
  | keyof typeof insightsEn
  | keyof typeof offersEn
  | keyof typeof challengesEn;
/** A key defined twice would silently take the later text: this fails to compile instead. */
const distinctKeys: [keyof typeof en & (keyof typeof adminEn | keyof typeof teamEn | keyof typeof insightsEn)] extends [
  never,
]
  ? true
  : never = true;
void distinctKeys;
const distinctOfferKeys: [
  keyof typeof offersEn & (keyof typeof en | keyof typeof adminEn | keyof typeof teamEn | keyof typeof insightsEn),
] extends [never]
  ? true
  : never = true;
void distinctOfferKeys;
const distinctChallengeKeys: [
  keyof typeof challengesEn &
    (keyof typeof en | keyof typeof adminEn | keyof typeof teamEn | keyof typeof insightsEn | keyof typeof offersEn),
] extends [never]
  ? true
  : never = true;
void distinctChallengeKeys;
const dictionaries: Record<Lang, Record<MessageKey, Message>> = {
  en: { ...en, ...adminEn, ...teamEn, ...insightsEn, ...offersEn, ...challengesEn },
  fr: { ...fr, ...adminFr, ...teamFr, ...insightsFr, ...offersFr, ...challengesFr },
};

/** The visitor's explicit choice, then the one remembered, then the portal's default; only enabled languages. */
export function chooseLang(o: {
  asked: string | null;
  remembered: string | undefined;
  enabled: readonly Lang[];
  fallback: Lang;
}): Lang {
  for (const candidate of [o.asked, o.remembered]) {
    if (isLang(candidate) && o.enabled.includes(candidate)) return candidate;
  }
  return o.fallback;
}

/** A translator for one language: `t('idea.votes', { count: 3 })`. */
export function translator(lang: Lang) {
  const dictionary = dictionaries[lang];
  const plurals = new Intl.PluralRules(lang);
  return (key: MessageKey, params: Record<string, string | number> = {}) => {
    const message = dictionary[key];
    const text =
      typeof message === 'string' ? message : message[plurals.select(Number(params.count)) === 'one' ? 'one' : 'other'];
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
  };
}

/**
 * A text's plural forms as written, placeholders left in: for a page's script that changes a
 * count in place (it fills them as `translator` does, choosing the form with Intl.PluralRules).
 */
export function pluralForms(lang: Lang, key: MessageKey): { one: string; other: string } {
  const message = dictionaries[lang][key];
  return typeof message === 'string' ? { one: message, other: message } : message;
}

export function formatDate(iso: string, lang: Lang) {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long' }).format(new Date(iso));
}

export type { MessageKey };
