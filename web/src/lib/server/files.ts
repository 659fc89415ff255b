import { error } from '@sveltejs/kit';
import { LINK_SECONDS } from '$core/aws/index';

/**
 * Sends whoever the core let read a file to its short-lived S3 link: the bytes never pass
 * through this function. The redirect is kept by the browser only, and for less time than the
 * link lives; anything refused is a 404.
 */
export async function fileRedirect(link: () => Promise<string>): Promise<Response> {
  const url = await link().catch(() => error(404, 'Not found'));
  return new Response(null, {
    status: 302,
    headers: { location: url, 'cache-control': `private, max-age=${Math.floor(LINK_SECONDS / 2)}` },
  });
}

/** `?size=card` asks for an image's smaller copy (lists, cards), where one was made. */
export const sizeAsked = (url: URL) => (url.searchParams.get('size') === 'card' ? 'card' : undefined);
