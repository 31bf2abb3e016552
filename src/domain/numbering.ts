/**
 * The numbered series a funder keeps per year, each with no gaps and no duplicates: case numbers of
 * applications (diarienummer, "SN 2022/00123"), and next the agreements, payment runs and recoveries
 * ("SN A2026/00001", "SN U2026/00001", "SN R2026/00001"). The numbers are taken and written by the
 * database (next_number and series_label, migration 0009) in the statement that uses them.
 */
export const NUMBERED_SERIES = ['application', 'agreement', 'payment_run', 'recovery'] as const;
export type NumberedSeries = (typeof NUMBERED_SERIES)[number];
