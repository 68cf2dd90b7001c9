import { hold, type Phase } from './phase.js';

/** The site's pre-moderation rule: who waits for a moderator whatever else screening finds. */
export const premoderation: Phase = ({ settings, history }, { analysis }) => {
  switch (settings.premoderation) {
    case 'everyone':
      return hold('PREMOD_ALL', 'Every comment on this site waits for a moderator');
    case 'first-time':
      return history.approvedByAuthor === 0
        ? hold('PREMOD_NEW_AUTHOR', 'First comment from this author')
        : undefined;
    case 'fewer-than':
      return history.approvedByAuthor < settings.premoderationMinApproved
        ? hold(
            'PREMOD_FEW_APPROVED',
            `Author has ${history.approvedByAuthor} approved comments, fewer than ${settings.premoderationMinApproved}`,
          )
        : undefined;
    case 'links':
      return analysis.links.length > 0
        ? hold('PREMOD_LINKS', 'Comments with links wait for a moderator')
        : undefined;
    default:
      return undefined;
  }
};
