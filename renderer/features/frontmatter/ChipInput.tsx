import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { chipText, type ChipValue } from '../../../shared/frontmatter/form-model';

/**
 * Whether a key press belongs to an IME composition (a Hangul syllable being built). Browsers
 * disagree on how they say so: `isComposing` on the event, keyCode 229 (Safari sends it for the
 * Enter that ends a composition, after compositionend), or only the composition events, which
 * the returned handlers track. Put `handlers` on the input and ask `composing(event)`.
 */
export function useImeGuard() {
  const active = useRef(false);
  return {
    composing: (event: KeyboardEvent) => active.current || event.nativeEvent.isComposing || event.keyCode === 229,
    /** Between compositionstart and compositionend, for events that carry no flag of their own. */
    active: () => active.current,
    handlers: {
      onCompositionStart: () => {
        active.current = true;
      },
      onCompositionEnd: () => {
        active.current = false;
      },
    },
  };
}

interface ChipInputProps {
  /** The text input's id, which the field's <label> points at (its accessible name is the key). */
  id: string;
  chips: readonly ChipValue[];
  /** Names to offer, in the order to offer them. */
  suggestions?: readonly string[];
  disabled?: boolean;
  describedBy?: string | undefined;
  /** The accessible name of the button that removes `chip`, e.g. "Remove tag OpenAI". */
  removeLabel(chip: string): string;
  /** The new chips; false when they could not be written (the typed text then stays). */
  onChange(next: ChipValue[]): boolean;
}

/**
 * Chips with a text input: Enter or a comma adds the typed name, a chip's button removes it,
 * Backspace in the empty input removes the last one. Nothing is committed while an IME is
 * composing, so a half-built Hangul syllable never becomes a chip; the Enter that follows the
 * composition adds exactly one. Kept chips keep their YAML type (`2025` stays a number).
 */
export function ChipInput({ id, chips, suggestions = [], disabled = false, describedBy, removeLabel, onChange }: ChipInputProps) {
  const [draft, setDraft] = useState('');
  const ime = useImeGuard();
  const listId = useId();
  const present = new Set(chips.map(chipText));
  const offered = suggestions.filter((name) => !present.has(name));

  const add = (names: readonly string[]): boolean => {
    const seen = new Set(present);
    const added: string[] = [];
    for (const name of names.map((n) => n.trim())) {
      if (name === '' || seen.has(name)) continue;
      seen.add(name);
      added.push(name);
    }
    return added.length === 0 || onChange([...chips, ...added]);
  };

  // A comma ends a chip whether typed or pasted; the text after the last comma stays in the input.
  const takeCommas = (value: string) => {
    if (!value.includes(',')) {
      setDraft(value);
      return;
    }
    const parts = value.split(',');
    const rest = parts.pop() ?? '';
    setDraft(add(parts) ? rest : value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (ime.composing(event)) return;
    if (event.key === 'Enter') {
      // The input, not state: the last syllable may have landed after the last render.
      const value = event.currentTarget.value;
      event.preventDefault();
      if (value.trim() !== '' && add(value.split(','))) setDraft('');
    } else if (event.key === 'Backspace' && event.currentTarget.value === '' && chips.length > 0) {
      event.preventDefault();
      onChange(chips.slice(0, -1));
    }
  };

  return (
    <div className="fm-chips">
      {chips.length > 0 ? (
        <ul className="fm-chip-list">
          {chips.map((chip, index) => (
            <li className="fm-chip" key={`${index}:${chipText(chip)}`}>
              <span>{chipText(chip)}</span>
              <button type="button" aria-label={removeLabel(chipText(chip))} disabled={disabled} onClick={() => onChange(chips.filter((_, i) => i !== index))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={id}
        type="text"
        className="fm-chip-input"
        autoComplete="off"
        value={draft}
        disabled={disabled}
        aria-describedby={describedBy}
        list={offered.length > 0 ? listId : undefined}
        onChange={(event) => {
          const value = event.currentTarget.value;
          const native = event.nativeEvent as Event & { isComposing?: boolean; inputType?: string };
          if (ime.active() || native.isComposing === true) setDraft(value);
          // Picking a suggestion from the list is a whole name: add it at once.
          else if (native.inputType === 'insertReplacementText' && offered.includes(value)) setDraft(add([value]) ? '' : value);
          else takeCommas(value);
        }}
        onKeyDown={onKeyDown}
        onCompositionStart={ime.handlers.onCompositionStart}
        onCompositionEnd={(event) => {
          ime.handlers.onCompositionEnd();
          takeCommas(event.currentTarget.value);
        }}
      />
      {offered.length > 0 ? (
        <datalist id={listId}>
          {offered.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      ) : null}
    </div>
  );
}
