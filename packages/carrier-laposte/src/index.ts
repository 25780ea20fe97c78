export { createLaposte, laposte, type LaposteSettings } from './laposte-adapter';
export { LAPOSTE_CARRIER_ID } from './laposte-carrier';
export { parseLaposteTrackResponse } from './parse-laposte-response';
export { LAPOSTE_EVENT_CODES, LAPOSTE_TIMELINE_STEPS } from './laposte-status-tables';
