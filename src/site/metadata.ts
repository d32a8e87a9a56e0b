// The site's identity, in one place. SITE_URL overrides the address, so the same
// repository can be deployed to staging and production.

export interface SiteMetadata {
  title: string;
  description: string;
  language: string;
  locale: string;
  url: string;
  author: { name: string; url: string };
  postsPerPage: number;
  commentMaxDepth: number;
}

function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

export function siteMetadata(env: NodeJS.ProcessEnv = process.env): SiteMetadata {
  return {
    title: "Nous les geeks",
    description: "Réseaux sociaux, référencement et culture du Web, vus par des geeks.",
    language: "fr",
    locale: "fr_FR",
    url: withTrailingSlash(env.SITE_URL?.trim() || "https://www.nouslesgeeks.fr/"),
    author: { name: "David Schuster", url: "https://twitter.com/davschuster" },
    postsPerPage: 10,
    commentMaxDepth: 5,
  };
}
