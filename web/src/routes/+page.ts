// The portal home and the platform page are lists of links and GET forms: they need no
// JavaScript, so none is sent (the pages that do need it, such as posting an idea, keep it).
export const csr = false;
