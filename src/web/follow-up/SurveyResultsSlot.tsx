/**
 * Where the participants' survey results of the report's agreement are shown, read-only, above the
 * association's comment on them. The results come from the survey's own component; until it is in
 * place this shows nothing, and the comment field stands alone.
 */
export function SurveyResultsSlot(_props: { agreementId: string; reportId: string }) {
  return null;
}
