import { App } from 'aws-cdk-lib';
import { join } from 'node:path';
import { bundleAll, root } from './bundle.js';
import { PortalStack } from './stack.js';
import { EdgeProtectionStack } from './waf.js';

/** `npm run synth` / `npm run deploy`: bundles the handlers, then builds the stack (offline, no credentials for synth). */
await bundleAll();
const app = new App();
// `-c region=` first, then the AWS CLI profile's region (CDK_DEFAULT_REGION), then Paris.
const env = {
  account: process.env.CDK_DEFAULT_ACCOUNT,
  region: app.node.tryGetContext('region') ?? process.env.CDK_DEFAULT_REGION ?? 'eu-west-3',
};
// CloudFront's WAF web ACL lives in us-east-1, whatever the portal's region.
const edge = new EdgeProtectionStack(app, 'IdeaPortalEdge', { env });
new PortalStack(app, 'IdeaPortal', {
  platformDomain: app.node.tryGetContext('platformDomain') ?? process.env.PLATFORM_DOMAIN ?? 'ideas.example.com',
  clientAssets: join(root, 'web/build/client'),
  originSecretGeneration: Number(app.node.tryGetContext('originSecretGeneration') ?? 1),
  alarmEmail: app.node.tryGetContext('alarmEmail') ?? process.env.ALARM_EMAIL,
  webAclArn: edge.webAclArn,
  crossRegionReferences: true,
  env,
});
app.synth();
