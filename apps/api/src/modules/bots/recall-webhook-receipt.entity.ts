import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Webhook ids already processed: Svix delivers at least once. */
@Entity('recall_webhook_receipt')
export class RecallWebhookReceipt {
  @PrimaryColumn({ type: 'text' }) webhookId: string;
  @Column({ type: 'text' }) event: string;
  @Column({ type: 'text', nullable: true }) botExternalId: string | null;
  @Column({ type: 'timestamptz' }) receivedAt: Date;
}
