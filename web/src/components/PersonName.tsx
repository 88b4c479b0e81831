import { Show } from 'solid-js';

interface Names {
  nameArabic: string | null;
  nameLatin: string | null;
}

/**
 * A person's names as written, each in its own script and direction, so an Arabic name inside a
 * French page (or a Latin one inside an Arabic page) is never reordered by the bidi algorithm.
 */
export function PersonName(props: { person: Names; class?: string }) {
  return (
    <span class={`person-name ${props.class ?? ''}`}>
      <Show when={props.person.nameArabic}>
        {(name) => (
          <bdi lang="ar" dir="rtl" class="name-ar">
            {name()}
          </bdi>
        )}
      </Show>
      <Show when={props.person.nameArabic && props.person.nameLatin}>
        <span class="name-sep" aria-hidden="true">
          {' · '}
        </span>
      </Show>
      <Show when={props.person.nameLatin}>
        {(name) => (
          <bdi dir="ltr" class="name-latin">
            {name()}
          </bdi>
        )}
      </Show>
    </span>
  );
}
