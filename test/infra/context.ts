/** The CDK context the infra tests synthesise with: cdk.json's, and a municipality's real settings; and the pages they deploy. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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
  [CONTEXT.webClientId]: '0a1b2c3d-4e5f-4061-8a7b-9c0d1e2f3a4b',
  [CONTEXT.webScope]: 'openid profile offline_access api://6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b/Spire.Access',
};

/** Built pages for the stack to deploy, so the infra tests need no web build: an index.html and one asset. */
export const PAGES_FIXTURE = fileURLToPath(new URL('./fixtures/web-dist', import.meta.url));
