/** The innovation team's workspace: queues, moderation, statuses, merges, tags, assignment, notes, scores, bulk actions. */
export { bulkAction, BULK_BATCH } from './bulk.js';
export { mergeIdea } from './merge.js';
export { blockMember, moderate } from './moderation.js';
export { addNote, listNotes, setAssignee, setTags, teamMembers } from './organise.js';
export { listQueue, QUEUES, type QueueItem } from './queues.js';
export { readTeamIdea, type TeamIdea } from './revise.js';
export { getScores, impactEffort, setScores, summariseScores } from './scores.js';
export { changeStatus, ideasInAction, statusHistory, statusHistoryOf, WORKFLOW, type StatusChange } from './status.js';
export { teamView } from './view.js';
