import { describe, expect, it } from 'vitest';
import { assertReadableTheme, contrastRatio, readableOn } from '../../functions/core/tenant/contrast.js';
import { themeCss } from '../../functions/core/tenant/fonts.js';

const theme = { primary: '#0b4f8a', accent: '#c2410c', surface: '#f5f7fa', text: '#111827', font: 'system' as const };

describe('WCAG contrast', () => {
  it('measures the known extremes', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('accepts a readable theme and names each failing colour with its ratio', () => {
    expect(() => assertReadableTheme(theme)).not.toThrow();
    try {
      assertReadableTheme({ ...theme, text: '#aaaaaa', accent: '#f5f5f5' });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'insufficient_contrast', status: 400 });
      const fields = (error as { fields: Record<string, string> }).fields;
      expect(Object.keys(fields).sort()).toEqual(['theme.accent', 'theme.text']);
      expect(fields['theme.text']).toMatch(/^Contrast 2\.\d\d:1 on the background; at least 4\.5:1/);
    }
  });

  it('writes a readable text colour for each brand colour (avatars, badges), whatever the brand picks', () => {
    const css = themeCss({ ...theme, accent: '#facc15' });
    const on = (name: string) => new RegExp(`--on-${name}:(#[0-9a-f]{6})`).exec(css)![1]!;
    expect(on('accent')).toBe('#111827'); // dark text on a yellow
    expect(on('primary')).toBe('#f5f7fa'); // light text on a dark blue
    for (let i = 0; i < 200; i++) {
      const colour = `#${((i * 2654435761) >>> 8).toString(16).padStart(6, '0').slice(-6)}`;
      const text = readableOn(colour, [theme.surface, theme.text, '#ffffff', '#000000']);
      expect(contrastRatio(text, colour), colour).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('writes a dark theme for readers whose system asks for one, and holds it to the same contrast', () => {
    const dark = { primary: '#8ab4f8', accent: '#f6ad55', surface: '#121417', text: '#e8eaed' };
    expect(themeCss(theme)).not.toContain('prefers-color-scheme');
    expect(themeCss(theme, dark)).toMatch(
      /@media \(prefers-color-scheme: dark\)\{:root\{--primary:#8ab4f8;--accent:#f6ad55;--surface:#121417;--text:#e8eaed;--on-primary:#121417;--on-accent:#121417;color-scheme:dark\}\}$/,
    );
    expect(() => assertReadableTheme(theme, dark)).not.toThrow();
    try {
      assertReadableTheme(theme, { ...dark, text: '#333333' });
      expect.unreachable();
    } catch (error) {
      expect(Object.keys((error as { fields: Record<string, string> }).fields)).toEqual(['darkTheme.text']);
    }
  });
});
