import type { ReactNode } from 'react';
import type { TableColumn } from '../../components/data-table';

export interface FramedTableProps {
  /** Id of the heading that names the table. */
  labelledBy: string;
  columns: readonly Omit<TableColumn, 'visuallyHidden'>[];
  /** The body rows. */
  children: ReactNode;
}

/** A table of a case's records in a scrolling frame, named by the heading above it. */
export function FramedTable({ labelledBy, columns, children }: FramedTableProps) {
  return (
    <div className="table-frame">
      <table className="data-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.className}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
