// What every `hub` command is made of (src/main.ts lists them; groups of commands with more code
// live beside this file): its declaration, the usage error, and the platform opened for one command.
import type { Config } from '../config.ts';
import { openPlatform, type Platform } from '../server.ts';

/** A mistake in the command line: printed without "Error:", exit code 2. */
export class UsageError extends Error {}

export type Options = Record<string, { type: 'string' | 'boolean'; short?: string; description: string }>;

export interface Command {
  usage: string;
  summary: string;
  options: Options;
  positionals?: number;
  run: (args: {
    values: Record<string, string | boolean | undefined>;
    positionals: string[];
    config: Config;
  }) => Promise<void>;
}

/** Opens the platform (quieter than a server's log), runs `work`, and closes it. */
export async function withPlatform(
  config: Config,
  work: (platform: Platform) => Promise<void>,
): Promise<void> {
  const platform = openPlatform({
    ...config,
    logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel,
  });
  try {
    await work(platform);
  } finally {
    await platform.close();
  }
}
