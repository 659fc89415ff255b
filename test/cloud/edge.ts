import { randomBytes, randomUUID } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { s3 } from '../../functions/core/db/client.js';
import { PAYLOAD_LIMIT_BYTES, type LambdaError, type LambdaService } from './lambda.js';
import type { LocalResources } from './resources.js';
import type { Synthesized } from './synth.js';

/** Who is on the other end of a viewer connection: the address CloudFront sees. */
export interface Viewer {
  ip: string;
  port?: number;
}

export interface EdgeRequest {
  method?: string;
  /** What the viewer asked for, e.g. `https://cafe.ideas.example/api/portal`. */
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  viewer?: Viewer;
}

/**
 * The managed origin request policies the stack uses, as AWS documents them. An id not listed here
 * stops the tier rather than guess what CloudFront would forward.
 */
const ORIGIN_REQUEST_POLICIES: Record<string, { viewerHeadersExcept: string[]; cloudFrontHeaders: boolean }> = {
  // Managed-AllViewerExceptHostHeader: every viewer header but Host, every cookie and query string,
  // and CloudFront's own headers (protocol, viewer address, device type, location).
  'b689b0a8-53d0-40ab-baf2-68738e2966ac': { viewerHeadersExcept: ['host'], cloudFrontHeaders: true },
};

/** Hop-by-hop headers, which no proxy forwards. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade'];

/** A CloudFront edge address: what a function URL sees as the caller of a request that came through CloudFront. */
const EDGE_SOURCE_IP = '130.176.212.77';

/** Content types a function URL passes as text; every other body arrives base64-encoded. */
const isTextual = (contentType: string) =>
  /^(text\/|application\/(json|xml|javascript)|[^;]*\+(json|xml))/i.test(contentType.trim());

/**
 * An S3 origin behind origin access control: the object at the path, with the type and cache
 * lifetime S3 stored; 403 for anything missing, as S3 answers a reader without ListBucket.
 * (The behaviour's response headers policy is not modelled.)
 */
async function fromBucket(bucket: string, key: string): Promise<Response> {
  try {
    const object = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: decodeURIComponent(key) }));
    const headers: Record<string, string> = { 'content-type': object.ContentType ?? 'application/octet-stream' };
    if (object.CacheControl) headers['cache-control'] = object.CacheControl;
    return new Response(new Uint8Array(await object.Body!.transformToByteArray()), { status: 200, headers });
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return new Response('Access Denied', { status: 403 });
    throw error;
  }
}

interface Behavior {
  pattern?: RegExp;
  originId: string;
  allowedMethods: string[];
  originRequestPolicy?: string;
  viewerRequest?: string;
}

interface Origin {
  /** The function behind a function URL origin. */
  functionId?: string;
  /** The bucket of an S3 origin (read with origin access control: the object at the path, or 403). */
  bucket?: string;
  domain: string;
  customHeaders: [string, string][];
}

/** CloudFront path patterns: `*` any run of characters, `?` one; case-sensitive. */
const patternToRegExp = (pattern: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );

/**
 * The template's CloudFront distribution and the function URLs behind it: a viewer's request is
 * matched to a cache behaviour, run through the behaviour's viewer-request CloudFront Function (its
 * code from the template), reduced to what the origin request policy forwards, given the origin's
 * custom headers, X-Forwarded-For with the viewer appended and CloudFront-Viewer-Address, and sent to
 * the function URL as a payload 2.0 event; the function's result becomes the HTTP response.
 */
export class Edge {
  private behaviors: Behavior[];
  private origins = new Map<string, Origin>();
  readonly distributionId: string;
  /** The Lambda errors behind 502 answers, for the tests' messages. */
  readonly errors: ({ functionId: string; path: string } & LambdaError)[] = [];

