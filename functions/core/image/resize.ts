/*
 * Smaller copies of uploaded images, made once off the request path (the table's stream): the
 * thumbnails lists show instead of the full file, and members' faces. sharp (libvips) does the
 * work: it reads PNG, JPEG and WebP, turns a phone photo upright from its EXIF orientation, and
 * writes no metadata (a face keeps no GPS position). Loaded on first use, so only the stream
 * function carries and loads it (infra/bundle.ts copies its native files there).
 */

/** What each copy is for: a card's picture (fits in 320 px: twice the largest a list draws it), or a face (a 160 px square, cropped to the middle). */
export const IMAGE_SIZES = {
  card: { width: 320, height: 320, fit: 'inside' },
  face: { width: 160, height: 160, fit: 'cover' },
} as const;
export type ImageSize = keyof typeof IMAGE_SIZES;

/** 40 megapixels: a larger picture (or a crafted one claiming to be) is not decoded at all. */
const MAX_INPUT_PIXELS = 40_000_000;

/** The image, upright, scaled down to `size` (never up), as WebP (THUMBNAIL_TYPE); throws on anything that is not a readable image. */
export async function resizeImage(bytes: Uint8Array, size: ImageSize): Promise<Uint8Array> {
  const { default: sharp } = await import('sharp');
  return sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
    .autoOrient()
    .resize({ ...IMAGE_SIZES[size], withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer();
}
