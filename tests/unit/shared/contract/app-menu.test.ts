import { describe, expect, it } from 'vitest';
import { menuSpecSchema, toAccelerator } from '../../../../shared/contract/app-menu';

describe('the desktop menu contract', () => {
  it('turns CodeMirror-style shortcuts into Electron accelerators', () => {
    expect(toAccelerator('Mod-s')).toBe('CmdOrCtrl+S');
    expect(toAccelerator('Mod-Shift-n')).toBe('CmdOrCtrl+Shift+N');
    expect(toAccelerator('F2')).toBe('F2');
    expect(toAccelerator('Mod-Shift-Backspace')).toBe('CmdOrCtrl+Shift+Backspace');
    expect(toAccelerator('Mod-,')).toBe('CmdOrCtrl+,');
  });

  it('accepts the registry the renderer sends and refuses anything else', () => {
    const item = { id: 'post.new', label: 'New post', shortcut: 'Mod-n', enabled: true, menu: 'post' };
    expect(menuSpecSchema.parse([item])).toEqual([item]);
    expect(menuSpecSchema.safeParse([{ ...item, id: 'javascript:alert(1)' }]).success).toBe(false);
    expect(menuSpecSchema.safeParse([{ ...item, shortcut: 'Mod-s; rm -rf' }]).success).toBe(false);
    expect(menuSpecSchema.safeParse([{ ...item, menu: 'help' }]).success).toBe(false);
    expect(menuSpecSchema.safeParse(Array.from({ length: 65 }, () => item)).success).toBe(false);
  });
});
