/**
 * The local runtime refuses an AWS call that the function's grants do not allow, as IAM does,
 * and says which function, action and resource. The intake worker's batch write of the
 * similarity index once passed every local test and stopped every idea in AWS: without its
 * grant, it must fail here too, and the idea must wait in `submitted` rather than be lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessDeniedError } from '../../infra/local/grants.ts';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { FUNCTIONS, grantsOf } from '../../infra/system.ts';
import { eventually, FRICTION, signIn } from './support.ts';
import { startTestRuntime } from './support.ts';

let runtime: LocalRuntime;

beforeAll(async () => {
  // The description as it was before the fix: the intake worker without BatchWriteItem.
  runtime = await startTestRuntime({
    grants: (name) =>
      grantsOf(FUNCTIONS[name]).map((grant) => (name === 'intakeWorker' ? { ...grant, actions: grant.actions.filter((action) => action !== 'dynamodb:BatchWriteItem') } : grant)),
  });
});

afterAll(async () => {
  await runtime?.stop();
});

describe('a grant missing from the description', () => {
  it('refuses the intake worker’s batch write, naming the function, action and table, and leaves the idea in submitted', async () => {
    const anna = await signIn(runtime, 'anna');
    const submitted = await anna.request('POST', '/ideas', { body: { ...FRICTION, title: 'Vagtplanen ligger på papir' } });
    expect(submitted.status).toBe(202);
    const { id } = (await submitted.json()) as { id: string };

    const denial = await eventually(async () => runtime.grants.denials[0], 20_000, 'a refused call');

    expect(denial).toEqual({
      functionName: 'intakeWorker',
      permission: { action: 'dynamodb:BatchWriteItem', resource: `table/${runtime.tableName}` },
    });
    expect(new AccessDeniedError(denial.functionName, denial.permission).message).toMatch(/^intakeWorker is not authorized to perform dynamodb:BatchWriteItem on table\/spire-test-\w+: no grant in infra\/system\.ts/);
    const idea = (await (await anna.request('GET', `/ideas/${id}`)).json()) as { status: string };
    expect(idea.status).toBe('submitted');
  });
});
