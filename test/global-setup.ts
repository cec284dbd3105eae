// Once per run of the integration suite, before any test file: the migrated template every test
// file's database is copied from (see test/databases.ts), removed at the end.
import type { TestProject } from 'vitest/node';
import { makeTemplate, type Template } from './databases.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplate: Template;
  }
}

export default async function setup(project: TestProject) {
  const { template, remove } = await makeTemplate();
  project.provide('databaseTemplate', template);
  return remove;
}
