import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { actOn } from '../../common/access/access';
import { Clock } from '../../common/clock';
import { type Message, MessagesRepository, type Posting } from './messages.repository';

const PAGE = 20;
const MAX_PAGE = 100;

/** The message centre: features post notices in their own transaction; users read their own. */
@Injectable()
export class MessagesService {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly clock: Clock,
  ) {}

  /** Posts a notice as part of the step it reports: it is sent if and only if the step commits. */
  post(db: EntityManager, posting: Posting): Promise<number> {
    return this.messages.post(db, posting, this.clock.now());
  }

  inbox(
    db: EntityManager,
    options: { unreadOnly?: boolean | null; first?: number | null; before?: Date | null },
  ): Promise<Message[]> {
    const limit = Math.min(Math.max(options.first ?? PAGE, 1), MAX_PAGE);
    return this.messages.inbox(db, {
      unreadOnly: options.unreadOnly ?? false,
      limit,
      before: options.before ?? null,
    });
  }

  unreadCount(db: EntityManager): Promise<number> {
    return this.messages.unreadCount(db);
  }

  /** Marks one of the viewer's messages read; another user's is not found. */
  async markRead(db: EntityManager, id: string): Promise<Message> {
    actOn(await this.messages.find(db, id));
    await this.messages.markRead(db, id, this.clock.now());
    return actOn(await this.messages.find(db, id));
  }

  markAllRead(db: EntityManager): Promise<number> {
    return this.messages.markAllRead(db, this.clock.now());
  }
}
