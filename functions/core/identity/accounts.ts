import { nowIso, requireMember, type Ctx } from '../context.js';
import { members, writeAllOrNothing } from '../db/index.js';
import { DomainError, invalidFields, notFound, say } from '../errors/index.js';
import { newId } from '../ids.js';
import { sendTemplate } from '../mail/index.js';
import { getMember, getMemberByEmail, insertMember, profileOf, type Member, type Profile } from '../member/index.js';
import { count, hit, LIMITS, pairOf, addressOf } from '../ratelimit.js';
import { decoyHash, hashPassword, newPasswordWrite, verifyPassword } from './password.js';
import { ChangePassword, EmailOnly, ResetPassword, SignIn, SignUp, TokenOnly } from './schema.js';
import { clearEndedSessions, createSession, endAllSessions, endSession, forgetMemberSessions } from './sessions.js';
import { checkToken, consumeToken, invalidToken, issuedAtOf, issueToken, outlivedBy, tokenUse } from './tokens.js';
import { fn } from '../fn.js';
import { countSignUp, spendProof } from './signup-proof.js';
import { secondStepFor, type SecondStepAsked } from './two-step.js';

const link = (ctx: Ctx, path: string, token: string) =>
  `${ctx.request?.origin ?? ''}${path}?token=${encodeURIComponent(token)}`;

export interface SignedIn {
  token: string;
  profile: Profile;
}

/** A first step passed: signed in, or (two-step sign-in on) a ticket for the code. */
export type SignInAnswer = SignedIn | SecondStepAsked;

const signedIn = async (ctx: Ctx, member: Member): Promise<SignedIn> => ({
  token: await createSession(ctx.tenant.id, member.id, ctx.now),
  profile: profileOf(member),
});

async function mailToken(ctx: Ctx, member: Member, kind: 'verify' | 'signin' | 'reset', path: string) {
  const token = await issueToken(ctx, kind, { memberId: member.id });
  await sendTemplate(ctx, {
    to: member.email,
    lang: member.lang,
    template: kind,
    link: link(ctx, path, token),
    params: { name: member.displayName },
  });
}

/**
 * A sign-up asks first for proof of the mailbox: the account is made only from the e-mailed link
 * (`confirmSignUp`). An address that already has an account answers the same, and its owner is
 * told instead, so the form never reveals who has an account (the password is hashed either way).
 */
export const signUp = /* @__PURE__ */ fn(SignUp, async (ctx, data): Promise<void> => {
  refuseUninvited(ctx);
  if (await countSignUp(ctx)) await spendProof(ctx, data.proof);
  await hitMailLimits(ctx, data.email);
  const passwordHash = await hashPassword(data.password);
  const existing = await getMemberByEmail(ctx, data.email);
  if (existing) {
    await sendTemplate(ctx, {
      to: existing.email,
      lang: existing.lang,
      template: 'signupTaken',
      link: `${ctx.request?.origin ?? ''}/signin`,
      params: { name: existing.displayName },
    });
    return;
  }
  const lang = data.lang && ctx.tenant.languages.includes(data.lang) ? data.lang : ctx.tenant.defaultLang;
  const token = await issueToken(ctx, 'signup', {
    email: data.email,
    displayName: data.displayName,
    lang,
    passwordHash,
  });
  await sendTemplate(ctx, {
    to: data.email,
    lang,
    template: 'signup',
    link: link(ctx, '/signup/confirm', token),
    params: { name: data.displayName },
  });
});

function refuseUninvited(ctx: Ctx) {
  if (ctx.tenant.visibility === 'invitation') {
    throw new DomainError('invitation_required', 403, say('account.invitationOnly'));
  }
}

/** The sign-up link: the account is made, its e-mail proven, and its owner signed in. */
export const confirmSignUp = /* @__PURE__ */ fn(TokenOnly, async (ctx, { token }): Promise<SignedIn> => {
  refuseUninvited(ctx);
  const pending = await consumeToken(ctx, 'signup', token);
  const at = nowIso(ctx);
  const member = await insertMember(ctx, {
    id: newId(),
    email: pending.email!,
    displayName: pending.displayName!,
    lang: pending.lang && ctx.tenant.languages.includes(pending.lang) ? pending.lang : ctx.tenant.defaultLang,
    role: 'member',
    status: 'active',
    emailPrefs: 'instant',
    passwordHash: pending.passwordHash!,
    createdAt: at,
    verifiedAt: at,
  });
  return signedIn(ctx, member);
});

async function markVerified(ctx: Ctx, memberId: string) {
  const marked = await members.change([ctx.tenant.id, memberId], {
    UpdateExpression: 'SET verifiedAt = if_not_exists(verifiedAt, :at)',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeValues: { ':at': nowIso(ctx) },
  });
  if (!marked) throw notFound('member');
  forgetMemberSessions(ctx.tenant.id, memberId);
}

/** The link from the verification e-mail: the account's e-mail is now proven. */
export const verifyEmail = /* @__PURE__ */ fn(TokenOnly, async (ctx, { token }): Promise<void> => {
  const { memberId } = await consumeToken(ctx, 'verify', token);
  await markVerified(ctx, memberId!);
});

/** Sends a new verification link to the signed-in member. */
export async function resendVerification(ctx: Ctx): Promise<void> {
  const actor = requireMember(ctx);
  await hit(ctx, 'mail:account', actor.memberId);
  const member = await getMember(ctx, actor.memberId);
  if (member && !member.verifiedAt) await mailToken(ctx, member, 'verify', '/verify');
}

const wrongCredentials = () => new DomainError('invalid_credentials', 401, say('account.badCredentials'));

