/** The environment a command reads and the streams it writes to, passed in so tests need no child process. */
export interface CommandIo {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Builds the io of the running process. */
export function processIo(): CommandIo {
  return {
    env: process.env,
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
}
