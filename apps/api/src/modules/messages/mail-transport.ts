import { appendFile } from 'node:fs/promises';
import { createTransport, type Transporter } from 'nodemailer';

export type Mail = { messageId: string; to: string; subject: string; text: string };

/** Where mail goes: nowhere unless SMTP is configured; a file of JSON lines in tests. */
export abstract class MailTransport {
  abstract readonly enabled: boolean;
  abstract send(mail: Mail): Promise<void>;
}

export class NoMail extends MailTransport {
  readonly enabled = false;
  send(): Promise<void> {
    return Promise.resolve();
  }
}

export class SmtpMail extends MailTransport {
  readonly enabled = true;
  private readonly transporter: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    super();
    this.transporter = createTransport(smtpUrl);
  }

  async send(mail: Mail): Promise<void> {
    // A stable Message-ID: a mail sent again after a crash is the same mail to the receiver.
    await this.transporter.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
    });
  }
}

/** Appends each mail as one JSON line: tests read what was sent, without a network. */
export class CaptureMail extends MailTransport {
  readonly enabled = true;

  constructor(private readonly file: string) {
    super();
  }

  async send(mail: Mail): Promise<void> {
    await appendFile(this.file, `${JSON.stringify({ ...mail, pid: process.pid })}\n`);
  }
}

export type MailSettings = { smtpUrl?: string; from?: string; captureFile?: string };

export function mailTransportFor(settings: MailSettings | undefined): MailTransport {
  if (settings?.captureFile) return new CaptureMail(settings.captureFile);
  if (settings?.smtpUrl) return new SmtpMail(settings.smtpUrl, settings.from ?? '湘盟 <noreply@localhost>');
  return new NoMail();
}
