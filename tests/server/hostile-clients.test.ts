// Hostile clients against the real intake server, through raw sockets: each is refused
// with a 4xx within a second of being recognised, and readers are served at full speed
// meanwhile. A slow loris (a request sent byte by byte) is cut once the request is not
// complete 10 s after it began.
import assert from "node:assert/strict";
import { connect, type Socket } from "node:net";
import { after, before, describe, test } from "node:test";
import { REQUEST_TIMEOUT_MS } from "../../src/comment-server/app.ts";
import {
  aReader,
  postForm,
  SEED_POST,
  SITE_ORIGIN,
  startTestServer,
  type TestServer,
} from "../helpers/comment-server.ts";

interface RawAnswer {
  status: number | undefined;
  /** Milliseconds from the first byte sent to the connection's end. */
  closedAfterMs: number;
}

/** Sends `head`, then `drip` one byte every `everyMs`, and waits for the server to answer and close. */
function dripRequest(url: string, head: string, drip: string, everyMs: number): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(Number(port), hostname);
    const started = Date.now();
    let received = "";
    let index = 0;
    let timer: NodeJS.Timeout | undefined;
    socket.on("connect", () => {
      socket.write(head);
      timer = setInterval(() => {
        if (index < drip.length && socket.writable) socket.write(drip[index++] ?? "");
      }, everyMs);
    });
    socket.on("data", (chunk) => (received += chunk.toString("latin1")));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearInterval(timer);
      const status = /^HTTP\/1\.1 (\d{3})/.exec(received)?.[1];
      resolve({
        status: status === undefined ? undefined : Number(status),
        closedAfterMs: Date.now() - started,
      });
    });
    setTimeout(
      () => reject(new Error("the server never cut the slow client")),
      REQUEST_TIMEOUT_MS + 15_000,
    ).unref();
  });
}

/** Sends a request with a body of `size` bytes as fast as possible; the status and how long after the headers it came. */
function bigBody(url: string, size: number, chunked: boolean): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let received = "";
    let started = 0;
    socket.on("connect", () => {
      const length = chunked ? "Transfer-Encoding: chunked" : `Content-Length: ${size}`;
      socket.write(
        `POST /apercu HTTP/1.1\r\nHost: ${hostname}\r\nOrigin: ${SITE_ORIGIN}\r\nContent-Type: application/x-www-form-urlencoded\r\n${length}\r\n\r\n`,
      );
      started = Date.now();
      const piece = Buffer.alloc(64 * 1024, "a");
      let sent = 0;
      const pump = () => {
        while (sent < size && socket.writable) {
          const chunk = chunked
            ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from("\r\n")])
            : piece;
          sent += piece.length;
          if (!socket.write(chunk)) return void socket.once("drain", pump);
        }
      };
      pump();
    });
    socket.on("data", (chunk) => {
      received += chunk.toString("latin1");
      if (/^HTTP\/1\.1 \d{3}/.test(received)) {
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1]);
        socket.destroy();
        resolve({ status, closedAfterMs: Date.now() - started });
      }
    });
    socket.on("error", () => undefined);
  });
}

describe("hostile clients", { timeout: 60_000 }, () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test("slow loris on the headers and on the body: cut with a 408 soon after 10 s, readers served meanwhile", async () => {
    const host = new URL(server.url).host;
    const headers = dripRequest(
      server.url,
      "POST /apercu HTTP/1.1\r\n",
      `Host: ${host}\r\nX-Slow: ${"a".repeat(200)}\r\n\r\n`,
      250,
    );
    const body = dripRequest(
      server.url,
      `POST /apercu HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${SITE_ORIGIN}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n`,
      "comment=".padEnd(1000, "a"),
      250,
    );
    // Meanwhile, readers: every answer quick.
    const slowest = { ms: 0 };
    const readers = (async () => {
      for (let round = 0; round < 8; round++) {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        const started = Date.now();
        const page = await fetch(`${server.url}/repondre/${SEED_POST}/6`);
        assert.equal(page.status, 200);
        await page.text();
        const preview = await postForm(`${server.url}/apercu`, {
          ...aReader,
          comment: `Pendant l’attaque, ${round}.`,
        });
        assert.equal(preview.status, 200);
        slowest.ms = Math.max(slowest.ms, Date.now() - started);
      }
    })();
    const [slowHeaders, slowBody] = await Promise.all([headers, body, readers]);
    for (const [name, answer] of [
      ["headers", slowHeaders],
      ["body", slowBody],
    ] as const) {
      assert.equal(answer.status, 408, `slow ${name}: ${JSON.stringify(answer)}`);
      assert.ok(
        answer.closedAfterMs >= REQUEST_TIMEOUT_MS - 500,
        `slow ${name} cut too early: ${answer.closedAfterMs} ms`,
      );
      assert.ok(
        answer.closedAfterMs <= REQUEST_TIMEOUT_MS + 1_500,
        `slow ${name} cut too late: ${answer.closedAfterMs} ms`,
      );
    }
    assert.ok(slowest.ms < 500, `a reader waited ${slowest.ms} ms during the attack`);
  });

  test("a 10 MB body is refused with a 413 within a second, announced or chunked", async () => {
    for (const chunked of [false, true]) {
      const answer = await bigBody(server.url, 10 * 1024 * 1024, chunked);
      assert.equal(answer.status, 413, chunked ? "chunked" : "content-length");
      assert.ok(answer.closedAfterMs < 1_000, `${answer.closedAfterMs} ms`);
    }
  });

  test("10,000 fields, malformed encoding and invalid UTF-8: a 400 within a second each", async () => {
    const bodies = [
      Array.from({ length: 10_000 }, (_, i) => `f${i}=x`).join("&"),
      "comment=%E9t%C3",
      "comment=%FF%FE&author=x",
    ];
    for (const body of bodies) {
      const started = Date.now();
      const { status } = await postForm(`${server.url}/apercu`, body);
      assert.equal(status, 400, body.slice(0, 30));
      assert.ok(Date.now() - started < 1_000);
    }
  });
});
