// Placeholder until this screen is written; it only says so.
import { Text } from 'ink';
import { Screen } from '../components/Screen.js';
import type { Route } from '../navigation.js';

export function Exam(_props: { route: Extract<Route, { name: 'exam' }> }) {
  return (
    <Screen title="Exam" hints={[]}>
      <Text>not built yet</Text>
    </Screen>
  );
}
