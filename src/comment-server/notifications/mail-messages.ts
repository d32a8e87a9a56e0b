// What the e-mails say, in French, in plain text: the moderator's (a comment waiting),
// the commenter's confirmation (double opt-in) and the subscriber's (a reply approved).
// What a commenter wrote is quoted as they wrote it (the Markdown source: plain text
// reads well); every header value made of it goes through ./header-text.ts when sent.
// No e-mail holds a link that acts when followed: the moderator's leads to /moderation,
// the confirmation's to a page with a button, so a mail scanner's visit decides nothing.
import type { SpamMark } from "../store/queue.ts";
import { firstLine, markLabel } from "../moderation/words.ts";

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  /** The one-click unsubscribe address (List-Unsubscribe, RFC 8058), for e-mails a subscriber receives. */
  unsubscribeUrl?: string;
}

const NBSP = "\u00A0";
/** A name in a subject: its first line, at most this many characters. */
const NAME_IN_SUBJECT = 60;

function quoted(title: string): string {
  return `«${NBSP}${title}${NBSP}»`;
}

function signature(site: string): string {
  return `-- \n${site}`;
}

export function moderatorMail(mail: {
  to: string[];
  site: string;
  author: string;
  postTitle: string;
  /** Whom the comment answers, when it is a reply. */
  parentAuthor?: string;
  text: string;
  marks: readonly SpamMark[];
  moderationUrl: string;
}): MailMessage {
  const answering = mail.parentAuthor === undefined ? "" : `, en réponse à ${mail.parentAuthor}`;
  const marks =
    mail.marks.length === 0
      ? ""
      : `\nMarqué comme indésirable probable${NBSP}: ${mail.marks.map(markLabel).join(", ")}.\n`;
  return {
    to: mail.to,
    subject: `Commentaire de ${firstLine(mail.author, NAME_IN_SUBJECT)} à modérer sur ${quoted(mail.postTitle)}`,
    text: `${mail.author} a écrit sur ${quoted(mail.postTitle)}${answering}${NBSP}:

${mail.text}
${marks}
Il attend votre décision sur la page de modération${NBSP}:
${mail.moderationUrl}

${signature(mail.site)}
`,
  };
}

export function confirmationMail(mail: {
  to: string;
  site: string;
  author: string;
  postTitle: string;
  confirmUrl: string;
}): MailMessage {
  return {
    to: [mail.to],
    subject: `Confirmez votre abonnement aux réponses sur ${quoted(mail.postTitle)}`,
    text: `Bonjour ${mail.author},

Vous avez demandé à recevoir un e-mail à chaque réponse à votre commentaire sur ${quoted(mail.postTitle)}. Pour le confirmer, ouvrez ce lien, puis cliquez sur «${NBSP}Confirmer${NBSP}»${NBSP}:
${mail.confirmUrl}

Sans confirmation d’ici une semaine, vous ne recevrez rien et la demande sera oubliée. Si vous n’avez rien demandé, ignorez ce message.

${signature(mail.site)}
`,
  };
}

export function replyMail(mail: {
  to: string;
  site: string;
  author: string;
  postTitle: string;
  text: string;
  commentUrl: string;
  unsubscribeUrl: string;
}): MailMessage {
  return {
    to: [mail.to],
    subject: `${firstLine(mail.author, NAME_IN_SUBJECT)} vous a répondu sur ${quoted(mail.postTitle)}`,
    text: `${mail.author} a répondu à votre commentaire sur ${quoted(mail.postTitle)}${NBSP}:

${mail.text}

La réponse sur le site (elle y paraît dès que la page est mise à jour)${NBSP}:
${mail.commentUrl}

Vous recevez cet e-mail parce que vous avez demandé les réponses à votre commentaire. Pour ne plus les recevoir${NBSP}:
${mail.unsubscribeUrl}

${signature(mail.site)}
`,
    unsubscribeUrl: mail.unsubscribeUrl,
  };
}
