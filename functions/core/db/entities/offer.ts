import { defineEntity } from '../entity.js';
import { keys } from '../keys.js';

/**
 * The private thread of an expressed interest, between the brand's team and the offer's
 * organisation. Only read through this entity so far (offer/threads.ts still writes it).
 */
export const threads = defineEntity<
  { partnerId: string; teamPeople?: Set<string>; [attribute: string]: unknown },
  [tenantId: string, threadId: string]
>({ type: 'thread', key: keys.thread });
