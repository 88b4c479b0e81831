import { resolveTemplate } from '@solid-primitives/i18n';
import { locale } from '../index';
import { alertsAr } from './ar';
import { alertsEn, type AlertsDictionary } from './en';
import { alertsFr } from './fr';

const BY_LOCALE: Record<string, AlertsDictionary> = { en: alertsEn, ar: alertsAr, fr: alertsFr };

/**
 * The alerts page's words in the current language (its own small dictionary, typed by en: a missing
 * word in ar or fr is a type error). Read through a function so they follow a language switch.
 */
export const alertWords = () => (BY_LOCALE[locale()] ?? alertsEn).alerts;
export const alertTemplate = (text: string, args: Record<string, string>) => resolveTemplate(text, args);
