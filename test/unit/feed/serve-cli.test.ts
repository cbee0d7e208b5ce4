// Issue 17 item 4: `feed serve` as users run it — `npm run feed -- serve --port N --notices DIR` in
// its own process — reloads on add, change and delete in the notices folder, and keeps the last
// good feed on a broken change, logging the file and why. (The in-process tests in server.test.ts
// passed a reload callback, and so never saw that nothing else reloaded.)
import { spawn, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_NOTICES_DIR } from '../../../feed/notices.ts';
import { parseFeed } from '../../../utils/feed/parse.ts';
import { get } from './http-get.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SOLUTIONS = '1688-dm-2023-02-10-solutions.md';

let dir: string;
let child: ChildProcess;
let url: string;
let stderr = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; stderr so far:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function feed() {
  const res = await get(url);
  return { etag: String(res.headers.etag), parsed: await parseFeed(res.body.toString('utf8')) };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sunset-serve-cli-'));
  for (const name of readdirSync(DEFAULT_NOTICES_DIR))
    copyFileSync(path.join(DEFAULT_NOTICES_DIR, name), path.join(dir, name));
  const port = await freePort();
  // Its own process group, so that npm, tsx and node all stop together at the end.
  child = spawn('npm', ['run', '--silent', 'feed', '--', 'serve', '--port', String(port), '--notices', dir], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  url = await until(
    async () => /feed serve: (http:\/\/\S+\/feed\.xml)/.exec(stdout)?.[1],
    'feed serve to print its address',
    30_000,
  );
}, 40_000);

afterAll(() => {
  if (child?.pid) process.kill(-child.pid, 'SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run feed -- serve', () => {
  it('reloads on change, add and delete, and keeps the last good feed on a broken change', async () => {
    const first = await feed();
    expect(first.parsed.notices).toHaveLength(7);

    // Change: a new title in an existing notice.
    const file = path.join(dir, SOLUTIONS);
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace(/^title: .*$/m, 'title: 标题已改'));
    const changed = await until(async () => {
      const f = await feed();
      return f.parsed.notices.some((n) => n.title === '标题已改') ? f : undefined;
    }, 'the changed title');
    expect(changed.etag).not.toBe(first.etag);

    // Add: a new notice file.
    const added = original
      .replace(/^guid: .*$/m, 'guid: serve-cli-added')
      .replace(/^title: .*$/m, 'title: 新增公告');
    writeFileSync(path.join(dir, 'serve-cli-added.md'), added);
    const withAdded = await until(async () => {
      const f = await feed();
      return f.parsed.notices.length === 8 ? f : undefined;
    }, 'the added notice');
    expect(withAdded.parsed.notices.map((n) => n.guid)).toContain('serve-cli-added');

    // A broken change: the last good feed stays, and the log names the file and why.
    writeFileSync(
      path.join(dir, 'serve-cli-added.md'),
      added.replace(/^pubDate: .*$/m, 'pubDate: 2023-02-30T00:00:00+08:00'),
    );
    await until(
      async () =>
        /serve-cli-added\.md: pubDate: .*not a real calendar date/.test(stderr) ? true : undefined,
      'the log line naming the broken file',
    );
    const kept = await feed();
    expect(kept.etag).toBe(withAdded.etag);
    expect(kept.parsed.notices).toHaveLength(8);

    // Delete: the notice leaves the feed.
    unlinkSync(path.join(dir, 'serve-cli-added.md'));
    const afterDelete = await until(async () => {
      const f = await feed();
      return f.parsed.notices.length === 7 ? f : undefined;
    }, 'the deleted notice to leave the feed');
    expect(afterDelete.parsed.notices.map((n) => n.guid)).not.toContain('serve-cli-added');
  }, 60_000);
});
