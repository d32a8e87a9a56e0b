// The intake server's log: JSON lines (pino), one per request once answered — its id,
// method, path, status and time — and one per event (a comment queued, published, a login). Never an
// e-mail address or a client's address: requests are logged without their address,
// headers or query string (an unsubscribe link's token), and events name comments by id.
import { LogController, type FastifyReply, type FastifyRequest } from "fastify";
import { pino, type DestinationStream, type Logger } from "pino";

interface RequestFacts {
  method?: string;
  url?: string;
}

interface ReplyFacts {
  statusCode?: number;
}

export function createServerLogger(destination: DestinationStream = process.stdout): Logger {
  return pino(
    {
      base: { service: "comments" },
      serializers: {
        req: (request: RequestFacts) => ({ method: request.method, path: request.url?.split("?")[0] }),
        res: (reply: ReplyFacts) => ({ status: reply.statusCode }),
      },
    },
    destination,
  );
}

/**
 * Fastify's request lines, one per request instead of two ("incoming request", then
 * "request completed"): the line written once the request is answered says all of it.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const facts = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...facts, err: error }, "request errored");
    else reply.log.info(facts, "request completed");
  }
}
