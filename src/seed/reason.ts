/** Why the demo's audit entries exist, in the language the history is read in. */
export const DEMO_REASON = 'Exempeldata, inlagd när Samverka startade första gången';
