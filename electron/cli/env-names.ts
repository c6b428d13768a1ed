/** The environment variables the program reads its secrets from (named in its help and its messages). */
export const envNames = {
  passphrase: 'ONE_STOP_QUEUE_PASSPHRASE',
  newPassphrase: 'ONE_STOP_QUEUE_NEW_PASSPHRASE',
  newPin: 'ONE_STOP_QUEUE_NEW_PIN',
} as const;
