/**
 * The web pages and the API on one origin: a CloudFront distribution in front of a private S3
 * bucket with the built pages, and of the HTTP API under /api. Pages and API share the origin,
 * so the pages need no CORS and their Content-Security-Policy can say `'self'` for both.
 *
 * - `/api/*` goes to the API unchanged and uncached, with every viewer header but Host: API
 *   Gateway strips its stage `api` (API_STAGE_NAME), the JWT authorizer reads Authorization.
 * - `/reference` is the API reference page (Redoc), with its own, looser headers.
 * - Everything else is the pages' bucket, read through origin access control: a page path is
 *   answered with index.html (./page-rewrite.js), a file path with the file.
 *
 * The headers both page sets carry come from infra/web-security.ts, which the local runtime
 * sends too. The deployment writes the built pages (`npm run build:web` → web/dist), the pages'
 * `config.json` (shared/web-config.ts) and the reference page with Redoc's bundle, and then
 * invalidates the distribution.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  S3OriginAccessControl,
  Signing,
  ViewerProtocolPolicy,
  type BehaviorOptions,
  type IOrigin,
  type ResponseCustomHeader,
  type ResponseSecurityHeadersBehavior,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { PolicyStatement, Role, ServicePrincipal, type IRole } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source, type ISource } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct, type IConstruct } from 'constructs';
import { API_BASE_PATH } from '../../shared/http/base-path.ts';
import type { WebConfig } from '../../shared/web-config.ts';
import { REDOC_SCRIPT_FILE, REFERENCE_PAGE, REFERENCE_PATH, REFERENCE_SCRIPT_PATH } from '../local/reference.ts';
import { referenceSecurityHeaders, webSecurityHeaders } from '../web-security.ts';
import { LOG_RETENTION } from './spire-function.ts';

/** The CloudFront Function that maps page paths to files; plain JavaScript, tested as it is (test/infra/page-rewrite.test.ts). */
export const PAGE_REWRITE_FILE = fileURLToPath(new URL('./page-rewrite.js', import.meta.url));

/** The pages' start-up settings in the bucket, at `/config.json`. */
export const CONFIG_KEY = 'config.json';
/** The API reference page in the bucket; ./page-rewrite.js answers REFERENCE_PATH with it. */
export const REFERENCE_PAGE_KEY = `${REFERENCE_PATH.slice(1)}/index.html`;
/** Vite's content-hashed build output (its `build.assetsDir`): kept for good by browsers, and never pruned, so a page loaded before a deploy still finds its chunks. */
export const ASSETS_PREFIX = 'assets/';

/** Thrown when the folder of built pages has no index.html: the pages were not built. */
export class PagesNotBuiltError extends Error {
  override name = 'PagesNotBuiltError';
}

export interface WebHostingProps {
  /** The folder of the built pages (web/dist); it must hold index.html. */
  pagesDirectory: string;
  /** The HTTP API; its stage API_STAGE_NAME serves the routes under API_BASE_PATH. */
  api: IHttpApi;
  /** What the pages read at start, written to `/config.json`. */
  config: WebConfig;
  /** The identity provider's origin, which the pages may call and send forms to (web-security.ts). */
  identityProviderOrigin: string;
  /** An AWS WAF web ACL of scope CLOUDFRONT for the distribution (setting spire:webAclArn); none by default. */
  webAclArn?: string | undefined;
}

