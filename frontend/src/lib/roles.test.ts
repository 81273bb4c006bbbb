import { describe, expect, it } from 'vitest';
import { RESOURCES } from '@/testing/fake-api';
import { describeAccess, normalizeRoles, setChange, setView } from './roles';

describe('the permissions grid rules', () => {
  it('ticking Change ticks View too', () => {
    expect(setChange([], 'accounts', true)).toEqual(['accounts:change', 'accounts:read']);
  });

  it('unticking Change leaves View ticked', () => {
    expect(setChange(['accounts:change', 'accounts:read'], 'accounts', false)).toEqual(['accounts:read']);
  });

  it('View can be ticked alone', () => {
    expect(setView([], 'payments', true)).toEqual(['payments:read']);
  });

  it('View cannot be unticked while Change holds it', () => {
    expect(setView(['payments:change', 'payments:read'], 'payments', false)).toEqual([
      'payments:change',
      'payments:read',
    ]);
  });

  it('View can be unticked when Change is not ticked', () => {
    expect(setView(['payments:read', 'accounts:read'], 'payments', false)).toEqual(['accounts:read']);
  });

  it('normalising adds the View role of every Change role, sorted and unique', () => {
    expect(normalizeRoles(['users:change', 'accounts:read', 'accounts:read'])).toEqual([
      'accounts:read',
      'users:change',
      'users:read',
    ]);
  });

  it('describes access per resource in catalogue order, Change over View', () => {
    expect(describeAccess(['payments:read', 'accounts:change', 'accounts:read', 'legacy:read'], RESOURCES)).toEqual([
      { resourceId: 'accounts', name: 'Accounts', level: 'Change' },
      { resourceId: 'payments', name: 'Payments', level: 'View' },
      { resourceId: 'legacy', name: 'legacy', level: 'View' },
    ]);
  });
});
