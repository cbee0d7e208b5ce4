// Runs wrk (HTTP load generator, Debian package `wrk`) and reads its summary.
import { spawnSync } from 'node:child_process';

export interface WrkOptions {
  threads: number;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
}

export interface WrkResult {
  requestsPerSecond: number;
  requests: number;
  /** Socket errors and non-2xx/3xx responses wrk reported. */
  problems: string[];
}

export function parseWrk(output: string): WrkResult {
  const rps = /Requests\/sec:\s*([\d.]+)/.exec(output)?.[1];
  if (rps === undefined) throw new Error(`wrk printed no Requests/sec:\n${output}`);
  const requests = /(\d+) requests in/.exec(output)?.[1];
  const problems = output
    .split('\n')
    .filter((line) => /Socket errors|Non-2xx or 3xx/.test(line))
    .map((line) => line.trim());
  return { requestsPerSecond: Number(rps), requests: Number(requests ?? 0), problems };
}

export function runWrk(url: string, options: WrkOptions): WrkResult {
  const args = [`-t${options.threads}`, `-c${options.connections}`, `-d${options.seconds}s`];
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push('-H', `${name}: ${value}`);
  args.push(url);
  const result = spawnSync('wrk', args, { encoding: 'utf8', timeout: (options.seconds + 30) * 1000 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`wrk ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  return parseWrk(result.stdout);
}
