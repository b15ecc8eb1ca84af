import { z } from 'zod';

/** Agencies that take part in coordination meetings and receive documents (NO pkt 6, 11, 12). */
export const AgencySchema = z.enum(['kriminalomsorgen', 'politi', 'pst', 'kommune', 'other']);
export type Agency = z.infer<typeof AgencySchema>;

/**
 * Which part of the correctional service a participant comes from. NO pkt 12 gives the probation
 * office (friomsorgskontoret) a particular role in the release meeting; KDI represents the mentor
 * scheme (NO pkt 13.8).
 */
export const ServiceUnitKindSchema = z.enum(['prison', 'probation_office', 'region', 'kdi']);
export type ServiceUnitKind = z.infer<typeof ServiceUnitKindSchema>;
