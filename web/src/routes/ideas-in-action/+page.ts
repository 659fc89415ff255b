// A list of links with its vote forms: no app JavaScript (members vote in place through lib/list-vote.js).
export const csr = false;
