import { memo, useCallback, useId, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent, type ReactNode } from 'react';
import { HanjiError } from '../../../shared/contract/result';
import type { FrontMatterEdit } from '../../../shared/frontmatter/edit';
import { splitFrontMatter } from '../../../shared/frontmatter/split';
import {
  addFieldEdit,
  datetimeProblem,
  describeFrontMatter,
  editForField,
  removeFieldEdit,
  withFieldEdit,
  type ChipValue,
  type FormField,
  type SiteUsage,
} from '../../../shared/frontmatter/form-model';
import { en } from '../../i18n/en';
import type { LiveText } from '../editor/live-text';
import { ChipInput, useImeGuard } from './ChipInput';

/**
 * The form's English strings by key. A `t` prop may translate them; `{{name}}` placeholders are
 * filled in here, so a translation keeps them.
 */
/** The form's English strings (renderer/i18n/en.ts), used when no translation is given. */
const ENGLISH = Object.fromEntries(Object.entries(en.frontMatter).map(([key, text]) => [`frontMatter.${key}`, text])) as { [K in keyof typeof en.frontMatter as `frontMatter.${K}`]: string };

type StringKey = keyof typeof ENGLISH;
type Strings = (key: StringKey, values?: Readonly<Record<string, string | number>>) => string;

interface FrontMatterFormProps {
  /** The whole post text; the form shows its front matter. */
  text: string;
  /** What other posts use: layouts, tags, categories, widgets per key. */
  usage?: SiteUsage;
  /** The post text after one field edit (only the edited value's bytes differ). */
  onChange(nextText: string): void;
  /**
   * The editor's text at every keystroke, ahead of `text` (React hears of typing after a pause):
   * the fields show it and edits apply to it, so YAML typed a moment ago is never edited away.
   */
  live?: LiveText;
  readOnly?: boolean;
  /** Translates `frontMatter.*` keys of the i18n strings; untranslated keys fall back to English. */
  t?: (key: string) => string;
}

/** What every field row needs from the form. */
interface FormContext {
  s: Strings;
  readOnly: boolean;
  /** Apply one edit to the current text; the error message when it cannot be made, else null. */
  apply(makeEdit: () => FrontMatterEdit): string | null;
  /** The newest whole text of the post. */
  text(): string;
}

/**
 * A typed form over a post's front matter. Every change becomes one FrontMatterEdit applied to
 * `text` by the minimal-patch writer, so the editor and the form are two views of one document.
 * Text commits on blur or Enter (never mid-composition), so typing here does not rewrite the
 * post at every keystroke; refused edits are shown next to their field, never thrown.
 */
export function FrontMatterForm({ text, usage, onChange, live, readOnly = false, t }: FrontMatterFormProps) {
  // The fields depend on the front matter alone (a string, so a keystroke in the body re-renders
  // none of them), and edits read the newest text from a ref.
  const head = useSyncExternalStore(live?.subscribe ?? noSubscription, () => frontMatterHead(live?.get()?.text ?? text));
  const latest = useRef({ text, onChange, live });
  useLayoutEffect(() => {
    latest.current = { text, onChange, live };
  });
  const current = useCallback(() => latest.current.live?.get()?.text ?? latest.current.text, []);
  const apply = useCallback((makeEdit: () => FrontMatterEdit) => {
    const { onChange: change } = latest.current;
    const now = current();
    try {
      const next = withFieldEdit(now, makeEdit());
      if (next !== now) change(next);
      return null;
    } catch (error) {
      if (error instanceof HanjiError) return error.message;
      throw error;
    }
  }, [current]);
  return <FormFields head={head} usage={usage} readOnly={readOnly} t={t} apply={apply} current={current} />;
}

/** The form itself, re-rendered when the front matter (`head`) or the site's usage changes. */
interface FormFieldsProps {
  head: string;
  usage: FrontMatterFormProps['usage'];
  readOnly: boolean;
  t: FrontMatterFormProps['t'];
  apply: FormContext['apply'];
  current(): string;
}

