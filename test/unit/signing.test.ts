import { describe, expect, it } from 'vitest';
import { presignedQuery, signedHeaders } from '../../functions/core/aws/sign.js';

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

/** The presigned URL example of the S3 documentation ("Authenticating Requests: Using Query Parameters"). */
describe('S3 presigned links', () => {
  it('reproduces the signature of the documented example', async () => {
    const query = await presignedQuery({
      method: 'GET',
      host: 'examplebucket.s3.amazonaws.com',
      path: '/test.txt',
      region: 'us-east-1',
      service: 's3',
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
      now: new Date('2013-05-24T00:00:00Z'),
      expiresIn: 86400,
    });
    expect(query['X-Amz-SignedHeaders']).toBe('host');
    expect(query['X-Amz-Credential']).toBe('AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request');
    expect(query['X-Amz-Signature']).toBe('aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404');
    expect(query).not.toHaveProperty('X-Amz-Content-Sha256');
  });
});
