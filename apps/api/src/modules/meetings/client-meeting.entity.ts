import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Platform } from './meeting-link';

export interface MeetingAttendee {
  email: string;
  name: string | null;
  responseStatus: 'needsAction' | 'declined' | 'tentative' | 'accepted' | null;
  organizer: boolean;
  self: boolean;
}

/** One calendar event of an advisor, from one connected Google account. The transcript is ciphertext (AAD = meeting id). */
@Entity('client_meeting')
export class ClientMeeting {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) firmId: string;
  @Column({ type: 'uuid' }) advisorId: string;
  @Column({ type: 'uuid' }) googleAccountId: string;
  @Column({ type: 'text' }) eventId: string;
  @Column({ type: 'text' }) status: 'confirmed' | 'tentative' | 'cancelled';
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) location: string | null;
  @Column({ type: 'timestamptz' }) startsAt: Date;
  @Column({ type: 'timestamptz' }) endsAt: Date;
  @Column({ type: 'text', nullable: true }) meetingUrl: string | null;
  @Column({ type: 'text', nullable: true }) platform: Platform | null;
  @Column({ type: 'text' }) visibility: string;
  @Column({ type: 'text', nullable: true }) organizerEmail: string | null;
  @Column({ type: 'jsonb' }) attendees: MeetingAttendee[];
  @Column({ type: 'boolean' }) notetakerEnabled: boolean;
  /** 'default': follows the advisor's setting and exclusions; 'user': the advisor chose for this meeting. */
  @Column({ type: 'text' }) notetakerChoice: 'default' | 'user';
  @Column({ type: 'text', nullable: true }) excludedReason: string | null;
  @Column({ type: 'boolean' }) doNotRecord: boolean;
  /** Written by Bots (through MeetingsService) so lists show the live bot status without crossing modules. */
  @Column({ type: 'text', nullable: true }) botStatus: string | null;
  @Column({ type: 'text', nullable: true }) botStatusDetail: string | null;
  @Column({ type: 'text', nullable: true, select: false }) transcriptEnc: string | null;
  @Column({ type: 'text' }) transcriptState: 'none' | 'stored' | 'withheld' | 'deleted';
  @Column({ type: 'text', nullable: true }) transcriptSource: string | null;
  @Column({ type: 'text', nullable: true }) transcriptNote: string | null;
  @Column({ type: 'timestamptz', nullable: true }) transcriptStoredAt: Date | null;
  /** Bumped on every change; bot reconcile jobs are keyed by it. */
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'timestamptz', nullable: true }) calendarUpdatedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
