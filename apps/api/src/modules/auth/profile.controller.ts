import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiEnvelope } from '../../infra/http/api-envelope';
import { ProfileDto, UpdateProfileDto } from './dto';
import { ProfileService } from './profile.service';

@ApiTags('profile')
@Controller('profile')
export class ProfileController {
  constructor(private readonly profiles: ProfileService) {}

  @Get()
  @ApiOperation({ summary: 'Your advisor profile, notetaker settings and the compliance settings in force for you' })
  @ApiEnvelope(ProfileDto)
  get(): Promise<ProfileDto> {
    return this.profiles.get();
  }

  @Patch()
  @ApiOperation({ summary: 'Update your profile; compliance overrides only where your firm allows them' })
  @ApiEnvelope(ProfileDto)
  update(@Body() dto: UpdateProfileDto): Promise<ProfileDto> {
    return this.profiles.update(dto);
  }
}