const FormFields = memo(function FormFields({ head, usage, readOnly, t, apply, current }: FormFieldsProps) {
  const model = useMemo(() => describeFrontMatter(head, usage), [head, usage]);
  const s = strings(t);
  const cx: FormContext = { s, readOnly, apply, text: current };

  let content: ReactNode;
  if (model.kind === 'invalid') {
    const where = model.line === null ? null : { line: model.line, column: model.column ?? 1 };
    content = (
      <p role="alert" className="fm-alert">
        {where ? s('frontMatter.invalid', { ...where, message: model.message }) : s('frontMatter.invalidNowhere', { message: model.message })}
      </p>
    );
  } else {
    content = (
      <fieldset className="fm-fields" disabled={readOnly}>
        {model.kind === 'none' ? <p className="fm-note">{s('frontMatter.none')}</p> : model.fields.map((field) => <FieldRow key={field.label} field={field} cx={cx} />)}
        {readOnly ? null : <AddField cx={cx} />}
      </fieldset>
    );
  }
  return (
    <form className="fm-form" aria-label={s('frontMatter.form')} onSubmit={(event) => event.preventDefault()}>
      {content}
    </form>
  );
});

function strings(t: ((key: string) => string) | undefined): Strings {
  return (key, values = {}) => {
    const translated = t?.(key);
    // i18next answers a missing key with the key itself.
    const template = translated !== undefined && translated !== '' && translated !== key ? translated : ENGLISH[key];
    return template.replace(/\{\{(\w+)\}\}/gu, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
  };
}

function FieldRow({ field, cx }: { field: FormField; cx: FormContext }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const errorId = `${id}-error`;
  const commit = (next: unknown): boolean => {
    const problem = cx.apply(() => editForField(field, next));
    setError(problem);
    return problem === null;
  };
  const remove =
    field.readOnly === true || cx.readOnly ? null : (
      <button type="button" className="fm-remove" aria-label={cx.s('frontMatter.removeField', { key: field.label })} onClick={() => setError(cx.apply(() => removeFieldEdit(field)))}>
        ×
      </button>
    );
  const message = error === null ? null : (
    <p id={errorId} className="fm-error" role="alert">
      {error}
    </p>
  );

  if (field.widget === 'map') {
    return (
      <fieldset className="fm-map">
        <legend>{field.label}</legend>
        {(field.children ?? []).map((child) => (
          <FieldRow key={child.label} field={child} cx={cx} />
        ))}
        {remove}
        {message}
      </fieldset>
    );
  }
  return (
    <div className={`fm-field fm-field-${field.widget}`}>
      <FieldLabel id={id} field={field} />
      <FieldWidget id={id} field={field} cx={cx} describedBy={error === null ? undefined : errorId} commit={commit} />
      {remove}
      {message}
    </div>
  );
}

// The label's text is the whole dotted key (its accessible name); the parent part is only for
// screen readers, since the map's legend already shows it.
function FieldLabel({ id, field }: { id: string; field: FormField }) {
  const dot = field.label.lastIndexOf('.');
  const nested = field.path.length > 1 && dot > 0;
  return (
    <label htmlFor={id} className="fm-label">
      {nested ? <span className="fm-visually-hidden">{field.label.slice(0, dot + 1)}</span> : null}
      {nested ? field.label.slice(dot + 1) : field.label}
    </label>
  );
}

interface WidgetProps {
  id: string;
  field: FormField;
  cx: FormContext;
  describedBy: string | undefined;
  commit(next: unknown): boolean;
}

function FieldWidget({ id, field, cx, describedBy, commit }: WidgetProps) {
  const shown = field.value === null || field.value === undefined ? '' : String(field.value);
  switch (field.widget) {
    case 'boolean':
      return <input id={id} type="checkbox" role="switch" checked={field.value === true} aria-describedby={describedBy} onChange={(event) => commit(event.currentTarget.checked)} />;
    case 'select':
      return (
        <select id={id} value={shown} aria-describedby={describedBy} onChange={(event) => commit(event.currentTarget.value)}>
          <option value="">{cx.s('frontMatter.noLayout')}</option>
          {(field.options ?? []).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
    case 'chips':
      return (
        <ChipInput
          id={id}
          chips={field.value as ChipValue[]}
          suggestions={field.suggestions ?? []}
          disabled={cx.readOnly}
          describedBy={describedBy}
          removeLabel={(chip) => cx.s('frontMatter.removeChip', { key: field.label, chip })}
          onChange={commit}
        />
      );
    case 'number':
      return <DraftInput id={id} kind="number" shown={shown} describedBy={describedBy} commit={commit} />;
    case 'datetime':
      return <DraftInput id={id} kind="text" shown={shown} describedBy={describedBy} commit={commit} check={datetimeProblem} placeholder="2025-02-05 10:30:00 +0900" />;
    case 'multiline':
      return <DraftInput id={id} kind="textarea" shown={shown} describedBy={describedBy} commit={commit} />;
    case 'raw':
      if (field.readOnly === true) {
        return (
          <>
            <textarea id={id} className="fm-raw" value={shown} readOnly aria-describedby={`${id}-note`} />
            <p id={`${id}-note`} className="fm-note">
              {cx.s('frontMatter.readOnly')}
            </p>
          </>
        );
      }
      return <DraftInput id={id} kind="textarea" raw shown={shown} describedBy={describedBy} commit={commit} check={(draft) => rawProblem(field, draft)} />;
    case 'text':
      return <DraftInput id={id} kind="text" shown={shown} describedBy={describedBy} commit={commit} />;
    case 'map':
      // FieldRow draws a map as a fieldset of its children.
      return null;
  }
}

function rawProblem(field: FormField, draft: string): string | null {
  try {
    editForField(field, draft);
    return null;
  } catch (error) {
    if (error instanceof HanjiError) return error.message;
    throw error;
  }
}

interface DraftInputProps {
  id: string;
  kind: 'text' | 'number' | 'textarea';
  /** The value in the text now; shown until the user types. */
  shown: string;
  describedBy: string | undefined;
  commit(next: string): boolean;
  /** Why the typed text cannot be committed, shown as the user types; null when it can. */
  check?: (draft: string) => string | null;
  raw?: boolean;
  placeholder?: string;
}

/**
 * An input that keeps what the user types to itself and commits it on blur or Enter (Ctrl/Cmd+Enter
 * in a textarea), never while an IME is composing. Escape puts back the value from the text.
 */
function DraftInput({ id, kind, shown, describedBy, commit, check, raw = false, placeholder }: DraftInputProps) {
  // null while the user has not typed: the field then follows the text as it changes elsewhere.
  const [draft, setDraft] = useState<string | null>(null);
  const ime = useImeGuard();
  const problem = draft === null || check === undefined ? null : check(draft);
  const problemId = `${id}-problem`;

  const finish = () => {
    if (draft === null || problem !== null) return;
    if (draft === shown || commit(draft)) setDraft(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (ime.composing(event)) return;
    if (event.key === 'Enter' && (kind !== 'textarea' || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      finish();
    } else if (event.key === 'Escape' && draft !== null) {
      event.preventDefault();
      setDraft(null);
    }
  };
  const common = {
    id,
    value: draft ?? shown,
    placeholder,
    'aria-invalid': problem !== null ? true : undefined,
    'aria-describedby': [describedBy, problem === null ? undefined : problemId].filter((part) => part !== undefined).join(' ') || undefined,
    onKeyDown,
    onBlur: finish,
    onCompositionStart: ime.handlers.onCompositionStart,
    onCompositionEnd: ime.handlers.onCompositionEnd,
  };
  return (
    <>
      {kind === 'textarea' ? (
        <textarea {...common} className={raw ? 'fm-raw' : 'fm-multiline'} spellCheck={!raw} rows={Math.min(8, Math.max(2, (draft ?? shown).split('\n').length))} onChange={(event) => setDraft(event.currentTarget.value)} />
      ) : (
        <input {...common} type={kind} onChange={(event) => setDraft(event.currentTarget.value)} />
      )}
      {problem === null ? null : (
        <p id={problemId} className="fm-error" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}

function AddField({ cx }: { cx: FormContext }) {
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ime = useImeGuard();
  const errorId = useId();

  const add = () => {
    if (key.trim() === '') return;
    const problem = cx.apply(() => addFieldEdit(cx.text(), key, value));
    setError(problem);
    if (problem === null) {
      setKey('');
      setValue('');
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || ime.composing(event)) return;
    event.preventDefault();
    add();
  };
  const inputProps = { onKeyDown, 'aria-describedby': error === null ? undefined : errorId, ...ime.handlers };
  return (
    <div className="fm-add" role="group" aria-label={cx.s('frontMatter.addField')}>
      <input type="text" className="fm-add-key" aria-label={cx.s('frontMatter.newKey')} placeholder="key" value={key} onChange={(event) => setKey(event.currentTarget.value)} {...inputProps} />
      <input type="text" className="fm-add-value" aria-label={cx.s('frontMatter.newValue')} placeholder="value" value={value} onChange={(event) => setValue(event.currentTarget.value)} {...inputProps} />
      <button type="button" onClick={add} disabled={key.trim() === ''}>
        {cx.s('frontMatter.addField')}
      </button>
      {error === null ? null : (
        <p id={errorId} className="fm-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

const noSubscription = () => () => undefined;

/** The text up to the end of the front matter block (empty without one): what the form is made from. */
function frontMatterHead(text: string): string {
  const block = splitFrontMatter(text);
  return block ? text.slice(0, block.bodyStart) : '';
}
