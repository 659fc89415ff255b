import { solveProof } from '$core/identity/browser';

/** Finds the sign-up proof for a challenge with the browser's own SHA-256. */
export async function solveInBrowser(challenge: { challenge: string; bits: number }): Promise<string> {
  const encoder = new TextEncoder();
  return solveProof(
    challenge.challenge,
    challenge.bits,
    async (text) => new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text))),
  );
}
