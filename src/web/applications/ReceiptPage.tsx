import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate } from '../calls/format.ts';
import { LoadError, Loading, Page, Success } from '../components/page.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { receiptUrl } from './api.ts';
import { dateTime } from './format.ts';
import { useApplication } from './useApplication.ts';

/** After submission: the case number, when it was received, the PDF receipt, that a mail is on its way, and what happens next. */
export function ReceiptPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { app, error } = useApplication(id);
  const data = app.data;
  return (
    <Page title={t('receipt.title')}>
      {error ? (
        <LoadError error={error} />
      ) : !data ? (
        <Loading />
      ) : data.caseNumber && data.submittedAt ? (
        <>
          <Success>{t('receipt.received', { funder: data.funderName })}</Success>
          <dl className="facts receipt">
            <div>
              <dt>{t('application.caseNumber')}</dt>
              <dd className="case-number">{data.caseNumber}</dd>
            </div>
            <div>
              <dt>{t('application.received')}</dt>
              <dd>{dateTime(data.submittedAt)}</dd>
            </div>
            <div>
              <dt>{t('application.fields.title')}</dt>
              <dd>{data.content.title}</dd>
            </div>
          </dl>
          <p>{t('receipt.mailSent')}</p>
          <section className="section" aria-labelledby="next-heading">
            <h2 id="next-heading">{t('receipt.nextHeading')}</h2>
            <ol className="spaced-list what-next">
              <li>{t('receipt.nextScreening', { funder: data.funderName })}</li>
              <li>{t('receipt.nextAssessment')}</li>
              <li>{data.deadline ? t('receipt.nextDecisionAfter', { date: formatDate(data.deadline) }) : t('receipt.nextDecision')}</li>
              <li>{t('receipt.nextTold')}</li>
            </ol>
            <p>{t('receipt.nextContact', { funder: data.funderName, caseNumber: data.caseNumber })}</p>
          </section>
          <p>{t('receipt.public')}</p>
          <ul className="link-list">
            <li>
              <a href={receiptUrl(id, currentLanguage())}>{t('receipt.pdf')}</a>
            </li>
            <li>
              <Link to={`/applications/${id}`}>{t('receipt.view')}</Link>
            </li>
            <li>
              <Link to={`/organisations/${data.organisationId}`}>{t('application.backToOrganisation', { name: data.organisationName })}</Link>
            </li>
          </ul>
        </>
      ) : (
        <p>
          <Link to={`/applications/${id}`}>{t('receipt.notSubmitted')}</Link>
        </p>
      )}
    </Page>
  );
}
