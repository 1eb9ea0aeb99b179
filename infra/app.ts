/**
 * The CDK app: one Spire stack for the environment `-c env=…` names (dev, test or prod; default
 * dev), checked by cdk-nag's AWS Solutions rules on every synth. `npx cdk synth` runs this file
 * (see cdk.json, which also holds the settings a municipality sets); the infra tests build the
 * same app through createApp.
 */
import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ENVIRONMENT_CONTEXT, EnvironmentNameError, parseEnvironment, SettingsError, type EnvironmentName } from './settings.ts';
import { SpireStack } from './stack.ts';

export interface SpireApp {
  app: App;
  stack: SpireStack;
}

export interface SpireAppProps extends AppProps {
  /** The environment to build; default: the app's `env` context, else dev. */
  environment?: EnvironmentName;
}

/** The stack's id, and its CloudFormation name: `Spire-prod`. Every physical name is generated from it, so environments can share an account. */
export function stackIdOf(environment: EnvironmentName): string {
  return `Spire-${environment}`;
}

/** The app with its one stack, environment-agnostic (no account or region lookups), and cdk-nag registered. */
export function createApp(props: SpireAppProps = {}): SpireApp {
  const { environment: given, ...appProps } = props;
  const app = new App(appProps);
  const environment = given ?? parseEnvironment(app.node.tryGetContext(ENVIRONMENT_CONTEXT));
  const stack = new SpireStack(app, stackIdOf(environment), {
    environment,
    description: `Spire (${environment}): an idea pipeline for Danish municipalities (HTTP API, Lambda, SQS, DynamoDB, SES)`,
    // A production stack is deleted only after someone turns this off on purpose (the table is retained either way).
    terminationProtection: environment === 'prod',
    tags: { 'spire:environment': environment },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

if (import.meta.main) {
  try {
    createApp().app.synth();
  } catch (error) {
    // A person's mistake in the settings: the lines that say what to set, without a stack trace.
    if (!(error instanceof SettingsError || error instanceof EnvironmentNameError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
