// Generated from the server's OpenAPI document (GET /api/openapi.json) by scripts/api-types.ts.
// Do not edit: change the route's schema in src/server and run `npm run api:types`.


export interface paths {
  "/healthz": {
    /** The process is up */
    get: {
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              status: string;
            };
          };
        };
      };
    };
  };
  "/readyz": {
    /** The database answers */
    get: {
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              status: string;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/session": {
    /** The signed-in user (or null) and a fresh CSRF token for state-changing requests */
    get: {
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              user: null | ({
                /** Format: uuid */
                id: string;
                email: string;
                name: string;
                locale: "sv" | "en";
                funders: ({
                    /** Format: uuid */
                    funderId: string;
                    funderName: string;
                    role: "caseworker" | "reviewer" | "decision_maker" | "finance" | "analyst" | "administrator";
                  })[];
                organisations: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                    orgNumber: string;
                  }[];
              });
              csrfToken: string;
              /** @description Whether this requester may read the local mailbox (demo and development only) */
              mailbox: boolean;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/auth/login": {
    /** Sign in with e-mail and password; five failures lock the account for 15 minutes */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            email: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              user: null | ({
                /** Format: uuid */
                id: string;
                email: string;
                name: string;
                locale: "sv" | "en";
                funders: ({
                    /** Format: uuid */
                    funderId: string;
                    funderName: string;
                    role: "caseworker" | "reviewer" | "decision_maker" | "finance" | "analyst" | "administrator";
                  })[];
                organisations: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                    orgNumber: string;
                  }[];
              });
              csrfToken: string;
              /** @description Whether this requester may read the local mailbox (demo and development only) */
              mailbox: boolean;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/auth/logout": {
    /** Sign out of this browser */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              ok: boolean;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/auth/logout-everywhere": {
    /** End every session of the signed-in user, on all devices */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              ok: boolean;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/auth/register": {
    /** Create an account (for applicants) and sign in */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            name: string;
            /** Format: email */
            email: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          content: {
            "application/json": {
              user: null | ({
                /** Format: uuid */
                id: string;
                email: string;
                name: string;
                locale: "sv" | "en";
                funders: ({
                    /** Format: uuid */
                    funderId: string;
                    funderName: string;
                    role: "caseworker" | "reviewer" | "decision_maker" | "finance" | "analyst" | "administrator";
                  })[];
                organisations: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                    orgNumber: string;
                  }[];
              });
              csrfToken: string;
              /** @description Whether this requester may read the local mailbox (demo and development only) */
              mailbox: boolean;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/me/locale": {
    /** Remember the preferred language (sv or en) */
    put: {
      requestBody: {
        content: {
          "application/json": {
            locale: "sv" | "en";
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              ok: boolean;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/auth/password-reset": {
    /** Mail a single-use reset link; answers the same whether or not the account exists */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** Format: email */
            email: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          content: {
            "application/json": {
              ok: boolean;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/auth/password-reset/confirm": {
    /** Set a new password with a reset token; ends every session of the account */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            token: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              ok: boolean;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/auth/oidc/{funderId}/start": {
    /** Begin sign-in with the funder's own identity provider (OpenID Connect, PKCE) */
    get: {
      parameters: {
        path: {
          funderId: string;
        };
      };
      responses: {
        /** @description Default Response */
        302: {
          content: never;
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/auth/oidc/callback": {
    /** Where the identity provider sends the user back; starts a session for an invited staff member */
    get: {
      parameters: {
        query?: {
          type?: object;
          additionalProperties?: string;
        };
      };
      responses: {
        /** @description Default Response */
        302: {
          content: never;
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/organisations": {
    /** Register an organisation by organisationsnummer; the signed-in user becomes its first member */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            orgNumber: string;
            name: string;
            legalForm: "ideell_forening" | "studieforbund" | "trossamfund" | "stiftelse" | "ekonomisk_forening" | "kommun" | "region" | "myndighet" | "aktiebolag" | "annan";
            municipality?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              orgNumber: string;
              name: string;
              legalForm: string;
              municipality: null | string;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/organisations/{id}": {
    /** One organisation the signed-in user is a member of */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              orgNumber: string;
              name: string;
              legalForm: string;
              municipality: null | string;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/funders": {
    /** All funders, with how their staff can sign in */
    get: {
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              funders: ({
                  /** Format: uuid */
                  id: string;
                  name: string;
                  kind: string;
                  organisationName: string;
                  /** @description The committee that decides the funder’s grants */
                  decisionBody: string;
                  /** @description What a delegate may decide alone (delegation rules). An amount in öre (1 kr = 100 öre) */
                  delegationLimit: import("../../domain/money.ts").Ore;
                  oidc: null | {
                    displayName: string;
                  };
                })[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/funders/{funderId}/decision-rules": {
    /** Set who decides the funder’s grants: the committee’s name, and the most a delegate may decide alone (administrators) */
    put: {
      parameters: {
        path: {
          funderId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            decisionBody: string;
            /** @description An amount in öre (1 kr = 100 öre) */
            delegationLimit: import("../../domain/money.ts").Ore;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              decisionBody: string;
              /** @description An amount in öre (1 kr = 100 öre) */
              delegationLimit: import("../../domain/money.ts").Ore;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/funders/{funderId}/members": {
    /** A funder's users and their roles, and open invitations (administrators) */
    get: {
      parameters: {
        path: {
          funderId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              members: ({
                  /** Format: uuid */
                  userId: string;
                  name: string;
                  email: string;
                  roles: ("caseworker" | "reviewer" | "decision_maker" | "finance" | "analyst" | "administrator")[];
                })[];
              invitations: ({
                  /** Format: uuid */
                  id: string;
                  email: string;
                  role: "caseworker" | "reviewer" | "decision_maker" | "finance" | "analyst" | "administrator";
                  /** Format: date-time */
                  expiresAt: string;
                })[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/funders/{funderId}/members/{userId}/roles": {
    /** Set a user's roles at the funder (an empty list removes them); at least one administrator remains */
    put: {
      parameters: {
        path: {
          funderId: string;
          userId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            roles: ("caseworker" | "reviewer" | "decision_maker" | "finance" | "analyst" | "administrator")[];
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              ok: boolean;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/funders/{funderId}/invitations": {
    /** Invite a colleague by e-mail to a role at the funder (administrators) */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          funderId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** Format: email */
            email: string;
            role: "caseworker" | "reviewer" | "decision_maker" | "finance" | "analyst" | "administrator";
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/invitations/{token}": {
    /** What an invitation link offers */
    get: {
      parameters: {
        path: {
          token: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              funderName: string;
              email: string;
              role: "caseworker" | "reviewer" | "decision_maker" | "finance" | "analyst" | "administrator";
              roleLabel: {
                sv: string;
                en: string;
              };
              accountExists: boolean;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/invitations/accept": {
    /** Accept an invitation: creates the account when there is none (name and password), or adds the role to the signed-in account */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            token: string;
            name?: string;
            password?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              funderId: string;
              csrfToken: null | string;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/audit": {
    /** The audit trail of one object as far as the user's roles let them see it: the newest 500 entries (or the 500 before `before`), oldest first, and whether there are older ones */
    get: {
      parameters: {
        query: {
          /** @description The kind of object; it is found first, and one the user may not see answers 404 as an unknown one does */
          objectType: "application" | "call" | "programme" | "funder" | "organisation" | "eligibility" | "file" | "report" | "activity_type" | "user";
          objectId: string;
          funderId?: string;
          /** @description Only entries older than this position: the next page back */
          before?: number;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              entries: ({
                  position: null | number;
                  chain: null | string;
                  seq: null | number;
                  /** Format: date-time */
                  at: string;
                  actor: string;
                  action: string;
                  objectType: string;
                  objectId: null | string;
                  reason: null | string;
                  data: {
                    [key: string]: unknown;
                  };
                  hash: null | string;
                  /** @description In the hash chain; false for the newest draft saves, gathered while someone types and appended within minutes */
                  sealed: boolean;
                })[];
              older: boolean;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/mailbox": {
    /** Mails delivered to the local mailbox: only when no SMTP server is configured, outside production, and to requests from the machine itself unless MAILBOX_FROM_ANYWHERE=true */
    get: {
      parameters: {
        query?: {
          to?: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              mails: {
                  id: string;
                  to: string;
                  subject: string;
                  text: string;
                  status: string;
                  /** Format: date-time */
                  createdAt: string;
                }[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/funders/{funderId}/programmes": {
    /** A funder's programmes with their budget lines and what is left on each (staff) */
    get: {
      parameters: {
        path: {
          funderId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              programmes: ({
                  /** Format: uuid */
                  id: string;
                  name: string;
                  description: string;
                  startYear: number;
                  endYear: number;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amount: import("../../domain/money.ts").Ore;
                  fundingSource: string;
                  lines: ({
                      /** Format: uuid */
                      id: string;
                      name: string;
                      /** @description An amount in öre (1 kr = 100 öre) */
                      amount: import("../../domain/money.ts").Ore;
                      /** @description Set aside for calls on this line. An amount in öre (1 kr = 100 öre) */
                      committed: import("../../domain/money.ts").Ore;
                      /** @description Left for new calls. An amount in öre (1 kr = 100 öre) */
                      available: import("../../domain/money.ts").Ore;
                      accounting: null | ({
                        /** @description Kommun-Bas account, four digits */
                        account: string;
                        responsibility: null | string;
                        activity: null | string;
                        project: null | string;
                      });
                    })[];
                })[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Create a programme split into budget lines that sum exactly to its amount (caseworkers) */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          funderId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            name: string;
            description?: string;
            startYear: number;
            endYear: number;
            /** @description An amount in öre (1 kr = 100 öre) */
            amount: import("../../domain/money.ts").Ore;
            fundingSource?: string;
            lines: {
                name: string;
                /** @description An amount in öre (1 kr = 100 öre) */
                amount: import("../../domain/money.ts").Ore;
              }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/funders/{funderId}/calls": {
    /** A funder's calls, drafts included (staff) */
    get: {
      parameters: {
        path: {
          funderId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              calls: ({
                  /** Format: uuid */
                  id: string;
                  /** Format: uuid */
                  funderId: string;
                  funderName: string;
                  status: "draft" | "published";
                  phase: "draft" | "upcoming" | "open" | "closed";
                  version: number;
                  title: string;
                  summary: string;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amount: import("../../domain/money.ts").Ore;
                  opensOn: null | string;
                  deadline: null | string;
                  closesAt: null | string;
                  focusAreas: string[];
                })[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Create a call as a draft (caseworkers) */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          funderId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["CallRules"];
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          content: {
            "application/json": ({
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              funderId: string;
              funderName: string;
              status: "draft" | "published";
              phase: "draft" | "upcoming" | "open" | "closed";
              version: number;
              title: string;
              summary: string;
              /** @description An amount in öre (1 kr = 100 öre) */
              amount: import("../../domain/money.ts").Ore;
              opensOn: null | string;
              deadline: null | string;
              closesAt: null | string;
              focusAreas: string[];
            }) & ({
              rules: components["schemas"]["CallRules"];
              publishedAt: null | string;
              budgetLine: null | {
                /** Format: uuid */
                id: string;
                name: string;
                programmeName: string;
              };
              amendments: {
                  version: number;
                  reason: string;
                  changed: string[];
                  changes: {
                    [key: string]: {
                      before: unknown;
                      after: unknown;
                    };
                  };
                  /** Format: date-time */
                  at: string;
                }[];
              timeLeft: null | {
                days: number;
                hours: number;
                minutes: number;
              };
            });
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/calls/{id}": {
    /** One call with all its rules (staff of its funder) */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": ({
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              funderId: string;
              funderName: string;
              status: "draft" | "published";
              phase: "draft" | "upcoming" | "open" | "closed";
              version: number;
              title: string;
              summary: string;
              /** @description An amount in öre (1 kr = 100 öre) */
              amount: import("../../domain/money.ts").Ore;
              opensOn: null | string;
              deadline: null | string;
              closesAt: null | string;
              focusAreas: string[];
            }) & ({
              rules: components["schemas"]["CallRules"];
              publishedAt: null | string;
              budgetLine: null | {
                /** Format: uuid */
                id: string;
                name: string;
                programmeName: string;
              };
              amendments: {
                  version: number;
                  reason: string;
                  changed: string[];
                  changes: {
                    [key: string]: {
                      before: unknown;
                      after: unknown;
                    };
                  };
                  /** Format: date-time */
                  at: string;
                }[];
              timeLeft: null | {
                days: number;
                hours: number;
                minutes: number;
              };
            });
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Change a draft call (a published call changes only through an amendment) */
    put: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["CallRules"];
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": ({
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              funderId: string;
              funderName: string;
              status: "draft" | "published";
              phase: "draft" | "upcoming" | "open" | "closed";
              version: number;
              title: string;
              summary: string;
              /** @description An amount in öre (1 kr = 100 öre) */
              amount: import("../../domain/money.ts").Ore;
              opensOn: null | string;
              deadline: null | string;
              closesAt: null | string;
              focusAreas: string[];
            }) & ({
              rules: components["schemas"]["CallRules"];
              publishedAt: null | string;
              budgetLine: null | {
                /** Format: uuid */
                id: string;
                name: string;
                programmeName: string;
              };
              amendments: {
                  version: number;
                  reason: string;
                  changed: string[];
                  changes: {
                    [key: string]: {
                      before: unknown;
                      after: unknown;
                    };
                  };
                  /** Format: date-time */
                  at: string;
                }[];
              timeLeft: null | {
                days: number;
                hours: number;
                minutes: number;
              };
            });
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/calls/{id}/publish": {
    /** Publish a draft call once it has every required part; it then shows on the public pages */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": ({
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              funderId: string;
              funderName: string;
              status: "draft" | "published";
              phase: "draft" | "upcoming" | "open" | "closed";
              version: number;
              title: string;
              summary: string;
              /** @description An amount in öre (1 kr = 100 öre) */
              amount: import("../../domain/money.ts").Ore;
              opensOn: null | string;
              deadline: null | string;
              closesAt: null | string;
              focusAreas: string[];
            }) & ({
              rules: components["schemas"]["CallRules"];
              publishedAt: null | string;
              budgetLine: null | {
                /** Format: uuid */
                id: string;
                name: string;
                programmeName: string;
              };
              amendments: {
                  version: number;
                  reason: string;
                  changed: string[];
                  changes: {
                    [key: string]: {
                      before: unknown;
                      after: unknown;
                    };
                  };
                  /** Format: date-time */
                  at: string;
                }[];
              timeLeft: null | {
                days: number;
                hours: number;
                minutes: number;
              };
            });
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/calls/{id}/amendments": {
    /** Amend a published call: the new rules with a reason; the change is recorded and shown on the call */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            rules: components["schemas"]["CallRules"];
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": ({
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              funderId: string;
              funderName: string;
              status: "draft" | "published";
              phase: "draft" | "upcoming" | "open" | "closed";
              version: number;
              title: string;
              summary: string;
              /** @description An amount in öre (1 kr = 100 öre) */
              amount: import("../../domain/money.ts").Ore;
              opensOn: null | string;
              deadline: null | string;
              closesAt: null | string;
              focusAreas: string[];
            }) & ({
              rules: components["schemas"]["CallRules"];
              publishedAt: null | string;
              budgetLine: null | {
                /** Format: uuid */
                id: string;
                name: string;
                programmeName: string;
              };
              amendments: {
                  version: number;
                  reason: string;
                  changed: string[];
                  changes: {
                    [key: string]: {
                      before: unknown;
                      after: unknown;
                    };
                  };
                  /** Format: date-time */
                  at: string;
                }[];
              timeLeft: null | {
                days: number;
                hours: number;
                minutes: number;
              };
            });
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/public/calls": {
    /** Published calls: open and upcoming first, then closed; filter by phase */
    get: {
      parameters: {
        query?: {
          phase?: "open" | "upcoming" | "closed";
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              calls: ({
                  /** Format: uuid */
                  id: string;
                  /** Format: uuid */
                  funderId: string;
                  funderName: string;
                  status: "draft" | "published";
                  phase: "draft" | "upcoming" | "open" | "closed";
                  version: number;
                  title: string;
                  summary: string;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amount: import("../../domain/money.ts").Ore;
                  opensOn: null | string;
                  deadline: null | string;
                  closesAt: null | string;
                  focusAreas: string[];
                })[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/public/calls/{id}": {
    /** A published call: its rules, time left, status after the deadline, and its amendments */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": ({
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              funderId: string;
              funderName: string;
              status: "draft" | "published";
              phase: "draft" | "upcoming" | "open" | "closed";
              version: number;
              title: string;
              summary: string;
              /** @description An amount in öre (1 kr = 100 öre) */
              amount: import("../../domain/money.ts").Ore;
              opensOn: null | string;
              deadline: null | string;
              closesAt: null | string;
              focusAreas: string[];
            }) & ({
              rules: components["schemas"]["CallRules"];
              publishedAt: null | string;
              budgetLine: null | {
                /** Format: uuid */
                id: string;
                name: string;
                programmeName: string;
              };
              amendments: {
                  version: number;
                  reason: string;
                  changed: string[];
                  changes: {
                    [key: string]: {
                      before: unknown;
                      after: unknown;
                    };
                  };
                  /** Format: date-time */
                  at: string;
                }[];
              timeLeft: null | {
                days: number;
                hours: number;
                minutes: number;
              };
            });
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/activity-types": {
    /** The activity catalogue: the base types and, with funderId, that funder's adopted types */
    get: {
      parameters: {
        query?: {
          funderId?: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              activityTypes: {
                  /** Format: uuid */
                  id: string;
                  key: string;
                  labelSv: string;
                  labelEn: string;
                  description: string;
                  status: string;
                  /** @description part of the catalogue every funder starts from */
                  base: boolean;
                }[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/funders/{funderId}/activity-types": {
    /** The funder's catalogue with proposals waiting for a decision (staff) */
    get: {
      parameters: {
        path: {
          funderId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              activityTypes: {
                  /** Format: uuid */
                  id: string;
                  key: string;
                  labelSv: string;
                  labelEn: string;
                  description: string;
                  status: string;
                  /** @description part of the catalogue every funder starts from */
                  base: boolean;
                }[];
              proposals: ({
                  /** Format: uuid */
                  id: string;
                  key: string;
                  labelSv: string;
                  labelEn: string;
                  description: string;
                  status: string;
                  /** @description part of the catalogue every funder starts from */
                  base: boolean;
                } & {
                  proposedBy: string;
                })[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/activity-types/proposals": {
    /** Propose a new kind of activity to a funder, on behalf of an organisation the user belongs to */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** Format: uuid */
            funderId: string;
            /** Format: uuid */
            organisationId: string;
            label: string;
            description?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/activity-types/{id}/decision": {
    /** Adopt a proposed activity type into the funder's catalogue (with labels in both languages), or decline it */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            adopt: boolean;
            labelSv?: string;
            labelEn?: string;
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              key: string;
              labelSv: string;
              labelEn: string;
              description: string;
              status: string;
              /** @description part of the catalogue every funder starts from */
              base: boolean;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/organisations/{organisationId}/files": {
    /**
     * Upload one document for the organisation: one file per request, in the multipart field "file"
     * @description PDF, Office, OpenDocument or image (JPEG, PNG), judged by content; at most 10 MB. An Office or OpenDocument file may unpack to at most 100 MB in at most 10000 parts, none packed more than 100 times once past 1 MB; otherwise 422 (file_unpacks_too_large, file_too_many_parts, file_packed_too_tightly, file_damaged). A second file in the same request is refused with 422 file_one_at_a_time; upload files one at a time.
     */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          organisationId: string;
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              name: string;
              contentType: string;
              size: number;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/files/{id}": {
    /** Download a document (the organisation's members, and staff of a funder it was submitted to) */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description the file */
        200: {
          content: {
            "application/json": unknown;
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/organisations/{organisationId}/eligibility": {
    /** The organisation's eligibility approvals and requests, with what is missing */
    get: {
      parameters: {
        path: {
          organisationId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              approvals: ({
                  /** Format: uuid */
                  id: string;
                  /** Format: uuid */
                  funderId: string;
                  funderName: string;
                  /** Format: uuid */
                  organisationId: string;
                  organisationName: string;
                  organisationNumber: string;
                  year: number;
                  status: "submitted" | "needs_more" | "approved" | "rejected";
                  statutesFile: null | string;
                  annualReportFile: null | string;
                  accountsFile: null | string;
                  board: {
                      name: string;
                      role: string;
                      email?: string;
                      signatory?: boolean;
                    }[];
                  memberCount: null | number;
                  payoutKind: null | string;
                  payoutNumber: null | string;
                  missing: string[];
                  requestNote: null | string;
                  /** Format: date-time */
                  submittedAt: string;
                  decidedAt: null | string;
                  validUntil: null | string;
                })[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Apply to a funder to be approved as eligible for grants (bidragsberättigad) for a year, or send what was asked for */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          organisationId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** Format: uuid */
            funderId: string;
            year: number;
            statutesFileId: null | string;
            annualReportFileId: null | string;
            accountsFileId: null | string;
            board: {
                name: string;
                role: string;
                /** @description The e-mail of the member's Samverka account; needed for a signatory */
                email?: string;
                /** @description Signs for the association (firmatecknare): may sign agreements */
                signatory?: boolean;
              }[];
            memberCount: null | number;
            payoutKind: null | ("bankgiro" | "plusgiro");
            payoutNumber: null | string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              funderId: string;
              funderName: string;
              /** Format: uuid */
              organisationId: string;
              organisationName: string;
              organisationNumber: string;
              year: number;
              status: "submitted" | "needs_more" | "approved" | "rejected";
              statutesFile: null | string;
              annualReportFile: null | string;
              accountsFile: null | string;
              board: {
                  name: string;
                  role: string;
                  email?: string;
                  signatory?: boolean;
                }[];
              memberCount: null | number;
              payoutKind: null | string;
              payoutNumber: null | string;
              missing: string[];
              requestNote: null | string;
              /** Format: date-time */
              submittedAt: string;
              decidedAt: null | string;
              validUntil: null | string;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/funders/{funderId}/eligibility/lead-time": {
    /** How long the funder usually takes to decide on an eligibility request: the median over its latest decided requests, or a stated fallback while it has decided too few. Public: the call pages say it before anyone applies. */
    get: {
      parameters: {
        path: {
          funderId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** @description Whole days from the request to the decision, usually */
              days: number;
              /** @description history: the median of the funder's own decided requests; fallback: too few decided to say */
              basis: "history" | "fallback";
              /** @description How many decided requests the figure rests on */
              decided: number;
              /** @description How many decided requests are needed before the history is used */
              minimumHistory: number;
              /** @description The days stated while the history is too short */
              fallbackDays: number;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/funders/{funderId}/eligibility": {
    /** Eligibility requests to the funder, newest first (caseworkers) */
    get: {
      parameters: {
        query?: {
          status?: "submitted" | "needs_more" | "approved" | "rejected";
        };
        path: {
          funderId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              approvals: ({
                  /** Format: uuid */
                  id: string;
                  /** Format: uuid */
                  funderId: string;
                  funderName: string;
                  /** Format: uuid */
                  organisationId: string;
                  organisationName: string;
                  organisationNumber: string;
                  year: number;
                  status: "submitted" | "needs_more" | "approved" | "rejected";
                  statutesFile: null | string;
                  annualReportFile: null | string;
                  accountsFile: null | string;
                  board: {
                      name: string;
                      role: string;
                      email?: string;
                      signatory?: boolean;
                    }[];
                  memberCount: null | number;
                  payoutKind: null | string;
                  payoutNumber: null | string;
                  missing: string[];
                  requestNote: null | string;
                  /** Format: date-time */
                  submittedAt: string;
                  decidedAt: null | string;
                  validUntil: null | string;
                })[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/eligibility/{id}/decision": {
    /** Approve an organisation as eligible for the year, ask for more (with a note the applicant sees), or reject */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            decision: "approve" | "request_more" | "reject";
            note?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              funderId: string;
              funderName: string;
              /** Format: uuid */
              organisationId: string;
              organisationName: string;
              organisationNumber: string;
              year: number;
              status: "submitted" | "needs_more" | "approved" | "rejected";
              statutesFile: null | string;
              annualReportFile: null | string;
              accountsFile: null | string;
              board: {
                  name: string;
                  role: string;
                  email?: string;
                  signatory?: boolean;
                }[];
              memberCount: null | number;
              payoutKind: null | string;
              payoutNumber: null | string;
              missing: string[];
              requestNote: null | string;
              /** Format: date-time */
              submittedAt: string;
              decidedAt: null | string;
              validUntil: null | string;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/calls/{callId}/applications": {
    /** Start an application to an open call for one of the user's organisations (or continue its draft) */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          callId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** Format: uuid */
            organisationId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              callId: string;
              callTitle: string;
              /** Format: uuid */
              funderId: string;
              funderName: string;
              /** Format: uuid */
              organisationId: string;
              organisationName: string;
              /** @description The stored stage (draft, submitted, withdrawn); show shownStatus instead */
              status: string;
              /** @description The status to show: draft, submitted, awaiting_completion, withdrawn, or the current decision's outcome */
              shownStatus: "draft" | "submitted" | "awaiting_completion" | "approved" | "partially_approved" | "rejected" | "withdrawn";
              decision: null | {
                outcome: string;
                /** @description An amount in öre (1 kr = 100 öre) */
                amount: import("../../domain/money.ts").Ore;
              };
              version: number;
              content: components["schemas"]["ApplicationContent"];
              caseNumber: null | string;
              submittedAt: null | string;
              /** Format: date-time */
              updatedAt: string;
              updatedBy: null | string;
              withdrawnAt: null | string;
              decided: boolean;
              deadline: null | string;
              closesAt: null | string;
              access: "applicant" | "partner" | "staff";
              completionRequests: ({
                  /** Format: uuid */
                  id: string;
                  message: string;
                  replyBy: string;
                  /** Format: date-time */
                  askedAt: string;
                  answer: null | string;
                  answerFiles: {
                      /** Format: uuid */
                      fileId: string;
                      name: string;
                    }[];
                  answeredAt: null | string;
                })[];
            };
          };
        };
        /** @description Default Response */
        201: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              callId: string;
              callTitle: string;
              /** Format: uuid */
              funderId: string;
              funderName: string;
              /** Format: uuid */
              organisationId: string;
              organisationName: string;
              /** @description The stored stage (draft, submitted, withdrawn); show shownStatus instead */
              status: string;
              /** @description The status to show: draft, submitted, awaiting_completion, withdrawn, or the current decision's outcome */
              shownStatus: "draft" | "submitted" | "awaiting_completion" | "approved" | "partially_approved" | "rejected" | "withdrawn";
              decision: null | {
                outcome: string;
                /** @description An amount in öre (1 kr = 100 öre) */
                amount: import("../../domain/money.ts").Ore;
              };
              version: number;
              content: components["schemas"]["ApplicationContent"];
              caseNumber: null | string;
              submittedAt: null | string;
              /** Format: date-time */
              updatedAt: string;
              updatedBy: null | string;
              withdrawnAt: null | string;
              decided: boolean;
              deadline: null | string;
              closesAt: null | string;
              access: "applicant" | "partner" | "staff";
              completionRequests: ({
                  /** Format: uuid */
                  id: string;
                  message: string;
                  replyBy: string;
                  /** Format: date-time */
                  askedAt: string;
                  answer: null | string;
                  answerFiles: {
                      /** Format: uuid */
                      fileId: string;
                      name: string;
                    }[];
                  answeredAt: null | string;
                })[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/organisations/{organisationId}/applications": {
    /** The organisation's applications, and those it takes part in as co-applicant */
    get: {
      parameters: {
        path: {
          organisationId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              applications: ({
                  /** Format: uuid */
                  id: string;
                  /** Format: uuid */
                  callId: string;
                  callTitle: string;
                  funderName: string;
                  organisationName: string;
                  role: "applicant" | "partner";
                  status: string;
                  /** @description The status to show: draft, submitted, awaiting_completion, withdrawn, or the current decision's outcome */
                  shownStatus: "draft" | "submitted" | "awaiting_completion" | "approved" | "partially_approved" | "rejected" | "withdrawn";
                  title: string;
                  caseNumber: null | string;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amountRequested: import("../../domain/money.ts").Ore;
                  deadline: null | string;
                  /** Format: date-time */
                  updatedAt: string;
                  decision: null | {
                    outcome: string;
                    /** @description An amount in öre (1 kr = 100 öre) */
                    amount: import("../../domain/money.ts").Ore;
                  };
                })[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/applications/{id}": {
    /** One application with its completion rounds */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              callId: string;
              callTitle: string;
              /** Format: uuid */
              funderId: string;
              funderName: string;
              /** Format: uuid */
              organisationId: string;
              organisationName: string;
              /** @description The stored stage (draft, submitted, withdrawn); show shownStatus instead */
              status: string;
              /** @description The status to show: draft, submitted, awaiting_completion, withdrawn, or the current decision's outcome */
              shownStatus: "draft" | "submitted" | "awaiting_completion" | "approved" | "partially_approved" | "rejected" | "withdrawn";
              decision: null | {
                outcome: string;
                /** @description An amount in öre (1 kr = 100 öre) */
                amount: import("../../domain/money.ts").Ore;
              };
              version: number;
              content: components["schemas"]["ApplicationContent"];
              caseNumber: null | string;
              submittedAt: null | string;
              /** Format: date-time */
              updatedAt: string;
              updatedBy: null | string;
              withdrawnAt: null | string;
              decided: boolean;
              deadline: null | string;
              closesAt: null | string;
              access: "applicant" | "partner" | "staff";
              completionRequests: ({
                  /** Format: uuid */
                  id: string;
                  message: string;
                  replyBy: string;
                  /** Format: date-time */
                  askedAt: string;
                  answer: null | string;
                  answerFiles: {
                      /** Format: uuid */
                      fileId: string;
                      name: string;
                    }[];
                  answeredAt: null | string;
                })[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Save a draft. Send the version you started from: if someone saved since, 409 edit_conflict returns their version in details.current */
    put: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            content: components["schemas"]["ApplicationContent"];
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              callId: string;
              callTitle: string;
              /** Format: uuid */
              funderId: string;
              funderName: string;
              /** Format: uuid */
              organisationId: string;
              organisationName: string;
              /** @description The stored stage (draft, submitted, withdrawn); show shownStatus instead */
              status: string;
              /** @description The status to show: draft, submitted, awaiting_completion, withdrawn, or the current decision's outcome */
              shownStatus: "draft" | "submitted" | "awaiting_completion" | "approved" | "partially_approved" | "rejected" | "withdrawn";
              decision: null | {
                outcome: string;
                /** @description An amount in öre (1 kr = 100 öre) */
                amount: import("../../domain/money.ts").Ore;
              };
              version: number;
              content: components["schemas"]["ApplicationContent"];
              caseNumber: null | string;
              submittedAt: null | string;
              /** Format: date-time */
              updatedAt: string;
              updatedBy: null | string;
              withdrawnAt: null | string;
              decided: boolean;
              deadline: null | string;
              closesAt: null | string;
              access: "applicant" | "partner" | "staff";
              completionRequests: ({
                  /** Format: uuid */
                  id: string;
                  message: string;
                  replyBy: string;
                  /** Format: date-time */
                  askedAt: string;
                  answer: null | string;
                  answerFiles: {
                      /** Format: uuid */
                      fileId: string;
                      name: string;
                    }[];
                  answeredAt: null | string;
                })[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/applications/{id}/check": {
    /** The self-check before submission: the call's rules for the organisation, and what the application still lacks, each explained */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              ready: boolean;
              eligibility: {
                  rule: string;
                  ok: boolean;
                  code: string;
                  message: string;
                }[];
              problems: {
                  field: string;
                  code: string;
                  message: string;
                }[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/applications/{id}/submit": {
    /** Submit: the deadline is checked on the server, a case number in the funder’s series is given, the version is frozen, and a receipt is mailed. A retry returns the first answer. */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              caseNumber: string;
              /** Format: date-time */
              submittedAt: string;
              receiptUrl: string;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/applications/{id}/receipt.pdf": {
    /** The receipt of a submitted application as a PDF, with what was submitted (Swedish; ?lang=en for English) */
    get: {
      parameters: {
        query?: {
          lang?: "sv" | "en";
        };
        path: {
          id: string;
        };
      };
      responses: {
        /** @description application/pdf */
        200: {
          content: {
            "application/json": unknown;
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/applications/{id}/withdraw": {
    /** Withdraw an application (until it is decided); the withdrawal and its reason are kept */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              callId: string;
              callTitle: string;
              /** Format: uuid */
              funderId: string;
              funderName: string;
              /** Format: uuid */
              organisationId: string;
              organisationName: string;
              /** @description The stored stage (draft, submitted, withdrawn); show shownStatus instead */
              status: string;
              /** @description The status to show: draft, submitted, awaiting_completion, withdrawn, or the current decision's outcome */
              shownStatus: "draft" | "submitted" | "awaiting_completion" | "approved" | "partially_approved" | "rejected" | "withdrawn";
              decision: null | {
                outcome: string;
                /** @description An amount in öre (1 kr = 100 öre) */
                amount: import("../../domain/money.ts").Ore;
              };
              version: number;
              content: components["schemas"]["ApplicationContent"];
              caseNumber: null | string;
              submittedAt: null | string;
              /** Format: date-time */
              updatedAt: string;
              updatedBy: null | string;
              withdrawnAt: null | string;
              decided: boolean;
              deadline: null | string;
              closesAt: null | string;
              access: "applicant" | "partner" | "staff";
              completionRequests: ({
                  /** Format: uuid */
                  id: string;
                  message: string;
                  replyBy: string;
                  /** Format: date-time */
                  askedAt: string;
                  answer: null | string;
                  answerFiles: {
                      /** Format: uuid */
                      fileId: string;
                      name: string;
                    }[];
                  answeredAt: null | string;
                })[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/applications/{id}/completion-requests": {
    /** Ask the applicant to complete a submitted application by a date (caseworkers); the applicant is mailed */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            message: string;
            replyBy: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              message: string;
              replyBy: string;
              /** Format: date-time */
              askedAt: string;
              answer: null | string;
              answerFiles: {
                  /** Format: uuid */
                  fileId: string;
                  name: string;
                }[];
              answeredAt: null | string;
            };
          };
        };
        /** @description Default Response */
        201: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              message: string;
              replyBy: string;
              /** Format: date-time */
              askedAt: string;
              answer: null | string;
              answerFiles: {
                  /** Format: uuid */
                  fileId: string;
                  name: string;
                }[];
              answeredAt: null | string;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/completion-requests/{id}/answer": {
    /** Answer a completion request, with documents if asked for */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            answer: string;
            files: {
                /** Format: uuid */
                fileId: string;
                name: string;
              }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              message: string;
              replyBy: string;
              /** Format: date-time */
              askedAt: string;
              answer: null | string;
              answerFiles: {
                  /** Format: uuid */
                  fileId: string;
                  name: string;
                }[];
              answeredAt: null | string;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/funders/{funderId}/applications": {
    /** The caseworker's inbox: received applications of the funder's calls, filtered, searched, sorted, a page at a time (keyset) */
    get: {
      parameters: {
        query?: {
          callId?: string;
          status?: "submitted" | "awaiting_completion" | "undecided" | "approved" | "partially_approved" | "rejected" | "withdrawn";
          area?: string;
          focus?: string;
          orgType?: "ideell_forening" | "studieforbund" | "trossamfund" | "stiftelse" | "ekonomisk_forening" | "kommun" | "region" | "myndighet" | "aktiebolag" | "annan";
          q?: string;
          sort?: "submitted_desc" | "submitted_asc" | "amount_desc" | "amount_asc" | "organisation";
          after?: string;
          limit?: number;
        };
        path: {
          funderId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              items: ({
                  /** Format: uuid */
                  id: string;
                  caseNumber: null | string;
                  /** @description The stored stage (submitted, withdrawn); show shownStatus instead */
                  status: string;
                  /** @description The status to show: draft, submitted, awaiting_completion, withdrawn, or the current decision's outcome */
                  shownStatus: "draft" | "submitted" | "awaiting_completion" | "approved" | "partially_approved" | "rejected" | "withdrawn";
                  awaitingCompletion: boolean;
                  /** Format: uuid */
                  callId: string;
                  callTitle: string;
                  /** Format: uuid */
                  organisationId: string;
                  organisationName: string;
                  legalForm: string;
                  title: string;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amountRequested: import("../../domain/money.ts").Ore;
                  areas: string[];
                  focusAreas: string[];
                  submittedAt: null | string;
                  decision: null | {
                    outcome: string;
                    /** @description An amount in öre (1 kr = 100 öre) */
                    amount: import("../../domain/money.ts").Ore;
                  };
                })[];
              next: null | string;
              /** @description What the filters can choose from, on the first page only */
              facets?: {
                calls: {
                    /** Format: uuid */
                    id: string;
                    title: string;
                  }[];
                areas: string[];
                focusAreas: string[];
              };
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/funders/{funderId}/applications.csv": {
    /** The inbox with the same filters as a CSV file */
    get: {
      parameters: {
        query?: {
          callId?: string;
          status?: "submitted" | "awaiting_completion" | "undecided" | "approved" | "partially_approved" | "rejected" | "withdrawn";
          area?: string;
          focus?: string;
          orgType?: "ideell_forening" | "studieforbund" | "trossamfund" | "stiftelse" | "ekonomisk_forening" | "kommun" | "region" | "myndighet" | "aktiebolag" | "annan";
          q?: string;
          sort?: "submitted_desc" | "submitted_asc" | "amount_desc" | "amount_asc" | "organisation";
        };
        path: {
          funderId: string;
        };
      };
      responses: {
        /** @description csv */
        200: {
          content: {
            "application/json": unknown;
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/funders/{funderId}/applications.xlsx": {
    /** The inbox with the same filters as a XLSX file */
    get: {
      parameters: {
        query?: {
          callId?: string;
          status?: "submitted" | "awaiting_completion" | "undecided" | "approved" | "partially_approved" | "rejected" | "withdrawn";
          area?: string;
          focus?: string;
          orgType?: "ideell_forening" | "studieforbund" | "trossamfund" | "stiftelse" | "ekonomisk_forening" | "kommun" | "region" | "myndighet" | "aktiebolag" | "annan";
          q?: string;
          sort?: "submitted_desc" | "submitted_asc" | "amount_desc" | "amount_asc" | "organisation";
        };
        path: {
          funderId: string;
        };
      };
      responses: {
        /** @description xlsx */
        200: {
          content: {
            "application/json": unknown;
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/applications/{id}/screening": {
    /** The call’s rules applied to the submitted version (the applicant’s self-check code), and the caseworker’s latest screening */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              automatic: ({
                  rule: "submitted_in_time" | "legal_form" | "eligibility_approval" | "exclusions_declared" | "amount_within_limits" | "activities_in_call" | "attachments_complete" | "application_complete";
                  ok: boolean;
                  fields: string[];
                })[];
              latest: null | ({
                outcome: "eligible" | "ineligible";
                /** Format: date-time */
                screenedAt: string;
                rules: ({
                    rule: "submitted_in_time" | "legal_form" | "eligibility_approval" | "exclusions_declared" | "amount_within_limits" | "activities_in_call" | "attachments_complete" | "application_complete";
                    automatic: boolean;
                    ok: boolean;
                    reason: null | string;
                    fields: string[];
                  })[];
              });
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Screen an application: each rule confirmed or overridden (an override needs a reason); every screening is kept */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            rules: ({
                rule: "submitted_in_time" | "legal_form" | "eligibility_approval" | "exclusions_declared" | "amount_within_limits" | "activities_in_call" | "attachments_complete" | "application_complete";
                ok: boolean;
                reason?: null | string;
              })[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          content: {
            "application/json": {
              automatic: ({
                  rule: "submitted_in_time" | "legal_form" | "eligibility_approval" | "exclusions_declared" | "amount_within_limits" | "activities_in_call" | "attachments_complete" | "application_complete";
                  ok: boolean;
                  fields: string[];
                })[];
              latest: null | ({
                outcome: "eligible" | "ineligible";
                /** Format: date-time */
                screenedAt: string;
                rules: ({
                    rule: "submitted_in_time" | "legal_form" | "eligibility_approval" | "exclusions_declared" | "amount_within_limits" | "activities_in_call" | "attachments_complete" | "application_complete";
                    automatic: boolean;
                    ok: boolean;
                    reason: null | string;
                    fields: string[];
                  })[];
              });
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/funders/{funderId}/reviewers": {
    /** The funder’s staff who can be asked to review (reviewers, caseworkers and decision-makers), for caseworkers assigning reviews */
    get: {
      parameters: {
        path: {
          funderId: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              reviewers: {
                  /** Format: uuid */
                  userId: string;
                  name: string;
                  email: string;
                  roles: string[];
                }[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/applications/{id}/reviewers": {
    /** Set who reviews an application (caseworkers). A reviewer who has declared or scored cannot be removed. */
    put: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            reviewerIds: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              reviewers: {
                  /** Format: uuid */
                  userId: string;
                  name: string;
                }[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/applications/{id}/proposal": {
    /** Propose a decision: an amount up to what was applied for (0 proposes rejection), with reasons. Every proposal is kept. */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** @description An amount in öre (1 kr = 100 öre) */
            amount: import("../../domain/money.ts").Ore;
            reasons: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          content: {
            "application/json": {
              /** @description An amount in öre (1 kr = 100 öre) */
              amount: import("../../domain/money.ts").Ore;
              reasons: string;
              /** Format: date-time */
              proposedAt: string;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/calls/{id}/assessment": {
    /** The call’s assessment: every submitted application with its screening, reviews (weighted mean, spread, outliers), proposal and current decision, and the budget left. The committee’s decision basis. */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              call: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                funderId: string;
                title: string;
                funderName: string;
                decisionBody: string;
                /** @description An amount in öre (1 kr = 100 öre) */
                amount: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                minAmount: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                maxAmount: import("../../domain/money.ts").Ore;
                criteria: {
                    id: string;
                    label: string;
                    description?: string;
                    weight: number;
                  }[];
                focusAreas: string[];
                targetAreas: string[];
              };
              budget: {
                /** @description An amount in öre (1 kr = 100 öre) */
                amount: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                granted: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                remaining: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                proposedUndecided: import("../../domain/money.ts").Ore;
              };
              applications: ({
                  /** Format: uuid */
                  id: string;
                  caseNumber: string;
                  /** Format: uuid */
                  organisationId: string;
                  organisationName: string;
                  status: string;
                  title: string;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amountRequested: import("../../domain/money.ts").Ore;
                  focusAreas: string[];
                  areas: string[];
                  submittedAt: null | string;
                  screening: null | ({
                    outcome: "eligible" | "ineligible";
                    /** Format: date-time */
                    screenedAt: string;
                  });
                  reviewers: ({
                      /** Format: uuid */
                      userId: string;
                      name: string;
                      conflict: null | ("none" | "conflict");
                      submitted: boolean;
                    })[];
                  scores: {
                    count: number;
                    mean: null | number;
                    spread: null | number;
                    min: null | number;
                    max: null | number;
                    outliers: {
                        /** Format: uuid */
                        reviewerId: string;
                        name: string;
                        score: number;
                      }[];
                  };
                  proposal: null | {
                    /** @description An amount in öre (1 kr = 100 öre) */
                    amount: import("../../domain/money.ts").Ore;
                    reasons: string;
                    /** Format: date-time */
                    proposedAt: string;
                  };
                  decision: null | ({
                    /** Format: uuid */
                    id: string;
                    outcome: "approved" | "partially_approved" | "rejected";
                    /** @description An amount in öre (1 kr = 100 öre) */
                    amount: import("../../domain/money.ts").Ore;
                    decidedOn: string;
                    paragraph: string;
                    reasons: string;
                    madeBy: "committee" | "delegate";
                  });
                })[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/reviews": {
    /** The signed-in reviewer’s assignments, newest first */
    get: {
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              assignments: ({
                  /** Format: uuid */
                  applicationId: string;
                  caseNumber: string;
                  organisationName: string;
                  title: string;
                  callTitle: string;
                  funderName: string;
                  conflict: null | ("none" | "conflict");
                  submittedAt: null | string;
                })[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/applications/{id}/review": {
    /** The signed-in reviewer’s review of an application, and the others’ once theirs is submitted */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              applicationId: string;
              caseNumber: string;
              organisationName: string;
              title: string;
              criteria: {
                  id: string;
                  label: string;
                  description?: string;
                  weight: number;
                }[];
              conflict: null | ("none" | "conflict");
              conflictNote: null | string;
              declaredAt: null | string;
              submittedAt: null | string;
              scores: {
                [key: string]: {
                  score: null | number;
                  comment: string;
                };
              };
              weighted: null | number;
              others: null | (({
                  /** Format: uuid */
                  reviewerId: string;
                  name: string;
                  conflict: null | ("none" | "conflict");
                  submittedAt: null | string;
                  weighted: null | number;
                  scores: {
                    [key: string]: {
                      score: null | number;
                      comment: string;
                    };
                  };
                })[]);
              summary: null | ({
                count: number;
                mean: null | number;
                spread: null | number;
                min: null | number;
                max: null | number;
                outliers: {
                    /** Format: uuid */
                    reviewerId: string;
                    name: string;
                    score: number;
                  }[];
              });
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Save scores (1–5 per criterion, with a comment); with submit: true the review is final and every criterion must be scored */
    put: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            scores: {
              [key: string]: {
                score: null | number;
                comment: string;
              };
            };
            submit?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              applicationId: string;
              caseNumber: string;
              organisationName: string;
              title: string;
              criteria: {
                  id: string;
                  label: string;
                  description?: string;
                  weight: number;
                }[];
              conflict: null | ("none" | "conflict");
              conflictNote: null | string;
              declaredAt: null | string;
              submittedAt: null | string;
              scores: {
                [key: string]: {
                  score: null | number;
                  comment: string;
                };
              };
              weighted: null | number;
              others: null | (({
                  /** Format: uuid */
                  reviewerId: string;
                  name: string;
                  conflict: null | ("none" | "conflict");
                  submittedAt: null | string;
                  weighted: null | number;
                  scores: {
                    [key: string]: {
                      score: null | number;
                      comment: string;
                    };
                  };
                })[]);
              summary: null | ({
                count: number;
                mean: null | number;
                spread: null | number;
                min: null | number;
                max: null | number;
                outliers: {
                    /** Format: uuid */
                    reviewerId: string;
                    name: string;
                    score: number;
                  }[];
              });
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/applications/{id}/review/declaration": {
    /** Declare conflict of interest (jäv) or its absence, before seeing others’ scores or scoring. One with a conflict cannot score. A declaration can be changed to a conflict until the review is submitted. */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            conflict: boolean;
            note?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              applicationId: string;
              caseNumber: string;
              organisationName: string;
              title: string;
              criteria: {
                  id: string;
                  label: string;
                  description?: string;
                  weight: number;
                }[];
              conflict: null | ("none" | "conflict");
              conflictNote: null | string;
              declaredAt: null | string;
              submittedAt: null | string;
              scores: {
                [key: string]: {
                  score: null | number;
                  comment: string;
                };
              };
              weighted: null | number;
              others: null | (({
                  /** Format: uuid */
                  reviewerId: string;
                  name: string;
                  conflict: null | ("none" | "conflict");
                  submittedAt: null | string;
                  weighted: null | number;
                  scores: {
                    [key: string]: {
                      score: null | number;
                      comment: string;
                    };
                  };
                })[]);
              summary: null | ({
                count: number;
                mean: null | number;
                spread: null | number;
                min: null | number;
                max: null | number;
                outliers: {
                    /** Format: uuid */
                    reviewerId: string;
                    name: string;
                    score: number;
                  }[];
              });
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/applications/{id}/reviews": {
    /** Every reviewer’s declaration and scores, with the weighted mean, spread and outliers (caseworkers and decision-makers) */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              criteria: {
                  id: string;
                  label: string;
                  description?: string;
                  weight: number;
                }[];
              reviews: ({
                  /** Format: uuid */
                  reviewerId: string;
                  name: string;
                  conflict: null | ("none" | "conflict");
                  submittedAt: null | string;
                  weighted: null | number;
                  scores: {
                    [key: string]: {
                      score: null | number;
                      comment: string;
                    };
                  };
                })[];
              summary: {
                count: number;
                mean: null | number;
                spread: null | number;
                min: null | number;
                max: null | number;
                outliers: {
                    /** Format: uuid */
                    reviewerId: string;
                    name: string;
                    score: number;
                  }[];
              };
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/calls/{id}/optimizer": {
    /** Propose which eligible, scored and undecided applications to fund, and how much (in full or a share between the call’s minimum and maximum), to get the most weighted score out of what is left of the budget under the caseworker’s constraints; with what each constraint costs (in weighted score, and in the money and applications it displaces) and why each application is in or out. It proposes; people decide. An infeasible set of constraints is refused naming the ones that conflict. */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            constraints: (({
                id: string;
                kind: "min_focus" | "max_focus";
                focusArea: string;
                /** @description An amount in öre (1 kr = 100 öre) */
                amount?: import("../../domain/money.ts").Ore;
                count?: number;
              }) | {
                id: string;
                /** @enum {string} */
                kind: "cover_area";
                areas: string[];
                count?: number;
              } | {
                id: string;
                /** @enum {string} */
                kind: "max_org_share";
                share: number;
              } | {
                id: string;
                /** @enum {string} */
                kind: "lock_in";
                /** Format: uuid */
                applicationId: string;
                /** @description An amount in öre (1 kr = 100 öre) */
                amount?: import("../../domain/money.ts").Ore;
              } | {
                id: string;
                /** @enum {string} */
                kind: "lock_out";
                /** Format: uuid */
                applicationId: string;
              })[];
            minScore?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              status: "optimal" | "time_limit";
              /** @description What is left of the call to decide on. An amount in öre (1 kr = 100 öre) */
              budget: import("../../domain/money.ts").Ore;
              score: number;
              /** @description An amount in öre (1 kr = 100 öre) */
              total: import("../../domain/money.ts").Ore;
              /** @description An amount in öre (1 kr = 100 öre) */
              leftover: import("../../domain/money.ts").Ore;
              gap: null | number;
              solveSeconds: number;
              applications: ({
                  /** Format: uuid */
                  id: string;
                  caseNumber: string;
                  organisationName: string;
                  title: string;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  requested: import("../../domain/money.ts").Ore;
                  score: null | number;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amount: import("../../domain/money.ts").Ore;
                  decision: "full" | "partial" | "none";
                  reasons: {
                      code: string;
                      message: string;
                      messages: {
                        sv: string;
                        en: string;
                      };
                    }[];
                })[];
              constraintCosts: {
                  constraintId: string;
                  description: string;
                  /** @description How much higher the weighted score would be without the constraint */
                  cost: number;
                  exact: boolean;
                  /** @description What would go to other applications without the constraint. An amount in öre (1 kr = 100 öre) */
                  displacedAmount: import("../../domain/money.ts").Ore;
                  /** @description Applications that get less (or nothing) because of the constraint, most money first */
                  displaced: {
                      /** Format: uuid */
                      id: string;
                      caseNumber: string;
                      organisationName: string;
                      title: string;
                      /** @description An amount in öre (1 kr = 100 öre) */
                      with: import("../../domain/money.ts").Ore;
                      /** @description An amount in öre (1 kr = 100 öre) */
                      without: import("../../domain/money.ts").Ore;
                    }[];
                  /** @description Applications that get more because of the constraint, most money first */
                  favoured: {
                      /** Format: uuid */
                      id: string;
                      caseNumber: string;
                      organisationName: string;
                      title: string;
                      /** @description An amount in öre (1 kr = 100 öre) */
                      with: import("../../domain/money.ts").Ore;
                      /** @description An amount in öre (1 kr = 100 öre) */
                      without: import("../../domain/money.ts").Ore;
                    }[];
                  message: string;
                  messages: {
                    sv: string;
                    en: string;
                  };
                }[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/applications/{id}/decisions": {
    /** Every decision on an application, oldest first; the current one is the one not superseded (the applicant, co-applicants and the funder’s staff) */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              decisions: ({
                  /** Format: uuid */
                  id: string;
                  /** Format: uuid */
                  applicationId: string;
                  outcome: "approved" | "partially_approved" | "rejected";
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amount: import("../../domain/money.ts").Ore;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amountRequested: import("../../domain/money.ts").Ore;
                  reasons: string;
                  conditions: string;
                  grantFrom: null | string;
                  grantTo: null | string;
                  madeBy: "committee" | "delegate";
                  decisionBody: string;
                  paragraph: string;
                  decidedOn: string;
                  announcedOn: string;
                  reservations: ({
                      kind: "reservation" | "dissent";
                      by: string;
                      text: string;
                    })[];
                  supersedes: null | string;
                  supersededBy: null | string;
                  /** Format: date-time */
                  recordedAt: string;
                  appeal: {
                    law: "kommunallagen" | "forvaltningslagen";
                    from: string;
                    deadline: string;
                  };
                  letterUrl: string;
                })[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Record the decision on an application (committee or delegate). The amount may not exceed what was applied for or what is left of the budget; a decision is never edited — pass supersedes to replace the current one. */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** @description An amount in öre (1 kr = 100 öre) */
            amount: import("../../domain/money.ts").Ore;
            reasons: string;
            conditions?: string;
            grantFrom?: null | string;
            grantTo?: null | string;
            madeBy: "committee" | "delegate";
            decisionBody: string;
            paragraph?: string;
            decidedOn: string;
            announcedOn?: null | string;
            reservations?: ({
                kind: "reservation" | "dissent";
                by: string;
                text: string;
              })[];
            /** Format: uuid */
            supersedes?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              applicationId: string;
              outcome: "approved" | "partially_approved" | "rejected";
              /** @description An amount in öre (1 kr = 100 öre) */
              amount: import("../../domain/money.ts").Ore;
              /** @description An amount in öre (1 kr = 100 öre) */
              amountRequested: import("../../domain/money.ts").Ore;
              reasons: string;
              conditions: string;
              grantFrom: null | string;
              grantTo: null | string;
              madeBy: "committee" | "delegate";
              decisionBody: string;
              paragraph: string;
              decidedOn: string;
              announcedOn: string;
              reservations: ({
                  kind: "reservation" | "dissent";
                  by: string;
                  text: string;
                })[];
              supersedes: null | string;
              supersededBy: null | string;
              /** Format: date-time */
              recordedAt: string;
              appeal: {
                law: "kommunallagen" | "forvaltningslagen";
                from: string;
                deadline: string;
              };
              letterUrl: string;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/decisions/{id}/letter.pdf": {
    /** The decision letter as a PDF, in Swedish (?lang=en for English) */
    get: {
      parameters: {
        query?: {
          lang?: "sv" | "en";
        };
        path: {
          id: string;
        };
      };
      responses: {
        /** @description application/pdf */
        200: {
          content: {
            "application/json": string;
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/calls/{id}/decision-basis.pdf": {
    /** The decision basis (beslutsunderlag) for the committee as a PDF: every proposal with its scores, amounts and reasons, and the budget left */
    get: {
      parameters: {
        query?: {
          lang?: "sv" | "en";
        };
        path: {
          id: string;
        };
      };
      responses: {
        /** @description application/pdf */
        200: {
          content: {
            "application/json": string;
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/calls/{id}/minutes.pdf": {
    /** The record of a meeting’s decisions on the call (protokollsutdrag) as a PDF */
    get: {
      parameters: {
        query: {
          decidedOn: string;
          lang?: "sv" | "en";
        };
        path: {
          id: string;
        };
      };
      responses: {
        /** @description application/pdf */
        200: {
          content: {
            "application/json": string;
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/public/grants": {
    /** Awarded grants, public once decided: organisation, amount, purpose, area and date (current decisions only) */
    get: {
      parameters: {
        query?: {
          funderId?: string;
          year?: number;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              grants: {
                  /** Format: uuid */
                  decisionId: string;
                  /** Format: uuid */
                  funderId: string;
                  funderName: string;
                  callTitle: string;
                  caseNumber: string;
                  organisationName: string;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amount: import("../../domain/money.ts").Ore;
                  purpose: string;
                  areas: string[];
                  focusAreas: string[];
                  decidedOn: string;
                }[];
              /** @description All awarded grants that match (also beyond the listed ones). An amount in öre (1 kr = 100 öre) */
              total: import("../../domain/money.ts").Ore;
              /** @description How many grants match; at most 1 000 are listed */
              count: number;
              /** @description The years with awarded grants, newest first */
              years: number[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/me/work": {
    /** What needs the signed-in staff member at each funder they work for: approvals waiting, applications to screen, completions answered, reviews assigned, proposals to decide, follow-up reports to review and overdue; each with its count and its oldest items */
    get: {
      parameters: {
        query?: {
          /** @description Items per queue (default 5) */
          limit?: number;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              funders: ({
                  /** Format: uuid */
                  funderId: string;
                  funderName: string;
                  queues: ({
                      queue: "eligibility_approvals" | "applications_to_screen" | "completions_answered" | "reviews_assigned" | "proposals_to_decide" | "agreements_to_sign" | "runs_to_approve" | "accounts_to_approve" | "reports_to_review" | "reports_overdue";
                      count: number;
                      /** @description The oldest first */
                      items: ({
                          /** Format: uuid */
                          id: string;
                          caseNumber: null | string;
                          title: null | string;
                          organisationName: string;
                          /**
                           * Format: date-time
                           * @description Since when it has waited: received, answered, assigned or proposed
                           */
                          since: string;
                          /** @description The page of the web app where the work is done */
                          link: string;
                        })[];
                      /** @description The page of the web app that lists the whole queue */
                      all: string;
                    })[];
                })[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/me/notifications": {
    /** Which mails the signed-in person gets, per event: staff choose a mail each time, a daily digest or nothing for new work; an association’s members choose whether to be reminded before a report is due */
    get: {
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** @description The events the person’s roles at a funder, or their membership of an organisation, make them someone to tell, with their choice (or the default). Mails that are always sent are not listed. */
              preferences: ({
                  event: "application_submitted" | "eligibility_requested" | "completion_answered" | "review_assigned" | "proposal_ready" | "report_submitted" | "report_overdue" | "report_due_soon";
                  /** @description each: a mail per event; digest: one mail a day at 07:00 listing them (staff events only); none: no mail */
                  delivery: "each" | "digest" | "none";
                  /** @description each: a mail per event; digest: one mail a day at 07:00 listing them (staff events only); none: no mail */
                  default: "each" | "digest" | "none";
                })[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Chooses how the signed-in person is told of these events; others stay as they were. A choice an event does not offer is refused on its field. */
    put: {
      requestBody: {
        content: {
          "application/json": {
            preferences: ({
                event: "application_submitted" | "eligibility_requested" | "completion_answered" | "review_assigned" | "proposal_ready" | "report_submitted" | "report_overdue" | "report_due_soon";
                /** @description each: a mail per event; digest: one mail a day at 07:00 listing them (staff events only); none: no mail */
                delivery: "each" | "digest" | "none";
              })[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** @description The events the person’s roles at a funder, or their membership of an organisation, make them someone to tell, with their choice (or the default). Mails that are always sent are not listed. */
              preferences: ({
                  event: "application_submitted" | "eligibility_requested" | "completion_answered" | "review_assigned" | "proposal_ready" | "report_submitted" | "report_overdue" | "report_due_soon";
                  /** @description each: a mail per event; digest: one mail a day at 07:00 listing them (staff events only); none: no mail */
                  delivery: "each" | "digest" | "none";
                  /** @description each: a mail per event; digest: one mail a day at 07:00 listing them (staff events only); none: no mail */
                  default: "each" | "digest" | "none";
                })[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/applications/{id}/agreement": {
    /** The agreement of an application, if one is drafted (the association and the funder’s staff) */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              agreement: null | ({
                /** Format: uuid */
                id: string;
                number: string;
                kind: "assignment" | "iop";
                status: "draft" | "signed";
                version: number;
                /** @description An amount in öre (1 kr = 100 öre) */
                amount: import("../../domain/money.ts").Ore;
                /** Format: uuid */
                applicationId: string;
                caseNumber: string;
                applicationTitle: string;
                callTitle: string;
                /** Format: uuid */
                funderId: string;
                funderName: string;
                organisation: {
                  /** Format: uuid */
                  id: string;
                  name: string;
                  orgNumber: string;
                };
                content: components["schemas"]["AgreementContent"];
                /** @description All on signing, instalments by share and condition, or one part per quarter of the period */
                schedule: {
                  /** @enum {string} */
                  kind: "on_signing";
                } | ({
                  /** @enum {string} */
                  kind: "instalments";
                  parts: ({
                      percent: number;
                      condition: "on_signing" | "after_interim_report" | "on_date";
                      date: null | string;
                    })[];
                }) | {
                  /** @enum {string} */
                  kind: "quarterly";
                };
                /** @description SHA-256 of what a signature accepts; send it back when signing */
                contentSha256: string;
                signedAt: null | string;
                documentSha256: null | string;
                documentUrl: string;
                signatures: ({
                    party: "funder" | "organisation";
                    name: string;
                    role: string;
                    /** Format: date-time */
                    signedAt: string;
                    current: boolean;
                  })[];
                /** @description Who may sign for the association */
                signatories: {
                    name: string;
                    role: string;
                  }[];
                comments: ({
                    /** Format: uuid */
                    id: string;
                    party: "funder" | "organisation";
                    authorName: string;
                    body: string;
                    /** Format: date-time */
                    createdAt: string;
                  })[];
                amendments: {
                    version: number;
                    reason: string;
                    changed: string[];
                    /** Format: date-time */
                    createdAt: string;
                  }[];
                instalments: ({
                    /** Format: uuid */
                    id: string;
                    number: number;
                    /** @description An amount in öre (1 kr = 100 öre) */
                    amount: import("../../domain/money.ts").Ore;
                    condition: "on_signing" | "after_interim_report" | "on_date";
                    dueOn: null | string;
                    status: "planned" | "due" | "in_run" | "sent" | "paid" | "cancelled";
                    lastReason: null | string;
                    paidOn: null | string;
                  })[];
                /** @description For a draft: the schedule as it would be if signed today */
                plannedInstalments: ({
                    number: number;
                    /** @description An amount in öre (1 kr = 100 öre) */
                    amount: import("../../domain/money.ts").Ore;
                    condition: string;
                    dueOn: null | string;
                  })[];
                /** @description Granted in all, in a signed agreement and not yet paid, paid out (net of bank rejections), paid back, still owed back, and left to pay */
                ledger: {
                  /** @description An amount in öre (1 kr = 100 öre) */
                  granted: import("../../domain/money.ts").Ore;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  committed: import("../../domain/money.ts").Ore;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  paid: import("../../domain/money.ts").Ore;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  recovered: import("../../domain/money.ts").Ore;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  owed: import("../../domain/money.ts").Ore;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  remaining: import("../../domain/money.ts").Ore;
                };
                recoveries: ({
                    /** Format: uuid */
                    id: string;
                    number: string;
                    /** @description An amount in öre (1 kr = 100 öre) */
                    amount: import("../../domain/money.ts").Ore;
                    /** @description An amount in öre (1 kr = 100 öre) */
                    repaid: import("../../domain/money.ts").Ore;
                    grounds: "unused" | "unreported" | "misused";
                    reasons: string;
                    decidedOn: string;
                    payBy: string;
                    letterUrl: string;
                  })[];
                payoutHold: null | ("no_verified_account" | "account_change_pending");
                overdueReport: null | ({
                  /** Format: uuid */
                  id: string;
                  kind: "interim" | "final";
                  /** @description The due date that has passed, YYYY-MM-DD (Europe/Stockholm) */
                  dueOn: string;
                });
                may: {
                  edit: boolean;
                  sign: boolean;
                  amend: boolean;
                  recover: boolean;
                  release: boolean;
                };
              });
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Draft the agreement for a granted application, with the application’s content filled in (caseworker) */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              number: string;
              kind: "assignment" | "iop";
              status: "draft" | "signed";
              version: number;
              /** @description An amount in öre (1 kr = 100 öre) */
              amount: import("../../domain/money.ts").Ore;
              /** Format: uuid */
              applicationId: string;
              caseNumber: string;
              applicationTitle: string;
              callTitle: string;
              /** Format: uuid */
              funderId: string;
              funderName: string;
              organisation: {
                /** Format: uuid */
                id: string;
                name: string;
                orgNumber: string;
              };
              content: components["schemas"]["AgreementContent"];
              /** @description All on signing, instalments by share and condition, or one part per quarter of the period */
              schedule: {
                /** @enum {string} */
                kind: "on_signing";
              } | ({
                /** @enum {string} */
                kind: "instalments";
                parts: ({
                    percent: number;
                    condition: "on_signing" | "after_interim_report" | "on_date";
                    date: null | string;
                  })[];
              }) | {
                /** @enum {string} */
                kind: "quarterly";
              };
              /** @description SHA-256 of what a signature accepts; send it back when signing */
              contentSha256: string;
              signedAt: null | string;
              documentSha256: null | string;
              documentUrl: string;
              signatures: ({
                  party: "funder" | "organisation";
                  name: string;
                  role: string;
                  /** Format: date-time */
                  signedAt: string;
                  current: boolean;
                })[];
              /** @description Who may sign for the association */
              signatories: {
                  name: string;
                  role: string;
                }[];
              comments: ({
                  /** Format: uuid */
                  id: string;
                  party: "funder" | "organisation";
                  authorName: string;
                  body: string;
                  /** Format: date-time */
                  createdAt: string;
                })[];
              amendments: {
                  version: number;
                  reason: string;
                  changed: string[];
                  /** Format: date-time */
                  createdAt: string;
                }[];
              instalments: ({
                  /** Format: uuid */
                  id: string;
                  number: number;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amount: import("../../domain/money.ts").Ore;
                  condition: "on_signing" | "after_interim_report" | "on_date";
                  dueOn: null | string;
                  status: "planned" | "due" | "in_run" | "sent" | "paid" | "cancelled";
                  lastReason: null | string;
                  paidOn: null | string;
                })[];
              /** @description For a draft: the schedule as it would be if signed today */
              plannedInstalments: ({
                  number: number;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amount: import("../../domain/money.ts").Ore;
                  condition: string;
                  dueOn: null | string;
                })[];
              /** @description Granted in all, in a signed agreement and not yet paid, paid out (net of bank rejections), paid back, still owed back, and left to pay */
              ledger: {
                /** @description An amount in öre (1 kr = 100 öre) */
                granted: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                committed: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                paid: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                recovered: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                owed: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                remaining: import("../../domain/money.ts").Ore;
              };
              recoveries: ({
                  /** Format: uuid */
                  id: string;
                  number: string;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amount: import("../../domain/money.ts").Ore;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  repaid: import("../../domain/money.ts").Ore;
                  grounds: "unused" | "unreported" | "misused";
                  reasons: string;
                  decidedOn: string;
                  payBy: string;
                  letterUrl: string;
                })[];
              payoutHold: null | ("no_verified_account" | "account_change_pending");
              overdueReport: null | ({
                /** Format: uuid */
                id: string;
                kind: "interim" | "final";
                /** @description The due date that has passed, YYYY-MM-DD (Europe/Stockholm) */
                dueOn: string;
              });
              may: {
                edit: boolean;
                sign: boolean;
                amend: boolean;
                recover: boolean;
                release: boolean;
              };
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/organisations/{id}/agreements": {
    /** The organisation’s agreements with what is due to be paid and what has been paid (members) */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              agreements: ({
                  /** Format: uuid */
                  id: string;
                  number: string;
                  kind: "assignment" | "iop";
                  status: "draft" | "signed";
                  funderName: string;
                  applicationTitle: string;
                  caseNumber: string;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amount: import("../../domain/money.ts").Ore;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  paid: import("../../domain/money.ts").Ore;
                  /** @description Instalments not yet paid. An amount in öre (1 kr = 100 öre) */
                  toCome: import("../../domain/money.ts").Ore;
                  nextDue: null | ({
                    /** @description An amount in öre (1 kr = 100 öre) */
                    amount: import("../../domain/money.ts").Ore;
                    dueOn: null | string;
                    condition: string;
                  });
                  mayISign: boolean;
                  overdueReport: null | ({
                    /** Format: uuid */
                    id: string;
                    kind: "interim" | "final";
                    /** @description The due date that has passed, YYYY-MM-DD (Europe/Stockholm) */
                    dueOn: string;
                  });
                })[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/agreements/{id}": {
    /** One agreement with its signatures, schedule, ledger and recoveries */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              number: string;
              kind: "assignment" | "iop";
              status: "draft" | "signed";
              version: number;
              /** @description An amount in öre (1 kr = 100 öre) */
              amount: import("../../domain/money.ts").Ore;
              /** Format: uuid */
              applicationId: string;
              caseNumber: string;
              applicationTitle: string;
              callTitle: string;
              /** Format: uuid */
              funderId: string;
              funderName: string;
              organisation: {
                /** Format: uuid */
                id: string;
                name: string;
                orgNumber: string;
              };
              content: components["schemas"]["AgreementContent"];
              /** @description All on signing, instalments by share and condition, or one part per quarter of the period */
              schedule: {
                /** @enum {string} */
                kind: "on_signing";
              } | ({
                /** @enum {string} */
                kind: "instalments";
                parts: ({
                    percent: number;
                    condition: "on_signing" | "after_interim_report" | "on_date";
                    date: null | string;
                  })[];
              }) | {
                /** @enum {string} */
                kind: "quarterly";
              };
              /** @description SHA-256 of what a signature accepts; send it back when signing */
              contentSha256: string;
              signedAt: null | string;
              documentSha256: null | string;
              documentUrl: string;
              signatures: ({
                  party: "funder" | "organisation";
                  name: string;
                  role: string;
                  /** Format: date-time */
                  signedAt: string;
                  current: boolean;
                })[];
              /** @description Who may sign for the association */
              signatories: {
                  name: string;
                  role: string;
                }[];
              comments: ({
                  /** Format: uuid */
                  id: string;
                  party: "funder" | "organisation";
                  authorName: string;
                  body: string;
                  /** Format: date-time */
                  createdAt: string;
                })[];
              amendments: {
                  version: number;
                  reason: string;
                  changed: string[];
                  /** Format: date-time */
                  createdAt: string;
                }[];
              instalments: ({
                  /** Format: uuid */
                  id: string;
                  number: number;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amount: import("../../domain/money.ts").Ore;
                  condition: "on_signing" | "after_interim_report" | "on_date";
                  dueOn: null | string;
                  status: "planned" | "due" | "in_run" | "sent" | "paid" | "cancelled";
                  lastReason: null | string;
                  paidOn: null | string;
                })[];
              /** @description For a draft: the schedule as it would be if signed today */
              plannedInstalments: ({
                  number: number;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amount: import("../../domain/money.ts").Ore;
                  condition: string;
                  dueOn: null | string;
                })[];
              /** @description Granted in all, in a signed agreement and not yet paid, paid out (net of bank rejections), paid back, still owed back, and left to pay */
              ledger: {
                /** @description An amount in öre (1 kr = 100 öre) */
                granted: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                committed: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                paid: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                recovered: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                owed: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                remaining: import("../../domain/money.ts").Ore;
              };
              recoveries: ({
                  /** Format: uuid */
                  id: string;
                  number: string;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amount: import("../../domain/money.ts").Ore;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  repaid: import("../../domain/money.ts").Ore;
                  grounds: "unused" | "unreported" | "misused";
                  reasons: string;
                  decidedOn: string;
                  payBy: string;
                  letterUrl: string;
                })[];
              payoutHold: null | ("no_verified_account" | "account_change_pending");
              overdueReport: null | ({
                /** Format: uuid */
                id: string;
                kind: "interim" | "final";
                /** @description The due date that has passed, YYYY-MM-DD (Europe/Stockholm) */
                dueOn: string;
              });
              may: {
                edit: boolean;
                sign: boolean;
                amend: boolean;
                recover: boolean;
                release: boolean;
              };
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Save the draft (caseworker). Send the version you edited; each save is a new version that both parties accept anew. */
    put: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            version: number;
            kind: "assignment" | "iop";
            content: components["schemas"]["AgreementContent"];
            /** @description All on signing, instalments by share and condition, or one part per quarter of the period */
            schedule: {
              /** @enum {string} */
              kind: "on_signing";
            } | ({
              /** @enum {string} */
              kind: "instalments";
              parts: ({
                  percent: number;
                  condition: "on_signing" | "after_interim_report" | "on_date";
                  date: null | string;
                })[];
            }) | {
              /** @enum {string} */
              kind: "quarterly";
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              number: string;
              kind: "assignment" | "iop";
              status: "draft" | "signed";
              version: number;
              /** @description An amount in öre (1 kr = 100 öre) */
              amount: import("../../domain/money.ts").Ore;
              /** Format: uuid */
              applicationId: string;
              caseNumber: string;
              applicationTitle: string;
              callTitle: string;
              /** Format: uuid */
              funderId: string;
              funderName: string;
              organisation: {
                /** Format: uuid */
                id: string;
                name: string;
                orgNumber: string;
              };
              content: components["schemas"]["AgreementContent"];
              /** @description All on signing, instalments by share and condition, or one part per quarter of the period */
              schedule: {
                /** @enum {string} */
                kind: "on_signing";
              } | ({
                /** @enum {string} */
                kind: "instalments";
                parts: ({
                    percent: number;
                    condition: "on_signing" | "after_interim_report" | "on_date";
                    date: null | string;
                  })[];
              }) | {
                /** @enum {string} */
                kind: "quarterly";
              };
              /** @description SHA-256 of what a signature accepts; send it back when signing */
              contentSha256: string;
              signedAt: null | string;
              documentSha256: null | string;
              documentUrl: string;
              signatures: ({
                  party: "funder" | "organisation";
                  name: string;
                  role: string;
                  /** Format: date-time */
                  signedAt: string;
                  current: boolean;
                })[];
              /** @description Who may sign for the association */
              signatories: {
                  name: string;
                  role: string;
                }[];
              comments: ({
                  /** Format: uuid */
                  id: string;
                  party: "funder" | "organisation";
                  authorName: string;
                  body: string;
                  /** Format: date-time */
                  createdAt: string;
                })[];
              amendments: {
                  version: number;
                  reason: string;
                  changed: string[];
                  /** Format: date-time */
                  createdAt: string;
                }[];
              instalments: ({
                  /** Format: uuid */
                  id: string;
                  number: number;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amount: import("../../domain/money.ts").Ore;
                  condition: "on_signing" | "after_interim_report" | "on_date";
                  dueOn: null | string;
                  status: "planned" | "due" | "in_run" | "sent" | "paid" | "cancelled";
                  lastReason: null | string;
                  paidOn: null | string;
                })[];
              /** @description For a draft: the schedule as it would be if signed today */
              plannedInstalments: ({
                  number: number;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amount: import("../../domain/money.ts").Ore;
                  condition: string;
                  dueOn: null | string;
                })[];
              /** @description Granted in all, in a signed agreement and not yet paid, paid out (net of bank rejections), paid back, still owed back, and left to pay */
              ledger: {
                /** @description An amount in öre (1 kr = 100 öre) */
                granted: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                committed: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                paid: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                recovered: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                owed: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                remaining: import("../../domain/money.ts").Ore;
              };
              recoveries: ({
                  /** Format: uuid */
                  id: string;
                  number: string;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amount: import("../../domain/money.ts").Ore;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  repaid: import("../../domain/money.ts").Ore;
                  grounds: "unused" | "unreported" | "misused";
                  reasons: string;
                  decidedOn: string;
                  payBy: string;
                  letterUrl: string;
                })[];
              payoutHold: null | ("no_verified_account" | "account_change_pending");
              overdueReport: null | ({
                /** Format: uuid */
                id: string;
                kind: "interim" | "final";
                /** @description The due date that has passed, YYYY-MM-DD (Europe/Stockholm) */
                dueOn: string;
              });
              may: {
                edit: boolean;
                sign: boolean;
                amend: boolean;
                recover: boolean;
                release: boolean;
              };
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/agreements/{id}/comments": {
    /** Comment on the agreement (either party); the other side is told */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            body: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              number: string;
              kind: "assignment" | "iop";
              status: "draft" | "signed";
              version: number;
              /** @description An amount in öre (1 kr = 100 öre) */
              amount: import("../../domain/money.ts").Ore;
              /** Format: uuid */
              applicationId: string;
              caseNumber: string;
              applicationTitle: string;
              callTitle: string;
              /** Format: uuid */
              funderId: string;
              funderName: string;
              organisation: {
                /** Format: uuid */
                id: string;
                name: string;
                orgNumber: string;
              };
              content: components["schemas"]["AgreementContent"];
              /** @description All on signing, instalments by share and condition, or one part per quarter of the period */
              schedule: {
                /** @enum {string} */
                kind: "on_signing";
              } | ({
                /** @enum {string} */
                kind: "instalments";
                parts: ({
                    percent: number;
                    condition: "on_signing" | "after_interim_report" | "on_date";
                    date: null | string;
                  })[];
              }) | {
                /** @enum {string} */
                kind: "quarterly";
              };
              /** @description SHA-256 of what a signature accepts; send it back when signing */
              contentSha256: string;
              signedAt: null | string;
              documentSha256: null | string;
              documentUrl: string;
              signatures: ({
                  party: "funder" | "organisation";
                  name: string;
                  role: string;
                  /** Format: date-time */
                  signedAt: string;
                  current: boolean;
                })[];
              /** @description Who may sign for the association */
              signatories: {
                  name: string;
                  role: string;
                }[];
              comments: ({
                  /** Format: uuid */
                  id: string;
                  party: "funder" | "organisation";
                  authorName: string;
                  body: string;
                  /** Format: date-time */
                  createdAt: string;
                })[];
              amendments: {
                  version: number;
                  reason: string;
                  changed: string[];
                  /** Format: date-time */
                  createdAt: string;
                }[];
              instalments: ({
                  /** Format: uuid */
                  id: string;
                  number: number;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amount: import("../../domain/money.ts").Ore;
                  condition: "on_signing" | "after_interim_report" | "on_date";
                  dueOn: null | string;
                  status: "planned" | "due" | "in_run" | "sent" | "paid" | "cancelled";
                  lastReason: null | string;
                  paidOn: null | string;
                })[];
              /** @description For a draft: the schedule as it would be if signed today */
              plannedInstalments: ({
                  number: number;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amount: import("../../domain/money.ts").Ore;
                  condition: string;
                  dueOn: null | string;
                })[];
              /** @description Granted in all, in a signed agreement and not yet paid, paid out (net of bank rejections), paid back, still owed back, and left to pay */
              ledger: {
                /** @description An amount in öre (1 kr = 100 öre) */
                granted: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                committed: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                paid: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                recovered: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                owed: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                remaining: import("../../domain/money.ts").Ore;
              };
              recoveries: ({
                  /** Format: uuid */
                  id: string;
                  number: string;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amount: import("../../domain/money.ts").Ore;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  repaid: import("../../domain/money.ts").Ore;
                  grounds: "unused" | "unreported" | "misused";
                  reasons: string;
                  decidedOn: string;
                  payBy: string;
                  letterUrl: string;
                })[];
              payoutHold: null | ("no_verified_account" | "account_change_pending");
              overdueReport: null | ({
                /** Format: uuid */
                id: string;
                kind: "interim" | "final";
                /** @description The due date that has passed, YYYY-MM-DD (Europe/Stockholm) */
                dueOn: string;
              });
              may: {
                edit: boolean;
                sign: boolean;
                amend: boolean;
                recover: boolean;
                release: boolean;
              };
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/agreements/{id}/sign": {
    /** Sign the agreement for your side: the association’s signatory as its approved eligibility names them, or the funder’s delegate. Send the contentSha256 you read; when both have signed the same content, the agreement is signed. */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            contentSha256: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              number: string;
              kind: "assignment" | "iop";
              status: "draft" | "signed";
              version: number;
              /** @description An amount in öre (1 kr = 100 öre) */
              amount: import("../../domain/money.ts").Ore;
              /** Format: uuid */
              applicationId: string;
              caseNumber: string;
              applicationTitle: string;
              callTitle: string;
              /** Format: uuid */
              funderId: string;
              funderName: string;
              organisation: {
                /** Format: uuid */
                id: string;
                name: string;
                orgNumber: string;
              };
              content: components["schemas"]["AgreementContent"];
              /** @description All on signing, instalments by share and condition, or one part per quarter of the period */
              schedule: {
                /** @enum {string} */
                kind: "on_signing";
              } | ({
                /** @enum {string} */
                kind: "instalments";
                parts: ({
                    percent: number;
                    condition: "on_signing" | "after_interim_report" | "on_date";
                    date: null | string;
                  })[];
              }) | {
                /** @enum {string} */
                kind: "quarterly";
              };
              /** @description SHA-256 of what a signature accepts; send it back when signing */
              contentSha256: string;
              signedAt: null | string;
              documentSha256: null | string;
              documentUrl: string;
              signatures: ({
                  party: "funder" | "organisation";
                  name: string;
                  role: string;
                  /** Format: date-time */
                  signedAt: string;
                  current: boolean;
                })[];
              /** @description Who may sign for the association */
              signatories: {
                  name: string;
                  role: string;
                }[];
              comments: ({
                  /** Format: uuid */
                  id: string;
                  party: "funder" | "organisation";
                  authorName: string;
                  body: string;
                  /** Format: date-time */
                  createdAt: string;
                })[];
              amendments: {
                  version: number;
                  reason: string;
                  changed: string[];
                  /** Format: date-time */
                  createdAt: string;
                }[];
              instalments: ({
                  /** Format: uuid */
                  id: string;
                  number: number;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amount: import("../../domain/money.ts").Ore;
                  condition: "on_signing" | "after_interim_report" | "on_date";
                  dueOn: null | string;
                  status: "planned" | "due" | "in_run" | "sent" | "paid" | "cancelled";
                  lastReason: null | string;
                  paidOn: null | string;
                })[];
              /** @description For a draft: the schedule as it would be if signed today */
              plannedInstalments: ({
                  number: number;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amount: import("../../domain/money.ts").Ore;
                  condition: string;
                  dueOn: null | string;
                })[];
              /** @description Granted in all, in a signed agreement and not yet paid, paid out (net of bank rejections), paid back, still owed back, and left to pay */
              ledger: {
                /** @description An amount in öre (1 kr = 100 öre) */
                granted: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                committed: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                paid: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                recovered: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                owed: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                remaining: import("../../domain/money.ts").Ore;
              };
              recoveries: ({
                  /** Format: uuid */
                  id: string;
                  number: string;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amount: import("../../domain/money.ts").Ore;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  repaid: import("../../domain/money.ts").Ore;
                  grounds: "unused" | "unreported" | "misused";
                  reasons: string;
                  decidedOn: string;
                  payBy: string;
                  letterUrl: string;
                })[];
              payoutHold: null | ("no_verified_account" | "account_change_pending");
              overdueReport: null | ({
                /** Format: uuid */
                id: string;
                kind: "interim" | "final";
                /** @description The due date that has passed, YYYY-MM-DD (Europe/Stockholm) */
                dueOn: string;
              });
              may: {
                edit: boolean;
                sign: boolean;
                amend: boolean;
                recover: boolean;
                release: boolean;
              };
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/agreements/{id}/amendments": {
    /** Amend a signed agreement with a reason (caseworker); the signed text is kept and the association is told */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            version: number;
            reason: string;
            content: components["schemas"]["AgreementContent"];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              number: string;
              kind: "assignment" | "iop";
              status: "draft" | "signed";
              version: number;
              /** @description An amount in öre (1 kr = 100 öre) */
              amount: import("../../domain/money.ts").Ore;
              /** Format: uuid */
              applicationId: string;
              caseNumber: string;
              applicationTitle: string;
              callTitle: string;
              /** Format: uuid */
              funderId: string;
              funderName: string;
              organisation: {
                /** Format: uuid */
                id: string;
                name: string;
                orgNumber: string;
              };
              content: components["schemas"]["AgreementContent"];
              /** @description All on signing, instalments by share and condition, or one part per quarter of the period */
              schedule: {
                /** @enum {string} */
                kind: "on_signing";
              } | ({
                /** @enum {string} */
                kind: "instalments";
                parts: ({
                    percent: number;
                    condition: "on_signing" | "after_interim_report" | "on_date";
                    date: null | string;
                  })[];
              }) | {
                /** @enum {string} */
                kind: "quarterly";
              };
              /** @description SHA-256 of what a signature accepts; send it back when signing */
              contentSha256: string;
              signedAt: null | string;
              documentSha256: null | string;
              documentUrl: string;
              signatures: ({
                  party: "funder" | "organisation";
                  name: string;
                  role: string;
                  /** Format: date-time */
                  signedAt: string;
                  current: boolean;
                })[];
              /** @description Who may sign for the association */
              signatories: {
                  name: string;
                  role: string;
                }[];
              comments: ({
                  /** Format: uuid */
                  id: string;
                  party: "funder" | "organisation";
                  authorName: string;
                  body: string;
                  /** Format: date-time */
                  createdAt: string;
                })[];
              amendments: {
                  version: number;
                  reason: string;
                  changed: string[];
                  /** Format: date-time */
                  createdAt: string;
                }[];
              instalments: ({
                  /** Format: uuid */
                  id: string;
                  number: number;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amount: import("../../domain/money.ts").Ore;
                  condition: "on_signing" | "after_interim_report" | "on_date";
                  dueOn: null | string;
                  status: "planned" | "due" | "in_run" | "sent" | "paid" | "cancelled";
                  lastReason: null | string;
                  paidOn: null | string;
                })[];
              /** @description For a draft: the schedule as it would be if signed today */
              plannedInstalments: ({
                  number: number;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amount: import("../../domain/money.ts").Ore;
                  condition: string;
                  dueOn: null | string;
                })[];
              /** @description Granted in all, in a signed agreement and not yet paid, paid out (net of bank rejections), paid back, still owed back, and left to pay */
              ledger: {
                /** @description An amount in öre (1 kr = 100 öre) */
                granted: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                committed: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                paid: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                recovered: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                owed: import("../../domain/money.ts").Ore;
                /** @description An amount in öre (1 kr = 100 öre) */
                remaining: import("../../domain/money.ts").Ore;
              };
              recoveries: ({
                  /** Format: uuid */
                  id: string;
                  number: string;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amount: import("../../domain/money.ts").Ore;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  repaid: import("../../domain/money.ts").Ore;
                  grounds: "unused" | "unreported" | "misused";
                  reasons: string;
                  decidedOn: string;
                  payBy: string;
                  letterUrl: string;
                })[];
              payoutHold: null | ("no_verified_account" | "account_change_pending");
              overdueReport: null | ({
                /** Format: uuid */
                id: string;
                kind: "interim" | "final";
                /** @description The due date that has passed, YYYY-MM-DD (Europe/Stockholm) */
                dueOn: string;
              });
              may: {
                edit: boolean;
                sign: boolean;
                amend: boolean;
                recover: boolean;
                release: boolean;
              };
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/agreements/{id}/document.pdf": {
    /** The agreement as a PDF: the signed document as kept, or the draft as it stands (?lang=en for English) */
    get: {
      parameters: {
        query?: {
          lang?: "sv" | "en";
        };
        path: {
          id: string;
        };
      };
      responses: {
        /** @description application/pdf */
        200: {
          content: {
            "application/json": string;
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/instalments/{id}/release": {
    /** Record that the interim report an instalment waits for is approved: the instalment becomes due on the next bank day (caseworker) */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            reportApprovedOn: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              number: number;
              /** @description An amount in öre (1 kr = 100 öre) */
              amount: import("../../domain/money.ts").Ore;
              condition: "on_signing" | "after_interim_report" | "on_date";
              dueOn: null | string;
              status: "planned" | "due" | "in_run" | "sent" | "paid" | "cancelled";
              lastReason: null | string;
              paidOn: null | string;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/agreements/{id}/recoveries": {
    /** Decide to reclaim money paid under the agreement (återkrav), with reasons; at most what was paid. The letter is mailed and kept. With reportId, the recovery starts from a final report that is not approved. */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** @description An amount in öre (1 kr = 100 öre) */
            amount: import("../../domain/money.ts").Ore;
            /** @description Required, unless reportId is given (then unreported) */
            grounds?: "unused" | "unreported" | "misused";
            reasons: string;
            decidedOn: string;
            payBy: string;
            reportId?: null | string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              number: string;
              /** @description An amount in öre (1 kr = 100 öre) */
              amount: import("../../domain/money.ts").Ore;
              /** @description An amount in öre (1 kr = 100 öre) */
              repaid: import("../../domain/money.ts").Ore;
              grounds: "unused" | "unreported" | "misused";
              reasons: string;
              decidedOn: string;
              payBy: string;
              letterUrl: string;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/recoveries/{id}/repayments": {
    /** Record money paid back on a recovery (finance); never more than is owed */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** @description An amount in öre (1 kr = 100 öre) */
            amount: import("../../domain/money.ts").Ore;
            receivedOn: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              /** @description An amount in öre (1 kr = 100 öre) */
              amount: import("../../domain/money.ts").Ore;
              receivedOn: string;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/recoveries/{id}/letter.pdf": {
    /** The recovery decision letter as sent (PDF) */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description application/pdf */
        200: {
          content: {
            "application/json": string;
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/organisations/{id}/payout-accounts": {
    /** The organisation’s payout accounts at each funder, newest first, and whether payments are held (members; a funder’s staff see their own) */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              accounts: ({
                  /** Format: uuid */
                  id: string;
                  /** Format: uuid */
                  funderId: string;
                  /** Format: uuid */
                  organisationId: string;
                  kind: "bankgiro" | "plusgiro";
                  /** @description As printed, e.g. 5050-1055 */
                  number: string;
                  holderOrgNumber: string;
                  status: "pending" | "approved" | "rejected" | "replaced";
                  source: "eligibility" | "organisation" | "funder";
                  requestedBy: null | string;
                  /** Format: date-time */
                  requestedAt: string;
                  decidedBy: null | string;
                  decidedAt: null | string;
                  note: null | string;
                  mayDecide: boolean;
                })[];
              holds: ({
                  /** Format: uuid */
                  funderId: string;
                  funderName: string;
                  hold: null | ("no_verified_account" | "account_change_pending");
                })[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Enter a new payout account for the organisation at a funder (a member, or the funder’s finance or caseworker). Every member is mailed; payments pause until someone else at the funder approves it. */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** Format: uuid */
            funderId: string;
            kind: "bankgiro" | "plusgiro";
            number: string;
            /** @description The account holder’s organisation number as the giro register gives it */
            holderOrgNumber: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              funderId: string;
              /** Format: uuid */
              organisationId: string;
              kind: "bankgiro" | "plusgiro";
              /** @description As printed, e.g. 5050-1055 */
              number: string;
              holderOrgNumber: string;
              status: "pending" | "approved" | "rejected" | "replaced";
              source: "eligibility" | "organisation" | "funder";
              requestedBy: null | string;
              /** Format: date-time */
              requestedAt: string;
              decidedBy: null | string;
              decidedAt: null | string;
              note: null | string;
              mayDecide: boolean;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/funders/{id}/payout-accounts": {
    /** Payout accounts at the funder by status (default: waiting for approval), with the organisation’s name (staff) */
    get: {
      parameters: {
        query?: {
          status?: "pending" | "approved" | "rejected" | "replaced";
        };
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              accounts: (({
                  /** Format: uuid */
                  id: string;
                  /** Format: uuid */
                  funderId: string;
                  /** Format: uuid */
                  organisationId: string;
                  kind: "bankgiro" | "plusgiro";
                  /** @description As printed, e.g. 5050-1055 */
                  number: string;
                  holderOrgNumber: string;
                  status: "pending" | "approved" | "rejected" | "replaced";
                  source: "eligibility" | "organisation" | "funder";
                  requestedBy: null | string;
                  /** Format: date-time */
                  requestedAt: string;
                  decidedBy: null | string;
                  decidedAt: null | string;
                  note: null | string;
                  mayDecide: boolean;
                }) & {
                  organisationName: string;
                })[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/payout-accounts/{id}/decision": {
    /** Approve or reject a new payout account (finance, not the person who entered it). A rejection needs a note. */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            decision: "approve" | "reject";
            note?: null | string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              funderId: string;
              /** Format: uuid */
              organisationId: string;
              kind: "bankgiro" | "plusgiro";
              /** @description As printed, e.g. 5050-1055 */
              number: string;
              holderOrgNumber: string;
              status: "pending" | "approved" | "rejected" | "replaced";
              source: "eligibility" | "organisation" | "funder";
              requestedBy: null | string;
              /** Format: date-time */
              requestedAt: string;
              decidedBy: null | string;
              decidedAt: null | string;
              note: null | string;
              mayDecide: boolean;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/funders/{id}/payment-settings": {
    /** The funder’s bank and accounting settings for payment files (staff) */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              settings: null | ({
                debtorName: string;
                debtorOrgNumber: string;
                debtorAccount: {
                  kind: "bankgiro" | "plusgiro" | "iban";
                  number: string;
                };
                debtorBic: null | string;
                /** @description The funder’s agreement id with its bank */
                initiatingPartyId: string;
                /** @description The scheme of that id as the bank’s guide names it, e.g. BANK or CUST */
                initiatingPartyScheme: string;
                voucherSeries: string;
                creditAccount: string;
                defaultAccounting: {
                  /** @description Kommun-Bas account, four digits */
                  account: string;
                  responsibility: null | string;
                  activity: null | string;
                  project: null | string;
                };
              });
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Set the funder’s bank identifiers and accounts for payment files (finance or administrator) */
    put: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            debtorName: string;
            debtorOrgNumber: string;
            debtorAccount: {
              kind: "bankgiro" | "plusgiro" | "iban";
              number: string;
            };
            debtorBic: null | string;
            /** @description The funder’s agreement id with its bank */
            initiatingPartyId: string;
            /** @description The scheme of that id as the bank’s guide names it, e.g. BANK or CUST */
            initiatingPartyScheme: string;
            voucherSeries: string;
            creditAccount: string;
            defaultAccounting: {
              /** @description Kommun-Bas account, four digits */
              account: string;
              responsibility: null | string;
              activity: null | string;
              project: null | string;
            };
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              settings: null | ({
                debtorName: string;
                debtorOrgNumber: string;
                debtorAccount: {
                  kind: "bankgiro" | "plusgiro" | "iban";
                  number: string;
                };
                debtorBic: null | string;
                /** @description The funder’s agreement id with its bank */
                initiatingPartyId: string;
                /** @description The scheme of that id as the bank’s guide names it, e.g. BANK or CUST */
                initiatingPartyScheme: string;
                voucherSeries: string;
                creditAccount: string;
                defaultAccounting: {
                  /** @description Kommun-Bas account, four digits */
                  account: string;
                  responsibility: null | string;
                  activity: null | string;
                  project: null | string;
                };
              });
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/budget-lines/{id}/accounting": {
    /** Where a budget line’s payments are booked: account and objects (finance or caseworker); null for the funder’s default */
    put: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            accounting: null | ({
              /** @description Kommun-Bas account, four digits */
              account: string;
              responsibility: null | string;
              activity: null | string;
              project: null | string;
            });
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              accounting: null | ({
                /** @description Kommun-Bas account, four digits */
                account: string;
                responsibility: null | string;
                activity: null | string;
                project: null | string;
              });
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/funders/{id}/payments/due": {
    /** Instalments due by a day (default today), each with what holds it back: no verified account, an account change waiting, an overdue follow-up report, or more than is left of the grant */
    get: {
      parameters: {
        query?: {
          by?: string;
        };
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              by: string;
              due: ({
                  /** Format: uuid */
                  id: string;
                  /** Format: uuid */
                  agreementId: string;
                  agreementNumber: string;
                  /** Format: uuid */
                  applicationId: string;
                  /** Format: uuid */
                  organisationId: string;
                  organisationName: string;
                  number: number;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amount: import("../../domain/money.ts").Ore;
                  dueOn: string;
                  lastReason: null | string;
                  accountKind: null | ("bankgiro" | "plusgiro");
                  accountNumber: null | string;
                  hold: null | ("no_verified_account" | "account_change_pending" | "report_overdue" | "exceeds_remaining");
                  left: null | import("../../domain/money.ts").Ore;
                  overdueReport: null | ({
                    /** Format: uuid */
                    id: string;
                    kind: "interim" | "final";
                    /** @description The due date that has passed, YYYY-MM-DD (Europe/Stockholm) */
                    dueOn: string;
                  });
                })[];
              /** @description An amount in öre (1 kr = 100 öre) */
              total: import("../../domain/money.ts").Ore;
              ready: number;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/funders/{id}/payment-runs": {
    /** The funder’s payment runs, newest first (staff) */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              runs: ({
                  /** Format: uuid */
                  id: string;
                  /** Format: uuid */
                  funderId: string;
                  number: string;
                  status: "prepared" | "approved" | "cancelled";
                  executionDate: string;
                  count: number;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  total: import("../../domain/money.ts").Ore;
                  preparedBy: string;
                  /** Format: uuid */
                  preparedById: string;
                  /** Format: date-time */
                  preparedAt: string;
                  approvedBy: null | string;
                  approvedAt: null | string;
                  files: null | {
                    pain001: string;
                    sie: string;
                    csv: string;
                  };
                  counts: {
                    in_run: number;
                    sent: number;
                    paid: number;
                    rejected: number;
                  };
                  mayApprove: boolean;
                })[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Prepare a payment run of what is due by the execution date, with nothing held back (finance: the first attest). Give instalmentIds to take only some. */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            executionDate: string;
            instalmentIds?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              funderId: string;
              number: string;
              status: "prepared" | "approved" | "cancelled";
              executionDate: string;
              count: number;
              /** @description An amount in öre (1 kr = 100 öre) */
              total: import("../../domain/money.ts").Ore;
              preparedBy: string;
              /** Format: uuid */
              preparedById: string;
              /** Format: date-time */
              preparedAt: string;
              approvedBy: null | string;
              approvedAt: null | string;
              files: null | {
                pain001: string;
                sie: string;
                csv: string;
              };
              counts: {
                in_run: number;
                sent: number;
                paid: number;
                rejected: number;
              };
              mayApprove: boolean;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/payment-runs/{id}": {
    /** A payment run and its payments */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              run: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                funderId: string;
                number: string;
                status: "prepared" | "approved" | "cancelled";
                executionDate: string;
                count: number;
                /** @description An amount in öre (1 kr = 100 öre) */
                total: import("../../domain/money.ts").Ore;
                preparedBy: string;
                /** Format: uuid */
                preparedById: string;
                /** Format: date-time */
                preparedAt: string;
                approvedBy: null | string;
                approvedAt: null | string;
                files: null | {
                  pain001: string;
                  sie: string;
                  csv: string;
                };
                counts: {
                  in_run: number;
                  sent: number;
                  paid: number;
                  rejected: number;
                };
                mayApprove: boolean;
              };
              payments: ({
                  /** Format: uuid */
                  id: string;
                  position: number;
                  endToEndId: string;
                  organisationName: string;
                  agreementNumber: string;
                  accountKind: "bankgiro" | "plusgiro";
                  accountNumber: string;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  amount: import("../../domain/money.ts").Ore;
                  status: "in_run" | "sent" | "paid" | "rejected" | "withdrawn";
                  reason: null | string;
                  settledOn: null | string;
                })[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/payment-runs/{id}/approve": {
    /** Approve a prepared run (finance, someone other than who prepared it: the second attest). Its payments are sent and its files can be fetched. */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              funderId: string;
              number: string;
              status: "prepared" | "approved" | "cancelled";
              executionDate: string;
              count: number;
              /** @description An amount in öre (1 kr = 100 öre) */
              total: import("../../domain/money.ts").Ore;
              preparedBy: string;
              /** Format: uuid */
              preparedById: string;
              /** Format: date-time */
              preparedAt: string;
              approvedBy: null | string;
              approvedAt: null | string;
              files: null | {
                pain001: string;
                sie: string;
                csv: string;
              };
              counts: {
                in_run: number;
                sent: number;
                paid: number;
                rejected: number;
              };
              mayApprove: boolean;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/payment-runs/{id}/cancel": {
    /** Cancel a prepared run (finance); its instalments are due again */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            reason?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              funderId: string;
              number: string;
              status: "prepared" | "approved" | "cancelled";
              executionDate: string;
              count: number;
              /** @description An amount in öre (1 kr = 100 öre) */
              total: import("../../domain/money.ts").Ore;
              preparedBy: string;
              /** Format: uuid */
              preparedById: string;
              /** Format: date-time */
              preparedAt: string;
              approvedBy: null | string;
              approvedAt: null | string;
              files: null | {
                pain001: string;
                sie: string;
                csv: string;
              };
              counts: {
                in_run: number;
                sent: number;
                paid: number;
                rejected: number;
              };
              mayApprove: boolean;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/payment-runs/{id}/confirm": {
    /** Confirm that the run’s sent payments have been paid (finance) */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            paidOn: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              paid: number;
              rejected: number;
              unchanged: number;
              unknown: string[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/payments/{id}/reject": {
    /** Record that the bank rejected a sent payment, with its reason (finance); the instalment is due again */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              paid: number;
              rejected: number;
              unchanged: number;
              unknown: string[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/funders/{id}/bank-files": {
    /** Import the bank’s answer: a status report (pain.002) marks rejections, a debit notification (camt.054) marks payments paid (finance) */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** @description The XML file as text */
            content: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              kind: "pain.002" | "camt.054";
              paid: number;
              rejected: number;
              unchanged: number;
              unknown: string[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/payment-runs/{id}/files/{kind}": {
    /** A file of an approved run, written again from its payments: pain001 (ISO 20022 credit transfers for the bank), sie (SIE 4I bookings, code page 437) or csv (docs/payments-csv.md). Byte-identical to the file sent; its SHA-256 is in the run. */
    get: {
      parameters: {
        path: {
          id: string;
          kind: "pain001" | "sie" | "csv";
        };
      };
      responses: {
        /** @description the file */
        200: {
          content: {
            "application/json": string;
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/funders/{id}/ledger": {
    /** The ledger summed per budget line, call, agreement or organisation: granted, committed, paid, recovered, owed and left to pay (staff) */
    get: {
      parameters: {
        query: {
          by: "budget_line" | "call" | "agreement" | "organisation";
        };
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              rows: ({
                  id: null | string;
                  label: string;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  granted: import("../../domain/money.ts").Ore;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  committed: import("../../domain/money.ts").Ore;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  paid: import("../../domain/money.ts").Ore;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  recovered: import("../../domain/money.ts").Ore;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  owed: import("../../domain/money.ts").Ore;
                  /** @description An amount in öre (1 kr = 100 öre) */
                  remaining: import("../../domain/money.ts").Ore;
                  /** @description The row’s entries sum to zero, as every journal does */
                  balanced: boolean;
                })[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/agreements/{id}/reports": {
    /** The agreement’s follow-up reports, the interim before the final (the funder’s staff and the organisation’s members) */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              reports: ({
                  /** Format: uuid */
                  id: string;
                  /** Format: uuid */
                  agreementId: string;
                  agreementNumber: string;
                  /** Format: uuid */
                  applicationId: string;
                  caseNumber: string;
                  /** @description The application’s title */
                  title: string;
                  /** Format: uuid */
                  organisationId: string;
                  organisationName: string;
                  /** Format: uuid */
                  funderId: string;
                  kind: "interim" | "final";
                  status: "draft" | "submitted" | "completion_requested" | "approved";
                  dueOn: string;
                  plannedDueOn: string;
                  dueMovedReason: null | string;
                  overdue: boolean;
                  content: components["schemas"]["ReportContent"];
                  version: number;
                  /** Format: date-time */
                  updatedAt: string;
                  updatedBy: null | string;
                  submittedAt: null | string;
                  submittedBy: null | string;
                  approvedAt: null | string;
                  approvedBy: null | string;
                  /** @description The agreement’s amount. An amount in öre (1 kr = 100 öre) */
                  granted: import("../../domain/money.ts").Ore;
                  /** @description Paid to date on the agreement. An amount in öre (1 kr = 100 öre) */
                  paid: import("../../domain/money.ts").Ore;
                  /** @description A spending row deviating from its plan by more than this share needs an explanation */
                  deviationPercent: number;
                  /** @description What stands in the way of submitting the current content, each on its field */
                  problems: {
                      field: string;
                      code: string;
                      params?: {
                        [key: string]: unknown;
                      };
                    }[];
                  rounds: ({
                      /** Format: uuid */
                      id: string;
                      message: string;
                      replyBy: string;
                      /** Format: date-time */
                      askedAt: string;
                      answer: null | string;
                      answerFiles: {
                          /** Format: uuid */
                          fileId: string;
                          name: string;
                        }[];
                      answeredAt: null | string;
                    })[];
                  releases: null | {
                    number: number;
                    /** @description An amount in öre (1 kr = 100 öre) */
                    amount: import("../../domain/money.ts").Ore;
                  };
                  recovery: null | {
                    /** Format: uuid */
                    id: string;
                    number: string;
                  };
                  can: {
                    edit: boolean;
                    submit: boolean;
                    approve: boolean;
                    requestCompletion: boolean;
                    moveDueDate: boolean;
                    startRecovery: boolean;
                  };
                })[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/organisations/{id}/reports": {
    /** The organisation’s follow-up reports on all its agreements, the next due first (members) */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              reports: ({
                  /** Format: uuid */
                  id: string;
                  /** Format: uuid */
                  agreementId: string;
                  agreementNumber: string;
                  /** Format: uuid */
                  applicationId: string;
                  caseNumber: string;
                  /** @description The application’s title */
                  title: string;
                  /** Format: uuid */
                  organisationId: string;
                  organisationName: string;
                  /** Format: uuid */
                  funderId: string;
                  kind: "interim" | "final";
                  status: "draft" | "submitted" | "completion_requested" | "approved";
                  dueOn: string;
                  plannedDueOn: string;
                  dueMovedReason: null | string;
                  overdue: boolean;
                  content: components["schemas"]["ReportContent"];
                  version: number;
                  /** Format: date-time */
                  updatedAt: string;
                  updatedBy: null | string;
                  submittedAt: null | string;
                  submittedBy: null | string;
                  approvedAt: null | string;
                  approvedBy: null | string;
                  /** @description The agreement’s amount. An amount in öre (1 kr = 100 öre) */
                  granted: import("../../domain/money.ts").Ore;
                  /** @description Paid to date on the agreement. An amount in öre (1 kr = 100 öre) */
                  paid: import("../../domain/money.ts").Ore;
                  /** @description A spending row deviating from its plan by more than this share needs an explanation */
                  deviationPercent: number;
                  /** @description What stands in the way of submitting the current content, each on its field */
                  problems: {
                      field: string;
                      code: string;
                      params?: {
                        [key: string]: unknown;
                      };
                    }[];
                  rounds: ({
                      /** Format: uuid */
                      id: string;
                      message: string;
                      replyBy: string;
                      /** Format: date-time */
                      askedAt: string;
                      answer: null | string;
                      answerFiles: {
                          /** Format: uuid */
                          fileId: string;
                          name: string;
                        }[];
                      answeredAt: null | string;
                    })[];
                  releases: null | {
                    number: number;
                    /** @description An amount in öre (1 kr = 100 öre) */
                    amount: import("../../domain/money.ts").Ore;
                  };
                  recovery: null | {
                    /** Format: uuid */
                    id: string;
                    number: string;
                  };
                  can: {
                    edit: boolean;
                    submit: boolean;
                    approve: boolean;
                    requestCompletion: boolean;
                    moveDueDate: boolean;
                    startRecovery: boolean;
                  };
                })[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/funders/{id}/reports": {
    /** The funder’s follow-up reports (its staff): to review (submitted), overdue (drafts past their due date) or all; the overdue first, then by due date; at most 500, count says how many there are */
    get: {
      parameters: {
        query?: {
          status?: "to_review" | "overdue" | "all";
        };
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              reports: ({
                  /** Format: uuid */
                  id: string;
                  /** Format: uuid */
                  agreementId: string;
                  agreementNumber: string;
                  /** Format: uuid */
                  applicationId: string;
                  caseNumber: string;
                  /** @description The application’s title */
                  title: string;
                  /** Format: uuid */
                  organisationId: string;
                  organisationName: string;
                  kind: "interim" | "final";
                  status: "draft" | "submitted" | "completion_requested" | "approved";
                  dueOn: string;
                  overdue: boolean;
                  submittedAt: null | string;
                })[];
              /** @description How many reports the filter picks, listed or not */
              count: number;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/reports/{id}": {
    /** One follow-up report with its completion rounds, what the rules still ask of it and what you may do with it */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              agreementId: string;
              agreementNumber: string;
              /** Format: uuid */
              applicationId: string;
              caseNumber: string;
              /** @description The application’s title */
              title: string;
              /** Format: uuid */
              organisationId: string;
              organisationName: string;
              /** Format: uuid */
              funderId: string;
              kind: "interim" | "final";
              status: "draft" | "submitted" | "completion_requested" | "approved";
              dueOn: string;
              plannedDueOn: string;
              dueMovedReason: null | string;
              overdue: boolean;
              content: components["schemas"]["ReportContent"];
              version: number;
              /** Format: date-time */
              updatedAt: string;
              updatedBy: null | string;
              submittedAt: null | string;
              submittedBy: null | string;
              approvedAt: null | string;
              approvedBy: null | string;
              /** @description The agreement’s amount. An amount in öre (1 kr = 100 öre) */
              granted: import("../../domain/money.ts").Ore;
              /** @description Paid to date on the agreement. An amount in öre (1 kr = 100 öre) */
              paid: import("../../domain/money.ts").Ore;
              /** @description A spending row deviating from its plan by more than this share needs an explanation */
              deviationPercent: number;
              /** @description What stands in the way of submitting the current content, each on its field */
              problems: {
                  field: string;
                  code: string;
                  params?: {
                    [key: string]: unknown;
                  };
                }[];
              rounds: ({
                  /** Format: uuid */
                  id: string;
                  message: string;
                  replyBy: string;
                  /** Format: date-time */
                  askedAt: string;
                  answer: null | string;
                  answerFiles: {
                      /** Format: uuid */
                      fileId: string;
                      name: string;
                    }[];
                  answeredAt: null | string;
                })[];
              releases: null | {
                number: number;
                /** @description An amount in öre (1 kr = 100 öre) */
                amount: import("../../domain/money.ts").Ore;
              };
              recovery: null | {
                /** Format: uuid */
                id: string;
                number: string;
              };
              can: {
                edit: boolean;
                submit: boolean;
                approve: boolean;
                requestCompletion: boolean;
                moveDueDate: boolean;
                startRecovery: boolean;
              };
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Save the report as it is typed (the organisation’s members). Send the version you edited; if someone saved since, 409 edit_conflict carries theirs. Only impossible amounts and counts are refused while a draft. */
    put: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            content: components["schemas"]["ReportContent"];
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              agreementId: string;
              agreementNumber: string;
              /** Format: uuid */
              applicationId: string;
              caseNumber: string;
              /** @description The application’s title */
              title: string;
              /** Format: uuid */
              organisationId: string;
              organisationName: string;
              /** Format: uuid */
              funderId: string;
              kind: "interim" | "final";
              status: "draft" | "submitted" | "completion_requested" | "approved";
              dueOn: string;
              plannedDueOn: string;
              dueMovedReason: null | string;
              overdue: boolean;
              content: components["schemas"]["ReportContent"];
              version: number;
              /** Format: date-time */
              updatedAt: string;
              updatedBy: null | string;
              submittedAt: null | string;
              submittedBy: null | string;
              approvedAt: null | string;
              approvedBy: null | string;
              /** @description The agreement’s amount. An amount in öre (1 kr = 100 öre) */
              granted: import("../../domain/money.ts").Ore;
              /** @description Paid to date on the agreement. An amount in öre (1 kr = 100 öre) */
              paid: import("../../domain/money.ts").Ore;
              /** @description A spending row deviating from its plan by more than this share needs an explanation */
              deviationPercent: number;
              /** @description What stands in the way of submitting the current content, each on its field */
              problems: {
                  field: string;
                  code: string;
                  params?: {
                    [key: string]: unknown;
                  };
                }[];
              rounds: ({
                  /** Format: uuid */
                  id: string;
                  message: string;
                  replyBy: string;
                  /** Format: date-time */
                  askedAt: string;
                  answer: null | string;
                  answerFiles: {
                      /** Format: uuid */
                      fileId: string;
                      name: string;
                    }[];
                  answeredAt: null | string;
                })[];
              releases: null | {
                number: number;
                /** @description An amount in öre (1 kr = 100 öre) */
                amount: import("../../domain/money.ts").Ore;
              };
              recovery: null | {
                /** Format: uuid */
                id: string;
                number: string;
              };
              can: {
                edit: boolean;
                submit: boolean;
                approve: boolean;
                requestCompletion: boolean;
                moveDueDate: boolean;
                startRecovery: boolean;
              };
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/reports/{id}/submit": {
    /** Submit the report to the funder (the organisation’s members); 422 names every problem on its field. The caseworker is told. */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              agreementId: string;
              agreementNumber: string;
              /** Format: uuid */
              applicationId: string;
              caseNumber: string;
              /** @description The application’s title */
              title: string;
              /** Format: uuid */
              organisationId: string;
              organisationName: string;
              /** Format: uuid */
              funderId: string;
              kind: "interim" | "final";
              status: "draft" | "submitted" | "completion_requested" | "approved";
              dueOn: string;
              plannedDueOn: string;
              dueMovedReason: null | string;
              overdue: boolean;
              content: components["schemas"]["ReportContent"];
              version: number;
              /** Format: date-time */
              updatedAt: string;
              updatedBy: null | string;
              submittedAt: null | string;
              submittedBy: null | string;
              approvedAt: null | string;
              approvedBy: null | string;
              /** @description The agreement’s amount. An amount in öre (1 kr = 100 öre) */
              granted: import("../../domain/money.ts").Ore;
              /** @description Paid to date on the agreement. An amount in öre (1 kr = 100 öre) */
              paid: import("../../domain/money.ts").Ore;
              /** @description A spending row deviating from its plan by more than this share needs an explanation */
              deviationPercent: number;
              /** @description What stands in the way of submitting the current content, each on its field */
              problems: {
                  field: string;
                  code: string;
                  params?: {
                    [key: string]: unknown;
                  };
                }[];
              rounds: ({
                  /** Format: uuid */
                  id: string;
                  message: string;
                  replyBy: string;
                  /** Format: date-time */
                  askedAt: string;
                  answer: null | string;
                  answerFiles: {
                      /** Format: uuid */
                      fileId: string;
                      name: string;
                    }[];
                  answeredAt: null | string;
                })[];
              releases: null | {
                number: number;
                /** @description An amount in öre (1 kr = 100 öre) */
                amount: import("../../domain/money.ts").Ore;
              };
              recovery: null | {
                /** Format: uuid */
                id: string;
                number: string;
              };
              can: {
                edit: boolean;
                submit: boolean;
                approve: boolean;
                requestCompletion: boolean;
                moveDueDate: boolean;
                startRecovery: boolean;
              };
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/reports/{id}/approve": {
    /** Approve a submitted report (caseworker); an approved interim report makes the instalment that waits for it due */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              agreementId: string;
              agreementNumber: string;
              /** Format: uuid */
              applicationId: string;
              caseNumber: string;
              /** @description The application’s title */
              title: string;
              /** Format: uuid */
              organisationId: string;
              organisationName: string;
              /** Format: uuid */
              funderId: string;
              kind: "interim" | "final";
              status: "draft" | "submitted" | "completion_requested" | "approved";
              dueOn: string;
              plannedDueOn: string;
              dueMovedReason: null | string;
              overdue: boolean;
              content: components["schemas"]["ReportContent"];
              version: number;
              /** Format: date-time */
              updatedAt: string;
              updatedBy: null | string;
              submittedAt: null | string;
              submittedBy: null | string;
              approvedAt: null | string;
              approvedBy: null | string;
              /** @description The agreement’s amount. An amount in öre (1 kr = 100 öre) */
              granted: import("../../domain/money.ts").Ore;
              /** @description Paid to date on the agreement. An amount in öre (1 kr = 100 öre) */
              paid: import("../../domain/money.ts").Ore;
              /** @description A spending row deviating from its plan by more than this share needs an explanation */
              deviationPercent: number;
              /** @description What stands in the way of submitting the current content, each on its field */
              problems: {
                  field: string;
                  code: string;
                  params?: {
                    [key: string]: unknown;
                  };
                }[];
              rounds: ({
                  /** Format: uuid */
                  id: string;
                  message: string;
                  replyBy: string;
                  /** Format: date-time */
                  askedAt: string;
                  answer: null | string;
                  answerFiles: {
                      /** Format: uuid */
                      fileId: string;
                      name: string;
                    }[];
                  answeredAt: null | string;
                })[];
              releases: null | {
                number: number;
                /** @description An amount in öre (1 kr = 100 öre) */
                amount: import("../../domain/money.ts").Ore;
              };
              recovery: null | {
                /** Format: uuid */
                id: string;
                number: string;
              };
              can: {
                edit: boolean;
                submit: boolean;
                approve: boolean;
                requestCompletion: boolean;
                moveDueDate: boolean;
                startRecovery: boolean;
              };
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/reports/{id}/completion-requests": {
    /** Ask the association to complete a submitted report by a date (caseworker); its members are mailed and answer the round */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            message: string;
            replyBy: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              message: string;
              replyBy: string;
              /** Format: date-time */
              askedAt: string;
              answer: null | string;
              answerFiles: {
                  /** Format: uuid */
                  fileId: string;
                  name: string;
                }[];
              answeredAt: null | string;
            };
          };
        };
        /** @description Default Response */
        201: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              message: string;
              replyBy: string;
              /** Format: date-time */
              askedAt: string;
              answer: null | string;
              answerFiles: {
                  /** Format: uuid */
                  fileId: string;
                  name: string;
                }[];
              answeredAt: null | string;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/reports/{id}/due-date": {
    /** Move the report’s due date, with a reason (caseworker); the date the agreement gave is kept beside it */
    put: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            dueOn: string;
            reason: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              agreementId: string;
              agreementNumber: string;
              /** Format: uuid */
              applicationId: string;
              caseNumber: string;
              /** @description The application’s title */
              title: string;
              /** Format: uuid */
              organisationId: string;
              organisationName: string;
              /** Format: uuid */
              funderId: string;
              kind: "interim" | "final";
              status: "draft" | "submitted" | "completion_requested" | "approved";
              dueOn: string;
              plannedDueOn: string;
              dueMovedReason: null | string;
              overdue: boolean;
              content: components["schemas"]["ReportContent"];
              version: number;
              /** Format: date-time */
              updatedAt: string;
              updatedBy: null | string;
              submittedAt: null | string;
              submittedBy: null | string;
              approvedAt: null | string;
              approvedBy: null | string;
              /** @description The agreement’s amount. An amount in öre (1 kr = 100 öre) */
              granted: import("../../domain/money.ts").Ore;
              /** @description Paid to date on the agreement. An amount in öre (1 kr = 100 öre) */
              paid: import("../../domain/money.ts").Ore;
              /** @description A spending row deviating from its plan by more than this share needs an explanation */
              deviationPercent: number;
              /** @description What stands in the way of submitting the current content, each on its field */
              problems: {
                  field: string;
                  code: string;
                  params?: {
                    [key: string]: unknown;
                  };
                }[];
              rounds: ({
                  /** Format: uuid */
                  id: string;
                  message: string;
                  replyBy: string;
                  /** Format: date-time */
                  askedAt: string;
                  answer: null | string;
                  answerFiles: {
                      /** Format: uuid */
                      fileId: string;
                      name: string;
                    }[];
                  answeredAt: null | string;
                })[];
              releases: null | {
                number: number;
                /** @description An amount in öre (1 kr = 100 öre) */
                amount: import("../../domain/money.ts").Ore;
              };
              recovery: null | {
                /** Format: uuid */
                id: string;
                number: string;
              };
              can: {
                edit: boolean;
                submit: boolean;
                approve: boolean;
                requestCompletion: boolean;
                moveDueDate: boolean;
                startRecovery: boolean;
              };
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/public/surveys/{token}": {
    /** A participants’ survey in a language (?lang=sv|en|easy; easy is lättläst Swedish): its questions, scale and age bands; 404 for no survey, 410 when closed */
    get: {
      parameters: {
        query?: {
          lang?: "sv" | "en" | "easy";
        };
        path: {
          token: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              language: "sv" | "en" | "easy";
              htmlLang: "sv" | "en";
              heading: string;
              organisationName: string;
              activity: string;
              intro: string;
              /** @description Why the participant is anonymous, paragraph by paragraph */
              anonymous: string[];
              questions: ({
                  field: string;
                  kind: "standard" | "extra";
                  text: string;
                  /** @description The language the text is in: an extra question without a translation is in Swedish */
                  lang: "sv" | "en";
                })[];
              scale: {
                  value: number;
                  face: string;
                  label: string;
                }[];
              ageBands: ({
                  value: null | ("under_13" | "13_15" | "16_18" | "19_25" | "over_25");
                  label: string;
                })[];
              freeText: {
                label: string;
                hint: string;
                maxLength: number;
              };
              /** @description Send it back with the answer: if the association changed its questions meanwhile, the answer is refused (409) */
              questionsVersion: string;
              /** @description The participant’s own answer, when their cookie names one */
              answer: null | ({
                ageBand?: null | ("under_13" | "13_15" | "16_18" | "19_25" | "over_25");
                ratings?: {
                  safe?: number;
                  welcome?: number;
                  come_back?: number;
                  learned?: number;
                  listened?: number;
                };
                extra?: {
                  [key: string]: number;
                };
                freeText?: null | string;
              });
              /** @description The same survey as a page */
              pageUrl: string;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/public/surveys/{token}/answer": {
    /** Answer the survey, or change your answer: the first answer sets the cookie that lets the same browser change it (no other cookie, nothing about who answered is stored). 201 for a new answer, 200 for a changed one; 429 when too many answer from one place at once. */
    put: {
      parameters: {
        query?: {
          lang?: "sv" | "en" | "easy";
        };
        path: {
          token: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            ageBand?: null | ("under_13" | "13_15" | "16_18" | "19_25" | "over_25");
            ratings?: {
              safe?: number;
              welcome?: number;
              come_back?: number;
              learned?: number;
              listened?: number;
            };
            extra?: {
              [key: string]: number;
            };
            freeText?: null | string;
            questionsVersion?: null | string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              outcome: "created" | "updated";
              answer: {
                ageBand?: null | ("under_13" | "13_15" | "16_18" | "19_25" | "over_25");
                ratings?: {
                  safe?: number;
                  welcome?: number;
                  come_back?: number;
                  learned?: number;
                  listened?: number;
                };
                extra?: {
                  [key: string]: number;
                };
                freeText?: null | string;
              };
            };
          };
        };
        /** @description Default Response */
        201: {
          content: {
            "application/json": {
              outcome: "created" | "updated";
              answer: {
                ageBand?: null | ("under_13" | "13_15" | "16_18" | "19_25" | "over_25");
                ratings?: {
                  safe?: number;
                  welcome?: number;
                  come_back?: number;
                  learned?: number;
                  listened?: number;
                };
                extra?: {
                  [key: string]: number;
                };
                freeText?: null | string;
              };
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/agreements/{id}/survey": {
    /** The participants’ survey of an agreement: link, poster, status, answers so far and the association’s own questions (members and staff); 404 survey_not_found when the call asked for none */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              agreementId: string;
              status: "open" | "closed";
              closedAt: null | string;
              /** @description The address participants answer at */
              link: string;
              posterUrl: string;
              /** @description How many have answered */
              answers: number;
              extraQuestions: {
                  id: string;
                  text: {
                    sv: string;
                    en?: string;
                    easy?: string;
                  };
                }[];
              maxExtraQuestions: number;
              /** @description The survey has answers: its questions can no longer change */
              questionsFrozen: boolean;
              /** @description Its results have been shown: it is never opened again */
              released: boolean;
              /** @description The smallest group whose results or free texts are shown (the funder’s setting) */
              minGroup: number;
              unreadFreeTexts: null | number;
              can: {
                editQuestions: boolean;
                close: boolean;
                open: boolean;
                seeFreeTexts: boolean;
                readFreeTexts: boolean;
              };
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/surveys/{id}/questions": {
    /** The association’s own questions, at most 3, on the same 1–5 scale: Swedish required, English and easy Swedish optional (members and caseworkers; only until the first answer) */
    put: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            questions: ({
                text: {
                  sv: string;
                  en?: null | string;
                  easy?: null | string;
                };
              })[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              agreementId: string;
              status: "open" | "closed";
              closedAt: null | string;
              /** @description The address participants answer at */
              link: string;
              posterUrl: string;
              /** @description How many have answered */
              answers: number;
              extraQuestions: {
                  id: string;
                  text: {
                    sv: string;
                    en?: string;
                    easy?: string;
                  };
                }[];
              maxExtraQuestions: number;
              /** @description The survey has answers: its questions can no longer change */
              questionsFrozen: boolean;
              /** @description Its results have been shown: it is never opened again */
              released: boolean;
              /** @description The smallest group whose results or free texts are shown (the funder’s setting) */
              minGroup: number;
              unreadFreeTexts: null | number;
              can: {
                editQuestions: boolean;
                close: boolean;
                open: boolean;
                seeFreeTexts: boolean;
                readFreeTexts: boolean;
              };
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/surveys/{id}/close": {
    /** Close the survey: no more answers are taken (members and caseworkers) */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              agreementId: string;
              status: "open" | "closed";
              closedAt: null | string;
              /** @description The address participants answer at */
              link: string;
              posterUrl: string;
              /** @description How many have answered */
              answers: number;
              extraQuestions: {
                  id: string;
                  text: {
                    sv: string;
                    en?: string;
                    easy?: string;
                  };
                }[];
              maxExtraQuestions: number;
              /** @description The survey has answers: its questions can no longer change */
              questionsFrozen: boolean;
              /** @description Its results have been shown: it is never opened again */
              released: boolean;
              /** @description The smallest group whose results or free texts are shown (the funder’s setting) */
              minGroup: number;
              unreadFreeTexts: null | number;
              can: {
                editQuestions: boolean;
                close: boolean;
                open: boolean;
                seeFreeTexts: boolean;
                readFreeTexts: boolean;
              };
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/surveys/{id}/open": {
    /** Open the survey again for answers (members and caseworkers) */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              agreementId: string;
              status: "open" | "closed";
              closedAt: null | string;
              /** @description The address participants answer at */
              link: string;
              posterUrl: string;
              /** @description How many have answered */
              answers: number;
              extraQuestions: {
                  id: string;
                  text: {
                    sv: string;
                    en?: string;
                    easy?: string;
                  };
                }[];
              maxExtraQuestions: number;
              /** @description The survey has answers: its questions can no longer change */
              questionsFrozen: boolean;
              /** @description Its results have been shown: it is never opened again */
              released: boolean;
              /** @description The smallest group whose results or free texts are shown (the funder’s setting) */
              minGroup: number;
              unreadFreeTexts: null | number;
              can: {
                editQuestions: boolean;
                close: boolean;
                open: boolean;
                seeFreeTexts: boolean;
                readFreeTexts: boolean;
              };
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/surveys/{id}/poster.pdf": {
    /** The A4 poster: a QR code of the link, and a short text in Swedish, English and easy Swedish (members and staff) */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description application/pdf */
        200: {
          content: {
            "application/json": string;
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/surveys/{id}/free-texts": {
    /** The free-text answers (the funder’s staff only): a caseworker also sees those not yet read; everyone else only read or masked ones. None while the survey has fewer answers than the smallest group shown. */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              surveyId: string;
              answers: number;
              minGroup: number;
              /** @description Too few answers: no free text is shown */
              hidden: boolean;
              mayRead: boolean;
              items: ({
                  /** Format: uuid */
                  id: string;
                  state: "unread" | "read" | "masked";
                  text: null | string;
                })[];
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/survey-answers/{id}/free-text": {
    /** The caseworker has read a free text (others on the staff may then see it), or masks it: `masked` is shown instead (names taken out; empty hides it all) and the original is erased */
    post: {
      parameters: {
        header?: {
          /** @description Makes the request safe to retry: the same key with the same request answers the first answer again; with any other request, 409 idempotency_key_reused. Kept for 24 hours, per signed-in person. */
          "idempotency-key"?: string;
        };
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            action: "read" | "mask";
            masked?: null | string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** Format: uuid */
              id: string;
              state: "unread" | "read" | "masked";
              text: null | string;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/funders/{id}/follow-up-settings": {
    /** The funder's follow-up settings: the survey's smallest group, the deviation a report may have unexplained, the reminder's lead (staff) */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** @description The smallest group of survey answers whose results are shown anywhere: 3–100, never lower than 3 */
              surveyMinGroup: number;
              /** @description How far (in per cent, 1–100) a report's spending row may deviate from the plan without an explanation */
              reportDeviationPercent: number;
              /** @description How many days (1–90) before a report is due the association is reminded */
              reportReminderDays: number;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
    /** Set the funder's follow-up settings (administrators); audited with what they were */
    put: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            /** @description The smallest group of survey answers whose results are shown anywhere: 3–100, never lower than 3 */
            surveyMinGroup: number;
            /** @description How far (in per cent, 1–100) a report's spending row may deviate from the plan without an explanation */
            reportDeviationPercent: number;
            /** @description How many days (1–90) before a report is due the association is reminded */
            reportReminderDays: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** @description The smallest group of survey answers whose results are shown anywhere: 3–100, never lower than 3 */
              surveyMinGroup: number;
              /** @description How far (in per cent, 1–100) a report's spending row may deviate from the plan without an explanation */
              reportDeviationPercent: number;
              /** @description How many days (1–90) before a report is due the association is reminded */
              reportReminderDays: number;
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/agreements/{id}/survey/results": {
    /** The agreement’s survey results per question, once the survey is closed and at least the smallest group has answered (the association’s members and the funder’s staff) */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              /** @description null when the agreement has no participant survey */
              survey: null | ({
                /** Format: uuid */
                surveyId: string;
                status: "open" | "closed";
                /** @description Results are shown from this many answers (the funder’s setting, never below 3) */
                minGroup: number;
                shown: boolean;
                reason: null | ("too_few_answers" | "survey_open");
                n: null | number;
                questions: ({
                    /** @description safe, welcome, come_back, learned, listened; or an extra question’s id */
                    question: string;
                    /** @description How many gave 1, 2, 3, 4 and 5 */
                    counts: number[];
                    /** @description How many of the group rated the question */
                    answered: number;
                    mean: null | number;
                  })[];
                extraQuestions: (({
                    /** @description safe, welcome, come_back, learned, listened; or an extra question’s id */
                    question: string;
                    /** @description How many gave 1, 2, 3, 4 and 5 */
                    counts: number[];
                    /** @description How many of the group rated the question */
                    answered: number;
                    mean: null | number;
                  }) & {
                    text: {
                      sv: string;
                      en?: string;
                      easy?: string;
                    };
                  })[];
              });
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/funders/{id}/survey-results": {
    /** The funder’s survey results grouped by call, activity type, area or age band, filtered; a group that would show fewer than the smallest group, or let one be worked out, is hidden with its reason (staff) */
    get: {
      parameters: {
        query?: {
          /** @description What the groups are: call (default), activity type, area or age band */
          by?: "call" | "activity" | "area" | "age_band";
          callId?: string;
          activity?: string;
          area?: string;
          ageBand?: "under_13" | "13_15" | "16_18" | "19_25" | "over_25" | "not_stated";
        };
        path: {
          id: string;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          content: {
            "application/json": {
              minGroup: number;
              by: "call" | "activity" | "area" | "age_band";
              groups: ({
                  /** @description The call’s id, the activity type, the area, the age band, or "all" */
                  key: string;
                  label: string;
                  /** @description Surveys that belong to the group */
                  surveys: number;
                  /** @description Of them, the surveys whose answers are counted */
                  included: number;
                  leftOut: {
                    /** @description Surveys left out: still open (answers are released only once a survey is closed) */
                    surveyOpen: number;
                    /** @description Surveys left out: fewer answers in all than the smallest group */
                    tooFewAnswers: number;
                    /** @description Surveys left out of an age view: one of their age bands is too small to show on its own */
                    ageBandTooSmall: number;
                  };
                  shown: boolean;
                  reason: null | ("too_few_answers" | "age_band_too_small" | "survey_open");
                  n: null | number;
                  questions: ({
                      /** @description safe, welcome, come_back, learned, listened; or an extra question’s id */
                      question: string;
                      /** @description How many gave 1, 2, 3, 4 and 5 */
                      counts: number[];
                      /** @description How many of the group rated the question */
                      answered: number;
                      mean: null | number;
                    })[];
                })[];
              facets: {
                calls: {
                    /** Format: uuid */
                    id: string;
                    title: string;
                  }[];
                activities: string[];
                areas: string[];
              };
            };
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
  "/api/funders/{id}/survey-results.csv": {
    /** The same summary as a CSV file: a row per group and question; hidden groups say so (staff) */
    get: {
      parameters: {
        query?: {
          /** @description What the groups are: call (default), activity type, area or age band */
          by?: "call" | "activity" | "area" | "age_band";
          callId?: string;
          activity?: string;
          area?: string;
          ageBand?: "under_13" | "13_15" | "16_18" | "19_25" | "over_25" | "not_stated";
        };
        path: {
          id: string;
        };
      };
      responses: {
        /** @description csv */
        200: {
          content: {
            "application/json": unknown;
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "4XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
        /** @description application/problem+json with Swedish and English messages */
        "5XX": {
          content: {
            "application/json": components["schemas"]["Problem"];
          };
        };
      };
    };
  };
}

export type webhooks = Record<string, never>;

export interface components {
  schemas: {
    /** @description application/problem+json with Swedish and English messages */
    Problem: {
      type: string;
      title: string;
      status: number;
      code: string;
      messages: {
        sv: string;
        en: string;
      };
      errors?: {
          field: string;
          code: string;
          message: string;
          messages: {
            sv: string;
            en: string;
          };
        }[];
      details?: {
        [key: string]: unknown;
      };
      requestId: string;
    };
    CallRules: {
      title: string;
      summary: string;
      description: string;
      budgetLineId: null | string;
      /** @description An amount in öre (1 kr = 100 öre) */
      amount: import("../../domain/money.ts").Ore;
      focusAreas: string[];
      eligibleForms: ("ideell_forening" | "studieforbund" | "trossamfund" | "stiftelse" | "ekonomisk_forening" | "kommun" | "region" | "myndighet" | "aktiebolag" | "annan")[];
      exclusions: ("religious_or_political" | "for_profit" | "already_completed")[];
      targetGroups: ("children" | "young_people" | "young_adults" | "adults" | "older_people" | "parents")[];
      targetAreas: string[];
      opensOn: null | string;
      deadline: null | string;
      grantPeriodMonths: number;
      /** @description An amount in öre (1 kr = 100 öre) */
      minAmount: import("../../domain/money.ts").Ore;
      /** @description An amount in öre (1 kr = 100 öre) */
      maxAmount: import("../../domain/money.ts").Ore;
      requiredAttachments: ("statutes" | "annual_report" | "accounts" | "budget" | "activity_plan" | "board_list" | "other")[];
      requiresEligibilityApproval: boolean;
      criteria: {
          id: string;
          label: string;
          description?: string;
          weight: number;
        }[];
      followUp: {
        reportDueMonths: number;
        requireFinancialReport: boolean;
        requireParticipantSurvey: boolean;
        notes?: string;
      };
      questions: ({
          id: string;
          page: number;
          type: "short_text" | "long_text" | "number" | "single_choice" | "multiple_choice" | "date" | "file";
          label: string;
          help?: string;
          required: boolean;
          maxWords?: number;
          min?: number;
          max?: number;
          options?: {
              value: string;
              label: string;
            }[];
          showIf?: {
            questionId: string;
            equals: string;
          };
        })[];
      activityTypes: string[];
      agreement?: {
        /** @description An assignment (uppdrag) or an idea-based public partnership (IOP) */
        kind: "assignment" | "iop";
        /** @description Other parties the agreements name, e.g. the housing company */
        partners: string[];
      };
    };
    ApplicationContent: {
      title: string;
      description: string;
      complement: string;
      focusAreas: string[];
      activities: ({
          typeKey: null | string;
          proposedType: null | string;
          description: string;
          targetGroups: ("children" | "young_people" | "young_adults" | "adults" | "older_people" | "parents")[];
          areas: string[];
          from: null | string;
          to: null | string;
          expectedParticipants: null | number;
        })[];
      budget: {
          label: string;
          /** @description An amount in öre (1 kr = 100 öre) */
          amount: import("../../domain/money.ts").Ore;
        }[];
      /** @description An amount in öre (1 kr = 100 öre) */
      ownContribution: import("../../domain/money.ts").Ore;
      /** @description An amount in öre (1 kr = 100 öre) */
      otherFunding: import("../../domain/money.ts").Ore;
      /** @description An amount in öre (1 kr = 100 öre) */
      amountRequested: import("../../domain/money.ts").Ore;
      partners: {
          orgNumber: string;
          name: string;
          role: string;
        }[];
      contacts: {
          name: string;
          email: string;
          phone: string;
        }[];
      declarations: {
        religious_or_political?: boolean;
        for_profit?: boolean;
        already_completed?: boolean;
      };
      answers: {
        [key: string]: null | (string | number | string[]);
      };
      attachments: ({
          kind: "statutes" | "annual_report" | "accounts" | "budget" | "activity_plan" | "board_list" | "other";
          /** Format: uuid */
          fileId: string;
          name: string;
        })[];
    };
    ReportContent: {
      spending: ({
          label: string;
          /** @description What the application planned for the row; null for a row outside the plan. An amount in öre (1 kr = 100 öre) */
          planned: import("../../domain/money.ts").Ore | null;
          /** @description An amount in öre (1 kr = 100 öre) */
          spent: import("../../domain/money.ts").Ore | null;
          /** @description An amount in öre (1 kr = 100 öre) */
          fromGrant: import("../../domain/money.ts").Ore | null;
          explanation: string;
        })[];
      activities: ({
          typeKey: null | string;
          proposedType: null | string;
          area: string;
          from: null | string;
          to: null | string;
          frequency: string;
          occasions: number | null;
        })[];
      participants: {
        under_13?: {
          girls?: number | null;
          boys?: number | null;
          other?: number | null;
          not_stated?: number | null;
        };
        "13_15"?: {
          girls?: number | null;
          boys?: number | null;
          other?: number | null;
          not_stated?: number | null;
        };
        "16_18"?: {
          girls?: number | null;
          boys?: number | null;
          other?: number | null;
          not_stated?: number | null;
        };
        "19_25"?: {
          girls?: number | null;
          boys?: number | null;
          other?: number | null;
          not_stated?: number | null;
        };
        over_25?: {
          girls?: number | null;
          boys?: number | null;
          other?: number | null;
          not_stated?: number | null;
        };
      };
      worked: string;
      didNotWork: string;
      wouldChange: string;
      surveyComment: string;
      attachments: {
          /** Format: uuid */
          fileId: string;
          name: string;
        }[];
    };
    AgreementContent: {
      description: string;
      activities: string[];
      areas: string[];
      targetGroups: ("children" | "young_people" | "young_adults" | "adults" | "older_people" | "parents")[];
      expectedParticipants: null | number;
      /** @description A date, YYYY-MM-DD (Europe/Stockholm) */
      periodFrom: string;
      /** @description A date, YYYY-MM-DD (Europe/Stockholm) */
      periodTo: string;
      conditions: string;
      contacts: ({
          party: "funder" | "organisation";
          name: string;
          role: string;
          email: string;
          phone: string;
        })[];
      parties: {
          key: string;
          label: string;
        }[];
      responsibilities: ({
          task: string;
          /** @description Party key → responsible, takes part or informed; a party not named has no part */
          roles: {
            [key: string]: "responsible" | "takes_part" | "informed";
          };
        })[];
      ownContribution: null | import("../../domain/money.ts").Ore;
      jointFollowUp: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}

export type $defs = Record<string, never>;

export type external = Record<string, never>;

export type operations = Record<string, never>;
