/**
 * The pages and the API on one origin (infra/constructs/web-hosting.ts): a private bucket read
 * through origin access control, a distribution that sends /api/* to the API stage uncached and
 * everything else to the pages with their security headers, and a deployment that writes the
 * built pages, config.json and the API reference. The pages are test/infra/fixtures/web-dist,
 * so no web build is needed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ASSETS_PREFIX, CONFIG_KEY, PagesNotBuiltError, REFERENCE_PAGE_KEY } from '../../infra/constructs/web-hosting.ts';
import { REDOC_SCRIPT_FILE, REFERENCE_PAGE, REFERENCE_PATH, REFERENCE_SCRIPT_PATH } from '../../infra/local/reference.ts';
import { CONTEXT } from '../../infra/settings.ts';
import { SpireStack } from '../../infra/stack.ts';
import { REFERENCE_CSP, webSecurityHeaders } from '../../infra/web-security.ts';
import { API_STAGE_NAME } from '../../shared/http/base-path.ts';
import type { WebConfig } from '../../shared/web-config.ts';
import { CDK_JSON_CONTEXT, CONFIGURED, PAGES_FIXTURE, WITHOUT_BUNDLING } from './context.ts';

const ISSUER = CONFIGURED[CONTEXT.jwtIssuer] as string;
const DEPARTMENTS = ['Børn og Unge', 'Social, Sundhed og Ældre', 'Teknik og Miljø'];
const SETTINGS: Record<string, unknown> = {
  ...CDK_JSON_CONTEXT,
  ...WITHOUT_BUNDLING,
  ...CONFIGURED,
  [CONTEXT.departments]: DEPARTMENTS.join(';'),
  [CONTEXT.triageServiceLevelDays]: '10',
};

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string; DependsOn?: string[] };
type Behavior = Record<string, unknown> & { PathPattern?: string; TargetOriginId: string };

let app: App;
let stack: SpireStack;
let template: Template;
let resources: Record<string, Resource>;
let distribution: { Origins: (Record<string, unknown> & { Id: string })[]; DefaultCacheBehavior: Behavior; CacheBehaviors: Behavior[] } & Record<string, unknown>;

beforeAll(() => {
  app = new App({ context: SETTINGS });
  stack = new SpireStack(app, 'Spire-test', { environment: 'test', pagesDirectory: PAGES_FIXTURE });
  template = Template.fromStack(stack);
  resources = (template.toJSON() as { Resources: Record<string, Resource> }).Resources;
  distribution = resourceOf(stack.web.distribution).Properties.DistributionConfig as typeof distribution;
});

function logicalId(construct: IConstruct): string {
  return stack.resolve(stack.getLogicalId(construct.node.defaultChild as CfnElement)) as string;
}

function resourceOf(construct: IConstruct): Resource {
  const resource = resources[logicalId(construct)];
  if (resource === undefined) throw new Error(`No resource for ${construct.node.path}`);
  return resource;
}

const behavior = (pathPattern: string) => distribution.CacheBehaviors.find((candidate) => candidate.PathPattern === pathPattern);
const originOf = (target: Behavior | undefined) => distribution.Origins.find((origin) => origin.Id === target?.TargetOriginId);
const rewriteAssociation = () => [{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [logicalId(stack.web.pageRewrite), 'FunctionARN'] } }];

/** A file a deployment writes, read from the source asset the synth staged for it. */
function stagedFile(deployment: IConstruct, name: string): string {
  const custom = resourceOf(deployment.node.findChild('CustomResource'));
  for (const key of custom.Properties.SourceObjectKeys as string[]) {
    try {
      return readFileSync(join(app.outdir, `asset.${key.replace(/\.zip$/, '')}`, name), 'utf8');
    } catch {
      // Not in this source.
    }
  }
  throw new Error(`No source of ${deployment.node.path} holds ${name}`);
}

