import { App } from 'aws-cdk-lib';
import { join } from 'node:path';
import { bundleAll, root } from './bundle.js';
import { PortalStack } from './stack.js';

/** `npm run synth` / `npm run deploy`: bundles the handlers, then builds the stack (offline, no credentials for synth). */
await bundleAll();
const app = new App();
new PortalStack(app, 'IdeaPortal', {
  platformDomain: app.node.tryGetContext('platformDomain') ?? process.env.PLATFORM_DOMAIN ?? 'ideas.example.com',
  clientAssets: join(root, 'web/build/client'),
  originSecretGeneration: Number(app.node.tryGetContext('originSecretGeneration') ?? 1),
  alarmEmail: app.node.tryGetContext('alarmEmail') ?? process.env.ALARM_EMAIL,
  // `-c region=` first, then the AWS CLI profile's region (CDK_DEFAULT_REGION), then Paris.
  env: {
    account: process.env.CDK_DEFAULT_ACCOUNT,
    region: app.node.tryGetContext('region') ?? process.env.CDK_DEFAULT_REGION ?? 'eu-west-3',
  },
});
app.synth();
