import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write';

/** How many recently opened sites File › Open Recent lists. */
export const RECENT_SITES = 10;

const settingsSchema = z.object({
  lastSite: z.string().optional(),
  /** Most recent first. */
  recentSites: z.array(z.string()).max(RECENT_SITES).optional(),
  window: z
    .object({ width: z.number().int().min(400), height: z.number().int().min(300), x: z.number().int().optional(), y: z.number().int().optional() })
    .optional(),
});

/** What the desktop app remembers between starts. */
export type AppSettings = z.infer<typeof settingsSchema>;

/** Settings kept as JSON in the app's data folder; an unreadable file means defaults, never a crash. */
export class SettingsStore {
  private readonly file: string;
  private current: AppSettings;
  /** Writes run one after another, so an older snapshot never lands after a newer one. */
  private writing: Promise<void> = Promise.resolve();

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'settings.json');
    this.current = this.load();
  }

  /** The settings as last loaded or saved. */
  get(): AppSettings {
    return this.current;
  }

  /** Merge `patch` into the settings and write them atomically. */
  update(patch: Partial<AppSettings>): Promise<void> {
    this.current = settingsSchema.parse({ ...this.current, ...patch });
    const snapshot = `${JSON.stringify(this.current, null, 2)}\n`;
    const write = async () => {
      await mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, Buffer.from(snapshot), 0o600);
    };
    this.writing = this.writing.then(write, write);
    return this.writing;
  }

  /** Remember `root` as the site open now: the last site, and first among the recent ones. */
  rememberSite(root: string): Promise<void> {
    const recentSites = [root, ...(this.current.recentSites ?? []).filter((r) => r !== root)].slice(0, RECENT_SITES);
    return this.update({ lastSite: root, recentSites });
  }

  private load(): AppSettings {
    try {
      return settingsSchema.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch {
      return {};
    }
  }
}
