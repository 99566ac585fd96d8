// Placeholder until this screen is written; it only says so.
import { Text } from 'ink';
import { Screen } from '../components/Screen.js';
import type { Route } from '../navigation.js';

export function Labs(_props: { route: Extract<Route, { name: 'labs' }> }) {
  return (
    <Screen title="Labs" hints={[]}>
      <Text>not built yet</Text>
    </Screen>
  );
}
