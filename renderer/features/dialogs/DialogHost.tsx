import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

/** A button of a dialog; the first `primary` one is the default (Enter). */
export interface DialogButton {
  id: string;
  label: string;
  primary?: boolean;
  danger?: boolean;
}

/** A text, date or checkbox field of a dialog. */
export interface DialogField {
  name: string;
  label: string;
  type: 'text' | 'checkbox';
  value: string | boolean;
}

/** What a dialog shows. `cancel` is the button id that Escape (or closing) answers. */
export interface DialogRequest {
  title: string;
  message?: string;
  buttons: DialogButton[];
  cancel: string;
  fields?: DialogField[];
  /** Extra content under the message (a diff view). */
  body?: ReactNode;
  wide?: boolean;
}

/** The button the user chose and the field values at that moment. */
export interface DialogAnswer {
  button: string;
  values: Record<string, string | boolean>;
}

type Ask = (request: DialogRequest) => Promise<DialogAnswer>;
const DialogContext = createContext<Ask | null>(null);

/** Ask the user something in a modal dialog. */
export function useDialog(): Ask {
  const ask = useContext(DialogContext);
  if (!ask) throw new Error('useDialog() needs a <DialogHost> above it.');
  return ask;
}

interface Pending {
  request: DialogRequest;
  resolve(answer: DialogAnswer): void;
}

/**
 * Shows one modal dialog at a time (questions asked meanwhile wait their turn). A native
 * <dialog> gives the focus trap, Escape and the inert background for free.
 */
export function DialogHost({ children }: { children: ReactNode }) {
  const [queue, setQueue] = useState<Pending[]>([]);
  const ask = useCallback<Ask>((request) => new Promise((resolve) => setQueue((q) => [...q, { request, resolve }])), []);
  const current = queue[0];
  const answer = useCallback(
    (button: string, values: Record<string, string | boolean>) => {
      current?.resolve({ button, values });
      setQueue((q) => q.slice(1));
    },
    [current],
  );
  return (
    <DialogContext.Provider value={ask}>
      {children}
      {current ? <ModalDialog key={queue.length + current.request.title} request={current.request} onAnswer={answer} /> : null}
    </DialogContext.Provider>
  );
}

function ModalDialog({ request, onAnswer }: { request: DialogRequest; onAnswer(button: string, values: Record<string, string | boolean>): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [values, setValues] = useState<Record<string, string | boolean>>(() => Object.fromEntries((request.fields ?? []).map((f) => [f.name, f.value])));
  const valuesRef = useRef(values);
  useEffect(() => {
    valuesRef.current = values;
  }, [values]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    dialog.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onAnswer(request.cancel, valuesRef.current);
    };
    dialog.addEventListener('cancel', onCancel);
    return () => dialog.removeEventListener('cancel', onCancel);
  }, [onAnswer, request.cancel]);

  const primary = request.buttons.find((b) => b.primary);
  const titleId = 'dialog-title';
  return (
    <dialog ref={ref} className={`dialog${request.wide ? ' dialog-wide' : ''}`} aria-labelledby={titleId} role="alertdialog">
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (primary) onAnswer(primary.id, values);
        }}
      >
        <h2 id={titleId}>{request.title}</h2>
        {request.message ? <p>{request.message}</p> : null}
        {(request.fields ?? []).map((field) => (
          <label key={field.name} className={`dialog-field dialog-field-${field.type}`}>
            {field.type === 'checkbox' ? (
              <input type="checkbox" checked={values[field.name] === true} onChange={(e) => setValues((v) => ({ ...v, [field.name]: e.target.checked }))} />
            ) : null}
            <span>{field.label}</span>
            {field.type === 'text' ? (
              <input type="text" autoFocus={field === request.fields?.[0]} value={String(values[field.name] ?? '')} onChange={(e) => setValues((v) => ({ ...v, [field.name]: e.target.value }))} />
            ) : null}
          </label>
        ))}
        {request.body}
        <div className="dialog-buttons">
          {request.buttons.map((button) => (
            <button
              key={button.id}
              type={button === primary ? 'submit' : 'button'}
              className={button.danger ? 'danger' : button.primary ? 'primary' : undefined}
              onClick={button === primary ? undefined : () => onAnswer(button.id, values)}
            >
              {button.label}
            </button>
          ))}
        </div>
      </form>
    </dialog>
  );
}
