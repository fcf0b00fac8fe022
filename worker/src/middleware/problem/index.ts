import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../../env.ts";
import { PROBLEM_CONTENT_TYPE, Problem, type ProblemType } from "./problem.ts";

export * from "./problem.ts";

/** Statuses Hono's own middleware throws (body limit, etc.) mapped onto our problem types. */
const FROM_HTTP_STATUS: Record<number, ProblemType> = {
  400: "bad-request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not-found",
  405: "method-not-allowed",
  413: "payload-too-large",
  415: "unsupported-media-type",
  429: "rate-limited",
};

/** Built on the context so headers set earlier in the request (request id, cookies) are kept. */
function problemResponse(c: Context<AppEnv>, problem: Problem): Response {
  const body = problem.body({ instance: new URL(c.req.url).pathname, requestId: c.get("requestId") });
  return c.newResponse(JSON.stringify(body), problem.status as 400, {
    ...problem.headers,
    "content-type": PROBLEM_CONTENT_TYPE,
  });
}

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof Problem) return problemResponse(c, err);
  const mapped = err instanceof HTTPException ? FROM_HTTP_STATUS[err.status] : undefined;
  if (mapped) return problemResponse(c, new Problem(mapped, err.message || "Permintaan ditolak / Request refused"));
  // Logged as one JSON line for Workers Logs; the client sees only the request id to quote.
  console.error(
    JSON.stringify({
      level: "error",
      requestId: c.get("requestId"),
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      error: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
    }),
  );
  return problemResponse(
    c,
    new Problem(
      "internal",
      `Terjadi kesalahan pada server. Sebutkan kode ${c.get("requestId")} bila menghubungi dukungan / Unexpected server error; quote request id ${c.get("requestId")}`,
    ),
  );
};

export const onNotFound: NotFoundHandler<AppEnv> = (c) =>
  problemResponse(
    c,
    new Problem("not-found", `Tidak ada rute ${c.req.method} ${new URL(c.req.url).pathname} / No such route`),
  );
