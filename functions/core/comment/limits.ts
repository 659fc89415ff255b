/** How long a comment may be: the core's schema and the comment forms' own limits both read it (no imports, so a page can). */
export const COMMENT_LENGTH = { min: 2, max: 5_000 } as const;
