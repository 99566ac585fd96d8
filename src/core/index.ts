export * from './types.js';
export * from './segment.js';
export * from './seq.js';
export * from './profile.js';
export * from './world.js';
export { appCall, APP_CALLS, type AppCall } from './calls.js';
export { nextDeadline, runningTimers, type RunningTimer } from './timers.js';
export { stateOf } from './tcb.js';
export { synCookie } from './listener.js';
