export * from './auth.dto';
export * from './profile.dto';
export * from './team.dto';
