// A fatal error is one clear line for the user (what, where, what to do); exit code 2.
export class FatalError extends Error {
  constructor(message: string, readonly exitCode: number = 2) {
    super(message);
    this.name = 'FatalError';
  }
}
