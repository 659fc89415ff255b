import type { z } from 'zod';
import type { CreateChallenge } from '../../core/challenge/index.js';
import type { CreateTenant } from '../../core/tenant/index.js';
import type { RequestInput, IpStatus, Maturity, Partnership, Visibility } from '../../core/offer/index.js';

export interface DemoPortal {
  slug: string;
  settings: Omit<z.input<typeof CreateTenant>, 'slug'>;
  logo: { initials: string; background: string; foreground: string; shape: 'circle' | 'square' };
  members: string[];
  /** [section, category, title, body] */
  ideas: [string, string, string, string][];
  comments: string[];
  /** What the innovation team answered: [index in ideas, status, official response]. */
  answers: [number, 'under_review' | 'in_progress' | 'launched' | 'declined', string][];
  offers: DemoOffers;
  /** Two challenges: the first runs (its public review is on), the second is decided. */
  challenges: DemoChallenge[];
}

/** A demo challenge: what the team wrote, and the entries members sent ([title, body]). */
export interface DemoChallenge {
  fields: Omit<z.input<typeof CreateChallenge>, 'timeline' | 'jurors'>;
  entries: [string, string][];
}

/** [partner index, title, summary, description, keywords, maturity, TRL, sectors, IP status, partnership types, visibility] */
export type DemoOffer = [
  number,
  string,
  string,
  string,
  string[],
  Maturity,
  number,
  string[],
  IpStatus,
  Partnership[],
  Visibility,
];

export interface DemoOffers {
  partners: { name: string; country: string; website: string; description: string }[];
  offers: DemoOffer[];
  requests: Omit<z.input<typeof RequestInput>, 'deadline'>[];
}
