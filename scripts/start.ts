// `npm start`: builds the extension, serves the feed from feed/notices on 127.0.0.1:8787, and
// says how to load the extension. `npm start -- --demo` serves the date-shifted demo feed;
// `--skip-build` reuses an existing .output/chrome-mv3.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startFeedServer } from '../feed/server.ts';

const HOST = '127.0.0.1';
const PORT = 8787;

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { demo: { type: 'boolean' }, 'skip-build': { type: 'boolean' } },
    strict: true,
  });
  const demo = values.demo ?? false;
  const extensionDir = path.resolve('.output/chrome-mv3');

  if (values['skip-build'] && existsSync(path.join(extensionDir, 'manifest.json'))) {
    process.stdout.write(`跳过构建 / Skipping the build: using ${extensionDir}\n`);
  } else {
    process.stdout.write('构建扩展 / Building the extension (wxt build) …\n');
    const built = await run('npx', ['wxt', 'build']);
    if (built !== 0) {
      process.stderr.write(`wxt build 失败 / failed (exit ${built})\n`);
      return built;
    }
  }

  let server;
  try {
    server = await startFeedServer({ port: PORT, host: HOST, demo });
  } catch (error) {
    const message =
      (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? `端口 ${PORT} 已被占用 / port ${PORT} is already in use (another npm start?)`
        : (error as Error).message;
    process.stderr.write(`${message}\n`);
    return 1;
  }
  const feedUrl = `${server.url}/feed.xml`;
  process.stdout.write(`
Sunset Watch 已就绪 / is ready${demo ? '（演示模式 / demo mode: dates shifted into the coming days）' : ''}

订阅源 / Feed:      ${feedUrl}
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

修改 feed/notices/ 中的公告文件，订阅源会自动更新。/ Edit files in feed/notices/ and the feed reloads.
按 Ctrl+C 停止 / Press Ctrl+C to stop.
`);
  const running = server;
  return new Promise<number>((resolve) => {
    const stop = () => void running.close().then(() => resolve(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
