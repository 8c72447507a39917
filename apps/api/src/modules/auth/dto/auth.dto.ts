import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class GoogleSignInQueryDto {
  /** SPA path to return to after signing in. */
  @IsOptional() @IsString() @MaxLength(500) @Matches(/^\/(?!\/)/, { message: 'returnTo must be a path on this site, starting with /' })
  returnTo?: string;
  /** One-time ticket from POST /api/google-accounts/connect, to add a calendar instead of signing in. */
  @IsOptional() @IsString() @MaxLength(100) connectTicket?: string;
}

export class GoogleCallbackQueryDto {
  @IsOptional() @IsString() @MaxLength(2000) code?: string;
  @IsOptional() @IsString() @MaxLength(500) state?: string;
  @IsOptional() @IsString() @MaxLength(2000) scope?: string;
  @IsOptional() @IsString() @MaxLength(200) error?: string;
  @IsOptional() @IsString() @MaxLength(200) authuser?: string;
  @IsOptional() @IsString() @MaxLength(200) prompt?: string;
  @IsOptional() @IsString() @MaxLength(200) hd?: string;
  @IsOptional() @IsString() @MaxLength(2000) error_description?: string;
}

export class SessionUserDto {
  id: string;
  email: string;
  name: string;
  pictureUrl: string | null;
  firmId: string;
  firmName: string;
  @ApiProperty({ enum: ['advisor', 'compliance_officer', 'admin'] }) role: 'advisor' | 'compliance_officer' | 'admin';
}

export class SessionDto {
  /** Bearer token for the Authorization header; lives `expiresIn` seconds. Keep it in memory only. */
  accessToken: string;
  expiresIn: number;
  user: SessionUserDto;
}
