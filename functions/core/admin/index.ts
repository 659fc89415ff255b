/** The admin folder's public surface: what other folders, the API and the web may use. */

export { auditWrite, listAudit, type AuditEntry } from './audit.js';
export { addDomain, listDomains, removeDomain, verifyDomain } from './domains.js';
export { syncEdgeDomains } from './edge-sync.js';
export { recordEdgeState, refreshEdgeDomains, type EdgePhase, type EdgeView } from './edge-state.js';
export { removeBrandImage, setBrandImage } from './images.js';
export { openPortal, slugAvailability } from './open.js';
export { getSettings, updateSettings } from './portal.js';
export { signUpRate, type SignUpRate } from './signups.js';
export {
  addCategory,
  addSection,
  archiveSection,
  deleteCategory,
  listCategories,
  listSections,
  updateCategory,
  updateSection,
} from './sections.js';
