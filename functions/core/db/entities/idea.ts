import { defineEntity } from '../entity.js';
import { keys } from '../keys.js';

/**
 * An idea as stored (the member-facing shape is idea/schema.ts's `Idea`, which drops the team's
 * fields). Only read through this entity so far: its writes, with their index attributes, still
 * live in idea/index.ts and team/revise.ts.
 */
export interface StoredIdea {
  id: string;
  title: string;
  authorId: string;
  status: string;
  [attribute: string]: unknown;
}

export const ideas = defineEntity<StoredIdea, [tenantId: string, ideaId: string]>({ type: 'idea', key: keys.idea });
