import { Anchor, Breadcrumbs as MantineBreadcrumbs, Text } from '@mantine/core';
import { Link } from 'react-router';

/** Settings › IAM › {page}. */
export function IamBreadcrumbs({ page }: { page: string }) {
  return (
    <nav aria-label="Breadcrumb">
      <MantineBreadcrumbs separator="›" mb="xs">
        <Text size="sm" className="muted">
          Settings
        </Text>
        <Anchor component={Link} to="/settings/iam/api-access" size="sm">
          IAM
        </Anchor>
        <Text size="sm" aria-current="page">
          {page}
        </Text>
      </MantineBreadcrumbs>
    </nav>
  );
}
