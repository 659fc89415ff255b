import type { LambdaEvent } from 'hono/aws-lambda';

/** A synthetic API Gateway v2 (HTTP API / function URL) event, as CloudFront forwards it. */
export function apiGatewayEvent(method: string, path: string, headers: Record<string, string>): LambdaEvent {
  const [rawPath, rawQueryString = ''] = path.split('?');
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: rawPath!,
    rawQueryString,
    headers,
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: headers.host ?? 'api.example',
      domainPrefix: 'api',
      http: { method, path: rawPath!, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'req',
      routeKey: '$default',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
  } as LambdaEvent;
}
