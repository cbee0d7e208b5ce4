// `npm start`: builds the extension, serves the feed from feed/notices on 127.0.0.1:8787, and
// says how to load the extension. `npm start -- --demo` serves the date-shifted demo feed;
// `--port N` serves on N and builds the extension to poll it (issue 18, item 5);
// `--skip-build` reuses an existing .output/chrome-mv3.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startFeedServer } from '../feed/server.ts';

const HOST = '127.0.0.1';
const DEFAULT_PORT = 8787;

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32', env });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { demo: { type: 'boolean' }, 'skip-build': { type: 'boolean' }, port: { type: 'string' } },
    strict: true,
  });
  const demo = values.demo ?? false;
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    process.stderr.write(
      `--port 需要 1–65535 的端口号 / --port needs a port number 1–65535, got ${values.port}\n`,
    );
    return 2;
  }
  const feedUrl = `http://${HOST}:${port}/feed.xml`;
  const extensionDir = path.resolve('.output/chrome-mv3');

  if (values['skip-build'] && existsSync(path.join(extensionDir, 'manifest.json'))) {
    process.stdout.write(`跳过构建 / Skipping the build: using ${extensionDir}\n`);
    if (!builtFor(extensionDir, feedUrl)) {
      process.stdout.write(
        `注意：这个构建不会读取 ${feedUrl}，请去掉 --skip-build 重新构建。\n` +
          `Note: that build does not poll ${feedUrl}; run without --skip-build to rebuild it.\n`,
      );
    }
  } else {
    process.stdout.write(`构建扩展 / Building the extension (wxt build) for ${feedUrl} …\n`);
    // The feed URL is baked in at build time (design.md: WXT_FEED_URL).
    const built = await run('npx', ['wxt', 'build'], { ...process.env, WXT_FEED_URL: feedUrl });
    if (built !== 0) {
      process.stderr.write(`wxt build 失败 / failed (exit ${built})\n`);
      return built;
    }
  }

  let server;
  try {
    server = await startFeedServer({ port, host: HOST, demo });
  } catch (error) {
    const message =
      (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? `端口 ${port} 已被占用，可以换一个：npm start -- --port ${port + 1}\n` +
          `port ${port} is already in use (another npm start?); try npm start -- --port ${port + 1}`
        : (error as Error).message;
    process.stderr.write(`${message}\n`);
    return 1;
  }
  process.stdout.write(`
Sunset Watch 已就绪 / is ready${demo ? '（演示模式：所有日期（包括公告正文里的）都已平移到近几天 / demo mode: every date, in the text too, moved into the coming days）' : ''}

公告来源 / Feed:    ${server.url}/feed.xml
日历 / Calendar:    ${server.url}/calendar.ics

加载扩展（Chrome / Chromium / Edge）:
  1. 打开 chrome://extensions
  2. 打开右上角的“开发者模式”
  3. 点击“加载已解压的扩展程序”，选择文件夹:
     ${extensionDir}

Load the extension (Chrome / Chromium / Edge):
  1. Open chrome://extensions
  2. Turn on "Developer mode" (top right)
  3. Click "Load unpacked" and choose the folder:
     ${extensionDir}

修改 feed/notices/ 中的公告文件，公告来源会自动更新。/ Edit files in feed/notices/ and the feed reloads.
按 Ctrl+C 停止 / Press Ctrl+C to stop.
`);
  const running = server;
  return new Promise<number>((resolve) => {
    const stop = () => void running.close().then(() => resolve(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** Whether the built extension polls `feedUrl` (its background script holds the URL as text). */
function builtFor(extensionDir: string, feedUrl: string): boolean {
  return readdirSync(extensionDir)
    .filter((name) => name.endsWith('.js'))
    .some((name) => readFileSync(path.join(extensionDir, name), 'utf8').includes(feedUrl));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
