/**
 * What a service returns for free text whose record key was destroyed (crypto-shredding, see
 * src/crypto/record-keys.ts): the text is gone for good. Pages compare against it and show the
 * translated "erased" words instead (web `erased`).
 */
export const ERASED_TEXT = '\u29B8erased\u29B8';

/** Whether a text is the erased marker. */
export const isErased = (text: string | null | undefined): boolean => text === ERASED_TEXT;
