// Placeholder until this screen is written; it only says so.
import { Text } from 'ink';
import { Screen } from '../components/Screen.js';
import type { Route } from '../navigation.js';

export function ProgressScreen(_props: { route: Extract<Route, { name: 'progress' }> }) {
  return (
    <Screen title="ProgressScreen" hints={[]}>
      <Text>not built yet</Text>
    </Screen>
  );
}
