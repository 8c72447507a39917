import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One entry of a bot's status timeline (webhook, poll or our own API call); ordered by occurred_at. */
@Entity('recall_bot_status')
export class RecallBotStatus {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'uuid' }) botId: string;
  @Column({ type: 'uuid' }) firmId: string;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text', nullable: true }) subCode: string | null;
  @Column({ type: 'text', nullable: true }) message: string | null;
  @Column({ type: 'timestamptz' }) occurredAt: Date;
  @Column({ type: 'text' }) source: 'webhook' | 'poll' | 'api';
  @Column({ type: 'timestamptz' }) receivedAt: Date;
}
