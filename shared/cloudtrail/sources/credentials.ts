/**
 * What to tell a user whose AWS call failed for want of credentials: the SDK's own message ("Could
 * not load credentials from any providers") names no way to get them.
 */

/** The SDK's credential chain found nothing (CredentialsProviderError from @smithy/property-provider). */
export function isMissingCredentials(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'CredentialsProviderError' || name === 'ExpiredTokenException' || name === 'ExpiredToken';
}

/** The ways the AWS SDK's default chain finds credentials, in the order a newcomer meets them. */
export const CREDENTIALS_HINT =
  'no AWS credentials were found. Give them one of the ways the AWS SDK reads: ' +
  'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN) in the environment; ' +
  '`aws configure` or `aws configure sso` then AWS_PROFILE=<profile> (run `aws sso login` when it expires); ' +
  'in GitHub Actions, OIDC: permissions `id-token: write` and a step ' +
  '`uses: aws-actions/configure-aws-credentials@v4` with `role-to-assume` and `aws-region`';
