// A progress bar for multi-workbook audits — workbooks done of all, time left, the last one done — on
// standard error and only when that is a terminal, so that redirected output and logs stay clean.
import cliProgress from 'cli-progress';

export interface Progress {
  /** One more workbook done. */
  step(label: string): void;
  /** Writes lines (a failed workbook's) above the bar rather than through it. */
  interrupt(write: () => void): void;
  stop(): void;
}

const SILENT: Progress = { step: () => {}, interrupt: (write) => write(), stop: () => {} };

export function startProgress(total: number, enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!enabled || total < 2) return SILENT;
  const bar = new cliProgress.SingleBar({
    stream,
    format: 'ereje audit [{bar}] {value}/{total} | {eta_formatted} left | {file}',
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 20,
  }, cliProgress.Presets.shades_classic);
  bar.start(total, 0, { file: '' });
  return {
    step: (label) => bar.increment(1, { file: label }),
    interrupt: (write) => {
      stream.write('\r\x1b[2K');
      write();
      bar.render();
    },
    stop: () => bar.stop(),
  };
}
