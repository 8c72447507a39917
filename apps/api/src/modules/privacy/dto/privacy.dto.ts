import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, MaxLength } from 'class-validator';

export class ClientQueryDto {
  /** The client's email, as it appears among meeting attendees. */
  @IsEmail({}, { message: 'email must be a valid email address' }) @MaxLength(254) email: string;
}

export class DeleteClientDataDto {
  @IsEmail({}, { message: 'email must be a valid email address' }) @MaxLength(254) email: string;
}

export class ShredResultDto {
  @ApiProperty() meetings: number;
  @ApiProperty() keysDestroyed: number;
  @ApiProperty() recordsKept: string;
}
