import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The envelope (RCPT TO) recipients. */
  to: string[];
  messageId: string | undefined;
  subject: string | undefined;
  text: string;
  parsed: ParsedMail;
}

export interface TestSmtp {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  readonly url: string;
  readonly port: number;
  readonly running: boolean;
  /** Every message received since start (or since clear()), in order of arrival. */
  readonly messages: ReceivedMail[];
  /** How many received messages carry this Message-ID. */
  countByMessageId(messageId: string): number;
  clear(): void;
  /** Closes the listening socket (and any open connection): clients now get ECONNREFUSED. */
  stop(): Promise<void>;
  /** Listens again on the same port, keeping the messages received so far. */
  restart(): Promise<void>;
}

/**
 * A real SMTP server on the loopback interface, without TLS or authentication,
 * that parses what it receives. Delivery tests read `messages` from it.
 */
export async function startSmtpServer(): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  let server: SMTPServer | null = null;
  let port = 0;

  const create = () =>
    new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      // stop() should not wait for idle connections to say goodbye.
      closeTimeout: 100,
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            messages.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              messageId: parsed.messageId,
              subject: parsed.subject,
              text: parsed.text ?? '',
              parsed,
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });

  const listen = (s: SMTPServer, wanted: number) =>
    new Promise<number>((resolve, reject) => {
      s.once('error', reject);
      s.listen(wanted, '127.0.0.1', () => {
        s.off('error', reject);
        // Errors after start (a client hanging up mid-session) must not crash the test run.
        s.on('error', () => {});
        resolve((s.server.address() as AddressInfo).port);
      });
    });

  const start = async () => {
    const s = create();
    port = await listen(s, port);
    server = s;
  };

  await start();

  return {
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    get running() {
      return server !== null;
    },
    messages,
    countByMessageId: (messageId) => messages.filter((m) => m.messageId === messageId).length,
    clear: () => {
      messages.length = 0;
    },
    stop: async () => {
      const s = server;
      if (!s) return;
      server = null;
      await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    restart: async () => {
      if (server) return;
      await start();
    },
  };
}
