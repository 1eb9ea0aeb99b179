/**
 * The CDK app: the Spire stack, checked by cdk-nag's AWS Solutions rules on every synth.
 * `npx cdk synth` runs this file (see cdk.json, which also holds the context a municipality sets);
 * the infra tests build the same app through createApp.
 */
import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { SpireStack } from './stack.ts';

export interface SpireApp {
  app: App;
  stack: SpireStack;
}

/** The app with its one stack, environment-agnostic (no account or region lookups), and cdk-nag registered. */
export function createApp(props: AppProps = {}): SpireApp {
  const app = new App(props);
  const stack = new SpireStack(app, 'Spire', {
    description: 'Spire: an idea pipeline for Danish municipalities (HTTP API, Lambda, SQS, DynamoDB)',
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

if (import.meta.main) createApp().app.synth();
