// A file's size as messages write it: `840 kB`, `12.5 MB`.

export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}
