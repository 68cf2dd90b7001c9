// Public face of the API reference's registry: routes files describe their routes with
// apiDoc(router); the app records its mounts; buildOpenApiDocument walks the result.
export {
  apiDoc,
  describedRoutes,
  documentMount,
  type Access,
  type ApiDoc,
  type DescribedRoute,
  type ResponseSpec,
  type RouteSpec,
  type UploadSpec,
} from './registry.js';
export { buildOpenApiDocument, jsonSchemaOf, openApiPath } from './document.js';
export * from './shapes.js';
