import type { z } from 'zod';
import type { CreateTenant } from '../../core/tenant/index.js';

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
}
