/**
 * What a moderator's decision teaches: the site's learnt screening layers (spam and toxicity)
 * and, when configured, Akismet (submit-spam / submit-ham with the original request values).
 * Implemented by src/screening; moderation only reports the decision.
 */
export interface ModerationFeedback {
  decided(commentId: string, action: 'approve' | 'reject' | 'spam' | 'not-spam'): Promise<void>;
}
