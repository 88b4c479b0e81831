/** Words of the second factor's pages (loaded with them, not with the first page). */
export const factorEn = {
  title: 'Second factor',
  forced: 'Your role requires a second factor. Set it up now to continue: you will need a code from your phone at each sign-in.',
  voluntary: 'A code from an authenticator app on your phone, asked at each sign-in after your password.',
  enrolled: 'A second factor is set up for your account. If you lose your phone and your recovery codes, ask an administrator to reset it.',
  scan: 'Scan this QR code with an authenticator app (for example Aegis, FreeOTP or Google Authenticator).',
  qrAlt: 'QR code of your second factor key',
  manual: 'Or enter this key by hand:',
  openApp: 'Open in an authenticator app',
  copy: 'Copy',
  copied: 'Copied.',
  confirmIntro: 'Then enter the 6-digit code the app shows for Jisr.',
  code: 'Code from the app',
  confirm: 'Confirm',
  codesTitle: 'Your recovery codes',
  codesIntro:
    'Each code signs you in once if you do not have your phone. Save them now somewhere safe (print them or keep them in a password manager): they will not be shown again.',
  copyAll: 'Copy all codes',
  saved: 'I have saved them',
  done: 'Your second factor is set up.',
  stepUpTitle: 'Confirm it is you',
  stepUpIntro: 'This action needs a fresh code from your authenticator app (or a recovery code).',
  stepUpSubmit: 'Confirm and continue',
  resets: {
    title: 'Second factor resets to confirm',
    intro:
      'A reset removes the account’s second factor and signs it out everywhere. A second person (another administrator or the auditor) confirms what an administrator asked.',
    empty: 'No reset waiting.',
    account: 'Account',
    requestedBy: 'Asked by',
    at: 'Asked on',
    confirm: 'Confirm reset',
    mine: 'Your request: someone else confirms it',
    confirmed: 'Reset confirmed. The account enrols again at its next sign-in.',
    request: 'Reset second factor',
    requestConfirm: 'Ask for a reset of this account’s second factor? Another administrator or the auditor must confirm it.',
    requested: 'Reset requested. Another administrator or the auditor must confirm it.',
  },
  roles: {
    title: 'Second factor',
    intro: 'The roles whose accounts must sign in with a code from an authenticator app.',
    saved: 'Saved.',
  },
};

export type FactorDictionary = typeof factorEn;
