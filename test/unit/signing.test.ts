import { describe, expect, it } from 'vitest';
import { signedHeaders } from '../../functions/core/aws/sign.js';

/** The "get-vanilla" case of AWS's published Signature Version 4 test suite, through the SDK's signer and our hashing. */
describe('SigV4 signing', () => {
  it('reproduces the signature of the AWS test suite', async () => {
    const headers = await signedHeaders({
      method: 'GET',
      host: 'example.amazonaws.com',
      path: '/',
      region: 'us-east-1',
      service: 'service',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
      now: new Date('2015-08-30T12:36:00Z'),
    });
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
  });
});
