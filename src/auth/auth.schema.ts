import { z } from 'zod';
import { email } from '../schema.js';
import { MIN_PASSWORD_LENGTH } from './passwords.js';

export const LoginBody = z.object({
  email: z
    .string({ error: 'Please enter your email address.' })
    .trim()
    .min(1, 'Please enter your email address.')
    .max(254),
  password: z
    .string({ error: 'Please enter your password.' })
    .min(1, 'Please enter your password.')
    .max(1000),
});
export type LoginBody = z.infer<typeof LoginBody>;

const newPassword = z
  .string({ error: 'Please choose a password.' })
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(1000);
const name = z
  .string({ error: 'Please enter your name.' })
  .trim()
  .min(1, 'Please enter your name.')
  .max(100);

export const ChangePasswordBody = z.object({
  current: z.string({ error: 'Enter your current password.' }).min(1).max(1000),
  password: newPassword,
});

/** The first admin, from the first-run page. */
export const SetupBody = z.object({ email, name, password: newPassword });

export const AcceptInvitationBody = z.object({ name, password: newPassword });

export const InvitationTokenParams = z.object({
  token: z
    .string()
    .min(16)
    .max(100)
    .regex(/^[\w-]+$/),
});

export const UpdateMeBody = z.object({ name });
