import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { ApiError, type Messages, type SessionReply } from '../api/client.ts';
import { keys } from '../queryKeys.ts';

/** Where saving stands; `C` is what a conflict carries (the other person's version). */
export type SaveState<C = never> =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; message: Messages }
  /** What is typed cannot be saved as it stands (a rule the server keeps even for drafts). */
  | { kind: 'invalid' }
  | { kind: 'signIn' }
  | { kind: 'conflict'; current: C; message: Messages };

export interface AutosaveOptions<T extends FieldValues, C> {
  form: UseFormReturn<T>;
  /**
   * Sends what is typed and answers when it was saved (an ISO time). `leaving`: the page is going
   * away, so the request must outlive it (fetch's keepalive).
   */
  send: (values: T, leaving: boolean) => Promise<string>;
  /** Each change, before it is saved (a copy kept in this browser, say). */
  onChange?: (values: T) => void;
  /** A refusal the person must decide on (an edit conflict): the state to show; saving waits for `resume`. */
  stopsOn?: (error: ApiError) => SaveState<C> | null;
  /** False: changes are only noted, never saved (a published call changes by amendment). */
  enabled?: boolean;
  delayMs?: number;
}

/**
 * Saves a form a moment after typing stops, one request at a time, and once more as the page goes
 * away (closed, reloaded, hidden); stops on a conflict or an expired session until the person
 * chooses. Knows at every moment whether something typed is not on the server yet.
 */
export function useAutosave<T extends FieldValues, C = never>(options: AutosaveOptions<T, C>) {
  const { form } = options;
  const latest = useRef(options);
  latest.current = options;
  const client = useQueryClient();
  const [state, setState] = useState<SaveState<C>>({ kind: 'idle' });
  const paused = useRef(false);
  const quiet = useRef(false);
  /** Typed since the last save began. */
  const dirty = useRef(false);
  /** The last attempt did not save (failed, invalid, stopped). */
  const troubled = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const running = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const enabled = options.enabled !== false;

  const save = useCallback(
    async (leaving = false): Promise<void> => {
      clearTimeout(timer.current);
      if (paused.current || latest.current.enabled === false) return;
      if (running.current) {
        again.current = true;
        return running.current;
      }
      dirty.current = false;
      if (!leaving) setState({ kind: 'saving' });
      const run = (async () => {
        try {
          const at = await latest.current.send(form.getValues(), leaving);
          troubled.current = false;
          setState({ kind: 'saved', at });
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          dirty.current = true;
          troubled.current = true;
          if (error.needsSignIn) client.setQueryData<SessionReply>(keys.session, (old) => (old ? { ...old, user: null } : old));
          const stop = latest.current.stopsOn?.(error) ?? (error.needsSignIn ? ({ kind: 'signIn' } as const) : null);
          if (stop) {
            paused.current = true;
            setState(stop);
          } else if (error.code === 'validation_failed') setState({ kind: 'invalid' });
          else setState({ kind: 'failed', message: error.problem.messages });
        }
      })();
      running.current = run;
      try {
        await run;
      } finally {
        running.current = null;
      }
      if (again.current) {
        again.current = false;
        await save();
      }
    },
    [form, client],
  );

  useEffect(() => {
    const subscription = form.watch(() => {
      if (quiet.current) return;
      dirty.current = true;
      latest.current.onChange?.(form.getValues());
      if (paused.current || latest.current.enabled === false) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), latest.current.delayMs ?? 800);
    });
    return () => {
      subscription.unsubscribe();
      clearTimeout(timer.current);
    };
  }, [form, save]);

  // Closing or reloading the tab, or switching away from it: what is waiting goes now, with keepalive.
  useEffect(() => {
    if (!enabled) return;
    const leave = () => {
      if (dirty.current && !paused.current && !running.current) void save(true);
    };
    const hidden = () => {
      if (document.visibilityState === 'hidden') leave();
    };
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, [enabled, save]);

  const unsaved = useCallback(() => dirty.current || !!running.current || paused.current, []);

  /** Saves now what is not saved yet; true when nothing typed is left unsaved. */
  const flush = useCallback(async () => {
    if (running.current) await running.current;
    if (dirty.current && !paused.current) await save();
    while (running.current) await running.current;
    return !unsaved();
  }, [save, unsaved]);

  return {
    state,
    flush,
    unsaved,
    /**
     * Unsaved, and the page's own save as it goes away will not help: the last attempt failed, saving
     * is stopped, or typing went on while a save was under way (that save must answer before the next).
     */
    atRisk: useCallback(
      () => unsaved() && (troubled.current || paused.current || latest.current.enabled === false || (!!running.current && dirty.current)),
      [unsaved],
    ),
    /** Waits for a save under way and cancels the one waiting, before the page saves by other means. */
    settle: async () => {
      clearTimeout(timer.current);
      if (running.current) await running.current;
    },
    /** Saved by other means (the save button): nothing is waiting. */
    savedElsewhere: (at: string) => {
      clearTimeout(timer.current);
      dirty.current = false;
      troubled.current = false;
      setState({ kind: 'saved', at });
    },
    /** Replaces the form's values without counting it as typing. */
    replace: (values: T) => {
      quiet.current = true;
      form.reset(values);
      quiet.current = false;
    },
    /** Saving goes on after a stop (a conflict decided, signed in again); `andSave`: saves at once. */
    resume: async (andSave: boolean, shown?: SaveState<C>) => {
      paused.current = false;
      if (shown) {
        dirty.current = false;
        troubled.current = false;
        setState(shown);
      }
      if (andSave) await save();
    },
  };
}
