// The settings `npm start` gives the intake server and the dev server so that the whole
// comment loop runs on one machine without configuration: the form of the dev server's
// pages posts to the intake server, the intake server accepts posts from the dev
// server's pages and links back to them, and a development secret and password are made
// up (and printed) when none is set.
import { randomBytes } from "node:crypto";

export interface LocalCommentSettings {
  /** For the intake server. */
  serverEnv: NodeJS.ProcessEnv;
  /** For Eleventy's dev server. */
  devServerEnv: NodeJS.ProcessEnv;
  /** What to tell the person who ran `npm start`. */
  notices: string[];
}

export function localCommentSettings(
  env: NodeJS.ProcessEnv,
  devPort: number,
  random: () => string = () => randomBytes(12).toString("base64url"),
): LocalCommentSettings {
  const commentsPort = env.COMMENTS_PORT?.trim() || "8081";
  const commentsUrl = env.COMMENTS_URL?.trim() || `http://127.0.0.1:${commentsPort}`;
  const devOrigins = [`http://localhost:${devPort}`, `http://127.0.0.1:${devPort}`];
  const notices: string[] = [];
  const secret = env.COMMENTS_SECRET || `dev-${random()}${random()}`;
  let password = env.COMMENTS_ADMIN_PASSWORD;
  if (!password) {
    password = random();
    notices.push(`mot de passe de modération (développement) : ${password}`);
  }
  notices.push(`commentaires : ${commentsUrl}/moderation pour modérer`);
  return {
    serverEnv: {
      ...env,
      COMMENTS_PORT: commentsPort,
      COMMENTS_URL: commentsUrl,
      COMMENTS_SECRET: secret,
      COMMENTS_ADMIN_PASSWORD: password,
      COMMENTS_DEV_ORIGIN: devOrigins.join(","),
      // The intake server's links back go to the pages the reader came from.
      SITE_URL: `${devOrigins[0]}/`,
    },
    devServerEnv: { ...env, COMMENTS_URL: commentsUrl },
    notices,
  };
}
