import { StateEffect, StateField, type EditorState, type Extension, type TransactionSpec } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { MAX_ASSET_BYTES, assetTooLargeMessage } from '../../../shared/contract/schemas';

/** How pasted and dropped images are saved and how failures are told. */
export interface ImagePasteOptions {
  /** Save one image, given with its bytes as base64; resolves with the URL the post links it with. */
  save(file: File, base64: string): Promise<string>;
  /** Tell the user why an image was not added. */
  onError(message: string): void;
}

/** Extensions saved as images even when the browser gives the file no type. */
const IMAGE_NAME = /\.(png|jpe?g|gif|webp|avif|svg)$/iu;

/** Where the links of one paste or drop go; mapped through every edit made while the images save. */
interface PendingImages {
  id: number;
  pos: number;
}

const addPending = StateEffect.define<PendingImages>();
const removePending = StateEffect.define<number>();

/**
 * The insertion points of pastes and drops whose images are still saving. An upload takes a
 * moment, and the user may type meanwhile: the point moves with the text around it.
 */
export const pendingImages = StateField.define<readonly PendingImages[]>({
  create: () => [],
  update(pending, tr) {
    // assoc 1: text typed at the point goes before the link, as if the link arrived last.
    let next = tr.docChanged ? pending.map((p) => ({ id: p.id, pos: tr.changes.mapPos(p.pos, 1) })) : pending;
    for (const effect of tr.effects) {
      if (effect.is(addPending)) next = [...next, effect.value];
      else if (effect.is(removePending)) next = next.filter((p) => p.id !== effect.value);
    }
    return next;
  },
});

/** The effect that starts tracking insertion point `pos` of paste or drop `id`. */
export function startPendingImages(id: number, pos: number): StateEffect<PendingImages> {
  return addPending.of({ id, pos });
}

/** The effect that stops tracking paste or drop `id`. */
export function endPendingImages(id: number): StateEffect<number> {
  return removePending.of(id);
}

/**
 * Insert `text` at the current point of paste or drop `id`; a cursor waiting right there moves
 * after it, so several images land in order. Null when `id` is not pending.
 */
export function insertAtPending(state: EditorState, id: number, text: string): TransactionSpec | null {
  const pending = state.field(pendingImages, false)?.find((p) => p.id === id);
  if (!pending) return null;
  const main = state.selection.main;
  const cursorThere = main.empty && main.head === pending.pos;
  return {
    changes: { from: pending.pos, insert: text },
    ...(cursorThere ? { selection: { anchor: pending.pos + text.length } } : {}),
    userEvent: 'input.paste',
  };
}

/** `![photo](url)`: the link to an image, its alt text the file name without extension. */
export function imageMarkdown(fileName: string, url: string): string {
  const stem = (name: string) => name.replace(/\.[^./]*$/u, '');
  let alt = stem(fileName).trim();
  if (alt === '') {
    const last = url.slice(url.lastIndexOf('/') + 1);
    try {
      alt = stem(decodeURIComponent(last));
    } catch {
      alt = stem(last);
    }
  }
  return `![${alt.replace(/[\\[\]]/gu, (c) => `\\${c}`)}](${url})`;
}

/** The bytes of a file as base64, without the `data:…;base64,` prefix. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}.`));
    reader.readAsDataURL(file);
  });
}

let nextId = 1;

/**
 * Pasting or dropping image files saves each (through `save`) and links it where it was pasted
 * (the cursor) or dropped (the pointer). Other pastes and drops are left to the editor.
 */
export function imagePaste(options: ImagePasteOptions): Extension {
  const handle = (view: EditorView, files: FileList | undefined | null, pos: number | null): boolean => {
    const images = [...(files ?? [])].filter((file) => file.type.startsWith('image/') || IMAGE_NAME.test(file.name));
    if (images.length === 0 || view.state.readOnly) return false;
    const id = nextId++;
    view.dispatch({ effects: startPendingImages(id, pos ?? view.state.selection.main.head) });
    void (async () => {
      let added = 0;
      for (const file of images) {
        // A closed editor takes no edits: the rest are not saved.
        if (!view.dom.isConnected) break;
        try {
          if (file.size > MAX_ASSET_BYTES) throw new Error(assetTooLargeMessage(file.size));
          const url = await options.save(file, await readAsBase64(file));
          if (!view.dom.isConnected) {
            options.onError(`The image was saved as ${url}, but its post was closed before the link was added.`);
            break;
          }
          const spec = insertAtPending(view.state, id, `${added > 0 ? view.state.lineBreak : ''}${imageMarkdown(file.name, url)}`);
          if (spec) view.dispatch(spec);
          added++;
        } catch (error) {
          options.onError(error instanceof Error ? error.message : String(error));
        }
      }
      if (view.dom.isConnected) view.dispatch({ effects: endPendingImages(id) });
    })();
    return true;
  };
  return [
    pendingImages,
    EditorView.domEventHandlers({
      paste(event, view) {
        const handled = handle(view, event.clipboardData?.files, null);
        if (handled) event.preventDefault();
        return handled;
      },
      drop(event, view) {
        const handled = handle(view, event.dataTransfer?.files, view.posAtCoords({ x: event.clientX, y: event.clientY }));
        if (handled) event.preventDefault();
        return handled;
      },
    }),
  ];
}
