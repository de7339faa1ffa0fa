/**
 * Acknowledge, resolve and add a note, as the alert cards call them: each returns null on success or
 * the words to show the person who tapped.
 */
import type { Alert, ResolveInput } from '../../service/contract.js';
import { type Api, ApiRequestError } from './api.js';
import type { Strings } from './i18n.js';

export type Resolution = Omit<ResolveInput, 'by'>;

export interface AlertActions {
  acknowledge(alert: Alert): Promise<string | null>;
  resolve(alert: Alert, resolution: Resolution): Promise<string | null>;
  addNote(alert: Alert, text: string): Promise<string | null>;
}

export interface ActionDeps {
  api: Api;
  /** The staff member's name, or null if not given yet. */
  name: string | null;
  /** Called when an action needs a name first (to bring the name field forward). */
  askForName(): void;
  /** Folds the returned alert into the list at once, before the stream reports it. */
  applyResult(alert: Alert): void;
  t: Strings;
}

export function alertActions({ api, name, askForName, applyResult, t }: ActionDeps): AlertActions {
  const run = async (send: (by: string) => Promise<Alert>): Promise<string | null> => {
    if (name === null) {
      askForName();
      return t.name.required;
    }
    try {
      applyResult(await send(name));
      return null;
    } catch (error) {
      return errorText(error, t.errors);
    }
  };
  return {
    acknowledge: (alert) => run((by) => api.acknowledge(alert.id, by)),
    resolve: (alert, resolution) => run((by) => api.resolve(alert.id, { ...resolution, by })),
    addNote: (alert, text) => run((by) => api.addNote(alert.id, { by, text })),
  };
}

/** Words for a failed request: the server's own message only for 4xx, as the API intends. */
export function errorText(error: unknown, t: Strings['errors']): string {
  if (!(error instanceof ApiRequestError)) return t.server;
  switch (error.kind) {
    case 'network':
      return t.network;
    case 'conflict':
      return t.conflict;
    case 'rejected':
    case 'unauthorized':
    case 'rate-limited':
      return t.rejected(error.message);
    case 'invalid':
      return t.invalid;
    case 'server':
      return t.server;
  }
}
