export const REDIS_HEALTH = Symbol('REDIS_HEALTH');
