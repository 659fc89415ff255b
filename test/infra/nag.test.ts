import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleAll, root } from '../../infra/bundle.js';
import { PortalStack } from '../../infra/stack.js';
import { EdgeProtectionStack } from '../../infra/waf.js';

interface Report {
  pluginReports: {
    pluginName: string;
    violations: { ruleName: string; severity: string; violatingConstructs: { constructPath: string }[] }[];
  }[];
}

let report: Report;

beforeAll(async () => {
  await bundleAll();
  const outdir = mkdtempSync(join(tmpdir(), 'portal-nag-'));
  const app = new App({ outdir });
  // As infra/app.ts builds them: the edge's web ACL in us-east-1, the portal in its region.
  const env = { account: '123456789012', region: 'eu-west-3' };
  const edge = new EdgeProtectionStack(app, 'NagEdge', { env });
  new PortalStack(app, 'Nag', {
    env,
    crossRegionReferences: true,
    webAclArn: edge.webAclArn,
    platformDomain: 'ideas.example.com',
    clientAssets: join(root, 'web/build/client'),
    platformCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0',
    originSecretGeneration: 2,
    alarmEmail: 'ops@brand.test',
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  app.synth();
  report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as Report;
}, 180_000);

describe('the synthesized stack against cdk-nag’s AwsSolutions pack', () => {
  it('has no finding left that infra/acknowledged.ts does not accept with its reason', () => {
    const findings = report.pluginReports
      .filter((plugin) => plugin.pluginName === 'AwsSolutions')
      .flatMap((plugin) =>
        plugin.violations.flatMap((v) =>
          v.violatingConstructs.map((c) => `${v.severity} ${v.ruleName} ${c.constructPath}`),
        ),
      );
    expect(findings).toEqual([]);
  });
});
