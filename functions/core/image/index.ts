/* Smaller copies of uploaded images (thumbnails, members' faces), made by the table's stream. */
export { membersFaces } from './faces.js';
export { thumbnailReadyImages } from './thumbnails.js';
export { IMAGE_SIZES, resizeImage, type ImageSize } from './resize.js';
