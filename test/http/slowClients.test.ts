import http from 'node:http';
import net from 'node:net';
import { startBot, type RunningBot } from '../support/harness';
import { waitFor } from '../support/waitFor';

/**
 * Clients that hold sockets open by sending slowly (a slowloris): the server gives up on them within its
 * header and request timeouts, keeps answering everyone else meanwhile, and still keeps an idle keep-alive
 * connection (the Bot Connector's) for its next message.
 */

const TRICKLERS = 20;

/** A raw connection that starts a request with `opening`, then sends one more byte every `everyMs`. */
function trickle(port: number, opening: string, everyMs: number) {
  const socket = net.connect(port, '127.0.0.1');
  let open = true;
  let answer = '';
  socket.on('connect', () => socket.write(opening));
  socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
  socket.on('error', () => undefined);
  socket.on('close', () => {
    open = false;
    clearInterval(timer);
  });
  const timer = setInterval(() => {
    if (open) socket.write('X');
  }, everyMs);
  return {
    get open() {
      return open;
    },
    get status() {
      return /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1];
    },
    destroy: () => socket.destroy(),
  };
}

describe('slow clients', () => {
  let bot: RunningBot;
  let port: number;
  beforeAll(async () => {
    // The defaults for headers (10 s) and keep-alive (120 s); a short request timeout for the body trickle.
    bot = await startBot({ env: { HTTP_REQUEST_TIMEOUT_SECONDS: '12' } });
    port = Number(new URL(bot.url).port);
  });
  afterAll(async () => bot.stop());

  it(`disconnects ${TRICKLERS} clients trickling their headers a byte every 2 s within the 10 s header timeout, and one trickling its body within the request timeout, answering others meanwhile`, async () => {
    const started = Date.now();
    const headers = Array.from({ length: TRICKLERS }, () =>
      trickle(port, 'POST /api/messages HTTP/1.1\r\nHost: bot\r\nX-Slow: ', 2000),
    );
    const body = trickle(
      port,
      'POST /api/messages HTTP/1.1\r\nHost: bot\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{',
      2000,
    );
    const all = [...headers, body];
    try {
      // Everyone else is served as usual while the trickles go on.
      await new Promise((r) => setTimeout(r, 3000));
      expect(all.every((c) => c.open)).toBe(true);
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
      await waitFor(() => headers.every((c) => !c.open), 'every header trickler disconnected', 20_000);
      expect(Date.now() - started).toBeLessThan(13_000);
      expect(new Set(headers.map((c) => c.status))).toEqual(new Set(['408']));
      await waitFor(() => !body.open, 'the body trickler disconnected', 20_000);
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      for (const c of all) c.destroy();
    }
  }, 30_000);

  it('keeps an idle keep-alive connection past the header timeout, for the Bot Connector’s next message', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const sockets = new Set<net.Socket>();
    const get = () =>
      new Promise<number>((resolve, reject) => {
        const req = http.get(`${bot.url}/healthz`, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('socket', (socket) => sockets.add(socket));
        req.on('error', reject);
      });
    try {
      expect(await get()).toBe(200);
      // Idle longer than the header timeout and Node's default keep-alive (5 s).
      await new Promise((r) => setTimeout(r, 11_000));
      expect(await get()).toBe(200);
      expect(sockets.size).toBe(1);
    } finally {
      agent.destroy();
    }
  }, 30_000);
});
