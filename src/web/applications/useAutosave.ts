import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { ApiError } from '../api/client.ts';
import { type SaveState as FormSaveState, useAutosave as useFormAutosave } from '../components/useAutosave.ts';
import { keys } from '../queryKeys.ts';
import { type ApplicationContent, type ApplicationView, saveApplication } from './api.ts';

const LOCAL_PREFIX = 'samverka.application.';

/** The copy kept in this browser: what was typed, from which saved version, and whether the server has it. */
export interface LocalCopy<C = ApplicationContent> {
  content: C;
  baseVersion: number;
  at: number;
  synced: boolean;
}

/** A draft saved with its version (an application, a follow-up report): what the server answers to a save. */
export interface VersionedDraft<C> {
  id: string;
  version: number;
  updatedAt: string;
  updatedBy?: string | null;
  content: C;
}

/** Where a kind of draft keeps its local copy, how it is saved and where its view is cached. */
export interface DraftStore<C, V extends VersionedDraft<C>> {
  /** The localStorage key's prefix, one per kind of draft. */
  localPrefix: string;
  save: (id: string, body: { content: C; version: number }, init: { keepalive?: boolean }) => Promise<V>;
  queryKey: (id: string) => QueryKey;
}

export function readLocal<C = ApplicationContent>(id: string, prefix = LOCAL_PREFIX): LocalCopy<C> | null {
  try {
    const raw = localStorage.getItem(prefix + id);
    return raw ? (JSON.parse(raw) as LocalCopy<C>) : null;
  } catch {
    return null;
  }
}

export function writeLocal<C = ApplicationContent>(id: string, copy: LocalCopy<C>, prefix = LOCAL_PREFIX) {
  try {
    localStorage.setItem(prefix + id, JSON.stringify(copy));
  } catch {
    // No storage (private mode, full): the server's copy is the only one.
  }
}

export function clearLocal(id: string, prefix = LOCAL_PREFIX) {
  try {
    localStorage.removeItem(prefix + id);
  } catch {
    // Nothing to clear.
  }
}

/** A local copy worth offering: not yet on the server, different from it, and newer than its last save. */
export function unsavedLocal<C = ApplicationContent>(draft: VersionedDraft<C>, prefix = LOCAL_PREFIX): LocalCopy<C> | null {
  const local = readLocal<C>(draft.id, prefix);
  if (!local || local.synced) return null;
  if (JSON.stringify(local.content) === JSON.stringify(draft.content)) return null;
  return local.at > Date.parse(draft.updatedAt) ? local : null;
}

export type SaveState<V = ApplicationView> = FormSaveState<V>;

/**
 * Saves a versioned draft a moment after typing stops (PUT with the version it started from), keeps a
 * copy in localStorage on every change, and stops on a conflict or an expired session until the user
 * chooses what to do.
 */
export function useDraftAutosave<T extends FieldValues, C, V extends VersionedDraft<C>>(
  draft: V,
  form: UseFormReturn<T>,
  toContent: (v: T) => C,
  store: DraftStore<C, V>,
) {
  const client = useQueryClient();
  const version = useRef(draft.version);
  const { localPrefix: prefix } = store;
  const saver = useFormAutosave<T, V>({
    form,
    send: async (values, leaving) => {
      const content = toContent(values);
      const saved = await store.save(draft.id, { content, version: version.current }, { keepalive: leaving });
      version.current = saved.version;
      const local = readLocal<C>(draft.id, prefix);
      // Typing may have gone on while the save was under way: that copy is still unsaved.
      if (local && JSON.stringify(local.content) === JSON.stringify(content))
        writeLocal(draft.id, { ...local, baseVersion: saved.version, synced: true }, prefix);
      client.setQueryData(store.queryKey(draft.id), saved);
      return saved.updatedAt;
    },
    onChange: (values) => writeLocal(draft.id, { content: toContent(values), baseVersion: version.current, at: Date.now(), synced: false }, prefix),
    stopsOn: (error: ApiError) =>
      error.code === 'edit_conflict' ? { kind: 'conflict', current: error.problem.details?.current as V, message: error.problem.messages } : null,
  });
  const state = saver.state;

  return {
    state,
    flush: saver.flush,
    unsaved: saver.unsaved,
    atRisk: saver.atRisk,
    replace: saver.replace,
    /** The version the next save starts from (what a submit names). */
    version: () => version.current,
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
      writeLocal(draft.id, { content: state.current.content, baseVersion: state.current.version, at: Date.now(), synced: true }, prefix);
      client.setQueryData(store.queryKey(draft.id), state.current);
      void saver.resume(false, { kind: 'saved', at: state.current.updatedAt });
    },
    /** After signing in again: saving goes on from where it stopped. */
    resume: () => saver.resume(true),
    /** Saves a restored local copy over the server's version. */
    saveRestored: async (values: T) => {
      saver.replace(values);
      version.current = draft.version;
      await saver.resume(true);
    },
  };
}

const APPLICATIONS: DraftStore<ApplicationContent, ApplicationView> = {
  localPrefix: LOCAL_PREFIX,
  save: (id, body, init) => saveApplication(id, body, init),
  queryKey: (id) => keys.application(id),
};

/** The application's draft, saved as one types (see useDraftAutosave). */
export function useAutosave<T extends FieldValues>(app: ApplicationView, form: UseFormReturn<T>, toContent: (v: T) => ApplicationContent) {
  return useDraftAutosave(app, form, toContent, APPLICATIONS);
}