export class WebHosting extends Construct {
  /** The private bucket of the built pages. */
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** Maps a page path to index.html (./page-rewrite.js), on the pages' and the reference page's behaviors. */
  readonly pageRewrite: CloudFrontFunction;
  /** The pages' security headers (webSecurityHeaders). */
  readonly pagesHeaders: ResponseHeadersPolicy;
  /** The reference page's security headers (referenceSecurityHeaders). */
  readonly referenceHeaders: ResponseHeadersPolicy;
  /** Writes the built pages bar their assets, config.json and the reference page, and invalidates the distribution. */
  readonly pagesDeployment: BucketDeployment;
  /** Writes the content-hashed assets, before the pages that name them. */
  readonly assetsDeployment: BucketDeployment;
  /** The role both deployments run as: read its own sources, write the bucket, invalidate the distribution, log; nothing else. */
  readonly deploymentRole: Role;
  /** `https://<distribution domain>/`: the pages, with the API under `api/`. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    const { pagesDirectory } = props;
    if (!existsSync(join(pagesDirectory, 'index.html'))) {
      throw new PagesNotBuiltError(`The pages' folder ${pagesDirectory} has no index.html: build the pages first: npm run build:web`);
    }
    const stack = Stack.of(this);

    this.bucket = new Bucket(this, 'PagesBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // Kept when the stack is deleted, like the table and the secret: CloudFormation deletes no bucket that holds files.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'The bucket holds only the public build of the pages, written by the deployment and read only by the distribution through origin access control. ' +
        'Its server access logs would record nothing but CloudFront reading public files; who asked for a page is the distribution’s question (see AwsSolutions-CFR3 on it).',
    });

    const pagesOrigin = S3BucketOrigin.withOriginAccessControl(this.bucket, {
      originAccessControl: new S3OriginAccessControl(this, 'PagesAccess', {
        originAccessControlName: `${stack.stackName}-pages`,
        description: 'CloudFront reads the Spire pages from their private bucket',
        signing: Signing.SIGV4_ALWAYS,
      }),
    });
    const apiOrigin = new HttpOrigin(`${props.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
    });

    this.pageRewrite = new CloudFrontFunction(this, 'PageRewrite', {
      functionName: `${stack.stackName}-page-rewrite`,
      comment: 'A page path without a file extension is answered with index.html; /api is never a page',
      code: FunctionCode.fromFile({ filePath: PAGE_REWRITE_FILE }),
      runtime: FunctionRuntime.JS_2_0,
    });
    this.pagesHeaders = headersPolicy(this, 'PagesHeaders', `${stack.stackName}-pages`, 'Spire pages: CSP, HSTS, frame, sniffing and referrer', webSecurityHeaders(props.identityProviderOrigin));
    this.referenceHeaders = headersPolicy(this, 'ReferenceHeaders', `${stack.stackName}-reference`, 'Spire API reference (Redoc): inline styles and a blob worker allowed', referenceSecurityHeaders());

    const page = (origin: IOrigin, headers: ResponseHeadersPolicy): BehaviorOptions => ({
      origin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: headers,
      functionAssociations: [{ function: this.pageRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `${stack.stackName}: the Spire pages, and the API under ${API_BASE_PATH}`,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      // North America, Europe and Israel: the edge locations near a Danish municipality's staff, at the lowest price.
      priceClass: PriceClass.PRICE_CLASS_100,
      ...(props.webAclArn === undefined ? {} : { webAclId: props.webAclArn }),
      defaultBehavior: page(pagesOrigin, this.pagesHeaders),
      additionalBehaviors: {
        [`${API_BASE_PATH}/*`]: {
          origin: apiOrigin,
          // Not a redirect: some clients resend a redirected POST as a GET, and the token would already have crossed in the clear.
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Authorization, Accept-Language, If-Match, Idempotency-Key, X-Follow-Up-Token, the query string: all of it, but Host, which must be API Gateway's.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
        [REFERENCE_PATH]: page(pagesOrigin, this.referenceHeaders),
      },
    });
    if (props.webAclArn === undefined) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR2',
        reason:
          'No AWS WAF web ACL is set (spire:webAclArn): one for CloudFront lives in us-east-1, outside this single-region stack, and costs a fixed monthly fee. ' +
          'The API is throttled per stage and per person in the application (shared/usage-limits.ts); rate-limiting by IP address would throttle a whole municipality behind one NAT address.',
      });
    }
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'No geo restriction: employees work from wherever they are (travel, holidays abroad), every API route but the public ones needs a token from the municipality’s identity provider, ' +
          'and where sign-in is allowed from is that provider’s conditional access policy, not a country list at the edge.',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason:
          'No CloudFront access logs: they record every viewer’s IP address with each request, including POST /api/ideas, and would tie anonymous ideas to the people who sent them. ' +
          'The API’s access log (API Gateway) leaves the IP address out on purpose and covers every API request; the rest is public static files.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'The distribution uses its default *.cloudfront.net certificate, with which CloudFront cannot set a minimum TLS version for viewers. ' +
          'A custom domain needs an ACM certificate in us-east-1 and DNS that this stack does not have; browsers negotiate TLS 1.2 or 1.3 anyway, and HSTS keeps them on https.',
      },
    );

    this.deploymentRole = this.createDeploymentRole();
    const role = this.deploymentRole.withoutPolicyUpdates();
    const logGroup = new LogGroup(this, 'DeploymentLogs', { retention: LOG_RETENTION, removalPolicy: RemovalPolicy.DESTROY });
    logGroup.grantWrite(this.deploymentRole);
    const readable = (source: ISource) => readableBy(this.deploymentRole, source);

    // Vite's build manifest (.vite/manifest.json) is for the tests of the pages, not for browsers.
    const pages = Source.asset(pagesDirectory, { exclude: ['.vite'] });
    // Assets first: an index.html that names a chunk must never be served before the chunk is there.
    this.assetsDeployment = new BucketDeployment(this, 'AssetsDeployment', {
      destinationBucket: this.bucket,
      sources: [readable(pages)],
      exclude: ['*'],
      include: [`${ASSETS_PREFIX}*`],
      prune: false,
      cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(365)), CacheControl.immutable()],
      role,
      logGroup,
    });
    this.pagesDeployment = new BucketDeployment(this, 'PagesDeployment', {
      destinationBucket: this.bucket,
      sources: [
        readable(pages),
        readable(Source.jsonData(CONFIG_KEY, props.config)),
        readable(Source.data(REFERENCE_PAGE_KEY, REFERENCE_PAGE)),
        readable(Source.data(REFERENCE_SCRIPT_PATH.slice(1), readFileSync(REDOC_SCRIPT_FILE, 'utf8'))),
      ],
      // The assets are the other deployment's: neither written nor pruned here.
      exclude: [`${ASSETS_PREFIX}*`],
      // index.html, config.json and the rest change at every deploy: browsers ask again each time (a 304 when nothing changed).
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      role,
      logGroup,
    });
    this.pagesDeployment.node.addDependency(this.assetsDeployment);
    Validations.of(deploymentHandler(this)).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'The function behind BucketDeployment (Custom::CDKBucketDeployment) is aws-cdk-lib’s own, on the Python runtime aws-cdk-lib chooses; BucketDeployment offers no runtime setting. ' +
        'It runs only while a deploy writes the pages, never on a request, and moves on with each aws-cdk-lib upgrade.',
    });

    this.url = `https://${this.distribution.distributionDomainName}/`;
  }

  /**
   * The deployments' role, written out instead of the grants BucketDeployment would add (every
   * s3:GetObject*, s3:List*, s3:DeleteObject* on the bootstrap bucket and this one, and
   * cloudfront invalidations on every distribution): what `aws s3 sync --delete` and the
   * invalidation need, on this bucket and this distribution. Each source adds the read of its
   * own object (readableBy).
   */
  private createDeploymentRole(): Role {
    const role = new Role(this, 'DeploymentRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Writes the Spire pages to their bucket at deploy, and invalidates their distribution',
    });
    role.addToPolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn] }));
    role.addToPolicy(new PolicyStatement({ actions: ['s3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'], resources: [this.bucket.arnForObjects('*')] }));
    role.addToPolicy(new PolicyStatement({ actions: ['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'], resources: [this.distribution.distributionArn] }));
    const stack = Stack.of(this);
    const bucketId = stack.resolve(stack.getLogicalId(this.bucket.node.defaultChild as CfnElement)) as string;
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`,
      reason:
        'The deployment writes and prunes whatever files the build of the pages holds, under names only the build knows (Vite hashes them), ' +
        'so it may put and delete any object of the pages’ bucket; that bucket and nothing else.',
    });
    return role;
  }
}

/** `source`, with the role granted s3:GetObject on exactly its object in the bootstrap bucket once the deployment binds it. */
function readableBy(role: IRole, source: ISource): ISource {
  return {
    bind(scope, context) {
      const config = source.bind(scope, context);
      role.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [config.bucket.arnForObjects(config.zipObjectKey)] }));
      return config;
    },
  };
}

/** The one function behind every BucketDeployment of the stack: aws-cdk-lib makes it a singleton, a child of the stack named for its purpose. */
function deploymentHandler(scope: IConstruct): IConstruct {
  const handler = Stack.of(scope).node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (handler === undefined) throw new Error('No Custom::CDKBucketDeployment function in the stack');
  return handler;
}

/**
 * A response headers policy that sets `headers` (a record of web-security.ts) on every answer of a
 * behavior, replacing any the origin sent. CloudFront takes the well-known security headers as
 * settings of their own and the rest as custom headers; a value it cannot express is refused here.
 */
function headersPolicy(scope: Construct, id: string, name: string, comment: string, headers: Record<string, string>): ResponseHeadersPolicy {
  const security: { -readonly [K in keyof ResponseSecurityHeadersBehavior]: ResponseSecurityHeadersBehavior[K] } = {};
  const customHeaders: ResponseCustomHeader[] = [];
  for (const [header, value] of Object.entries(headers)) {
    switch (header.toLowerCase()) {
      case 'content-security-policy':
        security.contentSecurityPolicy = { contentSecurityPolicy: value, override: true };
        break;
      case 'strict-transport-security': {
        const maxAge = /^max-age=(\d+)(; includeSubDomains)?(; preload)?$/.exec(value);
        if (maxAge === null) throw new Error(`Cannot express Strict-Transport-Security ${JSON.stringify(value)} in a response headers policy`);
        security.strictTransportSecurity = {
          accessControlMaxAge: Duration.seconds(Number(maxAge[1])),
          includeSubdomains: maxAge[2] !== undefined,
          preload: maxAge[3] !== undefined,
          override: true,
        };
        break;
      }
      case 'x-frame-options':
        security.frameOptions = { frameOption: value === 'DENY' ? HeadersFrameOption.DENY : value === 'SAMEORIGIN' ? HeadersFrameOption.SAMEORIGIN : unexpressible(header, value), override: true };
        break;
      case 'x-content-type-options':
        if (value !== 'nosniff') unexpressible(header, value);
        security.contentTypeOptions = { override: true };
        break;
      case 'referrer-policy': {
        const policy = Object.values(HeadersReferrerPolicy).find((known) => known === value);
        security.referrerPolicy = { referrerPolicy: policy ?? unexpressible(header, value), override: true };
        break;
      }
      default:
        customHeaders.push({ header, value, override: true });
    }
  }
  return new ResponseHeadersPolicy(scope, id, {
    responseHeadersPolicyName: name,
    comment,
    securityHeadersBehavior: security,
    ...(customHeaders.length === 0 ? {} : { customHeadersBehavior: { customHeaders } }),
  });
}

function unexpressible(header: string, value: string): never {
  throw new Error(`Cannot express ${header}: ${JSON.stringify(value)} in a response headers policy`);
}
