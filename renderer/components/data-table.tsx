import type { ReactNode } from 'react';

export interface TableColumn {
  label: string;
  /** Read by screen readers only, e.g. the header of a column of row actions. */
  visuallyHidden?: boolean;
  className?: string;
}

export interface DataTableProps {
  /** Names the table for screen readers; not shown. */
  caption: string;
  columns: readonly TableColumn[];
  className?: string;
  testId?: string;
  /** The body rows. */
  children: ReactNode;
}

/** A table with a caption for screen readers and one header row of column headers. */
export function DataTable({ caption, columns, className = 'data-table', testId, children }: DataTableProps) {
  return (
    <table className={className} data-testid={testId}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.label} scope="col" className={column.className}>
              {column.visuallyHidden ? <span className="visually-hidden">{column.label}</span> : column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
