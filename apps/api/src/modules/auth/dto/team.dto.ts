import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';

export const ROLES = ['advisor', 'compliance_officer', 'admin'] as const;
export type RoleName = (typeof ROLES)[number];

export class MemberDto {
  id: string;
  userId: string;
  email: string;
  name: string;
  @ApiProperty({ enum: ROLES }) role: RoleName;
  joinedAt: string;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: RoleName;
}

export class InviteDto {
  @IsEmail({}, { message: 'email must be a valid email address' }) @MaxLength(254) email: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: RoleName;
}

export class InvitationDto {
  id: string;
  email: string;
  @ApiProperty({ enum: ROLES }) role: RoleName;
  @ApiProperty({ enum: ['pending', 'accepted', 'revoked'] }) status: string;
  createdAt: string;
  expiresAt: string;
}

export class CreateApiKeyDto {
  @IsString() @MinLength(2) @MaxLength(80) name: string;
  @ApiProperty({ enum: ['read', 'read-write'] }) @IsIn(['read', 'read-write']) scope: 'read' | 'read-write';
}

export class ApiKeyDto {
  id: string;
  name: string;
  /** The first characters, to recognise a key; the secret itself is never shown again. */
  prefix: string;
  @ApiProperty({ enum: ['read', 'read-write'] }) scope: 'read' | 'read-write';
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  ownerUserId: string;
}

export class IssuedApiKeyDto {
  key: ApiKeyDto;
  /** Shown once. Send it as the x-api-key header. */
  secret: string;
}

export class GoogleAccountDto {
  id: string;
  email: string;
  @ApiProperty({ enum: ['active', 'reconnect_required', 'disconnected'] }) status: string;
  calendarAccess: boolean;
  connectedAt: string;
}

export class GoogleConnectUrlDto {
  /** Navigate the browser here to add a Google account. */
  url: string;
}
