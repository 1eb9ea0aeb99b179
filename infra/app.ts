/**
 * The CDK app: one Spire stack for the environment `-c env=…` names (dev, test or prod; default
 * dev), checked by cdk-nag's AWS Solutions rules on every synth. `npx cdk synth` runs this file
 * (see cdk.json, which also holds the settings a municipality sets); the infra tests build the
 * same app through createApp. The web pages must be built first (`npm run build:web`).
 */
import { fileURLToPath } from 'node:url';
import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PagesNotBuiltError } from './constructs/web-hosting.ts';
import { ENVIRONMENT_CONTEXT, EnvironmentNameError, parseEnvironment, SettingsError, type EnvironmentName } from './settings.ts';
import { SpireStack } from './stack.ts';

export interface SpireApp {
  app: App;
  stack: SpireStack;
}

export interface SpireAppProps extends AppProps {
  /** The environment to build; default: the app's `env` context, else dev. */
  environment?: EnvironmentName;
  /** The folder of the built web pages; default web/dist, where `npm run build:web` writes them. */
  pagesDirectory?: string;
}

/** Where `npm run build:web` (Vite) writes the pages. */
export const WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));

/** The stack's id, and its CloudFormation name: `Spire-prod`. Every physical name is generated from it, so environments can share an account. */
export function stackIdOf(environment: EnvironmentName): string {
  return `Spire-${environment}`;
}

/** The app with its one stack, environment-agnostic (no account or region lookups), and cdk-nag registered. */
export function createApp(props: SpireAppProps = {}): SpireApp {
  const { environment: given, pagesDirectory = WEB_DIST, ...appProps } = props;
  const app = new App(appProps);
  const environment = given ?? parseEnvironment(app.node.tryGetContext(ENVIRONMENT_CONTEXT));
  const stack = new SpireStack(app, stackIdOf(environment), {
    environment,
    pagesDirectory,
    description: `Spire (${environment}): an idea pipeline for Danish municipalities (CloudFront, S3, HTTP API, Lambda, SQS, DynamoDB, SES)`,
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
    // A person's mistake in the settings, or pages not built: the lines that say what to do, without a stack trace.
    if (!(error instanceof SettingsError || error instanceof EnvironmentNameError || error instanceof PagesNotBuiltError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
