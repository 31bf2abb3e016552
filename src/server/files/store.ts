import type { Tx } from '../../db/connection.ts';

/** Lets a funder's staff read documents an organisation sent it, alongside every other funder it sent them to. */
export async function grantFiles(tx: Tx, fileIds: string[], funderId: string) {
  if (!fileIds.length) return;
  await tx
    .insertInto('file_grants')
    .values(fileIds.map((file_id) => ({ file_id, funder_id: funderId })))
    .onConflict((oc) => oc.columns(['file_id', 'funder_id']).doNothing())
    .execute();
}