  constructor(
    synth: Synthesized,
    private local: LocalResources,
    private lambda: LambdaService,
  ) {
    const distributions = Object.entries(synth.resources).filter(([, r]) => r.Type === 'AWS::CloudFront::Distribution');
    if (distributions.length !== 1) throw new Error('Expected one CloudFront distribution');
    const [distributionLogicalId, distribution] = distributions[0]!;
    this.distributionId = local.resolve({ Ref: distributionLogicalId });
    const config = (distribution.Properties as { DistributionConfig: Record<string, unknown> }).DistributionConfig;
    const functionCode = (association: unknown) => {
      const arn = (association as { FunctionARN: { 'Fn::GetAtt': [string, string] } }).FunctionARN['Fn::GetAtt'][0];
      return String(synth.resources[arn]?.Properties?.FunctionCode);
    };
    const behavior = (b: Record<string, unknown>): Behavior => {
      const associations = (b.FunctionAssociations as { EventType: string }[] | undefined) ?? [];
      const viewerRequest = associations.find((a) => a.EventType === 'viewer-request');
      if (associations.some((a) => a.EventType !== 'viewer-request'))
        throw new Error('Only viewer-request functions are modelled');
      return {
        pattern: b.PathPattern ? patternToRegExp(String(b.PathPattern)) : undefined,
        originId: String(b.TargetOriginId),
        allowedMethods: (b.AllowedMethods as string[] | undefined) ?? ['GET', 'HEAD'],
        originRequestPolicy: b.OriginRequestPolicyId as string | undefined,
        viewerRequest: viewerRequest && functionCode(viewerRequest),
      };
    };
    this.behaviors = [
      ...((config.CacheBehaviors as Record<string, unknown>[] | undefined) ?? []).map(behavior),
      behavior(config.DefaultCacheBehavior as Record<string, unknown>),
    ];
    for (const o of config.Origins as Record<string, unknown>[]) {
      if (o.S3OriginConfig) {
        // The uploads bucket (brand images) is modelled; the client assets' bucket is not: nothing here requests it.
        const domain = local.hasBucket(o.DomainName) ? local.resolve(o.DomainName) : undefined;
        if (domain) this.origins.set(String(o.Id), { bucket: domain.split('.s3.')[0], domain, customHeaders: [] });
        continue;
      }
      const domain = local.resolve(o.DomainName);
      const customHeaders = ((o.OriginCustomHeaders as { HeaderName: string; HeaderValue: unknown }[]) ?? []).map(
        (h): [string, string] => [h.HeaderName.toLowerCase(), local.resolve(h.HeaderValue)],
      );
      this.origins.set(String(o.Id), { functionId: local.functionOfUrlDomain(domain), domain, customHeaders });
    }
  }

