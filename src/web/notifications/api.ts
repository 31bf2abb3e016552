// The signed-in person's choice of mails about new work.
import { client, unwrap } from '../api/client.ts';
import type { Answer, Body } from '../api/types.ts';

export type Preference = Answer<'/api/me/notifications', 'get'>['preferences'][number];
export type Delivery = Preference['delivery'];

export const getNotificationPreferences = () => unwrap(client.GET('/api/me/notifications'));
export const setNotificationPreferences = (body: Body<'/api/me/notifications', 'put'>) => unwrap(client.PUT('/api/me/notifications', { body }));
