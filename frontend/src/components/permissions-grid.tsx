import { Checkbox, Table, Text } from '@mantine/core';
import { useId } from 'react';
import type { Resource } from '@/lib/api/types';
import { changeRole, readRole, setChange, setView } from '@/lib/roles';

type Props = {
  resources: Resource[];
  value: string[];
  onChange: (roles: string[]) => void;
  /** Roles the signed-in admin may hand out; others are shown but cannot be ticked. */
  grantable?: (role: string) => boolean;
  error?: string;
  label?: string;
};

/** The permissions grid: one row per resource, a Change and a View checkbox in each. */
export function PermissionsGrid({
  resources,
  value,
  onChange,
  grantable = () => true,
  error,
  label = 'Permissions',
}: Props) {
  const id = useId();
  const held = new Set(value);
  const errorId = `${id}-error`;
  return (
    <div role="group" aria-labelledby={`${id}-label`} aria-describedby={error ? errorId : `${id}-hint`}>
      <Text id={`${id}-label`} fw={500} size="sm">
        {label}
      </Text>
      <Text id={`${id}-hint`} size="xs" c="dimmed" mb={4}>
        Change grants create, read, update and delete, and selects View with it. View alone grants read-only access.
      </Text>
      <Table withTableBorder verticalSpacing={4} highlightOnHover className="permissions-grid">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Resource</Table.Th>
            <Table.Th scope="col" ta="center" w={80}>
              Change
            </Table.Th>
            <Table.Th scope="col" ta="center" w={80}>
              View
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {resources.map((resource) => {
            const change = held.has(changeRole(resource.id));
            const view = held.has(readRole(resource.id));
            const canChange = grantable(changeRole(resource.id));
            const canView = grantable(readRole(resource.id));
            return (
              <Table.Tr key={resource.id}>
                <Table.Th scope="row" fw={400}>
                  <Text size="sm" fw={500}>
                    {resource.name}
                  </Text>
                  {resource.description && (
                    <Text size="xs" c="dimmed">
                      {resource.description}
                    </Text>
                  )}
                </Table.Th>
                <Table.Td>
                  <Checkbox
                    aria-label={`Change ${resource.name}`}
                    checked={change}
                    disabled={!canChange}
                    onChange={(event) => onChange(setChange(value, resource.id, event.currentTarget.checked))}
                    styles={{ body: { justifyContent: 'center' } }}
                  />
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={`View ${resource.name}`}
                    checked={view}
                    // Change holds View: it cannot be unticked while Change is ticked.
                    disabled={change || !canView}
                    onChange={(event) => onChange(setView(value, resource.id, event.currentTarget.checked))}
                    styles={{ body: { justifyContent: 'center' } }}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {error && (
        <Text id={errorId} size="sm" c="red.8" mt={4} role="alert">
          {error}
        </Text>
      )}
    </div>
  );
}
