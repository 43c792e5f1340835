/** What gu-file-drop loads on demand: the file pipeline and the redaction editor. */
export { prepareFile, prewarmCompression } from '../../core/attach/compress.js';
export { redactImage } from '../../core/attach/redact.js';
export { makeThumbnail } from '../../core/attach/thumbnail.js';
export { openRedactor } from './redactor.js';
