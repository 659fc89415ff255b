import { z } from 'zod';
import { says } from '../errors/index.js';
import { IdPattern } from '../ids.js';
import { Lang, ShortId } from '../tenant/index.js';

export const IdeaId = z.string().regex(IdPattern, says('idea.id'));

export const IdeaStatus = z.enum([
  'new',
  'under_review',
  'reviewed',
  'in_progress',
  'launched',
  'declined',
  'merged',
  'archived',
]);
export type IdeaStatus = z.infer<typeof IdeaStatus>;

export const Idea = z.object({
  id: z.string(),
  sectionId: z.string(),
  categoryId: z.string().optional(),
  title: z.string(),
  body: z.string(),
  lang: Lang,
  authorId: z.string(),
  authorName: z.string(),
  /** The author's face (a public image's key: keys.face), beside their name. */
  authorPhoto: z.string().optional(),
  /** Set when the author deleted their account: the idea stays, shown as from a deleted member. */
  authorDeleted: z.boolean().optional(),
  status: IdeaStatus,
  tags: z.array(z.string()).default([]),
  /**
   * 'pending' while it waits for the team (moderation before publication, or a blocked word);
   * 'rejected' or 'hidden' once the team refused or withdrew it (only its author and the team see it).
   */
  moderation: z.enum(['pending', 'rejected', 'hidden']).optional(),
  /** A merged duplicate points to the idea it was merged into. */
  mergedInto: z.string().optional(),
  /** The team's latest official response, shown with the status. */
  response: z
    .object({
      text: z.string(),
      at: z.string(),
      byName: z.string(),
      byPhoto: z.string().optional(),
      status: z.string(),
    })
    .optional(),
  deleted: z.boolean().optional(),
  editedAt: z.string().optional(),
  attachments: z
    .array(z.object({ id: z.string(), filename: z.string(), contentType: z.string(), size: z.number() }))
    .default([]),
  upVotes: z.number(),
  downVotes: z.number(),
  commentCount: z.number(),
  followerCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Idea = z.infer<typeof Idea>;

export const SubmitIdea = z.object({
  sectionId: ShortId,
  categoryId: ShortId.optional(),
  title: z.string().trim().min(8).max(140),
  body: z.string().trim().min(20).max(10_000),
  lang: Lang.optional(),
  attachmentIds: z.array(z.string().regex(IdPattern)).max(5, says('idea.maxAttachments')).default([]),
});

export const EditIdea = z
  .object({ title: SubmitIdea.shape.title, body: SubmitIdea.shape.body, categoryId: ShortId.nullable() })
  .partial()
  .refine((o) => Object.keys(o).length > 0, says('input.nothingToChange'));

export const SORTS = ['top', 'trending', 'new', 'discussed', 'updated'] as const;
export const IdeaSort = z.enum(SORTS);
export type IdeaSort = z.infer<typeof IdeaSort>;

export const ListIdeas = z.object({
  sectionId: ShortId,
  sort: IdeaSort.default('top'),
  status: IdeaStatus.optional(),
  categoryId: ShortId.optional(),
  tag: z.string().trim().min(1).max(40).optional(),
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export interface IdeaSummary {
  id: string;
  sectionId: string;
  categoryId?: string;
  title: string;
  excerpt: string;
  status: IdeaStatus;
  upVotes: number;
  downVotes: number;
  commentCount: number;
  authorName: string;
  authorPhoto?: string;
  authorDeleted?: boolean;
  /** The first image among its attachments (an upload id), for the list's thumbnail. */
  image?: string;
  createdAt: string;
}

export function summarise(idea: Idea): IdeaSummary {
  const {
    id,
    sectionId,
    categoryId,
    title,
    status,
    upVotes,
    downVotes,
    commentCount,
    authorName,
    authorPhoto,
    authorDeleted,
    createdAt,
  } = idea;
  const excerpt = idea.body.length > 220 ? `${idea.body.slice(0, 217).trimEnd()}…` : idea.body;
  // Lists read stored items without a schema parse: an idea posted before attachments existed has none.
  const image = (idea.attachments ?? []).find((a) => a.contentType.startsWith('image/'))?.id;
  return {
    id,
    sectionId,
    categoryId,
    title,
    excerpt,
    status,
    upVotes,
    downVotes,
    commentCount,
    authorName,
    ...(authorPhoto ? { authorPhoto } : {}),
    authorDeleted,
    ...(image ? { image } : {}),
    createdAt,
  };
}
