import { spam, type Phase } from './phase.js';

/** Bots fill every field, including the hidden one humans never see. */
export const honeypot: Phase = ({ honeypot: value, isEdit }) =>
  !isEdit && value !== null && value.trim() !== ''
    ? spam('HONEYPOT', 'the hidden honeypot field was filled in')
    : undefined;