describe('the pages’ bucket', () => {
  it('is private: all public access blocked, encrypted, TLS only, objects owned by the bucket, no website hosting', () => {
    const bucket = resourceOf(stack.web.bucket);

    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
    expect(bucket.Properties.WebsiteConfiguration).toBeUndefined();
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logicalId(stack.web.bucket) },
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('is retained when the stack is deleted, as the table and the secret are', () => {
    expect(resourceOf(stack.web.bucket).DeletionPolicy).toBe('Retain');
  });

  it('is read by this distribution alone, through origin access control (no origin access identity)', () => {
    const pages = originOf(distribution.DefaultCacheBehavior);

    const [accessControl] = Object.keys(template.findResources('AWS::CloudFront::OriginAccessControl', {
      Properties: { OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' } },
    }));

    expect(pages).toMatchObject({ OriginAccessControlId: { 'Fn::GetAtt': [accessControl, 'Id'] }, S3OriginConfig: { OriginAccessIdentity: '' } });
    template.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 0);
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logicalId(stack.web.bucket) },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Condition: { StringEquals: { 'AWS:SourceArn': Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([':distribution/', { Ref: logicalId(stack.web.distribution) }])] }) } },
          }),
        ]),
      },
    });
  });
});

describe('the distribution', () => {
  it('redirects http to https, speaks HTTP/2 and HTTP/3, serves from Europe’s price class, and starts at index.html', () => {
    expect(distribution).toMatchObject({ HttpVersion: 'http2and3', PriceClass: 'PriceClass_100', DefaultRootObject: 'index.html', Enabled: true });
    expect(distribution.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
  });

  it('turns no error into a page: the API’s 403 and 404 reach the caller as the API sent them', () => {
    expect(distribution.CustomErrorResponses).toBeUndefined();
  });

  it('sends /api/* to the API stage over https only, uncached, with every method', () => {
    const api = behavior('/api/*');

    expect(api).toMatchObject({
      ViewerProtocolPolicy: 'https-only',
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
    });
    expect(originOf(api)).toMatchObject({
      DomainName: { 'Fn::Join': ['', [{ Ref: logicalId(stack.api) }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]] },
      CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] },
    });
    expect(originOf(api)?.OriginPath).toBeUndefined();
  });

  it('forwards every viewer header but Host to the API (Authorization, Accept-Language, If-Match, Idempotency-Key, X-Follow-Up-Token), and the query string', () => {
    expect(behavior('/api/*')?.OriginRequestPolicyId).toBe(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId);
  });

  it('leaves the API’s answers as the API made them: no page rewrite, no page headers', () => {
    expect(behavior('/api/*')?.FunctionAssociations).toBeUndefined();
    expect(behavior('/api/*')?.ResponseHeadersPolicyId).toBeUndefined();
  });

  it('answers a page path with the application through the rewrite function on the pages', () => {
    expect(distribution.DefaultCacheBehavior.FunctionAssociations).toEqual(rewriteAssociation());
    template.hasResourceProperties('AWS::CloudFront::Function', {
      Name: 'Spire-test-page-rewrite',
      FunctionConfig: { Runtime: 'cloudfront-js-2.0' },
      FunctionCode: Match.stringLikeRegexp("uri\\.indexOf\\('/api/'\\) === 0"),
    });
  });

  it('serves the API reference from the pages’ bucket with its own headers', () => {
    const reference = behavior(REFERENCE_PATH);

    expect(reference).toMatchObject({ ViewerProtocolPolicy: 'redirect-to-https', ResponseHeadersPolicyId: { Ref: logicalId(stack.web.referenceHeaders) } });
    expect(reference?.FunctionAssociations).toEqual(rewriteAssociation());
    expect(reference?.TargetOriginId).toBe(distribution.DefaultCacheBehavior.TargetOriginId);
  });
});

describe('a web ACL', () => {
  const WEB_ACL = 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/spire-prod/a1b2c3d4-5678-90ab-cdef-111111111111';

  it('is none by default', () => {
    expect(distribution.WebACLId).toBeUndefined();
  });

  it('is the one spire:webAclArn names, and then no finding about a missing WAF is acknowledged', () => {
    const withAcl = new SpireStack(new App({ context: { ...SETTINGS, [CONTEXT.webAclArn]: WEB_ACL } }), 'Spire-test', { environment: 'test', pagesDirectory: PAGES_FIXTURE });
    const acknowledged = withAcl.web.distribution.node.metadata.flatMap((entry) => Object.keys((entry.data ?? {}) as object));

    Template.fromStack(withAcl).hasResourceProperties('AWS::CloudFront::Distribution', { DistributionConfig: { WebACLId: WEB_ACL } });
    expect(acknowledged.filter((id) => id.includes('CFR2'))).toEqual([]);
  });
});

