/**
 * Who may open which page: the least role each is for. The API refuses the same people
 * (service/auth/policy.ts: onboarding and metrics need an operator, /users and /audit an
 * admin), so this only spares them a page of errors; it is not the protection.
 */
import type { Role } from '../../service/contract.js';
import type { Page } from './router.js';

export const PAGE_ROLE: Readonly<Record<Page, Role>> = {
  alerts: 'carer',
  residents: 'carer',
  resident: 'carer',
  sensors: 'carer',
  onboarding: 'operator',
  health: 'operator',
  accounts: 'admin',
};

const RANK: Readonly<Record<Role, number>> = { carer: 0, operator: 1, admin: 2 };

export function mayOpen(role: Role, page: Page): boolean {
  return RANK[role] >= RANK[PAGE_ROLE[page]];
}
