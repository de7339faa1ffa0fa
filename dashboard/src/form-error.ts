/** Words for a failed onboarding request: the service's own message for any 4xx (a duplicate too). */

import { errorText } from './alert-actions.js';
import { ApiRequestError } from './api.js';
import type { Strings } from './i18n.js';

export function formErrorText(error: unknown, t: Strings['errors']): string {
  if (error instanceof ApiRequestError && error.kind === 'conflict') return t.rejected(error.message);
  return errorText(error, t);
}
