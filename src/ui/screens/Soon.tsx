import { Text } from 'ink';
import { Screen } from '../components/Screen.js';
import { useServices } from '../services.js';

export function Soon({ what }: { what: 'labs' | 'exam' }) {
  const { t } = useServices();
  return (
    <Screen title={`${t(what)} · ${t('comingSoon')}`} hints={[t('keysBack')]}>
      <Text wrap="wrap">{t('comingSoonBody')}</Text>
    </Screen>
  );
}
