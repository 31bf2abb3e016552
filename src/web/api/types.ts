// Names for the generated request and answer types, so a module can say "what GET /api/calls/{id}
// answers" instead of restating it.
import type { paths } from './schema.d.ts';

type Json<R> = R extends { content: { 'application/json': infer J } } ? J : never;
type Success<Rs> = Rs extends { 200: infer R } ? R : Rs extends { 201: infer R } ? R : Rs extends { 202: infer R } ? R : never;

/** What a successful request to `path` with `method` answers. */
export type Answer<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer Rs } ? Json<Success<Rs>> : never;

/** The JSON body a request to `path` with `method` sends. */
export type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } }
  ? B
  : never;

/** The query a GET of `path` takes. */
export type Query<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } } ? NonNullable<Q> : never;
