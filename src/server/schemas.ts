import { type Static, type TLiteral, type TSchema, type TSchemaOptions, type TUnion, Type } from 'typebox';
import type { Ore } from '../domain/money.ts';

/** Shapes shared by several routes' OpenAPI schemas. */

/**
 * A value or null. Null is the first choice on purpose: the validator coerces types, and tried
 * first, a number or string branch would turn a null into 0 or "".
 */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);

/**
 * A union of string literals, typed as that union: a union built with .map() is an array type,
 * from which TypeBox infers never.
 */
export const Literals = <const T extends readonly string[]>(values: T, options?: TSchemaOptions) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    options,
  ) as TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }>;

/**
 * A $ref to a schema registered with app.addSchema, typed as that schema: a bare Type.Ref infers
 * as unknown. The JSON is the same { $ref } that Type.Ref gives.
 */
export const RefTo = <T extends TSchema & { $id?: string }>(schema: T) => {
  if (!schema.$id) throw new Error('RefTo needs a schema with an $id');
  return Type.Unsafe<Static<T>>(Type.Ref(schema.$id));
};

/** How every amount's description ends: the OpenAPI document marks money with it (and a test finds amounts by it). */
export const ORE_NOTE = 'An amount in öre (1 kr = 100 öre)';

/**
 * An amount: an integer of öre, which a route's handler sees as Ore. Bounds only where the field
 * has them (a response states none; a negative amount only where one is allowed); `description`
 * says what the amount is, before the note that it is one.
 */
export const OreSchema = (options: { minimum?: number; maximum?: number; description?: string } = {}) => {
  const { description, ...bounds } = options;
  return Type.Unsafe<Ore>(Type.Integer({ ...bounds, description: description ? `${description}. ${ORE_NOTE}` : ORE_NOTE }));
};

export const Uuid = Type.String({ format: 'uuid' });
export const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254 });
export const Password = Type.String({ minLength: 1, maxLength: 256 });
export const Lang = Type.Union([Type.Literal('sv'), Type.Literal('en')]);
export const Ok = Type.Object({ ok: Type.Boolean() });

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    messages: Type.Object({ sv: Type.String(), en: Type.String() }),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          field: Type.String(),
          code: Type.String(),
          message: Type.String(),
          messages: Type.Object({ sv: Type.String(), en: Type.String() }),
        }),
      ),
    ),
    details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    requestId: Type.String(),
  },
  { $id: 'Problem', description: 'application/problem+json with Swedish and English messages' },
);

export const FunderRoleSchema = Literals(['caseworker', 'reviewer', 'decision_maker', 'finance', 'analyst', 'administrator']);

export const SessionUser = Type.Object({
  id: Uuid,
  email: Type.String(),
  name: Type.String(),
  locale: Lang,
  funders: Type.Array(Type.Object({ funderId: Uuid, funderName: Type.String(), role: FunderRoleSchema })),
  organisations: Type.Array(Type.Object({ id: Uuid, name: Type.String(), orgNumber: Type.String() })),
});

/** Error responses every route may give, so the OpenAPI document names them. */
export const errorResponses = {
  '4xx': Type.Ref('Problem'),
  '5xx': Type.Ref('Problem'),
};
