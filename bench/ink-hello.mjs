// What a naive Ink app costs: unbundled, development React, one line of text.
import { createElement } from 'react';
import { render, Text } from 'ink';

const app = render(createElement(Text, null, 'hello from ink'));
setTimeout(() => app.unmount(), 50);
