import { expect, type APIRequestContext } from '@playwright/test';

// Preconditions a story does not narrate (a pilot's documents, a seated panel, experts' sheets) go
// through the API as the signed-in user of a page or request context, never around it.

export type GraphqlErrors = { message: string; extensions?: { code?: string } }[];

export async function graphql<T>(
  request: APIRequestContext,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const res = await request.post('/graphql', {
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    data: { query, variables },
  });
  const text = await res.text();
  const body = JSON.parse(text) as { data?: T; errors?: GraphqlErrors };
  expect(body.errors, `${query.slice(0, 80)}…`).toBeUndefined();
  expect(body.data, `${res.status()} ${text.slice(0, 300)}`).toBeTruthy();
  return body.data!;
}

/** Signs a request context in (it keeps the session cookie). */
export async function signInRequest(
  request: APIRequestContext,
  tenantCode: string,
  username: string,
  password: string,
): Promise<void> {
  await graphql(
    request,
    `
      mutation ($input: LoginInput!) {
        login(input: $input) {
          id
        }
      }
    `,
    {
      input: { tenantCode, username, password },
    },
  );
}

/** Uploads a small PDF to an alliance's files and answers the document id. */
export async function uploadPdf(
  request: APIRequestContext,
  allianceId: string,
  name: string,
): Promise<string> {
  const res = await request.post('/api/documents', {
    headers: { 'x-xiangmeng-request': '1' },
    multipart: {
      allianceId,
      kind: 'ATTACHMENT',
      file: {
        name,
        mimeType: 'application/pdf',
        buffer: Buffer.from(
          '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
        ),
      },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
