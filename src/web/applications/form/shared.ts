// What the form's steps share: the form's type and the limits of an uploaded file.
import type { useAppForm } from '../../components/useAppForm.ts';
import type { Values } from '../content.ts';

/** The application form (react-hook-form with the app's errors and field ids). */
export type ApplicationFormApi = ReturnType<typeof useAppForm<Values>>;

export const MAX_FILE_MB = 10;
export const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
