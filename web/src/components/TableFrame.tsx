import type { JSX } from 'solid-js';
import { t } from '../i18n';

/**
 * The frame a table scrolls in when it is wider than the screen, so the page itself never does.
 * It is a named region in the tab order: keyboard users scroll it with the arrow keys.
 */
export function TableFrame(props: { label: string; busy?: boolean; children: JSX.Element }) {
  return (
    // A named section is a region landmark; in the tab order so the keyboard can scroll it (WCAG 2.1.1).
    <section class="table-wrap" tabindex="0" aria-label={t('layout.table', { name: props.label })} aria-busy={props.busy}>
      {props.children}
    </section>
  );
}
