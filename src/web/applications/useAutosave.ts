import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { type SaveState as FormSaveState, useAutosave as useFormAutosave } from '../components/useAutosave.ts';
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

export type SaveState = FormSaveState<ApplicationView>;

/**
 * Saves the draft a moment after typing stops (PUT with the version it started
 * from), keeps a copy in localStorage on every change, and stops on a conflict
 * or an expired session until the user chooses what to do.
 */
export function useAutosave<T extends FieldValues>(app: ApplicationView, form: UseFormReturn<T>, toContent: (v: T) => ApplicationContent) {
  const client = useQueryClient();
  const version = useRef(app.version);
  const saver = useFormAutosave<T, ApplicationView>({
    form,
    send: async (values, leaving) => {
      const content = toContent(values);
      const saved = await saveApplication(app.id, { content, version: version.current }, { keepalive: leaving });
      version.current = saved.version;
      const local = readLocal(app.id);
      // Typing may have gone on while the save was under way: that copy is still unsaved.
      if (local && JSON.stringify(local.content) === JSON.stringify(content)) writeLocal(app.id, { ...local, baseVersion: saved.version, synced: true });
      client.setQueryData(keys.application(app.id), saved);
      return saved.updatedAt;
    },
    onChange: (values) => writeLocal(app.id, { content: toContent(values), baseVersion: version.current, at: Date.now(), synced: false }),
    stopsOn: (error) =>
      error.code === 'edit_conflict' ? { kind: 'conflict', current: error.problem.details?.current as ApplicationView, message: error.problem.messages } : null,
  });
  const state = saver.state;

  return {
    state,
    flush: saver.flush,
    unsaved: saver.unsaved,
    atRisk: saver.atRisk,
    replace: saver.replace,
    /** Keep mine after a conflict: saved over the other version. */
    keepMine: async () => {
      if (state.kind !== 'conflict') return;
      version.current = state.current.version;
      await saver.resume(true);
    },
    /** Take theirs after a conflict: the form shows their version, and mine is dropped. */
    takeTheirs: (values: T) => {
      if (state.kind !== 'conflict') return;
      version.current = state.current.version;
      saver.replace(values);
      writeLocal(app.id, { content: state.current.content, baseVersion: state.current.version, at: Date.now(), synced: true });
      client.setQueryData(keys.application(app.id), state.current);
      void saver.resume(false, { kind: 'saved', at: state.current.updatedAt });
    },
    /** After signing in again: saving goes on from where it stopped. */
    resume: () => saver.resume(true),
    /** Saves a restored local copy over the server's version. */
    saveRestored: async (values: T) => {
      saver.replace(values);
      version.current = app.version;
      await saver.resume(true);
    },
  };
}
