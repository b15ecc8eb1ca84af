-- Reserved; filled in by the work on its issue. A no-op keeps the numbering contiguous.
SELECT 1;
