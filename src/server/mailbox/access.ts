import { isIP } from 'node:net';
import type { Config } from '../../config.ts';

/** A loopback address: 127.0.0.0/8, ::1, or 127.x written as an IPv6-mapped address. */
export function isLoopback(ip: string): boolean {
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  if (isIP(v4) === 4) return v4.split('.')[0] === '127';
  return ip === '::1';
}

/**
 * Whether the local mailbox may be read from this address. It holds every mail the service wrote,
 * password resets and invitations among them, so it is served only to the machine itself (the
 * client's address as the proxy gives it when TRUST_PROXY is set) unless MAILBOX_FROM_ANYWHERE
 * opens it, and never in production.
 */
export function mayReadMailbox(config: Config, ip: string): boolean {
  return config.localMailbox && !config.production && (config.mailboxFromAnywhere || isLoopback(ip));
}
