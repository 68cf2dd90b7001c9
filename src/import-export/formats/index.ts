// The format layer of Parley's importer and exporter: streaming readers that turn a foreign
// export into normalised records, Parley's own export format, and the writers. No database
// here: the importer consumes these streams and decides what to write.
export * from './records.js';
export { ImportFormatError } from './format-error.js';
export { readDisqusExport } from './disqus.js';
export { readWxr } from './wxr.js';
export { wordpressAutop } from './wp-autop.js';
export { readIssoDatabase } from './isso.js';
export { readRemark42Backup } from './remark42.js';
export { readCommentoExport } from './commento.js';
export {
  readParleyExport,
  writeParleyExport,
  ParleyRecordInvalidError,
  type ParleyHeaderRecord,
  type WriteParleyExportOptions,
} from './parley.js';
export * from './parley-format.js';
export {
  writeWxr,
  type WxrChannel,
  type WxrComment,
  type WxrCommentStatus,
  type WxrPost,
} from './wxr-writer.js';
export { htmlToMarkdown, textToMarkdown, toParleyMarkdown, type BodyOptions } from './html-body.js';
