// /healthz, for a load balancer or a supervisor: 200 when the queue's database answers a
// trivial query, 503 when it does not. Plain text, nothing of the failure's detail.
import type { FastifyInstance } from "fastify";

export function healthRoutes(app: FastifyInstance, databaseAnswers: () => Promise<boolean>): void {
  app.get("/healthz", async (_request, reply) => {
    const answers = await databaseAnswers();
    return reply
      .code(answers ? 200 : 503)
      .type("text/plain; charset=utf-8")
      .send(answers ? "ok\n" : "database unavailable\n");
  });
}