  /** A viewer's request to the distribution (HTTPS, any portal host). */
  async fetch(request: EdgeRequest): Promise<Response> {
    const url = new URL(request.url);
    const method = (request.method ?? 'GET').toUpperCase();
    const viewer = request.viewer ?? { ip: '198.51.100.10' };
    const behavior = this.behaviors.find((b) => !b.pattern || b.pattern.test(url.pathname))!;
    if (!behavior.allowedMethods.includes(method)) return new Response('Method not allowed', { status: 403 });
    const origin = this.origins.get(behavior.originId);
    if (origin?.bucket) return fromBucket(origin.bucket, url.pathname.slice(1));
    if (!origin?.functionId) throw new Error(`The origin of ${url.pathname} is not a function URL: not modelled`);

    let headers = new Map<string, string>(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    headers.set('host', url.host);
    let path = url.pathname;
    let query = url.search.slice(1);
    if (behavior.viewerRequest) {
      const result = runViewerRequestFunction(behavior.viewerRequest, {
        distributionId: this.distributionId,
        viewer,
        method,
        uri: path,
        query,
        headers,
      });
      if ('response' in result) return result.response;
      ({ headers, uri: path, query } = result);
    }

    const policy = behavior.originRequestPolicy && ORIGIN_REQUEST_POLICIES[behavior.originRequestPolicy];
    if (!policy) throw new Error(`Origin request policy ${behavior.originRequestPolicy} is not modelled`);
    const forwarded = new Map<string, string>();
    for (const [name, value] of headers) {
      if (policy.viewerHeadersExcept.includes(name) || HOP_BY_HOP.includes(name)) continue;
      // Viewers cannot set CloudFront's own headers: CloudFront writes them.
      if (name.startsWith('cloudfront-') || name === 'x-amz-cf-id' || name === 'via') continue;
      forwarded.set(name, value);
    }
    // CloudFront appends the address it saw to what the viewer sent: the last entry is the viewer.
    const viewerForwardedFor = headers.get('x-forwarded-for');
    forwarded.set('x-forwarded-for', viewerForwardedFor ? `${viewerForwardedFor}, ${viewer.ip}` : viewer.ip);
    forwarded.set('via', `2.0 ${randomBytes(16).toString('hex')}.cloudfront.net (CloudFront)`);
    forwarded.set('x-amz-cf-id', randomBytes(28).toString('base64url'));
    if (policy.cloudFrontHeaders) {
      forwarded.set('cloudfront-forwarded-proto', 'https');
      forwarded.set('cloudfront-viewer-address', `${viewer.ip}:${viewer.port ?? 50_000}`);
      forwarded.set('cloudfront-viewer-country', 'FR');
      forwarded.set('cloudfront-is-desktop-viewer', 'true');
    }
    // The origin's custom headers replace any header of the same name.
    for (const [name, value] of origin.customHeaders) forwarded.set(name, value);
    forwarded.set('host', origin.domain);

    return this.invokeFunctionUrl(origin.functionId, {
      method,
      path,
      query,
      headers: forwarded,
      body: request.body,
      sourceIp: EDGE_SOURCE_IP,
    });
  }

  /** A request sent straight to a function's URL, as anyone on the internet can (auth NONE), bypassing CloudFront. */
  async direct(functionId: string, request: Omit<EdgeRequest, 'url'> & { path: string }): Promise<Response> {
    const urlId = [...this.origins.values()].find((o) => o.functionId === functionId)?.domain;
    if (!urlId) throw new Error(`${functionId} has no function URL behind the distribution`);
    const url = new URL(request.path, `https://${urlId}`);
    const headers = new Map(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    headers.set('host', urlId);
    const ip = request.viewer?.ip ?? '203.0.113.99';
    headers.set('x-forwarded-for', headers.has('x-forwarded-for') ? `${headers.get('x-forwarded-for')}, ${ip}` : ip);
    return this.invokeFunctionUrl(functionId, {
      method: (request.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: url.search.slice(1),
      headers,
      body: request.body,
      sourceIp: ip,
    });
  }

  /** Lambda function URL: the request as a payload 2.0 event, the result (or Lambda's error) as the HTTP response. */
  private async invokeFunctionUrl(
    functionId: string,
    r: {
      method: string;
      path: string;
      query: string;
      headers: Map<string, string>;
      body?: string | Uint8Array;
      sourceIp: string;
    },
  ): Promise<Response> {
    const domain = r.headers.get('host')!;
    const headers = new Map(r.headers);
    const cookie = headers.get('cookie');
    headers.delete('cookie');
    headers.set('x-forwarded-proto', 'https');
    headers.set('x-forwarded-port', '443');
    headers.set(
      'x-amzn-trace-id',
      `Root=1-${Math.floor(Date.now() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`,
    );
    const bytes = typeof r.body === 'string' ? new TextEncoder().encode(r.body) : r.body;
    if (bytes?.byteLength) headers.set('content-length', String(bytes.byteLength));
    const textual = isTextual(headers.get('content-type') ?? '');
    const requestId = randomUUID();
    const now = new Date();
    const query = new URLSearchParams(r.query);
    const event = {
      version: '2.0',
      routeKey: '$default',
      rawPath: r.path,
      rawQueryString: r.query,
      ...(cookie ? { cookies: cookie.split(/;\s*/).filter(Boolean) } : {}),
      headers: Object.fromEntries(headers),
      ...(r.query
        ? { queryStringParameters: Object.fromEntries([...query.keys()].map((k) => [k, query.getAll(k).join(',')])) }
        : {}),
      requestContext: {
        accountId: 'anonymous',
        apiId: domain.split('.')[0],
        domainName: domain,
        domainPrefix: domain.split('.')[0],
        http: {
          method: r.method,
          path: r.path,
          protocol: 'HTTP/1.1',
          sourceIp: r.sourceIp,
          userAgent: headers.get('user-agent') ?? '',
        },
        requestId,
        routeKey: '$default',
        stage: '$default',
        time: now.toUTCString(),
        timeEpoch: now.getTime(),
      },
      ...(bytes && bytes.byteLength
        ? textual
          ? { body: new TextDecoder().decode(bytes), isBase64Encoded: false }
          : { body: Buffer.from(bytes).toString('base64'), isBase64Encoded: true }
        : { isBase64Encoded: false }),
    };
    const invocation = await this.lambda.invoke(functionId, event);
    if (!invocation.invoked)
      return Response.json(
        { Message: `Request must be smaller than ${PAYLOAD_LIMIT_BYTES} bytes for the InvokeFunction operation` },
        { status: 413, headers: { 'x-amzn-errortype': invocation.error!.errorType } },
      );
    if (invocation.error) {
      this.errors.push({ functionId, path: r.path, ...invocation.error });
      return Response.json(
        { Message: null },
        { status: 502, headers: { 'x-amzn-errortype': invocation.error.errorType } },
      );
    }
    return functionUrlResponse(JSON.parse(invocation.payload ?? 'null'));
  }
}

/** A function URL's HTTP response from the function's result (payload format 2.0). */
function functionUrlResponse(result: unknown): Response {
  if (!result || typeof result !== 'object' || !('statusCode' in result)) {
    // A result without statusCode is the body of a 200 JSON response.
    return new Response(typeof result === 'string' ? result : JSON.stringify(result), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  }
  const r = result as {
    statusCode: number;
    headers?: Record<string, string>;
    cookies?: string[];
    body?: string;
    isBase64Encoded?: boolean;
  };
  const headers = new Headers(r.headers ?? {});
  for (const cookie of r.cookies ?? []) headers.append('set-cookie', cookie);
  const body =
    r.body === undefined || r.body === '' ? null : r.isBase64Encoded ? Buffer.from(r.body, 'base64') : r.body;
  const nullBody = [101, 204, 205, 304].includes(r.statusCode);
  return new Response(nullBody ? null : body, { status: r.statusCode, headers });
}

/**
 * Runs a CloudFront Function's code on a viewer-request event (cloudfront-js event structure 1.0):
 * headers as `{ name: { value } }` with lower-case names, cookies apart from headers.
 */
function runViewerRequestFunction(
  code: string,
  o: {
    distributionId: string;
    viewer: Viewer;
    method: string;
    uri: string;
    query: string;
    headers: Map<string, string>;
  },
): { headers: Map<string, string>; uri: string; query: string } | { response: Response } {
  const cookies: Record<string, { value: string }> = {};
  for (const pair of (o.headers.get('cookie') ?? '').split(/;\s*/).filter(Boolean)) {
    const at = pair.indexOf('=');
    cookies[pair.slice(0, at)] = { value: pair.slice(at + 1) };
  }
  const headers: Record<string, { value: string }> = {};
  for (const [name, value] of o.headers) if (name !== 'cookie') headers[name] = { value };
  const querystring: Record<string, { value: string }> = {};
  for (const [name, value] of new URLSearchParams(o.query)) querystring[name] = { value };
  const event = {
    version: '1.0',
    context: { distributionId: o.distributionId, eventType: 'viewer-request', requestId: randomUUID() },
    viewer: { ip: o.viewer.ip },
    request: { method: o.method, uri: o.uri, querystring, headers, cookies },
  };
  const handler = runInNewContext(`${code}\n;handler`, {}) as (e: typeof event) => Record<string, unknown>;
  const out = handler(event);
  if ('statusCode' in out) {
    const h = new Headers();
    for (const [name, v] of Object.entries((out.headers as Record<string, { value: string }>) ?? {}))
      h.set(name, v.value);
    return { response: new Response(String(out.body ?? ''), { status: Number(out.statusCode), headers: h }) };
  }
  const request = out as typeof event.request;
  const result = new Map<string, string>(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v.value]));
  const cookieHeader = Object.entries(request.cookies ?? {})
    .map(([k, v]) => `${k}=${v.value}`)
    .join('; ');
  if (cookieHeader) result.set('cookie', cookieHeader);
  const q = new URLSearchParams();
  for (const [name, v] of Object.entries(request.querystring ?? {})) q.append(name, v.value);
  return { headers: result, uri: request.uri, query: q.toString() };
}

/** A browser on one viewer address: keeps each host's cookies, sends Origin on unsafe methods, follows redirects. */
export class Browser {
  private jar = new Map<string, Map<string, string>>();

  constructor(
    private edge: Edge,
    readonly viewer: Viewer,
    private isEdgeHost: (host: string) => boolean,
  ) {}

  cookie(host: string, name: string): string | undefined {
    return this.jar.get(host)?.get(name);
  }

  async fetch(
    url: string,
    init: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array; json?: unknown } = {},
    redirects = 5,
  ): Promise<Response> {
    const target = new URL(url);
    const method = (init.method ?? (init.json !== undefined ? 'POST' : 'GET')).toUpperCase();
    const headers: Record<string, string> = { 'user-agent': 'cloud-tier', accept: '*/*', ...init.headers };
    let body = init.body;
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    if (!['GET', 'HEAD'].includes(method)) headers.origin ??= target.origin;
    let response: Response;
    if (this.isEdgeHost(target.host)) {
      const cookies = [...(this.jar.get(target.host) ?? [])].map(([k, v]) => `${k}=${v}`).join('; ');
      if (cookies) headers.cookie = cookies;
      response = await this.edge.fetch({ method, url, headers, body, viewer: this.viewer });
      this.keepCookies(target.host, response.headers.getSetCookie());
    } else {
      // Anything else (the S3 emulator behind a presigned URL) is a plain HTTP request.
      response = await fetch(url, { method, headers, body: body as BodyInit | undefined, redirect: 'manual' });
    }
    const location = response.headers.get('location');
    if (redirects > 0 && location && [301, 302, 303, 307, 308].includes(response.status)) {
      const next = new URL(location, url).href;
      const keepMethod = response.status === 307 || response.status === 308;
      return this.fetch(next, keepMethod ? { ...init } : { headers: init.headers }, redirects - 1);
    }
    return response;
  }

  private keepCookies(host: string, setCookies: string[]) {
    const jar = this.jar.get(host) ?? new Map<string, string>();
    this.jar.set(host, jar);
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(/;\s*/);
      const at = pair.indexOf('=');
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
      const expired = attributes.some(
        (a) => /^max-age=(0|-)/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) < Date.now()),
      );
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  }
}
