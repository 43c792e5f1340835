import { encodeAt } from './encode.js';

/** Thumbnails are shown 56 CSS px wide: twice that is sharp on 2× screens. */
export const THUMBNAIL_WIDTH = 112;

/**
 * A small JPEG of an image for the file list: decoded straight to 112 px wide by the browser
 * (createImageBitmap's resize options), so a 12-megapixel photo never sits decoded in the page
 * (46 MB) just to be drawn 56 px wide. Works in the Worker and on the page.
 */
export async function makeThumbnail(source: ImageBitmap | Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(source, { resizeWidth: THUMBNAIL_WIDTH, resizeQuality: 'medium' });
  try {
    return await encodeAt(bitmap, bitmap.width, bitmap.height, 'image/jpeg', 0.8);
  } finally {
    bitmap.close();
  }
}
