import { createHash } from 'node:crypto';
import { solveProof } from '../../functions/core/identity/browser.js';

/** Finds a sign-up proof for a challenge as the page does, with Node's SHA-256. */
export const solve = ({ challenge, bits }: { challenge: string; bits: number }) =>
  solveProof(challenge, bits, (text) => createHash('sha256').update(text).digest());
