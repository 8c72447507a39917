import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Books and records of a publication (compliance-domain.md §11): the exact text sent, platform,
 * account, external id and first-use time. Append-only: the database rejects UPDATE and DELETE.
 */
@Entity('publication_record')
export class PublicationRecord {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) firmId: string;
  @Column({ type: 'uuid' }) advisorId: string;
  @Column({ type: 'uuid' }) publicationId: string;
  @Column({ type: 'uuid' }) contentId: string;
  @Column({ type: 'uuid' }) submissionId: string;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'text' }) platform: string;
  @Column({ type: 'text' }) accountExternalId: string;
  @Column({ type: 'text' }) accountName: string;
  @Column({ type: 'text' }) externalId: string;
  @Column({ type: 'text' }) liveUrl: string;
  /** The exact payload text sent to the platform (ciphertext, AAD `publication:<publicationId>`). */
  @Column({ type: 'text' }) sentTextEnc: string;
  @Column({ type: 'text' }) sentTextSha256: string;
  @Column({ type: 'text' }) approvedTextSha256: string;
  @Column({ type: 'timestamptz' }) firstUsedAt: Date;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
