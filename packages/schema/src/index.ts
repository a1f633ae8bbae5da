export * from './enums';
export * from './labels';
export * from './validation';
export * from './dashboard';
export * from './password';
export * from './text';
export * from './roster';
