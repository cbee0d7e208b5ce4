// `feed check` on test/fixtures/notices-bad/<case>/: each bad case fails naming file and field.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildFeedFiles } from '../../../feed/build.ts';
import { checkNotices } from '../../../feed/check.ts';
import { DEFAULT_NOTICES_DIR } from '../../../feed/notices.ts';
import { startFeedServer } from '../../../feed/server.ts';
import { get } from './http-get.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bad = (name: string) => path.join(root, 'test/fixtures/notices-bad', name);

describe('feed check', () => {
  it.each([
    ['impossible-date', 'bad-date.md', 'products.0.milestones.0.at', /not a real calendar date/],
    ['no-offset', 'no-offset.md', 'products.0.milestones.0.at', /no UTC offset/],
    ['duplicate-guid', 'second.md', 'guid', /duplicate guid "same": also in .*first\.md/],
    ['unknown-action', 'unknown-action.md', 'products.0.milestones.0.action', /unknown action "shutdown"/],
    ['http-link', 'http-link.md', 'link', /not an https: link/],
    ['empty-product-name', 'empty-name.md', 'products.0.name', /product name is empty/],
    ['yaml-syntax', 'broken.md', '(front matter)', /YAML: .*line 3/],
  ])('%s: exit 1, names %s and the field', (dir, file, field, reason) => {
    const result = checkNotices(bad(dir));
    expect(result.code).toBe(1);
    const line = result.output.split('\n').find((l) => l.includes(`${file}: ${field}: `));
    expect(line, result.output).toBeDefined();
    expect(line).toMatch(reason);
  });

  it('passes on the real notices with a one-line summary', () => {
    const result = checkNotices(DEFAULT_NOTICES_DIR);
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/^feed check: 7 notices OK \(11 dated milestones\)/);
    expect(result.output.split('\n')).toHaveLength(1);
  });

  it('as a command: exit code and message on stderr', async () => {
    const run = promisify(execFile);
    const cli = ['tsx', 'feed/cli.ts', 'check', '--notices', bad('impossible-date')];
    const failure = await run('npx', cli, { cwd: root }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('bad-date.md: products.0.milestones.0.at:');
    const ok = await run(
      'npx',
      ['tsx', 'feed/cli.ts', 'check', '--notices', path.join(root, 'test/fixtures/notices-good')],
      { cwd: root },
    );
    expect(ok.stdout).toMatch(/feed check: 1 notices OK/);
  });
});

describe('feed build', () => {
  it('writes exactly what serve sends, and the same bytes on every run', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'sunset-build-'));
    const out2 = mkdtempSync(path.join(tmpdir(), 'sunset-build-'));
    const server = await startFeedServer({ port: 0, watch: false, log: () => {} });
    try {
      const built = buildFeedFiles(out);
      expect(built.ok).toBe(true);
      expect(readdirSync(out).sort()).toEqual([
        'calendar.ics',
        'calendar.ics.br',
        'calendar.ics.gz',
        'feed.xml',
        'feed.xml.br',
        'feed.xml.gz',
      ]);
      for (const name of ['feed.xml', 'calendar.ics']) {
        for (const [suffix, coding] of [
          ['', 'identity'],
          ['.gz', 'gzip'],
          ['.br', 'br'],
        ] as const) {
          const res = await get(`${server.url}/${name}`, { 'Accept-Encoding': coding });
          expect(res.headers['content-encoding'] ?? 'identity').toBe(coding);
          expect(res.body.equals(readFileSync(path.join(out, name + suffix))), name + suffix).toBe(true);
        }
      }
      buildFeedFiles(out2);
      for (const name of readdirSync(out)) {
        expect(readFileSync(path.join(out2, name)).equals(readFileSync(path.join(out, name))), name).toBe(
          true,
        );
      }
    } finally {
      await server.close();
      rmSync(out, { recursive: true, force: true });
      rmSync(out2, { recursive: true, force: true });
    }
  });

  it('writes nothing when a notice is broken', () => {
    const out = path.join(tmpdir(), `sunset-build-none-${process.pid}`);
    const result = buildFeedFiles(out, bad('http-link'));
    expect(result).toEqual({ ok: false, message: expect.stringContaining('http-link.md: link:') });
    expect(() => readdirSync(out)).toThrow();
  });
});
