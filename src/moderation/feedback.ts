/**
 * What a moderator's spam / not-spam decision teaches: the site's learning classifier and,
 * when configured, Akismet (submit-spam / submit-ham with the original request values).
 * Implemented by src/screening; moderation only calls it.
 */
export interface ModerationFeedback {
  spam(commentId: string): Promise<void>;
  ham(commentId: string): Promise<void>;
}
