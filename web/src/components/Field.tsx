import { Show, createUniqueId, splitProps, type JSX } from 'solid-js';

interface Common {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
}

/** The ids that tie a control to its label, hint and error, for screen readers. */
function describedBy(id: string, props: Common) {
  return [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function Extras(props: Common & { id: string }) {
  return (
    <>
      <Show when={props.hint}>
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      </Show>
    </>
  );
}

/** A labelled input with an optional hint and error. */
export function TextField(props: Common & JSX.InputHTMLAttributes<HTMLInputElement>) {
  const [local, input] = splitProps(props, ['label', 'error', 'hint']);
  const id = createUniqueId();
  return (
    <div class="field" classList={{ invalid: !!local.error }}>
      <label for={id}>{local.label}</label>
      <input id={id} aria-invalid={local.error ? 'true' : undefined} aria-describedby={describedBy(id, local)} {...input} />
      <Extras id={id} {...local} />
    </div>
  );
}

/** A labelled select; options come as children. */
export function SelectField(props: Common & JSX.SelectHTMLAttributes<HTMLSelectElement>) {
  const [local, select] = splitProps(props, ['label', 'error', 'hint', 'children']);
  const id = createUniqueId();
  return (
    <div class="field" classList={{ invalid: !!local.error }}>
      <label for={id}>{local.label}</label>
      <select id={id} aria-invalid={local.error ? 'true' : undefined} aria-describedby={describedBy(id, local)} {...select}>
        {local.children}
      </select>
      <Extras id={id} {...local} />
    </div>
  );
}

/** A checkbox with its label beside it. */
export function CheckboxField(props: Common & JSX.InputHTMLAttributes<HTMLInputElement>) {
  const [local, input] = splitProps(props, ['label', 'error', 'hint']);
  const id = createUniqueId();
  return (
    <div class="field checkbox">
      <input id={id} type="checkbox" aria-describedby={describedBy(id, local)} {...input} />
      <label for={id}>{local.label}</label>
      <Extras id={id} {...local} />
    </div>
  );
}