/** Password sign-in; an unknown e-mail costs the same hash as a wrong password and gets the same answer. */
export const signIn = /* @__PURE__ */ fn(SignIn, async (ctx, { email, password }): Promise<SignInAnswer> => {
  await hit(ctx, 'signin:address', addressOf(ctx));
  // Held back per account *and* network: wrong passwords from elsewhere never lock the owner out.
  await hit(ctx, 'signin:pair', pairOf(email, addressOf(ctx)));
  await hit(ctx, 'signin:account', email);
  const member = await getMemberByEmail(ctx, email);
  const matches = await verifyPassword(password, member?.passwordHash ?? (await decoyHash()));
  if (!member || !member.passwordHash || !matches) {
    if (member) await warnOfFailures(ctx, member);
    throw wrongCredentials();
  }
  return (await secondStepFor(ctx, member)) ?? signedIn(ctx, member);
});

/**
 * The owner of an account hears of repeated wrong passwords, once per window (when the count
 * reaches the limit), with a way to choose a new password.
 */
async function warnOfFailures(ctx: Ctx, member: Member) {
  if ((await count(ctx, 'signin:failures', member.id)) !== LIMITS['signin:failures'].max) return;
  await sendTemplate(ctx, {
    to: member.email,
    lang: member.lang,
    template: 'signinFailures',
    link: `${ctx.request?.origin ?? ''}/reset-request`,
    params: { name: member.displayName, count: String(LIMITS['signin:failures'].max) },
  });
}

/** Links and resets: per account and network first (nobody elsewhere can use up the owner's), then per account. */
async function hitMailLimits(ctx: Ctx, email: string) {
  await hit(ctx, 'mail:address', addressOf(ctx));
  await hit(ctx, 'mail:pair', pairOf(email, addressOf(ctx)));
  await hit(ctx, 'mail:account', email);
}

/** Sends a one-time sign-in link when the e-mail has an account; answers the same either way. */
export const requestSignInLink = /* @__PURE__ */ fn(EmailOnly, async (ctx, { email }): Promise<void> => {
  await hitMailLimits(ctx, email);
  const member = await getMemberByEmail(ctx, email);
  if (member) await mailToken(ctx, member, 'signin', '/link');
});

/** The sign-in link: one use, and it proves the e-mail too; a password change or reset since it was sent ended it. */
export const signInWithLink = /* @__PURE__ */ fn(TokenOnly, async (ctx, { token }): Promise<SignInAnswer> => {
  const link = await consumeToken(ctx, 'signin', token);
  const member = await members.get([ctx.tenant.id, link.memberId!], { consistent: true });
  if (!member || member.status !== 'active' || outlivedBy(link, member)) throw invalidToken();
  await markVerified(ctx, member.id);
  const verified = { ...member, verifiedAt: member.verifiedAt ?? nowIso(ctx) };
  return (await secondStepFor(ctx, verified)) ?? signedIn(ctx, verified);
});

/** The owner who just opened the portal arrives signed in (the handoff token is single-use and lives two minutes). */
export const signInWithHandoff = /* @__PURE__ */ fn(TokenOnly, async (ctx, { token }): Promise<SignedIn> => {
  const { memberId } = await consumeToken(ctx, 'handoff', token);
  const member = await getMember(ctx, memberId!);
  if (!member) throw new DomainError('invalid_token', 400, say('account.badLink'));
  return signedIn(ctx, member);
});

export async function signOut(ctx: Ctx, sessionToken: string | undefined): Promise<void> {
  if (sessionToken) await endSession(ctx.tenant.id, sessionToken);
}

/** Ends every session of the signed-in member, on every device. */
export async function signOutEverywhere(ctx: Ctx): Promise<number> {
  const actor = requireMember(ctx);
  return endAllSessions(ctx.tenant.id, actor.memberId);
}

/** Sends a reset link when the e-mail has an account; answers the same either way. */
export const requestPasswordReset = /* @__PURE__ */ fn(EmailOnly, async (ctx, { email }): Promise<void> => {
  await hitMailLimits(ctx, email);
  const member = await getMemberByEmail(ctx, email);
  if (member) await mailToken(ctx, member, 'reset', '/reset');
});

/**
 * A new password from the reset link: the link is used up, and every session and every older
 * reset or sign-in link of the account ends, in one transaction.
 */
export const resetPassword = /* @__PURE__ */ fn(ResetPassword, async (ctx, { token, password }): Promise<void> => {
  const reset = await checkToken(ctx, 'reset', token);
  const written = await writeAllOrNothing([
    tokenUse(ctx, 'reset', token),
    newPasswordWrite(ctx, reset.memberId!, await hashPassword(password), { tokenIssuedAt: issuedAtOf(reset) }),
  ]);
  if (!written.ok) throw invalidToken();
  await clearEndedSessions(ctx.tenant.id, reset.memberId!);
});

/**
 * A signed-in member changes their password: every session and every reset or sign-in link of
 * the account ends with it, in one write; this device gets a new session.
 */
export const changePassword = /* @__PURE__ */ fn(
  requireMember,
  ChangePassword,
  async (ctx, { current, password }, actor): Promise<string> => {
    await hit(ctx, 'signin:account', actor.memberId);
    const member = await getMember(ctx, actor.memberId);
    if (!member?.passwordHash || !(await verifyPassword(current, member.passwordHash))) {
      throw invalidFields({
        current: say('account.wrongPassword'),
      });
    }
    const written = await writeAllOrNothing([
      newPasswordWrite(ctx, member.id, await hashPassword(password), { replacing: member.passwordHash }),
    ]);
    // Changed meanwhile elsewhere: the current password given is no longer the account's.
    if (!written.ok) throw invalidFields({ current: say('account.wrongPassword') });
    await clearEndedSessions(ctx.tenant.id, member.id);
    return createSession(ctx.tenant.id, member.id, ctx.now);
  },
);
