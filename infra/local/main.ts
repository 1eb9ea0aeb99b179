/**
 * `npm start`: the whole of Spire on this machine, with no cloud account and no Docker.
 * DynamoDB Local and the SQS emulator keep their data under SPIRE_DATA_DIR (default .spire/),
 * so a restart keeps every idea. Ctrl-C stops everything cleanly.
 *
 * SPIRE_LOCAL_FAULTS=sqs=0.2,dynamodb=0.1[,seed=7] makes the functions' SQS sends fail and their
 * DynamoDB writes throttle at those rates (./faults.ts), to watch Spire recover.
 */
import { resolve } from 'node:path';
import { intEnv, textEnv } from '../../shared/config.ts';
import { MissingJavaError, startEmulators } from './emulators.ts';
import { faultSettingsFromText } from './faults.ts';
import { startRuntime } from './runtime.ts';


const dataDir = resolve(textEnv('SPIRE_DATA_DIR', '.spire'));
const port = intEnv('PORT', 3000);

async function main(): Promise<void> {
  const faults = faultSettingsFromText(process.env['SPIRE_LOCAL_FAULTS']);
  console.log(`Spire: starting DynamoDB Local and the SQS emulator (data in ${dataDir}) …`);
  const emulators = await startEmulators({ dataDir });
  let runtime;
  try {
    runtime = await startRuntime({ dynamodbEndpoint: emulators.dynamodbEndpoint, sqsEndpoint: emulators.sqsEndpoint, port, dataDir, ...(faults === undefined ? {} : { faults }) });
  } catch (error) {
    await emulators.stop();
    throw error;
  }
  console.log(
    [
      '',
      `Spire is running on ${runtime.url}/ : open it in a browser and sign in as anyone (the local sign-in page).`,
      `The API is under ${runtime.url}/api, its reference at ${runtime.url}/reference.`,
      ...(faults === undefined
        ? []
        : [`With faults (SPIRE_LOCAL_FAULTS): ${(faults.sqsSendFailureRate ?? 0) * 100} % of SQS sends fail, ${(faults.dynamodbWriteThrottleRate ?? 0) * 100} % of DynamoDB writes are throttled (seed ${faults.seed})`]),
      '',
      'For scripts, get a development token (roles: employee, triage, director, admin):',
      `  curl -s -X POST ${runtime.url}/api/dev/token -H 'content-type: application/json' \\`,
      `    -d '{"sub":"anna","name":"Anna Sørensen","roles":["employee"]}'`,
      'Then submit an idea:',
      `  curl -s -X POST ${runtime.url}/api/ideas -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\`,
      `    -d '{"kind":"idea","title":"Færre dobbeltindtastninger","description":"Vi skriver de samme borgeroplysninger i tre systemer.","department":"Ældreplejen"}'`,
      '',
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nSpire: ${signal} received, stopping …`);
    await runtime.stop();
    await emulators.stop();
    console.log('Spire: stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof MissingJavaError) {
    console.error(`Spire: ${error.message}`);
  } else {
    console.error('Spire: could not start:', error);
  }
  process.exit(1);
});
