import net from 'node:net';

/**
 * A loopback TCP proxy in front of a database, for outage tests. `down()` behaves like a stopped server:
 * every open connection is reset and new ones are refused until `up()`. Deterministic, needs no root,
 * and leaves the real database running for other tests.
 */
export class TcpProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private available = true;
  private stalled = false;
  /** Connections accepted while stalled, waiting for `up()`. */
  private readonly held = new Set<net.Socket>();
  /** Connections accepted while up (to prove the pool reconnected after an outage). */
  accepted = 0;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<this> {
    this.server = net.createServer((client) => this.connect(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as net.AddressInfo).port;
    return this;
  }

  /** The database "stops": open connections are reset, new ones refused. */
  down(): void {
    this.available = false;
    for (const socket of [...this.sockets, ...this.held]) socket.resetAndDestroy();
    this.sockets.clear();
    this.held.clear();
  }

  /**
   * The database "hangs" (a network partition, a frozen server): connections stay open and new ones are
   * accepted, but no byte goes either way until `up()`. Only a client-side timeout gets a caller out.
   */
  stall(): void {
    this.stalled = true;
    for (const socket of this.sockets) socket.pause();
  }

  up(): void {
    this.available = true;
    if (!this.stalled) return;
    this.stalled = false;
    for (const socket of this.sockets) socket.resume();
    for (const client of this.held) this.forward(client);
    this.held.clear();
  }

  async stop(): Promise<void> {
    this.down();
    if (!this.server) return;
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** `url` with its host and port replaced by the proxy's. */
  rewrite(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  private connect(client: net.Socket): void {
    if (!this.available) {
      client.resetAndDestroy();
      return;
    }
    if (this.stalled) {
      this.held.add(client);
      client.on('error', () => this.held.delete(client)).on('close', () => this.held.delete(client));
      return;
    }
    this.forward(client);
  }

  private forward(client: net.Socket): void {
    if (client.destroyed) return;
    this.accepted++;
    const upstream = net.connect(this.targetPort, this.targetHost);
    this.sockets.add(client);
    this.sockets.add(upstream);
    const drop = () => {
      this.sockets.delete(client);
      this.sockets.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
