import { Box, Text, useApp, useInput } from 'ink';

/** The screen shown by `tcp-trainer` with no command, until the real menu exists. */
export function StartScreen() {
  const { exit } = useApp();

  useInput((input, key) => {
    if (input === 'q' || key.escape || (key.ctrl && input === 'c')) {
      exit();
    }
  });

  return (
    <Box flexDirection="column" paddingX={1} paddingY={1}>
      <Text bold>tcp-trainer</Text>
      <Text>The trainer is being built; try `tcp-trainer sim FILE` or `tcp-trainer --help`</Text>
      <Text dimColor>press q to quit</Text>
    </Box>
  );
}
