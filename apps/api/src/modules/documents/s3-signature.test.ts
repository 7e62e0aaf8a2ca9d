import { describe, expect, it } from 'vitest';
import { payloadHash, signV4 } from './s3-signature';

describe('S3 signature version 4', () => {
  // The GET Object example of Amazon's S3 documentation ("Signature Calculations for the
  // Authorization Header"), with its published signature.
  it('reproduces the documented example', () => {
    const { signature } = signV4({
      method: 'GET',
      host: 'examplebucket.s3.amazonaws.com',
      path: '/test.txt',
      headers: {
        range: 'bytes=0-9',
        'x-amz-content-sha256': payloadHash(''),
        'x-amz-date': '20130524T000000Z',
      },
      payloadHash: payloadHash(''),
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      region: 'us-east-1',
      service: 's3',
      amzDate: '20130524T000000Z',
    });
    expect(signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  });
});
