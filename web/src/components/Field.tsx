import { For, Show, createUniqueId, splitProps, type JSX } from 'solid-js';

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

interface Options<T> extends Common {
  name: string;
  options: readonly T[] | undefined;
  labelOf: (option: T) => string;
  /** The submitted value of an option; the option itself when it is a string (an enumeration). */
  idOf?: (option: T) => string;
  /** The first, empty choice ("Choose…", "Any"); none when a value is always picked. */
  placeholder?: string;
  selected?: string | undefined;
  required?: boolean;
  /** Called with the value chosen (a form whose other fields follow the choice). */
  onChange?: (value: string) => void;
}

/** A select over a list: the values of an enumeration in words, or records by their names. */
export function OptionsField<T>(props: Options<T>) {
  const idOf = (o: T) => (props.idOf ? props.idOf(o) : String(o));
  return (
    <SelectField
      label={props.label}
      name={props.name}
      required={props.required}
      hint={props.hint}
      error={props.error}
      onChange={(e) => props.onChange?.(e.currentTarget.value)}
    >
      <Show when={props.placeholder !== undefined}>
        <option value="">{props.placeholder}</option>
      </Show>
      <For each={props.options}>
        {(option) => (
          <option value={idOf(option)} selected={idOf(option) === props.selected}>
            {props.labelOf(option)}
          </option>
        )}
      </For>
    </SelectField>
  );
}

/** A labelled multi-line text box. */
export function TextAreaField(props: Common & JSX.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const [local, area] = splitProps(props, ['label', 'error', 'hint']);
  const id = createUniqueId();
  return (
    <div class="field" classList={{ invalid: !!local.error }}>
      <label for={id}>{local.label}</label>
      <textarea id={id} aria-invalid={local.error ? 'true' : undefined} aria-describedby={describedBy(id, local)} {...area} />
      <Extras id={id} {...local} />
    </div>
  );
}

interface Choices<V extends string> extends Common {
  name: string;
  /** Radios pick one value; checkboxes any number. */
  type: 'radio' | 'checkbox';
  options: readonly V[];
  labelOf: (value: V) => string;
  /** Whether a value starts (or, when it changes, becomes) checked. */
  checked?: (value: V) => boolean;
  onChange?: (value: V, checked: boolean) => void;
  required?: boolean;
  /** When a heading right above already says what the group is about. */
  legendHidden?: boolean;
  testId?: string;
}

/** A group of radios or checkboxes under one legend, with the group's hint and error. */
export function ChoiceGroup<V extends string>(props: Choices<V>) {
  const id = createUniqueId();
  return (
    <fieldset
      class="field choices"
      classList={{ invalid: !!props.error }}
      aria-describedby={describedBy(id, props)}
      data-testid={props.testId}
      // A required checkbox group needs one box ticked: the form kit checks it (lib/form.ts checkFields).
      data-choose-one={props.type === 'checkbox' && props.required ? props.name : undefined}
    >
      <legend classList={{ 'visually-hidden': props.legendHidden }}>{props.label}</legend>
      <div class="choice-list">
        <For each={props.options}>
          {(value) => (
            <label class="choice">
              <input
                type={props.type}
                name={props.name}
                value={value}
                checked={props.checked?.(value) ?? false}
                required={props.type === 'radio' && props.required}
                onChange={(e) => props.onChange?.(value, e.currentTarget.checked)}
              />
              <span>{props.labelOf(value)}</span>
            </label>
          )}
        </For>
      </div>
      <Extras id={id} {...props} />
    </fieldset>
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
