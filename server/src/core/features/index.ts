/** Editor features computed from the model and findings: pure data, no editor or protocol types. */
export * from './common';
export * from '../i18n/messages/features';
export * from './outline';
export * from './folding';
export * from './hover';
export * from './verdicts';
export * from './reportView';
export * from '../template/skeleton';
