import type { Words } from './words';

/** A member of staff as the server shows them: always the role, the name only when the reviewer chose to name staff. */
export interface Staff {
  role: string;
  name: string | null;
}

/** "Social worker", or "Name (Social worker)" when staff are named, in the document's language. */
export const staffText = (w: Words, s: Staff | null | undefined) => {
  if (!s) return '';
  const role = w.of('roles', s.role);
  return s.name ? `${s.name} (${role})` : role;
};
