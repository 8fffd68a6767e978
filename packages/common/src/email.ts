// The email port: files under a folder locally (open them to read what a shopper would get), Amazon SES in production.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Makes a send idempotent: the same key twice is one email. */
  idempotencyKey?: string;
}

export interface EmailSender {
  send(message: EmailMessage): Promise<void>;
}

/** Writes each email as a JSON file named by its idempotency key, so a duplicate send overwrites, never doubles. */
export class FileEmailSender implements EmailSender {
  constructor(private readonly dir: string) {}

  async send(message: EmailMessage): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const name = (message.idempotencyKey ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`).replace(/[^\w.-]/g, '_');
    await writeFile(join(this.dir, `${name}.json`), JSON.stringify({ ...message, sentAt: new Date().toISOString() }, null, 2));
  }
}
