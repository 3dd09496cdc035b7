/**
 * What the kramdown emulation keeps per document in markdown-it's `env`: definitions collected
 * while parsing (footnotes, abbreviations, attribute list definitions) and the footnote numbering
 * done while rendering, as kramdown's converter numbers footnotes in the order it meets them.
 */
import type { Env, Token } from 'markdown-it';
import type { AttributeList } from './kramdown-attributes';
import type { MarkdownInput } from './types';

/** A footnote definition: its blocks, parsed from `source` (the definition with one indent removed). */
export interface FootnoteDefinition {
  tokens: Token[];
  source: string;
}

/** A footnote the rendering has referenced, in reference order. */
export interface FootnoteUse {
  name: string;
  number: number;
  /** How many references after the first (`fnref:name:1`, `fnref:name:2`…). */
  repeats: number;
}

/** The per-document state. */
export interface KramdownState {
  input: MarkdownInput;
  footnotes: Map<string, FootnoteDefinition>;
  /** `*[HTML]: Hyper Text…`: abbreviation → title. */
  abbreviations: Map<string, string>;
  /** `{:name: .cls}` attribute list definitions. */
  alds: Map<string, AttributeList>;
  footnoteUses: FootnoteUse[];
  footnoteUseByName: Map<string, FootnoteUse>;
  /**
   * kramdown's `auto_ids`: the site's setting, then each `{::options auto_ids}` met while parsing;
   * the value once parsing is done applies to the whole document (kramdown-options.ts).
   */
  autoIds: boolean;
}

const KEY = 'kramdown';

/** A fresh env for one document; `autoIds` is the site's `kramdown: auto_ids:` (default true). */
export function createEnv(input: MarkdownInput, autoIds = true): Env {
  const state: KramdownState = {
    input,
    footnotes: new Map(),
    abbreviations: new Map(),
    alds: new Map(),
    footnoteUses: [],
    footnoteUseByName: new Map(),
    autoIds,
  };
  return { [KEY]: state };
}

/** The state of the document being parsed or rendered. */
export function kramdownState(env: Env | undefined): KramdownState {
  const state = env?.[KEY] as KramdownState | undefined;
  if (!state) throw new Error('kramdown state missing: render through renderMarkdown(), which creates the env');
  return state;
}
