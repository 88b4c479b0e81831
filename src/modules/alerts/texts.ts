import type { AlertKind, Locale } from '../../generated/prisma/client.js';

/**
 * The server-side words of an alert, in the recipient's language. Deliberately without personal data:
 * an alert says what happened and gives a reference and a link; what the record holds is read in the app,
 * behind sign-in. (A widely used tool in Lebanon once sent every alert in English: the language is the
 * recipient's own, app_user.locale.)
 */
const WHAT: Record<Locale, Record<AlertKind, string>> = {
  en: {
    referral_to_screen: 'A new referral is waiting to be screened',
    assigned: 'A case has been assigned to you',
    onward_to_answer: 'An onward referral is waiting for your agency’s answer',
    reminder_due: 'Something on your work list is due',
    disclosure_expiring: 'A disclosure is about to expire',
    break_glass: 'Emergency access was used on a case',
    transfer_to_decide: 'Another city proposes to transfer a case to your city',
  },
  fr: {
    referral_to_screen: 'Une nouvelle orientation attend d’être examinée',
    assigned: 'Un dossier vous a été attribué',
    onward_to_answer: 'Une orientation vers un partenaire attend la réponse de votre organisme',
    reminder_due: 'Un élément de votre liste de travail arrive à échéance',
    disclosure_expiring: 'Une communication de données arrive à expiration',
    break_glass: 'Un accès d’urgence a été utilisé sur un dossier',
    transfer_to_decide: 'Une autre ville propose de transférer un dossier vers votre ville',
  },
  ar: {
    referral_to_screen: 'إحالة جديدة بانتظار الفرز',
    assigned: 'أُسند إليك ملف',
    onward_to_answer: 'إحالة إلى جهة شريكة بانتظار رد جهتك',
    reminder_due: 'حان موعد أمر في قائمة عملك',
    disclosure_expiring: 'إفصاح على وشك الانتهاء',
    break_glass: 'استُخدم الوصول الطارئ على ملف',
    transfer_to_decide: 'تقترح مدينة أخرى نقل ملف إلى مدينتك',
  },
};

const FRAME: Record<Locale, { subject: string; reference: string; open: string; digest: string; footer: string }> = {
  en: {
    subject: 'Jisr',
    reference: 'Reference',
    open: 'Open in Jisr',
    digest: 'Your daily summary',
    footer: 'You can choose which alerts you receive on your profile page in Jisr.',
  },
  fr: {
    subject: 'Jisr',
    reference: 'Référence',
    open: 'Ouvrir dans Jisr',
    digest: 'Votre résumé du jour',
    footer: 'Vous pouvez choisir les alertes que vous recevez sur votre page de profil dans Jisr.',
  },
  ar: {
    subject: 'جسر',
    reference: 'المرجع',
    open: 'افتح في جسر',
    digest: 'ملخصك اليومي',
    footer: 'يمكنك اختيار التنبيهات التي تصلك من صفحة ملفك الشخصي في جسر.',
  },
};

/** One thing to tell: what happened, its reference, where to look. */
export interface AlertItem {
  kind: AlertKind;
  reference: string;
  link: string;
}

export interface AlertText {
  subject: string;
  text: string;
}

/** One alert as it is sent at once. */
export function alertText(locale: Locale, item: AlertItem): AlertText {
  const f = FRAME[locale];
  const what = WHAT[locale][item.kind];
  return {
    subject: `${f.subject}: ${what}`,
    text: `${what}\n${f.reference}: ${item.reference}\n${f.open}: ${item.link}\n\n${f.footer}\n`,
  };
}

/** A day's alerts in one message, grouped by kind. */
export function digestText(locale: Locale, items: AlertItem[]): AlertText {
  const f = FRAME[locale];
  const kinds = [...new Set(items.map((i) => i.kind))];
  const sections = kinds.map((k) => {
    const lines = items.filter((i) => i.kind === k).map((i) => `- ${f.reference}: ${i.reference} — ${i.link}`);
    return `${WHAT[locale][k]} (${lines.length})\n${lines.join('\n')}`;
  });
  return { subject: `${f.subject}: ${f.digest} (${items.length})`, text: `${f.digest}\n\n${sections.join('\n\n')}\n\n${f.footer}\n` };
}

/** Where in the app an alert points (a path; the link adds the public origin). */
export function alertPath(kind: AlertKind, entityType: string, entityId: string): string {
  if (kind === 'onward_to_answer') return '/onward';
  if (kind === 'transfer_to_decide') return `/transfers/${entityId}`;
  if (kind === 'reminder_due' || kind === 'disclosure_expiring') return '/work';
  if (entityType === 'Referral') return `/referrals/${entityId}`;
  if (entityType === 'Case') return `/cases/${entityId}`;
  return '/work';
}
