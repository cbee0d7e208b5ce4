// `npm run feed -- <serve|build|check|extract> [flags]`: the notice feed's command line.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildFeedFiles } from './build.ts';
import { checkNotices } from './check.ts';
import { runExtract } from './extract-command.ts';
import { DEFAULT_NOTICES_DIR } from './notices.ts';
import { startFeedServer } from './server.ts';

const USAGE = `usage: npm run feed -- <command> [flags]

  serve   [--port 8787] [--host 127.0.0.1] [--notices DIR] [--demo]
          serve /feed.xml, /calendar.ics and /healthz; reloads when a notice file changes
  build   [--out dist/feed] [--notices DIR] [--demo]
          write feed.xml and calendar.ics (+ .gz, .br) for a static host or CDN
  check   [--notices DIR]
          validate every notice file; exit 1 naming the file and the field
  extract ...
          turn announcement text into a notice file (see: npm run feed -- extract --help)
`;

function out(text: string): void {
  process.stdout.write(`${text}\n`);
}
function err(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** Runs one command; resolves to the exit code (serve resolves only when it stops). */
export async function runFeedCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'extract') return runExtract(rest);
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    (command === undefined ? err : out)(USAGE);
    return command === undefined ? 2 : 0;
  }
  let values: { port?: string; host?: string; notices?: string; demo?: boolean; out?: string };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        notices: { type: 'string' },
        demo: { type: 'boolean' },
        out: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    err(`feed ${command}: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const notices = values.notices ? path.resolve(values.notices) : DEFAULT_NOTICES_DIR;
  const flagsFor: Record<string, string[]> = {
    serve: ['port', 'host', 'notices', 'demo'],
    build: ['out', 'notices', 'demo'],
    check: ['notices'],
  };
  const allowed = flagsFor[command];
  if (!allowed) {
    err(`feed: unknown command ${JSON.stringify(command)}\n\n${USAGE}`);
    return 2;
  }
  const extra = Object.keys(values).filter((flag) => !allowed.includes(flag));
  if (extra.length > 0) {
    err(`feed ${command}: --${extra.join(', --')} does not apply to ${command}\n\n${USAGE}`);
    return 2;
  }

  if (command === 'check') {
    const result = checkNotices(notices);
    (result.code === 0 ? out : err)(result.output);
    return result.code;
  }

  if (command === 'build') {
    const outDir = path.resolve(values.out ?? 'dist/feed');
    const result = buildFeedFiles(outDir, notices, { demo: values.demo ?? false, now: Date.now() });
    if (!result.ok) {
      err(`${result.message}\nfeed build: nothing written`);
      return 1;
    }
    for (const f of result.files) out(`${path.relative(process.cwd(), f.file)}  ${f.bytes} bytes`);
    return 0;
  }

  const port = Number(values.port ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    err(`feed serve: --port ${JSON.stringify(values.port)} is not a port number`);
    return 2;
  }
  let server;
  try {
    server = await startFeedServer({
      port,
      host: values.host ?? '127.0.0.1',
      noticesDir: notices,
      demo: values.demo ?? false,
    });
  } catch (error) {
    err((error as Error).message);
    return 1;
  }
  out(`feed serve: ${server.url}/feed.xml${values.demo ? ' (演示 demo: dates shifted)' : ''}`);
  out(`            ${server.url}/calendar.ics   ${server.url}/healthz`);
  out(`            watching ${path.relative(process.cwd(), notices) || notices}; Ctrl+C to stop`);
  const running = server;
  return new Promise<number>((resolve) => {
    const stop = () => {
      void running.close().then(() => resolve(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

// Run when invoked as a script (tsx feed/cli.ts), not when imported by tests.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runFeedCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      err(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exit(1);
    },
  );
}
