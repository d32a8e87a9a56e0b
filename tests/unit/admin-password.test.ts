// The moderators' password: a scrypt hash in the environment (made by npm run
// comments:password), or a clear password for local use, with a warning.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  checkAdminPassword,
  hashAdminPassword,
  isAdminPasswordHash,
} from "../../src/comment-server/admin-password.ts";
import { ConfigError, serverConfigFromEnv } from "../../src/comment-server/config.ts";
import { runScript } from "../helpers/run-script.ts";
import { removeDir, temporaryProject } from "../helpers/site.ts";

const env = { COMMENTS_SECRET: "0123456789abcdef0123", COMMENTS_DATABASE: ":memory:" };

describe("the moderators' password", () => {
  test("a hash checks the right password and refuses any other; two hashes of one password differ", async () => {
    const hash = await hashAdminPassword("correct horse battery");
    assert.ok(isAdminPasswordHash(hash));
    assert.notEqual(hash, await hashAdminPassword("correct horse battery"));
    assert.ok(!hash.includes("correct"));
    assert.equal(await checkAdminPassword({ kind: "hash", hash }, "correct horse battery"), true);
    assert.equal(await checkAdminPassword({ kind: "hash", hash }, "correct horse batter"), false);
    assert.equal(await checkAdminPassword({ kind: "hash", hash }, ""), false);
  });

  test("a clear password is checked too, whatever the lengths", async () => {
    assert.equal(await checkAdminPassword({ kind: "clear", password: "local" }, "local"), true);
    assert.equal(await checkAdminPassword({ kind: "clear", password: "local" }, "localement"), false);
  });

  test("the settings: a hash is preferred, a malformed one refused in one line, a clear one warned about", async () => {
    const hash = await hashAdminPassword("un mot de passe");
    const hashed = serverConfigFromEnv(
      { ...env, COMMENTS_ADMIN_PASSWORD_HASH: hash, COMMENTS_ADMIN_PASSWORD: "x" },
      "/tmp",
    );
    assert.deepEqual(hashed.adminPassword, { kind: "hash", hash });
    assert.deepEqual(hashed.warnings, []);
    assert.throws(
      () => serverConfigFromEnv({ ...env, COMMENTS_ADMIN_PASSWORD_HASH: "scrypt$oops" }, "/tmp"),
      (error: Error) => error instanceof ConfigError && /^COMMENTS_ADMIN_PASSWORD_HASH: /.test(error.message),
    );
    const clear = serverConfigFromEnv({ ...env, COMMENTS_ADMIN_PASSWORD: "local" }, "/tmp");
    assert.deepEqual(clear.adminPassword, { kind: "clear", password: "local" });
    assert.match(clear.warnings.join("\n"), /in clear/);
  });

  test("npm run comments:password prints the hash line, never the password", async () => {
    const project = temporaryProject({});
    try {
      const result = runScript(project, "comments:password", [], "un long mot de passe\n");
      assert.equal(result.status, 0, result.stderr);
      const line = result.stdout.trim();
      assert.match(line, /^COMMENTS_ADMIN_PASSWORD_HASH=scrypt\$/);
      assert.ok(!line.includes("mot de passe"));
      const hash = line.slice("COMMENTS_ADMIN_PASSWORD_HASH=".length);
      assert.equal(await checkAdminPassword({ kind: "hash", hash }, "un long mot de passe"), true);
      assert.equal(runScript(project, "comments:password", [], "court\n").status, 1);
    } finally {
      removeDir(project);
    }
  });
});