describe('the pages’ headers', () => {
  type SecurityHeaders = {
    ContentSecurityPolicy: { ContentSecurityPolicy: string; Override: boolean };
    StrictTransportSecurity: { AccessControlMaxAgeSec: number; IncludeSubdomains: boolean; Override: boolean };
    FrameOptions: { FrameOption: string; Override: boolean };
    ContentTypeOptions: { Override: boolean };
    ReferrerPolicy: { ReferrerPolicy: string; Override: boolean };
  };
  const securityHeaders = (construct: IConstruct) =>
    (resourceOf(construct).Properties.ResponseHeadersPolicyConfig as { SecurityHeadersConfig: SecurityHeaders }).SecurityHeadersConfig;

  it('are on every page', () => {
    expect(distribution.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: logicalId(stack.web.pagesHeaders) });
  });

  it('are web-security.ts’s, with the identity provider from the issuer, and no inline script', () => {
    const { ContentSecurityPolicy } = securityHeaders(stack.web.pagesHeaders);

    expect(ContentSecurityPolicy).toEqual({ ContentSecurityPolicy: webSecurityHeaders(new URL(ISSUER).origin)['content-security-policy'], Override: true });
    expect(ContentSecurityPolicy.ContentSecurityPolicy).toContain("script-src 'self';");
    expect(ContentSecurityPolicy.ContentSecurityPolicy).toContain("connect-src 'self' https://login.microsoftonline.com;");
    expect(ContentSecurityPolicy.ContentSecurityPolicy).not.toContain('unsafe-inline');
  });

  it('keep browsers on https for two years, allow no framing, no sniffing and no referrer', () => {
    expect(securityHeaders(stack.web.pagesHeaders)).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: true, Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ContentTypeOptions: { Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
    });
  });

  it('are the reference page’s too, but for its Content-Security-Policy (Redoc’s inline styles and blob worker)', () => {
    const { ContentSecurityPolicy, ...rest } = securityHeaders(stack.web.referenceHeaders);
    const { ContentSecurityPolicy: _pages, ...pagesRest } = securityHeaders(stack.web.pagesHeaders);

    expect(ContentSecurityPolicy.ContentSecurityPolicy).toBe(REFERENCE_CSP);
    expect(rest).toEqual(pagesRest);
  });
});

