import { z } from 'zod';
import { textOn } from './contrast.js';

/** The safe font list: system stacks only, so no page waits on, or leaks to, a font host. */
export const FONT_STACKS = {
  system: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  humanist: 'Seravek, "Gill Sans Nova", Ubuntu, Calibri, "DejaVu Sans", source-sans-pro, sans-serif',
  geometric: 'Avenir, Montserrat, Corbel, "URW Gothic", source-sans-pro, sans-serif',
  classical: 'Charter, "Bitstream Charter", "Sitka Text", Cambria, "DejaVu Serif", serif',
  rounded: 'ui-rounded, "Hiragino Maru Gothic ProN", Quicksand, Comfortaa, Manjari, "Arial Rounded MT", sans-serif',
  industrial:
    'Bahnschrift, "DIN Alternate", "Franklin Gothic Medium", "Nimbus Sans Narrow", sans-serif-condensed, sans-serif',
} as const;

export const FontId = z.enum(Object.keys(FONT_STACKS) as [keyof typeof FONT_STACKS, ...(keyof typeof FONT_STACKS)[]]);
export type FontId = z.infer<typeof FontId>;

/** A theme as CSS custom properties, written into the first HTML of every page (no unbranded flash). Values are validated hex colours and a font of the safe list. */
export function themeCss(
  theme: { primary: string; accent: string; surface: string; text: string; font: FontId },
  dark?: { primary: string; accent: string; surface: string; text: string },
): string {
  const light = `:root{${colourVariables(theme)};--font:${FONT_STACKS[theme.font]}}`;
  return dark
    ? `${light}@media (prefers-color-scheme: dark){:root{${colourVariables(dark)};color-scheme:dark}}`
    : light;
}

/** The brand colours and, derived from them, the text that reads on each (buttons, avatars). */
function colourVariables({
  primary,
  accent,
  surface,
  text,
}: {
  primary: string;
  accent: string;
  surface: string;
  text: string;
}) {
  const on = (colour: string) => textOn(colour, { surface, text });
  return `--primary:${primary};--accent:${accent};--surface:${surface};--text:${text};--on-primary:${on(primary)};--on-accent:${on(accent)}`;
}
