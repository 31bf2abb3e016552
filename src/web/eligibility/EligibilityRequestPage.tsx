import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { evidenceProblems } from '../../domain/eligibility.ts';
import { both } from '../../i18n/messages.ts';
import { ApiError, type Messages } from '../api/client.ts';
import type { Funder } from '../auth/api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Checkbox, CheckboxGroup, Radio, SelectField, TextField } from '../components/fields.tsx';
import { Info, LoadError, Loading, Page, RestoredNotice } from '../components/page.tsx';
import { RemoveRowButton } from '../components/rows.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { useFunders } from '../components/useFunders.ts';
import { collect, localFieldError, required, ruleErrors } from '../components/validation.ts';
import { useLocalized } from '../i18n/index.ts';
import { fileUrl, getOrganisation, type Organisation, uploadFile } from '../organisations/api.ts';
import { keys } from '../queryKeys.ts';
import { type Approval, DOCUMENTS, type EligibilityRequest, requestEligibility } from './api.ts';
import { useApprovals } from './EligibilitySection.tsx';

interface Values {
  funderId: string;
  year: string;
  statutesFileId: string;
  annualReportFileId: string;
  accountsFileId: string;
  board: BoardRow[];
  memberCount: string;
  payoutKind: string;
  payoutNumber: string;
}

/** A board member as typed: the e-mail ties a signatory to the Samverka account that may sign agreements. */
interface BoardRow {
  name: string;
  role: string;
  email: string;
  signatory: boolean;
}

const EMPTY_ROW: BoardRow = { name: '', role: '', email: '', signatory: false };
/** A row with anything in it is sent (and checked); one left wholly empty is dropped. */
const filled = (m: BoardRow) => !!(m.name.trim() || m.role.trim() || m.email.trim() || m.signatory);

type DocumentKey = (typeof DOCUMENTS)[number]['field'];

const MAX_FILE_MB = 10;

function valuesOf(existing: Approval | undefined, funderId: string, year: string): Values {
  return {
    funderId,
    year,
    statutesFileId: existing?.statutesFile ?? '',
    annualReportFileId: existing?.annualReportFile ?? '',
    accountsFileId: existing?.accountsFile ?? '',
    board: existing?.board.length
      ? existing.board.map((m) => ({ name: m.name, role: m.role, email: m.email ?? '', signatory: !!m.signatory }))
      : [{ ...EMPTY_ROW }, { ...EMPTY_ROW }],
    memberCount: existing?.memberCount === null || existing?.memberCount === undefined ? '' : String(existing.memberCount),
    payoutKind: existing?.payoutKind ?? 'bankgiro',
    payoutNumber: existing?.payoutNumber ?? '',
  };
}

/**
 * One document: chosen, it is uploaded at once, and its name (or what was wrong with it) shows on the field.
 * The one already sent stays until another replaces it.
 */
