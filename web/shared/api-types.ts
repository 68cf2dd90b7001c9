// The public JSON API as the browser sees it: the widget and count.js use these shapes. They
// are the server's own contracts (src/contracts/), so the two cannot drift apart.
export type {
  ApiErrorBody,
  CheckDecision,
  CheckResult,
  CreateCommentInput,
  CreateCommentResult,
  EditCommentInput,
  EditCommentResult,
  FormTokenResult,
  PublicComment,
  PublicPost as PostInfo,
  PublicThreadComment as ThreadComment,
  ReportReason,
  ThreadEvents as LiveEvents,
  ThreadPage,
} from '../../src/contracts/public-api.js';
