// A progress bar for multi-workbook audits, on standard error and only when that is a terminal, so
// that redirected output and logs stay clean.
import cliProgress from 'cli-progress';

export interface Progress {
  step(label: string): void;
  stop(): void;
}

const SILENT: Progress = { step: () => {}, stop: () => {} };

export function startProgress(total: number, enabled: boolean): Progress {
  if (!enabled || total < 2) return SILENT;
  const bar = new cliProgress.SingleBar({
    stream: process.stderr,
    format: 'ereje audit [{bar}] {value}/{total} {file}',
    hideCursor: true,
    clearOnComplete: true,
  }, cliProgress.Presets.shades_classic);
  bar.start(total, 0, { file: '' });
  return {
    step: (label) => bar.increment(1, { file: label }),
    stop: () => bar.stop(),
  };
}
