import { DomainError, say, type Text } from '../errors/index.js';
import type { Theme } from './schema.js';

function channel(hex: string, offset: number) {
  const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2.2 relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Text for a brand-coloured badge or avatar: the first candidate that reads at 4.5:1 on
 * `background` (the brand's own colours first), else the one that reads best.
 */
export function readableOn(background: string, candidates: readonly string[]): string {
  return (
    candidates.find((c) => contrastRatio(c, background) >= 4.5) ??
    candidates.reduce((best, c) => (contrastRatio(c, background) > contrastRatio(best, background) ? c : best))
  );
}

/** Text on one of the brand's own colours (badges, avatars, pressed buttons): its surface or text colour, white or black, whichever reads. */
export const textOn = (colour: string, theme: { surface: string; text: string }) =>
  readableOn(colour, [theme.surface, theme.text, '#ffffff', '#000000']);

const hex2 = (n: number) => Math.round(n).toString(16).padStart(2, '0');

/** `colour` mixed toward `target` by t (0..1), in sRGB. */
function mix(colour: string, target: string, t: number): string {
  const c = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  return `#${[0, 1, 2].map((i) => hex2(c(colour, i) + (c(target, i) - c(colour, i)) * t)).join('')}`;
}

/**
 * The nearest colour to `colour` that reaches `min` on `background`: the smallest step toward
 * black or toward white that passes (both directions tried, the smaller change wins).
 */
export function nearestReadable(colour: string, background: string, min: number): string {
  const candidates: { colour: string; t: number }[] = [];
  for (const target of ['#000000', '#ffffff']) {
    for (let step = 1; step <= 100; step++) {
      const t = step / 100;
      const tried = mix(colour, target, t);
      if (contrastRatio(tried, background) >= min) {
        candidates.push({ colour: tried, t });
        break;
      }
    }
  }
  candidates.sort((a, b) => a.t - b.t);
  return (candidates[0]?.colour ?? '#000000').toLowerCase();
}

/** The pairs the page draws: body text and links/buttons need 4.5:1, the accent (UI marks) 3:1. */
export const CONTRAST_PAIRS = [
  { field: 'text', on: 'surface', min: 4.5 },
  { field: 'primary', on: 'surface', min: 4.5 },
  { field: 'accent', on: 'surface', min: 3 },
] as const;

type Colours = Pick<Theme, 'primary' | 'accent' | 'surface' | 'text'>;

/**
 * Refuses a theme whose colours fail WCAG 2.2 AA, naming each failing colour and its measured
 * ratio; the dark theme a brand may offer is held to the same pairs.
 */
export function assertReadableTheme(theme: Colours, dark?: Colours): void {
  const fields: Record<string, Text> = {};
  for (const [prefix, colours] of [
    ['theme', theme],
    ['darkTheme', dark],
  ] as const) {
    if (!colours) continue;
    for (const { field, on, min } of CONTRAST_PAIRS) {
      const ratio = contrastRatio(colours[field], colours[on]);
      if (ratio < min) {
        const suggestion = nearestReadable(colours[field], colours[on], min);
        fields[`${prefix}.${field}`] = say('portal.contrast', { ratio: ratio.toFixed(2), min, suggestion });
      }
    }
  }
  if (Object.keys(fields).length) {
    throw new DomainError('insufficient_contrast', 400, say('portal.colours'), fields);
  }
}
