import pino from 'pino';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: 'evs-server' },
  redact: ['req.headers.cookie', 'variables.password', 'variables.input.password'],
});
