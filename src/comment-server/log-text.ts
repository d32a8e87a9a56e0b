// Text from elsewhere (git, a build, an SMTP server, a database) made fit for a log line,
// a moderation page or the outbox: one line, bounded, and without anything that looks
// like an e-mail address (a remote such as git@host:repo, a commit's author, an SMTP
// refusal quoting its recipient) or an IPv4 address, which none of them may hold.

const EMAIL_LIKE = /[^\s<>"'()[\],;:@]+@[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*/gu;
const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}\b/g;
const MAX_CHARACTERS = 300;

export function redacted(text: string): string {
  return text.replace(EMAIL_LIKE, "[adresse]").replace(IPV4, "[adresse]");
}

/** The first meaningful lines of a command's output, on one line, redacted. */
export function outputSummary(output: string, lines = 2): string {
  const kept = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !/^hint:/.test(line))
    .slice(0, lines)
    .join(" / ");
  const text = redacted(kept);
  return text.length > MAX_CHARACTERS ? `${text.slice(0, MAX_CHARACTERS - 1)}…` : text;
}
