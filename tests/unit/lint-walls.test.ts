/**
 * The walls between runtimes are enforced by ESLint (and by per-folder tsconfigs). These cases
 * prove a wrong import fails `npm run lint`, and that the allowed ones still pass.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/temp-site';

const eslint = new ESLint({ cwd: REPO_ROOT });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('import walls', () => {
  it.each([
    ['renderer/features/posts/Bad.tsx', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;"],
    ['renderer/app/bad.ts', "import fs from 'node:fs';\nexport const x = fs;"],
    ['renderer/app/bad.ts', "import { readFileSync } from 'fs';\nexport const x = readFileSync;"],
    ['renderer/app/bad.ts', "import { SiteService } from '../../electron/core/site-service';\nexport const x = SiteService;"],
    ['shared/jekyll/bad.ts', "import path from 'node:path';\nexport const x = path;"],
    ['shared/contract/bad.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['shared/rpc/bad.ts', "import { useState } from 'react';\nexport const x = useState;"],
    ['electron/core/bad.ts', "import { dialog } from 'electron';\nexport const x = dialog;"],
    ['electron/cli/bad.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['electron/core/bad.ts', "import { app } from 'electron/main';\nexport const x = app;"],
    ['electron/core/bad.ts', "export const x = await import('electron');"],
    ['electron/core/bad.ts', "import { buildMenu } from '../main/menu';\nexport const x = buildMenu;"],
    ['renderer/app/bad.ts', "import { ipcRenderer } from 'electron/renderer';\nexport const x = ipcRenderer;"],
  ])('%s may not import that', async (file, code) => {
    expect(await restrictedImports(file, code)).not.toEqual([]);
  });

  it.each([
    ['electron/main/ok.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['electron/preload/ok.ts', "import { contextBridge } from 'electron';\nexport const x = contextBridge;"],
    ['electron/core/ok.ts', "import fs from 'node:fs';\nexport const x = fs;"],
    ['renderer/app/ok.ts', "import { useState } from 'react';\nexport const x = useState;"],
  ])('%s may import that', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});
