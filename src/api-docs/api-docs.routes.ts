// GET /api/openapi.json (the OpenAPI 3.1 document, built once from the registry) and
// GET /api/docs (a reference page rendered by swagger-ui, served from node_modules: no CDN).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express, { Router } from 'express';
import { z } from 'zod';
import { apiDocsHeaders } from '../http/index.js';
import { apiDoc, buildOpenApiDocument } from '../openapi/index.js';
import { PROJECT_ROOT } from '../paths.js';

const SWAGGER_UI_DIR = dirname(
  createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'),
);
const VERSION = z
  .object({ version: z.string() })
  .parse(JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'))).version;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parley API reference</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<div id="reference"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>
`;

// No inline script: the page's CSP allows scripts from this origin only.
const INIT = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#reference',
  deepLinking: true,
  validatorUrl: null,
  tryItOutEnabled: false,
});
`;

export function apiDocsRouter(publicUrl: string): Router {
  const router = Router();
  let document: string | null = null;

  router.get('/openapi.json', (req, res) => {
    // Built (and serialised) on first request, when every router is mounted and described.
    document ??= JSON.stringify(
      buildOpenApiDocument(req.app, { version: VERSION, url: publicUrl }),
    );
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('application/json').send(document);
  });
  router.get('/docs', ...apiDocsHeaders, (_req, res) => {
    res.type('html').send(PAGE);
  });
  router.get('/docs/init.js', (_req, res) => {
    res.type('application/javascript').send(INIT);
  });
  router.use(
    '/docs/assets',
    express.static(SWAGGER_UI_DIR, { maxAge: '1d', index: false, fallthrough: true }),
  );

  const doc = apiDoc(router);
  doc.get('/openapi.json', {
    summary: 'This API reference, as an OpenAPI 3.1 document',
    access: 'public',
    tag: 'Operations',
    responses: { 200: { description: 'The OpenAPI document.' } },
  });
  doc.get('/docs', {
    summary: 'This API reference, as a page',
    access: 'public',
    tag: 'Operations',
    responses: { 200: { description: 'An HTML page.', contentType: 'text/html' } },
  });
  doc.get('/docs/init.js', {
    summary: 'The reference page’s script',
    access: 'public',
    tag: 'Operations',
    responses: { 200: { description: 'JavaScript.', contentType: 'application/javascript' } },
  });
  return router;
}
