/** The aws folder's public surface: what other folders, the API and the web may use. */

export {
  attachCustomDomain,
  CERTIFICATE_FAILED,
  detachCustomDomain,
  readEdgeDomain,
  type EdgeDomainState,
} from './edge-domains.js';
export { downloadLink, getObjectText, LINK_SECONDS, putObject, type DownloadLink } from './s3-object.js';
