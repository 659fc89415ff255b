import type { Lang } from '../tenant/index.js';
import type { TemplateName } from './templates.js';

export interface Message {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  /** The link the message is about, so local tools and tests can follow it. */
  link: string;
  template: TemplateName;
  tenant: string;
  lang: Lang;
  sentAt: string;
}

/** An e-mail to write: which template, for whom, in which language, with its values (queued; composed by the stream). */
export interface Draft {
  to: string;
  lang: Lang;
  template: TemplateName;
  link: string;
  params: Record<string, string>;
  items?: string[];
  /** The portal's address the request came from (for the logo's link). */
  origin?: string;
  /** When it was queued: the message's date. */
  at: string;
}
