// A superseding decision changes what an agreement is for. A draft simply takes the new amount (so
// what either party accepted before must be accepted again). A signed agreement is not edited: the
// instalments not yet paid are planned anew so the schedule adds up to the new amount, and the
// change is recorded as an amendment. Runs under the decision's locks (line, call, application).
import type { Tx } from '../../db/connection.ts';
import { bankDayOnOrAfter } from '../../domain/bank-days.ts';
import { dateInStockholm } from '../../domain/deadlines.ts';
import { formatKronor, type Ore, ore, splitLargestRemainder } from '../../domain/money.ts';
import { fieldProblem, Problem } from '../problem.ts';
import { type AgreementRow, contentHash, currentContent } from './store.ts';

export async function followDecision(tx: Tx, a: AgreementRow, decisionId: string, amount: Ore, now: Date, by: string): Promise<{ instalments: number } | null> {
  if (amount <= 0) throw new Problem(409, 'agreement_exists', {}, [], { agreementId: a.id });
  if (a.status === 'draft') {
    await tx
      .updateTable('agreements')
      .set({ amount, decision_id: decisionId, version: a.version + 1, updated_at: now, content_sha256: contentHash({ ...a, amount }) })
      .where('id', '=', a.id)
      .execute();
    return null;
  }
  const instalments = await tx.selectFrom('instalments').selectAll().where('agreement_id', '=', a.id).orderBy('number').forUpdate().execute();
  if (instalments.some((i) => i.status === 'in_run')) throw new Problem(409, 'payment_run_pending');
  const fixed = instalments.filter((i) => i.status === 'sent' || i.status === 'paid').reduce((s, i) => s + i.amount, 0);
  const open = instalments.filter((i) => i.status === 'planned' || i.status === 'due');
  const toPlan = amount - fixed;
  if (toPlan < 0) throw fieldProblem(422, 'amount', 'ledger_below_paid', { left: ore(Math.max(0, a.amount - fixed)) });
  if (open.length) {
    const parts =
      toPlan > 0
        ? splitLargestRemainder(
            ore(toPlan),
            open.map((i) => i.amount),
          )
        : open.map(() => ore(0));
    for (const [k, i] of open.entries()) {
      await tx
        .updateTable('instalments')
        .set(parts[k] > 0 ? { amount: parts[k] } : { status: 'cancelled', last_reason: 'Nytt beslut' })
        .where('id', '=', i.id)
        .execute();
    }
  } else if (toPlan > 0) {
    const dueOn = bankDayOnOrAfter(dateInStockholm(now));
    await tx
      .insertInto('instalments')
      .values({
        funder_id: a.funder_id,
        agreement_id: a.id,
        organisation_id: a.organisation_id,
        number: (instalments.at(-1)?.number ?? 0) + 1,
        amount: ore(toPlan),
        condition: 'on_date',
        condition_date: dueOn,
        due_on: dueOn,
        status: 'due',
      })
      .execute();
  }
  const version = a.version + 1;
  await tx
    .insertInto('agreement_amendments')
    .values({
      funder_id: a.funder_id,
      agreement_id: a.id,
      version,
      reason: `Nytt beslut: uppdragsbidraget är ${formatKronor(amount, 'sv')} (var ${formatKronor(a.amount, 'sv')})`,
      content: JSON.stringify(await currentContent(tx, a)),
      changes: JSON.stringify({ amount: { before: a.amount, after: amount } }),
      created_by: by,
      created_at: now,
    })
    .execute();
  await tx.updateTable('agreements').set({ amount, decision_id: decisionId, version, updated_at: now }).where('id', '=', a.id).execute();
  return { instalments: open.length || (toPlan > 0 ? 1 : 0) };
}
