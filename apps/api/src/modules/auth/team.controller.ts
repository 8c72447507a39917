import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiEnvelope } from '../../infra/http/api-envelope';
import { Roles } from './auth.decorators';
import { ChangeRoleDto, FirmDto, InvitationDto, InviteDto, MemberDto, UpdateFirmDto } from './dto';
import { TeamService } from './team.service';

@ApiTags('firm')
@Controller('firm')
export class TeamController {
  constructor(private readonly team: TeamService) {}

  @Get()
  @ApiOperation({ summary: 'Your firm and its compliance defaults' })
  @ApiEnvelope(FirmDto)
  getFirm(): Promise<FirmDto> {
    return this.team.getFirm();
  }

  @Patch()
  @Roles('admin')
  @ApiOperation({ summary: 'Change the firm name or firm-wide compliance settings (admin)' })
  @ApiEnvelope(FirmDto)
  updateFirm(@Body() dto: UpdateFirmDto): Promise<FirmDto> {
    return this.team.updateFirm(dto);
  }

  @Get('members')
  @ApiOperation({ summary: 'Members of your firm' })
  @ApiEnvelope(MemberDto, { isArray: true })
  members(): Promise<MemberDto[]> {
    return this.team.listMembers();
  }

  @Patch('members/:id')
  @Roles('admin')
  @ApiOperation({ summary: "Change a member's role (admin); their sessions end so the new role applies at once" })
  @ApiEnvelope(MemberDto)
  changeRole(@Param('id') id: string, @Body() dto: ChangeRoleDto): Promise<MemberDto> {
    return this.team.changeRole(id, dto.role);
  }

  @Delete('members/:id')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Remove a member (admin); their sessions and API keys stop working at once' })
  @ApiEnvelope(null)
  async remove(@Param('id') id: string): Promise<null> {
    await this.team.remove(id);
    return null;
  }

  @Get('invitations')
  @Roles('admin')
  @ApiOperation({ summary: 'Pending invitations (admin)' })
  @ApiEnvelope(InvitationDto, { isArray: true })
  invitations(): Promise<InvitationDto[]> {
    return this.team.listInvitations();
  }

  @Post('invitations')
  @Roles('admin')
  @ApiOperation({ summary: 'Invite someone by email with a role (admin); they join when they sign in with Google' })
  @ApiEnvelope(InvitationDto, { status: 201 })
  invite(@Body() dto: InviteDto): Promise<InvitationDto> {
    return this.team.invite(dto.email, dto.role);
  }

  @Delete('invitations/:id')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw an invitation (admin)' })
  @ApiEnvelope(null)
  async revokeInvitation(@Param('id') id: string): Promise<null> {
    await this.team.revokeInvitation(id);
    return null;
  }
}
