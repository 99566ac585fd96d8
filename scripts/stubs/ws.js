// Stand-in for the `ws` WebSocket library, which only Ink's React DevTools
// bridge uses (DEV=true); the shipped program never connects to DevTools.
export default class WebSocket {
  constructor() {
    throw new Error('React DevTools are not supported in the bundled tcp-trainer');
  }
}
