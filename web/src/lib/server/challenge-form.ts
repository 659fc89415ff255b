import type { Ctx } from '$core/context';
import type { z } from 'zod';
import type { Challenge, CreateChallenge } from '$core/challenge/index';
import { listMembers } from '$core/roles/index';
import type { Lang } from '$core/tenant/browser';

/*
 * The team's challenge form, read into what createChallenge and updateChallenge take. The form
 * is flat (one input per text, language and rank) and posts without JavaScript; the core parses
 * the result and names bad fields by its own paths, which `inputOf` turns back into input names.
 */

export const TEXTS = ['title', 'brief', 'rules', 'ipClause', 'prize'] as const;
export const RANKS = [1, 2, 3] as const;
export const TIMES = ['opensAt', 'submissionEndsAt', 'reviewEndsAt', 'juryEndsAt'] as const;
export const FLAGS = ['entriesPublic', 'privateSubmission', 'crowdRankingPublic', 'blindJudging'] as const;

/** The values the form shows: strings, as typed or as stored; jurors comma-separated, times as UTC `datetime-local`. */
export type FormValues = Record<string, string>;

const MINUTE = 60_000;

/** A `datetime-local` value typed `offset` minutes behind UTC (Date.getTimezoneOffset), as ISO UTC; unreadable input is left for the core to refuse. */
export function utcOf(local: string, offset: number): string {
  const at = new Date(`${local}Z`).getTime();
  return Number.isNaN(at) ? local : new Date(at + offset * MINUTE).toISOString();
}

/** An ISO moment as the `datetime-local` value of the same moment in UTC. */
export const utcLocal = (iso: string) => iso.slice(0, 16);

/** The portal's languages, its default first: the form asks the texts in that order, the first one required. */
export const formLanguages = (tenant: { languages: readonly Lang[]; defaultLang: Lang }): Lang[] => [
  tenant.defaultLang,
  ...tenant.languages.filter((l) => l !== tenant.defaultLang),
];

/** Reads the form: the core's input, and the values to show again (times turned to UTC, so they are shown once more as UTC). */
export function readChallengeForm(data: FormData, languages: readonly Lang[]) {
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const values: FormValues = {};
  for (const [name, value] of data) if (typeof value === 'string') values[name] = value;
  values.jurors = data.getAll('jurors').map(String).join(',');

  const localizedOf = (field: (typeof TEXTS)[number]) =>
    Object.fromEntries(languages.map((lang) => [lang, text(`${field}.${lang}`)]).filter(([, v]) => v));
  const [title, brief, rules, ipClause, prize] = TEXTS.map(localizedOf);

  const offset = Number(data.get('tzOffset')) || 0;
  const timeline: Record<string, string> = {};
  for (const time of TIMES) {
    const local = text(`timeline.${time}`);
    if (!local) continue;
    timeline[time] = utcOf(local, offset);
    values[`timeline.${time}`] = timeline[time].length >= 16 ? utcLocal(timeline[time]) : local;
  }
  values.tzOffset = '0';

  // Rewards for the ranks with an amount; `rankAt` remembers which rank each array index is.
  const rankAt: number[] = [];
  const rewards = RANKS.filter((rank) => text(`reward.${rank}.amount`)).map((rank) => {
    rankAt.push(rank);
    return {
      rank,
      amount: Number(text(`reward.${rank}.amount`).replace(',', '.')),
      currency: text(`reward.${rank}.currency`).toUpperCase(),
    };
  });

  // Typed as the core's input, which it parses: bad values come back as field errors.
  const input = {
    title,
    brief,
    ...(Object.keys(rules!).length ? { rules } : {}),
    ...(Object.keys(ipClause!).length ? { ipClause } : {}),
    ...(Object.keys(prize!).length ? { prize } : {}),
    rewards,
    entrants: text('entrants') || 'members',
    ...Object.fromEntries(FLAGS.map((flag) => [flag, data.get(flag) === 'on'])),
    favouritesPerMember: Number(text('favouritesPerMember') || 3),
    jurors: data.getAll('jurors').map(String),
    timeline,
  } as unknown as z.input<typeof CreateChallenge>;

  /** The input a core field path is shown at: `rewards.0.amount` is the amount of the first rank filled. */
  const inputOf = (field: string) => {
    const reward = /^rewards\.(\d+)\.(\w+)$/.exec(field);
    if (reward) return `reward.${rankAt[Number(reward[1])] ?? 1}.${reward[2]}`;
    // A text missing in every language is shown at the first language the form asks.
    if ((TEXTS as readonly string[]).includes(field)) return `${field}.${languages[0]}`;
    return field;
  };
  return { input, values, inputOf };
}

/** A stored challenge as the form's values, for its edit page. */
export function valuesOfChallenge(challenge: Challenge): FormValues {
  const values: FormValues = {
    entrants: challenge.entrants,
    favouritesPerMember: String(challenge.favouritesPerMember),
    jurors: challenge.jurors.join(','),
    tzOffset: '0',
  };
  for (const field of TEXTS)
    for (const [lang, value] of Object.entries(challenge[field] ?? {})) values[`${field}.${lang}`] = value;
  for (const reward of challenge.rewards) {
    values[`reward.${reward.rank}.amount`] = String(reward.amount);
    values[`reward.${reward.rank}.currency`] = reward.currency;
  }
  for (const flag of FLAGS) if (challenge[flag]) values[flag] = 'on';
  for (const time of TIMES) {
    const at = challenge.timeline[time];
    if (at) values[`timeline.${time}`] = utcLocal(at);
  }
  return values;
}

/** What a new challenge's form starts with: the core's defaults. */
export const DEFAULT_VALUES: FormValues = {
  entrants: 'members',
  favouritesPerMember: '3',
  entriesPublic: 'on',
  privateSubmission: 'on',
  crowdRankingPublic: 'on',
  'reward.1.currency': 'EUR',
  'reward.2.currency': 'EUR',
  'reward.3.currency': 'EUR',
  tzOffset: '0',
};

/** The portal's team (owners, admins, team), who may sit on a jury; every page of accounts is read. */
export async function teamMembers(ctx: Ctx) {
  const team: { id: string; name: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await listMembers(ctx, { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const m of page.items)
      if (m.role === 'owner' || m.role === 'admin' || m.role === 'team') team.push({ id: m.id, name: m.displayName });
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return team;
}
