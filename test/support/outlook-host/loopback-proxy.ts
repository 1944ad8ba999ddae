import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";

export type LoopbackProxy = {
  /** The stable origin the browser talks to, whichever server is behind it. */
  url: string;
  /** Where requests go now: a running Rapport, or one that was stopped (then connections are cut). */
  forwardTo(target: string): void;
  close(): Promise<void>;
};

/**
 * A reverse proxy on loopback, as an admin puts one in front of Rapport: the pane keeps one origin
 * (and so its storage and its outbox) while the server behind it is stopped and another started
 * on another port. When nothing answers behind it, the browser's connection is cut, exactly as if
 * the server were unreachable, never turned into an HTTP error.
 */
export async function startLoopbackProxy(): Promise<LoopbackProxy> {
  let target: URL | null = null;
  const server = createServer((incoming, outgoing) => {
    if (!target) {
      incoming.socket.destroy();
      return;
    }
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on("error", () => incoming.socket.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    forwardTo: (url) => {
      target = new URL(url);
    },
    close: () =>
      new Promise<void>((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}
