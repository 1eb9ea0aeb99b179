import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The one logger every function shares. Powertools writes structured JSON, which CloudWatch
 * and the local runtime's terminal both keep as UTF-8, so æ, ø and å in titles survive.
 */
export const logger = new Logger({ serviceName: 'spire' });
