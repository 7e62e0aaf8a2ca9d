import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type JobHandler, JobHandlers } from '../jobs/job-handlers';
import type { Job } from '../jobs/jobs.repository';
import { MailTransport } from './mail-transport';
import { MessagesRepository } from './messages.repository';

/**
 * Mails a posted message to its recipient's address. The message is marked mailed in the job's
 * transaction, after the send: a retry finds it marked and sends nothing. Only a crash between
 * the send and the commit sends it again, with the same Message-ID.
 */
@Injectable()
export class MessageMailHandler implements JobHandler, OnModuleInit {
  readonly kind = 'message.mail';
  readonly actsAs = 'NOBODY';

  constructor(
    private readonly messages: MessagesRepository,
    private readonly mail: MailTransport,
    private readonly handlers: JobHandlers,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async run(db: EntityManager, job: Job, now: Date): Promise<void> {
    if (!this.mail.enabled) return;
    const id = typeof job.payload.messageId === 'string' ? job.payload.messageId : job.key;
    const message = await this.messages.forMail(db, id);
    if (!message?.email || message.mailedAt) return;
    const link = message.link ? `\n\n在湘盟中查看：${message.link}` : '';
    await this.mail.send({
      messageId: `<${message.id}@xiangmeng>`,
      to: message.email,
      subject: `【湘盟】${message.title}`,
      text: `${message.displayName}，您好：\n\n${message.body}${link}\n\n此邮件由系统自动发送，请勿回复。`,
    });
    await this.messages.markMailed(db, message.id, now);
  }
}
