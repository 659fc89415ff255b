import { CONTRAST_PAIRS, contrastRatio, nearestReadable } from '$core/tenant/browser';

const HEX = /^#[0-9a-f]{6}$/i;
export const isHex = (colour: string) => HEX.test(colour);

/** The pairs the core checks before it saves a theme, each colour with the ratio it needs on the background. */
export const COLOUR_NEEDS = Object.fromEntries(CONTRAST_PAIRS.map((pair) => [pair.field, pair.min])) as Record<
  (typeof CONTRAST_PAIRS)[number]['field'],
  number
>;
export { CONTRAST_PAIRS };

export type ContrastCheck = { ratio: number; min: number; passes: boolean; suggestion?: string };

/** The same measure as the core's, run in the browser as the colours are typed; null while a colour is incomplete. */
export function checkContrast(colour: string, surface: string, min: number): ContrastCheck | null {
  if (!isHex(colour) || !isHex(surface)) return null;
  const ratio = contrastRatio(colour, surface);
  const passes = ratio >= min;
  return { ratio, min, passes, ...(passes ? {} : { suggestion: nearestReadable(colour, surface, min) }) };
}

/** As the core writes it (two decimals), except that a failing pair never reads as the minimum it misses (4.496 is not 4.50). */
export function formatRatio({ ratio, min, passes }: ContrastCheck): string {
  const rounded = ratio.toFixed(2);
  return !passes && Number(rounded) >= min ? (Math.floor(ratio * 100) / 100).toFixed(2) : rounded;
}
