// Stand-in for react-devtools-core in the bundle. Ink only loads devtools when
// DEV=true; the shipped program does not support React DevTools.
export default {
  initialize() {},
  connectToDevTools() {},
};