function DocumentField({
  id,
  label,
  organisationId,
  fileId,
  error,
  onUploaded,
}: {
  id: string;
  label: string;
  organisationId: string;
  fileId: string;
  error?: Messages;
  onUploaded: (fileId: string) => void;
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [state, setState] = useState<{ uploading: boolean; name: string | null; error: Messages | null }>({ uploading: false, name: null, error: null });
  const shown = state.error ?? error;

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    // The server's limit (src/server/files/routes.ts), said before a long upload rather than after it.
    if (file.size > MAX_FILE_MB * 1024 * 1024) {
      setState({ uploading: false, name: null, error: both('file_too_large', { limit: MAX_FILE_MB }) });
      return;
    }
    setState({ uploading: true, name: null, error: null });
    try {
      const uploaded = await uploadFile(organisationId, file);
      onUploaded(uploaded.id);
      setState({ uploading: false, name: uploaded.name, error: null });
    } catch (e) {
      const problem = e instanceof ApiError ? e.problem : null;
      setState({
        uploading: false,
        name: null,
        error: problem?.errors?.[0]?.messages ?? problem?.messages ?? { sv: t('common.unexpected', { lng: 'sv' }), en: t('common.unexpected', { lng: 'en' }) },
      });
    }
  }

  const describedBy = [`${id}-hint`, shown ? `${id}-error` : null, `${id}-status`].filter(Boolean).join(' ');
  return (
    <div className={`field${shown ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <p id={`${id}-hint`} className="hint">
        {t('eligibility.fileHint')}
      </p>
      {shown ? (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {localized(shown)}
        </p>
      ) : null}
      <input
        id={id}
        type="file"
        className="file-input"
        accept=".pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        aria-invalid={shown ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => void choose(e)}
      />
      <p id={`${id}-status`} className="file-status" role="status">
        {state.uploading ? t('eligibility.uploading') : state.name ? t('eligibility.uploaded', { name: state.name }) : null}
      </p>
      {fileId && !state.name && !state.uploading ? (
        <p className="file-current">
          {t('eligibility.alreadySent')}{' '}
          <a href={fileUrl(fileId)} download>
            {t('eligibility.openSent')}
            <span className="visually-hidden">: {label}</span>
          </a>
        </p>
      ) : null}
    </div>
  );
}

function RequestForm({ organisation, funders, existing, initial }: { organisation: Organisation; funders: Funder[]; existing: Approval[]; initial: Values }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const f = useAppForm<Values>({
    id: 'eligibility',
    defaultValues: initial,
    fields: (v) => [
      'funderId',
      'year',
      'statutesFileId',
      'annualReportFileId',
      'accountsFileId',
      'board',
      ...v.board.flatMap((_, i) => [`board.${i}.name`, `board.${i}.role`, `board.${i}.email`]),
      'memberCount',
      'payoutKind',
      'payoutNumber',
    ],
    draftKey: `eligibility-${organisation.id}`,
    validate: (v) => {
      const same = existing.find((a) => a.funderId === v.funderId && String(a.year) === v.year.trim());
      const taken =
        same && (same.status === 'approved' || same.status === 'rejected')
          ? [localFieldError('funderId', 'eligibility.alreadyDecided', { funder: same.funderName, year: same.year })]
          : same && (same.funderId !== initial.funderId || String(same.year) !== initial.year)
            ? [localFieldError('funderId', 'eligibility.alreadyOpen', { funder: same.funderName, year: same.year })]
            : [];
      const members = v.memberCount.trim();
      const count = members === '' ? null : /^\d+$/.test(members) ? Number(members) : Number.NaN;
      const evidence = ruleErrors(
        evidenceProblems({
          statutesFile: v.statutesFileId || null,
          annualReportFile: v.annualReportFileId || null,
          accountsFile: v.accountsFileId || null,
          // Rows left empty are dropped when sending; half-filled ones are worth a word.
          board: v.board.map((m) => (filled(m) ? m : { name: '-', role: '-' })),
          memberCount: count !== null && Number.isNaN(count) ? -1 : count,
          payoutKind: v.payoutKind === 'bankgiro' || v.payoutKind === 'plusgiro' ? v.payoutKind : null,
          payoutNumber: v.payoutNumber.trim() || null,
        }),
      );
      return collect(
        v.funderId ? taken : [localFieldError('funderId', 'eligibility.chooseFunderError')],
        required(v, 'year'),
        v.year.trim() && !/^\d{4}$/.test(v.year.trim()) ? [localFieldError('year', 'form.notAYear')] : [],
        evidence,
      );
    },
  });
  const board = useFieldArray({ control: f.form.control, name: 'board' });
  const values = f.form.watch();
  const same = existing.find((a) => a.funderId === values.funderId && String(a.year) === values.year.trim());
  const decided = same && (same.status === 'approved' || same.status === 'rejected') ? same : undefined;
  // A request already open for that funder and year is completed, not started again from nothing.
  const openElsewhere = same && !decided && (same.funderId !== initial.funderId || String(same.year) !== initial.year) ? same : undefined;

  const submit = f.onSubmit(async (v) => {
    const members = v.memberCount.trim();
    const sent = await requestEligibility(organisation.id, {
      funderId: v.funderId,
      year: Number(v.year.trim()),
      statutesFileId: v.statutesFileId || null,
      annualReportFileId: v.annualReportFileId || null,
      accountsFileId: v.accountsFileId || null,
      board: v.board.filter(filled).map((m) => ({
        name: m.name.trim(),
        role: m.role.trim(),
        ...(m.email.trim() ? { email: m.email.trim() } : {}),
        ...(m.signatory ? { signatory: true } : {}),
      })),
      memberCount: members ? Number(members) : null,
      payoutKind: v.payoutNumber.trim() ? (v.payoutKind as EligibilityRequest['payoutKind']) || null : null,
      payoutNumber: v.payoutNumber.trim() || null,
    });
    await client.invalidateQueries({ queryKey: keys.eligibility(organisation.id) });
    navigate(`/organisations/${organisation.id}`, {
      state: { flash: sent.missing.length ? 'eligibilitySentMissing' : 'eligibilitySent', flashValues: { funder: sent.funderName, year: String(sent.year) } },
    });
  });

  const boardId = f.fieldId('board');
  return (
    <div className="narrow-wide">
      <RestoredNotice restored={f.restored} />
      <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
      <form onSubmit={submit} noValidate className="form">
        <SelectField
          label={t('eligibility.funder')}
          placeholder={t('eligibility.chooseFunder')}
          options={funders.map((x) => ({ value: x.id, label: x.name }))}
          {...f.field('funderId')}
        />
        <TextField label={t('eligibility.year')} hint={t('eligibility.yearHint')} inputMode="numeric" className="input-short" {...f.field('year')} />
        {decided ? <Info>{t('eligibility.alreadyDecided', { funder: decided.funderName, year: decided.year })}</Info> : null}
        {openElsewhere ? (
          <Info>
            <p>
              {t('eligibility.alreadyOpen', { funder: openElsewhere.funderName, year: openElsewhere.year })}{' '}
              <Link
                to={`/organisations/${organisation.id}/eligibility?${new URLSearchParams({ funderId: openElsewhere.funderId, year: String(openElsewhere.year) })}`}
              >
                {t('eligibility.openExisting')}
              </Link>
            </p>
          </Info>
        ) : null}

        <fieldset className="group">
          <legend className="legend-heading">
            <h2>{t('eligibility.documents')}</h2>
          </legend>
          <p className="hint">{t('eligibility.documentsHint')}</p>
          {DOCUMENTS.map((d) => (
            <DocumentField
              key={d.field}
              id={f.fieldId(d.field)}
              label={t(`evidence.${d.item}`)}
              organisationId={organisation.id}
              fileId={values[d.field as DocumentKey]}
              error={f.errors.fields[d.field]}
              onUploaded={(id) => f.form.setValue(d.field as DocumentKey, id)}
            />
          ))}
        </fieldset>

        <fieldset className="group">
          <legend className="legend-heading">
            <h2>{t('eligibility.association')}</h2>
          </legend>
          <CheckboxGroup id={boardId} legend={t('eligibility.board')} hint={t('eligibility.boardHint')} error={f.errors.fields.board} layout="plain">
            {board.fields.map((row, i) => (
              <fieldset key={row.id} className="row-fieldset">
                <legend className="legend-small">{t('eligibility.boardMemberN', { n: i + 1 })}</legend>
                <div className="field-row">
                  <TextField label={t('fields.name')} autoComplete="off" {...f.field(`board.${i}.name`)} />
                  <TextField
                    label={t('eligibility.boardRole')}
                    hint={t('eligibility.boardRoleHint')}
                    className="input-medium"
                    {...f.field(`board.${i}.role`)}
                  />
                </div>
                <TextField
                  label={t('eligibility.boardEmail')}
                  hint={t('eligibility.boardEmailHint')}
                  optional
                  type="email"
                  autoComplete="off"
                  spellCheck={false}
                  {...f.field(`board.${i}.email`)}
                />
                <div className="field">
                  <Checkbox id={f.fieldId(`board.${i}.signatory`)} label={t('eligibility.signatory')} {...f.form.register(`board.${i}.signatory`)} />
                </div>
                <RemoveRowButton groupId={boardId} onRemove={() => board.remove(i)}>
                  {t('eligibility.removeBoardMember', { n: i + 1 })}
                </RemoveRowButton>
              </fieldset>
            ))}
            <button
              id={`${boardId}-add`}
              type="button"
              className="button button-secondary"
              onClick={() => board.append({ ...EMPTY_ROW }, { focusName: `board.${board.fields.length}.name` })}
            >
              {t('eligibility.addBoardMember')}
            </button>
          </CheckboxGroup>
          <TextField
            label={t('eligibility.memberCount')}
            hint={t('eligibility.memberCountHint')}
            inputMode="numeric"
            className="input-short"
            {...f.field('memberCount')}
          />
        </fieldset>

        <fieldset className="group">
          <legend className="legend-heading">
            <h2>{t('eligibility.payout')}</h2>
          </legend>
          <p className="hint">{t('eligibility.payoutHint')}</p>
          <CheckboxGroup id={f.fieldId('payoutKind')} legend={t('eligibility.payoutKind')} error={f.errors.fields.payoutKind} layout="stack">
            <Radio id="eligibility-payoutKind-bankgiro" value="bankgiro" label={t('eligibility.bankgiro')} {...f.form.register('payoutKind')} />
            <Radio id="eligibility-payoutKind-plusgiro" value="plusgiro" label={t('eligibility.plusgiro')} {...f.form.register('payoutKind')} />
          </CheckboxGroup>
          <TextField
            label={values.payoutKind === 'plusgiro' ? t('eligibility.plusgiroNumber') : t('eligibility.bankgiroNumber')}
            hint={values.payoutKind === 'plusgiro' ? t('eligibility.plusgiroHint') : t('eligibility.bankgiroHint')}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            className="input-medium"
            {...f.field('payoutNumber')}
          />
        </fieldset>

        <div className="actions">
          <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
            {t('eligibility.submit')}
          </button>
          <Link to={`/organisations/${organisation.id}`} className="button button-secondary">
            {t('common.cancel')}
          </Link>
        </div>
        <p className="hint">{t('eligibility.submitHint')}</p>
      </form>
    </div>
  );
}

/** An association applies to a funder to be approved as eligible for grants for a year, or sends what was asked for. */
export function EligibilityRequestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const organisation = useQuery({
    queryKey: keys.organisation(id),
    queryFn: () => getOrganisation(id),
    retry: false,
  });
  const funders = useFunders();
  const approvals = useApprovals(id);
  const error = organisation.error ?? funders.error ?? approvals.error;
  const funderId = params.get('funderId') ?? '';
  const year = params.get('year') ?? String(new Date().getFullYear());
  const existing = approvals.data?.approvals.find((a) => a.funderId === funderId && String(a.year) === year);
  return (
    <Page title={t('eligibility.requestTitle')}>
      {organisation.data ? <p className="lead">{organisation.data.name}</p> : null}
      <p>{t('eligibility.requestIntro')}</p>
      {existing?.requestNote ? (
        <div className="notice notice-warning">
          <p className="notice-title">{t('eligibility.noteFrom', { funder: existing.funderName })}</p>
          <p className="preserve-lines">{existing.requestNote}</p>
        </div>
      ) : null}
      {error ? (
        <LoadError error={error} />
      ) : organisation.data && funders.data && approvals.data ? (
        <RequestForm
          key={`${funderId}-${year}`}
          organisation={organisation.data}
          funders={funders.data.funders}
          existing={approvals.data.approvals}
          initial={valuesOf(existing, funderId, year)}
        />
      ) : (
        <Loading />
      )}
    </Page>
  );
}
