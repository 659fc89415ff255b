import { app } from '../../functions/api/full.js';

/** A browser-like client of one portal host: keeps the session cookie and sends the portal's Origin. */
export function client(host: string) {
  let cookie = '';
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    let res = await app.request(`http://${host}${path}`, {
      method,
      headers: {
        host,
        origin: `http://${host}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (method === 'GET') res = await followDownload(res);
    if (setCookie?.startsWith('sid=')) cookie = setCookie.split(';')[0]!.endsWith('=') ? '' : setCookie.split(';')[0]!;
    const text = await res.text();
    const json = text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined;
    return { status: res.status, headers: res.headers, setCookie, text, json };
  }
  return {
    host,
    call,
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown = {}, headers?: Record<string, string>) => call('POST', path, body, headers),
    patch: (path: string, body: unknown) => call('PATCH', path, body),
    del: (path: string) => call('DELETE', path),
    get cookie() {
      return cookie;
    },
    set cookie(value: string) {
      cookie = value;
    },
  };
}

/**
 * What a browser does with the redirect a download answers (exports, files): follows it to the
 * short-lived signed S3 link, sending no cookie there. Any other answer is returned as it is.
 */
export async function followDownload(res: Response): Promise<Response> {
  const location = res.headers.get('location');
  if ((res.status !== 302 && res.status !== 303) || !location?.includes('X-Amz-Signature=')) return res;
  return fetch(location);
}
