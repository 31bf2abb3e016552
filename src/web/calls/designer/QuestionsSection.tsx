import { useTranslation } from 'react-i18next';
import { type DesignerForm, Group } from './parts.tsx';
import { QuestionsBuilder } from './QuestionsBuilder.tsx';

/** The call's own questions to applicants. */
export function QuestionsSection({ f }: { f: DesignerForm }) {
  const { t } = useTranslation();
  return (
    <Group id="questions" title={t('designer.groups.questions')} intro={t('designer.questionsIntro')}>
      <QuestionsBuilder f={f} />
    </Group>
  );
}
