/** The CDK context the infra tests synthesise with: cdk.json's, and a municipality's real settings. */
import { readFileSync } from 'node:fs';
import { CONTEXT } from '../../infra/settings.ts';

/** The context of cdk.json, placeholders included. */
export const CDK_JSON_CONTEXT = (JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> }).context;

/** Skips esbuild bundling: only test/infra/nag.test.ts bundles for real. */
export const WITHOUT_BUNDLING = { 'aws:cdk:bundling-stacks': [] };

/** Every setting a production deployment must have, with real-looking values. */
export const CONFIGURED: Record<string, unknown> = {
  [CONTEXT.jwtIssuer]: 'https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0',
  [CONTEXT.jwtAudience]: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  [CONTEXT.mailSender]: 'idebanken@kommune.example',
  [CONTEXT.triageTeamEmail]: 'digitalisering@kommune.example',
  [CONTEXT.operationsEmail]: 'drift@kommune.example',
};
