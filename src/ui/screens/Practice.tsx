// Placeholder until this screen is written; it only says so.
import { Text } from 'ink';
import { Screen } from '../components/Screen.js';
import type { Route } from '../navigation.js';

export function Practice(_props: { route: Extract<Route, { name: 'practice' }> }) {
  return (
    <Screen title="Practice" hints={[]}>
      <Text>not built yet</Text>
    </Screen>
  );
}
