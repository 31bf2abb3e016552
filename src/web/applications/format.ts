// The web app has one way of writing dates and times (calls/format.ts); the application pages use it from here.
export { clock, dateTime } from '../calls/format.ts';
