import type { Lang } from '../../i18n/messages.ts';

export interface MailText {
  subject: string;
  text: string;
}

const SIGNATURE = {
  sv: '\n\n— Samverka\nDet här brevet skickades automatiskt; svara inte på det.',
  en: '\n\n— Samverka\nThis message was sent automatically; please do not reply.',
};

export function passwordResetMail(lang: Lang, link: string, validMinutes: number): MailText {
  return lang === 'en'
    ? {
        subject: 'Reset your Samverka password',
        text: `Someone asked to reset the password of your Samverka account.\n\nChoose a new password here (the link works once, for ${validMinutes} minutes):\n${link}\n\nIf it was not you, ignore this message: your password stays as it is.${SIGNATURE.en}`,
      }
    : {
        subject: 'Återställ ditt lösenord i Samverka',
        text: `Någon har bett om att återställa lösenordet till ditt konto i Samverka.\n\nVälj ett nytt lösenord här (länken fungerar en gång, i ${validMinutes} minuter):\n${link}\n\nOm det inte var du kan du bortse från brevet: lösenordet är oförändrat.${SIGNATURE.sv}`,
      };
}

export function invitationMail(lang: Lang, p: { funderName: string; inviterName: string; roleLabel: string; link: string; validDays: number }): MailText {
  return lang === 'en'
    ? {
        subject: `Invitation to ${p.funderName} in Samverka`,
        text: `${p.inviterName} has invited you to work in Samverka for ${p.funderName} as ${p.roleLabel}.\n\nAccept the invitation here (valid for ${p.validDays} days):\n${p.link}${SIGNATURE.en}`,
      }
    : {
        subject: `Inbjudan till ${p.funderName} i Samverka`,
        text: `${p.inviterName} har bjudit in dig att arbeta i Samverka för ${p.funderName} som ${p.roleLabel}.\n\nTa emot inbjudan här (giltig i ${p.validDays} dagar):\n${p.link}${SIGNATURE.sv}`,
      };
}

export const ROLE_LABELS: Record<string, { sv: string; en: string }> = {
  caseworker: { sv: 'handläggare', en: 'caseworker' },
  reviewer: { sv: 'bedömare', en: 'reviewer' },
  decision_maker: { sv: 'beslutsfattare', en: 'decision-maker' },
  finance: { sv: 'ekonomi', en: 'finance' },
  analyst: { sv: 'analytiker', en: 'analyst' },
  administrator: { sv: 'administratör', en: 'administrator' },
};
