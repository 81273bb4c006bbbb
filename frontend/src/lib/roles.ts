import type { Resource } from '@/lib/api/types';

/** Roles are `{resource}:read` (the grid's View column) and `{resource}:change` (Change, which implies View). */
export const readRole = (resourceId: string) => `${resourceId}:read`;
export const changeRole = (resourceId: string) => `${resourceId}:change`;

/** Sorted, unique, and every `X:change` with its `X:read`, as the server stores them. */
export function normalizeRoles(roles: Iterable<string>): string[] {
  const set = new Set(roles);
  for (const role of [...set]) {
    if (role.endsWith(':change')) set.add(role.replace(/:change$/, ':read'));
  }
  return [...set].sort();
}

/** Ticking Change ticks View too; unticking Change leaves View ticked. */
export function setChange(roles: string[], resourceId: string, checked: boolean): string[] {
  const set = new Set(roles);
  if (checked) {
    set.add(changeRole(resourceId));
    set.add(readRole(resourceId));
  } else {
    set.delete(changeRole(resourceId));
  }
  return normalizeRoles(set);
}

/** View can be ticked alone; it cannot be unticked while Change holds it. */
export function setView(roles: string[], resourceId: string, checked: boolean): string[] {
  const set = new Set(roles);
  if (checked) set.add(readRole(resourceId));
  else if (!set.has(changeRole(resourceId))) set.delete(readRole(resourceId));
  return normalizeRoles(set);
}

export type Access = { resourceId: string; name: string; level: 'Change' | 'View' };

/** One entry per resource the roles reach, in catalogue order, for a compact display. */
export function describeAccess(roles: string[], resources: Resource[]): Access[] {
  const set = new Set(roles);
  const known = new Set<string>();
  const access: Access[] = [];
  for (const resource of resources) {
    known.add(readRole(resource.id)).add(changeRole(resource.id));
    if (set.has(changeRole(resource.id)))
      access.push({ resourceId: resource.id, name: resource.name, level: 'Change' });
    else if (set.has(readRole(resource.id)))
      access.push({ resourceId: resource.id, name: resource.name, level: 'View' });
  }
  // Roles outside the catalogue (a resource since removed from configuration) are still shown.
  for (const role of set) {
    if (known.has(role)) continue;
    const [id = role, kind] = role.split(':');
    if (kind === 'read' && set.has(changeRole(id))) continue;
    access.push({ resourceId: id, name: id, level: kind === 'change' ? 'Change' : 'View' });
  }
  return access;
}
