import { hash } from '@node-rs/argon2';
import { checkPassword } from '../../domain/password.ts';
import { fieldProblem } from '../problem.ts';

/** A new password that meets the rules, or a 422 on its field. */
export function assertPassword(password: string, field = 'password') {
  const verdict = checkPassword(password);
  if (!verdict.ok) throw fieldProblem(422, field, verdict.code, { limit: verdict.limit });
}

export const hashPassword = (password: string) => hash(password);
