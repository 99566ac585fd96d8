// Labs: the sandbox first, then every guided lab in topic order with the
// learner's best score. Enter opens one.

import { Box, Text } from 'ink';
import { Screen } from '../components/Screen.js';
import { Menu, type MenuItem } from '../components/Menu.js';
import { useBodySize, useNav } from '../nav-context.js';
import { useServices } from '../services.js';
import type { Route } from '../navigation.js';
import { lastLab } from './lab-memory.js';
import { clean, truncate } from '../text.js';
import { LAB_STRINGS } from './lab-strings.js';

export function Labs(_props: { route: Extract<Route, { name: 'labs' }> }) {
  const { t, lang } = useServices();
  return (
    <Screen title={LAB_STRINGS[lang].labs} hints={[t('keysSelect'), t('keysBack')]}>
      <LabList />
    </Screen>
  );
}

function LabList() {
  const { course, progress, lang } = useServices();
  const { go } = useNav();
  const { columns, rows } = useBodySize();
  const s = LAB_STRINGS[lang];
  const topicTitle = new Map(course.topics.map((tp) => [tp.key, clean(tp.title[lang])]));
  const items: MenuItem<Route>[] = [{ key: 'sandbox', label: s.sandboxItem, note: s.sandboxNote, value: { name: 'sandbox' } }];
  for (const l of course.labs) {
    const rec = progress.labs?.[l.key];
    const score = rec ? s.best(Math.round(rec.best * 100), rec.attempts) : s.fresh;
    const title = clean(l.lab.title[lang]);
    const topic = topicTitle.get(l.lab.topic);
    items.push({ key: l.key, label: title, note: topic && topic !== title ? `${topic} · ${score}` : score, value: { name: 'lab', id: l.key } });
  }
  const done = course.labs.filter((l) => progress.labs?.[l.key]).length;
  return (
    <Box flexDirection="column">
      <Text dimColor wrap="truncate-end">
        {truncate(course.labs.length === 0 ? s.noLabs : s.listSummary(course.labs.length, done), columns)}
      </Text>
      <Menu
        items={items}
        rows={Math.max(1, rows - 1)}
        width={columns}
        initialIndex={Math.max(0, items.findIndex((i) => i.key === lastLab(course)))}
        onSelect={(route) => go({ type: 'push', route })}
      />
    </Box>
  );
}
