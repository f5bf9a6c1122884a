import type { Request, Response, Server } from 'restify';

/**
 * HTTP routes a feature adds to the server (the tabs' pages and API), described without restify so that
 * only src/platform knows the web framework. The route answers JSON (`json`) or bytes (`raw`).
 */
export interface HttpRequest {
  readonly url: string;
  /** Path parameters (`/cases/:caseId` → `caseId`). */
  readonly params: Readonly<Record<string, string>>;
  /** The query string; the server has no query parser plugin, so it is read from the URL here. */
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The parsed JSON body (the server parses JSON only), if any. */
  readonly body: unknown;
}

export type HttpResponse =
  | {
      readonly status: number;
      readonly headers?: Readonly<Record<string, string>>;
      readonly json: unknown;
      readonly raw?: undefined;
    }
  | {
      readonly status: number;
      readonly headers?: Readonly<Record<string, string>>;
      readonly raw: Buffer;
      readonly json?: undefined;
    };

export interface HttpRoute {
  readonly method: 'get' | 'post';
  readonly path: string;
  handle(request: HttpRequest): Promise<HttpResponse>;
}

export function mountRoutes(server: Server, routes: readonly HttpRoute[]): void {
  for (const route of routes) {
    server[route.method](route.path, async (req: Request, res: Response) => {
      const url = req.url ?? '/';
      const params = Object.fromEntries(
        Object.entries((req.params ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
      );
      const query = Object.fromEntries(new URL(url, 'http://localhost').searchParams);
      const out = await route.handle({ url, params, query, headers: req.headers, body: req.body as unknown });
      if (out.raw) {
        res.writeHead(out.status, { ...out.headers, 'Content-Length': out.raw.length });
        res.end(out.raw);
        return;
      }
      for (const [name, value] of Object.entries(out.headers ?? {})) res.setHeader(name, value);
      res.send(out.status, out.json);
    });
  }
}
