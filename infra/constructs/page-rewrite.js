/**
 * A CloudFront Function (runtime cloudfront-js-2.0) on the viewer requests for the pages
 * (infra/constructs/web-hosting.ts): which file of the pages' bucket answers a path.
 *
 * - A page path of the single-page application (`/mine`, `/ideas/01JF…`: no file extension in
 *   its last segment) is answered with /index.html, so a deep link survives a reload. This is
 *   done here, for page paths only, and not with the distribution's error responses, which would
 *   turn the API's own 403 and 404 into the index page too.
 * - A page with a document of its own (the API reference) is answered with that document.
 * - A path with a file extension names a file (`/config.json`, `/assets/index-3f2a.js`) and
 *   passes unchanged; a missing file stays a miss.
 * - A path under /api is never a page: it passes unchanged (its own behavior sends it to the API).
 *
 * Plain JavaScript with no imports, as CloudFront runs it: test/infra/page-rewrite.test.ts runs
 * this file as it is deployed.
 */

/** Pages with a document of their own, by path: the API reference (REFERENCE_PATH in infra/local/reference.ts). */
var DOCUMENTS = { '/reference': '/reference/index.html' };

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- CloudFront calls the function by this name.
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri === '/api' || uri.indexOf('/api/') === 0) return request;
  if (Object.prototype.hasOwnProperty.call(DOCUMENTS, uri)) {
    request.uri = DOCUMENTS[uri];
    return request;
  }
  var name = uri.slice(uri.lastIndexOf('/') + 1);
  if (name.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}
