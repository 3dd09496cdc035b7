import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostSummary } from '../../../shared/model/site';
import { errorMessage, useClient } from '../../app/client-context';
import { useDialog } from '../dialogs/DialogHost';

interface ActionHooks {
  posts: readonly PostSummary[];
  /** Open a post (after the caller's unsaved-changes guard). */
  open(path: string): Promise<void>;
  /** Before acting on `path`: save or discard its unsaved edits; false when the user cancelled. */
  settle(path: string): Promise<boolean>;
  /** The post at `path` is gone (deleted or renamed away). */
  gone(path: string): void;
  report(message: string): void;
}

const nameOf = (posts: readonly PostSummary[], path: string) => posts.find((p) => p.path === path)?.title ?? path.slice(path.lastIndexOf('/') + 1);

/** New post, rename, duplicate, delete, publish and unpublish, each asking what it needs first. */
export function usePostActions({ posts, open, settle, gone, report }: ActionHooks) {
  const client = useClient();
  const ask = useDialog();
  const { t } = useTranslation();

  const attempt = useCallback(
    async (action: () => Promise<void>) => {
      try {
        await action();
      } catch (e) {
        report(errorMessage(e));
      }
    },
    [report],
  );

  const newPost = useCallback(
    (draft: boolean) =>
      attempt(async () => {
        const answer = await ask({
          title: t(draft ? 'dialog.newDraftTitle' : 'dialog.newPostTitle'),
          fields: [
            { name: 'title', label: t('dialog.titleLabel'), type: 'text', value: '' },
            { name: 'slug', label: t('dialog.slugLabel'), type: 'text', value: '' },
            { name: 'ascii', label: t('dialog.asciiSlug'), type: 'checkbox', value: false },
          ],
          buttons: [
            { id: 'cancel', label: t('dialog.cancel') },
            { id: 'create', label: t('dialog.create'), primary: true },
          ],
          cancel: 'cancel',
        });
        const title = String(answer.values['title'] ?? '').trim();
        if (answer.button !== 'create' || title === '') return;
        const slug = String(answer.values['slug'] ?? '').trim();
        const created = await client.createPost({ title, draft, ascii: answer.values['ascii'] === true, ...(slug ? { slug } : {}) });
        await open(created.path);
      }),
    [attempt, ask, client, open, t],
  );

  const rename = useCallback(
    (path: string) =>
      attempt(async () => {
        if (!(await settle(path))) return;
        const post = posts.find((p) => p.path === path);
        const answer = await ask({
          title: t('dialog.renameTitle'),
          fields: [
            { name: 'title', label: t('dialog.titleLabel'), type: 'text', value: post?.title ?? '' },
            { name: 'slug', label: t('dialog.slugLabel'), type: 'text', value: post?.slug ?? '' },
            { name: 'date', label: t('dialog.dateLabel'), type: 'text', value: post?.date.slice(0, 10) ?? '' },
          ],
          buttons: [
            { id: 'cancel', label: t('dialog.cancel') },
            { id: 'rename', label: t('dialog.rename'), primary: true },
          ],
          cancel: 'cancel',
        });
        if (answer.button !== 'rename') return;
        const change = {
          ...(answer.values['title'] !== (post?.title ?? '') ? { title: String(answer.values['title']) } : {}),
          ...(answer.values['slug'] !== (post?.slug ?? '') ? { slug: String(answer.values['slug']) } : {}),
          ...(answer.values['date'] !== (post?.date.slice(0, 10) ?? '') ? { date: String(answer.values['date']) } : {}),
        };
        if (Object.keys(change).length === 0) return;
        const { hash } = await client.readPost(path);
        const renamed = await client.renamePost(path, change, hash);
        if (renamed.path !== path) gone(path);
        await open(renamed.path);
      }),
    [attempt, ask, client, gone, open, posts, settle, t],
  );

  const duplicate = useCallback(
    (path: string) =>
      attempt(async () => {
        if (!(await settle(path))) return;
        const copy = await client.duplicatePost(path);
        await open(copy.path);
      }),
    [attempt, client, open, settle],
  );

  const remove = useCallback(
    (path: string) =>
      attempt(async () => {
        const answer = await ask({
          title: t('dialog.deleteTitle', { name: nameOf(posts, path) }),
          message: t('dialog.deleteMessage', { path }),
          buttons: [
            { id: 'cancel', label: t('dialog.cancel'), primary: true },
            { id: 'delete', label: t('dialog.delete'), danger: true },
          ],
          cancel: 'cancel',
        });
        if (answer.button !== 'delete') return;
        const { hash } = await client.readPost(path);
        await client.deletePost(path, hash);
        gone(path);
      }),
    [attempt, ask, client, gone, posts, t],
  );

  const publish = useCallback(
    (path: string) =>
      attempt(async () => {
        if (!(await settle(path))) return;
        const answer = await ask({
          title: t('dialog.publishTitle', { name: nameOf(posts, path) }),
          message: t('dialog.publishMessage'),
          buttons: [
            { id: 'cancel', label: t('dialog.cancel') },
            { id: 'publish', label: t('dialog.publish'), primary: true },
          ],
          cancel: 'cancel',
        });
        if (answer.button !== 'publish') return;
        const { hash } = await client.readPost(path);
        const published = await client.publishPost(path, {}, hash);
        if (published.path !== path) gone(path);
        await open(published.path);
      }),
    [attempt, ask, client, gone, open, posts, settle, t],
  );

  const unpublish = useCallback(
    (path: string) =>
      attempt(async () => {
        if (!(await settle(path))) return;
        const { hash } = await client.readPost(path);
        await client.unpublishPost(path, hash);
        await open(path);
      }),
    [attempt, client, open, settle],
  );

  return { newPost, rename, duplicate, remove, publish, unpublish };
}
