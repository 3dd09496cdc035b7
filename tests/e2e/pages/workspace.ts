import { expect, type Locator, type Page } from '@playwright/test';

/** The writing workspace as a user sees it, in the browser or the desktop app (page object). */
export class Workspace {
  constructor(readonly page: Page) {}

  /** The post library: a listbox whose options are named by post title. */
  get posts(): Locator {
    return this.page.getByRole('listbox', { name: 'Posts' });
  }

  /** The front-matter form. */
  get form(): Locator {
    return this.page.getByRole('form', { name: 'Front matter' });
  }

  /** A modal dialog (unsaved changes, conflicts, prompts). */
  get dialog(): Locator {
    return this.page.getByRole('alertdialog');
  }

  /** The tags and categories panel (Ctrl+Shift+T). */
  get taxonomy(): Locator {
    return this.page.getByRole('region', { name: 'Tags and categories' });
  }

  /** The status bar (saved state and messages). */
  get status(): Locator {
    return this.page.getByRole('status');
  }

  /** Open a post by its title in the library; resolves with its editor. */
  async open(title: string | RegExp, path: string): Promise<Locator> {
    await this.posts.getByRole('option', { name: title }).click();
    const editor = this.page.getByRole('textbox', { name: `Text of ${path}` });
    await expect(editor).toBeVisible();
    return editor;
  }

  /** Put the cursor at the end of the editor line showing `lineText`, then type `text` like a user. */
  async typeAtEndOfLine(editor: Locator, lineText: string, text: string): Promise<void> {
    await editor.getByText(lineText, { exact: true }).click();
    await this.page.keyboard.press('End');
    await this.page.keyboard.type(text);
  }

  /** Save with the keyboard shortcut and wait until the post is clean. */
  async saveWithShortcut(): Promise<void> {
    await this.page.keyboard.press('Control+s');
    await expect(this.status).not.toContainText('Unsaved');
  }
}
