// What the log (and the outbox's last_error) says of a failure: its message on one line,
// cut short, with any e-mail address replaced (../log-text.ts), since an SMTP server's
// refusal ("550 … <zoe@exemple.fr>: no such user") or a database's error may quote one.
import { redacted } from "../log-text.ts";
import { headerText } from "./header-text.ts";

export function failureText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return redacted(headerText(message)).slice(0, 300);
}
