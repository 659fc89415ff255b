/**
 * The identity folder's browser-safe part: the proof of work's arithmetic, without Node: the core checks proofs with it, the sign-up page
 * (and the tests) find them with it, each with its own SHA-256.
 */

/** Whether a hash starts with `bits` zero bits. */
export function leadingZeroBits(digest: Uint8Array, bits: number): boolean {
  const whole = Math.floor(bits / 8);
  for (let i = 0; i < whole; i++) if (digest[i] !== 0) return false;
  const rest = bits % 8;
  return rest === 0 || digest[whole]! >> (8 - rest) === 0;
}

/** The text hashed for a nonce: `challenge.nonce`, which is also the proof sent. */
export const proofText = (challenge: string, nonce: number) => `${challenge}.${nonce.toString(36)}`;

/** Tries nonces in order until one's hash starts with `bits` zero bits; answers the proof. */
export async function solveProof(
  challenge: string,
  bits: number,
  sha256: (text: string) => Promise<Uint8Array> | Uint8Array,
): Promise<string> {
  for (let nonce = 0; ; nonce++) {
    const text = proofText(challenge, nonce);
    if (leadingZeroBits(await sha256(text), bits)) return text;
  }
}
