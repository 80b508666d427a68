/** One structured log entry of the correlator. */
export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  [field: string]: unknown;
}

/** Receives log entries; the default writes JSON Lines to standard error. */
export type Logger = (entry: LogEntry) => void;

/** Builds a logger that writes each entry as one JSON line with a timestamp. */
export function jsonLineLogger(write: (line: string) => void): Logger {
  return (entry) => {
    write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
  };
}
