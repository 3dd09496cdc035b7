/**
 * kramdown's Boolean option values and `_config.yml`'s `kramdown: auto_ids:`, as Jekyll 4.3.1
 * (kramdown 2.4.0) reads them: each row was built with `jekyll build`.
 */
import { describe, expect, it } from 'vitest';
import { configAutoIds, parseKramdownBoolean } from '../../../../shared/markdown/kramdown-options';

describe('parseKramdownBoolean', () => {
  it.each([
    [true, true],
    [false, false],
    ['false', false],
    ['False', false],
    [' FALSE ', false],
    ['', false],
    ['true', true],
    ['no', true],
    ['0', true],
    [0, true],
  ])('%j → %j', (value, expected) => {
    expect(parseKramdownBoolean(value)).toBe(expected);
  });
});

describe('configAutoIds', () => {
  it.each([
    [{}, true],
    [{ kramdown: null }, true],
    [{ kramdown: { input: 'GFM' } }, true],
    // `auto_ids:` with no value keeps Jekyll's default.
    [{ kramdown: { auto_ids: null } }, true],
    [{ kramdown: { auto_ids: false } }, false],
    [{ kramdown: { auto_ids: 'False' } }, false],
    [{ kramdown: { auto_ids: 'no' } }, true],
    [{ kramdown: { auto_ids: 0 } }, true],
    [{ kramdown: ['auto_ids'] }, true],
  ])('%j → %j', (config, expected) => {
    expect(configAutoIds(config)).toBe(expected);
  });
});
