import { error } from '@sveltejs/kit';

type StoredFile = { body: Uint8Array; contentType: string; filename: string };

/** A stored file for whoever the core let read it: images inline with their type, PDFs as downloads; anything refused is a 404. */
export async function fileResponse(read: () => Promise<StoredFile>): Promise<Response> {
  const file = await read().catch(() => error(404, 'Not found'));
  const inline = file.contentType.startsWith('image/');
  return new Response(file.body as Uint8Array<ArrayBuffer>, {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, max-age=3600',
    },
  });
}
