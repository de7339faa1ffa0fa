import { describe, expect, it } from 'vitest';
import { mayOpen, PAGE_ROLE } from '../../dashboard/src/page-access.js';
import type { Page } from '../../dashboard/src/router.js';

const PAGES = Object.keys(PAGE_ROLE) as Page[];
const open = (role: 'carer' | 'operator' | 'admin') => PAGES.filter((page) => mayOpen(role, page));

describe('who may open which page', () => {
  it('lets a carer open alerts, residents, a resident and sensors, and nothing an operator runs', () => {
    expect(open('carer')).toEqual(['alerts', 'residents', 'resident', 'sensors']);
  });

  it('lets an operator set up homes and watch system health too, but not manage accounts', () => {
    expect(open('operator')).toEqual(['alerts', 'residents', 'resident', 'sensors', 'onboarding', 'health']);
    expect(mayOpen('operator', 'accounts')).toBe(false);
  });

  it('lets only an admin open the accounts page, and an admin every page', () => {
    expect(PAGES.filter((page) => PAGE_ROLE[page] === 'admin')).toEqual(['accounts']);
    expect(open('admin')).toEqual(PAGES);
  });
});
