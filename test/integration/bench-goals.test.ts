// `npm run bench` reports each goal of issue 15 as met or not, and a goal not met says why from the
// run's own figures: the step that alone is over the limit, where the bytes are, what the first list
// costs with the code warm. Never a reason the figures do not bear out.
import { describe, expect, it } from 'vitest';
import { goalReport } from '../../bench/goals';

type Reported = { value: unknown; met: boolean; notMet?: string[]; why?: unknown };
const reported = (figures: Record<string, unknown>, figure: string) => goalReport(figures)[figure] as Reported;

describe('bench goals', () => {
  it('gives no reason for a goal that is met', () => {
    const figures = { due_list_first_ms: 120, due_list_fresh_warm_ms: 300, due_list_items: 36_000 };
    expect(reported(figures, 'due_list_first_ms')).toEqual({ value: 120, goal: '<= 150 ms', met: true });
  });

  it('names the ranking as the reason only for the query sorts where it alone is over the limit', () => {
    const figures = {
      search_p95_ms_by_sort: { word: 9, prefix: 22, common: 41 },
      search_rank_p95_ms_by_sort: { word: 6, prefix: 18.5, common: 30.2 },
    };
    const search = reported(figures, 'search_p95_ms_by_sort');
    expect(search.met).toBe(false);
    expect(search.notMet).toEqual(['prefix', 'common']);
    // prefix is over the limit, but its ranking alone is not: no reason is claimed for it.
    expect(search.why).toEqual({ common: 'ranking alone (bm25 over every match): 30.2 ms' });
  });

  it('names the query sort whose ranking alone is slowest as the reason the p95 is missed', () => {
    const figures = { search_p95_ms: 46, search_rank_p95_ms_by_sort: { word: 9.2, common: 49, prefix: 29.1 } };
    expect(reported(figures, 'search_p95_ms').why).toBe(
      'ranking alone (bm25 over every match) takes 49 ms at p95 for the common queries',
    );
  });

  it('claims no reason when the run did not measure the step', () => {
    const search = reported({ search_p95_ms_by_sort: { common: 41 } }, 'search_p95_ms_by_sort');
    expect(search).not.toHaveProperty('why');
    expect(reported({ search_p95_ms: 46 }, 'search_p95_ms')).not.toHaveProperty('why');
  });

  it('says where the bytes are, and when the other tables alone are over the goal', () => {
    const over = reported(
      { vault_bytes_per_case: 22_000, vault_bytes_per_case_by_table: { document_versions: 9_400, audit_log: 3_000 } },
      'vault_bytes_per_case',
    );
    expect(over.met).toBe(false);
    expect(over.why).toBe(
      'document versions take 9400 bytes per case; the other tables 12600, over the goal even with no version stored at all',
    );
    const under = reported(
      { vault_bytes_per_case: 16_000, vault_bytes_per_case_by_table: { document_versions: 9_000 } },
      'vault_bytes_per_case',
    );
    expect(under.why).toBe('document versions take 9000 bytes per case; the other tables 7000');
  });

  it('adds the forms the bytes are stored in when the run measured them', () => {
    const figures = {
      vault_bytes_per_case: 23_000,
      vault_bytes_per_case_by_table: { document_versions: 9_500 },
      vault_payload_bytes_per_case_by_form: {
        text_ids: 4_900,
        hex_hashes: 2_000,
        iso_times: 1_100,
        version_json: 5_700,
      },
      vault_version_json_deflated: 0.6,
    };
    expect(reported(figures, 'vault_bytes_per_case').why).toBe(
      'document versions take 9500 bytes per case; the other tables 13500, over the goal even with no version ' +
        'stored at all; by form, with every index copy: ids as UUID text 4900 bytes per case, hashes as hex 2000, ' +
        "times as ISO text 1100, the versions' JSON 5700 (deflate keeps 0.6 of it)",
    );
    const { vault_version_json_deflated: _, ...partly } = figures;
    expect(reported(partly, 'vault_bytes_per_case').why).not.toContain('by form');
  });

  it('names the pages a commit writes as the reason commits cost more keyed, only when measured', () => {
    const figures = {
      sqlcipher_overhead: { fill: 1.1, commits: 1.66 },
      sqlcipher_commit_pages: 21,
      sqlcipher_commit_page_us: 19.5,
      sqlcipher_overhead_read_before: { commits: 1.79 },
    };
    const overhead = reported(figures, 'sqlcipher_overhead');
    expect([overhead.met, overhead.notMet]).toEqual([false, ['commits']]);
    expect(overhead.why).toEqual({
      commits:
        'each commit writes 21 pages (the document, its version, search index, due facts and audit entry, ' +
        'with their indexes), each encrypted and authenticated: 19.5 µs more CPU per page written; the same commits on ' +
        'pages read before: 1.79 x',
    });
    const { sqlcipher_commit_pages: _pages, ...unmeasured } = figures;
    expect(reported(unmeasured, 'sqlcipher_overhead')).not.toHaveProperty('why');
    expect(reported({ ...figures, sqlcipher_overhead: { commits: 1.2 } }, 'sqlcipher_overhead')).not.toHaveProperty(
      'why',
    );
  });

  it('gives the first list with the code warm as the reason the first list is slow', () => {
    const figures = { due_list_first_ms: 560, due_list_fresh_warm_ms: 410.5, due_list_items: 36_261 };
    expect(reported(figures, 'due_list_first_ms').why).toBe(
      'the due list is worked out afresh when none is kept: 410.5 ms with the code warm, for 36261 entries',
    );
  });

  it('adds the time the fresh list spends reading facts, and says when that alone is over the goal', () => {
    const figures = { due_list_first_ms: 560, due_list_fresh_warm_ms: 410.5, due_list_items: 36_261 };
    const work = 'the due list is worked out afresh when none is kept: 410.5 ms with the code warm, for 36261 entries';
    expect(reported({ ...figures, due_list_fresh_reads_ms: 198.2 }, 'due_list_first_ms').why).toBe(
      `${work}, of which reading the facts out of the vault takes 198.2 ms, over the goal before any rule runs`,
    );
    expect(reported({ ...figures, due_list_fresh_reads_ms: 146.5 }, 'due_list_first_ms').why).toBe(
      `${work}, of which reading the facts out of the vault takes 146.5 ms, leaving 3.5 ms of the goal for the rules`,
    );
    expect(reported({ ...figures, due_list_fresh_reads_ms: 150 }, 'due_list_first_ms').why).toBe(
      `${work}, of which reading the facts out of the vault takes 150 ms, leaving 0 ms of the goal for the rules`,
    );
  });

  it('separates the home screen until painted from Playwright telling node', () => {
    const figures = {
      home_10k_due_list_kept_ms: 690,
      home_10k_due_list_painted_kept_ms: 383,
      home_10k_due_list_ms: 1_150,
      home_10k_due_list_painted_ms: 986,
      due_list_fresh_warm_ms: 410,
      due_list_items: 36_261,
    };
    expect(reported(figures, 'home_10k_due_list_kept_ms').why).toBe(
      'until painted: 383 ms (home_10k_due_list_painted_kept_ms); the rest is the bridge and Playwright telling node',
    );
    expect(reported(figures, 'home_10k_due_list_ms').why).toBe(
      'the due list is worked out afresh when none is kept: 410 ms with the code warm, for 36261 entries; ' +
        'until painted: 986 ms (home_10k_due_list_painted_ms); the rest is the bridge and Playwright telling node',
    );
  });
});
