import { error } from '@sveltejs/kit';
import { readIdeaAttachment } from '$core/idea/index';
import { portalCtx } from '$lib/server/core';
import type { RequestHandler } from './$types';

/** An idea's attachment, for whoever may see the idea: images inline with their type, PDFs as downloads. */
export const GET: RequestHandler = async ({ locals, params }) => {
  const file = await readIdeaAttachment(portalCtx(locals), params.id, params.uploadId).catch(() =>
    error(404, 'Not found'),
  );
  const inline = file.contentType.startsWith('image/');
  const name = encodeURIComponent(file.filename);
  return new Response(file.body as Uint8Array<ArrayBuffer>, {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${name}`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, max-age=3600',
    },
  });
};
