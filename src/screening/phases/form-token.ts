import { hold, type Phase } from './phase.js';

const MESSAGES = {
  missing: 'no form token: the comment was not posted from the page',
  invalid: 'the form token is invalid',
  expired: 'the form token has expired',
} as const;

/** Comments must come from a rendered form, and not faster than a human can type. */
export const formToken: Phase = ({ formToken: token, settings, isEdit }) => {
  if (isEdit || !token) return undefined;
  if (token.status !== 'ok') {
    return hold(`FORM_TOKEN_${token.status.toUpperCase()}`, MESSAGES[token.status]);
  }
  const minMs = settings.minSubmitSeconds * 1000;
  return token.ageMs < minMs
    ? hold(
        'TOO_FAST',
        `submitted ${(token.ageMs / 1000).toFixed(1)} s after the form loaded, the minimum is ${settings.minSubmitSeconds} s`,
      )
    : undefined;
};
