import { z } from 'zod';
import { says } from '../errors/index.js';
import { DisplayName, Email, EmailPrefs } from '../member/index.js';
import { Lang } from '../tenant/index.js';
import { NewPassword } from './password.js';

export const Token = z.string().min(1, says('account.linkIncomplete')).max(100);

export const SignUp = z.object({
  email: Email,
  password: NewPassword,
  displayName: DisplayName,
  lang: Lang.optional(),
  /** `challenge.nonce`, asked past the portal's sign-up rate (signup-proof.ts). */
  proof: z.string().max(200).optional(),
});
export const SignIn = z.object({ email: Email, password: z.string().min(1, says('account.passwordMissing')).max(128) });
export const EmailOnly = z.object({ email: Email });
export const TokenOnly = z.object({ token: Token });
export const ResetPassword = z.object({ token: Token, password: NewPassword });
export const ChangePassword = z.object({ current: z.string().min(1).max(128), password: NewPassword });
export const UpdateProfile = z
  .object({ displayName: DisplayName, lang: Lang, emailPrefs: EmailPrefs })
  .partial()
  .refine((o) => Object.keys(o).length > 0, says('input.nothingToChange'));
