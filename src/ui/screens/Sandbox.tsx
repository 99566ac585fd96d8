// Placeholder until this screen is written; it only says so.
import { Text } from 'ink';
import { Screen } from '../components/Screen.js';
import type { Route } from '../navigation.js';

export function Sandbox(_props: { route: Extract<Route, { name: 'sandbox' }> }) {
  return (
    <Screen title="Sandbox" hints={[]}>
      <Text>not built yet</Text>
    </Screen>
  );
}
