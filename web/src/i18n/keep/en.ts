/** Words of keeping typed work: the session's warning, signing in again over the page, drafts. */
export const keepEn = {
  session: {
    warnTitle: 'Are you still there?',
    warnIdle: 'You have not used Jisr for a while. To protect the people in your cases you will be signed out at {{ time }}.',
    warnEnd:
      'Your session reaches its time limit at {{ time }}. You will be asked to sign in again; what you have typed stays on this page.',
    stay: 'Stay signed in',
    ok: 'OK',
    signOut: 'Sign out',
    endedTitle: 'Your session has ended',
    endedIntro: 'Sign in again to carry on. What you typed is still on this page and will be sent once you are signed in.',
    otherUser: 'Signing in as someone else drops what was typed here and reloads the page.',
    signIn: 'Sign in again',
  },
  drafts: {
    title: 'Unsent drafts',
    intro: 'What you started and did not send, kept for you alone for a limited time after you last typed.',
    empty: 'No drafts.',
    referral: 'Referral',
    caseNote: 'Note on case {{ reference }}',
    caseNoteHidden: 'Note on a case you can no longer see',
    savedAt: 'Saved {{ time }}',
    expiresAt: 'kept until {{ time }}',
    open: 'Open',
    discard: 'Discard',
    discarded: 'Draft discarded.',
    saving: 'Saving draft…',
    saved: 'Draft saved at {{ time }} (only you can see it).',
    notSaved: 'The draft could not be saved; your text is still here.',
    restored: 'Your draft is back in the form.',
  },
};
