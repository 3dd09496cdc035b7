/** A read-only unified diff: added lines, removed lines and hunk headers marked for the eye and for screen readers by their first character. */
export function DiffView({ path, text, label }: { path: string; text: string; label: string }) {
  const lines = text.split('\n').filter((line, i, all) => i < all.length - 1 || line !== '');
  return (
    <pre className="git-diff" role="region" aria-label={label} data-path={path}>
      {lines.map((line, i) => (
        <span key={i} className={line.startsWith('+') && !line.startsWith('+++') ? 'diff-add' : line.startsWith('-') && !line.startsWith('---') ? 'diff-del' : line.startsWith('@@') ? 'diff-hunk' : undefined}>
          {line}
          {'\n'}
        </span>
      ))}
    </pre>
  );
}
