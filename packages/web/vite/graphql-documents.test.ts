import { describe, expect, it } from 'vitest';
import { documentExportName, generatedDocuments, inlineGraphqlDocuments } from './graphql-documents';

const GENERATED = [
  'export const ViewerFieldsFragmentDoc = {"kind":"Document","definitions":[{"name":"ViewerFields"}]} as unknown as DocumentNode<ViewerFieldsFragment, unknown>;',
  'export const ViewerDocument = {"kind":"Document","definitions":[{"name":"Viewer"},{"name":"ViewerFields"}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;',
  'export const LoginDocument = {"kind":"Document","definitions":[{"name":"Login"}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;',
].join('\n');

const documents = generatedDocuments(GENERATED);

describe('graphql() calls replaced by their generated documents at build time', () => {
  it('names a document by its first definition, as the codegen exports it', () => {
    expect(documentExportName('\n  query Viewer { me { id } }')).toBe('ViewerDocument');
    expect(documentExportName('mutation Login($input: LoginInput!) { login }')).toBe('LoginDocument');
    expect(documentExportName('  fragment ViewerFields on User { id }')).toBe('ViewerFieldsFragmentDoc');
    expect(() => documentExportName('{ me { id } }')).toThrow(/no named operation/);
  });

  it('reads every generated document of gql/graphql.ts', () => {
    expect([...documents.keys()]).toEqual(['ViewerFieldsFragmentDoc', 'ViewerDocument', 'LoginDocument']);
    expect(JSON.parse(documents.get('LoginDocument')!)).toEqual({
      kind: 'Document',
      definitions: [{ name: 'Login' }],
    });
  });

  it('inlines each call and drops the graphql import, asking for the gql folder the module names', () => {
    const asked: string[] = [];
    const source = [
      "import { graphql } from '../../gql';",
      "import { Role } from '@xiangmeng/domain';",
      '',
      'export const ViewerFields = graphql(`',
      '  fragment ViewerFields on User { id }',
      '`);',
      'export const ViewerQuery = graphql(`',
      '  query Viewer { me { ...ViewerFields } }',
      '`);',
      'export const LoginMutation = graphql(`mutation Login { login }`);',
      '',
    ].join('\n');
    const inlined = inlineGraphqlDocuments(source, (dir) => {
      asked.push(dir);
      return documents;
    });
    expect(asked).toEqual(['../../gql']);
    expect(inlined).toBe(
      [
        "import { Role } from '@xiangmeng/domain';",
        '',
        `export const ViewerFields = (${documents.get('ViewerFieldsFragmentDoc')});`,
        `export const ViewerQuery = (${documents.get('ViewerDocument')});`,
        `export const LoginMutation = (${documents.get('LoginDocument')});`,
        '',
      ].join('\n'),
    );
  });

  it('leaves a module without the graphql import alone', () => {
    expect(inlineGraphqlDocuments("import { graphql } from 'graphql';\n", () => documents)).toBeNull();
    expect(inlineGraphqlDocuments('export const a = 1;\n', () => documents)).toBeNull();
  });

  it('refuses an operation the codegen has not generated, and a call it cannot read', () => {
    const call = (body: string) => `import { graphql } from '../gql';\nexport const Q = ${body};\n`;
    expect(() => inlineGraphqlDocuments(call('graphql(`query Missing { a }`)'), () => documents)).toThrow(
      /MissingDocument is not generated/,
    );
    expect(() => inlineGraphqlDocuments(call('graphql(source)'), () => documents)).toThrow(
      /one template literal/,
    );
  });
});
