import { App } from 'aws-cdk-lib';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleAll, root } from '../../infra/bundle.js';
import { PortalStack } from '../../infra/stack.js';

/** A CloudFormation resource as the synthesized template writes it. */
export interface Resource {
  Type: string;
  Properties?: Record<string, unknown>;
}

/** One AWS::Lambda::Function of the template, with the folder `cdk deploy` would zip and upload for it. */
export interface FunctionSpec {
  logicalId: string;
  /** cdk.out/asset.<hash>: the staged copy of the bundle, found through the asset manifest by the template's S3Key. */
  codeDir: string;
  /** `index.handler`: the module and the export the Node.js runtime loads. */
  handler: string;
  runtime: string;
  memorySize: number;
  timeoutSeconds: number;
  /** Environment.Variables as written in the template, CloudFormation tokens included. */
  environment: Record<string, unknown>;
}

export interface Synthesized {
  stackName: string;
  resources: Record<string, Resource>;
  functions: Map<string, FunctionSpec>;
  outdir: string;
}

interface AssetManifest {
  files: Record<string, { source: { path: string }; destinations: Record<string, { objectKey: string }> }>;
}

/**
 * What `npm run synth` produces, into a folder of this run: the handlers bundled by infra/bundle.ts
 * (BUNDLE_DIR keeps them apart from `.build/`, which the infra tests rewrite at the same time), then
 * the real PortalStack synthesized with an outdir, so each function's code is the staged asset.
 */
export async function synthesize(props: { platformDomain: string; stackName?: string }): Promise<Synthesized> {
  const dir = mkdtempSync(join(tmpdir(), 'portal-cloud-'));
  const stackName = props.stackName ?? 'CloudTier';
  const previous = process.env.BUNDLE_DIR;
  process.env.BUNDLE_DIR = join(dir, 'build');
  try {
    await bundleAll();
    const outdir = join(dir, 'cdk.out');
    const app = new App({ outdir });
    new PortalStack(app, stackName, {
      platformDomain: props.platformDomain,
      clientAssets: join(root, 'web/build/client'),
      platformCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0',
    });
    const assembly = app.synth();
    const artifact = assembly.getStackByName(stackName);
    const resources = (artifact.template as { Resources: Record<string, Resource> }).Resources;
    const manifest = JSON.parse(readFileSync(join(outdir, `${stackName}.assets.json`), 'utf8')) as AssetManifest;
    const assetByKey = new Map<string, string>();
    for (const file of Object.values(manifest.files))
      for (const destination of Object.values(file.destinations))
        assetByKey.set(destination.objectKey, join(outdir, file.source.path));

    const functions = new Map<string, FunctionSpec>();
    for (const [logicalId, resource] of Object.entries(resources)) {
      if (resource.Type !== 'AWS::Lambda::Function') continue;
      const p = resource.Properties as {
        Code: { S3Key?: string };
        Handler: string;
        Runtime: string;
        MemorySize?: number;
        Timeout?: number;
        Environment?: { Variables?: Record<string, unknown> };
      };
      const codeDir = p.Code.S3Key && assetByKey.get(p.Code.S3Key);
      if (!codeDir) throw new Error(`${logicalId}: no staged asset for its code`);
      functions.set(logicalId, {
        logicalId,
        codeDir,
        handler: p.Handler,
        runtime: p.Runtime,
        // CloudFormation's defaults when the template leaves them out.
        memorySize: p.MemorySize ?? 128,
        timeoutSeconds: p.Timeout ?? 3,
        environment: p.Environment?.Variables ?? {},
      });
    }
    return { stackName, resources, functions, outdir };
  } finally {
    if (previous === undefined) delete process.env.BUNDLE_DIR;
    else process.env.BUNDLE_DIR = previous;
  }
}

/** The logical ids of the resources of one type. */
export function ofType(synth: Synthesized, type: string): [string, Resource][] {
  return Object.entries(synth.resources).filter(([, r]) => r.Type === type);
}
