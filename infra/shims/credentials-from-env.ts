/**
 * Stands in for @aws-sdk/credential-provider-node inside the Lambda bundles. In Lambda the
 * execution role's credentials are always in the environment, so the SSO, profile, web-identity
 * and metadata providers of the default chain (about 80 KB) would never run; only this does.
 */
export const defaultProvider = () => async () => {
  const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN } = process.env;
  if (!AWS_ACCESS_KEY_ID || !AWS_SECRET_ACCESS_KEY) throw new Error('No AWS credentials in the environment');
  return { accessKeyId: AWS_ACCESS_KEY_ID, secretAccessKey: AWS_SECRET_ACCESS_KEY, sessionToken: AWS_SESSION_TOKEN };
};
export const credentialsWillNeedRefresh = () => false;
export const credentialsTreatedAsExpired = () => false;
