// A real local HTTP server for fetch tests: each test sets how it answers and reads what it saw.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Responder = (req: { headers: IncomingHttpHeaders; url: string }, res: ServerResponse) => void;

export interface TestServer {
  url: string;
  requests: IncomingHttpHeaders[];
  respond(fn: Responder): void;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  let responder: Responder = (_req, res) => res.end();
  const requests: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    requests.push(req.headers);
    responder({ headers: req.headers, url: req.url ?? '/' }, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/feed.xml`,
    requests,
    respond: (fn) => {
      responder = fn;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Serves `body` with an ETag; answers 304 when the request's If-None-Match matches. */
export function etagResponder(
  body: Buffer | string,
  etag: string,
  headers: Record<string, string> = {},
): Responder {
  return (req, res) => {
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag, ...headers });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag, ...headers });
    res.end(body);
  };
}
