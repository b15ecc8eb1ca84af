import type { Db } from '../connection';

/** One sealed mentor-conversation record as stored: AES-256-GCM parts, never plaintext. */
export interface SealedConversationRow {
  id: string;
  courseId: string;
  iv: Uint8Array;
  ciphertext: Uint8Array;
  tag: Uint8Array;
  createdAt: string;
}

export function putSealedConversation(
  db: Db,
  row: Omit<SealedConversationRow, 'iv' | 'ciphertext' | 'tag'> & {
    iv: Uint8Array<ArrayBuffer>;
    ciphertext: Uint8Array<ArrayBuffer>;
    tag: Uint8Array<ArrayBuffer>;
  },
): void {
  db.prepare(
    'INSERT OR REPLACE INTO mentor_conversations (id, course_id, iv, ciphertext, tag, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run([row.id, row.courseId, row.iv, row.ciphertext, row.tag, row.createdAt]);
}

/** Every live sealed record (for the gradings the banner counts while the compartment is open). */
export function allSealedConversations(db: Db): SealedConversationRow[] {
  return db
    .prepare(
      `SELECT id, course_id AS courseId, iv, ciphertext, tag, created_at AS createdAt
       FROM mentor_conversations WHERE deleted_at IS NULL`,
    )
    .all() as unknown as SealedConversationRow[];
}

/** A course's live sealed records, oldest first. */
export function sealedConversations(db: Db, courseId: string): SealedConversationRow[] {
  return db
    .prepare(
      `SELECT id, course_id AS courseId, iv, ciphertext, tag, created_at AS createdAt
       FROM mentor_conversations WHERE course_id = ? AND deleted_at IS NULL ORDER BY created_at`,
    )
    .all([courseId]) as unknown as SealedConversationRow[];
}