describe('the deployment', () => {
  it('writes config.json from the settings: sign-in at the issuer with the pages’ client and scopes, the departments, the service level', () => {
    const config = JSON.parse(stagedFile(stack.web.pagesDeployment, CONFIG_KEY)) as WebConfig;

    expect(config).toEqual({
      oidc: { authority: ISSUER, clientId: CONFIGURED[CONTEXT.webClientId] as string, scope: CONFIGURED[CONTEXT.webScope] as string },
      departments: DEPARTMENTS,
      triageServiceLevelDays: 10,
    } satisfies WebConfig);
  });

  it('writes the API reference page, reading the document from /api, and Redoc’s bundle beside it', () => {
    const page = stagedFile(stack.web.pagesDeployment, REFERENCE_PAGE_KEY);

    expect(page).toBe(REFERENCE_PAGE);
    expect(page).toContain('<redoc spec-url="/api/openapi.json">');
    expect(stagedFile(stack.web.pagesDeployment, REFERENCE_SCRIPT_PATH.slice(1))).toBe(readFileSync(REDOC_SCRIPT_FILE, 'utf8'));
  });

  it('writes the built pages but Vite’s manifest, and invalidates the distribution once they are written', () => {
    expect(stagedFile(stack.web.pagesDeployment, 'index.html')).toBe(readFileSync(join(PAGES_FIXTURE, 'index.html'), 'utf8'));
    expect(() => stagedFile(stack.web.pagesDeployment, '.vite/manifest.json')).toThrow(/holds \.vite\/manifest\.json/);
    expect(resourceOf(stack.web.pagesDeployment.node.findChild('CustomResource')).Properties).toMatchObject({
      DistributionId: { Ref: logicalId(stack.web.distribution) },
      DistributionPaths: ['/*'],
      Prune: true,
      Exclude: [`${ASSETS_PREFIX}*`],
      SystemMetadata: { 'cache-control': 'no-cache' },
    });
  });

  it('writes the content-hashed assets first, for good, and never prunes them, so a page loaded before a deploy still finds its chunks', () => {
    const assets = resourceOf(stack.web.assetsDeployment.node.findChild('CustomResource'));
    const pages = resourceOf(stack.web.pagesDeployment.node.findChild('CustomResource'));

    expect(assets.Properties).toMatchObject({
      Prune: false,
      Exclude: ['*'],
      Include: [`${ASSETS_PREFIX}*`],
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    expect(pages.DependsOn).toContain(logicalId(stack.web.assetsDeployment.node.findChild('CustomResource')));
  });

  it('runs as a role that may only read its own sources, write this bucket, invalidate this distribution and log', () => {
    const policy = Object.values(resources).find(
      (resource) => resource.Type === 'AWS::IAM::Policy' && JSON.stringify(resource.Properties.Roles) === JSON.stringify([{ Ref: logicalId(stack.web.deploymentRole) }]),
    );
    const statements = (policy?.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement;
    const bucketArn = { 'Fn::GetAtt': [logicalId(stack.web.bucket), 'Arn'] };

    expect(statements.map((statement) => [statement.Action].flat().join(' '))).toEqual([
      's3:ListBucket',
      's3:AbortMultipartUpload s3:DeleteObject s3:PutObject',
      'cloudfront:CreateInvalidation cloudfront:GetInvalidation',
      'logs:CreateLogStream logs:PutLogEvents',
      's3:GetObject',
    ]);
    expect(statements[0]?.Resource).toEqual(bucketArn);
    expect(statements[1]?.Resource).toEqual({ 'Fn::Join': ['', [bucketArn, '/*']] });
    expect(JSON.stringify(statements[2]?.Resource)).toContain(`":distribution/",{"Ref":"${logicalId(stack.web.distribution)}"}`);
    // One object of the bootstrap bucket per source, by its name: no wildcard.
    expect(JSON.stringify(statements[4]?.Resource)).not.toContain('*');
    template.resourcePropertiesCountIs('AWS::IAM::Role', { ManagedPolicyArns: Match.anyValue() }, 0);
  });

  it('fails synth with what to do when the pages are not built', () => {
    const empty = mkdtempSync(join(tmpdir(), 'spire-no-pages-'));
    try {
      const synth = () => new SpireStack(new App({ context: SETTINGS }), 'Spire-test', { environment: 'test', pagesDirectory: empty });

      expect(synth).toThrow(PagesNotBuiltError);
      expect(synth).toThrow(`The pages' folder ${empty} has no index.html: build the pages first: npm run build:web`);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('the outputs', () => {
  const outputs = () => template.toJSON().Outputs as Record<string, { Value: unknown }>;
  const domain = () => ({ 'Fn::GetAtt': [logicalId(stack.web.distribution), 'DomainName'] });

  it('give the pages’ URL, the distribution’s https root', () => {
    expect(outputs().PagesUrl?.Value).toEqual({ 'Fn::Join': ['', ['https://', domain(), '/']] });
  });

  it('give the distribution’s id, for invalidating its cache by hand', () => {
    expect(outputs().PagesDistributionId?.Value).toEqual({ Ref: logicalId(stack.web.distribution) });
  });

  it('give the API’s URL under /api on the same origin, and its stage’s own for diagnosis', () => {
    expect(outputs().ApiUrl?.Value).toEqual({ 'Fn::Join': ['', ['https://', domain(), '/api/']] });
    expect(JSON.stringify(outputs().ApiStageUrl?.Value)).toMatch(new RegExp(`"/${API_STAGE_NAME}"\\]\\]\\}$`));
  });
});
