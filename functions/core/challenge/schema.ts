import { z } from 'zod';
import { says } from '../errors/index.js';
import { IdPattern } from '../ids.js';
import { LocalizedLongText, LocalizedText, ScoringCriterion } from '../tenant/index.js';
import type { UploadInfo } from '../upload/index.js';

/** The phases a challenge goes through, as the API names them (phase.ts says when each holds). */
export const PHASES = ['draft', 'scheduled', 'submission', 'review', 'jury', 'shortlist', 'decided', 'closed'] as const;
export type Phase = (typeof PHASES)[number];

export const ChallengeId = z.string().regex(IdPattern, says('challenge.id'));
export const EntryId = z.string().regex(IdPattern, says('challenge.entryId'));
const MemberId = z.string().regex(IdPattern);
const At = z.iso
  .datetime({ offset: true, error: says('challenge.date') })
  .transform((at) => new Date(at).toISOString());
const Titled = LocalizedText.refine((text) => Object.keys(text).length > 0, says('challenge.titleRequired'));

/**
 * When each phase ends: submission from `opensAt` to `submissionEndsAt`, then the public review
 * (comments and favourites) and the jury's scoring when the brand wants them, then the shortlist
 * until the team decides. Each end comes after the one before.
 */
export const Timeline = z
  .object({
    opensAt: At,
    submissionEndsAt: At,
    reviewEndsAt: At.optional(),
    juryEndsAt: At.optional(),
  })
  .superRefine((timeline, issues) => {
    const order = ['opensAt', 'submissionEndsAt', 'reviewEndsAt', 'juryEndsAt'] as const;
    let previous: string | undefined;
    for (const field of order) {
      const at = timeline[field];
      if (!at) continue;
      if (previous && at <= previous)
        issues.addIssue({ code: 'custom', path: [field], message: says('challenge.timelineOrder') });
      previous = at;
    }
  });
export type Timeline = z.output<typeof Timeline>;

export const Reward = z.object({
  rank: z.number().int().min(1).max(10),
  amount: z.number().min(0).max(10_000_000),
  currency: z.string().regex(/^[A-Z]{3}$/, says('challenge.currency')),
});
export type Reward = z.output<typeof Reward>;

/** What the team writes about a challenge; the timeline is set apart (scheduling, extending). */
export const ChallengeFields = z.object({
  title: Titled,
  brief: LocalizedLongText,
  rules: LocalizedLongText.optional(),
  /** The intellectual property clause entrants accept; the winner's acceptance is kept with its text. */
  ipClause: LocalizedLongText.optional(),
  /** A part of the brief shown only to those who accepted the NDA (Innocentive's confidential details). */
  confidentialBrief: LocalizedLongText.optional(),
  nda: LocalizedLongText.optional(),
  prize: LocalizedText.optional(),
  rewards: z.array(Reward).max(10).default([]),
  /** Who may enter: the portal's members, partner organisations' people, or only those the team names. */
  entrants: z.enum(['members', 'partners', 'invited']).default('members'),
  invited: z.array(MemberId).max(500).default([]),
  /** Others see the entries from the public review on; false keeps them between entrant and jury (Innocentive). */
  entriesPublic: z.boolean().default(true),
  /** Entries stay hidden from other entrants while submission is open (Wilogo's private creative phase). */
  privateSubmission: z.boolean().default(true),
  /** Readers see the crowd's ranking (favourite counts). */
  crowdRankingPublic: z.boolean().default(true),
  /** Jurors score without the entrants' names. */
  blindJudging: z.boolean().default(false),
  /** How many favourites one member may give in this challenge. */
  favouritesPerMember: z.number().int().min(1).max(100).default(3),
  jurors: z.array(MemberId).max(30).default([]),
  /** What the jury scores each entry on: the challenge's own criteria, else the portal's. */
  criteria: z.array(ScoringCriterion).min(1).max(8).optional(),
  sectionId: z.string().max(40).optional(),
});
export type ChallengeFields = z.output<typeof ChallengeFields>;

/** Files that go with the brief (images, a PDF), each a finished upload of the team member writing it. */
const AttachmentIds = z.array(z.string()).max(10);
export const CreateChallenge = ChallengeFields.extend({ timeline: Timeline, attachmentIds: AttachmentIds.default([]) });
export const UpdateChallenge = ChallengeFields.partial().extend({
  timeline: Timeline.optional(),
  attachmentIds: AttachmentIds.optional(),
});

/** A challenge as stored. `state` is what the team did; the phase follows from it and the clock. */
export interface Challenge extends ChallengeFields {
  id: string;
  timeline: Timeline;
  /** The brief's files. */
  attachments: Attachment[];
  state: 'draft' | 'scheduled' | 'decided' | 'closed';
  /** The last phase the clock announced (phase.ts advancePhase): notices go out once per change. */
  announcedPhase?: Phase;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  decidedAt?: string;
  closedAt?: string;
}

export const EntryText = z.object({
  title: z.string().trim().min(3, says('challenge.entryTitle')).max(140),
  body: z.string().trim().min(20, says('challenge.entryBody')).max(20_000),
  attachmentIds: z.array(z.string()).max(10).default([]),
});

export const SubmitEntry = EntryText.extend({
  /** The entrant accepts the rules and the IP clause as written now. */
  accept: z.literal(true, says('challenge.acceptTerms')),
});

/** A file of a brief or an entry: a checked upload (core/upload). */
export type Attachment = UploadInfo;

/** An entry as stored: its latest version's text, with the counts lists sort on. */
export interface Entry {
  id: string;
  challengeId: string;
  authorId: string;
  authorName: string;
  authorPhoto?: string;
  title: string;
  body: string;
  attachments: Attachment[];
  version: number;
  status: 'active' | 'withdrawn';
  favourites: number;
  scoreCount: number;
  scoreSum: number;
  scoreSquares: number;
  shortlisted?: boolean;
  /** The team's request to a finalist, until a new version answers it. */
  adjustment?: { text: string; at: string; answered: boolean };
  rank?: number;
  /** What the entrant accepted, and when: kept for the winner's IP assignment. */
  accepted: { at: string; rules: string; ipClause: string };
  createdAt: string;
  updatedAt: string;
}

export interface EntryVersion {
  entryId: string;
  n: number;
  title: string;
  body: string;
  attachments: Attachment[];
  at: string;
  /** The adjustment it answered, if any. */
  answers?: string;
}

export const Favour = z.object({ on: z.boolean() });
const Score = z.number().int().min(1, says('challenge.score')).max(10, says('challenge.score'));
/** An overall score, or one per criterion (the overall is then their mean). */
export const JuryScore = z
  .object({
    score: Score.optional(),
    scores: z.record(z.string().max(40), Score).optional(),
    comment: z.string().trim().max(2000).optional(),
  })
  .refine((s) => s.score !== undefined || (s.scores && Object.keys(s.scores).length > 0), {
    path: ['score'],
    message: says('challenge.score'),
  });
export const Shortlist = z.object({ shortlisted: z.boolean() });
export const AskAdjustment = z.object({ text: z.string().trim().min(3).max(4000) });
export const Decide = z.object({ ranking: z.array(EntryId).min(1).max(10) });
export const ListEntries = z.object({
  sort: z.enum(['new', 'favourites', 'score']).default('new'),
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export const ListChallenges = z.object({
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export interface RewardRecord extends Reward {
  entryId: string;
  memberId: string;
  memberName: string;
  status: 'due' | 'paid';
  ipAccepted: { at: string; text: string };
  paidAt?: string;
}
