import type { ReactNode } from 'react';
import { DataTable, type TableColumn } from '../../components/data-table';

/** A table of the document screen (versions, distribution, changes, open actions), scrolling sideways on its own. */
export function DocTable({
  className,
  ...table
}: {
  caption: string;
  columns: readonly TableColumn[];
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <div className="doc-table-scroll">
      <DataTable {...table} className={className ? `doc-table ${className}` : 'doc-table'} />
    </div>
  );
}
