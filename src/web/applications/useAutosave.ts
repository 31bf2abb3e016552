import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { ApiError, type Messages, type SessionReply } from '../api/client.ts';
import { keys } from '../queryKeys.ts';
import { type ApplicationContent, type ApplicationView, saveApplication } from './api.ts';

const LOCAL_PREFIX = 'samverka.application.';

/** The copy kept in this browser: what was typed, from which saved version, and whether the server has it. */
export interface LocalCopy {
  content: ApplicationContent;
  baseVersion: number;
  at: number;
  synced: boolean;
}

export function readLocal(id: string): LocalCopy | null {
  try {
    const raw = localStorage.getItem(LOCAL_PREFIX + id);
    return raw ? (JSON.parse(raw) as LocalCopy) : null;
  } catch {
    return null;
  }
}

export function writeLocal(id: string, copy: LocalCopy) {
  try {
    localStorage.setItem(LOCAL_PREFIX + id, JSON.stringify(copy));
  } catch {
    // No storage (private mode, full): the server's copy is the only one.
  }
}

export function clearLocal(id: string) {
  try {
    localStorage.removeItem(LOCAL_PREFIX + id);
  } catch {
    // Nothing to clear.
  }
}

/** A local copy worth offering: not yet on the server, different from it, and newer than its last save. */
export function unsavedLocal(app: ApplicationView): LocalCopy | null {
  const local = readLocal(app.id);
  if (!local || local.synced) return null;
  if (JSON.stringify(local.content) === JSON.stringify(app.content)) return null;
  return local.at > Date.parse(app.updatedAt) ? local : null;
}

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; message: Messages }
  | { kind: 'signIn' }
  | { kind: 'conflict'; current: ApplicationView; message: Messages };

/**
 * Saves the draft a moment after typing stops (PUT with the version it started
 * from), keeps a copy in localStorage on every change, and stops on a conflict
 * or an expired session until the user chooses what to do.
 */
export function useAutosave<T extends FieldValues>(app: ApplicationView, form: UseFormReturn<T>, toContent: (v: T) => ApplicationContent) {
  const client = useQueryClient();
  const version = useRef(app.version);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const paused = useRef(false);
  const quiet = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const running = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const dirty = useRef(false);

  const save = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    if (paused.current) return;
    if (running.current) {
      again.current = true;
      return running.current;
    }
    dirty.current = false;
    setState({ kind: 'saving' });
    const content = toContent(form.getValues());
    const run = (async () => {
      try {
        const saved = await saveApplication(app.id, { content, version: version.current });
        version.current = saved.version;
        const local = readLocal(app.id);
        // Typing may have gone on while the save was under way: that copy is still unsaved.
        if (local && JSON.stringify(local.content) === JSON.stringify(content)) writeLocal(app.id, { ...local, baseVersion: saved.version, synced: true });
        client.setQueryData(keys.application(app.id), saved);
        setState({ kind: 'saved', at: saved.updatedAt });
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        if (error.code === 'edit_conflict') {
          paused.current = true;
          const current = error.problem.details?.current as ApplicationView;
          setState({ kind: 'conflict', current, message: error.problem.messages });
        } else if (error.needsSignIn) {
          paused.current = true;
          client.setQueryData<SessionReply>(keys.session, (old) => (old ? { ...old, user: null } : old));
          setState({ kind: 'signIn' });
        } else {
          dirty.current = true;
          setState({ kind: 'failed', message: error.problem.messages });
        }
      }
    })();
    running.current = run;
    await run;
    running.current = null;
    if (again.current) {
      again.current = false;
      await save();
    }
  }, [app.id, client, form, toContent]);

  useEffect(() => {
    const subscription = form.watch(() => {
      if (quiet.current) return;
      dirty.current = true;
      writeLocal(app.id, { content: toContent(form.getValues()), baseVersion: version.current, at: Date.now(), synced: false });
      if (paused.current) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), 800);
    });
    return () => {
      subscription.unsubscribe();
      clearTimeout(timer.current);
    };
  }, [form, app.id, toContent, save]);

  return {
    state,
    /** Saves now what is not saved yet (before moving on to the check, say). */
    flush: async () => {
      if (dirty.current || running.current) await save();
    },
    /** Replaces the form's values without counting it as typing. */
    replace: (values: T) => {
      quiet.current = true;
      form.reset(values);
      quiet.current = false;
    },
    /** Keep mine after a conflict: saved over the other version. */
    keepMine: async () => {
      if (state.kind !== 'conflict') return;
      version.current = state.current.version;
      paused.current = false;
      await save();
    },
    /** Take theirs after a conflict: the form shows their version, and mine is dropped. */
    takeTheirs: (values: T) => {
      if (state.kind !== 'conflict') return;
      version.current = state.current.version;
      paused.current = false;
      quiet.current = true;
      form.reset(values);
      quiet.current = false;
      writeLocal(app.id, { content: state.current.content, baseVersion: state.current.version, at: Date.now(), synced: true });
      client.setQueryData(keys.application(app.id), state.current);
      setState({ kind: 'saved', at: state.current.updatedAt });
    },
    /** After signing in again: saving goes on from where it stopped. */
    resume: async () => {
      paused.current = false;
      await save();
    },
    /** Saves a restored local copy over the server's version. */
    saveRestored: async (values: T) => {
      quiet.current = true;
      form.reset(values);
      quiet.current = false;
      version.current = app.version;
      await save();
    },
  };
}
