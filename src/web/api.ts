// The app's entry (main.tsx) imports the client's errors and the language cookie from here; everything
// else uses src/web/api/client.ts and its capability's data-access module.
export { ApiError, type FieldError, languageCookie, type Messages, type Problem } from './api/client.ts';
