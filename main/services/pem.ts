/** PEM ⇄ DER for certificates and keys handed in or out as files. */
import { AppError } from '../ipc/app-error';

/**
 * The DER bytes of a file: as they are when they start like DER (a SEQUENCE), else its one PEM block
 * of `label` (text before it, as `openssl x509 -text` writes, is skipped); empty when there is none.
 * A file of several PEM blocks is refused: taking the first would trust whatever an adversary put first.
 */
export function derFromFile(bytes: Uint8Array, label = 'CERTIFICATE'): Uint8Array {
  if (bytes[0] === 0x30) return bytes;
  const text = Buffer.from(bytes).toString('latin1');
  if ((text.match(/-----BEGIN /g) ?? []).length > 1) throw new AppError('invalid_input', 'signing.pem.severalBlocks');
  const block = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]+?)-----END ${label}-----`);
  const match = block.exec(text);
  return match ? new Uint8Array(Buffer.from((match[1] ?? '').replace(/\s+/g, ''), 'base64')) : new Uint8Array();
}

export function pemFromDer(der: Uint8Array, label: string): string {
  const body =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${body.join('\n')}\n-----END ${label}-----\n`;
}
