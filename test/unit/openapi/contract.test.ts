/**
 * The API contract (infra/openapi/document.ts, docs/api-contract.md): the committed
 * docs/openapi.json is what the code generates, it is a valid OpenAPI 3.1 document, and Redocly's
 * recommended rules find nothing in it (redocly.yaml lists the rules turned off, and why: none).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lintFromString, loadConfig } from '@redocly/openapi-core';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { DEV_ROUTES } from '../../../infra/local/dev-routes.ts';
import { OPENAPI_FILE, openApiText } from '../../../infra/openapi/document.ts';
import { ROUTES } from '../../../infra/system.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string };
const committed = readFileSync(`${root}${OPENAPI_FILE}`, 'utf8');
const document = JSON.parse(committed) as {
  paths: Record<string, Record<string, { 'x-spire-roles'?: unknown; 'x-spire-local-only'?: unknown; tags?: unknown; security?: unknown; requestBody?: { content: Record<string, { example?: unknown; examples?: unknown }> }; responses: Record<string, { content?: Record<string, { example?: unknown }> }> }>>;
  components: { schemas: Record<string, object> };
};

describe('the OpenAPI document', () => {
  it('is committed as the code generates it', () => {
    // A failure here means a route, schema or example changed without the document: run `npm run openapi` and commit docs/openapi.json.
    expect(committed === openApiText(version), `${OPENAPI_FILE} is out of date: run \`npm run openapi\` and commit it`).toBe(true);
  });

  it('describes every route of infra/system.ts and every development route of the local runtime, and no other', () => {
    const described = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    expect(described.sort()).toEqual([...ROUTES, ...Object.values(DEV_ROUTES)].map((route) => `${route.method} ${route.path}`).sort());
  });

  it('gives every route of infra/system.ts its roles, and public routes no security', () => {
    for (const route of ROUTES) {
      const operation = document.paths[route.path]?.[route.method.toLowerCase()];
      expect(Array.isArray(operation?.['x-spire-roles']), `${route.method} ${route.path} has x-spire-roles`).toBe(true);
      if (route.auth === 'none') expect(operation?.security).toEqual([]);
      else expect(operation?.security).toBeUndefined();
    }
  });

  it('marks the development routes, and only them, as the local runtime’s: tagged Development, public, x-spire-local-only', () => {
    for (const [name, route] of Object.entries(DEV_ROUTES)) {
      const operation = document.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.path} (${name})`).toMatchObject({ operationId: name, tags: ['Development'], security: [], 'x-spire-roles': [], 'x-spire-local-only': true });
    }
    for (const route of ROUTES) expect(document.paths[route.path]?.[route.method.toLowerCase()]?.['x-spire-local-only'], `${route.method} ${route.path}`).toBeUndefined();
  });

  it('has an example for every JSON request body and every success answer', () => {
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const json = operation.requestBody?.content['application/json'];
        if (json !== undefined) expect(json.example ?? json.examples, `${method} ${path} request`).toBeDefined();
        for (const [status, response] of Object.entries(operation.responses)) {
          if (!status.startsWith('2')) continue;
          for (const [type, media] of Object.entries(response.content ?? {})) expect(media.example, `${method} ${path} ${status} ${type}`).toBeDefined();
        }
      }
    }
  });

  it('is valid against the OpenAPI 3.1 schema, and its schemas are valid JSON Schema 2020-12', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as Parameters<Validator['validate']>[0]);
    expect(validator.version).toBe('3.1');
    expect(result.valid ? [] : result.errors).toEqual([]);
    // Each component on its own (its $refs resolved against the others), as a validator compiles it.
    const components = new Ajv2020({ strict: false });
    addFormats.default(components);
    components.addSchema({ $id: 'spire:openapi', components: document.components }, 'spire:openapi');
    for (const name of Object.keys(document.components.schemas)) expect(() => components.getSchema(`spire:openapi#/components/schemas/${name}`), name).not.toThrow();
  });

  it('passes Redocly’s recommended rules: no errors, no warnings (every example is checked against its schema)', async () => {
    const config = await loadConfig({ configPath: `${root}redocly.yaml` });
    const problems = await lintFromString({ source: committed, absoluteRef: `${root}${OPENAPI_FILE}`, config });
    expect(problems.map((problem) => `${problem.severity} ${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer ?? '?'}`)).toEqual([]);
  });
});
