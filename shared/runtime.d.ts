/**
 * The few globals every runtime of shared/ has (Electron main, renderer, Node CLI, workers).
 * Declared here because shared/ compiles without the DOM or Node libraries on purpose.
 */
declare const console: {
  error(...data: unknown[]): void;
  warn(...data: unknown[]): void;
};
