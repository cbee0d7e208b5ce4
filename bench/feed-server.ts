// Feed server benchmark (issue 8): requests per second for /feed.xml from our `feed serve`
// against nginx from Debian's packages serving the same bytes from `feed build`, both with
// keep-alive on loopback, the same wrk parameters, in the same run, alternating servers.
//
//   npx tsx bench/feed-server.ts [--seconds 5] [--reps 3] [--connections 32] [--skip-reference]
//
// Needs /usr/sbin/nginx and wrk: apt-get install -y nginx wrk. Each server runs in its own
// process (our server as `node --import tsx feed/cli.ts serve`), so neither shares an event loop
// with this script or with wrk; both are stopped on every way out.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildFeedFiles } from '../feed/build.ts';
import { DEFAULT_NOTICES_DIR } from '../feed/notices.ts';
import { CONTENT_TYPES } from '../feed/render.ts';
import { freePort, groupCpuSeconds, runs, start, waitForHttp, type Running } from './lib/processes.ts';
import { fmt, median, ratio, table } from './lib/stats.ts';
import { runWrk } from './lib/wrk.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
const GOALS = { ok: 0.5, notModified: 0.8 };

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    reps: { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
    'skip-reference': { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const reps = Number(values.reps);
const connections = Number(values.connections);

if (!existsSync(NGINX) || !runs(NGINX, ['-v']) || !runs('wrk', ['-v'])) {
  process.stderr.write(
    `bench/feed-server: needs nginx (${NGINX}) and wrk.\n` +
      `Install them with: apt-get install -y nginx wrk   (or set NGINX=/path/to/nginx)\n`,
  );
  process.exit(1);
}

function nginxConfig(dir: string, www: string, port: number): string {
  // One worker, like our single-threaded node server; no logging, long keep-alive, ETags on,
  // and the same Content-Type and Cache-Control as `feed serve` sends.
  return `worker_processes 1;
user root;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log crit;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 100000;
  keepalive_timeout 65;
  etag on;
  sendfile on;
  tcp_nopush on;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  types { }
  default_type "${CONTENT_TYPES['feed.xml']}";
  server {
    listen 127.0.0.1:${port};
    root ${www};
    location = /feed.xml { add_header Cache-Control "public, max-age=300"; }
  }
}
`;
}

// A reference row, not a contestant: the least a node:http server can do per request (a fixed
// body or a 304 on an exact ETag, no routing or negotiation), so the table shows how much of the
// gap to nginx is Node's HTTP stack rather than our handler.
const BARE_NODE = `
const { createServer } = require('node:http');
const { readFileSync } = require('node:fs');
const [port, file, type, etag] = process.argv.slice(1);
const body = readFileSync(file);
const ok = { 'Content-Type': type, ETag: etag, 'Cache-Control': 'public, max-age=300', 'Content-Length': body.length };
const nm = { ETag: etag, 'Cache-Control': 'public, max-age=300' };
createServer((req, res) => {
  if (req.headers['if-none-match'] === etag) { res.writeHead(304, nm); res.end(); return; }
  res.writeHead(200, ok); res.end(body);
}).listen(Number(port), '127.0.0.1');
`;

interface Target {
  name: string;
  url: string;
  etag: string;
  /** The server's process group, whose CPU time is read around each run. */
  pgid: number;
}

async function probe(name: string, url: string, expected: Buffer, running: Running): Promise<Target> {
  const response = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  const body = Buffer.from(await response.arrayBuffer());
  const etag = response.headers.get('etag');
  if (response.status !== 200 || !etag)
    throw new Error(`${name}: GET ${url} gave ${response.status}, ETag ${etag}`);
  if (!body.equals(expected)) throw new Error(`${name}: /feed.xml differs from the built feed.xml`);
  const type = response.headers.get('content-type');
  if (type !== CONTENT_TYPES['feed.xml']) throw new Error(`${name}: Content-Type ${type}`);
  const again = await fetch(url, { headers: { 'if-none-match': etag, 'accept-encoding': 'identity' } });
  await again.arrayBuffer();
  if (again.status !== 304) throw new Error(`${name}: If-None-Match ${etag} gave ${again.status}, not 304`);
  return { name, url, etag, pgid: running.child.pid ?? 0 };
}

const dir = mkdtempSync(path.join(tmpdir(), 'sunset-bench-feed-'));
const www = path.join(dir, 'www');
const servers: Running[] = [];
try {
  const built = buildFeedFiles(www, DEFAULT_NOTICES_DIR, { demo: false, now: Date.now() });
  if (!built.ok) throw new Error(built.message);
  const feed = readFileSync(path.join(www, 'feed.xml'));

  const nginxPort = await freePort();
  writeFileSync(path.join(dir, 'nginx.conf'), nginxConfig(dir, www, nginxPort));
  const nginx = start(NGINX, [
    '-p',
    dir,
    '-e',
    path.join(dir, 'nginx-error.log'),
    '-c',
    path.join(dir, 'nginx.conf'),
  ]);
  servers.push(nginx);

  const oursPort = await freePort();
  // node itself (not npx) so stopping the process group stops the server for sure.
  const ours = start(
    process.execPath,
    ['--import', 'tsx', 'feed/cli.ts', 'serve', '--port', String(oursPort)],
    {
      cwd: ROOT,
    },
  );
  servers.push(ours);

  const nginxUrl = `http://127.0.0.1:${nginxPort}/feed.xml`;
  const oursUrl = `http://127.0.0.1:${oursPort}/feed.xml`;
  await waitForHttp(nginxUrl, nginx);
  await waitForHttp(oursUrl, ours);
  const targets = [
    await probe('feed serve (ours)', oursUrl, feed, ours),
    await probe('nginx', nginxUrl, feed, nginx),
  ];
  if (!values['skip-reference']) {
    const barePort = await freePort();
    const bare = start(process.execPath, [
      '-e',
      BARE_NODE,
      String(barePort),
      path.join(www, 'feed.xml'),
      CONTENT_TYPES['feed.xml'],
      targets[0]!.etag,
    ]);
    servers.push(bare);
    const bareUrl = `http://127.0.0.1:${barePort}/feed.xml`;
    await waitForHttp(bareUrl, bare);
    targets.push(await probe('bare node:http (ref)', bareUrl, feed, bare));
  }

  const wrk = (target: Target, conditional: boolean, secs = seconds) => {
    const cpuBefore = groupCpuSeconds(target.pgid);
    const result = runWrk(target.url, {
      threads: 1,
      connections,
      seconds: secs,
      ...(conditional ? { headers: { 'If-None-Match': target.etag } } : {}),
    });
    const cpu = groupCpuSeconds(target.pgid) - cpuBefore;
    if (result.problems.length > 0) throw new Error(`${target.name}: ${result.problems.join('; ')}`);
    return { rps: result.requestsPerSecond, cpuUs: (cpu / result.requests) * 1e6 };
  };

  process.stdout.write(
    `feed.xml: ${feed.length} bytes (feed build of ${path.relative(ROOT, DEFAULT_NOTICES_DIR)}), ` +
      `wrk -t1 -c${connections} -d${seconds}s ×${reps} per server and status, alternating\n`,
  );
  // Warm-up: JIT, caches and connection setup out of the measured runs.
  for (const target of targets) {
    wrk(target, false, 1);
    wrk(target, true, 1);
  }
  const samples = new Map<string, number[]>();
  const add = (key: string, value: number) => samples.set(key, [...(samples.get(key) ?? []), value]);
  for (let rep = 0; rep < reps; rep++) {
    // Alternate which server goes first, so drift in machine load hits both alike.
    const order = rep % 2 === 0 ? targets : [...targets].reverse();
    for (const conditional of [false, true]) {
      for (const target of order) {
        const { rps, cpuUs } = wrk(target, conditional);
        add(`${target.name}|${conditional}`, rps);
        add(`${target.name}|${conditional}|cpu`, cpuUs);
        process.stdout.write(
          `  run ${rep + 1}: ${target.name.padEnd(20)} ${conditional ? '304' : '200'}  ` +
            `${fmt(rps).padStart(7)} req/s  ${fmt(cpuUs, 1).padStart(5)} µs CPU/req\n`,
        );
      }
    }
  }
  const med = (target: Target, conditional: boolean) =>
    median(samples.get(`${target.name}|${conditional}`) ?? []);
  const cpu = (target: Target, conditional: boolean) =>
    median(samples.get(`${target.name}|${conditional}|cpu`) ?? []);
  const [oursT, nginxT] = targets as [Target, Target, ...Target[]];
  const rows = [
    ['server', '200 req/s', '304 req/s', '200 µs CPU/req', '304 µs CPU/req'],
    ...targets.map((t) => [
      t.name,
      fmt(med(t, false)),
      fmt(med(t, true)),
      fmt(cpu(t, false), 1),
      fmt(cpu(t, true), 1),
    ]),
    [
      'ours / nginx',
      `${ratio(med(oursT, false), med(nginxT, false))} (goal ≥ ${GOALS.ok}×)`,
      `${ratio(med(oursT, true), med(nginxT, true))} (goal ≥ ${GOALS.notModified}×)`,
      // As a throughput ratio: requests per CPU second, ours over nginx.
      `${ratio(cpu(nginxT, false), cpu(oursT, false))} per CPU s`,
      `${ratio(cpu(nginxT, true), cpu(oursT, true))} per CPU s`,
    ],
  ];
  process.stdout.write(
    `\nmedians of ${reps} runs (CPU: the server's own user+system time per request, from /proc;\n` +
      `less disturbed than req/s when other work shares the cores):\n${table(rows)}\n`,
  );
  const okRatio = med(oursT, false) / med(nginxT, false);
  const nmRatio = med(oursT, true) / med(nginxT, true);
  const missed = [
    ...(okRatio < GOALS.ok ? [`200: ${okRatio.toFixed(2)}× < ${GOALS.ok}×`] : []),
    ...(nmRatio < GOALS.notModified ? [`304: ${nmRatio.toFixed(2)}× < ${GOALS.notModified}×`] : []),
  ];
  process.stdout.write(missed.length ? `goal missed: ${missed.join(', ')}\n` : 'both goals met\n');
} finally {
  for (const server of servers.reverse()) await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
