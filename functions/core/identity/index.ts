/** The identity folder's public surface: what other folders, the API and the web may use. */

export {
  changePassword,
  confirmSignUp,
  requestPasswordReset,
  requestSignInLink,
  resendVerification,
  resetPassword,
  signIn,
  signInWithHandoff,
  signInWithLink,
  signOut,
  signOutEverywhere,
  signUp,
  verifyEmail,
  type SignInAnswer,
  type SignedIn,
} from './accounts.js';
export { disableTwoStep, enableTwoStep, signInSecondStep, startTwoStep, type SecondStepAsked } from './two-step.js';
export { NewPassword, hashPassword } from './password.js';
export { newChallenge, PROOF_BITS, signUpNeedsProof, signUpsThisHour, type Challenge } from './signup-proof.js';
export { deleteMe, exportMe, exportMeLink, getMe, myActivity, updateMe } from './profile.js';
export { removeMyPhoto, setMyPhoto, SetPhoto } from './photo.js';
export {
  SESSION_IDLE_SECONDS,
  SESSION_SECONDS,
  actorFromSession,
  createSession,
  endAllSessions,
  sessionCookie,
} from './sessions.js';
export { createMember } from './system-accounts.js';
export { checkToken, consumeToken, issueToken, peekToken, tokenIdOf } from './tokens.js';
export type { TokenData, TokenKind } from './tokens.js';
