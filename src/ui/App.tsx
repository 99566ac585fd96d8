// The trainer: a stack of screens, the keys that work everywhere, and a
// guard for terminals too small to draw in (the screens stay mounted behind
// it, so nothing typed is lost while the window is resized).

import { useCallback, useReducer, useRef, type FC, type ReactNode } from 'react';
import { Box, Text, useApp } from 'ink';
import { KeysProvider, useKeys } from './use-keys.js';
import { navigate, type NavAction, type Route } from './navigation.js';
import { BodySizeContext, NavContext } from './nav-context.js';
import { useChrome } from './components/Screen.js';
import { useServices } from './services.js';
import { Home } from './screens/Home.js';
import { screens } from './screens/index.js';

export const MIN_COLUMNS = 40;
export const MIN_ROWS = 12;

function ScreenFor({ route }: { route: Route }): ReactNode {
  switch (route.name) {
    case 'home':
      return <Home />;
    default: {
      // The map pairs each name with the screen for that route, so the cast is sound.
      const Component = screens[route.name] as FC<{ route: Route }>;
      return <Component route={route} />;
    }
  }
}

export function App({ initial }: { initial?: Route[] }) {
  return (
    <KeysProvider>
      <Screens initial={initial} />
    </KeysProvider>
  );
}

function Screens({ initial }: { initial?: Route[] }) {
  const { exit } = useApp();
  const { t } = useServices();
  const [stack, dispatch] = useReducer(navigate, initial ?? [{ name: 'home' }]);
  const capture = useRef(false);
  const route = stack[stack.length - 1]!;
  const { columns, rows, bodyRows } = useChrome();
  const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;

  const go = useCallback((action: NavAction) => {
    capture.current = false;
    dispatch(action);
  }, []);
  const setCapture = useCallback((on: boolean) => {
    capture.current = on;
  }, []);

  useKeys((input, key) => {
    if (key.ctrl && input === 'c') {
      exit();
      return;
    }
    if (key.escape) {
      if (stack.length === 1) exit();
      else go({ type: 'back' });
      return;
    }
    if (capture.current || tooSmall) return;
    if (input === '?' && route.name !== 'help') go({ type: 'push', route: { name: 'help' } });
    else if (input === 'q') {
      if (stack.length === 1) exit();
      else go({ type: 'back' });
    }
  });

  return (
    <NavContext.Provider value={{ route, depth: stack.length, go, setCapture }}>
      {tooSmall ? <Text wrap="wrap">{t('tooSmall', { w: columns, h: rows, minW: MIN_COLUMNS, minH: MIN_ROWS })}</Text> : null}
      {/* Every screen, and anything in it, may ask for the body's size with useBodySize(). */}
      <BodySizeContext.Provider value={{ columns, rows: bodyRows }}>
        <Box display={tooSmall ? 'none' : 'flex'} flexDirection="column">
          <ScreenFor key={stack.length} route={route} />
        </Box>
      </BodySizeContext.Provider>
    </NavContext.Provider>
  );
}
